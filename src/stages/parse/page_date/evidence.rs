//! Every date a page gives, by kind of evidence and with where it stands: what `gather`
//! fills in and `choose` weighs one against another.

use std::ops::Range;

use chrono::NaiveDate;

/// A date and the byte offset of the element that gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    /// Byte offset of the element's start tag in the page.
    pub pos: usize,
    /// The date.
    pub date: NaiveDate,
}

/// The dates of one page by kind of evidence, each list in page order.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    /// `datePublished` of the first JSON-LD block that has one.
    pub json_ld: Option<NaiveDate>,
    /// `<meta>` publication keys and `itemprop="datePublished"` (value or text); `true`
    /// for a generic key (`date`, `DC.date`).
    pub strict: Vec<(Found, bool)>,
    /// `<time>` elements and elements marked as the publication, outside excluded regions.
    pub loose: Vec<Found>,
    /// A publication key in inline JSON (`"publishedDate": …`).
    pub inline_json: Option<NaiveDate>,
    /// Dates opening date-marked elements (bylines, `class="date"`), update cues aside.
    pub marked: Vec<Found>,
    /// Short texts that are only a date, or head a stamp ("21. Januar 2022 | Umwelt").
    pub short: Vec<Found>,
    /// Dates opening date-marked elements, updates included.
    pub updates: Vec<Found>,
    /// A date alone in a part of the page's title ("23.01.2022 - Wierer jubelt").
    pub title: Option<NaiveDate>,
    /// A date alone or labelled in the first or last part of the page's description
    /// ("… (Notizia del 14 gennaio 2020)").
    pub description: Option<NaiveDate>,
    /// The first short text that is a label and a date ("Pressemitteilung vom …").
    pub labelled: Option<Found>,
    /// `<time>` elements and elements marked as the publication inside excluded regions.
    pub aside: Vec<Found>,
    /// The one date a sidebar shows, read when nothing else answers (the last resort of
    /// `gather`).
    pub sidebar: Option<NaiveDate>,
    /// Where the headline starts (see `headline`).
    pub headline: Option<usize>,
    /// Regions out of the article (comments, related links, navigation).
    pub excluded: Vec<Range<usize>>,
}
