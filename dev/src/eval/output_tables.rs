//! Reading the pipeline's output tables back from Parquet: every `part-*.parquet` (in fact
//! every `*.parquet`) file of `output/<table>/batch=<batch>/`, only the columns the metrics use.

use std::path::{Path, PathBuf};

use arrow::array::{Array, Date32Array, Int32Array, StringArray};
use arrow::record_batch::RecordBatch;
use chrono::NaiveDate;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use crate::error::{Error, Result};
use gazette::tables::{from_date32, Table};

/// The `documents` columns the evaluation uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutDoc {
    /// Stable document id.
    pub doc_id: String,
    /// Input locator relative to the input root.
    pub input: String,
    /// Extracted headline.
    pub title: Option<String>,
    /// Detected language.
    pub language: String,
    /// Cleaned body text.
    pub body: String,
    /// Publication date.
    pub published_date: Option<NaiveDate>,
    /// Where the date came from.
    pub date_source: Option<String>,
    /// Representative's doc_id when this document is a duplicate.
    pub duplicate_of: Option<String>,
}

/// The `entity_mentions` columns the evaluation uses (offsets: code points into the body).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutMention {
    /// Owning document.
    pub doc_id: String,
    /// Canonical entity id.
    pub entity_id: String,
    /// `PERSON`, `ORG`, `LOC` or `MISC`.
    pub entity_type: String,
    /// Start offset into the body.
    pub start: i32,
    /// End offset (exclusive) into the body.
    pub end: i32,
}

/// The `quotes` columns the evaluation uses (offsets: code points into the body).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutQuote {
    /// Owning document.
    pub doc_id: String,
    /// Start offset of the quoted words.
    pub start: i32,
    /// End offset (exclusive).
    pub end: i32,
    /// Speaker as named near the quote.
    pub speaker: Option<String>,
    /// Canonical speaker name.
    pub speaker_name: Option<String>,
}

/// The `rejects` columns the evaluation uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutReject {
    /// Input locator.
    pub input: String,
    /// Short reason code.
    pub reason: String,
}

/// All tables of one batch.
#[derive(Debug, Clone, Default)]
pub struct OutputTables {
    /// `documents` rows.
    pub documents: Vec<OutDoc>,
    /// `entity_mentions` rows.
    pub mentions: Vec<OutMention>,
    /// `quotes` rows.
    pub quotes: Vec<OutQuote>,
    /// `rejects` rows.
    pub rejects: Vec<OutReject>,
}

impl OutputTables {
    /// Reads batch `batch` under `output_dir`. The documents partition must exist; the other
    /// tables are read when present (an absent partition means no rows).
    pub fn read(output_dir: &Path, batch: &str) -> Result<OutputTables> {
        let doc_dir = Table::Documents.partition_dir(output_dir, batch);
        let mentions_dir = Table::EntityMentions.partition_dir(output_dir, batch);
        let quotes_dir = Table::Quotes.partition_dir(output_dir, batch);
        let rejects_dir = Table::Rejects.partition_dir(output_dir, batch);
        if !doc_dir.is_dir() {
            return Err(eval_err(&doc_dir, "no documents partition for this batch"));
        }
        let mut out = OutputTables::default();
        for batch in read_dir_batches(&doc_dir)? {
            out.documents.extend(documents_from(&batch, &doc_dir)?);
        }
        for batch in read_dir_batches(&mentions_dir)? {
            out.mentions.extend(mentions_from(&batch, &mentions_dir)?);
        }
        for batch in read_dir_batches(&quotes_dir)? {
            out.quotes.extend(quotes_from(&batch, &quotes_dir)?);
        }
        for batch in read_dir_batches(&rejects_dir)? {
            let input = strings(&batch, "input", &rejects_dir)?;
            let reason = strings(&batch, "reason", &rejects_dir)?;
            for i in 0..batch.num_rows() {
                out.rejects.push(OutReject {
                    input: opt(input, i).unwrap_or_default(),
                    reason: opt(reason, i).unwrap_or_default(),
                });
            }
        }
        Ok(out)
    }
}

