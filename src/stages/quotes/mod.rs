//! Quotes stage: direct quotations with their speaker and attribution cue.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::{Document, EntityMention, Quote};

/// `[stages.quotes]` in pipeline.toml.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct QuotesConfig {
    /// Run the stage.
    pub enabled: bool,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig { enabled: true }
    }
}

/// Checked `[stages.quotes]`.
#[derive(Debug, Clone)]
pub struct QuotesSettings {
    /// Run the stage.
    pub enabled: bool,
}

impl QuotesConfig {
    /// Validates the section.
    pub fn validate(&self) -> Result<QuotesSettings> {
        Ok(QuotesSettings { enabled: self.enabled })
    }
}

/// Runtime of the stage; immutable and shared across threads.
#[derive(Debug)]
pub struct QuoteTagger {}

impl QuoteTagger {
    /// Builds the cue lexicons.
    pub fn new(_settings: &QuotesSettings, _lexicon: &Lexicon) -> Result<Self> {
        Ok(QuoteTagger {})
    }

    /// Every direct quotation of the body, sorted by start; `entities` are the document's
    /// entity mentions (sorted by start), used to resolve speakers.
    pub fn tag(&self, _doc: &Document, _entities: &[EntityMention]) -> Vec<Quote> {
        Vec::new()
    }
}
