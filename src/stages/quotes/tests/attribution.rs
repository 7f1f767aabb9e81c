//! Attribution tests: speaker after, before, by pronoun, role, source cue and
//! continuation; hand-written sentences in fr, it, en, de, es.

use super::{run, P};
use crate::model::{EntityType, QuoteKind};
use crate::stages::quotes::speakers::score;

#[test]
fn role_resolved_through_apposition_or_left_as_text() {
    let body = "Le porte-parole du Kremlin, Dmitri Peskov, était à Moscou.\n« La Russie reste en contact avec Israël », c’est ce qu’a affirmé le porte-parole du Kremlin.";
    let q = run("fr", body, &[("Dmitri Peskov", "Dmitri_Peskov", P)]);
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Dmitri_Peskov"));
    assert_eq!(q[0].1.speaker.as_deref(), Some("Dmitri Peskov"));
    assert_eq!(q[0].1.cue.as_deref(), Some("a affirmé"));
    assert_eq!(q[0].1.score, score::ROLE);
    let body = "«Aucune négociation n’est prévue», a indiqué un porte-parole du ministère.";
    let q = run("fr", body, &[]);
    assert_eq!(
        q[0].1.speaker.as_deref(),
        Some("un porte-parole du ministère")
    );
    assert_eq!(q[0].1.speaker_id, None);
    let body = "“We will respond,” the ministry’s spokesman, Nasser Kanaani, said.";
    let q = run("en", body, &[("Nasser Kanaani", "Nasser_Kanaani", P)]);
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Nasser_Kanaani"));
}

#[test]
fn pronoun_prefers_previous_quote_speaker_over_names_inside_quotes() {
    let body = "« Poutine a parlé à Raïssi hier », a déclaré Peskov.\nLavrov était absent.\n« Le président Raïssi l’a remercié », a-t-il déclaré.";
    let q = run(
        "fr",
        body,
        &[
            ("Peskov", "Dmitri_Peskov", P),
            ("Poutine", "Vladimir_Putin", P),
            ("Raïssi", "Ebrahim_Raisi", P),
            ("Lavrov", "Sergei_Lavrov", P),
        ],
    );
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].1.speaker_id.as_deref(), Some("Dmitri_Peskov"));
    let body = "Lavrov était à Ankara. « Rien n’est décidé », a-t-il ajouté.";
    let q = run("fr", body, &[("Lavrov", "Sergei_Lavrov", P)]);
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Sergei_Lavrov"));
    assert!(q[0].1.score < score::NAME_SUBJECT, "{:?}", q[0].1);
}

#[test]
fn participle_and_before_cues_find_the_subject() {
    let body = "Ahmadian a fustigé l’Occident, déclarant à son homologue russe : « La grandeur de l’Amérique a été brisée », selon les médias d’État.";
    let q = run("fr", body, &[("Ahmadian", "Ali_Akbar_Ahmadian", P)]);
    assert_eq!(q[0].1.speaker.as_deref(), Some("Ahmadian"));
    assert_eq!(q[0].1.cue.as_deref(), Some("déclarant"));
    let body = "Bagheri ha anche detto a Shoigu che le relazioni sono “profonde e strategiche”.";
    let q = run(
        "it",
        body,
        &[
            ("Bagheri", "Mohammad_Bagheri", P),
            ("Shoigu", "Sergei_Shoigu", P),
        ],
    );
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Mohammad_Bagheri"));
    assert_eq!(q[0].1.kind, QuoteKind::Partial);
}

#[test]
fn continuation_paragraph_and_unattributed_quote() {
    let body = "Abou Marzouk a déclaré : « Cette opération était un miracle. »\n« Nous croyons que Gaza sortira avec fierté de cette étape. »\nAilleurs, « la paix est loin » pour beaucoup.";
    let q = run("fr", body, &[("Abou Marzouk", "Moussa_Abou_Marzouk", P)]);
    assert_eq!(q.len(), 3);
    assert_eq!(q[1].1.speaker_id.as_deref(), Some("Moussa_Abou_Marzouk"));
    assert!(q[1].1.score == score::CONTINUATION && q[1].1.cue.is_none());
    assert_eq!(q[2].1.speaker, None);
    assert_eq!(q[2].1.score, score::NONE);
}

