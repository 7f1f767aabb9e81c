//! Attribution cues of one language: speech verbs, "according to" cues and role nouns
//! found in a body (`cue`), compiled once per language from the lexicon (`lexicon`) and
//! matched on folded text (`matching`); the language's word lists (pronouns and their
//! gender, determiners, particles, conjunctions, titles, stopwords: `words`); and where a
//! speech verb stands relative to its subject (`inversion`).

mod cue;
mod inversion;
mod lexicon;
mod matching;
mod words;

pub(super) use cue::{Cue, CueKind, RoleHead};
pub(super) use inversion::{after_quote, closing_inversion};
pub(super) use lexicon::{CueLexicon, LangCues};
