//! The publication date chain: input metadata → page metadata → a date in the URL → a
//! dateline or "Publié le …" line in the lead → (if allowed) crawl date → (if allowed)
//! the run's reference date. Page, URL and text dates must be plausible: not before
//! `min_publication_year`, not after the crawl date, else the run's reference date. A
//! page date that disagrees with a full day in the URL's path yields to it.

use chrono::NaiveDate;

use crate::model::{DateSource, Document};
use crate::stages::dates::config::DatesConfig;
use crate::stages::dates::tagging::Tagger;

use plausible::Plausibility;
use text_date::TextDates;
use url_date::UrlDates;

mod plausible;
mod text_date;
mod url_date;

/// Finds a document's publication date and where it came from.
#[derive(Debug)]
pub struct Publication {
    /// The bounds page, URL and text dates must fall within.
    plausible: Plausibility,
    /// Dates in the URL's path.
    url: UrlDates,
    /// Dates written in the text.
    text: TextDates,
    /// `publication_from_crawl`: the crawl date answers when nothing else does.
    from_crawl: bool,
    /// `publication_from_reference`: the run's reference date answers last.
    from_reference: bool,
    /// The run's reference date.
    reference: NaiveDate,
}

impl Publication {
    /// Compiles the URL and dateline patterns.
    pub fn new(settings: &DatesConfig, reference: NaiveDate) -> Publication {
        let plausible = Plausibility {
            min_year: settings.min_publication_year,
            reference,
        };
        Publication {
            plausible,
            url: UrlDates::new(plausible),
            text: TextDates::new(plausible, settings.lead_lines, reference),
            from_crawl: settings.publication_from_crawl,
            from_reference: settings.publication_from_reference,
            reference,
        }
    }

    /// The first answer of the chain, or `None`.
    pub fn find(&self, tagger: &Tagger, doc: &Document) -> Option<(NaiveDate, DateSource)> {
        if let Some(d) = doc.meta_published {
            return Some((d, DateSource::Metadata));
        }
        let url_date = doc
            .url
            .as_deref()
            .and_then(|u| self.url.date(u, doc.crawled));
        if let Some(d) = doc
            .page_published
            .filter(|d| self.plausible.allows(*d, doc.crawled))
        {
            // A full day in the URL's path is fixed when the article is first published
            // and written in the publisher's local time: it wins over a page date that
            // disagrees (a UTC stamp of an evening article, a republication stamp).
            if let Some(u) = url_date.filter(|u| *u != d) {
                return Some((u, DateSource::Url));
            }
            return Some((d, DateSource::Html));
        }
        if let Some(d) = url_date {
            return Some((d, DateSource::Url));
        }
        if let Some(d) = self.text.date(tagger, doc) {
            return Some((d, DateSource::Text));
        }
        if self.from_crawl {
            if let Some(d) = doc.crawled {
                return Some((d, DateSource::Reference));
            }
        }
        self.from_reference
            .then_some((self.reference, DateSource::Reference))
    }
}
