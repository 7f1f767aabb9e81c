//! The publication date chain: input metadata → page metadata → a date in the URL → a
//! dateline or "Publié le …" line in the lead → (if allowed) crawl date → (if allowed)
//! the run's reference date.

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::model::{DateSource, Document, Granularity};
use crate::text::Folded;

use super::config::DatesSettings;
use super::tagger::Tagger;

/// Finds a document's publication date and where it came from.
#[derive(Debug)]
pub struct Publication {
    url_dates: Vec<Regex>,
    dateline: Regex,
    settings: DatesSettings,
    reference: NaiveDate,
}

/// Longest line, in chars, that may hold nothing but a date to count as a date line.
const DATE_LINE_CHARS: usize = 80;

impl Publication {
    /// Compiles the URL and dateline patterns.
    pub fn new(settings: &DatesSettings, reference: NaiveDate) -> Publication {
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
            settings: settings.clone(),
            reference,
        }
    }

    /// The first answer of the chain, or `None`.
    pub fn find(&self, tagger: &Tagger, doc: &Document) -> Option<(NaiveDate, DateSource)> {
        if let Some(d) = doc.meta_published {
            return Some((d, DateSource::Metadata));
        }
        if let Some(d) = doc.page_published {
            return Some((d, DateSource::Html));
        }
        if let Some(d) = doc
            .url
            .as_deref()
            .and_then(|u| self.url_date(u, doc.crawled))
        {
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

    /// A plausible date: not before `min_publication_year`, not after the crawl date.
    fn plausible(&self, d: NaiveDate, crawled: Option<NaiveDate>) -> bool {
        d.year() >= self.settings.min_publication_year && crawled.is_none_or(|c| d <= c)
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

    /// A full date on a publication line ("Publié le 17/04/2024", "Pubblicato il …") or
    /// in a dateline ("PARIS, 17 avril 2024 (AFP)") among the first lines of the body, or
    /// on a removed line that starts with a publication cue. Dates after an update cue
    /// ("Mis à jour le …") are skipped.
    pub fn text_date(&self, tagger: &Tagger, doc: &Document) -> Option<NaiveDate> {
        let lead = doc
            .body
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(self.settings.lead_lines);
        for line in lead {
            if let Some(d) = self.line_date(tagger, doc, line, false) {
                return Some(d);
            }
        }
        doc.removed
            .iter()
            .find_map(|r| self.line_date(tagger, doc, &r.text, true))
    }

    fn line_date(
        &self,
        tagger: &Tagger,
        doc: &Document,
        line: &str,
        cue_first: bool,
    ) -> Option<NaiveDate> {
        let dates: Vec<_> = tagger
            .tag_text(line, &doc.language, self.reference)
            .into_iter()
            .filter(|m| !m.relative && m.granularity == Some(Granularity::Day))
            .filter(|m| m.date.is_some_and(|d| self.plausible(d, doc.crawled)))
            .collect();
        if dates.is_empty() {
            return None;
        }
        // Cue positions (original byte offsets) with true for "published".
        let folded = Folded::new(line);
        let (grammars, _) = tagger.grammars_for(&doc.language);
        let mut cues: Vec<(usize, bool)> = Vec::new();
        for g in grammars {
            for (re, published) in [(&g.published, true), (&g.modified, false)] {
                for m in re.iter().flat_map(|r| r.find_iter(&folded.text)) {
                    cues.push((folded.start_of(m.start()), published));
                }
            }
        }
        cues.sort();
        if cue_first {
            let starts_with_cue = cues.first().is_some_and(|&(pos, published)| {
                published && !line[..pos].chars().any(char::is_alphanumeric)
            });
            if !starts_with_cue {
                return None;
            }
        }
        for m in &dates {
            match cues.iter().rev().find(|(pos, _)| *pos < m.start) {
                Some((_, true)) => return m.date,
                Some((_, false)) => continue,
                None => {
                    let before = &line[..m.start];
                    let alone =
                        before.trim().is_empty() && line.trim().chars().count() <= DATE_LINE_CHARS;
                    if alone || self.dateline.is_match(before) {
                        return m.date;
                    }
                }
            }
        }
        None
    }
}
