//! The dedup state table, `<output>/_dedup/batch=<id>/part-00000.parquet`: the
//! representatives and unique documents of one committed batch, so that later batches
//! are deduplicated against it. It is staged and committed with the batch's five tables
//! (the same swap), and it is plain Parquet, so any engine can read it; the leading `_`
//! keeps it out of readers that scan the output directory for the data tables.
//!
//! Declared once below, like the five tables. Hashes and signatures are binary because
//! Spark refuses unsigned and fixed-size binary types. The schema metadata records the
//! signature parameters (`gazette.dedup.shingle_size`, `gazette.dedup.num_hashes`) and
//! `gazette.dedup.state_version`.

use std::sync::Arc;

use arrow::array::{Array, BinaryArray, BooleanArray, Date32Array, Int32Array, StringArray};
use arrow::datatypes::{Metadata, Schema, SchemaRef};
use arrow::record_batch::RecordBatch;

use super::columns::{Binary, Bool, Date32, Int32, Utf8};
use super::declare::declare_table;
use super::{from_date32, int32};
use crate::error::{Error, Result};
use crate::model::{DedupEntry, Fingerprint, SignatureParams};

declare_table! {
    name: "_dedup";
    /// One state row: a field per column, named as the column.
    row: StateRow;
    /// Accumulates state rows.
    builder: StateBuilder;
    columns: {
        doc_id: Utf8 = "the document's id in `documents`",
        content_hash: Binary = "SHA-256 (first 16 bytes) of the normalised body: the exact-duplicate key",
        published: Option<Date32> = "publication date, when known (earliest wins a cluster)",
        agency: Bool = "whether the publisher is a news agency",
        has_url: Bool = "whether the document has a URL",
        chars: Int32 = "body length in code points",
        signature: Binary = "MinHash values, 4 bytes each, little-endian; empty when exact-matched only",
    }
}

/// Directory of the state table under the output directory.
pub const DIR: &str = NAME;
/// Version of the state layout written by this build (1 was the `.bin` format).
pub const STATE_VERSION: &str = "2";

const SHINGLE_KEY: &str = "gazette.dedup.shingle_size";
const HASHES_KEY: &str = "gazette.dedup.num_hashes";
/// Metadata key of the state layout version ([`STATE_VERSION`]).
pub const VERSION_KEY: &str = "gazette.dedup.state_version";

/// The state table's schema for signatures made with `params`: the declared columns,
/// with the signature parameters and the state version added to its metadata.
pub fn schema_with(params: SignatureParams) -> SchemaRef {
    let base = schema();
    let mut metadata = base.metadata().clone();
    metadata.insert(SHINGLE_KEY, params.shingle_size.to_string());
    metadata.insert(HASHES_KEY, params.num_hashes.to_string());
    metadata.insert(VERSION_KEY, STATE_VERSION.to_string());
    Arc::new(Schema::new_with_metadata(base.fields().clone(), metadata))
}

/// The signature parameters named by a state file's metadata; `None` when absent or
/// unreadable.
pub fn params_of(metadata: &Metadata) -> Option<SignatureParams> {
    Some(SignatureParams {
        shingle_size: metadata.get(SHINGLE_KEY)?.parse().ok()?,
        num_hashes: metadata.get(HASHES_KEY)?.parse().ok()?,
    })
}

/// One batch of state rows, in the order given (callers give doc_id order), in the schema
/// of [`schema_with`] `params`.
pub fn build<'a>(
    entries: impl IntoIterator<Item = &'a DedupEntry>,
    params: SignatureParams,
) -> Result<RecordBatch> {
    let mut rows = StateBuilder::new();
    let mut signature = Vec::new();
    for e in entries {
        signature.clear();
        for v in &e.fingerprint.signature {
            signature.extend_from_slice(&v.to_le_bytes());
        }
        rows.push(StateRow {
            doc_id: &e.doc_id,
            content_hash: &e.fingerprint.content_hash,
            published: e.published,
            agency: e.agency,
            has_url: e.has_url,
            chars: int32(e.chars),
            signature: &signature,
        });
    }
    rows.finish()?
        .with_schema(schema_with(params))
        .map_err(|e| Error::Table {
            table: NAME,
            message: e.to_string(),
        })
}

