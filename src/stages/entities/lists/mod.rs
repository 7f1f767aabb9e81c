//! The word lists read from the lexicon, per language and for all languages together,
//! that confirm and type names found by pattern ([`context_lists`]), and the phrase index
//! they match multi-word entries with ([`phrases`]).

pub(super) mod context_lists;
pub(super) mod phrases;
