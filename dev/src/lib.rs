//! gazette-dev: the development tooling of gazette, kept out of the pipeline library. It
//! uses only the library's public API.
//!
//! | module | holds |
//! |---|---|
//! | [`eval`] | scoring a run against a gold set (`gazette-dev eval`) |
//! | [`synth`] | synthetic corpus with known duplicates, for benchmarks (`gazette-dev synth`) |
//! | [`dedup_measure`] | the dedup stage measured on that corpus (`gazette-dev synth --score`) |
//! | [`error`] | the tooling's error type |
//!
//! The benchmarks (`benches/`) and the tests that need the synthetic corpus or an
//! evaluation run (`tests/`) live in this crate too.

pub mod dedup_measure;
pub mod error;
pub mod eval;
pub mod ranker;
pub mod synth;
pub mod train;

pub use error::{Error, Result};
