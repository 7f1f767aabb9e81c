//! The run-wide sections of pipeline.toml: `[run]`, `[input]`, `[output]`.

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

/// `[input]`: what to read.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct InputConfig {
    /// Files or directories (walked recursively, sorted, hidden files skipped).
    pub paths: Vec<PathBuf>,
    /// Largest record accepted, in bytes after decompression; larger ones are rejected.
    pub max_bytes: u64,
}

impl Default for InputConfig {
    fn default() -> Self {
        InputConfig {
            paths: Vec::new(),
            max_bytes: 5 * 1024 * 1024,
        }
    }
}

/// `[output]`: where and how tables are written.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct OutputConfig {
    /// Output directory holding one sub-directory per table.
    pub dir: PathBuf,
    /// Parquet compression: `zstd`, `snappy` or `none`.
    pub compression: String,
    /// zstd level, 1–22.
    pub zstd_level: i32,
    /// Maximum rows per Parquet row group.
    pub row_group_rows: usize,
    /// Maximum encoded bytes a table holds in memory before its row group is cut; bounds
    /// the writer's memory whatever the corpus size.
    pub row_group_bytes: usize,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            dir: PathBuf::from("output"),
            compression: "zstd".into(),
            zstd_level: 3,
            row_group_rows: 65_536,
            row_group_bytes: 32 * 1024 * 1024,
        }
    }
}
