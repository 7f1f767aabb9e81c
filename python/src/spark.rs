//! The map functions of the Spark job (`gazette.spark`): Arrow record batches in, record
//! batches out, each running the pipeline library's own per-record code
//! (`gazette::pipeline::map`), with the stages built once per process and configuration.
//! Spark's Arrow types are accepted as they come (`utf8` or `large_utf8`, `list` or
//! `large_list`): every input column is cast to the type the function reads. Outputs use
//! only types Spark accepts (no unsigned integers, no fixed-size binary). Files are
//! written with the CLI's own writers ([`PartWriter`]) into the staging directory of the
//! batch the driver holds ([`SparkBatch`]) and commits.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use arrow::array::{
    Array, ArrayRef, BinaryArray, BinaryBuilder, BooleanArray, BooleanBuilder, Date32Array,
    Date32Builder, Float32Array, Float32Builder, Int32Array, Int32Builder, Int64Array, ListArray,
    StringArray, StringBuilder, StructArray,
};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use arrow::record_batch::RecordBatch;
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use gazette::config::PipelineConfig;
use gazette::input::{classify, InputFile, InputSource, LineRange};
use gazette::model::{DedupEntry, Document, Fingerprint};
use gazette::output::{BatchWriter, Counts, Manifest, PartOf, PartWriter};
use gazette::pipeline::map::{Engine, TableRows};
use gazette::stages::dedup::Duplicate;
use gazette::tables::Table;
use pyo3::prelude::*;

use crate::{configured, guarded, to_py, GazetteError};

/// Engines by configuration JSON: built once per (executor) process.
fn engine(config_json: &str) -> PyResult<Arc<Engine>> {
    static ENGINES: OnceLock<Mutex<HashMap<String, Arc<Engine>>>> = OnceLock::new();
    let mut map = ENGINES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(e) = map.get(config_json) {
        return Ok(e.clone());
    }
    let config: PipelineConfig = serde_json::from_str(config_json)
        .map_err(|e| GazetteError::new_err(format!("configuration JSON: {e}")))?;
    let built = Arc::new(Engine::build(&config).map_err(to_py)?);
    map.insert(config_json.to_string(), built.clone());
    Ok(built)
}

/// Hands an Arrow batch from Python to `work` (run without the GIL, under the panic guard
/// named `what`) and its result back to Python as a pyarrow RecordBatch: the shape of
/// every map function below.
fn map_batch(
    py: Python<'_>,
    what: &str,
    batch: &Bound<'_, PyAny>,
    work: impl FnOnce(&RecordBatch) -> PyResult<RecordBatch> + Send,
) -> PyResult<Py<PyAny>> {
    let batch = RecordBatch::from_pyarrow_bound(batch)?;
    let out = py.detach(|| guarded(what, || work(&batch)))?;
    out.to_pyarrow(py).map(|o| o.unbind())
}

fn err(what: &str, e: impl std::fmt::Display) -> PyErr {
    GazetteError::new_err(format!("{what}: {e}"))
}

/// A batch of two nullable string columns named `names`, from their builders.
fn string_pairs(
    what: &str,
    names: [&str; 2],
    [mut x, mut y]: [StringBuilder; 2],
) -> PyResult<RecordBatch> {
    let schema = Arc::new(Schema::new(
        names.map(|n| Field::new(n, DataType::Utf8, true)).to_vec(),
    ));
    RecordBatch::try_new(schema, vec![Arc::new(x.finish()), Arc::new(y.finish())])
        .map_err(|e| err(what, e))
}

/// Column `name` of `batch` cast to `to` (Spark may send large or small variants).
fn col(batch: &RecordBatch, name: &str, to: &DataType) -> PyResult<ArrayRef> {
    let c = batch
        .column_by_name(name)
        .ok_or_else(|| err("spark batch", format!("column {name:?} missing")))?;
    cast(c, to).map_err(|e| err(name, e))
}

