//! The page's own publication date, read from its markup, from the most to the least
//! telling: JSON-LD `datePublished` (typed or untyped `<script>`, `@graph`, arrays),
//! `<meta>` publication keys (`article:published_time`, `og:published_time`, Dublin Core,
//! `pubdate`, `sailthru.date`, `parsely-pub-date`, any key naming a publication date),
//! `itemprop="datePublished"`, `<time>` elements (their `datetime`, else their text), a
//! publication key in any inline JSON, then the text of elements marked as dates or
//! bylines (`marks`), then an element holding nothing but a date, and as a last resort an
//! update date. `<time>` and marked elements inside comments, related links,
//! sidebars or navigation are skipped (`regions`). Original publication wins over
//! modification: keys and classes naming an update are read only when nothing else is
//! found. Values in UTC at 22:00 or 23:00 sharp are a European local midnight: next day.

mod marks;
mod regions;
mod values;

use std::ops::Range;

use chrono::NaiveDate;
use regex::Regex;

use super::attrs::TagAttrs;
use marks::MarkedText;
use regions::Regions;
use values::DateValues;

use crate::lexicon::Lexicon;

/// Separators after which a stamp's date is followed by other items ("| Umwelt").
const STAMP_SEPARATORS: [char; 5] = ['|', '•', '·', '–', '—'];

/// `<meta>` keys (name, property or itemprop, lower case) naming the original publication.
const PUBLISHED_KEYS: [&str; 24] = [
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "date_published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "publication_date",
    "publicationdate",
    "citation_publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
    "dc.date",
    "date",
];

/// Words in a `<meta>` key that name a publication date ("sw-pubdate", "publish-date").
const PUBLISHED_PARTS: [&str; 4] = ["published", "pubdate", "publishdate", "publish_date"];

/// Words in a key or class that name a later date than the original publication.
const UPDATE_PARTS: [&str; 5] = ["modif", "updat", "lastmod", "expir", "revis"];

/// Compiled patterns for page dates, plus month names of every language.
#[derive(Debug)]
pub(crate) struct PageDates {
    script: Regex,
    json_key: Regex,
    any_json_key: Regex,
    tag: Regex,
    time_text: Regex,
    attr: TagAttrs,
    regions: Regions,
    marked: MarkedText,
    values: DateValues,
}

impl PageDates {
    /// Compiles the patterns and loads `date_months` of every language.
    pub(crate) fn new(lexicon: &Lexicon) -> PageDates {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        PageDates {
            script: re(r"(?is)<script\b([^>]*)>(.*?)</script\s*>"),
            json_key: re(r#""datePublished"\s*:\s*"([^"]{6,40})""#),
            any_json_key: re(
                r#"(?i)\\?"(?:datePublished|publishedDate|publishDate|firstPublishedDate|published_at|publishedAt|date_published|publicationDate)\\?"\s*:\s*\\?"([^"\\]{6,40})"#,
            ),
            tag: re(r"(?is)<(meta|time|span|div|p|abbr|a|li)\b([^>]*)>"),
            time_text: re(r"(?is)^([^<]{6,80})</time"),
            attr: TagAttrs::new(),
            regions: Regions::new(),
            marked: MarkedText::new(),
            values: DateValues::new(lexicon),
        }
    }

    /// The publication date the page declares, if any.
    /// `html` is the page without its comments (`HtmlRules::without_comments`), so that
    /// commented-out markup (`<!-- <meta …> -->`) is not read.
    pub(crate) fn find(&self, html: &str) -> Option<NaiveDate> {
        self.json_ld_date(html).or_else(|| self.tag_date(html))
    }

    /// `datePublished` of the first JSON-LD block that has one: a `<script>` typed
    /// `application/ld+json`, or an untyped one holding a schema.org object.
    fn json_ld_date(&self, html: &str) -> Option<NaiveDate> {
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
                .and_then(find_json_date)
                .or_else(|| self.json_key.captures(block).map(|k| k[1].to_string()))
                .and_then(|v| self.parse_value(&v))
        })
    }

    /// In one walk over the tags: the first strict date (`<meta>` publication keys,
    /// `itemprop="datePublished"`) wins wherever it is; failing that, the first loose one
    /// outside comments and related links (`<time>`, elements marked `pubdate` or with a
    /// publication class); then a publication key in inline JSON; then the first
    /// date-marked element's text; then the first short text that is only a date (or
    /// heads a stamp: "21. Januar 2022 | Umwelt"); last, a date marked as an update.
    fn tag_date(&self, html: &str) -> Option<NaiveDate> {
        let mut loose: Vec<(usize, NaiveDate)> = Vec::new();
        for c in self.tag.captures_iter(html) {
            let name = c[1].to_ascii_lowercase();
            let attrs = self.attr.of(&c[2]);
            let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
            let Some(whole) = c.get(0) else { continue };
            if let Some(d) = strict_value(&name, &get).and_then(|v| self.parse_value(v)) {
                return Some(d);
            }
            if name != "meta" && key_of(&get).is_some_and(|k| k == "datepublished") {
                // `itemprop="datePublished"` with the date as the element's text.
                let text = self.marked.text_after(html, whole.end());
                if let Some(d) = self.values.parse_text(&text) {
                    return Some(d);
                }
            }
            let value = loose_value(&name, &attrs, &get).and_then(|v| self.parse_value(v));
            let text = || {
                let marked = name == "time" && loose_allowed(&attrs);
                marked
                    .then(|| self.time_text.captures(&html[whole.end()..]))
                    .flatten()
                    .and_then(|t| self.values.parse_text(&t[1]))
            };
            if let Some(d) = value.or_else(text) {
                loose.push((whole.start(), d));
            }
        }
        let excluded = self.regions.excluded(html);
        let outside = |pos: usize| !excluded.iter().any(|r: &Range<usize>| r.contains(&pos));
        loose
            .into_iter()
            .find(|(pos, _)| outside(*pos))
            .map(|(_, d)| d)
            .or_else(|| {
                self.any_json_key
                    .captures_iter(html)
                    .find_map(|c| self.parse_value(&c[1]))
            })
            .or_else(|| {
                self.marked
                    .texts(html, &excluded, false)
                    .filter(|t| !self.values.names_update(t))
                    .find_map(|t| self.values.parse_text(&t))
            })
            .or_else(|| {
                self.marked
                    .short_texts(html, &excluded)
                    .filter(|t| !self.values.names_update(t))
                    .find_map(|t| {
                        // The date alone, or heading a stamp: "21. Januar 2022 | Umwelt".
                        let head = t.split(STAMP_SEPARATORS).next().unwrap_or("");
                        let alone = self.values.only_a_date(head);
                        alone.then(|| self.values.parse_text(head)).flatten()
                    })
            })
            .or_else(|| {
                // No original date anywhere: an update date beats none.
                self.marked
                    .texts(html, &excluded, true)
                    .find_map(|t| self.values.parse_text(&t))
            })
    }

    /// A date value as pages write it (see [`DateValues::parse_value`]).
    pub(crate) fn parse_value(&self, value: &str) -> Option<NaiveDate> {
        self.values.parse_value(value)
    }

    /// Diagnostic: the excluded regions' starts and the first marked texts.
    #[cfg(test)]
    pub(crate) fn explain(&self, html: &str) -> (Vec<Range<usize>>, Vec<String>) {
        let excluded = self.regions.excluded(html);
        let texts = self.marked.texts(html, &excluded, false).take(8).collect();
        (excluded, texts)
    }
}

