//! The pipeline's stages, one module each: parse → dedup → dates → entities → quotes.
//!
//! Each module holds its `*Config` (the pipeline.toml section, serde, unknown keys
//! refused) whose `build()` checks every value and makes the stage's runtime type, and
//! its unit tests. Per-document stages are `Sync`
//! runtime values with plain methods, shared by reference across rayon workers; dedup is
//! a whole-set stage and takes every document's fingerprint at once.

pub mod dates;
pub mod dedup;
pub mod entities;
pub mod parse;
pub mod quotes;
#[cfg(test)]
pub(crate) mod shared_data;