fn strings(batch: &RecordBatch, name: &str) -> PyResult<StringArray> {
    Ok(col(batch, name, &DataType::Utf8)?
        .as_any()
        .downcast_ref::<StringArray>()
        .expect("cast to utf8")
        .clone())
}

fn int64s(batch: &RecordBatch, name: &str) -> PyResult<Int64Array> {
    Ok(col(batch, name, &DataType::Int64)?
        .as_any()
        .downcast_ref::<Int64Array>()
        .expect("cast to int64")
        .clone())
}

fn opt_str(a: &StringArray, i: usize) -> Option<&str> {
    (!a.is_null(i)).then(|| a.value(i))
}

/// The signature as 4-byte little-endian values (the state table's encoding).
fn sig_bytes(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn sig_values(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// The effective configuration of a run, as `gazette run` makes it (the file, else
/// ./pipeline.toml, else the defaults; then the arguments), checked, as canonical JSON:
/// the one value every executor builds its stages from.
#[pyfunction]
#[pyo3(signature = (inputs, output, batch=None, config=None, reference_date=None))]
pub fn effective_config(
    inputs: Vec<PathBuf>,
    output: PathBuf,
    batch: Option<String>,
    config: Option<PathBuf>,
    reference_date: Option<String>,
) -> PyResult<String> {
    guarded("effective_config", || {
        let mut cfg = configured(config, inputs, output, batch, reference_date, None)?;
        let settings = cfg.validate().map_err(to_py)?;
        // The batch id is fixed here (its default is the date), so every process agrees.
        cfg.run.batch = settings.run.batch;
        Ok(cfg.canonical_json())
    })
}

/// One discovered input source: `(path, locator, error)`.
type SourceRow = (String, String, Option<String>);

/// The input files of the configuration, as the CLI discovers them: a list of
/// `(path, locator, error)` (error set for a directory that could not be listed) and the
/// list of skipped files (formats gazette does not read).
#[pyfunction]
pub fn discover(config_json: &str) -> PyResult<(Vec<SourceRow>, Vec<String>)> {
    guarded("discover", || {
        let config: PipelineConfig =
            serde_json::from_str(config_json).map_err(|e| err("configuration JSON", e))?;
        let (sources, skipped) = gazette::input::discover(&config.input.paths).map_err(to_py)?;
        let rows = sources
            .into_iter()
            .map(|s| match s {
                InputSource::File(f) => (f.path.display().to_string(), f.locator, None),
                InputSource::Unlisted {
                    path,
                    locator,
                    error,
                } => (path.display().to_string(), locator, Some(error)),
            })
            .collect();
        Ok((
            rows,
            skipped.iter().map(|p| p.display().to_string()).collect(),
        ))
    })
}

/// The runs of whole lines, of about `target` bytes each, that the uncompressed JSONL
/// file at `path` is cut into (`gazette::input::line_ranges`): a list of
/// `(start, end, first_line)`, one [`prepare`] task each.
#[pyfunction]
pub fn jsonl_ranges(path: &str, target: u64) -> PyResult<Vec<(u64, u64, usize)>> {
    guarded("jsonl_ranges", || {
        let ranges = gazette::input::line_ranges(Path::new(path), target)
            .map_err(|e| err(path, format!("cannot cut into line ranges: {e}")))?;
        Ok(ranges
            .into_iter()
            .map(|r| (r.start, r.end, r.first_line))
            .collect())
    })
}

/// The schema of [`prepare`]'s output (Spark-side types only).
fn prepared_schema() -> SchemaRef {
    let f = |n: &str, t: DataType| Field::new(n, t, true);
    Arc::new(Schema::new(vec![
        f("input", DataType::Utf8),
        f("plain_id", DataType::Utf8),
        f("url", DataType::Utf8),
        f("document", DataType::Binary),
        f("content_hash", DataType::Binary),
        f("signature", DataType::Binary),
        f("published", DataType::Date32),
        f("agency", DataType::Boolean),
        f("has_url", DataType::Boolean),
        f("chars", DataType::Int32),
        f("stage", DataType::Utf8),
        f("reason", DataType::Utf8),
        f("detail", DataType::Utf8),
    ]))
}

/// Reads, parses, date-stamps and fingerprints the records of a batch of input shards
/// (columns `path`, `locator`, `error`, `shard`, `shards`: shard `k` of `n` of a file as
/// `gazette::input::RecordReader::shard` reads it; or, when `first_line` is set, the run
/// of lines `start..end` of an uncompressed JSONL file, as
/// `gazette::input::RecordReader::line_range` reads it). One output row per record: a document
/// (`plain_id` set: its id before disambiguation; `document` its JSON) or a reject
/// (`stage`, `reason`, `detail` set), exactly as pass 1 of the CLI makes them.
#[pyfunction]
pub fn prepare(py: Python<'_>, config_json: &str, batch: Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    map_batch(py, "prepare", &batch, |batch| {
        let engine = engine(config_json)?;
        let paths = strings(batch, "path")?;
        let locators = strings(batch, "locator")?;
        let errors = strings(batch, "error")?;
        let shard = int64s(batch, "shard")?;
        let shards = int64s(batch, "shards")?;
        let starts = int64s(batch, "start")?;
        let ends = int64s(batch, "end")?;
        let first_lines = int64s(batch, "first_line")?;
        let mut b = PreparedBuilder::default();
        for i in 0..batch.num_rows() {
            let source = match opt_str(&errors, i) {
                Some(e) => InputSource::Unlisted {
                    path: PathBuf::from(paths.value(i)),
                    locator: locators.value(i).to_string(),
                    error: e.to_string(),
                },
                None => {
                    let path = PathBuf::from(paths.value(i));
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().to_string())
                        .unwrap_or_default();
                    let (format, compression) = classify(&name)
                        .ok_or_else(|| err("input", format!("{name}: not a known format")))?;
                    InputSource::File(InputFile {
                        path,
                        locator: locators.value(i).to_string(),
                        format,
                        compression,
                    })
                }
            };
            let (k, n) = (
                shard.value(i).max(0) as usize,
                shards.value(i).max(1) as usize,
            );
            let reader = engine.read(vec![source]);
            let reader = if first_lines.is_null(i) {
                reader.shard(k, n)
            } else {
                reader.line_range(LineRange {
                    start: starts.value(i).max(0) as u64,
                    end: ends.value(i).max(0) as u64,
                    first_line: first_lines.value(i).max(1) as usize,
                })
            };
            for item in reader {
                b.push(engine.prepare(item))?;
            }
        }
        b.finish()
    })
}