/// A `<meta>` key, property or itemprop, lower case, without a `schema:` prefix.
fn key_of<'a>(get: &impl Fn(&str) -> Option<&'a str>) -> Option<String> {
    let key = get("property").or(get("name")).or(get("itemprop"))?;
    let key = key.to_ascii_lowercase();
    Some(
        key.strip_prefix("schema:")
            .map_or(key.clone(), str::to_string),
    )
}

/// Whether a key names the original publication: a listed key, or one holding a
/// publication word and no update word ("sw-pubdate", "page-publish-date").
fn published_key(key: &str) -> bool {
    PUBLISHED_KEYS.contains(&key)
        || (PUBLISHED_PARTS.iter().any(|p| key.contains(p))
            && !UPDATE_PARTS.iter().any(|p| key.contains(p)))
}

/// The value of a `<meta>` publication key or an `itemprop="datePublished"` element.
fn strict_value<'a>(name: &str, get: &impl Fn(&str) -> Option<&'a str>) -> Option<&'a str> {
    let key = key_of(get).filter(|k| published_key(k))?;
    if name != "meta" && key != "datepublished" {
        return None;
    }
    get("content").or(get("datetime")).or(get("title"))
}

/// Whether an element's class allows it as a publication date: no update word, unless
/// it also names the publication (hAtom's `class="updated published"`).
fn loose_allowed(attrs: &[(String, String)]) -> bool {
    let class = attrs
        .iter()
        .find(|(n, _)| n == "class")
        .map_or(String::new(), |(_, v)| v.to_ascii_lowercase());
    class.contains("publish") || !UPDATE_PARTS.iter().any(|p| class.contains(p))
}

/// The value of a `<time>` element, of one marked as the publication date, or of a
/// `dateCreated` key; never of one marked as modified or updated.
fn loose_value<'a>(
    name: &str,
    attrs: &[(String, String)],
    get: &impl Fn(&str) -> Option<&'a str>,
) -> Option<&'a str> {
    let class = get("class").unwrap_or("").to_ascii_lowercase();
    let marked = attrs.iter().any(|(n, _)| n == "pubdate")
        || class.contains("publish")
        || class.contains("posted")
        || key_of(get).is_some_and(|k| k == "datecreated");
    if !loose_allowed(attrs) || !(name == "time" || marked) {
        return None;
    }
    get("datetime").or(get("content")).or(get("title"))
}

/// `datePublished` in a JSON-LD value: articles first, then any object, depth first.
fn find_json_date(value: &serde_json::Value) -> Option<String> {
    fn walk(v: &serde_json::Value, articles_only: bool) -> Option<String> {
        match v {
            serde_json::Value::Array(items) => items.iter().find_map(|i| walk(i, articles_only)),
            serde_json::Value::Object(map) => {
                let kind = map.get("@type").map(|t| t.to_string()).unwrap_or_default();
                let article = ["Article", "Posting", "Report", "NewsArticle"]
                    .iter()
                    .any(|k| kind.contains(k));
                if article || !articles_only {
                    if let Some(serde_json::Value::String(s)) = map.get("datePublished") {
                        return Some(s.clone());
                    }
                }
                map.values().find_map(|i| walk(i, articles_only))
            }
            _ => None,
        }
    }
    walk(value, true).or_else(|| walk(value, false))
}
