//! Every date a page gives, gathered in one place with where it stands, so that the
//! choice between them ([`super::PageDates::find`]) can weigh one against another.

use std::ops::Range;

use chrono::NaiveDate;

use super::choose::metadata_choice;
use super::keys::{find_json_date, key_of, loose_allowed, loose_value, strict_value};
use super::PageDates;

/// Most dates kept of each kind that is listed.
const LISTED: usize = 16;

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
    /// The one date a sidebar shows, read when nothing else answers (see
    /// [`PageDates::sidebar_date`]).
    pub sidebar: Option<NaiveDate>,
    /// Where the headline starts (see [`super::headline`]).
    pub headline: Option<usize>,
    /// Regions out of the article (comments, related links, navigation).
    pub excluded: Vec<Range<usize>>,
}

impl PageDates {
    /// Gathers every kind of evidence of `html` (see [`Evidence`]).
    pub(super) fn gather(&self, html: &str) -> Evidence {
        let mut ev = Evidence {
            excluded: self.regions.excluded(html, true),
            headline: self.headline.find(html),
            ..Evidence::default()
        };
        ev.json_ld = self.json_ld(html);
        self.walk_tags(html, &mut ev);
        ev.inline_json = self
            .any_json_key
            .captures_iter(html)
            .find_map(|c| self.parse_value(&c[1]));
        for (pos, text, original) in self.marked.texts(html, &ev.excluded) {
            let Some(date) = self.values.parse_text(&text) else {
                continue;
            };
            let found = Found { pos, date };
            if ev.updates.len() < LISTED {
                ev.updates.push(found);
            }
            if original && ev.marked.len() < LISTED && !self.values.names_update(&text) {
                ev.marked.push(found);
            }
            if ev.updates.len() == LISTED && ev.marked.len() == LISTED {
                break;
            }
        }
        for (pos, text) in self.marked.short_texts(html, &ev.excluded) {
            if ev.labelled.is_none() {
                ev.labelled = self.values.labelled(&text).map(|date| Found { pos, date });
            }
            if ev.short.len() < LISTED {
                if let Some(date) = self.short_date(&text) {
                    ev.short.push(Found { pos, date });
                }
            }
            if ev.labelled.is_some() && ev.short.len() == LISTED {
                break;
            }
        }
        // The title and the description are last resorts: read only when nothing before
        // them in `choose::metadata_choice` answers.
        if ev.json_ld.is_none()
            && ev.strict.is_empty()
            && ev.loose.is_empty()
            && ev.inline_json.is_none()
            && ev.marked.is_empty()
            && ev.short.is_empty()
        {
            self.title_dates(html, &mut ev);
        }
        if metadata_choice(&ev).is_none() {
            ev.sidebar = self.sidebar_date(html, &ev);
        }
        ev
    }

