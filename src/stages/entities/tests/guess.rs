//! Unconfirmed names typed by default ([`crate::stages::entities::typing::guess`]) and the CLDR part of the KB.

use crate::lexicon::Lexicon;
use crate::model::{Document, EntityType};
use crate::stages::entities::EntityTagger;

/// The rules alone (these tests are of the rules).
fn tagger() -> EntityTagger {
    let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
    super::rules_config().build(&lex).expect("tagger")
}

fn tag(t: &EntityTagger, lang: &str, body: &str) -> Vec<(String, EntityType, &'static str)> {
    let doc = Document {
        language: lang.into(),
        body: body.into(),
        ..Document::default()
    };
    t.tag(&doc)
        .into_iter()
        .map(|m| (body[m.start..m.end].to_string(), m.entity_type, m.method))
        .collect()
}

#[test]
fn italian_unconfirmed_names_are_guessed_inside_sentences() {
    let t = tagger();
    let found = tag(
        &t,
        "it",
        "Ieri la squadra di Pescarola ha vinto contro il Feyenoord Rotterdam. Sicuramente \
         la partita è stata seguita dalla RAI, da Osvaldo Zampetti e dal sindaco Marco \
         Bellini; Bellini ha poi parlato con i tifosi del Feyenoord.",
    );
    let has = |s: &str, ty: EntityType| found.iter().any(|(w, t, _)| w == s && *t == ty);
    assert!(has("Pescarola", EntityType::Loc), "{found:?}");
    assert!(has("Feyenoord Rotterdam", EntityType::Org), "{found:?}");
    assert!(has("Osvaldo Zampetti", EntityType::Person), "{found:?}");
    assert!(has("RAI", EntityType::Org), "{found:?}");
    assert!(has("Bellini", EntityType::Person), "{found:?}");
    assert!(
        !found.iter().any(|(w, _, _)| w == "Sicuramente"),
        "{found:?}"
    );
}

#[test]
fn quotation_openers_and_common_nouns_are_not_guessed() {
    let t = tagger();
    let found = tag(
        &t,
        "it",
        "Il portavoce ha detto: «Siamo pronti», mentre lo Stato e la Repubblica tacciono.",
    );
    for word in ["Siamo", "Stato", "Repubblica"] {
        assert!(
            !found.iter().any(|(w, _, _)| w == word),
            "{word}: {found:?}"
        );
    }
}

#[test]
fn german_and_unknown_languages_keep_only_confirmed_names() {
    let t = tagger();
    let found = tag(
        &t,
        "de",
        "Gestern hat die Regierung in Hauptstadt Beratungen geführt.",
    );
    assert!(found.iter().all(|(_, _, m)| *m != "pattern"), "{found:?}");
    let found = tag(
        &t,
        "und",
        "Ieri la squadra di Pescarola ha vinto contro Ruvino.",
    );
    assert!(!found.iter().any(|(w, _, _)| w == "Ruvino"), "{found:?}");
}

#[test]
fn cldr_territories_and_cities_share_one_id_across_languages() {
    let t = tagger();
    let id_of = |lang: &str, body: &str, name: &str| {
        let doc = Document {
            language: lang.into(),
            body: body.into(),
            ..Document::default()
        };
        t.tag(&doc)
            .into_iter()
            .find(|m| &body[m.start..m.end] == name)
            .map(|m| m.entity_id)
    };
    let fr = id_of(
        "fr",
        "Il est arrivé au Kirghizistan puis à Oulan-Bator.",
        "Kirghizistan",
    );
    let de = id_of("de", "Er reiste nach Kirgisistan.", "Kirgisistan");
    let ru = id_of("ru", "Он поехал в Киргизия.", "Киргизия");
    assert!(fr.is_some());
    assert_eq!(fr, de);
    assert_eq!(fr, ru);
    let tehran_it = id_of("it", "Il ministro è atterrato a Teheran.", "Teheran");
    assert_eq!(tehran_it.as_deref(), Some("Q3616"));
}

#[test]
fn an_article_before_an_unconfirmed_name_makes_an_organisation_everywhere_in_the_document() {
    let t = tagger();
    let found = tag(
        &t,
        "it",
        "Il piano industriale dell'Alitalia prevede tagli. Secondo i sindacati, Alitalia \
         perderà altri posti; la trattativa della Perfetti continua a Brescello.",
    );
    let ty = |s: &str| found.iter().find(|(w, _, _)| w == s).map(|f| f.1);
    let alitalia: Vec<_> = found.iter().filter(|(w, _, _)| w == "Alitalia").collect();
    assert_eq!(alitalia.len(), 2, "{found:?}");
    assert!(alitalia.iter().all(|f| f.1 == EntityType::Org), "{found:?}");
    assert_eq!(ty("Perfetti"), Some(EntityType::Org), "{found:?}");
    let club = tag(
        &t,
        "it",
        "Ha giocato a lungo con il Rosslyn Park prima di ritirarsi.",
    );
    assert!(
        club.iter()
            .any(|(w, ty, _)| w == "Rosslyn Park" && *ty == EntityType::Org),
        "{club:?}"
    );
    assert_eq!(ty("Brescello"), Some(EntityType::Loc), "{found:?}");
}

