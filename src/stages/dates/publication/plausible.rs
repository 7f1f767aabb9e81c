//! What makes a publication date found in a page, a URL or the text believable: not
//! before the earliest publication year, not after the crawl date (or, without one, the
//! run's reference date).

use chrono::{Datelike, NaiveDate};

/// The bounds a page, URL or text publication date must fall within.
#[derive(Debug, Clone, Copy)]
pub struct Plausibility {
    /// Earliest year accepted (`min_publication_year`).
    pub min_year: i32,
    /// Latest date accepted for a document without a crawl date: the run's reference date.
    pub reference: NaiveDate,
}

impl Plausibility {
    /// True when `d` is not before `min_year` and not after `crawled` (or, without one,
    /// the run's reference date).
    pub fn allows(&self, d: NaiveDate, crawled: Option<NaiveDate>) -> bool {
        d.year() >= self.min_year && d <= crawled.unwrap_or(self.reference)
    }
}
