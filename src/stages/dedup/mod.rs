//! Deduplicate stage (whole-set): exact and near-duplicate clusters.

mod config;

pub use config::{DedupConfig, DedupSettings};
