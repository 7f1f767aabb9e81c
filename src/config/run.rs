//! `[run]` of pipeline.toml: how a run is carried out.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// `[run]`: how a run is carried out.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct RunConfig {
    /// Batch id; empty means `run-<UTC date>` unless `--batch` is given.
    pub batch: String,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Documents held in memory and processed in parallel at a time.
    pub chunk_size: usize,
    /// Date that relative expressions fall back on when a document has no publication or
    /// crawl date (YYYY-MM-DD); empty means today (UTC).
    pub reference_date: String,
    /// Extra language-data directories (`<dir>/<lang>/<list>.txt`), added to the built-in lists.
    pub data_dirs: Vec<PathBuf>,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            batch: String::new(),
            threads: 0,
            chunk_size: 2048,
            reference_date: String::new(),
            data_dirs: Vec::new(),
        }
    }
}
