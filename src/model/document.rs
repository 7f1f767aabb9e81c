//! The clean article produced by the parse stage and completed by dedup and date-stamp.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
