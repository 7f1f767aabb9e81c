//! The run manifest `_runs/<batch_id>.json`: what ran, with which configuration, what it
//! produced and where the time went.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Row counts of a run.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Counts {
    /// Input records read (documents + rejects).
    pub input_records: usize,
    /// Rows of `documents`.
    pub documents: usize,
    /// Documents flagged as duplicates.
    pub duplicates: usize,
    /// Rows of `rejects`.
    pub rejects: usize,
    /// Rejects by reason code.
    pub rejects_by_reason: BTreeMap<String, usize>,
    /// Rows of `entity_mentions`.
    pub entity_mentions: usize,
    /// Rows of `quotes`.
    pub quotes: usize,
    /// Rows of `date_mentions`.
    pub date_mentions: usize,
    /// Files under the input roots whose format gazette does not read (not records).
    pub skipped_files: usize,
    /// Documents this batch adds to the dedup state (representatives and unique ones).
    pub dedup_state_documents: usize,
    /// Size of this batch's dedup state file in bytes.
    pub dedup_state_bytes: u64,
    /// Documents whose annotation panicked (a gazette bug): kept in `documents` with no
    /// mention, quote or date rows. Left out of the manifest when zero.
    #[serde(skip_serializing_if = "is_zero")]
    pub annotation_failures: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The manifest written beside the tables.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// Batch id.
    pub batch: String,
    /// Start time, UTC, RFC 3339.
    pub started: String,
    /// End time, UTC, RFC 3339.
    pub finished: String,
    /// gazette version.
    pub version: String,
    /// Table contract version.
    pub schema_version: String,
    /// Effective configuration.
    pub config: serde_json::Value,
    /// SHA-256 of the canonical JSON of the effective configuration.
    pub config_sha256: String,
    /// Row counts.
    pub counts: Counts,
    /// The files under the input roots that were skipped because gazette does not read
    /// their format (`counts.skipped_files` of them), as paths; left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped_files: Vec<String>,
    /// Seconds spent per stage (summed over threads for parallel stages).
    pub stage_seconds: BTreeMap<String, f64>,
    /// Wall-clock seconds of the whole run.
    pub wall_seconds: f64,
    /// The entity models loaded, by language (left out when none).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub entity_models: BTreeMap<String, ModelLoad>,
}

/// One entity model of a run: where it came from, its size in memory, its load time.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ModelLoad {
    /// The shipped model's name or the file's path.
    pub source: String,
    /// Bytes of its tables in memory (shared by every thread).
    pub memory_bytes: usize,
    /// Milliseconds spent reading and checking it.
    pub load_ms: f64,
}
