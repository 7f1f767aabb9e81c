//! The `doc_id`s earlier batches published: read from the `doc_id` column of every
//! `<output>/documents/batch=<id>/` partition except the running batch's own, so that a new
//! batch never reuses an id for a different row (see `pipeline::ids`). Every published row
//! counts, duplicates included, whether or not dedup ran.

use std::collections::HashSet;
use std::fs::File;
use std::path::{Path, PathBuf};

use arrow::array::{Array, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;

use crate::error::{Error, Result};
use crate::tables::schema::Table;

/// A compact set of published ids: each 16-hex-digit id kept as its 64-bit value (8 bytes
/// per row instead of a string), any other id kept as text.
#[derive(Debug, Default)]
pub struct PublishedIds {
    hex: HashSet<u64>,
    other: HashSet<String>,
}

impl PublishedIds {
    /// Whether an earlier batch published `id`.
    pub fn contains(&self, id: &str) -> bool {
        match hex_value(id) {
            Some(v) => self.hex.contains(&v),
            None => self.other.contains(id),
        }
    }

    /// Records `id` as published.
    pub fn insert(&mut self, id: &str) {
        match hex_value(id) {
            Some(v) => {
                self.hex.insert(v);
            }
            None => {
                self.other.insert(id.to_string());
            }
        }
    }

    /// How many distinct ids are held.
    pub fn len(&self) -> usize {
        self.hex.len() + self.other.len()
    }

    /// Whether no id is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The value of a 16-lower-case-hex-digit id (the form `pipeline::ids` gives), else None.
fn hex_value(id: &str) -> Option<u64> {
    let lower_hex = |b: &u8| b.is_ascii_digit() || (b'a'..=b'f').contains(b);
    (id.len() == 16 && id.as_bytes().iter().all(lower_hex))
        .then(|| u64::from_str_radix(id, 16).ok())
        .flatten()
}

/// The ids of every committed batch's `documents` rows under `output`, `batch` itself
/// excepted (a re-run replaces its own rows, so their ids stay free for it). Fails naming
/// the file when a partition cannot be listed or a Parquet file read.
pub fn load(output: &Path, batch: &str) -> Result<PublishedIds> {
    let table_dir = output.join(Table::Documents.name());
    let own = format!("batch={batch}");
    let mut ids = PublishedIds::default();
    for partition in list(&table_dir)? {
        let name = partition.file_name().unwrap_or_default().to_string_lossy();
        if !partition.is_dir() || !name.starts_with("batch=") || name == own.as_str() {
            continue;
        }
        let mut files = list(&partition)?;
        files.retain(|f| f.extension().is_some_and(|x| x == "parquet"));
        for file in files {
            read_ids(&file, &mut ids)?;
        }
    }
    Ok(ids)
}

/// The entries of `dir`, sorted; none when it does not exist.
fn list(dir: &Path) -> Result<Vec<PathBuf>> {
    let listing = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Output {
                path: dir.to_path_buf(),
                source,
            })
        }
    };
    let mut paths: Vec<PathBuf> = listing
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()
        .map_err(Error::io(dir))?;
    paths.sort();
    Ok(paths)
}

fn read_ids(path: &Path, ids: &mut PublishedIds) -> Result<()> {
    let bad = |message: String| Error::Data {
        path: path.display().to_string(),
        message,
    };
    let file = File::open(path).map_err(Error::io(path))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| bad(e.to_string()))?;
    let column = builder
        .schema()
        .index_of("doc_id")
        .map_err(|_| bad("no doc_id column".into()))?;
    let mask = ProjectionMask::roots(builder.parquet_schema(), [column]);
    let reader = builder
        .with_projection(mask)
        .build()
        .map_err(|e| bad(e.to_string()))?;
    for batch in reader {
        let batch = batch.map_err(|e| bad(e.to_string()))?;
        let column = batch.column(0);
        let strings = column
            .as_any()
            .downcast_ref::<StringArray>()
            .ok_or_else(|| bad(format!("doc_id is {}, not utf8", column.data_type())))?;
        for id in strings.iter().flatten() {
            ids.insert(id);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_ids_are_held_as_numbers_and_others_as_text() {
        let mut ids = PublishedIds::default();
        ids.insert("00ff00ff00ff00ff");
        ids.insert("not-a-hash");
        assert!(ids.contains("00ff00ff00ff00ff"));
        assert!(ids.contains("not-a-hash"));
        assert!(!ids.contains("00ff00ff00ff00fe"));
        assert!(
            !ids.contains("00FF00FF00FF00FF"),
            "upper case is another id"
        );
        assert_eq!(ids.len(), 2);
    }

    #[test]
    fn a_missing_output_has_no_ids() {
        let tmp = tempfile::tempdir().expect("tempdir");
        assert!(load(&tmp.path().join("none"), "b")
            .expect("load")
            .is_empty());
    }
}
