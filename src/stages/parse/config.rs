//! `[stages.parse]`: the config section and its checks.

use serde::{Deserialize, Serialize};

use super::Parser;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;

/// `[stages.parse]` in pipeline.toml.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ParseConfig {
    /// Remove boilerplate, captions, source lines and datelines. When false the body is
    /// the raw text with whitespace normalised, and only empty lines are dropped.
    pub enabled: bool,
    /// Bodies shorter than this (code points) become `too_short` rejects.
    pub min_body_chars: usize,
    /// Extra boilerplate phrases (any language): a line starting with one is removed.
    pub extra_boilerplate: Vec<String>,
    /// Lines at most this long (code points), with no sentence punctuation, at the top
    /// of the text are title candidates.
    pub max_title_chars: usize,
    /// Below this many letters, language identification answers "und".
    pub min_language_chars: usize,
}

impl Default for ParseConfig {
    fn default() -> Self {
        ParseConfig {
            enabled: true,
            min_body_chars: 80,
            extra_boilerplate: Vec::new(),
            max_title_chars: 200,
            min_language_chars: 40,
        }
    }
}

impl ParseConfig {
    /// Checks the section (every bad value is an error naming its `stages.parse.*` key) and
    /// builds the stage's runtime from it.
    pub fn build(&self, lexicon: &Lexicon) -> Result<Parser> {
        self.validate()?;
        Parser::new(self, lexicon)
    }

    /// Validates the section.
    pub fn validate(&self) -> Result<()> {
        if self.max_title_chars < 10 {
            return Err(Error::config(
                "stages.parse.max_title_chars",
                "must be at least 10",
            ));
        }
        if let Some(p) = self.extra_boilerplate.iter().find(|p| p.trim().is_empty()) {
            return Err(Error::config(
                "stages.parse.extra_boilerplate",
                format!("{p:?}: phrases must not be blank"),
            ));
        }
        Ok(())
    }
}