    /// The last resort: the date shown in the page's sidebars (a WordPress theme's "this
    /// post was published on …", a sticky info box beside the article), when they show
    /// exactly one date in `<time>`, date-marked or date-only elements. Several
    /// different dates are a list of other posts, and give none.
    fn sidebar_date(&self, html: &str, ev: &Evidence) -> Option<NaiveDate> {
        let still_out = self.regions.excluded(html, false);
        let in_sidebar = |pos: usize| {
            ev.excluded.iter().any(|r| r.contains(&pos))
                && !still_out.iter().any(|r| r.contains(&pos))
        };
        let mut dates: Vec<NaiveDate> = ev
            .aside
            .iter()
            .filter(|f| in_sidebar(f.pos))
            .map(|f| f.date)
            .collect();
        for (pos, text, original) in self.marked.texts(html, &still_out) {
            if original && in_sidebar(pos) && !self.values.names_update(&text) {
                dates.extend(self.values.parse_text(&text));
            }
        }
        for (pos, text) in self.marked.short_texts(html, &still_out) {
            if in_sidebar(pos) {
                dates.extend(self.short_date(&text));
            }
        }
        dates.sort_unstable();
        dates.dedup();
        match dates.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The date of a short text that is only a date, or heads a stamp ("21. Januar 2022 |
    /// Umwelt"), unless the text names an update.
    fn short_date(&self, text: &str) -> Option<NaiveDate> {
        let head = text.split(super::STAMP_SEPARATORS).next().unwrap_or("");
        let alone = !self.values.names_update(text) && self.values.only_a_date(head);
        alone.then(|| self.values.parse_text(head)).flatten()
    }

    /// Fills `ev.title` and `ev.description`: a date alone at either end of the page's
    /// title, or alone or labelled at either end of its description.
    pub(super) fn title_dates(&self, html: &str, ev: &mut Evidence) {
        ev.title = self
            .headline
            .titles(html)
            .iter()
            .find_map(|t| self.end_date(t, false));
        ev.description = self
            .headline
            .description(html)
            .and_then(|t| self.end_date(t, true));
    }

    /// A date alone (or, with `labels`, labelled: "Notizia del …") in the first or last
    /// part of a title or description split at separators and parentheses.
    fn end_date(&self, text: &str, labels: bool) -> Option<NaiveDate> {
        let parts: Vec<&str> = text
            .split(super::STAMP_SEPARATORS)
            .flat_map(|p| p.split(" - "))
            .flat_map(|p| p.split(['(', ')', '[', ']']))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let ends = [parts.first().copied(), parts.last().copied()];
        ends.into_iter().flatten().find_map(|p| {
            let alone = p.contains(|c: char| c.is_ascii_digit()) && self.values.only_a_date(p);
            let date = alone.then(|| self.values.parse_text(p)).flatten();
            date.or_else(|| labels.then(|| self.values.labelled(p)).flatten())
        })
    }

    /// `datePublished` of the first JSON-LD block that has a publication date: a
    /// `<script>` typed `application/ld+json`, or an untyped one holding a schema.org
    /// object.
    fn json_ld(&self, html: &str) -> Option<NaiveDate> {
        self.script.captures_iter(html).find_map(|c| {
            let (attrs, block) = (&c[1], c[2].trim());
            let typed = attrs.to_ascii_lowercase().contains("ld+json");
            let untyped = !attrs.to_ascii_lowercase().contains("type")
                && block.starts_with(['{', '['])
                && block.contains("\"@context\"");
            if !(typed || untyped) {
                return None;
            }
            let parsed = serde_json::from_str::<serde_json::Value>(block).ok();
            parsed
                .as_ref()
                .and_then(|v| find_json_date(v, "datePublished"))
                .or_else(|| self.json_key.captures(block).map(|k| k[1].to_string()))
                .and_then(|v| self.parse_value(&v))
        })
    }

    /// One walk over the tags: strict values, the first update key, loose values.
    fn walk_tags(&self, html: &str, ev: &mut Evidence) {
        for c in self.tag.captures_iter(html) {
            let name = c[1].to_ascii_lowercase();
            let attrs = self.attr.of(&c[2]);
            let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
            let Some(whole) = c.get(0) else { continue };
            let pos = whole.start();
            let key = key_of(&get);
            let allowed = loose_allowed(&attrs);
            if let Some((value, generic)) = strict_value(&name, key.as_deref(), &get) {
                if let Some(date) = self.parse_value(value) {
                    ev.strict.push((Found { pos, date }, generic));
                }
            }
            if name != "meta" && key.as_deref() == Some("datepublished") {
                // `itemprop="datePublished"` with the date as the element's text.
                let text = self.marked.text_after(html, whole.end());
                if let Some(date) = self.values.parse_text(&text) {
                    ev.strict.push((Found { pos, date }, false));
                }
            }
            let value = loose_value(&name, key.as_deref(), allowed, &attrs, &get)
                .and_then(|v| self.parse_value(v));
            let text = || {
                let marked = name == "time" && allowed;
                marked
                    .then(|| self.time_text.captures(&html[whole.end()..]))
                    .flatten()
                    .and_then(|t| self.values.parse_text(&t[1]))
            };
            if let Some(date) = value.or_else(text) {
                if !ev.excluded.iter().any(|r| r.contains(&pos)) {
                    ev.loose.push(Found { pos, date });
                } else {
                    // All of them: comment dates early in the page must not crowd out a
                    // sidebar's list of other posts (see `sidebar_date`).
                    ev.aside.push(Found { pos, date });
                }
            }
        }
    }
}
