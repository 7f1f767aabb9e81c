//! Gathering every date a page gives ([`Evidence`]): JSON-LD, `<meta>` keys and
//! itemprops, `<time>` elements, inline JSON, marked and short texts, the title and the
//! description, update dates, and last the one date a sidebar shows.

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use regex::Regex;

use super::choose::metadata_choice;
use super::evidence::{Evidence, Found};
use super::headline::Headline;
use super::keys::{find_json_date, key_of, loose_allowed, loose_value, strict_value};
use super::marks::MarkedText;
use super::regions::{inside, Regions};
use super::scan;
use super::values::DateValues;
use crate::lexicon::Lexicon;
use crate::stages::parse::html::attrs::TagAttrs;

/// Most dates kept of each kind that is listed.
const LISTED: usize = 16;

/// Separators after which a stamp's date is followed by other items ("| Umwelt").
const STAMP_SEPARATORS: [char; 5] = ['|', '•', '·', '–', '—'];

/// The tags whose attributes (or, for `<time>`, text) can give a date.
const EVIDENCE_TAGS: [&str; 8] = ["meta", "time", "span", "div", "p", "abbr", "a", "li"];

/// Words one of which the attribute text of a tag other than `<meta>` and `<time>` holds
/// (in some ASCII case; keys and classes are ASCII-lower-cased, values read as written)
/// when the tag gives a date in `walk_tags`: its key is `datePublished` (strict) or
/// `dateCreated`, it has a `pubdate` attribute, or its class names a publication or a
/// posting (loose).
const EVIDENCE_WORDS: [&str; 4] = ["publish", "pubdate", "posted", "datecreated"];

/// Compiled patterns for page dates, plus month names of every language.
#[derive(Debug)]
pub(super) struct EvidenceRules {
    json_key: Regex,
    any_json_key: Regex,
    time_text: Regex,
    /// [`EVIDENCE_WORDS`] in any ASCII case.
    evidence_words: AhoCorasick,
    attr: TagAttrs,
    regions: Regions,
    headline: Headline,
    marked: MarkedText,
    values: DateValues,
}

impl EvidenceRules {
    /// Compiles the patterns and loads `date_months` of every language.
    pub(super) fn new(lexicon: &Lexicon) -> EvidenceRules {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        EvidenceRules {
            json_key: re(r#""datePublished"\s*:\s*"([^"]{6,40})""#),
            any_json_key: re(
                r#"(?i)\\?"(?:datePublished|publishedDate|publishDate|firstPublishedDate|published_at|publishedAt|date_published|publicationDate)\\?"\s*:\s*\\?"([^"\\]{6,40})"#,
            ),
            time_text: re(r"(?is)^([^<]{6,80})</time"),
            evidence_words: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(EVIDENCE_WORDS)
                .expect("static words"),
            attr: TagAttrs::new(),
            regions: Regions::new(),
            headline: Headline::new(),
            marked: MarkedText::new(),
            values: DateValues::new(lexicon),
        }
    }

    /// A date value as pages write it (see [`DateValues::parse_value`]).
    pub(super) fn parse_value(&self, value: &str) -> Option<NaiveDate> {
        self.values.parse_value(value)
    }

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
        let in_sidebar = |pos: usize| inside(&ev.excluded, pos) && !inside(&still_out, pos);
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
        let head = text.split(STAMP_SEPARATORS).next().unwrap_or("");
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
            .split(STAMP_SEPARATORS)
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
        scan::script_blocks(html).find_map(|(attrs, block)| {
            let block = block.trim();
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
        for tag in scan::start_tags(html, |n| EVIDENCE_TAGS.contains(&n)) {
            let plain = !["meta", "time"]
                .iter()
                .any(|n| tag.name.eq_ignore_ascii_case(n));
            if plain && !self.evidence_words.is_match(tag.attrs) {
                // Neither strict nor loose: see `evidence_words`.
                continue;
            }
            let name = tag.name.to_ascii_lowercase();
            let attrs = self.attr.of(tag.attrs);
            let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
            let pos = tag.start;
            let key = key_of(&get);
            let allowed = loose_allowed(&attrs);
            if let Some((value, generic)) = strict_value(&name, key.as_deref(), &get) {
                if let Some(date) = self.parse_value(value) {
                    ev.strict.push((Found { pos, date }, generic));
                }
            }
            if name != "meta" && key.as_deref() == Some("datepublished") {
                // `itemprop="datePublished"` with the date as the element's text.
                let text = self.marked.text_after(html, tag.end);
                if let Some(date) = self.values.parse_text(&text) {
                    ev.strict.push((Found { pos, date }, false));
                }
            }
            let value = loose_value(&name, key.as_deref(), allowed, &attrs, &get)
                .and_then(|v| self.parse_value(v));
            let text = || {
                let marked = name == "time" && allowed;
                marked
                    .then(|| self.time_text.captures(&html[tag.end..]))
                    .flatten()
                    .and_then(|t| self.values.parse_text(&t[1]))
            };
            if let Some(date) = value.or_else(text) {
                if !inside(&ev.excluded, pos) {
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

#[cfg(test)]
impl EvidenceRules {
    /// Diagnostic: the excluded regions' starts and the first marked texts.
    pub(super) fn explain(&self, html: &str) -> (Vec<std::ops::Range<usize>>, Vec<String>) {
        let excluded = self.regions.excluded(html, true);
        let texts = self
            .marked
            .texts(html, &excluded)
            .filter(|(_, _, original)| *original)
            .take(8)
            .map(|(_, t, _)| t)
            .collect();
        (excluded, texts)
    }
}
