//! Annotations of a document: entity mentions, quotations, temporal expressions.
//! Offsets are byte offsets into `Document::body`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
