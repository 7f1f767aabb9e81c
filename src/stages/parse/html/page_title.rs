//! The headline of an HTML page from its title candidates (`og:title`, `<title>`) and its
//! `<h1>` elements: the `<h1>` when a candidate confirms it (equal, or the candidate is
//! the `<h1>` plus a site name or a kicker across a separator), else the first candidate
//! without its site name.

use scraper::ElementRef;

use super::walk::{Step, Walk};

use crate::stages::parse::text::normalise::{collapse_whitespace, norm};
use crate::stages::parse::text::shape::word_count;

/// Separators between a headline and the site's name (or a kicker) in a page title.
const TITLE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", ": "];
/// Separators after which a leading site name may stand ("Site | Headline").
const LEADING_SEPARATORS: [&str; 3] = [" | ", " :: ", " » "];
/// Class parts of `<h1>` children that are not the headline: kickers, hidden labels.
const NOT_HEADLINE: [&str; 8] = [
    "kicker",
    "dachzeile",
    "topline",
    "overline",
    "eyebrow",
    "visually-hidden",
    "sr-only",
    "screen-reader",
];

/// The text of an `<h1>` without its kicker and screen-reader-only parts.
pub(crate) fn headline_text(h1: ElementRef) -> String {
    let mut out = String::new();
    let mut walk = Walk::new(h1);
    while let Some(step) = walk.next() {
        match step {
            Step::Text(t) => out.push_str(t),
            Step::Open(e) if e.id() == h1.id() => {}
            Step::Open(e) => {
                let class = e.value().attr("class").unwrap_or("").to_ascii_lowercase();
                if NOT_HEADLINE.iter().any(|n| class.contains(n)) {
                    out.push(' ');
                    walk.skip_subtree();
                } else if e.value().name() == "br" {
                    out.push(' ');
                }
            }
            Step::Close(_) => {}
        }
    }
    // A separator left over from a skipped kicker (": Headline").
    let text = collapse_whitespace(&out);
    text.trim_matches(|c: char| matches!(c, ':' | '|' | '-' | '–' | '—' | '·') || c.is_whitespace())
        .to_string()
}

/// Whether an `<h1>` is the site's logo: all its text inside a link to the home page.
pub(crate) fn home_link(h1: ElementRef) -> bool {
    let links: Vec<ElementRef> = h1
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "a")
        .collect();
    let [link] = links.as_slice() else {
        return false;
    };
    let href = link.value().attr("href").unwrap_or("").trim();
    let path = href
        .split_once("://")
        .map_or(href, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    let home = matches!(path, "" | "/" | "/index.html" | "/index.php") && !href.is_empty();
    let outside: usize = h1
        .text()
        .map(|t| t.trim().len())
        .sum::<usize>()
        .saturating_sub(link.text().map(|t| t.trim().len()).sum());
    home && outside == 0
}

/// The headline among the page's title candidates (`og:title`, `<title>`, in order of
/// preference) and its `<h1>` texts; `site` is the site's name when known.
pub(crate) fn choose_title(
    candidates: &[String],
    h1: &[String],
    site: Option<&str>,
) -> Option<String> {
    let usable = |h: &&String| !h.is_empty() && !names_site(h, site);
    let stripped: Vec<String> = candidates
        .iter()
        .map(|t| strip_site_name(t, site))
        .collect();
    // An <h1> with a candidate's very words first (the site's name may be an <h1> too),
    // then one that a candidate shows across a separator.
    let equal = h1.iter().filter(usable).find(|h| {
        let nh = norm(h);
        candidates
            .iter()
            .zip(&stripped)
            .any(|(full, s)| norm(s) == nh || norm(full) == nh)
    });
    let confirmed = equal.or_else(|| {
        h1.iter().filter(usable).find(|h| {
            candidates
                .iter()
                .zip(&stripped)
                .any(|(full, s)| split_off(full, h) || split_off(s, h))
        })
    });
    confirmed.cloned().or_else(|| stripped.into_iter().next())
}

/// Whether `title` is the headline `h` (two words or more) and something else across a
/// separator: "Headline | Site", "Kicker: Headline".
fn split_off(title: &str, h: &str) -> bool {
    let nh = norm(h);
    !nh.is_empty()
        && word_count(h) >= 2
        && TITLE_SEPARATORS.iter().any(|sep| {
            title
                .match_indices(sep)
                .any(|(i, _)| norm(&title[..i]) == nh || norm(&title[i + sep.len()..]) == nh)
        })
}

/// "Headline | Site" → "Headline": drops the segment naming the site, else a short last
/// segment (twice at most: "Headline – Site – Section"), else a short first one before
/// `|`, `::` or `»`.
pub(crate) fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let site = site.map(norm).filter(|s| !s.is_empty());
    let mut title = title.trim().to_string();
    // A short section label may follow the site's name: strip again after one.
    while let Some((head, tail_words)) = strip_trailing(&title, site.as_deref()) {
        title = head;
        if tail_words > 2 {
            break;
        }
    }
    let leading = LEADING_SEPARATORS
        .iter()
        .filter_map(|s| title.split_once(s))
        .min_by_key(|(head, _)| head.len());
    if let Some((head, tail)) = leading {
        if names_site(head, site.as_deref()) || shorter(head, tail, 3) {
            return tail.trim().to_string();
        }
    }
    title
}

/// The title without its last segment, and that segment's word count (the site's name
/// counts as many), when that segment is the site or short.
fn strip_trailing(title: &str, site: Option<&str>) -> Option<(String, usize)> {
    let (head, tail) = TITLE_SEPARATORS
        .iter()
        .filter(|s| **s != ": ")
        .filter_map(|s| title.rsplit_once(s))
        .chain(cjk_split(title))
        .max_by_key(|(head, _)| head.len())?;
    if names_site(tail, site) {
        Some((head.trim().to_string(), usize::MAX))
    } else {
        shorter(tail, head, 4).then(|| (head.trim().to_string(), word_count(tail)))
    }
}

/// "标题-新华网": a separator without spaces right after a CJK character.
fn cjk_split(title: &str) -> Option<(&str, &str)> {
    let (i, c) = title
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '-' | '_' | '|'))?;
    let cjk = title[..i].chars().next_back().is_some_and(|p| {
        ('\u{2E80}'..='\u{9FFF}').contains(&p) || ('\u{F900}'..='\u{FAFF}').contains(&p)
    });
    cjk.then(|| (&title[..i], &title[i + c.len_utf8()..]))
}

/// A segment of at most `max_words` words, shorter than the rest of the title.
fn shorter(seg: &str, rest: &str, max_words: usize) -> bool {
    word_count(seg) <= max_words && seg.chars().count() < rest.chars().count()
}

/// Whether a title segment is the site's name (one contains the other, normalised).
pub(crate) fn names_site(segment: &str, site: Option<&str>) -> bool {
    let seg = norm(segment);
    let site = site.map(norm);
    site.is_some_and(|s| {
        !seg.is_empty() && !s.is_empty() && (seg.contains(&s) || s.contains(seg.as_str()))
    })
}
