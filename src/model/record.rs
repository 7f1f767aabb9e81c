//! Input records before parsing, and the rejects of records that produce no document.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a record carries as its article content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Payload {
    /// Raw article text, as scraped (plain-text files, JSONL `text`).
    Text(String),
    /// A raw HTML page (JSONL `html`, `.html` files).
    Html(String),
}

/// Metadata an input format may carry beside the content. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    /// Caller-supplied identifier (JSONL `id`); kept for audit, not used as `doc_id`.
    pub id: Option<String>,
    /// Original URL of the article.
    pub url: Option<String>,
    /// Headline given by the input.
    pub title: Option<String>,
    /// Publication date given by the input.
    pub published: Option<NaiveDate>,
    /// Publisher name given by the input.
    pub source_name: Option<String>,
    /// Declared language (ISO 639-1) given by the input.
    pub language: Option<String>,
    /// Crawl date given by the input (JSONL `crawled`, WARC-Date).
    pub crawled: Option<NaiveDate>,
}

/// One input record before parsing: where it came from, its content and its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRecord {
    /// Locator: path relative to the input root, with `#N` for record N of a multi-record file.
    pub input: String,
    /// The content to parse.
    pub payload: Payload,
    /// Metadata from the input format.
    pub meta: RecordMeta,
}

/// Why a record produced no document (`rejects.reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// Nothing but whitespace.
    Empty,
    /// Binary content (NUL bytes, control characters).
    Binary,
    /// Bytes that decode as no supported text encoding.
    Encoding,
    /// Larger than `input.max_bytes`.
    TooLarge,
    /// A JSON line that does not parse, or lacks `text`/`html`.
    Malformed,
    /// The file or stream could not be read (including truncated compressed streams).
    Io,
    /// The cleaned body is shorter than `stages.parse.min_body_chars`.
    TooShort,
    /// A format this run cannot take (e.g. a non-HTML WARC record).
    Unsupported,
    /// The record's work panicked (a bug in gazette): the detail names the stage and
    /// the panic message. The rest of the batch is unaffected.
    InternalError,
}

impl RejectReason {
    /// The code written to `rejects.reason`.
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::Empty => "empty",
            RejectReason::Binary => "binary",
            RejectReason::Encoding => "encoding",
            RejectReason::TooLarge => "too_large",
            RejectReason::Malformed => "malformed",
            RejectReason::Io => "io",
            RejectReason::TooShort => "too_short",
            RejectReason::Unsupported => "unsupported",
            RejectReason::InternalError => "internal_error",
        }
    }
}

/// One input record that produced no document (`rejects` row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    /// Input locator.
    pub input: String,
    /// Stage that refused it: `input` or `parse`; for `internal_error`, the stage that
    /// panicked (`parse`, `dates`, `dedup`).
    pub stage: &'static str,
    /// Short reason code.
    pub reason: RejectReason,
    /// Human-readable explanation.
    pub detail: String,
}