#[derive(Default)]
struct PreparedBuilder {
    input: StringBuilder,
    plain_id: StringBuilder,
    url: StringBuilder,
    document: BinaryBuilder,
    content_hash: BinaryBuilder,
    signature: BinaryBuilder,
    published: Date32Builder,
    agency: BooleanBuilder,
    has_url: BooleanBuilder,
    chars: Int32Builder,
    stage: StringBuilder,
    reason: StringBuilder,
    detail: StringBuilder,
}

impl PreparedBuilder {
    fn push(
        &mut self,
        item: Result<gazette::pipeline::map::Prepared, gazette::model::Reject>,
    ) -> PyResult<()> {
        match item {
            Ok(p) => {
                let d = &p.document;
                self.input.append_value(&d.input);
                self.plain_id.append_value(&d.doc_id);
                self.url.append_option(d.url.as_deref());
                let json = serde_json::to_vec(d).map_err(|e| err("document", e))?;
                self.document.append_value(json);
                self.content_hash
                    .append_value(p.entry.fingerprint.content_hash);
                self.signature
                    .append_value(sig_bytes(&p.entry.fingerprint.signature));
                self.published
                    .append_option(p.entry.published.map(gazette::tables::date32));
                self.agency.append_value(p.entry.agency);
                self.has_url.append_value(p.entry.has_url);
                self.chars
                    .append_value(i32::try_from(p.entry.chars).unwrap_or(i32::MAX));
                self.stage.append_null();
                self.reason.append_null();
                self.detail.append_null();
            }
            Err(r) => {
                self.input.append_value(&r.input);
                self.plain_id.append_null();
                self.url.append_null();
                self.document.append_null();
                self.content_hash.append_null();
                self.signature.append_null();
                self.published.append_null();
                self.agency.append_null();
                self.has_url.append_null();
                self.chars.append_null();
                self.stage.append_value(r.stage);
                self.reason.append_value(r.reason.as_str());
                self.detail.append_value(&r.detail);
            }
        }
        Ok(())
    }

