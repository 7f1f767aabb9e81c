//! Hand-written scanners over a page's bytes for the page-date readers: start tags,
//! `<script>` blocks and short text nodes. Each has exactly the matches, read left to
//! right without overlap, of the regex its doc comment names (the unit tests compare
//! both on the eval pages and on made-up edge cases). The regexes' capture engines
//! were most of the page-date search's cost: every tag of a page is a match, and a
//! capture engine runs again over each match (over a whole script for a `<script>`).

use std::borrow::Cow;

/// A start tag: `<name attrs>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::stages::parse) struct StartTag<'a> {
    /// Byte offset of the `<`.
    pub start: usize,
    /// Byte offset just past the `>`.
    pub end: usize,
    /// The name as written.
    pub name: &'a str,
    /// Everything between the name and the `>` (empty, or starting with a character
    /// that is not a word character).
    pub attrs: &'a str,
}

/// Longest tag name compared against a list (longer names match no list).
const NAME_BYTES: usize = 16;

/// The start tags of `html` whose name `accept` takes, in order: the matches of
/// `(?i)<(NAMES)((?:[^\w>][^>]*)?)>` (that is `(?i)<(NAMES)\b([^>]*)>`), where `accept`
/// gets the name lower-cased (ASCII, with `ſ` as `s` and the Kelvin sign as `k`, as the
/// regex's case folding) and a name is a letter then letters and digits. With an
/// `accept` that takes every name, the matches of `(?i)<([a-z][a-z0-9]*)\b([^>]*)>`.
pub(in crate::stages::parse) fn start_tags<'a, F>(
    html: &'a str,
    accept: F,
) -> impl Iterator<Item = StartTag<'a>>
where
    F: Fn(&str) -> bool + 'a,
{
    let mut pos = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            let i = pos + memchr_lt(&html.as_bytes()[pos..])?;
            pos = i + 1;
            let mut folded = [0u8; NAME_BYTES];
            let mut len = 0usize;
            let mut name_end = i + 1;
            while let Some((b, width)) = folded_at(html.as_bytes(), name_end) {
                if !b.is_ascii_alphanumeric() || (len == 0 && !b.is_ascii_alphabetic()) {
                    break;
                }
                if len < NAME_BYTES {
                    folded[len] = b;
                }
                len += 1;
                name_end += width;
            }
            if len == 0 {
                continue;
            }
            let (attrs_end, end) = match html.as_bytes().get(name_end) {
                Some(b'>') => (name_end, name_end + 1),
                Some(&b) if bounds_name(html, name_end, b) => {
                    match memchr::memchr(b'>', &html.as_bytes()[name_end..]) {
                        Some(j) => (name_end + j, name_end + j + 1),
                        None => {
                            // No `>` after this tag: none after any later one either.
                            done = true;
                            return None;
                        }
                    }
                }
                _ => continue,
            };
            let long: String;
            let lower = if len <= NAME_BYTES {
                std::str::from_utf8(&folded[..len]).unwrap_or("")
            } else {
                long = html[i + 1..name_end]
                    .chars()
                    .filter_map(fold)
                    .map(char::from)
                    .collect();
                &long
            };
            if !accept(lower) {
                continue;
            }
            pos = end;
            return Some(StartTag {
                start: i,
                end,
                name: &html[i + 1..name_end],
                attrs: &html[name_end..attrs_end],
            });
        }
        None
    })
}

/// The `<script>` blocks of `html`: the start tag's attributes and the text up to the
/// first `</script>` after it, as the matches of
/// `(?is)<script\b([^>]*)>(.*?)</script\s*>`.
pub(in crate::stages::parse) fn script_blocks(
    html: &str,
) -> impl Iterator<Item = (&str, &str)> + '_ {
    let mut tags = start_tags(html, |n| n == "script").peekable();
    let mut after = 0usize;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        // A start tag inside the previous block (before `after`) is part of its text.
        let tag = loop {
            let tag = tags.next()?;
            if tag.start >= after {
                break tag;
            }
        };
        let Some((close_start, close_end)) = closing(html, tag.end, "script") else {
            // No end tag after this start tag: none after any later one either.
            done = true;
            return None;
        };
        after = close_end;
        Some((tag.attrs, &html[tag.end..close_start]))
    })
}