#[test]
fn head_words_type_unconfirmed_names_of_several_words() {
    let t = tagger();
    let found = tag(
        &t,
        "it",
        "Hanno votato contro Sinistra Unita e Lega Nord, mentre il corteo raggiungeva \
         Piazza Verde nel pomeriggio.",
    );
    let ty = |s: &str| found.iter().find(|(w, _, _)| w == s).map(|f| f.1);
    assert_eq!(ty("Lega Nord"), Some(EntityType::Org), "{found:?}");
    assert_eq!(ty("Piazza Verde"), Some(EntityType::Loc), "{found:?}");
    let en = tag(
        &t,
        "en",
        "Thousands gathered near Hyde Park on Sunday morning.",
    );
    assert!(
        en.iter()
            .any(|(w, ty, _)| w == "Hyde Park" && *ty == EntityType::Loc),
        "{en:?}"
    );
}

#[test]
fn regnal_numbers_belong_to_the_name_and_are_not_acronyms() {
    let t = tagger();
    let found = tag(
        &t,
        "it",
        "Ieri il messaggio di Benedetto XVI è stato letto durante la XV edizione del festival.",
    );
    assert!(
        found
            .iter()
            .any(|(w, ty, _)| w == "Benedetto XVI" && *ty == EntityType::Person),
        "{found:?}"
    );
    assert!(!found.iter().any(|(w, _, _)| w == "XV"), "{found:?}");
}

#[test]
fn coordinated_names_share_the_type_their_context_gives_one_of_them() {
    let t = tagger();
    let found = tag(
        &t,
        "it",
        "Alla riunione con il ministro Giulio Tremonti e Brunetta, partita ieri da Elista, si discute.",
    );
    let ty = |s: &str| found.iter().find(|(w, _, _)| w == s).map(|f| f.1);
    assert_eq!(ty("Giulio Tremonti"), Some(EntityType::Person), "{found:?}");
    assert_eq!(ty("Brunetta"), Some(EntityType::Person), "{found:?}");
    assert_eq!(ty("Elista"), Some(EntityType::Loc), "{found:?}");
}

#[test]
fn a_complement_before_an_apposed_name_is_not_coordinated_with_it() {
    let t = tagger();
    let text = "«Cada metro cúbico cuenta», dijo el consejero de Agricultura, Manuel Ortega, ayer.";
    let found = tag(&t, "es", text);
    let ty = |s: &str| found.iter().find(|(w, _, _)| w == s).map(|f| f.1);
    assert_eq!(ty("Manuel Ortega"), Some(EntityType::Person), "{found:?}");
    assert_ne!(ty("Agricultura"), Some(EntityType::Person), "{found:?}");
}

#[test]
fn a_lone_name_before_a_speech_verb_is_a_person_unless_it_heads_an_organisation() {
    let t = tagger();
    let found = tag(
        &t,
        "it",
        "Durante la conferenza, Brambilla ha dichiarato che il Senato ha detto no.",
    );
    let ty = |s: &str| found.iter().find(|(w, _, _)| w == s).map(|f| f.1);
    assert_eq!(ty("Brambilla"), Some(EntityType::Person), "{found:?}");
    assert_ne!(ty("Senato"), Some(EntityType::Person), "{found:?}");
}

#[test]
fn a_known_name_that_is_also_a_sentence_opening_common_word_is_skipped_there() {
    let t = tagger();
    let found = tag(
        &t,
        "it",
        "Nato a Liverpool nel 1947, fu ministro. Oggi la Nato si riunisce.",
    );
    let nato: Vec<_> = found.iter().filter(|(w, _, _)| w == "Nato").collect();
    assert_eq!(nato.len(), 1, "{found:?}");
}

#[test]
fn known_names_carry_case_endings_in_languages_that_glue_them() {
    let t = tagger();
    let fi = tag(
        &t,
        "fi",
        "Eilen kokous pidettiin Lontoossa, ja huomenna Pariisiin.",
    );
    assert!(
        fi.iter()
            .any(|(w, ty, _)| w == "Lontoossa" && *ty == EntityType::Loc),
        "{fi:?}"
    );
    assert!(fi.iter().any(|(w, _, _)| w == "Pariisiin"), "{fi:?}");
    let en = tag(
        &t,
        "en",
        "Reports from the Londoner and the Parisian arrived late.",
    );
    assert!(
        !en.iter()
            .any(|(_, ty, m)| *ty == EntityType::Loc && *m == "gazetteer"),
        "{en:?}"
    );
}

#[test]
fn a_lone_given_name_is_a_person_and_languages_without_defaults_guess_nothing() {
    let t = tagger();
    let found = tag(
        &t,
        "it",
        "Siamo partiti in tre: io, Bruno e Luciano, verso il porto di Tangeri.",
    );
    let ty = |s: &str| found.iter().find(|(w, _, _)| w == s).map(|f| f.1);
    assert_eq!(ty("Luciano"), Some(EntityType::Person), "{found:?}");
    let de = tag(
        &t,
        "de",
        "Gestern sprach man über die Zukunft und das Wetter der Region.",
    );
    assert!(de.is_empty(), "{de:?}");
}
