//! Tests of organisation typing on sentences written for them: words no person's name
//! holds, cues only an organisation has, what the text says a name is, adjectives after
//! a head word, a head word before a known place, and where a title's organisation ends.

use super::{tag, Tagged};

fn type_of<'a>(m: &'a [Tagged], text: &str) -> Option<&'a str> {
    m.iter().find(|x| x.0 == text).map(|x| x.1)
}

fn types_of<'a>(m: &'a [Tagged], text: &str) -> Vec<&'a str> {
    m.iter().filter(|x| x.0 == text).map(|x| x.1).collect()
}

#[test]
fn a_demonym_or_an_abstract_noun_makes_an_unconfirmed_name_an_organisation() {
    let m = tag(
        "it",
        "Alla riunione hanno partecipato anche i volontari di Nuova Solidarietà, arrivati \
         da lontano.",
    );
    assert_eq!(type_of(&m, "Nuova Solidarietà"), Some("ORG"), "{m:?}");
    let m = tag(
        "en",
        "The trucks belonged to Kenyan Haulage, which had bought them last year.",
    );
    assert_eq!(type_of(&m, "Kenyan Haulage"), Some("ORG"), "{m:?}");
}

#[test]
fn an_organisation_cue_types_every_mention_of_the_name() {
    let m = tag(
        "en",
        "On Monday Norvex said it would cut prices. Analysts expect shares of Norvex to \
         fall, and the chief executive of Quorland agreed. Last week Quorland said it \
         had no plan.",
    );
    assert_eq!(types_of(&m, "Norvex"), ["ORG", "ORG"], "{m:?}");
    assert_eq!(types_of(&m, "Quorland"), ["ORG", "ORG"], "{m:?}");
    let m = tag(
        "it",
        "Ieri l'amministratore delegato della Ferrolinea ha parlato ai sindacati. La rete \
         gestita da Ferrolinea conta cento stazioni.",
    );
    assert_eq!(types_of(&m, "Ferrolinea"), ["ORG", "ORG"], "{m:?}");
}

#[test]
fn a_thing_that_speaks_is_an_organisation_but_a_titled_name_stays_a_person() {
    let m = tag(
        "en",
        "The app was removed on Tuesday. Yesterday Brightlane said it would update its \
         software soon. Mr. Holloway said the ruling and its timing were unfair.",
    );
    assert_eq!(type_of(&m, "Brightlane"), Some("ORG"), "{m:?}");
    assert_eq!(type_of(&m, "Holloway"), Some("PERSON"), "{m:?}");
}

#[test]
fn what_the_text_says_a_name_is_types_it() {
    let m = tag(
        "it",
        "Il trofeo è tornato in Europa. Velarossa è stata la prima squadra a vincerlo due \
         volte, e ieri Velarossa ha festeggiato.",
    );
    assert_eq!(types_of(&m, "Velarossa"), ["ORG", "ORG"], "{m:?}");
    let m = tag(
        "en",
        "The shelter is run by Corrow Hall, a charity founded in 1950. The study \
         was led by Corrow Hall.",
    );
    assert_eq!(types_of(&m, "Corrow Hall"), ["ORG", "ORG"], "{m:?}");
}

#[test]
fn a_name_after_a_title_and_an_article_is_no_person() {
    // People take no article in Italian: "delle" marks the organisation the title heads.
    let m = tag(
        "it",
        "È morto il presidente onorario delle Cartiere Riunite. Aveva ottant'anni.",
    );
    assert_eq!(type_of(&m, "Cartiere Riunite"), Some("ORG"), "{m:?}");
}

#[test]
fn an_organisation_runs_on_over_the_adjectives_after_its_head_word() {
    let m = tag(
        "it",
        "Il caso è finito davanti alla Commissione tributaria, poi alla Corte penale \
         internazionale, mentre il Ministero della Salute ghanese taceva.",
    );
    assert_eq!(type_of(&m, "Commissione tributaria"), Some("ORG"), "{m:?}");
    assert_eq!(
        type_of(&m, "Corte penale internazionale"),
        Some("ORG"),
        "{m:?}"
    );
    assert_eq!(
        type_of(&m, "Ministero della Salute ghanese"),
        Some("ORG"),
        "{m:?}"
    );
    let m = tag(
        "fr",
        "Le texte a été validé par le Conseil constitutionnel mardi.",
    );
    assert_eq!(type_of(&m, "Conseil constitutionnel"), Some("ORG"), "{m:?}");
}

#[test]
fn a_known_place_after_an_organisation_head_word_names_the_organisation() {
    let m = tag(
        "en",
        "Benefits are paid by Veterans Affairs Canada, and the sailors of Team New \
         Zealand won the race in New Zealand.",
    );
    assert_eq!(type_of(&m, "Veterans Affairs Canada"), Some("ORG"), "{m:?}");
    assert_eq!(type_of(&m, "Team New Zealand"), Some("ORG"), "{m:?}");
    assert_eq!(type_of(&m, "New Zealand"), Some("LOC"), "{m:?}");
    // German capitalises every noun: "das Ministerium" is no name's head there.
    let m = tag(
        "de",
        "Ob das Ministerium Frankreich retten kann, ist offen.",
    );
    assert_eq!(type_of(&m, "Frankreich"), Some("LOC"), "{m:?}");
}

