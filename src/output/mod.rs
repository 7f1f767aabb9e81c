//! Writing a batch: one Parquet file per table (and the batch's dedup state) into a
//! staging directory, then, once everything is complete, an atomic move of each into its
//! `batch=<id>` partition and the run manifest. The writer sees Arrow record batches
//! only, never articles. Reading earlier batches' dedup state is here too
//! ([`dedup_state`]): the output layer persists, the dedup stage only computes.

pub mod commit;
mod config;
pub mod dedup_state;
mod disk_full;
mod legacy_dedup;
mod lock;
mod manifest;
pub mod partition;
pub mod published_ids;

pub use config::{Compression, OutputConfig, OutputSettings};
pub use disk_full::ENOSPC_ENV;
pub use lock::OutputLock;
pub use manifest::{Counts, Manifest, ModelLoad};

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use arrow::datatypes::{Schema, SchemaRef};
use arrow::record_batch::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression as ParquetCompression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{WriterProperties, WriterPropertiesBuilder};

use crate::error::{Error, Result};
use crate::model::SignatureParams;
use crate::tables::metadata::{BATCH_KEY, CONFIG_SHA256_KEY, KEYS, VERSION_KEY};
use crate::tables::{dedup_state as state_table, Table};
use disk_full::{DiskFull, Sink, WriteStep};

/// This run's key-value metadata, written into every file beside the table's own
/// `gazette.schema_version`.
#[derive(Debug, Clone)]
pub struct FileMetadata {
    /// Batch id.
    pub batch: String,
    /// SHA-256 of the effective configuration.
    pub config_sha256: String,
}

impl FileMetadata {
    /// The per-run keys and values: gazette version, batch id, configuration hash.
    fn entries(&self) -> [(&'static str, String); 3] {
        [
            (VERSION_KEY, env!("CARGO_PKG_VERSION").to_string()),
            (BATCH_KEY, self.batch.clone()),
            (CONFIG_SHA256_KEY, self.config_sha256.clone()),
        ]
    }

    /// The Arrow schema `table`'s file is written with: the table's schema, whose
    /// metadata gains this run's keys. `ArrowWriter` embeds it (`ARROW:schema`), so
    /// readers of the Arrow schema (pyarrow, `pyarrow.dataset`) see every key. Batches of
    /// the table's own schema write into it: the writer matches columns by position and
    /// type, not metadata.
    fn file_schema(&self, table: Table) -> SchemaRef {
        self.stamped(table.schema())
    }

    /// `schema` with this run's keys added to its metadata.
    fn stamped(&self, schema: SchemaRef) -> SchemaRef {
        let mut metadata = schema.metadata().clone();
        for (key, value) in self.entries() {
            metadata.insert(key, value);
        }
        Arc::new(Schema::new_with_metadata(schema.fields().clone(), metadata))
    }
}

/// The Parquet footer key-value metadata of a file written with `schema`: its `gazette.*`
/// keys, in the contract's order, so footer and Arrow schema carry the same.
fn footer_metadata(schema: &Schema) -> Vec<KeyValue> {
    KEYS.iter()
        .filter_map(|key| {
            let value = schema.metadata().get(key)?;
            Some(KeyValue::new(key.to_string(), value.clone()))
        })
        .collect()
}

/// The Parquet writer properties of `settings` (compression, row-group rows, creator).
fn writer_properties(settings: &OutputSettings) -> Result<WriterPropertiesBuilder> {
    let compression = match settings.compression {
        Compression::Zstd(level) => ParquetCompression::ZSTD(
            ZstdLevel::try_new(level)
                .map_err(|e| Error::config("output.zstd_level", e.to_string()))?,
        ),
        Compression::None => ParquetCompression::UNCOMPRESSED,
    };
    Ok(WriterProperties::builder()
        .set_compression(compression)
        .set_max_row_group_row_count(Some(settings.row_group_rows))
        .set_created_by(format!("gazette {}", env!("CARGO_PKG_VERSION"))))
}

/// Creates `path` (and its directory) and opens a Parquet writer on it with `schema`,
/// whose `gazette.*` keys also go into the footer.
fn open_parquet(
    props: &WriterPropertiesBuilder,
    path: &Path,
    schema: SchemaRef,
    room: Option<u64>,
) -> Result<ArrowWriter<Sink<File>>> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|source| Error::Output {
        path: dir.to_path_buf(),
        source,
    })?;
    let file = File::create(path).map_err(|source| Error::Output {
        path: path.to_path_buf(),
        source,
    })?;
    let file = Sink::new(file, room);
    let props = props
        .clone()
        .set_key_value_metadata(Some(footer_metadata(&schema)))
        .build();
    ArrowWriter::try_new(file, schema, Some(props)).map_err(|e| Error::Table {
        table: "parquet writer",
        message: format!("{}: {e}", path.display()),
    })
}