/// The byte ranges of the page's scripts and styles, start tag to end tag: the matches
/// of `(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>`.
pub(in crate::stages::parse) fn code_spans(html: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    // Once an element has no end tag after some start, no later start has one either.
    let mut open = [true, true];
    let mut pos = 0usize;
    while let Some(j) = memchr_lt(&html.as_bytes()[pos..]) {
        let i = pos + j;
        pos = i + 1;
        for (k, name) in ["script", "style"].into_iter().enumerate() {
            if !open[k] {
                continue;
            }
            let Some(name_end) = named_at(html, i + 1, name) else {
                continue;
            };
            let bounded = html[name_end..]
                .chars()
                .next()
                .is_some_and(|c| !regex_syntax::is_word_character(c));
            if !bounded {
                continue;
            }
            match closing(html, name_end, name) {
                Some((_, end)) => {
                    spans.push(i..end);
                    pos = end;
                    break;
                }
                None => open[k] = false,
            }
        }
    }
    spans
}

/// Where `name` (ASCII lower case) ends when the text at byte `at` spells it, case folded.
fn named_at(html: &str, at: usize, name: &str) -> Option<usize> {
    let mut rest = html[at..].char_indices();
    let mut end = at;
    for want in name.bytes() {
        let (offset, c) = rest.next()?;
        if fold(c) != Some(want) {
            return None;
        }
        end = at + offset + c.len_utf8();
    }
    Some(end)
}

/// The first `</NAME\s*>` (case folded) at or after `from`: its start and end.
fn closing(html: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(j) = memchr::memchr(b'<', &bytes[pos..]) {
        let start = pos + j;
        if bytes.get(start + 1) != Some(&b'/') {
            pos = start + 1;
            continue;
        }
        pos = start + 2;
        let Some(name_end) = named_at(html, start + 2, name) else {
            continue;
        };
        let spaced = html[name_end..].trim_start();
        if spaced.starts_with('>') {
            let end = html.len() - spaced.len() + 1;
            return Some((start, end));
        }
    }
    None
}

/// Text nodes of 6 to 96 characters holding no `<` nor `>`, each between a `>` and a
/// `<`: the matches of `>([^<>]{6,96})<`, as the text's byte range.
pub(in crate::stages::parse) fn short_text_nodes(
    html: &str,
) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = html.as_bytes();
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            let open = pos + memchr::memchr(b'>', &bytes[pos..])?;
            let start = open + 1;
            let stop = start + memchr::memchr2(b'<', b'>', &bytes[start..])?;
            if bytes[stop] == b'>' {
                pos = stop;
                continue;
            }
            pos = stop + 1;
            // A char is 1 to 4 bytes: the count is needed only between 6 and 4 × 96 bytes.
            let len = stop - start;
            if (6..=4 * 96).contains(&len) && (6..=96).contains(&html[start..stop].chars().count())
            {
                return Some(start..stop);
            }
        }
        None
    })
}

/// `markup` with every comment and tag replaced by `with`: the matches of
/// `(?s)<!--.*?-->|<[^>]*>`, left to right without overlap.
pub(in crate::stages::parse) fn without_tags<'a>(markup: &'a str, with: &str) -> Cow<'a, str> {
    let bytes = markup.as_bytes();
    let mut out = String::new();
    let (mut from, mut pos) = (0, 0);
    while let Some(j) = memchr_lt(&bytes[pos..]) {
        let lt = pos + j;
        let comment_end = bytes[lt..]
            .starts_with(b"<!--")
            .then(|| memchr::memmem::find(&bytes[lt + 4..], b"-->"))
            .flatten()
            .map(|k| lt + 4 + k + 3);
        let end = match comment_end {
            Some(end) => end,
            // No `>` after this `<`: no later match either.
            None => match memchr::memchr(b'>', &bytes[lt + 1..]) {
                Some(k) => lt + 1 + k + 1,
                None => break,
            },
        };
        out.push_str(&markup[from..lt]);
        out.push_str(with);
        from = end;
        pos = end;
    }
    if from == 0 && pos == 0 {
        return Cow::Borrowed(markup);
    }
    out.push_str(&markup[from..]);
    Cow::Owned(out)
}