    fn finish(mut self) -> PyResult<RecordBatch> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.input.finish()),
            Arc::new(self.plain_id.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.document.finish()),
            Arc::new(self.content_hash.finish()),
            Arc::new(self.signature.finish()),
            Arc::new(self.published.finish()),
            Arc::new(self.agency.finish()),
            Arc::new(self.has_url.finish()),
            Arc::new(self.chars.finish()),
            Arc::new(self.stage.finish()),
            Arc::new(self.reason.finish()),
            Arc::new(self.detail.finish()),
        ];
        RecordBatch::try_new(prepared_schema(), columns).map_err(|e| err("prepare", e))
    }
}

/// The dedup stage's banding `(bands, rows)` and signature length, or `None` when the
/// configuration disables dedup.
#[pyfunction]
pub fn banding(config_json: &str) -> PyResult<Option<(usize, usize)>> {
    guarded("banding", || {
        Ok(engine(config_json)?.dedup().map(|d| d.banding()))
    })
}

/// Verifies LSH buckets: each row is one bucket (`ids`: list of doc_ids, `signatures`:
/// list of signatures, parallel); the output is the bucket's spanning-forest edges
/// `(a, b)` between doc_ids, verified with the dedup stage's own estimate and threshold.
#[pyfunction]
pub fn verify_buckets(
    py: Python<'_>,
    config_json: &str,
    batch: Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    map_batch(py, "verify_buckets", &batch, |batch| {
        let engine = engine(config_json)?;
        let dedup = engine
            .dedup()
            .ok_or_else(|| err("verify_buckets", "dedup is disabled"))?;
        let ids = col(
            batch,
            "ids",
            &DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))),
        )?;
        let ids = ids.as_any().downcast_ref::<ListArray>().expect("list");
        let sigs = col(
            batch,
            "signatures",
            &DataType::List(Arc::new(Field::new_list_field(DataType::Binary, true))),
        )?;
        let sigs = sigs.as_any().downcast_ref::<ListArray>().expect("list");
        let (mut a, mut b) = (StringBuilder::new(), StringBuilder::new());
        for row in 0..batch.num_rows() {
            let id_list = ids.value(row);
            let id_list = id_list
                .as_any()
                .downcast_ref::<StringArray>()
                .expect("utf8");
            let sig_list = sigs.value(row);
            let sig_list = sig_list
                .as_any()
                .downcast_ref::<BinaryArray>()
                .expect("binary");
            let values: Vec<Vec<u32>> = (0..sig_list.len())
                .map(|i| sig_values(sig_list.value(i)))
                .collect();
            let refs: Vec<&[u32]> = values.iter().map(Vec::as_slice).collect();
            for (x, y) in dedup.verify_bucket(&refs) {
                a.append_value(id_list.value(x));
                b.append_value(id_list.value(y));
            }
        }
        string_pairs("verify_buckets", ["a", "b"], [a, b])
    })
}