/// What a [`PartWriter`] writes: one of the five tables, or the dedup state made with
/// the given signature parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOf {
    /// A data table.
    Table(Table),
    /// The dedup state table.
    DedupState(SignatureParams),
}

impl PartOf {
    /// The directory name of the table under the output (and under staging).
    pub fn dir(&self) -> &'static str {
        match self {
            PartOf::Table(t) => t.name(),
            PartOf::DedupState(_) => state_table::DIR,
        }
    }
}

/// One more Parquet file of a table of a batch, written by a worker of a distributed run
/// (the Spark job) into the staging directory of a [`BatchWriter`] that the driver holds
/// and commits: the same schema, metadata keys, compression and row-group rules as the
/// writer's own files, so a partition made of several parts reads as the one file of a
/// CLI run. Parts are named by the caller (`part-<something>.parquet`, not `part-00000`).
pub struct PartWriter {
    writer: ArrowWriter<Sink<File>>,
    path: PathBuf,
    row_group_bytes: usize,
    what: PartOf,
}

impl PartWriter {
    /// Creates `<staging>/<dir of what>/<name>` with this run's keys in its schema.
    pub fn create(
        settings: &OutputSettings,
        meta: &FileMetadata,
        staging: &Path,
        what: PartOf,
        name: &str,
    ) -> Result<Self> {
        let schema = match what {
            PartOf::Table(t) => meta.file_schema(t),
            PartOf::DedupState(params) => meta.stamped(state_table::schema_with(params)),
        };
        let path = staging.join(what.dir()).join(name);
        let writer = open_parquet(&writer_properties(settings)?, &path, schema, None)?;
        Ok(PartWriter {
            writer,
            path,
            row_group_bytes: settings.row_group_bytes,
            what,
        })
    }

    /// Appends rows (in the table's own schema), cutting row groups as [`BatchWriter::write`].
    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        if batch.num_rows() == 0 {
            return Ok(());
        }
        let what = self.what.dir();
        let err = |e: parquet::errors::ParquetError| Error::Table {
            table: what,
            message: e.to_string(),
        };
        self.writer.write(batch).map_err(err)?;
        if self.writer.in_progress_size() >= self.row_group_bytes {
            self.writer.flush().map_err(err)?;
        }
        Ok(())
    }

    /// Closes the file; returns its path and size in bytes.
    pub fn close(self) -> Result<(PathBuf, u64)> {
        let what = self.what.dir();
        self.writer.close().map_err(|e| Error::Table {
            table: what,
            message: e.to_string(),
        })?;
        let size = std::fs::metadata(&self.path)
            .map(|m| m.len())
            .map_err(|source| Error::Output {
                path: self.path.clone(),
                source,
            })?;
        Ok((self.path, size))
    }
}

/// Environment variable naming a test fail point: `after-first-chunk` makes the writer
/// fail after its first documents batch; `abort-after-first-chunk` aborts the process
/// there, as a kill would. For atomicity tests only.
pub const FAILPOINT_ENV: &str = "GAZETTE_FAILPOINT";

/// Writes the five tables of one batch, and its dedup state, into staging, then publishes
/// them with the manifest on `commit`, holding the output's lock throughout.
/// Dropped without `commit`, it removes its staging directory and leaves the output as it was.
pub struct BatchWriter {
    /// The output's lock, held from creation until the writer is dropped.
    lock: OutputLock,
    output: PathBuf,
    batch: String,
    staging: PathBuf,
    writers: BTreeMap<Table, ArrowWriter<Sink<File>>>,
    /// The dedup state's writer, while open; `state_staged` once closed.
    state: Option<ArrowWriter<Sink<File>>>,
    /// The disk-full fail point of this run ([`ENOSPC_ENV`]), read once.
    disk: DiskFull,
    state_staged: bool,
    committed: bool,
    documents_batches: usize,
    row_group_bytes: usize,
}