#[test]
fn a_person_after_an_organisation_of_several_words_is_cut_from_it_after_a_title() {
    let m = tag(
        "it",
        "Sul posto è arrivato il presidente della Regione Molise Carlo Verdini.",
    );
    assert_eq!(type_of(&m, "Regione Molise"), Some("ORG"), "{m:?}");
    assert_eq!(type_of(&m, "Carlo Verdini"), Some("PERSON"), "{m:?}");
}

#[test]
fn a_name_ending_with_an_organisation_of_the_document_is_one() {
    let m = tag(
        "en",
        "Jane Doyle, a researcher at Corvane, wrote the report. \"Halder Corvane found \
         the flaw,\" she said.",
    );
    assert_eq!(type_of(&m, "Corvane"), Some("ORG"), "{m:?}");
    assert_eq!(type_of(&m, "Halder Corvane"), Some("ORG"), "{m:?}");
}

#[test]
fn the_name_a_linked_title_heads_is_kept_before_the_person() {
    let m = tag(
        "it",
        "In sala c'erano il presidente della Cantinalta Marco Ferretti e il ministro del \
         Lavoro Aldo Zanetti.",
    );
    assert_eq!(type_of(&m, "Cantinalta"), Some("ORG"), "{m:?}");
    assert_eq!(type_of(&m, "Marco Ferretti"), Some("PERSON"), "{m:?}");
    assert_eq!(type_of(&m, "Aldo Zanetti"), Some("PERSON"), "{m:?}");
    assert_eq!(type_of(&m, "Lavoro"), None, "{m:?}");
}

#[test]
fn a_capitalised_title_after_a_comma_says_nothing_of_the_name() {
    // A programme listing: "Le Club des …" is the title of a show, not what it is.
    let m = tag(
        "fr",
        "Ce soir à la radio : Radiolande, Le Club des poètes ; puis Radiolande, Le Club \
         des amis.",
    );
    assert_ne!(type_of(&m, "Radiolande"), Some("ORG"), "{m:?}");
    let m = tag(
        "fr",
        "Le festival est organisé par Radiolande, la société qui gère les ondes.",
    );
    assert_eq!(type_of(&m, "Radiolande"), Some("ORG"), "{m:?}");
}

#[test]
fn an_organisation_run_on_over_adjectives_takes_the_id_of_its_whole_name() {
    // Italy's ministry and Ghana's are two organisations: the longer name gets its own id.
    let m = tag(
        "it",
        "Il Ministero della Salute ha chiesto chiarimenti, mentre il Ministero della Salute \
         ghanese taceva.",
    );
    let id = |t: &str| m.iter().find(|x| x.0 == t).map(|x| x.2.clone());
    let (short, long) = (
        id("Ministero della Salute"),
        id("Ministero della Salute ghanese"),
    );
    assert!(short.is_some() && long.is_some(), "{m:?}");
    assert_ne!(short, long, "{m:?}");
    let m = tag(
        "it",
        "Il caso è ora davanti alla Corte penale internazionale.",
    );
    let corte = m.iter().find(|x| x.0 == "Corte penale internazionale");
    assert!(
        corte.is_some_and(|x| x.2.contains("internazionale")),
        "{m:?}"
    );
}

#[test]
fn a_head_word_before_a_place_takes_one_word_before_it_at_most() {
    // A title-case headline: the organisation must not run back over the person.
    let m = tag(
        "en",
        "Prime Minister Justin Trudeau Congratulated Team Canada On Their Win.",
    );
    assert_eq!(type_of(&m, "Justin Trudeau"), Some("PERSON"), "{m:?}");
    assert!(
        m.iter().all(|x| !(x.0.contains("Trudeau") && x.1 == "ORG")),
        "{m:?}"
    );
}

#[test]
fn an_organisation_cue_retypes_the_models_places_but_not_its_known_names() {
    use crate::lexicon::Lexicon;
    use crate::model::EntityType::{Loc, Org};
    use crate::stages::entities::draft::Draft;
    use crate::stages::entities::lists::context_lists::ContextLists;
    use crate::stages::entities::typing::org_cues::type_by_org_cues;
    use crate::text::sentence_spans;

    let text = "Il treno di Varenna è in ritardo. Le azioni di Varenna sono salite, \
                e anche le azioni di Roma.";
    let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
    let lists = ContextLists::new(&lex);
    let draft = |w: &str, nth: usize, canonical: Option<&str>| {
        let start = text.match_indices(w).nth(nth).unwrap().0;
        Draft {
            start,
            end: start + w.len(),
            id: format!("gz:{w}"),
            entity_type: Loc,
            canonical: canonical.map(str::to_string),
            method: "model",
            score: 0.8,
        }
    };
    let mut drafts = vec![
        draft("Varenna", 0, None),
        draft("Varenna", 1, None),
        draft("Roma", 0, Some("Rome")),
    ];
    let sentences = sentence_spans(text);
    type_by_org_cues(
        text,
        &sentences,
        lists.for_lang("it"),
        &mut drafts,
        "pattern",
    );
    assert!(
        drafts.iter().all(|d| d.entity_type == Loc),
        "only `model` names"
    );
    type_by_org_cues(text, &sentences, lists.for_lang("it"), &mut drafts, "model");
    let types: Vec<_> = drafts.iter().map(|d| d.entity_type).collect();
    assert_eq!(types, [Org, Org, Loc]);
}
