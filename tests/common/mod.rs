//! Shared helpers of the integration tests: run a scenario through the library, read a
//! table back with arrow, and render it as reviewable text.
#![allow(dead_code)]

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use arrow::array::Array;
use arrow::record_batch::RecordBatch;
use arrow::util::display::{ArrayFormatter, FormatOptions};
use gazette::config::{Overrides, PipelineConfig};
use gazette::output::Manifest;
use gazette::pipeline::{run_config, RunOptions};
use gazette::tables::Table;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty temporary directory unique to this test.
pub fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gazette-it-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The config of a fixture scenario: its own pipeline.toml over the defaults.
pub fn scenario_config(scenario: &Path) -> PipelineConfig {
    let file = scenario.join("pipeline.toml");
    if file.exists() {
        PipelineConfig::load(&file).unwrap()
    } else {
        PipelineConfig::default()
    }
}

/// Runs `inputs` with `config` into `out` as batch `batch`, with `threads` and `chunk_size`.
pub fn run_with(
    mut config: PipelineConfig,
    inputs: Vec<PathBuf>,
    out: &Path,
    batch: &str,
    threads: usize,
    chunk_size: usize,
) -> Manifest {
    config.apply(&Overrides {
        inputs,
        output: Some(out.to_path_buf()),
        batch: Some(batch.into()),
        threads: Some(threads),
        ..Overrides::default()
    });
    config.run.chunk_size = chunk_size;
    if config.run.reference_date.is_empty() {
        config.run.reference_date = "2026-11-21".into();
    }
    run_config(&config, &RunOptions::default()).unwrap()
}

/// Runs a fixture scenario (`tests/fixtures/<name>`) into `out`.
pub fn run_scenario(name: &str, out: &Path, threads: usize) -> Manifest {
    let dir = repo().join("tests/fixtures").join(name);
    run_with(
        scenario_config(&dir),
        vec![dir.join("input")],
        out,
        "golden",
        threads,
        2048,
    )
}

/// Every part file of a table's batch partition, in name order.
pub fn part_files(out: &Path, table: Table, batch: &str) -> Vec<PathBuf> {
    let dir = table.partition_dir(out, batch);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Reads a table's batch partition back with arrow.
pub fn read_table(out: &Path, table: Table, batch: &str) -> Vec<RecordBatch> {
    part_files(out, table, batch)
        .into_iter()
        .flat_map(|path| {
            let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
                .unwrap()
                .build()
                .unwrap();
            reader.map(|b| b.unwrap()).collect::<Vec<_>>()
        })
        .collect()
}

/// Renders a table as text, one block per row, one line per column; multi-line values
/// are indented under their column so diffs stay readable.
pub fn render(batches: &[RecordBatch]) -> String {
    let mut out = String::new();
    let opts = FormatOptions::default().with_null("null");
    let mut row = 0;
    for batch in batches {
        let schema = batch.schema();
        let formatters: Vec<ArrayFormatter> = batch
            .columns()
            .iter()
            .map(|c| ArrayFormatter::try_new(c.as_ref(), &opts).unwrap())
            .collect();
        for i in 0..batch.num_rows() {
            out.push_str(&format!("[{row}]\n"));
            for (field, (fmt, col)) in schema
                .fields()
                .iter()
                .zip(formatters.iter().zip(batch.columns()))
            {
                if let (Some(list), false) = (
                    col.as_any().downcast_ref::<arrow::array::ListArray>(),
                    col.is_null(i),
                ) {
                    let items = list.value(i);
                    let item_fmt = ArrayFormatter::try_new(items.as_ref(), &opts).unwrap();
                    let empty = if items.is_empty() { " []" } else { "" };
                    out.push_str(&format!("  {}:{empty}\n", field.name()));
                    for k in 0..items.len() {
                        out.push_str(&format!("    - {}\n", item_fmt.value(k)));
                    }
                    continue;
                }
                let value = if col.is_null(i) {
                    "null".to_string()
                } else {
                    fmt.value(i).to_string()
                };
                if value.contains('\n') {
                    out.push_str(&format!("  {}: |\n", field.name()));
                    for line in value.lines() {
                        out.push_str(&format!("    {line}\n"));
                    }
                } else {
                    out.push_str(&format!("  {}: {}\n", field.name(), value));
                }
            }
            row += 1;
        }
    }
    if row == 0 {
        out.push_str("(no rows)\n");
    }
    out
}

/// Every table of a batch rendered one after the other (see [`render`]).
pub fn render_all(out: &Path, batch: &str) -> String {
    Table::ALL
        .iter()
        .map(|&t| format!("== {}\n{}", t.name(), render(&read_table(out, t, batch))))
        .collect()
}

/// Total rows of a table's batch partition.
pub fn row_count(out: &Path, table: Table, batch: &str) -> usize {
    read_table(out, table, batch)
        .iter()
        .map(RecordBatch::num_rows)
        .sum()
}

/// A string column of a table, all rows, nulls as None.
pub fn string_column(out: &Path, table: Table, batch: &str, column: &str) -> Vec<Option<String>> {
    read_table(out, table, batch)
        .iter()
        .flat_map(|b| {
            let col = b.column_by_name(column).unwrap();
            let arr = col
                .as_any()
                .downcast_ref::<arrow::array::StringArray>()
                .unwrap();
            (0..arr.len())
                .map(|i| (!arr.is_null(i)).then(|| arr.value(i).to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The `gazette` binary run with `args` and the extra environment `env`, from the
/// repository root (for the tests of the package that builds it).
pub fn gazette_cli(args: &[&str], env: &[(&str, &str)]) -> Output {
    let Some(bin) = option_env!("CARGO_BIN_EXE_gazette") else {
        panic!("gazette_cli runs in the tests of the gazette package, which build the binary");
    };
    let mut cmd = Command::new(bin);
    cmd.args(args).current_dir(repo());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// `gazette run` of fixture `scenario` into `out` as `batch`: default configuration, the
/// fixed reference date, one thread, and the extra environment `env`.
pub fn run_fixture_cli(out: &Path, scenario: &str, batch: &str, env: &[(&str, &str)]) -> Output {
    let input = repo().join("tests/fixtures").join(scenario).join("input");
    gazette_cli(
        &[
            "run",
            "--config",
            "/dev/null",
            "--threads",
            "1",
            "--input",
            input.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--batch",
            batch,
            "--reference-date",
            "2026-11-21",
        ],
        env,
    )
}