impl BatchWriter {
    /// Takes the output's lock (waiting for another run to finish when `wait`, else failing
    /// at once), finishes what killed runs left there ([`commit::recover`]), creates the
    /// staging area (failing early if the output is not writable) and opens one writer per
    /// table, and one for the dedup state when `state` gives the signature parameters of a
    /// run that deduplicates.
    pub fn create(
        settings: &OutputSettings,
        meta: &FileMetadata,
        state: Option<SignatureParams>,
        wait: bool,
    ) -> Result<Self> {
        let disk = DiskFull::from_env()?;
        let lock = OutputLock::acquire(&settings.dir, wait)?;
        commit::recover(&lock)?;
        let staging = partition::create_staging(&settings.dir, &meta.batch)?;
        let props = writer_properties(settings)?;
        // One file per partition, its schema and footer carrying this run's keys.
        let open = |dir: &str, schema: SchemaRef, step| -> Result<ArrowWriter<Sink<File>>> {
            let path = staging.join(dir).join("part-00000.parquet");
            open_parquet(&props, &path, schema, disk.room(step))
        };
        let mut writers = BTreeMap::new();
        for table in Table::ALL {
            writers.insert(
                table,
                open(table.name(), meta.file_schema(table), WriteStep::Parquet)?,
            );
        }
        let state = state
            .map(|params| {
                open(
                    state_table::DIR,
                    meta.stamped(state_table::schema_with(params)),
                    WriteStep::State,
                )
            })
            .transpose()?;
        Ok(BatchWriter {
            lock,
            output: settings.dir.clone(),
            batch: meta.batch.clone(),
            staging,
            writers,
            state,
            disk,
            state_staged: false,
            committed: false,
            documents_batches: 0,
            row_group_bytes: settings.row_group_bytes,
        })
    }

    /// Appends rows to a table. A row group is cut at `output.row_group_rows` rows, or
    /// after an append that leaves `output.row_group_bytes` encoded bytes buffered, so
    /// the memory a table holds does not grow with the batch.
    pub fn write(&mut self, table: Table, batch: &RecordBatch) -> Result<()> {
        if batch.num_rows() == 0 {
            return Ok(());
        }
        let writer = self.writers.get_mut(&table).expect("a writer per table");
        writer.write(batch).map_err(|e| table_err(table, e))?;
        if writer.in_progress_size() >= self.row_group_bytes {
            writer.flush().map_err(|e| table_err(table, e))?;
        }
        if table == Table::Documents {
            self.documents_batches += 1;
            self.failpoint()?;
        }
        Ok(())
    }

    /// Writes the batch's whole dedup state and closes its file; returns its size in
    /// bytes. It is published with the tables by [`BatchWriter::commit`].
    pub fn write_state(&mut self, rows: &RecordBatch) -> Result<u64> {
        let mut writer = self.state.take().ok_or_else(|| Error::Table {
            table: state_table::DIR,
            message: "the dedup state is written once, by a run that deduplicates".into(),
        })?;
        writer.write(rows).map_err(state_err)?;
        writer.close().map_err(state_err)?;
        self.state_staged = true;
        let path = self
            .staging
            .join(state_table::DIR)
            .join("part-00000.parquet");
        std::fs::metadata(&path)
            .map(|m| m.len())
            .map_err(|source| Error::Output { path, source })
    }

    fn failpoint(&self) -> Result<()> {
        match std::env::var(FAILPOINT_ENV).as_deref() {
            Ok("after-first-chunk") if self.documents_batches == 1 => Err(Error::Table {
                table: "documents",
                message: format!("{FAILPOINT_ENV}=after-first-chunk: simulated failure"),
            }),
            Ok("abort-after-first-chunk") if self.documents_batches == 1 => std::process::abort(),
            _ => Ok(()),
        }
    }

