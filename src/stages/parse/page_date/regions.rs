//! Parts of a page whose dates are never the article's: comment threads, related and
//! recommended links, sidebars and widgets, navigation, found from their class or id
//! (or, for `<nav>`, its tag) and closed by counting nested tags of the
//! same name.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::scan;

/// Container tags whose class or id can mark a whole region out.
const CONTAINERS: [&str; 12] = [
    "div", "section", "aside", "nav", "ul", "ol", "li", "dl", "form", "table", "footer", "p",
];

/// Tags that are out of the article whatever their class (`<aside>` is not: pages put
/// the article's own date and byline in one).
const ALWAYS_OUT: [&str; 1] = ["nav"];

/// Word starts that mark a region out wherever they are in a class or id name
/// ("comment-list", "jp-relatedposts"). Not "widget": blog platforms wrap the post in one.
const OUT_WORDS: [&str; 8] = [
    "comment",
    "kommentar",
    "commentaire",
    "related",
    "recommend",
    "reply",
    "replies",
    "respond",
];

/// Word starts that mark a region out only when they open the class or id name
/// ("menu-main", "sidebar-left", but not "with-navigation" or "zen-one-sidebar-second",
/// layout wrappers that name what sits beside the article).
const OUT_HEADS: [&str; 4] = ["navigation", "menu", "breadcrumb", "popular"];

/// The head that marks a sidebar out like [`OUT_HEADS`], except for the last resort of
/// `gather`, which reads sidebars after all.
const SIDEBAR: &str = "sidebar";

/// First words of a class name that describe a state, not a region ("has-comments").
const STATE_HEADS: [&str; 6] = ["has", "with", "no", "show", "hide", "is"];

/// Finds the excluded regions of a page.
#[derive(Debug)]
pub(super) struct Regions {
    nesting: HashMap<&'static str, Regex>,
    /// The words [`marks_out`] looks for, in any ASCII case (see [`Regions::may_mark_out`]).
    out_words: AhoCorasick,
}

impl Regions {
    /// Compiles the container patterns.
    pub(super) fn new() -> Regions {
        let nesting = CONTAINERS
            .iter()
            .map(|n| {
                // `<div\b`, with the boundary as the character after the name (captured,
                // so that the search goes on from it): see `Regions`.
                let re =
                    Regex::new(&format!(r"(?i)<(/?){n}(?:([^\w])|$)")).expect("static pattern");
                (*n, re)
            })
            .collect();
        let out_words = OUT_WORDS.iter().chain(&OUT_HEADS).chain([&SIDEBAR]);
        Regions {
            nesting,
            out_words: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(out_words)
                .expect("static words"),
        }
    }

    /// False only when [`marks_out`] is false whatever `sidebars`: ASCII attribute text
    /// holding none of the words it looks for in any case (a class or id word starting
    /// with one is a substring of the text; lower-casing ASCII text is ASCII case folding).
    /// Non-ASCII text is left to `marks_out` (lower-casing the Kelvin sign gives `k`).
    fn may_mark_out(&self, attrs: &str) -> bool {
        !attrs.is_ascii() || self.out_words.is_match(attrs)
    }

    /// Byte ranges of `html` out of the article, sorted and disjoint. With `sidebars`
    /// false, a sidebar is not out (regions out within it still are): the last resort
    /// of `gather` reads it.
    pub(super) fn excluded(&self, html: &str, sidebars: bool) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for tag in scan::start_tags(html, |n| CONTAINERS.contains(&n)) {
            if ranges.last().is_some_and(|r| r.contains(&tag.start)) {
                continue;
            }
            let always = ALWAYS_OUT.iter().any(|n| tag.name.eq_ignore_ascii_case(n));
            if !(always || (self.may_mark_out(tag.attrs) && marks_out(tag.attrs, sidebars))) {
                continue;
            }
            let name = tag.name.to_ascii_lowercase();
            let end = self.close(html, &name, tag.start);
            ranges.push(tag.start..end);
        }
        ranges
    }

    /// The end of the element of tag `name` opened at `start` (the page's end if unclosed).
    fn close(&self, html: &str, name: &str, start: usize) -> usize {
        let Some(re) = self.nesting.get(name) else {
            return html.len();
        };
        let mut depth = 0usize;
        let mut at = start;
        while let Some(c) = re.captures_at(html, at) {
            let Some(whole) = c.get(0) else { break };
            // The tag's name ends where the boundary character starts (or at the end).
            let name_end = c.get(2).map_or(whole.end(), |b| b.start());
            let closing = c.get(1).is_some_and(|m| !m.is_empty());
            if closing {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return name_end;
                }
            } else {
                depth += 1;
            }
            at = name_end;
        }
        html.len()
    }
}

/// Whether `pos` lies in one of `ranges`, which are sorted and disjoint (as
/// [`Regions::excluded`] and `scan::code_spans` give them): a binary search.
pub(super) fn inside(ranges: &[Range<usize>], pos: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= pos);
    ranges.get(i).is_some_and(|r| r.contains(&pos))
}

/// Whether a start tag's class or id names a region out of the article (a sidebar only
/// with `sidebars`).
fn marks_out(attrs: &str, sidebars: bool) -> bool {
    let lower = attrs.to_lowercase();
    ["class", "id"].iter().any(|key| {
        attr_value(&lower, key).is_some_and(|v| v.split_whitespace().any(|n| name_out(n, sidebars)))
    })
}

/// Whether one class or id name marks a region out (a sidebar only with `sidebars`).
fn name_out(name: &str, sidebars: bool) -> bool {
    let mut words = name
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    let Some(head) = words.next() else {
        return false;
    };
    if STATE_HEADS.contains(&head) {
        return false;
    }
    let out = |w: &str| OUT_WORDS.iter().any(|o| w.starts_with(o));
    let sidebar = sidebars && head.starts_with(SIDEBAR);
    out(head) || sidebar || OUT_HEADS.iter().any(|o| head.starts_with(o)) || words.any(out)
}

/// The value of attribute `key` in a lower-cased start tag's attribute text.
pub(super) fn attr_value<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(i) = rest.find(key) {
        let before_ok = rest[..i]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace());
        let after = rest[i + key.len()..].trim_start();
        if before_ok {
            if let Some(value) = after.strip_prefix('=') {
                let value = value.trim_start();
                let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'');
                return Some(match quote {
                    Some(q) => value[1..].split(q).next().unwrap_or(""),
                    None => value.split([' ', '>', '/']).next().unwrap_or(""),
                });
            }
        }
        rest = &rest[i + key.len()..];
    }
    None
}
