//! Entities stage: person, organisation and place mentions with one id per real entity.
//!
//! In a language with a trained model ([`model`], `stages.entities.model`), the model
//! proposes the spans and types (method `model`), the knowledge base gives ids where an
//! alias covers a span, one-word short forms resolve to a person of the document
//! (`coref`), and knowledge-base matches the model left alone stay (`gazetteer`). In
//! other languages (or with `none`) the rules below run, as before:
//!
//! Three passes over each body: the knowledge-base gazetteer ([`kb::gazetteer`], method
//! `gazetteer`), names missing from the knowledge base confirmed by their context
//! ([`names`], method `pattern`), and short forms resolved to a fuller person mention of
//! the same document ([`coref`], method `coref`). Names nothing confirms are then typed by
//! what the document says of them ([`typing::guess`]), organisation cues of the whole
//! document retype names found by pattern ([`typing::org_cues`]), and organisations run
//! on over the adjectives after their head word ([`typing::org_spans`]). Ids are Wikidata
//! QIDs or derived keys from the knowledge base, else `gz:<skeleton>`
//! ([`kb::identity`]).
//!
//! | module | holds |
//! |---|---|
//! | [`config`], [`tagger`] | `[stages.entities]` and the runtime it builds, which runs the passes |
//! | [`model`] | the trained tagger: tokens, features, model file, decoding, model choice |
//! | [`kb`] | the knowledge base, its gazetteer, identity skeletons, inflected forms, linking |
//! | [`lists`] | the word lists of every language that confirm and type names |
//! | [`names`] | tokens, capitalised runs and the cues that confirm names found by pattern |
//! | [`typing`] | the type of names nothing confirms, organisation cues and spans |
//! | [`coref`] | short forms resolved to a person of the same document |
//! | [`draft`], [`words`] | shared at the bottom: mentions in the making, words of a body |

mod config;
mod coref;
mod draft;
mod kb;
mod lists;
pub mod model;
mod names;
mod tagger;
mod typing;
mod words;

pub use config::EntitiesConfig;
pub use tagger::EntityTagger;

#[cfg(test)]
mod tests;
