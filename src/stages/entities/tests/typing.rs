//! Tests of the evidence that types names missing from the knowledge base (nouns before
//! and after them, surnames of full names, given names inside a run) and of known or
//! repeated names under a case ending, on sentences written for them.

use super::{id_of, tag, Tagged};

fn type_of(m: &[Tagged], text: &str) -> Option<&'static str> {
    m.iter().find(|x| x.0 == text).map(|x| x.1)
}

#[test]
fn a_common_noun_before_or_apposed_types_the_name() {
    let m = tag(
        "it",
        "Il treno è arrivato in ritardo alla stazione di Borgonuovo. La nave della \
         compagnia genovese Onde Azzurre ha urtato uno scoglio, ha riferito la sorellastra \
         di Ermanno. Il giornale era critico nei confronti di Rinascita, il partito di \
         maggioranza.",
    );
    assert_eq!(type_of(&m, "Borgonuovo"), Some("LOC"), "{m:?}");
    assert_eq!(type_of(&m, "Onde Azzurre"), Some("ORG"), "{m:?}");
    assert_eq!(type_of(&m, "Ermanno"), Some("PERSON"), "{m:?}");
    assert_eq!(type_of(&m, "Rinascita"), Some("ORG"), "{m:?}");
}

#[test]
fn an_organisation_noun_does_not_reach_through_a_preposition() {
    // "il partito di X" names the party's leader, not a party.
    let m = tag("it", "Ieri il partito di Castellani ha votato contro.");
    assert_ne!(type_of(&m, "Castellani"), Some("ORG"), "{m:?}");
}

#[test]
fn the_surname_of_a_full_name_guessed_elsewhere_is_that_person() {
    let m = tag(
        "it",
        "Ieri Floyd Mayweather ha vinto ai punti. Con questa vittoria Mayweather \
         conquista la fama, mentre la squadra di Gary Wayne Coleman perde. Ieri Coleman \
         era a Bristol.",
    );
    assert_eq!(type_of(&m, "Mayweather"), Some("PERSON"), "{m:?}");
    assert_eq!(type_of(&m, "Coleman"), Some("PERSON"), "{m:?}");
    assert_eq!(id_of(&m, "Coleman"), id_of(&m, "Gary Wayne Coleman"));
}

#[test]
fn a_name_opening_a_sentence_is_kept_when_written_inside_one_too() {
    let m = tag(
        "it",
        "La regata è stata vinta da Veltronia. Veltronia ha poi perso la seconda.",
    );
    assert_eq!(m.iter().filter(|x| x.0 == "Veltronia").count(), 2, "{m:?}");
}

#[test]
fn a_given_name_inside_a_run_starts_a_new_name() {
    let m = tag(
        "it",
        "Si è dimesso l'amministratore delegato di Ferrovie Giuseppe Biesuz ieri. \
         La manifestazione partirà da Piazza Giuseppe Garibaldi alle dieci.",
    );
    assert_eq!(type_of(&m, "Giuseppe Biesuz"), Some("PERSON"), "{m:?}");
    assert!(
        m.iter().all(|x| !x.0.contains("Ferrovie Giuseppe")),
        "{m:?}"
    );
    assert!(
        m.iter().any(|x| x.0 == "Piazza Giuseppe Garibaldi"),
        "{m:?}"
    );
}

#[test]
fn a_known_name_under_a_case_ending_and_stem_change_keeps_its_id() {
    let fi = tag(
        "fi",
        "Hallitus kokoontui eilen Helsingissä, ja Englannin lähettiläs puhui Suomen \
         puolesta.",
    );
    let en = tag("en", "Ministers from England and Finland met in Helsinki.");
    assert_eq!(id_of(&fi, "Helsingissä"), id_of(&en, "Helsinki"));
    assert_eq!(id_of(&fi, "Englannin"), id_of(&en, "England"));
    assert_eq!(id_of(&fi, "Suomen"), id_of(&en, "Finland"));
    // English has no case endings: no stem is ever stripped there.
    let plain = tag("en", "Mr Helsingin arrived.");
    assert!(
        plain.iter().all(|x| x.2 != id_of(&en, "Helsinki")),
        "{plain:?}"
    );
}

#[test]
fn an_inflected_unknown_name_takes_the_id_of_its_base_form_in_the_document() {
    let m = tag(
        "fi",
        "Eilen professori Werner Kallbart puhui yliopistossa. Hän sanoi, että \
         Kallbartin kirja ilmestyy keväällä.",
    );
    assert_eq!(id_of(&m, "Kallbartin"), id_of(&m, "Werner Kallbart"));
    assert_eq!(type_of(&m, "Kallbartin"), Some("PERSON"), "{m:?}");
}

#[test]
fn a_common_given_name_starts_a_person_unless_a_head_word_makes_a_place() {
    let m = tag(
        "it",
        "La mostra è stata aperta da Lorella Bertoncini e dal sindaco. La nave ha \
         attraversato il Mar Mediterraneo prima di arrivare.",
    );
    assert_eq!(type_of(&m, "Lorella Bertoncini"), Some("PERSON"), "{m:?}");
    assert_ne!(type_of(&m, "Mar Mediterraneo"), Some("PERSON"), "{m:?}");
}

#[test]
fn a_run_is_not_cut_before_a_given_name_that_starts_an_organisation_or_ends_a_title() {
    let m = tag(
        "en",
        "The tanker was towed by Bosphorus Marine Services on Monday. \"We are adding lanes,\" \
         said Deputy Secretary Laura Bennett.",
    );
    assert_eq!(
        type_of(&m, "Bosphorus Marine Services"),
        Some("ORG"),
        "{m:?}"
    );
    assert_eq!(type_of(&m, "Laura Bennett"), Some("PERSON"), "{m:?}");
    assert_eq!(type_of(&m, "Deputy Secretary"), None, "{m:?}");
}
