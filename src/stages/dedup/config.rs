//! `[stages.dedup]`: the config section and its checks.

use serde::{Deserialize, Serialize};

use super::Deduplicator;
use crate::error::{Error, Result};

/// `[stages.dedup]` in pipeline.toml.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DedupConfig {
    /// Run the stage (when false, every document is unique; `content_hash` is still set).
    pub enabled: bool,
    /// Words per shingle.
    pub shingle_size: usize,
    /// MinHash permutations; must equal `bands * rows`.
    pub num_hashes: usize,
    /// LSH bands.
    pub bands: usize,
    /// Rows per band.
    pub rows: usize,
    /// Estimated Jaccard similarity at or above which two bodies are near duplicates.
    pub threshold: f32,
    /// Bodies with fewer words are only exact-matched, never near-matched.
    pub min_words: usize,
    /// Annotate duplicates too (entities, quotes, dates), not only representatives.
    pub annotate_duplicates: bool,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig {
            enabled: true,
            shingle_size: 5,
            num_hashes: 128,
            bands: 32,
            rows: 4,
            threshold: 0.75,
            min_words: 30,
            annotate_duplicates: false,
        }
    }
}

impl DedupConfig {
    /// Checks the section (every bad value is an error naming its `stages.dedup.*` key) and
    /// builds the stage's runtime from it.
    pub fn build(&self) -> Result<Deduplicator> {
        self.validate()?;
        Ok(Deduplicator::new(self))
    }

    /// Validates the section.
    pub fn validate(&self) -> Result<()> {
        let key = |k: &str| format!("stages.dedup.{k}");
        if self.shingle_size == 0 {
            return Err(Error::config(key("shingle_size"), "must be at least 1"));
        }
        if self.bands == 0 || self.rows == 0 {
            return Err(Error::config(
                key("bands"),
                "bands and rows must be at least 1",
            ));
        }
        if self.bands * self.rows != self.num_hashes {
            return Err(Error::config(
                key("num_hashes"),
                format!(
                    "{} must equal bands × rows = {} × {} = {}",
                    self.num_hashes,
                    self.bands,
                    self.rows,
                    self.bands * self.rows
                ),
            ));
        }
        if !(self.threshold > 0.0 && self.threshold <= 1.0) {
            return Err(Error::config(
                key("threshold"),
                format!("{} is out of range: allowed (0, 1]", self.threshold),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banding_must_match_hash_count() {
        let c = DedupConfig {
            num_hashes: 100,
            ..Default::default()
        };
        let e = c.validate().unwrap_err().to_string();
        assert!(
            e.contains("stages.dedup.num_hashes") && e.contains("32 × 4"),
            "{e}"
        );
        let c = DedupConfig {
            threshold: 1.5,
            ..Default::default()
        };
        assert!(c.validate().unwrap_err().to_string().contains("(0, 1]"));
    }
}
