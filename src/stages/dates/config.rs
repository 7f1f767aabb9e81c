//! `[stages.dates]`: the config section and its checks.

use serde::{Deserialize, Serialize};

use super::DateStamper;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use chrono::NaiveDate;

/// `[stages.dates]` in pipeline.toml.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct DatesConfig {
    /// Run the stage.
    pub enabled: bool,
    /// When no other source gives a publication date, use the document's crawl date
    /// (JSONL `crawled`, WARC-Date), recorded with `date_source = "reference"`.
    pub publication_from_crawl: bool,
    /// When no other source (crawl date included, if allowed) gives a publication date,
    /// use the run's reference date, recorded with `date_source = "reference"`.
    pub publication_from_reference: bool,
    /// How many non-empty lines at the start of the body are searched for a dateline
    /// ("PARIS, 17 avril 2024 (AFP)") or a "Publié le …" line.
    pub lead_lines: usize,
    /// Earliest year accepted for a publication date found in a URL or the text.
    pub min_publication_year: i32,
    /// Earliest year read as a year: in a bare year ("en 2022"), a month-year or a full
    /// date ("le 5 août 1500 soldats" is read as a yearless "5 août").
    pub min_year: i32,
    /// Latest year read as a year (see `min_year`).
    pub max_year: i32,
}

impl Default for DatesConfig {
    /// Enabled; the crawl and reference dates never become publication dates; 5 lead
    /// lines; publication years from 1990; bare years from 1800 to 2100.
    fn default() -> Self {
        DatesConfig {
            enabled: true,
            publication_from_crawl: false,
            publication_from_reference: false,
            lead_lines: 5,
            min_publication_year: 1990,
            min_year: 1800,
            max_year: 2100,
        }
    }
}

impl DatesConfig {
    /// Checks the section (every bad value is an error naming its `stages.dates.*` key) and
    /// builds the stage's runtime from it. `reference` is the run's reference date.
    pub fn build(&self, lexicon: &Lexicon, reference: NaiveDate) -> Result<DateStamper> {
        self.validate()?;
        DateStamper::new(self, lexicon, reference)
    }

    /// Validates the section: years in 1..=9999 with `min_year <= max_year`, at most 100
    /// lead lines.
    pub fn validate(&self) -> Result<()> {
        let key = |k: &str| format!("stages.dates.{k}");
        for (name, year) in [
            ("min_year", self.min_year),
            ("max_year", self.max_year),
            ("min_publication_year", self.min_publication_year),
        ] {
            if !(1..=9999).contains(&year) {
                return Err(Error::config(
                    key(name),
                    "must be a year between 1 and 9999",
                ));
            }
        }
        if self.min_year > self.max_year {
            return Err(Error::config(key("min_year"), "must not be after max_year"));
        }
        if self.lead_lines > 100 {
            return Err(Error::config(
                key("lead_lines"),
                "must be between 0 and 100",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_validate_and_bad_years_are_named() {
        let s = DatesConfig::default();
        s.validate().unwrap();
        assert!(s.enabled && !s.publication_from_crawl && !s.publication_from_reference);
        let bad = DatesConfig {
            min_year: 2200,
            ..DatesConfig::default()
        };
        let err = bad.validate().unwrap_err().to_string();
        assert!(err.contains("stages.dates.min_year"), "{err}");
        let bad = DatesConfig {
            lead_lines: 1000,
            ..DatesConfig::default()
        };
        assert!(bad
            .validate()
            .unwrap_err()
            .to_string()
            .contains("lead_lines"));
    }

    #[test]
    fn unknown_key_is_rejected() {
        let err = toml::from_str::<DatesConfig>("publication_from_crowl = true").unwrap_err();
        assert!(err.to_string().contains("publication_from_crowl"));
    }
}