    /// Closes every file, then publishes every table's partition, the dedup state (when
    /// the run wrote one) and the manifest `_runs/<batch>.json` as one unit: once the
    /// commit journal is written, an interruption is rolled forward by the next run on
    /// the output or by `gazette repair` (see [`commit`]).
    pub fn commit(mut self, manifest: &Manifest) -> Result<()> {
        for (table, writer) in std::mem::take(&mut self.writers) {
            writer.close().map_err(|e| table_err(table, e))?;
        }
        if let Some(writer) = self.state.take() {
            // Opened but never given rows: an empty state is still this batch's state.
            writer.close().map_err(state_err)?;
            self.state_staged = true;
        }
        let batch_dir = format!("batch={}", self.batch);
        let mut parts: Vec<(String, String)> = Table::ALL
            .iter()
            .map(|t| (t.name().to_string(), format!("{}/{batch_dir}", t.name())))
            .collect();
        if self.state_staged {
            parts.push((
                state_table::DIR.to_string(),
                format!(
                    "{}/{}",
                    state_table::DIR,
                    dedup_state::partition_name(&self.batch)
                ),
            ));
        }
        let json = serde_json::to_vec_pretty(manifest).expect("manifest serialises");
        commit::publish(
            &self.lock,
            &self.staging,
            &self.batch,
            &parts,
            &json,
            self.disk,
        )?;
        self.committed = true;
        Ok(())
    }

    /// The output directory.
    pub fn output_dir(&self) -> &Path {
        &self.output
    }

    /// This run's private staging directory (also used for scratch files).
    pub fn staging_dir(&self) -> &Path {
        &self.staging
    }
}

impl Drop for BatchWriter {
    /// An uncommitted batch leaves the output as it was. A commit that failed after its
    /// journal was written is left for recovery to roll forward.
    fn drop(&mut self) {
        if !self.committed {
            self.writers.clear();
            self.state = None;
            if self.staging.join(commit::JOURNAL).exists() {
                return;
            }
            let _ = std::fs::remove_dir_all(&self.staging);
            let _ = std::fs::remove_dir(self.output.join(partition::STAGING_DIR));
        }
    }
}

fn state_err(e: impl std::fmt::Display) -> Error {
    Error::Table {
        table: state_table::DIR,
        message: e.to_string(),
    }
}