/// The entries of one batch of state rows. With `keep_signatures` false (the file was
/// made with other signature parameters than this run's) signatures are dropped, so
/// those documents are exact-matched only. A column of the wrong type is an error
/// naming `source`.
pub fn entries(
    batch: &RecordBatch,
    keep_signatures: bool,
    source: &str,
) -> Result<Vec<DedupEntry>> {
    let bad = |message: String| Error::Data {
        path: source.to_string(),
        message,
    };
    fn column<'b, T: 'static>(batch: &'b RecordBatch, name: &str) -> Option<&'b T> {
        batch.column_by_name(name)?.as_any().downcast_ref::<T>()
    }
    let missing = |name: &str| bad(format!("dedup state: column {name:?} missing or mistyped"));
    let doc_id = column::<StringArray>(batch, "doc_id").ok_or_else(|| missing("doc_id"))?;
    let hash =
        column::<BinaryArray>(batch, "content_hash").ok_or_else(|| missing("content_hash"))?;
    let published =
        column::<Date32Array>(batch, "published").ok_or_else(|| missing("published"))?;
    let agency = column::<BooleanArray>(batch, "agency").ok_or_else(|| missing("agency"))?;
    let has_url = column::<BooleanArray>(batch, "has_url").ok_or_else(|| missing("has_url"))?;
    let chars = column::<Int32Array>(batch, "chars").ok_or_else(|| missing("chars"))?;
    let signature =
        column::<BinaryArray>(batch, "signature").ok_or_else(|| missing("signature"))?;
    (0..batch.num_rows())
        .map(|i| {
            let content_hash: [u8; 16] = hash
                .value(i)
                .try_into()
                .map_err(|_| bad(format!("dedup state row {i}: content_hash is not 16 bytes")))?;
            let raw = signature.value(i);
            if raw.len() % 4 != 0 {
                return Err(bad(format!(
                    "dedup state row {i}: signature is not 4-byte values"
                )));
            }
            let signature = if keep_signatures {
                raw.chunks_exact(4)
                    .map(|v| u32::from_le_bytes([v[0], v[1], v[2], v[3]]))
                    .collect()
            } else {
                Vec::new()
            };
            Ok(DedupEntry {
                doc_id: doc_id.value(i).to_string(),
                fingerprint: Fingerprint {
                    content_hash,
                    signature,
                },
                published: (!published.is_null(i))
                    .then(|| from_date32(published.value(i)))
                    .flatten(),
                agency: agency.value(i),
                has_url: has_url.value(i),
                chars: usize::try_from(chars.value(i)).unwrap_or(0),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn entries_round_trip_and_foreign_signatures_are_dropped() {
        let params = SignatureParams {
            shingle_size: 5,
            num_hashes: 2,
        };
        let e = DedupEntry {
            doc_id: "d1".into(),
            fingerprint: Fingerprint {
                content_hash: [7; 16],
                signature: vec![1, u32::MAX],
            },
            published: NaiveDate::from_ymd_opt(2026, 11, 21),
            agency: true,
            has_url: false,
            chars: 1234,
        };
        let short = DedupEntry {
            doc_id: "d2".into(),
            fingerprint: Fingerprint {
                content_hash: [9; 16],
                signature: Vec::new(),
            },
            published: None,
            ..e.clone()
        };
        let batch = build([&e, &short], params).unwrap();
        assert_eq!(params_of(batch.schema().metadata()), Some(params));
        assert_eq!(
            entries(&batch, true, "t").unwrap(),
            vec![e.clone(), short.clone()]
        );
        let exact_only = entries(&batch, false, "t").unwrap();
        assert!(exact_only[0].fingerprint.signature.is_empty());
        assert_eq!(exact_only[0].fingerprint.content_hash, [7; 16]);
    }
}
