//! gazette: turns raw scraped news articles, in many languages, into Parquet tables.
//!
//! The pipeline is parse → dedup → dates → entities → quotes → write; see
//! [`pipeline::run_config`]. The output contract is `docs/tables.md`; each table is declared once in
//! its own file of [`tables`]. ARCHITECTURE.md at the repository root is the full map.
//! Module map:
//!
//! | module | holds |
//! |---|---|
//! | [`config`] | pipeline.toml: the whole file, `[run]`, checked run-wide settings |
//! | [`input`] | file discovery, decompression, decoding, JSONL records |
//! | [`stages`] | one module per stage: parse, dedup, dates, entities, quotes |
//! | [`pipeline`] | the run: two passes in bounded parallel chunks |
//! | [`tables`] | one declaration per table (schema, row, builder), the dedup state table |
//! | [`output`] | Parquet files, atomic partitions, run manifest, earlier batches' dedup state |
//! | [`lexicon`], [`text`], [`model`] | language data, text primitives, domain records |
//!
//! The development tooling (evaluation against gold sets, the synthetic corpus, dedup
//! measurement, benchmarks) is the `gazette-dev` crate in `dev/`, on this public API.

pub mod config;
pub mod error;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod stages;
pub mod tables;
pub mod text;

pub use error::{Error, Result};