/// Offset of the first `<` in `bytes`.
fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', bytes)
}

/// [`fold`] of the character at byte `at` (a char boundary), with its width in bytes:
/// ASCII bytes are read without decoding.
fn folded_at(bytes: &[u8], at: usize) -> Option<(u8, usize)> {
    let b = *bytes.get(at)?;
    if b.is_ascii() {
        return Some((b.to_ascii_lowercase(), 1));
    }
    const LONG_S: &[u8] = "\u{17F}".as_bytes();
    const KELVIN: &[u8] = "\u{212A}".as_bytes();
    let rest = &bytes[at..];
    if rest.starts_with(LONG_S) {
        Some((b's', LONG_S.len()))
    } else if rest.starts_with(KELVIN) {
        Some((b'k', KELVIN.len()))
    } else {
        None
    }
}

/// Whether the character starting with byte `b` at byte `at` of `html` (a char boundary)
/// is not a word character (`\w` as the regex knows it), so that it ends a tag name.
fn bounds_name(html: &str, at: usize, b: u8) -> bool {
    if b.is_ascii() {
        return !(b.is_ascii_alphanumeric() || b == b'_');
    }
    html[at..]
        .chars()
        .next()
        .is_some_and(|c| !regex_syntax::is_word_character(c))
}

/// A character as the regex's ASCII case folding sees it: an ASCII byte in lower case,
/// `ſ` as `s`, the Kelvin sign as `k`; `None` for other non-ASCII characters.
fn fold(c: char) -> Option<u8> {
    match c {
        '\u{17F}' => Some(b's'),
        '\u{212A}' => Some(b'k'),
        c if c.is_ascii() => Some((c as u8).to_ascii_lowercase()),
        _ => None,
    }
}

/// A heading: `<h1 …>text</h1>` or `<h2 …>`, the text up to the first `</h1` or `</h2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::stages::parse) struct Heading<'a> {
    /// Byte offset of the start tag's `<`.
    pub start: usize,
    /// The level, `"1"` or `"2"`, as in the start tag.
    pub level: &'a str,
    /// The markup between the start tag and the end tag.
    pub text: &'a str,
}

/// Most characters between a heading's start and end tags.
const HEADING_CHARS: usize = 600;

/// The `<h1>` and `<h2>` headings of `html` whose end tag comes within
/// [`HEADING_CHARS`] characters: the matches of
/// `(?is)<h([12])\b[^>]*>(.{0,600}?)</h[12]\s*>`.
pub(in crate::stages::parse) fn headings(html: &str) -> impl Iterator<Item = Heading<'_>> + '_ {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        while pos < html.len() {
            let tag = start_tags(&html[pos..], |n| n == "h1" || n == "h2").next()?;
            let (start, end) = (pos + tag.start, pos + tag.end);
            match heading_end(html, end) {
                Some((text_end, after)) => {
                    pos = after;
                    return Some(Heading {
                        start,
                        level: &tag.name[1..],
                        text: &html[end..text_end],
                    });
                }
                // No end tag near enough: the search goes on after this `<`.
                None => pos = start + 1,
            }
        }
        None
    })
}

/// The first `</h1` or `</h2` (then `\s*>`) within [`HEADING_CHARS`] characters of
/// `from`: where it starts and where it ends.
fn heading_end(html: &str, from: usize) -> Option<(usize, usize)> {
    for (chars, (offset, c)) in html[from..].char_indices().enumerate() {
        let at = from + offset;
        if c == '<' {
            let rest = &html.as_bytes()[at..];
            if rest.len() >= 4
                && rest[1] == b'/'
                && rest[2].eq_ignore_ascii_case(&b'h')
                && matches!(rest[3], b'1' | b'2')
            {
                let tail = html[at + 4..].trim_start();
                if tail.starts_with('>') {
                    return Some((at, html.len() - tail.len() + 1));
                }
            }
        }
        if chars == HEADING_CHARS {
            return None;
        }
    }
    None
}
