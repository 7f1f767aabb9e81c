//! `[stages.entities]`: the serde section and its checks.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

use super::tagger::EntityTagger;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;

/// `[stages.entities]` in pipeline.toml.
///
/// Defaults: `enabled = true`, `kb_files = []`, `patterns = true`, `coref = true`,
/// `min_score = 0.0`, `model = {}` (every language with a shipped model uses it: de, en,
/// es, fr, it).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct EntitiesConfig {
    /// Run the stage.
    pub enabled: bool,
    /// Extra knowledge-base files (TSV, same format as data/kb/*.tsv). Their entries are
    /// loaded before the built-in ones, so their aliases win over built-in aliases.
    pub kb_files: Vec<PathBuf>,
    /// Find names missing from the knowledge base (capitalised sequences confirmed by a
    /// title, a speech verb, an apposition, an organisation head word or a place cue).
    pub patterns: bool,
    /// Resolve short forms (surnames) to a fuller person mention of the same document.
    pub coref: bool,
    /// Mentions scored below this are dropped, in [0, 1].
    pub min_score: f32,
    /// The trained tagger of each language: a shipped model's name (`it`, `de-open`, …),
    /// a model file path, or `none` (the rules alone). Languages not listed use their
    /// shipped default; languages without a model use the rules.
    pub model: BTreeMap<String, String>,
}

impl Default for EntitiesConfig {
    fn default() -> Self {
        EntitiesConfig {
            enabled: true,
            kb_files: Vec::new(),
            patterns: true,
            coref: true,
            min_score: 0.0,
            model: BTreeMap::new(),
        }
    }
}

impl EntitiesConfig {
    /// Checks the section (every bad value is an error naming its `stages.entities.*` key) and
    /// builds the stage's runtime from it.
    pub fn build(&self, lexicon: &Lexicon) -> Result<EntityTagger> {
        self.validate()?;
        EntityTagger::new(
            lexicon,
            &self.kb_files,
            self.patterns,
            self.coref,
            self.min_score,
            &self.model,
        )
    }

    /// Validates the section: `min_score` must lie in [0, 1].
    pub fn validate(&self) -> Result<()> {
        if !(0.0..=1.0).contains(&self.min_score) {
            return Err(Error::config(
                "stages.entities.min_score",
                format!("{} is out of range: use a number in [0, 1]", self.min_score),
            ));
        }
        super::model::choice::validate(&self.model)
    }
}
