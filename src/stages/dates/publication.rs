//! The publication date chain: input metadata → page metadata → a date in the URL → a
//! dateline or "Publié le …" line in the lead → (if allowed) crawl date → (if allowed)
//! the run's reference date. Page, URL and text dates must be plausible: not before
//! `min_publication_year`, not after the crawl date, else the run's reference date. A
//! page date that disagrees with a full day in the URL's path yields to it.

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::model::{DateSource, Document};

use super::config::DatesConfig;
use super::tagging::Tagger;

mod text_date;

/// Finds a document's publication date and where it came from.
#[derive(Debug)]
pub struct Publication {
    url_dates: Vec<Regex>,
    dateline: Regex,
    clock: Regex,
    settings: DatesConfig,
    reference: NaiveDate,
}

/// Longest line, in chars, that may hold nothing but a date to count as a date line.
const DATE_LINE_CHARS: usize = 80;

/// Longest line, in chars, read beyond the lead (a date stamp or a publication line).
const STAMP_LINE_CHARS: usize = 120;

/// Most letters a date stamp may hold besides its date and clock time ("Jane Doe /").
const STAMP_LETTERS: usize = 30;

impl Publication {
    /// Compiles the URL and dateline patterns.
    pub fn new(settings: &DatesConfig, reference: NaiveDate) -> Publication {
        // Fixed patterns: compiling them cannot fail.
        let re = |p: &str| Regex::new(p).expect("publication date pattern");
        Publication {
            url_dates: vec![
                re(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{2})(?:[/._-]|$)"),
                re(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)"),
                re(r"(?:^|[^0-9])(?P<y>\d{4})(?P<s>[-_])(?P<m>\d{2})[-_](?P<d>\d{2})(?:[^0-9]|$)"),
                re(r"(?:^|[/_.-])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:[/_.-]|$)"),
            ],
            // An upper-case place, an optional "(AFP)", then a separator: "PARIS, ".
            dateline: re(r"^\s*\p{Lu}[\p{Lu}\p{M}'’. -]{1,40}(?:\([^)]{1,30}\))?\s*[,–—-]\s*$"),
            // A clock time, with its "h"/"Uhr"/"am"/"pm"/"um"/"à" around it: "à 10h32", "um 09:25 Uhr".
            clock: re(
                r"(?i)(?:\b(?:à|a|um|at|alle|ore|às)\s+)?\b\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|cet|cest|utc|gmt)?\b",
            ),
            settings: settings.clone(),
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
            .and_then(|u| self.url_date(u, doc.crawled));
        if let Some(d) = doc
            .page_published
            .filter(|d| self.plausible(*d, doc.crawled))
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
        if let Some(d) = self.text_date(tagger, doc) {
            return Some((d, DateSource::Text));
        }
        if self.settings.publication_from_crawl {
            if let Some(d) = doc.crawled {
                return Some((d, DateSource::Reference));
            }
        }
        self.settings
            .publication_from_reference
            .then_some((self.reference, DateSource::Reference))
    }

    /// A plausible date: not before `min_publication_year`, not after the crawl date (or,
    /// without one, the run's reference date).
    fn plausible(&self, d: NaiveDate, crawled: Option<NaiveDate>) -> bool {
        d.year() >= self.settings.min_publication_year && d <= crawled.unwrap_or(self.reference)
    }

    /// A date in the URL's path: `/2024/08/06/`, `2024-08-06`, `2024_08_06`, `20240806`.
    pub fn url_date(&self, url: &str, crawled: Option<NaiveDate>) -> Option<NaiveDate> {
        let path = url
            .split_once("://")
            .map_or(url, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
        self.url_dates.iter().find_map(|re| {
            re.captures_iter(path).find_map(|c| {
                let n = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
                let date = NaiveDate::from_ymd_opt(n("y")? as i32, n("m")?, n("d")?)?;
                self.plausible(date, crawled).then_some(date)
            })
        })
    }
}