#[test]
fn untagged_names_colon_paragraph_and_roles_before_org_mentions() {
    let body = "Hier, le Kremlin a réagi.\nLe porte-parole du Kremlin a déclaré :\n« Nous restons en contact avec Téhéran. »\n« Rien n’est exclu », a déclaré Jean-Yves Le Drian aux journalistes.";
    let q = run("fr", body, &[("Kremlin", "Kremlin", EntityType::Org)]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        q[0].1.speaker.as_deref(),
        Some("Le porte-parole du Kremlin")
    );
    assert_eq!(q[0].1.speaker_id, None);
    assert_eq!(q[0].1.cue.as_deref(), Some("a déclaré"));
    assert_eq!(q[1].1.speaker.as_deref(), Some("Jean-Yves Le Drian"));
    // An untagged name next to the cue: no entity id, its full name, a name's score.
    assert_eq!(q[1].1.speaker_id, None);
    assert_eq!(q[1].1.speaker_name.as_deref(), Some("Jean-Yves Le Drian"));
    assert!(q[1].1.score >= 0.6);
    let body = "Mercredi, Ahmadian a déclaré : « L’Occident a échoué. »";
    let q = run("fr", body, &[]);
    assert_eq!(q[0].1.speaker.as_deref(), Some("Ahmadian"));
    let body = "„Wir verhandeln weiter“, sagte der Sprecher des Ministeriums.";
    let q = run("de", body, &[]);
    assert_eq!(
        q[0].1.speaker.as_deref(),
        Some("der Sprecher des Ministeriums")
    );
}

#[test]
fn according_to_pronoun_and_role_after_a_long_lead() {
    let body = "Peskov a parlé longuement. Selon lui, la situation est « extrêmement tendue ».\n« Nous agirons », a déclaré à la presse le porte-parole du Kremlin, Dmitri Peskov.";
    let names = [
        ("Peskov a", "Dmitri_Peskov", P),
        ("Dmitri Peskov", "Dmitri_Peskov", P),
    ];
    let q = run("fr", body, &names);
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Dmitri_Peskov"));
    assert_eq!(q[0].1.cue.as_deref(), Some("Selon"));
    assert_eq!(q[1].1.speaker_id.as_deref(), Some("Dmitri_Peskov"));
    assert!(q[1].1.score >= 0.85, "{:?}", q[1].1);
    let body = "“We will not back down,” the ministry’s spokesman said. According to her, talks are “frozen for now”.";
    let q = run("en", body, &[]);
    assert_eq!(q[0].1.speaker.as_deref(), Some("the ministry’s spokesman"));
    assert_eq!(q[0].1.speaker_id, None);
    assert_eq!(q[1].1.cue.as_deref(), Some("According to"));
}

#[test]
fn an_accented_pronoun_in_a_cue_must_keep_its_accent() {
    let body = "«Tenemos que actuar ya», dijo el consejero de Agricultura, Manuel Ortega.";
    let names = [("Manuel Ortega", "gz:person:manuel-ortega", P)];
    let q = run("es", body, &names);
    assert_eq!(q[0].1.cue.as_deref(), Some("dijo"));
    assert_ne!(q[0].1.speaker.as_deref(), Some("Agricultura"));
    let body = "Ortega habló con la prensa. «No hay agua para todos», dijo él.";
    let names = [("Ortega", "gz:person:manuel-ortega", P)];
    let q = run("es", body, &names);
    assert_eq!(q[0].1.cue.as_deref(), Some("dijo él"));
    assert_eq!(
        q[0].1.speaker_id.as_deref(),
        Some("gz:person:manuel-ortega")
    );
}

#[test]
fn going_on_is_a_speech_cue_in_italian_spanish_and_german() {
    // "continue" / "go on" after a quotation, as the en and fr lists already have it.
    let body = "La sindaca Laura Ferri ha parlato in consiglio comunale.\n«Il cantiere chiuderà a marzo», ha proseguito la sindaca. «Poi toccherà alla scuola», ha continuato Ferri.";
    let q = run(
        "it",
        body,
        &[
            ("Laura Ferri", "Laura_Ferri", P),
            ("Ferri", "Laura_Ferri", P),
        ],
    );
    assert_eq!(q[0].1.cue.as_deref(), Some("ha proseguito"));
    assert_eq!(q[1].1.cue.as_deref(), Some("ha continuato"));
    assert_eq!(q[1].1.speaker_id.as_deref(), Some("Laura_Ferri"));
    let body = "«Nadie quedará fuera», prosiguió Marta Gil.";
    let q = run("es", body, &[("Marta Gil", "Marta_Gil", P)]);
    assert_eq!(q[0].1.cue.as_deref(), Some("prosiguió"));
    let body = "Jonas Brandt leitet das Werk.\n„Wir bauen weiter“, fuhr er fort.";
    let q = run("de", body, &[("Jonas Brandt", "Jonas_Brandt", P)]);
    assert_eq!(q[0].1.cue.as_deref(), Some("fuhr er fort"));
    assert_eq!(q[0].1.speaker_id.as_deref(), Some("Jonas_Brandt"));
}
