//! gazette: turns raw scraped news articles, in many languages, into Parquet tables.
//!
//! The pipeline is parse → dedup → dates → entities → quotes → write; see
//! [`pipeline::run`]. The output contract is in `tables.md`; the table schemas live in
//! [`tables::schema`].

pub mod config;
pub mod error;
pub mod lexicon;
pub mod model;
pub mod stages;
pub mod text;

pub use error::{Error, Result};