fn table_err(table: Table, e: impl std::fmt::Display) -> Error {
    Error::Table {
        table: table.name(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Reject, RejectReason};
    use crate::tables::metadata::SCHEMA_VERSION;
    use crate::tables::RejectsBuilder;

    /// Rows of hard-to-compress text (~2 kB each), so encoded sizes are real.
    fn noisy_rejects(rows: usize, seed: u64) -> Vec<Reject> {
        let mut x = seed.wrapping_mul(6_364_136_223_846_793_005) | 1;
        (0..rows)
            .map(|i| {
                let detail: String = (0..2_000)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        char::from(b'a' + (x % 26) as u8)
                    })
                    .collect();
                Reject {
                    input: format!("in.jsonl:{i}"),
                    stage: "input",
                    reason: RejectReason::Malformed,
                    detail,
                }
            })
            .collect()
    }

    fn row_groups_after(row_group_bytes: usize) -> (usize, usize) {
        let dir = tempfile::tempdir().unwrap();
        let settings = OutputSettings {
            dir: dir.path().to_path_buf(),
            compression: Compression::Zstd(3),
            row_group_rows: 1_000_000,
            row_group_bytes,
        };
        let meta = FileMetadata {
            batch: "b".into(),
            config_sha256: "0".into(),
        };
        let mut writer = BatchWriter::create(&settings, &meta, None, false).unwrap();
        for seed in 0..10 {
            let batch = RejectsBuilder::build(&noisy_rejects(100, seed + 1)).unwrap();
            writer.write(Table::Rejects, &batch).unwrap();
        }
        let w = &writer.writers[&Table::Rejects];
        (w.flushed_row_groups().len(), w.in_progress_size())
    }

    /// The `gazette.*` keys of a written file, from its footer and from its embedded Arrow
    /// schema (`ARROW:schema` decoded alone, so nothing of the footer leaks into it).
    fn written_metadata(path: &Path) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
        use parquet::arrow::{parquet_to_arrow_schema, ARROW_SCHEMA_META_KEY};
        use parquet::file::reader::{FileReader, SerializedFileReader};

        let reader = SerializedFileReader::new(File::open(path).unwrap()).unwrap();
        let file = reader.metadata().file_metadata();
        let kv = file.key_value_metadata().expect("key-value metadata");
        let gazette = |pairs: Vec<(String, String)>| {
            pairs
                .into_iter()
                .filter(|(k, _)| k.starts_with("gazette."))
                .collect::<BTreeMap<_, _>>()
        };
        let footer = gazette(
            kv.iter()
                .map(|e| (e.key.clone(), e.value.clone().unwrap_or_default()))
                .collect(),
        );
        let blob: Vec<KeyValue> = kv
            .iter()
            .filter(|e| e.key == ARROW_SCHEMA_META_KEY)
            .cloned()
            .collect();
        assert_eq!(blob.len(), 1, "one embedded Arrow schema");
        let arrow = parquet_to_arrow_schema(file.schema_descr(), Some(&blob)).unwrap();
        let embedded = gazette(
            arrow
                .metadata()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        );
        (footer, embedded)
    }

    #[test]
    fn every_file_carries_the_gazette_keys_in_footer_and_arrow_schema() {
        let dir = tempfile::tempdir().unwrap();
        let settings = OutputSettings {
            dir: dir.path().to_path_buf(),
            compression: Compression::Zstd(3),
            row_group_rows: 1_000,
            row_group_bytes: 1024 * 1024,
        };
        let meta = FileMetadata {
            batch: "b7".into(),
            config_sha256: "c0ffee".into(),
        };
        let mut writer = BatchWriter::create(&settings, &meta, None, false).unwrap();
        let rejects = RejectsBuilder::build(&noisy_rejects(3, 1)).unwrap();
        writer.write(Table::Rejects, &rejects).unwrap();
        let manifest = Manifest {
            batch: "b7".into(),
            started: String::new(),
            finished: String::new(),
            version: String::new(),
            schema_version: SCHEMA_VERSION.into(),
            config: serde_json::Value::Null,
            config_sha256: "c0ffee".into(),
            counts: Counts::default(),
            skipped_files: Vec::new(),
            stage_seconds: BTreeMap::new(),
            wall_seconds: 0.0,
            entity_models: BTreeMap::new(),
        };
        writer.commit(&manifest).unwrap();

        let expected: BTreeMap<String, String> = [
            ("gazette.schema_version", SCHEMA_VERSION),
            ("gazette.version", env!("CARGO_PKG_VERSION")),
            ("gazette.batch", "b7"),
            ("gazette.config_sha256", "c0ffee"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        for table in Table::ALL {
            let path = table
                .partition_dir(dir.path(), "b7")
                .join("part-00000.parquet");
            let (footer, embedded) = written_metadata(&path);
            assert_eq!(footer, expected, "{} footer", table.name());
            assert_eq!(embedded, expected, "{} Arrow schema", table.name());
        }
        // What the parquet crate's Arrow reader reports.
        let path = Table::Rejects
            .partition_dir(dir.path(), "b7")
            .join("part-00000.parquet");
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
            File::open(path).unwrap(),
        )
        .unwrap();
        assert_eq!(
            reader.schema().metadata().get("gazette.batch"),
            Some(&"b7".to_string())
        );
    }

    #[test]
    fn row_groups_are_cut_by_buffered_bytes() {
        // 1000 rows of ~2 kB: about 2 MB encoded.
        let (flushed, buffered) = row_groups_after(1024 * 1024);
        assert!(flushed >= 1, "a 1 MiB bound must cut ~2 MB of rows");
        assert!(
            buffered < 1024 * 1024,
            "never more than the bound stays buffered"
        );
        let (flushed, buffered) = row_groups_after(32 * 1024 * 1024);
        assert_eq!(
            flushed, 0,
            "under the bound everything stays in one row group"
        );
        assert!(buffered > 1024 * 1024);
    }
}
