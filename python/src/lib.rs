//! `gazette._native`: the pipeline library as Python sees it. Every function returns data
//! or raises `gazette.GazetteError` (`gazette.ConfigError` for a bad configuration) with
//! the message the `gazette` command prints; a panic never crosses into Python (it becomes
//! a `GazetteError`). The pure-Python layer in `gazette/` builds the public API on these.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use arrow_pyarrow::ToPyArrow;
use gazette::config::{Overrides, PipelineConfig};
use gazette::pipeline::RunOptions;
use gazette::tables::Table;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyDict;

mod spark;

create_exception!(
    _native,
    GazetteError,
    PyException,
    "A gazette run failed; the message is the one the `gazette` command prints."
);
create_exception!(
    _native,
    ConfigError,
    GazetteError,
    "The configuration is invalid; the message names the key."
);

/// The error chain joined by ": ", as the command prints it after "error: ".
fn message(e: &gazette::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

fn to_py(e: gazette::Error) -> PyErr {
    if e.exit_code() == 2 {
        ConfigError::new_err(message(&e))
    } else {
        GazetteError::new_err(message(&e))
    }
}

/// Runs `work`, turning a panic into a `GazetteError` naming it.
fn guarded<T>(what: &str, work: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let detail = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown panic".into());
        Err(GazetteError::new_err(format!(
            "internal error in {what} (a gazette bug): {detail}"
        )))
    })
}

/// `gazette run` as a function: the configuration is loaded as the command loads it
/// (`config`, else ./pipeline.toml when it exists, else the defaults), the arguments
/// override it as the flags do, and the run's manifest is returned as JSON text. The GIL
/// is released while the pipeline runs.
/// The configuration a run from Python uses: the file (`config`, else the CLI's default
/// search) with the call's arguments applied as the CLI applies its flags.
pub(crate) fn configured(
    config: Option<PathBuf>,
    inputs: Vec<PathBuf>,
    output: PathBuf,
    batch: Option<String>,
    reference_date: Option<String>,
    threads: Option<usize>,
) -> PyResult<PipelineConfig> {
    let mut cfg = PipelineConfig::find(config.as_deref()).map_err(to_py)?;
    cfg.apply(&Overrides {
        inputs,
        output: Some(output),
        batch,
        reference_date,
        threads,
    });
    Ok(cfg)
}

#[pyfunction]
#[pyo3(signature = (inputs, output, batch=None, config=None, threads=None, reference_date=None, wait=false))]
#[allow(clippy::too_many_arguments)]
fn run(
    py: Python<'_>,
    inputs: Vec<PathBuf>,
    output: PathBuf,
    batch: Option<String>,
    config: Option<PathBuf>,
    threads: Option<usize>,
    reference_date: Option<String>,
    wait: bool,
) -> PyResult<String> {
    py.detach(|| {
        guarded("run", || {
            let cfg = configured(config, inputs, output, batch, reference_date, threads)?;
            let options = RunOptions {
                progress: false,
                wait,
            };
            let manifest = gazette::pipeline::run_config(&cfg, &options).map_err(to_py)?;
            serde_json::to_string(&manifest)
                .map_err(|e| GazetteError::new_err(format!("manifest: {e}")))
        })
    })
}

/// Every table's Arrow schema, by table name, from the code that writes the tables
/// (the `gazette.*` metadata included), as `pyarrow.Schema`s.
#[pyfunction]
fn schemas(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    for table in Table::ALL {
        out.set_item(table.name(), table.schema().as_ref().to_pyarrow(py)?)?;
    }
    Ok(out)
}

/// The Python module `gazette._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run, m)?)?;
    m.add_function(wrap_pyfunction!(schemas, m)?)?;
    m.add_function(wrap_pyfunction!(spark::effective_config, m)?)?;
    m.add_function(wrap_pyfunction!(spark::discover, m)?)?;
    m.add_function(wrap_pyfunction!(spark::prepare, m)?)?;
    m.add_function(wrap_pyfunction!(spark::jsonl_ranges, m)?)?;
    m.add_function(wrap_pyfunction!(spark::banding, m)?)?;
    m.add_function(wrap_pyfunction!(spark::verify_buckets, m)?)?;
    m.add_function(wrap_pyfunction!(spark::resolve_components, m)?)?;
    m.add_function(wrap_pyfunction!(spark::components, m)?)?;
    m.add_function(wrap_pyfunction!(spark::rename_ids, m)?)?;
    m.add_class::<spark::SparkBatch>()?;
    m.add_class::<spark::PartAnnotator>()?;
    m.add_class::<spark::PartSink>()?;
    m.add("GazetteError", m.py().get_type::<GazetteError>())?;
    m.add("ConfigError", m.py().get_type::<ConfigError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
