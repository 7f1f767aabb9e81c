//! Feature-style descriptions after a cue ("says the affable proprietor"): a definite
//! article with a modifier refers back to the person the narration just named; the
//! previous quote’s own speaker and bare nouns ("the father") are not taken. Impersonal
//! cues ("hieß es", "si legge") name nobody.

use super::{run, speaker, P};
use crate::stages::quotes::speakers::score;

#[test]
fn en_a_modified_description_names_the_person_just_written_about() {
    let body = "“Bread sells out by nine,” said the baker, Tom Ashby.\nDown the lane, Nora Quill runs the only bookshop in town. “People still want paper,” says the soft-spoken Glasgow native.";
    let names = [
        ("Tom Ashby", "Tom_Ashby", P),
        ("Nora Quill", "Nora_Quill", P),
    ];
    let q = run("en", body, &names);
    assert_eq!(q[1].1.speaker_id.as_deref(), Some("Nora_Quill"));
    assert_eq!(q[1].1.score, score::DESCRIBED_BACK);
}

#[test]
fn fr_it_es_de_the_article_marks_a_description_that_refers_back() {
    let cases = [
        ("fr", "Lucie Garnier tient la boulangerie depuis vingt ans. « Le pain, c'est la vie », confie la discrète quinquagénaire.", "Lucie Garnier"),
        ("it", "Paolo Serra gestisce la bottega da trent'anni. «Qui non chiude nessuno», ha detto il vecchio artigiano.", "Paolo Serra"),
        ("es", "Marta Ibáñez abrió la tienda en 1990. «Aquí seguimos», dijo la veterana tendera.", "Marta Ibáñez"),
        ("de", "Jonas Feld führt die Werkstatt seit Jahren. „Wir machen weiter“, sagte der gelernte Schreiner.", "Jonas Feld"),
    ];
    for (lang, body, name) in cases {
        let id = name.replace(' ', "_");
        let q = run(lang, body, &[(name, id.as_str(), P)]);
        assert_eq!(q[0].1.speaker_id.as_deref(), Some(id.as_str()), "{lang}");
    }
}

#[test]
fn the_previous_speaker_and_a_bare_noun_are_not_taken() {
    // Only the previous quote's own speaker is named since it: the description stays.
    let body = "“We print ten copies,” says Kim’s partner, Ada Moss. The minimum is one. “One!” says the cheerful owner.";
    let q = run("en", body, &[("Ada Moss", "Ada_Moss", P)]);
    assert_eq!(speaker(&q, 1), Some("the cheerful owner"));
    let body = "Ada Moss waited outside. “He was a good boy,” said the father.";
    let q = run("en", body, &[("Ada Moss", "Ada_Moss", P)]);
    assert_eq!(speaker(&q, 0), Some("the father"));
}

#[test]
fn an_impersonal_cue_names_nobody_unless_a_name_follows_it() {
    use crate::model::EntityType;
    let cases = [
        ("de", "Kanzler Olaf Brandt reiste ab.\n„Die Gespräche sind festgefahren“, hieß es aus Verhandlungskreisen."),
        ("fr", "Le préfet Marc Olivier a visité le site. « Aucune victime n'est à déplorer », peut-on lire dans le communiqué."),
        ("it", "Il sindaco Carlo Fanti è arrivato. «Il ponte resterà chiuso», si legge nella nota."),
        ("es", "La alcaldesa Rosa Vidal llegó tarde. «El puente seguirá cerrado», se lee en el comunicado."),
    ];
    let names = [
        ("Olaf Brandt", "Olaf_Brandt", P),
        ("Marc Olivier", "Marc_Olivier", P),
        ("Carlo Fanti", "Carlo_Fanti", P),
        ("Rosa Vidal", "Rosa_Vidal", P),
    ];
    for (lang, body) in cases {
        let q = run(lang, body, &names);
        assert_eq!(speaker(&q, 0), None, "{lang}");
        assert_eq!(q[0].1.score, score::IMPERSONAL, "{lang}");
    }
    let body = "„Wir prüfen den Fall“, hieß es aus dem Innenministerium.";
    let q = run(
        "de",
        body,
        &[("Innenministerium", "Innenministerium", EntityType::Org)],
    );
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Innenministerium"));
}
