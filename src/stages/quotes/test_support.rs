//! Helpers shared by the quotes stage's tests: the stage, documents and hand-built
//! entity mentions.

use super::*;
use crate::model::EntityType;

/// The stage with default settings and the shipped lexicon.
pub(super) fn tagger() -> QuoteTagger {
    let lexicon = Lexicon::load(&[] as &[&str]).expect("shipped lexicon");
    QuoteTagger::new(&QuotesConfig::default(), &lexicon).expect("tagger")
}

/// A document in `lang` with `body`.
pub(super) fn doc(lang: &str, body: &str) -> Document {
    Document {
        language: lang.to_string(),
        body: body.to_string(),
        ..Document::default()
    }
}

/// A mention of every occurrence of each surface form, sorted by start.
pub(super) fn mentions(body: &str, names: &[(&str, &str, EntityType)]) -> Vec<EntityMention> {
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

pub(super) fn run(
    lang: &str,
    body: &str,
    names: &[(&str, &str, EntityType)],
) -> Vec<(String, Quote)> {
    let d = doc(lang, body);
    let ents = mentions(body, names);
    tagger()
        .tag(&d, &ents)
        .into_iter()
        .map(|q| (body[q.start..q.end].to_string(), q))
        .collect()
}

/// Shorthand for a person mention in test fixtures.
pub(super) const P: EntityType = EntityType::Person;

/// Shorthand for a place mention in test fixtures.
pub(super) const L: EntityType = EntityType::Loc;

/// The speaker of quote `i` as a test reads it: the entity's name, else the text.
pub(super) fn speaker(q: &[(String, crate::model::Quote)], i: usize) -> Option<&str> {
    q[i].1.speaker_name.as_deref().or(q[i].1.speaker.as_deref())
}