/// The connected components of a small undirected edge set, solved in one process (the
/// Spark job's driver, below its documented bound): the input has columns `a`, `b`
/// (doc_ids, one row per edge); the output has a row `(node, root)` for every node of an
/// edge, `root` the smallest doc_id of its component (the large-star/small-star result).
#[pyfunction]
pub fn components(py: Python<'_>, batch: Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    map_batch(py, "components", &batch, |batch| {
        let a = strings(batch, "a")?;
        let b = strings(batch, "b")?;
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut names: Vec<&str> = Vec::new();
        let mut parent: Vec<usize> = Vec::new();
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for i in 0..batch.num_rows() {
            if a.is_null(i) || b.is_null(i) {
                continue;
            }
            let (x, y) = (a.value(i), b.value(i));
            let mut slot = |s| {
                *index.entry(s).or_insert_with(|| {
                    names.push(s);
                    parent.push(parent.len());
                    parent.len() - 1
                })
            };
            let (x, y) = (slot(x), slot(y));
            let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
            if rx != ry {
                // The smaller name becomes the root: the root is the component's minimum.
                if names[rx] < names[ry] {
                    parent[ry] = rx;
                } else {
                    parent[rx] = ry;
                }
            }
        }
        let (mut nodes, mut roots) = (StringBuilder::new(), StringBuilder::new());
        for i in 0..names.len() {
            let r = find(&mut parent, i);
            nodes.append_value(names[i]);
            roots.append_value(names[r]);
        }
        string_pairs("components", ["node", "root"], [nodes, roots])
    })
}

/// Decides the duplicates of connected components: each row is one component
/// (`members`: list of structs `doc_id, prior, content_hash, signature, published,
/// agency, has_url, chars`; `prior` marks earlier batches' state). The dedup stage's own
/// clustering runs on the members (earlier batches' representatives first, the CLI's
/// representative rule); the output has a row `(doc_id, duplicate_of, similarity)` per
/// duplicate of this batch.
#[pyfunction]
pub fn resolve_components(
    py: Python<'_>,
    config_json: &str,
    batch: Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    map_batch(py, "resolve_components", &batch, |batch| {
        let engine = engine(config_json)?;
        let dedup = engine
            .dedup()
            .ok_or_else(|| err("resolve_components", "dedup is disabled"))?;
        let member_fields = vec![
            Field::new("doc_id", DataType::Utf8, true),
            Field::new("prior", DataType::Boolean, true),
            Field::new("content_hash", DataType::Binary, true),
            Field::new("signature", DataType::Binary, true),
            Field::new("published", DataType::Date32, true),
            Field::new("agency", DataType::Boolean, true),
            Field::new("has_url", DataType::Boolean, true),
            Field::new("chars", DataType::Int32, true),
        ];
        let members = col(
            batch,
            "members",
            &DataType::List(Arc::new(Field::new_list_field(
                DataType::Struct(member_fields.into()),
                true,
            ))),
        )?;
        let members = members.as_any().downcast_ref::<ListArray>().expect("list");
        let (mut id, mut rep, mut sim) = (
            StringBuilder::new(),
            StringBuilder::new(),
            Float32Builder::new(),
        );
        for row in 0..batch.num_rows() {
            let m = members.value(row);
            let m = m.as_any().downcast_ref::<StructArray>().expect("struct");
            let field = |n: &str| m.column_by_name(n).expect("member field");
            let doc_id = field("doc_id")
                .as_any()
                .downcast_ref::<StringArray>()
                .unwrap();
            let prior = field("prior")
                .as_any()
                .downcast_ref::<BooleanArray>()
                .unwrap();
            let hash = field("content_hash")
                .as_any()
                .downcast_ref::<BinaryArray>()
                .unwrap();
            let sig = field("signature")
                .as_any()
                .downcast_ref::<BinaryArray>()
                .unwrap();
            let published = field("published")
                .as_any()
                .downcast_ref::<Date32Array>()
                .unwrap();
            let agency = field("agency")
                .as_any()
                .downcast_ref::<BooleanArray>()
                .unwrap();
            let has_url = field("has_url")
                .as_any()
                .downcast_ref::<BooleanArray>()
                .unwrap();
            let chars = field("chars")
                .as_any()
                .downcast_ref::<Int32Array>()
                .unwrap();
            let (mut earlier, mut current) = (Vec::new(), Vec::new());
            for i in 0..m.len() {
                let content_hash: [u8; 16] = hash
                    .value(i)
                    .try_into()
                    .map_err(|_| err("resolve_components", "content_hash is not 16 bytes"))?;
                let e = DedupEntry {
                    doc_id: doc_id.value(i).to_string(),
                    fingerprint: Fingerprint {
                        content_hash,
                        signature: sig_values(sig.value(i)),
                    },
                    published: (!published.is_null(i))
                        .then(|| published.value_as_date(i))
                        .flatten(),
                    agency: agency.value(i),
                    has_url: has_url.value(i),
                    chars: chars.value(i).max(0) as usize,
                };
                if prior.value(i) {
                    earlier.push(e);
                } else {
                    current.push(e);
                }
            }
            for (e, v) in current.iter().zip(dedup.cluster(&current, &earlier)) {
                if let Some(Duplicate {
                    representative,
                    similarity,
                }) = v
                {
                    id.append_value(&e.doc_id);
                    rep.append_value(representative);
                    sim.append_value(similarity);
                }
            }
        }
        let schema = Arc::new(Schema::new(vec![
            Field::new("doc_id", DataType::Utf8, true),
            Field::new("duplicate_of", DataType::Utf8, true),
            Field::new("similarity", DataType::Float32, true),
        ]));
        RecordBatch::try_new(
            schema,
            vec![
                Arc::new(id.finish()),
                Arc::new(rep.finish()),
                Arc::new(sim.finish()),
            ],
        )
        .map_err(|e| err("resolve_components", e))
    })
}

