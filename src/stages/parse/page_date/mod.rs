//! The page's own publication date, read from its markup. Every kind of evidence is
//! gathered (`gather`, into the `evidence` types at the bottom): JSON-LD `datePublished` (typed or untyped `<script>`, `@graph`,
//! arrays), `<meta>` publication keys (`article:published_time`, Dublin Core, `pubdate`,
//! any key naming a publication; `date`/`DC.date` as weaker generic keys),
//! `itemprop="datePublished"`, `<time>` elements, publication keys in inline JSON, the
//! text of elements marked as dates or bylines (`marks`), short texts that are only a
//! date or a labelled one ("Pressemitteilung vom …"), a date in the title or
//! description, update dates. `<time>` and marked elements inside comments, related
//! links, sidebars or navigation are skipped (`regions`), hidden ones too; when nothing
//! else answers, the one date a sidebar shows is the last resort. The choice
//! (`choose`) takes the metadata's date, then weighs it against the dates shown next to
//! the headline (`headline`: the `<h1>`/`<h2>` matching the title). Values in UTC at
//! 22:00 or 23:00 sharp are a European local midnight: next day.

mod choose;
mod evidence;
mod gather;
mod headline;
mod keys;
mod marks;
mod regions;
pub(in crate::stages::parse) mod scan;
mod values;

use chrono::NaiveDate;

use choose::choose;
use gather::EvidenceRules;

use crate::lexicon::Lexicon;

/// The page-date reader: the evidence rules, and the choice among what they find.
/// Immutable; shared by reference.
#[derive(Debug)]
pub(crate) struct PageDates {
    rules: EvidenceRules,
}

impl PageDates {
    /// Compiles the patterns and loads `date_months` of every language.
    pub(crate) fn new(lexicon: &Lexicon) -> PageDates {
        PageDates {
            rules: EvidenceRules::new(lexicon),
        }
    }

    /// The publication date the page declares, if any.
    /// `html` is the page without its comments (`HtmlRules::without_comments`), so that
    /// commented-out markup (`<!-- <meta …> -->`) is not read.
    pub(crate) fn find(&self, html: &str) -> Option<NaiveDate> {
        choose(&self.rules.gather(html))
    }
}

/// Test access and diagnostics.
#[cfg(test)]
impl PageDates {
    /// A date value as pages write it (see `values::DateValues::parse_value`).
    pub(crate) fn parse_value(&self, value: &str) -> Option<NaiveDate> {
        self.rules.parse_value(value)
    }

    /// Diagnostic: every kind of evidence of a page, as JSON.
    pub(crate) fn evidence(&self, html: &str) -> serde_json::Value {
        let mut ev = self.rules.gather(html);
        self.rules.title_dates(html, &mut ev);
        let d = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        let f = |f: &evidence::Found| serde_json::json!([f.pos, f.date.to_string()]);
        serde_json::json!({
            "len": html.len(),
            "found": d(choose(&ev)),
            "json_ld": d(ev.json_ld),
            "strict": ev.strict.iter().map(|(x, g)| serde_json::json!([x.pos, x.date.to_string(), g])).collect::<Vec<_>>(),
            "loose": ev.loose.iter().map(f).collect::<Vec<_>>(),
            "inline_json": d(ev.inline_json),
            "marked": ev.marked.iter().map(f).collect::<Vec<_>>(),
            "short": ev.short.iter().map(f).collect::<Vec<_>>(),
            "updates": ev.updates.iter().map(f).collect::<Vec<_>>(),
            "title": d(ev.title),
            "labelled": ev.labelled.as_ref().map(f),
            "description": d(ev.description),
            "sidebar": d(ev.sidebar),
            "headline": ev.headline,
            "h1": html.find("<h1"),
        })
    }

    /// Diagnostic: the excluded regions' starts and the first marked texts.
    pub(crate) fn explain(&self, html: &str) -> (Vec<std::ops::Range<usize>>, Vec<String>) {
        self.rules.explain(html)
    }
}
