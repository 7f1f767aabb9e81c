//! The trained tagger in the stage: `stages.entities.model` chosen per language, bad model
//! files refused at build time with the key and the file, the model's mentions linked to
//! the knowledge base, and the rules for a language without a model.

use std::collections::BTreeMap;

use super::{doc, model_tagger, rules_config};
use crate::lexicon::{embedded_bytes, Lexicon};
use crate::stages::entities::EntitiesConfig;

fn with_model(lang: &str, value: &str) -> EntitiesConfig {
    EntitiesConfig {
        model: BTreeMap::from([(lang.to_string(), value.to_string())]),
        ..EntitiesConfig::default()
    }
}

fn build_error(config: &EntitiesConfig) -> crate::Error {
    let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
    config.build(&lex).expect_err("a bad model must be refused")
}

#[test]
fn a_bad_model_is_a_config_error_naming_the_key_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ner");
    let e = build_error(&with_model("it", missing.to_str().unwrap()));
    assert_eq!(e.exit_code(), 2);
    let msg = e.to_string();
    assert!(
        msg.contains("stages.entities.model.it") && msg.contains("missing.ner"),
        "{msg}"
    );

    let shipped = embedded_bytes("models/it/model.ner").expect("shipped it model");
    let cut = dir.path().join("cut.ner");
    std::fs::write(&cut, &shipped[..shipped.len() / 2]).unwrap();
    let msg = build_error(&with_model("it", cut.to_str().unwrap())).to_string();
    assert!(
        msg.contains("cut.ner") && msg.contains("truncated"),
        "{msg}"
    );

    let text = dir.path().join("text.ner");
    std::fs::write(&text, "not a model").unwrap();
    let msg = build_error(&with_model("it", text.to_str().unwrap())).to_string();
    assert!(msg.contains("magic"), "{msg}");

    let msg = build_error(&with_model("fr", "it")).to_string();
    assert!(
        msg.contains("stages.entities.model.fr") && msg.contains("`it`"),
        "{msg}"
    );
    let msg = build_error(&with_model("it", "klingon")).to_string();
    assert!(msg.contains("no shipped model `klingon`"), "{msg}");
    let msg = build_error(&with_model("Italian", "none")).to_string();
    assert!(msg.contains("stages.entities.model.Italian"), "{msg}");
}

#[test]
fn a_users_model_file_is_loaded_and_none_turns_a_language_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.ner");
    std::fs::write(&path, embedded_bytes("models/it/model.ner").unwrap()).unwrap();
    let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
    let t = with_model("it", path.to_str().unwrap())
        .build(&lex)
        .unwrap();
    assert!(t.models()["it"].source.ends_with("mine.ner"));
    assert!(
        t.models().contains_key("de"),
        "other languages keep their default"
    );
    let off = with_model("it", "none").build(&lex).unwrap();
    assert!(!off.models().contains_key("it"));
    let rules = rules_config().build(&lex).unwrap();
    assert!(rules.models().is_empty());
}

#[test]
fn the_model_finds_and_types_names_and_the_kb_gives_ids() {
    let body = "Il presidente Sergio Mattarella ha incontrato ieri a Palermo i \
                dirigenti della Fiat e il ministro Sergei Shoigu. Mattarella ha poi \
                lasciato la Sicilia.";
    let m: Vec<(String, &str, String, &str)> = model_tagger()
        .tag(&doc("it", body))
        .into_iter()
        .map(|m| {
            (
                body[m.start..m.end].to_string(),
                m.entity_type.as_str(),
                m.entity_id,
                m.method,
            )
        })
        .collect();
    let find = |w: &str| {
        m.iter()
            .find(|x| x.0 == w)
            .unwrap_or_else(|| panic!("{w}: {m:?}"))
    };
    assert_eq!(find("Sergio Mattarella").1, "PERSON");
    assert_eq!(find("Palermo").1, "LOC");
    assert_eq!(find("Fiat").1, "ORG");
    assert_eq!(find("Sergio Mattarella").3, "model");
    // The short form takes the full name's id; a known person keeps the KB's id.
    assert_eq!(find("Mattarella").2, find("Sergio Mattarella").2);
    let kb_id = super::tag("it", "Sergei Shoigu ha detto.")
        .into_iter()
        .find(|x| x.0 == "Sergei Shoigu")
        .map(|x| x.2);
    assert_eq!(Some(find("Sergei Shoigu").2.clone()), kb_id, "{m:?}");
}

#[test]
fn a_model_span_holds_no_edge_punctuation_and_short_forms_join_the_full_name() {
    let body = "Phil Mickelson won again. “It was fun,” Mickelson said. \
                “We will see,” Mickelson added after Rod Brind'Amour spoke.";
    let m = model_tagger().tag(&doc("en", body));
    let texts: Vec<&str> = m.iter().map(|x| &body[x.start..x.end]).collect();
    for t in &texts {
        assert!(
            t.chars().next().is_some_and(char::is_alphanumeric)
                && t.chars()
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || c == '.'),
            "{texts:?}"
        );
    }
    let full = m.iter().find(|x| &body[x.start..x.end] == "Phil Mickelson");
    let full = full.unwrap_or_else(|| panic!("{texts:?}"));
    let short: Vec<_> = m
        .iter()
        .filter(|x| &body[x.start..x.end] == "Mickelson")
        .collect();
    assert_eq!(short.len(), 2, "{texts:?}");
    assert!(short.iter().all(|x| x.entity_id == full.entity_id), "{m:?}");
    assert!(texts.contains(&"Rod Brind'Amour"), "{texts:?}");
}

#[test]
fn a_language_without_a_model_gets_the_rules() {
    let body = "Presidentti Sauli Niinistö vieraili Helsingissä.";
    let m = model_tagger().tag(&doc("fi", body));
    assert!(!m.is_empty());
    assert!(m.iter().all(|x| x.method != "model"), "{m:?}");
}