/// Final ids of the records whose plain id is shared or already published: each row is
/// one plain id (`plain_id`, `taken`: an earlier batch published it, `inputs` and `urls`:
/// its records' locators and URLs); the output rows `(input, doc_id)` give every such
/// record its id by the CLI's own rule (`gazette::pipeline::disambiguate`).
#[pyfunction]
pub fn rename_ids(
    py: Python<'_>,
    config_json: &str,
    batch: Bound<'_, PyAny>,
) -> PyResult<Py<PyAny>> {
    map_batch(py, "rename_ids", &batch, |batch| {
        let engine = engine(config_json)?;
        let run_batch = engine.settings().run.batch.clone();
        let plain = strings(batch, "plain_id")?;
        let taken = col(batch, "taken", &DataType::Boolean)?;
        let taken = taken.as_any().downcast_ref::<BooleanArray>().expect("bool");
        let list = |n: &str| {
            col(
                batch,
                n,
                &DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))),
            )
        };
        let inputs = list("inputs")?;
        let inputs = inputs.as_any().downcast_ref::<ListArray>().expect("list");
        let urls = list("urls")?;
        let urls = urls.as_any().downcast_ref::<ListArray>().expect("list");
        let (mut input_b, mut id_b) = (StringBuilder::new(), StringBuilder::new());
        for row in 0..batch.num_rows() {
            let ins = inputs.value(row);
            let ins = ins.as_any().downcast_ref::<StringArray>().expect("utf8");
            let us = urls.value(row);
            let us = us.as_any().downcast_ref::<StringArray>().expect("utf8");
            let mut ids = vec![plain.value(row).to_string(); ins.len()];
            let is_taken = taken.value(row);
            gazette::pipeline::disambiguate(
                &mut ids,
                |_| is_taken,
                &run_batch,
                |i| Ok::<_, ()>((ins.value(i).to_string(), opt_str(us, i).map(str::to_string))),
            )
            .expect("locate cannot fail");
            for (i, id) in ids.iter().enumerate() {
                input_b.append_value(ins.value(i));
                id_b.append_value(id);
            }
        }
        string_pairs("rename_ids", ["input", "doc_id"], [input_b, id_b])
    })
}

/// A batch being written by a Spark job, held by the driver: the output's lock and
/// staging directory (the CLI's [`BatchWriter`]); workers add part files to the staging
/// directory; [`SparkBatch::commit`] publishes everything with the manifest, as the CLI's
/// commit does. Dropped uncommitted, it leaves the output as it was.
#[pyclass(unsendable)]
pub struct SparkBatch {
    writer: Option<BatchWriter>,
    config_json: String,
}

