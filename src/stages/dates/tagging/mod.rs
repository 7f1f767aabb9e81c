//! Tagging a text's temporal expressions: the [`Tagger`] runs every language's grammar
//! ([`scan`]) and the numeric patterns ([`numeric`]) into [`candidate`]s, resolves partial
//! dates against the anchor ([`resolve`]) into normalised [`value`]s, and keeps a
//! leftmost-longest choice without overlaps.

mod candidate;
mod numeric;
mod resolve;
mod scan;
mod tagger;
mod value;

pub use tagger::Tagger;
