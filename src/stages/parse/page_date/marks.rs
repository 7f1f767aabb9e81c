//! Dates written as text in the elements a page marks as dates or bylines: the class, id
//! or itemprop names a date, a publication or a byline (`class="post-date"`,
//! `class="meta__date"`, `class="submitted"`, `class="byline"`), or the element is a
//! `<small>`. The first such element, outside comments and related links, whose opening
//! text holds a date gives it; elements marked as modified or updated are read only as a
//! last resort.

use std::ops::Range;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::regions::{attr_value, inside};
use super::scan;

/// Substrings of a lower-cased class, id or itemprop that mark a date element.
const DATE_MARKS: [&str; 19] = [
    "date",
    "datum",
    "fecha",
    "time",
    "publish",
    "posted",
    "submitted",
    "postmeta",
    "post-meta",
    "byline",
    "subline",
    "created",
    "parution",
    "dateline",
    "meta",
    "info",
    "subtitle",
    "author",
    "autor",
];

/// Substrings that mark a date that is not the original publication's.
const NOT_ORIGINAL: [&str; 7] = [
    "modif", "updat", "lastmod", "comment", "expir", "event", "birth",
];

/// Longest stretch of text, in chars, read after the element's start tag.
const TEXT_CHARS: usize = 100;

/// Bytes of markup read after the element's start tag.
const MARKUP_BYTES: usize = 800;

/// Finds the first date in a date-marked element's text.
#[derive(Debug)]
pub(super) struct MarkedText {
    entity: Regex,
    /// [`MARK_KEYS`] in any ASCII case: whether a tag's attribute text holds one of them
    /// (lower-casing a non-ASCII character gives none of the keys' letters next to each
    /// other, so this is whether the lower-cased text holds one).
    mark_keys: AhoCorasick,
    /// [`DATE_MARKS`], in lower case as the attribute values are searched.
    date_marks: AhoCorasick,
    /// [`DATE_MARKS`] in any ASCII case.
    date_marks_any_case: AhoCorasick,
}

impl MarkedText {
    /// Compiles the patterns.
    pub(super) fn new() -> MarkedText {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        MarkedText {
            entity: re(r"&#?[a-zA-Z0-9]{1,8};"),
            mark_keys: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(MARK_KEYS)
                .expect("static keys"),
            date_marks: AhoCorasick::new(DATE_MARKS).expect("static marks"),
            date_marks_any_case: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(DATE_MARKS)
                .expect("static marks"),
        }
    }

    /// The text opening each date-marked element outside `excluded`, with the element's
    /// position and whether it is marked as an original date (not only as an update, a
    /// last resort), in page order.
    pub(super) fn texts<'a>(
        &'a self,
        html: &'a str,
        excluded: &'a [Range<usize>],
    ) -> impl Iterator<Item = (usize, String, bool)> + 'a {
        scan::start_tags(html, |_| true).filter_map(move |tag| {
            if inside(excluded, tag.start) {
                return None;
            }
            let is = |n: &str| tag.name.eq_ignore_ascii_case(n);
            if ["script", "style", "meta", "link", "img"]
                .into_iter()
                .any(is)
            {
                return None;
            }
            let small = is("small");
            // Without a class, id or itemprop (in any case) nothing marks the element, nor
            // without a date mark in some ASCII case (the values are lower-cased to
            // look for one, which for ASCII text is ASCII case folding).
            let unmarked = !self.mark_keys.is_match(tag.attrs)
                || (tag.attrs.is_ascii() && !self.date_marks_any_case.is_match(tag.attrs));
            if !small && unmarked {
                return None;
            }
            let attrs = tag.attrs.to_lowercase();
            let (date, publication) = marked(&attrs, &self.date_marks);
            if !(small || date) || hidden(&attrs) {
                return None;
            }
            let original = small || publication;
            Some((tag.start, self.text_after(html, tag.end), original))
        })
    }

    /// Short text nodes holding a digit, outside `excluded`, scripts and styles, in page
    /// order, entities decoded, with their positions: the candidates for an element that
    /// holds only a date.
    pub(super) fn short_texts<'a>(
        &'a self,
        html: &'a str,
        excluded: &'a [Range<usize>],
    ) -> impl Iterator<Item = (usize, String)> + 'a {
        let code = scan::code_spans(html);
        scan::short_text_nodes(html).filter_map(move |range| {
            let text = &html[range.clone()];
            let pos = range.start;
            if !text.contains(|c: char| c.is_ascii_digit())
                || inside(excluded, pos)
                || inside(&code, pos)
            {
                return None;
            }
            let decoded = self
                .entity
                .replace_all(text, |c: &regex::Captures| decode(&c[0]));
            Some((
                pos,
                decoded.split_whitespace().collect::<Vec<_>>().join(" "),
            ))
        })
    }

    /// Up to [`TEXT_CHARS`] of text after byte `start`, tags and entities removed.
    /// An icon's `<svg>` at the start is skipped whole, however long its paths.
    pub(super) fn text_after(&self, html: &str, start: usize) -> String {
        let start = self.after_icon(html, start);
        let mut end = (start + MARKUP_BYTES).min(html.len());
        while !html.is_char_boundary(end) {
            end -= 1;
        }
        let markup = &html[start..end];
        let markup = markup.find("</script").map_or(markup, |i| &markup[..i]);
        let text = scan::without_tags(markup, " ");
        let text = self
            .entity
            .replace_all(&text, |c: &regex::Captures| decode(&c[0]));
        let words: Vec<&str> = text.split_whitespace().collect();
        words.join(" ").chars().take(TEXT_CHARS).collect()
    }
}