#[pymethods]
impl SparkBatch {
    /// Takes the output's lock (waiting when `wait`) and creates the staging directory.
    #[new]
    #[pyo3(signature = (config_json, wait=false))]
    fn new(config_json: String, wait: bool) -> PyResult<Self> {
        guarded("SparkBatch", || {
            let engine = engine(&config_json)?;
            let writer = BatchWriter::create(
                &engine.settings().output,
                &engine.file_metadata(),
                engine.dedup().map(|d| d.params()),
                wait,
            )
            .map_err(to_py)?;
            Ok(SparkBatch {
                writer: Some(writer),
                config_json,
            })
        })
    }

    /// The staging directory the workers write part files into.
    #[getter]
    fn staging(&self) -> PyResult<String> {
        let w = self
            .writer
            .as_ref()
            .ok_or_else(|| err("SparkBatch", "already committed"))?;
        Ok(w.staging_dir().display().to_string())
    }

    /// Publishes the batch: `counts_json` are the run's counts (the manifest's `counts`
    /// object), `started` and `finished` its times (RFC 3339), `skipped` the skipped files, `wall`
    /// its wall-clock seconds. Returns the manifest as JSON text.
    #[allow(clippy::too_many_arguments)]
    fn commit(
        &mut self,
        counts_json: &str,
        started: String,
        finished: String,
        skipped: Vec<String>,
        stage_seconds: HashMap<String, f64>,
        wall: f64,
    ) -> PyResult<String> {
        guarded("commit", || {
            let engine = engine(&self.config_json)?;
            let writer = self
                .writer
                .take()
                .ok_or_else(|| err("SparkBatch", "already committed"))?;
            let counts: Counts = serde_json::from_str(counts_json).map_err(|e| err("counts", e))?;
            let meta = engine.file_metadata();
            let manifest = Manifest {
                batch: meta.batch,
                started,
                finished,
                version: env!("CARGO_PKG_VERSION").to_string(),
                schema_version: gazette::tables::schema::SCHEMA_VERSION.to_string(),
                config: serde_json::from_str(engine.config_json()).expect("canonical JSON"),
                config_sha256: meta.config_sha256,
                counts,
                skipped_files: skipped,
                stage_seconds: stage_seconds.into_iter().collect(),
                wall_seconds: wall,
                entity_models: engine.entity_models(),
            };
            writer.commit(&manifest).map_err(to_py)?;
            serde_json::to_string(&manifest).map_err(|e| err("manifest", e))
        })
    }
}

/// Annotates one Spark partition of documents and writes its rows as one part file per
/// table into staging; the documents come in doc_id order (columns `doc_id`, `document`,
/// `duplicate_of`, `similarity`), the partition's part files are named `name`.
#[pyclass]
pub struct PartAnnotator {
    engine: Arc<Engine>,
    writers: Mutex<Vec<(Table, PartWriter)>>,
    rows: TableRows,
}

