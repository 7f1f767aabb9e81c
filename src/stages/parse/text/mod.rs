//! The text side of parsing: raw text split into lines, each line judged against the
//! phrase lists and line rules, the document-level passes that decide what is body and
//! what is removed (with its reason), the head of the lead, the headline line, and the
//! language of the kept text.
//!
//! Bottom files, importing none of their siblings: `normalise` (display form and
//! matching key of a text), `shape` (sentence ends, prose, fragments), `language`.
//! Above them: `lines`, `cues`, then `rules`, `lead`, `title`, and `clean` on top.

pub(super) mod clean;
pub(super) mod cues;
pub(super) mod language;
pub(super) mod lead;
pub(super) mod lines;
pub(super) mod normalise;
pub(super) mod rules;
pub(super) mod shape;
pub(super) mod title;
