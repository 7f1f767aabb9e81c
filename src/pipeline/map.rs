//! The pipeline one record at a time, for an engine that distributes a batch over many
//! processes (the Spark job of the Python package, `python/gazette/spark/`): the same
//! stages, guards and table builders as [`super::run`], without its file walk, spill file
//! and whole-set steps, which the engine does itself (see `docs/spark.md`).
//!
//! - [`Engine::prepare`]: one input record → a document with its plain doc_id, publication
//!   date and dedup keys, or a reject (pass 1 of the CLI, record for record);
//! - the dedup stage's own [`Deduplicator::verify_bucket`] and
//!   [`Deduplicator::cluster`] (on one connected component) decide duplicates;
//! - [`Engine::annotate`] + [`TableRows`]: a document with its final id and verdict → the
//!   rows of `documents`, `entity_mentions`, `quotes` and `date_mentions` (pass 2);
//! - [`crate::output::PartWriter`] writes those rows into the staging directory of the
//!   [`crate::output::BatchWriter`] the driver commits.

use sha2::{Digest, Sha256};

use super::annotate::{annotate_doc, Annotated, Rows};
use super::guard::FailPoint;
use super::prepare::{entry, prepare_one};
use super::timing::StageTimes;
use super::{Context, Stages};
use crate::config::{PipelineConfig, Settings};
use crate::error::Result;
use crate::input::{InputItem, InputSource, RecordReader};
use crate::model::{DedupEntry, Document, Reject};
use crate::output::{Counts, FileMetadata, ModelLoad};
use crate::stages::dedup::{Deduplicator, Duplicate};
use crate::tables::Table;
use arrow::record_batch::RecordBatch;

/// The stages of one effective configuration, built once per process and shared by the
/// record-at-a-time calls; fail points (`GAZETTE_PANIC_AT`) are read once, at build.
pub struct Engine {
    stages: Stages,
    settings: Settings,
    config_json: String,
    times: StageTimes,
    fail_point: FailPoint,
}

/// A prepared document: the document (plain id set, no dedup verdict) and its dedup
/// keys (`entry.doc_id` is the same plain id).
pub struct Prepared {
    /// The parsed, date-stamped document.
    pub document: Document,
    /// Its dedup keys.
    pub entry: DedupEntry,
}

/// One annotated document, ready for [`TableRows::append`].
pub struct AnnotatedDocument(Annotated);

impl AnnotatedDocument {
    /// The document, with its final id and verdict.
    pub fn document(&self) -> &Document {
        &self.0.doc
    }

    /// `(stage, message)` when a stage panicked on it (it then has no annotation rows).
    pub fn failure(&self) -> Option<(&'static str, &str)> {
        self.0.failure.as_ref().map(|(s, m)| (*s, m.as_str()))
    }
}

impl Engine {
    /// Checks `config` (the effective configuration, overrides applied, as
    /// [`super::run_config`] takes it) and builds every enabled stage.
    pub fn build(config: &PipelineConfig) -> Result<Self> {
        let settings = config.validate()?;
        let stages = Stages::build(&config.stages, &settings.run)?;
        Ok(Engine {
            stages,
            settings,
            config_json: config.canonical_json(),
            times: StageTimes::default(),
            fail_point: FailPoint::from_env(),
        })
    }

    /// The checked settings (batch id, input limits, output settings…).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The canonical JSON of the configuration (what the manifest records).
    pub fn config_json(&self) -> &str {
        &self.config_json
    }

    /// The metadata keys of every file of this run (batch id and configuration hash, as
    /// a CLI run with the same configuration writes them).
    pub fn file_metadata(&self) -> FileMetadata {
        FileMetadata {
            batch: self.settings.run.batch.clone(),
            config_sha256: crate::text::hex(&Sha256::digest(self.config_json.as_bytes())),
        }
    }

    /// The entity models this engine loaded, by language, as a CLI run's manifest
    /// reports them (`entity_models`).
    pub fn entity_models(&self) -> std::collections::BTreeMap<String, ModelLoad> {
        self.stages.entity_models()
    }

    /// The dedup stage, when enabled.
    pub fn dedup(&self) -> Option<&Deduplicator> {
        self.stages.dedup.as_ref()
    }

    /// Reads `sources` (from [`crate::input::discover`]) as the CLI does, with this
    /// configuration's record size limit.
    pub fn read(&self, sources: Vec<InputSource>) -> RecordReader {
        RecordReader::new(sources, self.settings.input.max_bytes)
    }

    fn context(&self) -> Context<'_> {
        Context {
            stages: &self.stages,
            times: &self.times,
            chunk_size: self.settings.run.chunk_size,
            fail_point: &self.fail_point,
        }
    }

    /// Parse, publication date and fingerprint of one record, under the panic guard:
    /// exactly pass 1's per-record work (a panic is an `internal_error` reject).
    pub fn prepare(&self, item: InputItem) -> std::result::Result<Prepared, Reject> {
        let (document, fingerprint) = prepare_one(&self.context(), item)?;
        let entry = entry(&self.stages, &document, fingerprint);
        Ok(Prepared { document, entry })
    }

    /// Sets `document`'s final id, applies its dedup verdict and annotates it under the
    /// panic guard: exactly pass 2's per-document work.
    pub fn annotate(
        &self,
        mut document: Document,
        doc_id: String,
        duplicate: Option<&Duplicate>,
    ) -> AnnotatedDocument {
        document.doc_id = doc_id;
        AnnotatedDocument(annotate_doc(&self.context(), document, duplicate))
    }
}

/// The rows of the four annotated tables, filled one document at a time (callers give
/// doc_id order) and taken out as record batches in the tables' own schemas.
#[derive(Default)]
pub struct TableRows {
    rows: Rows,
    counts: Counts,
}

impl TableRows {
    /// Appends one document's rows to every table and counts them.
    pub fn append(&mut self, annotated: &AnnotatedDocument) {
        self.rows.append(&annotated.0, &mut self.counts);
    }

    /// The rows appended since the last call, one batch per table.
    pub fn finish(&mut self) -> Result<[(Table, RecordBatch); 4]> {
        self.rows.finish()
    }

    /// The counts of every document appended so far (documents, duplicates, mentions,
    /// quotes, dates, annotation failures).
    pub fn counts(&self) -> &Counts {
        &self.counts
    }
}
