//! Unconfirmed names typed by default ([`super::guess`]) and the CLDR part of the KB.

use super::*;
use crate::model::Document;

fn tagger() -> EntityTagger {
    let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
    let settings = EntitiesConfig::default().validate().expect("settings");
    EntityTagger::new(&settings, &lex).expect("tagger")
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
         la partita è stata seguita dalla RAI e dal sindaco Marco Bellini; Bellini ha poi \
         parlato con i tifosi del Feyenoord.",
    );
    let has = |s: &str, ty: EntityType| found.iter().any(|(w, t, _)| w == s && *t == ty);
    assert!(has("Pescarola", EntityType::Loc), "{found:?}");
    assert!(has("Feyenoord Rotterdam", EntityType::Person), "{found:?}");
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
