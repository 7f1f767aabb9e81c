//! `[stages.quotes]`: the stage's config section and its checks.

use serde::{Deserialize, Serialize};

use super::QuoteTagger;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;

/// `[stages.quotes]` in pipeline.toml.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct QuotesConfig {
    /// Run the stage.
    pub enabled: bool,
    /// A quotation longer than this many bytes is dropped as a runaway mark pairing.
    pub max_quote_bytes: usize,
    /// How many paragraphs a quotation may span when each new paragraph reopens it
    /// with the same mark (French « … convention).
    pub max_paragraphs: usize,
    /// Quotes of at most this many capitalised words and nothing else (names, titles,
    /// scare quotes such as «Axe de la Résistance») are not quotations. 0 keeps them all.
    pub max_name_words: usize,
    /// How far (bytes) before and after a quotation the attribution cue is looked for.
    pub cue_window_bytes: usize,
    /// Choose each quote's speaker with the learned ranker (data/quotes/speaker_ranker.tsv)
    /// over the rule cascade's candidates; off: the cascade's speaker.
    pub speaker_ranker: bool,
}

impl Default for QuotesConfig {
    /// Enabled; quotes up to 6000 bytes over up to 8 paragraphs; names of ≤ 3 words
    /// skipped; cues looked for within 250 bytes; speakers chosen by the learned ranker.
    fn default() -> Self {
        QuotesConfig {
            enabled: true,
            max_quote_bytes: 6000,
            max_paragraphs: 8,
            max_name_words: 3,
            cue_window_bytes: 250,
            speaker_ranker: true,
        }
    }
}

impl QuotesConfig {
    /// Checks the section (every bad value is an error naming its `stages.quotes.*` key) and
    /// builds the stage's runtime from it.
    pub fn build(&self, lexicon: &Lexicon) -> Result<QuoteTagger> {
        self.validate()?;
        QuoteTagger::new(self, lexicon)
    }

    /// Validates the section: every bound must be positive and sensible.
    pub fn validate(&self) -> Result<()> {
        if self.max_quote_bytes < 20 {
            return Err(Error::config(
                "stages.quotes.max_quote_bytes",
                "must be at least 20 (bytes of quoted text)",
            ));
        }
        if self.max_paragraphs == 0 {
            return Err(Error::config(
                "stages.quotes.max_paragraphs",
                "must be at least 1 (1 = a quote never spans paragraphs)",
            ));
        }
        if self.max_name_words > 10 {
            return Err(Error::config(
                "stages.quotes.max_name_words",
                "must be between 0 (keep every quote) and 10",
            ));
        }
        if !(20..=2000).contains(&self.cue_window_bytes) {
            return Err(Error::config(
                "stages.quotes.cue_window_bytes",
                "must be between 20 and 2000 bytes",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_validates_and_bad_values_name_their_key() {
        QuotesConfig::default().validate().unwrap();
        let bad = QuotesConfig {
            max_paragraphs: 0,
            ..QuotesConfig::default()
        };
        let err = bad.validate().unwrap_err().to_string();
        assert!(err.contains("stages.quotes.max_paragraphs"), "{err}");
        let bad = QuotesConfig {
            cue_window_bytes: 5,
            ..QuotesConfig::default()
        };
        assert!(bad
            .validate()
            .unwrap_err()
            .to_string()
            .contains("cue_window_bytes"));
    }

    #[test]
    fn unknown_keys_are_refused() {
        let err = toml::from_str::<QuotesConfig>("enabled = true\nspeakers = 3\n");
        assert!(err.is_err());
        let ok: QuotesConfig = toml::from_str("max_name_words = 0\n").unwrap();
        assert_eq!(ok.max_name_words, 0);
        assert!(ok.enabled);
    }
}