impl MarkedText {
    /// Where the text after byte `start` resumes when an `<svg>` opens within the first
    /// [`ICON_BYTES`] bytes, before any text: after its `</svg>` (else `start`).
    fn after_icon(&self, html: &str, start: usize) -> usize {
        let rest = &html[start..];
        let mut end = ICON_BYTES.min(rest.len());
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let Some(open) = rest[..end].find("<svg") else {
            return start;
        };
        if !scan::without_tags(&rest[..open], "").trim().is_empty() {
            // Text comes first: the icon follows the date.
            return start;
        }
        rest[open..]
            .find("</svg>")
            .map_or(start, |close| start + open + close + "</svg>".len())
    }
}

/// Bytes after an element's start tag within which an icon's `<svg>` is skipped.
const ICON_BYTES: usize = 200;

/// The attributes whose values can mark a date element.
const MARK_KEYS: [&str; 3] = ["class", "id", "itemprop"];

/// What lower-cased start-tag attributes say of the element: whether they mark a date
/// element (one of [`DATE_MARKS`] in its class, id or itemprop; `date_marks` finds
/// them), and whether they mark a publication date (a date element not marked only as
/// an update, an expiry …).
fn marked(attrs: &str, date_marks: &AhoCorasick) -> (bool, bool) {
    let values = MARK_KEYS.map(|k| attr_value(attrs, k));
    let values = values.iter().flatten();
    if !values.clone().any(|v| date_marks.is_match(v)) {
        return (false, false);
    }
    let has = |marks: &[&str]| values.clone().any(|v| marks.iter().any(|m| v.contains(m)));
    // "published updated" (hAtom) is the original date, "updated" alone is not.
    let original = has(&["publish", "pubdate"]) || !has(&NOT_ORIGINAL);
    (true, original)
}

/// Whether lower-cased start-tag attributes hide the element from readers
/// (`class="hidden"`): its dates are for machines, and the text read after it is not
/// its own.
fn hidden(attrs: &str) -> bool {
    attr_value(attrs, "class").is_some_and(|c| c.split_whitespace().any(|t| t == "hidden"))
}

/// A character reference as text: numeric ones, and the named ones found in dates.
fn decode(entity: &str) -> String {
    let name = &entity[1..entity.len() - 1];
    let numeric = name
        .strip_prefix("#x")
        .or_else(|| name.strip_prefix("#X"))
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
        .and_then(char::from_u32);
    let named = match name {
        "auml" => Some('ä'),
        "ouml" => Some('ö'),
        "uuml" => Some('ü'),
        "eacute" => Some('é'),
        "egrave" => Some('è'),
        "ecirc" => Some('ê'),
        "ucirc" => Some('û'),
        "ccedil" => Some('ç'),
        "iacute" => Some('í'),
        "oacute" => Some('ó'),
        "aacute" => Some('á'),
        _ => None,
    };
    numeric
        .or(named)
        .map_or_else(|| " ".to_string(), |c| c.to_string())
}