fn eval_err(path: &Path, message: impl Into<String>) -> Error {
    Error::Eval {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// Every record batch of every `.parquet` file in `dir`, files in name order; none when
/// `dir` does not exist.
fn read_dir_batches(dir: &Path) -> Result<Vec<RecordBatch>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| eval_err(dir, e.to_string()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "parquet"))
        .collect();
    files.sort();
    let mut batches = Vec::new();
    for path in files {
        let file = std::fs::File::open(&path).map_err(|e| eval_err(&path, e.to_string()))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(|b| b.build())
            .map_err(|e| eval_err(&path, e.to_string()))?;
        for batch in reader {
            batches.push(batch.map_err(|e| eval_err(&path, e.to_string()))?);
        }
    }
    Ok(batches)
}

fn column<'a, T: 'static>(batch: &'a RecordBatch, name: &str, path: &Path) -> Result<&'a T> {
    batch
        .column_by_name(name)
        .and_then(|c| c.as_any().downcast_ref::<T>())
        .ok_or_else(|| {
            eval_err(
                path,
                format!("column `{name}` missing or of an unexpected type"),
            )
        })
}

fn strings<'a>(batch: &'a RecordBatch, name: &str, path: &Path) -> Result<&'a StringArray> {
    column::<StringArray>(batch, name, path)
}

fn ints<'a>(batch: &'a RecordBatch, name: &str, path: &Path) -> Result<&'a Int32Array> {
    column::<Int32Array>(batch, name, path)
}

fn opt(array: &StringArray, i: usize) -> Option<String> {
    (!array.is_null(i)).then(|| array.value(i).to_string())
}

fn documents_from(batch: &RecordBatch, path: &Path) -> Result<Vec<OutDoc>> {
    let doc_id = strings(batch, "doc_id", path)?;
    let input = strings(batch, "input", path)?;
    let title = strings(batch, "title", path)?;
    let language = strings(batch, "language", path)?;
    let body = strings(batch, "body", path)?;
    let date = column::<Date32Array>(batch, "published_date", path)?;
    let date_source = strings(batch, "date_source", path)?;
    let duplicate_of = strings(batch, "duplicate_of", path)?;
    Ok((0..batch.num_rows())
        .map(|i| OutDoc {
            doc_id: opt(doc_id, i).unwrap_or_default(),
            input: opt(input, i).unwrap_or_default(),
            title: opt(title, i),
            language: opt(language, i).unwrap_or_default(),
            body: opt(body, i).unwrap_or_default(),
            published_date: (!date.is_null(i))
                .then(|| from_date32(date.value(i)))
                .flatten(),
            date_source: opt(date_source, i),
            duplicate_of: opt(duplicate_of, i),
        })
        .collect())
}

fn mentions_from(batch: &RecordBatch, path: &Path) -> Result<Vec<OutMention>> {
    let doc_id = strings(batch, "doc_id", path)?;
    let entity_id = strings(batch, "entity_id", path)?;
    let entity_type = strings(batch, "entity_type", path)?;
    let start = ints(batch, "start", path)?;
    let end = ints(batch, "end", path)?;
    Ok((0..batch.num_rows())
        .map(|i| OutMention {
            doc_id: opt(doc_id, i).unwrap_or_default(),
            entity_id: opt(entity_id, i).unwrap_or_default(),
            entity_type: opt(entity_type, i).unwrap_or_default(),
            start: start.value(i),
            end: end.value(i),
        })
        .collect())
}

fn quotes_from(batch: &RecordBatch, path: &Path) -> Result<Vec<OutQuote>> {
    let doc_id = strings(batch, "doc_id", path)?;
    let start = ints(batch, "start", path)?;
    let end = ints(batch, "end", path)?;
    let speaker = strings(batch, "speaker", path)?;
    let speaker_name = strings(batch, "speaker_name", path)?;
    Ok((0..batch.num_rows())
        .map(|i| OutQuote {
            doc_id: opt(doc_id, i).unwrap_or_default(),
            start: start.value(i),
            end: end.value(i),
            speaker: opt(speaker, i),
            speaker_name: opt(speaker_name, i),
        })
        .collect())
}
