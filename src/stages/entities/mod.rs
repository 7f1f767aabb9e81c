//! Entities stage: person, organisation and place mentions with one id per real entity.
//!
//! Three passes over each body: the knowledge-base gazetteer ([`gazetteer`], method
//! `gazetteer`), names missing from the knowledge base confirmed by their context
//! ([`names`], method `pattern`), and short forms resolved to a fuller person mention of
//! the same document ([`coref`], method `coref`). Organisation cues of the whole
//! document then retype names found by pattern ([`org_cues`]), and organisations run on
//! over the adjectives after their head word (`org_spans`). Ids are Wikidata QIDs or derived keys
//! from the knowledge base, else `gz:<type>:<skeleton>` ([`identity`]).

mod config;
mod context;
mod coref;
mod cues;
mod draft;
mod evidence;
mod gazetteer;
mod guess;
mod identity;
mod inflection;
mod kb;
mod linker;
mod name_context;
mod names;
mod org_cues;
mod org_spans;
mod phrases;
mod runs;
mod tagger;
mod tokens;
mod words;

pub use config::EntitiesConfig;
pub use tagger::EntityTagger;

#[cfg(test)]
mod tests;