#[pymethods]
impl PartAnnotator {
    #[new]
    fn new(config_json: &str, staging: &str, name: &str) -> PyResult<Self> {
        guarded("PartAnnotator", || {
            let engine = engine(config_json)?;
            let meta = engine.file_metadata();
            let writers = [
                Table::Documents,
                Table::EntityMentions,
                Table::Quotes,
                Table::DateMentions,
            ]
            .into_iter()
            .map(|t| {
                PartWriter::create(
                    &engine.settings().output,
                    &meta,
                    Path::new(staging),
                    PartOf::Table(t),
                    name,
                )
                .map(|w| (t, w))
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(to_py)?;
            Ok(PartAnnotator {
                engine,
                writers: Mutex::new(writers),
                rows: TableRows::default(),
            })
        })
    }

    /// Annotates and writes one record batch of documents.
    fn add(&mut self, py: Python<'_>, batch: Bound<'_, PyAny>) -> PyResult<()> {
        let batch = RecordBatch::from_pyarrow_bound(&batch)?;
        py.detach(|| {
            guarded("annotate", || {
                let ids = strings(&batch, "doc_id")?;
                let docs = col(&batch, "document", &DataType::Binary)?;
                let docs = docs.as_any().downcast_ref::<BinaryArray>().expect("binary");
                let reps = strings(&batch, "duplicate_of")?;
                let sims = col(&batch, "similarity", &DataType::Float32)?;
                let sims = sims.as_any().downcast_ref::<Float32Array>().expect("f32");
                for i in 0..batch.num_rows() {
                    let doc: Document = serde_json::from_slice(docs.value(i))
                        .map_err(|e| err("document JSON", e))?;
                    let dup = opt_str(&reps, i).map(|r| Duplicate {
                        representative: r.to_string(),
                        similarity: sims.value(i),
                    });
                    let annotated =
                        self.engine
                            .annotate(doc, ids.value(i).to_string(), dup.as_ref());
                    self.rows.append(&annotated);
                }
                let batches = self.rows.finish().map_err(to_py)?;
                let mut writers = self.writers.lock().unwrap_or_else(|p| p.into_inner());
                for ((_, w), (_, b)) in writers.iter_mut().zip(batches) {
                    w.write(&b).map_err(to_py)?;
                }
                Ok(())
            })
        })
    }

    /// Closes the part files; returns the counts as JSON (documents, duplicates,
    /// entity_mentions, quotes, date_mentions, annotation_failures).
    fn close(&mut self) -> PyResult<String> {
        guarded("annotate", || {
            let writers =
                std::mem::take(&mut *self.writers.lock().unwrap_or_else(|p| p.into_inner()));
            for (_, w) in writers {
                w.close().map_err(to_py)?;
            }
            serde_json::to_string(self.rows.counts()).map_err(|e| err("counts", e))
        })
    }
}

/// Writes one part file of the `rejects` table or of the dedup state (`_dedup`) into
/// staging, from record batches whose columns are named as the table's (Spark types,
/// cast to the table's). Returns the file's size on close.
#[pyclass]
pub struct PartSink {
    writer: Mutex<Option<PartWriter>>,
    schema: SchemaRef,
}

#[pymethods]
impl PartSink {
    #[new]
    fn new(config_json: &str, staging: &str, table: &str, name: &str) -> PyResult<Self> {
        guarded("PartSink", || {
            let engine = engine(config_json)?;
            let what = match table {
                "rejects" => PartOf::Table(Table::Rejects),
                "_dedup" => PartOf::DedupState(
                    engine
                        .dedup()
                        .ok_or_else(|| err("PartSink", "dedup is disabled"))?
                        .params(),
                ),
                other => return Err(err("PartSink", format!("not a sink table: {other}"))),
            };
            let schema = match what {
                PartOf::Table(t) => t.schema(),
                PartOf::DedupState(p) => gazette::tables::dedup_state::schema_with(p),
            };
            let writer = PartWriter::create(
                &engine.settings().output,
                &engine.file_metadata(),
                Path::new(staging),
                what,
                name,
            )
            .map_err(to_py)?;
            Ok(PartSink {
                writer: Mutex::new(Some(writer)),
                schema,
            })
        })
    }

    fn add(&mut self, py: Python<'_>, batch: Bound<'_, PyAny>) -> PyResult<()> {
        let batch = RecordBatch::from_pyarrow_bound(&batch)?;
        py.detach(|| {
            guarded("PartSink", || {
                let columns = self
                    .schema
                    .fields()
                    .iter()
                    .map(|f| col(&batch, f.name(), f.data_type()))
                    .collect::<PyResult<Vec<_>>>()?;
                let rows = RecordBatch::try_new(self.schema.clone(), columns)
                    .map_err(|e| err("PartSink", e))?;
                self.writer
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .as_mut()
                    .ok_or_else(|| err("PartSink", "closed"))?
                    .write(&rows)
                    .map_err(to_py)
            })
        })
    }

    fn close(&mut self) -> PyResult<u64> {
        guarded("PartSink", || {
            match self.writer.lock().unwrap_or_else(|p| p.into_inner()).take() {
                Some(w) => Ok(w.close().map_err(to_py)?.1),
                None => Ok(0),
            }
        })
    }
}
