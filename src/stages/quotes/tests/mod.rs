//! The quotes stage's tests, one file per concept, and the support they share: the stage,
//! documents and hand-built entity mentions. `calibration` holds the score-band counts of
//! the calibration reports (`gold` here, and the ggt diagnostic of the dev crate).

mod apposed_names;
mod attribution;
pub(super) mod calibration;
mod candidates;
mod descriptions;
mod gold;
mod org_descriptions;
mod ranking;
mod seeds;
mod spans;
mod speaker_rules;

use super::*;
use crate::model::EntityType;

/// The stage with default settings and the shipped lexicon, speakers from the rule
/// cascade alone (the ranker off): the rule tests check the cascade, whose choice is the
/// ranker's first candidate.
fn tagger() -> QuoteTagger {
    stage().with_ranker(None)
}

/// The stage as shipped: default settings (the speaker ranker on) and lexicon.
fn stage() -> QuoteTagger {
    let lexicon = Lexicon::load(&[] as &[&str]).expect("shipped lexicon");
    QuoteTagger::new(&QuotesConfig::default(), &lexicon).expect("tagger")
}

/// A document in `lang` with `body`.
fn doc(lang: &str, body: &str) -> Document {
    Document {
        language: lang.to_string(),
        body: body.to_string(),
        ..Document::default()
    }
}

/// A mention of every occurrence of each surface form, sorted by start.
fn mentions(body: &str, names: &[(&str, &str, EntityType)]) -> Vec<EntityMention> {
    let mut out: Vec<EntityMention> = names
        .iter()
        .flat_map(|&(surface, id, ty)| {
            body.match_indices(surface)
                .map(move |(s, _)| EntityMention {
                    entity_id: id.to_string(),
                    entity_name: id.replace('_', " "),
                    entity_type: ty,
                    start: s,
                    end: s + surface.len(),
                    sentence: None,
                    method: "gazetteer",
                    score: 0.9,
                })
        })
        .collect();
    out.sort_by_key(|m| m.start);
    out
}

/// The stage over `body` in `lang` with a mention of every occurrence of `names`: each
/// quote with its quoted text.
fn run(lang: &str, body: &str, names: &[(&str, &str, EntityType)]) -> Vec<(String, Quote)> {
    let d = doc(lang, body);
    let ents = mentions(body, names);
    tagger()
        .tag(&d, &ents)
        .into_iter()
        .map(|q| (body[q.start..q.end].to_string(), q))
        .collect()
}

/// Shorthand for a person mention in test fixtures.
const P: EntityType = EntityType::Person;

/// Shorthand for a place mention in test fixtures.
const L: EntityType = EntityType::Loc;

/// The speaker of quote `i` as a test reads it: the entity's name, else the text.
fn speaker(q: &[(String, crate::model::Quote)], i: usize) -> Option<&str> {
    q[i].1.speaker_name.as_deref().or(q[i].1.speaker.as_deref())
}
