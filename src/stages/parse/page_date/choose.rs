//! The choice among a page's dates ([`Evidence`]): what its metadata says, weighed
//! against the dates shown next to its headline.

use chrono::{Datelike, NaiveDate};

use super::evidence::{Evidence, Found};

/// Bytes after the headline's start tag within which a shown date is the article's.
const NEAR_HEADLINE: usize = 3000;

/// Bytes before the headline within which a shown date overrules a generic `date` key.
const BEFORE_HEADLINE: usize = 1000;

/// The publication date among a page's evidence.
///
/// The metadata's choice: JSON-LD, a publication `<meta>` key or itemprop, a `<time>`,
/// a generic `date` key, inline JSON, a marked text, a short date-only text, the title,
/// a labelled short text, the description, an update date, last the one date a sidebar
/// shows. Then the headline (when found) is weighed against it:
/// 1. a date shown in a marked element or `<time>` within [`NEAR_HEADLINE`] bytes after
///    the headline is the article's own and wins over metadata that disagrees (CMS
///    republication stamps, time-zone shifts), unless it is the metadata's day and month
///    swapped (`06/01/2020` read day first); a date the page marks as an update is not
///    the article's and does not count here;
/// 2. a visible date chosen before the headline (a site header's "today") yields to a
///    different one shown under the headline.
pub(super) fn choose(ev: &Evidence) -> Option<NaiveDate> {
    let meta = metadata_choice(ev);
    let Some(headline) = ev.headline else {
        return meta;
    };
    // A generic `date` key is weak evidence: a date shown just before the headline (a
    // kicker line) counts against it too.
    let generic = ev.json_ld.is_none()
        && ev.loose.is_empty()
        && ev.strict.first().is_some_and(|(_, g)| *g)
        && ev.strict.iter().all(|(_, g)| *g);
    let from = if generic {
        headline.saturating_sub(BEFORE_HEADLINE)
    } else {
        headline
    };
    let window = |from: usize| {
        move |lists: &[&[Found]]| {
            lists
                .iter()
                .flat_map(|l| l.iter())
                .filter(|f| (from..=headline + NEAR_HEADLINE).contains(&f.pos))
                .min_by_key(|f| f.pos)
                .map(|f| f.date)
        }
    };
    let near = window(headline);
    if let Some(shown) = window(from)(&[&ev.marked, &ev.loose]) {
        return match meta {
            Some(m) if swapped(shown) == Some(m) => Some(m),
            _ => Some(shown),
        };
    }
    let only_visible = ev.json_ld.is_none() && ev.strict.is_empty() && ev.inline_json.is_none();
    let visible = [&ev.loose, &ev.marked, &ev.short]
        .iter()
        .find_map(|l| l.first())
        .filter(|f| only_visible && f.pos < headline);
    if visible.is_some() {
        if let Some(under) = near(&[&ev.marked, &ev.loose, &ev.short]) {
            return Some(under);
        }
    }
    meta
}

/// The date the page's metadata gives, from the most to the least telling evidence.
pub(super) fn metadata_choice(ev: &Evidence) -> Option<NaiveDate> {
    let strict = |generic: bool| {
        ev.strict
            .iter()
            .find(|(_, g)| *g == generic)
            .map(|(f, _)| f.date)
    };
    ev.json_ld
        .or_else(|| strict(false))
        .or_else(|| ev.loose.first().map(|f| f.date))
        .or_else(|| strict(true))
        .or(ev.inline_json)
        .or_else(|| ev.marked.first().map(|f| f.date))
        .or_else(|| ev.short.first().map(|f| f.date))
        .or(ev.title)
        .or_else(|| ev.labelled.map(|f| f.date))
        .or(ev.description)
        .or_else(|| ev.updates.first().map(|f| f.date))
        .or(ev.sidebar)
}

/// The same date with day and month swapped, when that is a date.
fn swapped(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.day(), d.month())
}
