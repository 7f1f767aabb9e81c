//! The page's own publication date, read from its markup: JSON-LD `datePublished`,
//! `<meta>` publication keys (`article:published_time`, `og:published_time`, Dublin Core,
//! `pubdate`…), `itemprop="datePublished"`, then `<time datetime>` elements. Original
//! publication wins over modification: keys naming an update are never read.

use std::collections::HashMap;

use chrono::NaiveDate;
use regex::Regex;

use super::attrs::TagAttrs;

use crate::lexicon::Lexicon;

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

/// Years accepted as publication years.
const YEARS: std::ops::RangeInclusive<i32> = 1995..=2035;

/// Compiled patterns for page dates, plus month names of every language.
#[derive(Debug)]
pub(crate) struct PageDates {
    json_ld: Regex,
    json_key: Regex,
    tag: Regex,
    attr: TagAttrs,
    iso: Regex,
    compact: Regex,
    dmy: Regex,
    textual: Regex,
    months: HashMap<String, u32>,
}

impl PageDates {
    /// Compiles the patterns and loads `date_months` of every language.
    pub(crate) fn new(lexicon: &Lexicon) -> PageDates {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        let mut months = HashMap::new();
        for lang in lexicon.languages_with("date_months") {
            for (name, value) in lexicon.pairs(&lang, "date_months") {
                let number = value.split_whitespace().next().and_then(|n| n.parse().ok());
                if let Some(n) = number.filter(|n| (1..=12).contains(n)) {
                    months.entry(name.to_lowercase()).or_insert(n);
                }
            }
        }
        PageDates {
            json_ld: re(
                r#"(?is)<script\b[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script\s*>"#,
            ),
            json_key: re(r#""datePublished"\s*:\s*"([^"]{6,40})""#),
            tag: re(r"(?is)<(meta|time|span|div|p|abbr|a|li)\b([^>]*)>"),
            attr: TagAttrs::new(),
            iso: re(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
            compact: re(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})|^\s*(\d{4})(\d{2})(\d{2})(?:\D|$)"),
            dmy: re(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})"),
            textual: re(r"(?i)(\d{1,2})?\.?\s*([\p{L}]{3,12})\.?\s*(\d{1,2})?,?\s+(\d{4})"),
            months,
        }
    }

    /// The publication date the page declares, if any.
    pub(crate) fn find(&self, html: &str) -> Option<NaiveDate> {
        self.json_ld_date(html).or_else(|| self.tag_date(html))
    }

    /// `datePublished` of the first JSON-LD block that has one.
    fn json_ld_date(&self, html: &str) -> Option<NaiveDate> {
        self.json_ld.captures_iter(html).find_map(|c| {
            let block = &c[1];
            let parsed = serde_json::from_str::<serde_json::Value>(block.trim()).ok();
            parsed
                .as_ref()
                .and_then(find_json_date)
                .or_else(|| self.json_key.captures(block).map(|k| k[1].to_string()))
                .and_then(|v| self.parse_value(&v))
        })
    }

    /// In one walk over the tags: the first strict date (`<meta>` publication keys,
    /// `itemprop="datePublished"`) wins wherever it is; failing that, the first loose one
    /// (`<time datetime>`, elements marked `pubdate` or with a publication class).
    fn tag_date(&self, html: &str) -> Option<NaiveDate> {
        let mut loose_date = None;
        for c in self.tag.captures_iter(html) {
            let name = c[1].to_ascii_lowercase();
            let attrs = self.attr.of(&c[2]);
            let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
            if let Some(d) = strict_value(&name, &get).and_then(|v| self.parse_value(v)) {
                return Some(d);
            }
            if loose_date.is_none() {
                loose_date = loose_value(&name, &attrs, &get).and_then(|v| self.parse_value(v));
            }
        }
        loose_date
    }

    /// A date value as pages write it: ISO 8601, `2024/08/06`, `20240806`, `06.08.2024`,
    /// `Tue, 06 Aug 2024 …`, `August 6, 2024`, `6. August 2024`.
    pub(crate) fn parse_value(&self, value: &str) -> Option<NaiveDate> {
        let ymd = |y: &str, m: &str, d: &str| {
            let y: i32 = y.parse().ok()?;
            if !YEARS.contains(&y) {
                return None;
            }
            NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
        };
        if let Some(c) = self.iso.captures(value) {
            return ymd(&c[1], &c[2], &c[3]);
        }
        if let Some(c) = self.compact.captures(value) {
            return match c.get(1) {
                Some(y) => ymd(y.as_str(), &c[2], &c[3]),
                None => ymd(&c[4], &c[5], &c[6]),
            };
        }
        if let Some(c) = self.dmy.captures(value) {
            return ymd(&c[3], &c[2], &c[1]).or_else(|| ymd(&c[3], &c[1], &c[2]));
        }
        self.textual.captures_iter(value).find_map(|c| {
            let month = self.month(&c[2])?;
            let day = c.get(1).or(c.get(3))?.as_str().parse().ok()?;
            let year: i32 = c[4].parse().ok()?;
            if !YEARS.contains(&year) {
                return None;
            }
            NaiveDate::from_ymd_opt(year, month, day)
        })
    }

    /// A month name or its three-letter abbreviation, in any loaded language.
    fn month(&self, word: &str) -> Option<u32> {
        let word = word.to_lowercase();
        self.months.get(&word).copied().or_else(|| {
            let prefix: String = word.chars().take(3).collect();
            (word.chars().count() <= 4)
                .then(|| {
                    self.months
                        .iter()
                        .filter(|(n, _)| n.starts_with(&prefix))
                        .map(|(_, m)| *m)
                        .min()
                })
                .flatten()
        })
    }
}

/// The value of a `<meta>` publication key or an `itemprop="datePublished"` element.
fn strict_value<'a>(name: &str, get: &impl Fn(&str) -> Option<&'a str>) -> Option<&'a str> {
    let key = get("property")
        .or(get("name"))
        .or(get("itemprop"))
        .map(str::to_ascii_lowercase)
        .filter(|k| PUBLISHED_KEYS.contains(&k.as_str()))?;
    if name != "meta" && key != "datepublished" {
        return None;
    }
    get("content").or(get("datetime"))
}

/// The value of a `<time>` element or one marked as the publication date, never one
/// marked as modified or updated.
fn loose_value<'a>(
    name: &str,
    attrs: &[(String, String)],
    get: &impl Fn(&str) -> Option<&'a str>,
) -> Option<&'a str> {
    let class = get("class").unwrap_or("").to_ascii_lowercase();
    let marked = attrs.iter().any(|(n, _)| n == "pubdate")
        || class.contains("publish")
        || class.contains("posted");
    let modified = class.contains("modif") || class.contains("updat");
    if modified || !(name == "time" || marked) {
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
