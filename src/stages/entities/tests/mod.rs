//! The entities stage's tests, one file per concept, and the support they share: one
//! tagger built from the default configuration, documents of one language, and the
//! mentions a body yields as (text, type, id, method).

mod config;
mod gold;
mod guess;
mod kb;
mod model;
mod names;
mod orgs;
mod seeds;
mod typing;
mod words;

use std::sync::OnceLock;

use super::model::choice::DEFAULTS;
use super::{EntitiesConfig, EntityTagger};
use crate::lexicon::Lexicon;
use crate::model::Document;

/// The configuration of the rules alone: every shipped model turned off (`none`), as for
/// a language without a model.
fn rules_config() -> EntitiesConfig {
    EntitiesConfig {
        model: DEFAULTS
            .iter()
            .map(|&(lang, _)| (lang.to_string(), "none".to_string()))
            .collect(),
        ..EntitiesConfig::default()
    }
}

/// The tagger of the rules alone (today's passes, what a language without a model gets),
/// built once for every test of the rules.
fn tagger() -> &'static EntityTagger {
    static T: OnceLock<EntityTagger> = OnceLock::new();
    T.get_or_init(|| {
        let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
        rules_config().build(&lex).expect("tagger")
    })
}

/// The tagger of the default configuration (the shipped models), built once.
fn model_tagger() -> &'static EntityTagger {
    static T: OnceLock<EntityTagger> = OnceLock::new();
    T.get_or_init(|| {
        let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
        EntitiesConfig::default().build(&lex).expect("tagger")
    })
}

/// A document of language `lang` whose body is `body`.
fn doc(lang: &str, body: &str) -> Document {
    Document {
        language: lang.into(),
        body: body.into(),
        ..Document::default()
    }
}

/// (text, type, id, method) of one mention.
type Tagged = (String, &'static str, String, &'static str);

/// Every mention as [`Tagged`].
fn tag(lang: &str, body: &str) -> Vec<Tagged> {
    let d = doc(lang, body);
    tagger()
        .tag(&d)
        .into_iter()
        .map(|m| {
            (
                body[m.start..m.end].to_string(),
                m.entity_type.as_str(),
                m.entity_id,
                m.method,
            )
        })
        .collect()
}

/// The written text of every mention.
fn texts(lang: &str, body: &str) -> Vec<String> {
    tag(lang, body).into_iter().map(|m| m.0).collect()
}

/// The id of the mention written `text`; panics when there is none.
fn id_of(mentions: &[Tagged], text: &str) -> String {
    mentions
        .iter()
        .find(|m| m.0 == text)
        .map(|m| m.2.clone())
        .unwrap_or_else(|| panic!("{text} not found in {mentions:?}"))
}
