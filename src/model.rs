//! The in-memory records that flow between stages.
//!
//! A [`RawRecord`] comes out of the input readers, the parse stage turns it into a
//! [`Document`] (or a [`Reject`]), and the annotation stages add [`EntityMention`]s,
//! [`Quote`]s and [`DateMention`]s. Offsets stored here are **byte** offsets into
//! `Document::body`; the table builders convert them to code points, as the contract asks.

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

/// Why a line of raw text was removed from the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// The headline, moved to `Document::title`.
    Title,
    /// Navigation, share/comment blocks, ads, newsletters, cookie notices, "read also".
    Boilerplate,
    /// Breadcrumb trail ("Infos / A La Une / Iran").
    Breadcrumb,
    /// Photo caption or photo credit.
    Caption,
    /// A source line ("source : …", "SOURCE: …", "Fonte: …").
    Source,
    /// Too short or symbol-only to be prose (menu items, "ad", "TV").
    Fragment,
}

impl RemovalReason {
    /// The snake_case name used in logs and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::Title => "title",
            RemovalReason::Boilerplate => "boilerplate",
            RemovalReason::Breadcrumb => "breadcrumb",
            RemovalReason::Caption => "caption",
            RemovalReason::Source => "source",
            RemovalReason::Fragment => "fragment",
        }
    }
}

/// A line taken out of the raw text, with the reason it was removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// The line as it stood in the raw text (trimmed).
    pub text: String,
    /// Why the parse stage removed it.
    pub reason: RemovalReason,
}

/// Where `Document::published_date` came from (`documents.date_source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Input metadata (JSONL `published`).
    Metadata,
    /// The page's own metadata (meta tags, JSON-LD, `<time>`).
    Html,
    /// A date pattern in the URL.
    Url,
    /// A dateline or "Publié le …" line in the text.
    Text,
    /// The run's reference date (only when the config allows it).
    Reference,
}

impl DateSource {
    /// The value written to `documents.date_source`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Html => "html",
            DateSource::Url => "url",
            DateSource::Text => "text",
            DateSource::Reference => "reference",
        }
    }
}

/// One clean article: the output of the parse stage, completed by dedup and date-stamp.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id (from the URL when known, else the input locator).
    pub doc_id: String,
    /// Input locator (see [`RawRecord::input`]).
    pub input: String,
    /// Original URL.
    pub url: Option<String>,
    /// Publisher / outlet.
    pub source_name: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Place dateline ("JAKARTA").
    pub dateline: Option<String>,
    /// ISO 639-1 code, or "und".
    pub language: String,
    /// Confidence of `language` in [0, 1].
    pub language_score: f32,
    /// Clean text, paragraphs separated by "\n".
    pub body: String,
    /// Removed lines, in order, with their reasons.
    pub removed: Vec<RemovedLine>,
    /// Publication date given by the input metadata.
    pub meta_published: Option<NaiveDate>,
    /// Publication date found in the page's own metadata.
    pub page_published: Option<NaiveDate>,
    /// Crawl date given by the input.
    pub crawled: Option<NaiveDate>,
    /// Resolved publication date.
    pub published_date: Option<NaiveDate>,
    /// Where `published_date` came from.
    pub date_source: Option<DateSource>,
    /// Hex hash of the normalised body.
    pub content_hash: String,
    /// Representative of this document's duplicate cluster, when it is a duplicate.
    pub duplicate_of: Option<String>,
    /// Estimated Jaccard similarity to `duplicate_of`.
    pub similarity: Option<f32>,
}

impl Document {
    /// Length of the body in Unicode code points.
    pub fn chars(&self) -> usize {
        self.body.chars().count()
    }

    /// Number of whitespace-separated tokens holding at least one letter or digit.
    pub fn words(&self) -> usize {
        self.body
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    }
}

/// Coarse entity type (`entity_mentions.entity_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PERSON")]
    Person,
    /// An organisation.
    #[serde(rename = "ORG")]
    Org,
    /// A place.
    #[serde(rename = "LOC")]
    Loc,
    /// Anything else with a name.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    /// The value written to the table.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses `PERSON`/`PER`, `ORG`, `LOC`, `MISC` (case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "PERSON" | "PER" => Some(EntityType::Person),
            "ORG" => Some(EntityType::Org),
            "LOC" => Some(EntityType::Loc),
            "MISC" => Some(EntityType::Misc),
            _ => None,
        }
    }
}

/// One mention of a named entity. `start`/`end` are byte offsets into the body.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityMention {
    /// Canonical id shared by every mention of the same entity.
    pub entity_id: String,
    /// Canonical display name.
    pub entity_name: String,
    /// Coarse type.
    pub entity_type: EntityType,
    /// Byte offset of the first byte of the mention in the body.
    pub start: usize,
    /// Byte offset one past the mention.
    pub end: usize,
    /// Ordinal of the sentence holding the mention.
    pub sentence: Option<usize>,
    /// How it was found: `gazetteer`, `pattern`, `coref`.
    pub method: &'static str,
    /// Confidence in [0, 1].
    pub score: f32,
}

/// Whether a quotation is a whole sentence or a fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// A sentence or more.
    Full,
    /// A fragment inside the writer's sentence.
    Partial,
}

impl QuoteKind {
    /// The value written to `quotes.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
        }
    }
}

/// One direct quotation. `start`/`end` are byte offsets of the words, marks excluded.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Byte offset of the first quoted byte.
    pub start: usize,
    /// Byte offset one past the quoted words.
    pub end: usize,
    /// Full sentence or partial fragment.
    pub kind: QuoteKind,
    /// The speaker as named near the quote (pronouns and roles resolved to the name).
    pub speaker: Option<String>,
    /// Entity id of the speaker, when known.
    pub speaker_id: Option<String>,
    /// Canonical name of the speaker, when known.
    pub speaker_name: Option<String>,
    /// Attribution cue as written.
    pub cue: Option<String>,
    /// Confidence in [0, 1].
    pub score: f32,
}

/// Granularity of a normalised temporal value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// A calendar day.
    Day,
    /// An ISO week.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Granularity {
    /// The value written to `date_mentions.granularity`.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }
}

/// One temporal expression. `start`/`end` are byte offsets into the body.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte offset of the expression.
    pub start: usize,
    /// Byte offset one past the expression.
    pub end: usize,
    /// Normalised ISO-8601-style value (`2024-08-05`, `2024-07`, `2024`, `2024-W32`).
    pub value: Option<String>,
    /// First day of `value`.
    pub date: Option<NaiveDate>,
    /// Granularity of `value`.
    pub granularity: Option<Granularity>,
    /// True when resolved against the anchor date.
    pub relative: bool,
    /// The anchor date used, for relative expressions.
    pub anchor: Option<NaiveDate>,
}

/// All annotations of one document, positions in byte offsets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotations {
    /// Entity mentions, sorted by start.
    pub entities: Vec<EntityMention>,
    /// Quotations, sorted by start.
    pub quotes: Vec<Quote>,
    /// Temporal expressions, sorted by start.
    pub dates: Vec<DateMention>,
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
        }
    }
}

/// One input record that produced no document (`rejects` row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    /// Input locator.
    pub input: String,
    /// Stage that refused it: `input` or `parse`.
    pub stage: &'static str,
    /// Short reason code.
    pub reason: RejectReason,
    /// Human-readable explanation.
    pub detail: String,
}
