//! `[stages.parse]`: the config section and its validated settings.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

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

/// Checked `[stages.parse]`.
#[derive(Debug, Clone)]
pub struct ParseSettings {
    /// See [`ParseConfig::enabled`].
    pub enabled: bool,
    /// See [`ParseConfig::min_body_chars`].
    pub min_body_chars: usize,
    /// See [`ParseConfig::extra_boilerplate`].
    pub extra_boilerplate: Vec<String>,
    /// See [`ParseConfig::max_title_chars`].
    pub max_title_chars: usize,
    /// See [`ParseConfig::min_language_chars`].
    pub min_language_chars: usize,
}

impl ParseConfig {
    /// Validates the section.
    pub fn validate(&self) -> Result<ParseSettings> {
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
        Ok(ParseSettings {
            enabled: self.enabled,
            min_body_chars: self.min_body_chars,
            extra_boilerplate: self.extra_boilerplate.clone(),
            max_title_chars: self.max_title_chars,
            min_language_chars: self.min_language_chars,
        })
    }
}
