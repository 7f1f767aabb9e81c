//! The dedup state table, `<output>/_dedup/batch=<id>/part-00000.parquet`: the
//! representatives and unique documents of one committed batch, so that later batches
//! are deduplicated against it. It is staged and committed with the batch's five tables
//! (the same swap), and it is plain Parquet, so any engine can read it; the leading `_`
//! keeps it out of readers that scan the output directory for the data tables.
//!
//! Columns: `doc_id` utf8, `content_hash` binary (16 bytes), `published` date32,
//! `agency` bool, `has_url` bool, `chars` int32, `signature` binary (the MinHash values,
//! 4 bytes each, little-endian; empty when the body is exact-matched only). Hashes and
//! signatures are binary because Spark refuses unsigned and fixed-size binary types. The
//! schema metadata records the signature parameters (`gazette.dedup.shingle_size`,
//! `gazette.dedup.num_hashes`) and `gazette.dedup.state_version`.

use std::collections::HashMap;
use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, BinaryArray, BinaryBuilder, BooleanArray, BooleanBuilder, Date32Array,
    Date32Builder, Int32Array, Int32Builder, StringArray, StringBuilder,
};
use arrow::datatypes::{DataType, Field, Metadata, Schema, SchemaRef};
use arrow::record_batch::RecordBatch;

use super::{date32, from_date32, int32};
use crate::error::{Error, Result};
use crate::model::{DedupEntry, Fingerprint, SignatureParams};

/// Directory of the state table under the output directory.
pub const DIR: &str = "_dedup";
/// Version of the state layout written by this build (1 was the `.bin` format).
pub const STATE_VERSION: &str = "2";

const SHINGLE_KEY: &str = "gazette.dedup.shingle_size";
const HASHES_KEY: &str = "gazette.dedup.num_hashes";
const VERSION_KEY: &str = "gazette.dedup.state_version";

/// The state table's schema, its metadata naming the signature parameters.
pub fn schema(params: SignatureParams) -> SchemaRef {
    let fields = vec![
        Field::new("doc_id", DataType::Utf8, false),
        Field::new("content_hash", DataType::Binary, false),
        Field::new("published", DataType::Date32, true),
        Field::new("agency", DataType::Boolean, false),
        Field::new("has_url", DataType::Boolean, false),
        Field::new("chars", DataType::Int32, false),
        Field::new("signature", DataType::Binary, false),
    ];
    Arc::new(Schema::new_with_metadata(fields, metadata(params)))
}

/// The key-value metadata of a state file made with `params`.
pub fn metadata(params: SignatureParams) -> HashMap<String, String> {
    HashMap::from([
        (SHINGLE_KEY.to_string(), params.shingle_size.to_string()),
        (HASHES_KEY.to_string(), params.num_hashes.to_string()),
        (VERSION_KEY.to_string(), STATE_VERSION.to_string()),
    ])
}

/// The signature parameters named by a state file's metadata; `None` when absent or
/// unreadable.
pub fn params_of(metadata: &Metadata) -> Option<SignatureParams> {
    Some(SignatureParams {
        shingle_size: metadata.get(SHINGLE_KEY)?.parse().ok()?,
        num_hashes: metadata.get(HASHES_KEY)?.parse().ok()?,
    })
}

/// One batch of state rows, in the order given (callers give doc_id order).
pub fn build<'a>(
    entries: impl IntoIterator<Item = &'a DedupEntry>,
    params: SignatureParams,
) -> Result<RecordBatch> {
    let mut doc_id = StringBuilder::new();
    let mut content_hash = BinaryBuilder::new();
    let mut published = Date32Builder::new();
    let mut agency = BooleanBuilder::new();
    let mut has_url = BooleanBuilder::new();
    let mut chars = Int32Builder::new();
    let mut signature = BinaryBuilder::new();
    let mut sig_bytes = Vec::new();
    for e in entries {
        doc_id.append_value(&e.doc_id);
        content_hash.append_value(e.fingerprint.content_hash);
        published.append_option(e.published.map(date32));
        agency.append_value(e.agency);
        has_url.append_value(e.has_url);
        chars.append_value(int32(e.chars));
        sig_bytes.clear();
        for v in &e.fingerprint.signature {
            sig_bytes.extend_from_slice(&v.to_le_bytes());
        }
        signature.append_value(&sig_bytes);
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(doc_id.finish()),
        Arc::new(content_hash.finish()),
        Arc::new(published.finish()),
        Arc::new(agency.finish()),
        Arc::new(has_url.finish()),
        Arc::new(chars.finish()),
        Arc::new(signature.finish()),
    ];
    RecordBatch::try_new(schema(params), columns).map_err(|e| Error::Table {
        table: DIR,
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
