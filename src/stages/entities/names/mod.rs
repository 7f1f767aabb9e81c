//! Names missing from the knowledge base, found by pattern: the tokens of a body
//! ([`tokens`]), what the name finder reads of a document ([`context`]), the cues around a
//! capitalised sequence ([`cues`]), capitalised runs ([`runs`]), and the candidates cut
//! from them and typed by their context ([`candidates`]).

pub(super) mod candidates;
pub(super) mod context;
pub(super) mod cues;
pub(super) mod runs;
pub(super) mod tokens;
