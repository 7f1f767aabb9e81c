//! A bound on the attributes of one tag, applied to a page before its HTML5 tree is
//! built. html5ever checks every new attribute of a tag against all the earlier ones
//! (its duplicate check), so a tag of `n` attributes costs `n²/2` comparisons: a single
//! 5 MB tag of a million attributes took minutes. [`limit_attributes`] reads the page
//! once, as the HTML tokenizer does (text, tags, comments, raw-text elements), and drops
//! the attributes of a tag past [`MAX_ATTRIBUTES`]; a page that keeps under the limit is
//! returned untouched.
//!
//! The tree builder also merges the attributes of every further `<html>` and `<body>`
//! start tag into the first one (a sorted insert each), so those two names share one
//! budget of [`MAX_ATTRIBUTES`] over the whole page.
//!
//! Nesting is bounded the same way: html5ever looks through the stack of open elements
//! for most start tags (is a `<p>` open in button scope?), so a page of `n` nested
//! `<div>`s costs `n²/2` steps (20,000 took 13 s). The scanner keeps the stack of open
//! elements as the tree builder would for well-formed nesting, and takes out the start tag
//! of an element opened deeper than [`MAX_DEPTH`], with its end tag: the text inside stays,
//! in the deepest element kept. Void elements, raw-text elements and the elements whose end
//! tag may be left out (`p`, `li`, `td` …, which never nest in a tree) are not counted; an
//! end tag closes the nearest open element of its name among the top [`END_TAG_REACH`] (the
//! ones above it implicitly), and is otherwise left to the tree builder.
//!
//! Known simplification: the raw text of a `<script>` ends at the first `</script`
//! (the tokenizer's escaped `<!--<script>` states are not followed), and `<script>`,
//! `<style>` … inside `<svg>`/`<math>` are read as raw text too.

use std::borrow::Cow;

/// Most attributes kept on one tag (and on all `<html>`, all `<body>` tags together).
/// Pages written for people stay far below it; it bounds html5ever's duplicate check
/// to `MAX_ATTRIBUTES²/2` comparisons per tag.
pub(crate) const MAX_ATTRIBUTES: usize = 256;

/// Deepest nesting of counted elements kept; pages written for people stay far below it
/// (news pages nest a few dozen levels). It bounds html5ever's scope checks to
/// `MAX_DEPTH` steps per tag.
pub(crate) const MAX_DEPTH: usize = 512;

/// How far down the stack an end tag looks for its element, so that stray end tags cost a
/// bounded time each.
const END_TAG_REACH: usize = 32;

/// Elements with no content and no end tag.
const VOID: [&str; 19] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
];

/// Elements whose end tag may be left out (the tree builder closes them when a sibling
/// opens) and the document's frame: never counted in the depth.
const UNCOUNTED: [&str; 22] = [
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "menuitem",
];

/// Elements whose content the tokenizer reads as text up to their end tag.
const RAW_TEXT: [&str; 8] = [
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
];

/// A page with its attributes bounded.
#[derive(Debug)]
pub(crate) struct Limited<'a> {
    /// The page, borrowed when no tag was over the limit.
    pub html: Cow<'a, str>,
    /// Tags that lost attributes.
    pub tags: usize,
    /// Attributes dropped, over all tags.
    pub dropped: usize,
    /// Elements opened deeper than [`MAX_DEPTH`], whose tags were taken out.
    pub flattened: usize,
}

/// `html` with every tag's attributes past [`MAX_ATTRIBUTES`] taken out (the tag's name,
/// its first attributes and its end `>` or `/>` stay), and the tags of elements nested
/// deeper than [`MAX_DEPTH`] taken out, in one pass over the bytes.
pub(crate) fn limit_attributes(html: &str) -> Limited<'_> {
    let mut scanner = Scanner {
        bytes: html.as_bytes(),
        cuts: Vec::new(),
        tags: 0,
        dropped: 0,
        merged: [0, 0],
        open: Vec::new(),
        flattened: 0,
    };
    scanner.run();
    if scanner.cuts.is_empty() {
        return Limited {
            html: Cow::Borrowed(html),
            tags: 0,
            dropped: 0,
            flattened: 0,
        };
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in &scanner.cuts {
        out.push_str(&html[from..*start]);
        from = *end;
    }
    out.push_str(&html[from..]);
    Limited {
        html: Cow::Owned(out),
        tags: scanner.tags,
        dropped: scanner.dropped,
        flattened: scanner.flattened,
    }
}

/// A cheap fixed hash of a tag name (FNV-1a), so the stack of open elements holds 9 bytes
/// per element whatever the names.
fn name_key(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The tokenizer's reading of a page, as far as tags and their attributes go.
struct Scanner<'a> {
    bytes: &'a [u8],
    /// Byte ranges to take out (dropped attributes, tags too deep), in order. Every bound
    /// is next to an ASCII byte, so each is a char boundary.
    cuts: Vec<(usize, usize)>,
    /// Tags that lost attributes.
    tags: usize,
    dropped: usize,
    /// Attributes kept so far on `<html>` and on `<body>` start tags.
    merged: [usize; 2],
    /// The open counted elements: name key, and whether its tags are taken out.
    open: Vec<(u64, bool)>,
    flattened: usize,
}

/// HTML whitespace as the tokenizer knows it.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

impl Scanner<'_> {
    /// The data state: text up to the next `<`, then what it opens.
    fn run(&mut self) {
        let b = self.bytes;
        let mut i = 0;
        while let Some(lt) = find(b, i, b'<') {
            i = lt + 1;
            match b.get(i) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (end, name) = self.tag(i, true);
                    i = end;
                    if RAW_TEXT.contains(&name.as_str()) {
                        i = raw_text_end(b, i, &name);
                    } else if name == "plaintext" {
                        return;
                    } else {
                        self.opened(lt, end, &name);
                    }
                }
                Some(b'/') if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                    // End tags carry attributes through the same check.
                    let (end, name) = self.tag(i + 1, false);
                    i = end;
                    self.closed(lt, end, &name);
                }
                Some(b'!') if b[i..].starts_with(b"!--") => i = comment_end(b, i + 3),
                // `<!doctype …>`, `<?…>`, `</…>` not followed by a letter: to the next `>`.
                Some(b'!' | b'?' | b'/') => i = find(b, i, b'>').map_or(b.len(), |g| g + 1),
                _ => {}
            }
        }
    }

    /// A start tag `<name …>` at `lt..end`: a counted element goes on the stack, its tag
    /// taken out when the stack is already [`MAX_DEPTH`] deep.
    fn opened(&mut self, lt: usize, end: usize, name: &str) {
        let self_closing = end >= 2 && self.bytes[end - 2] == b'/';
        if self_closing || VOID.contains(&name) || UNCOUNTED.contains(&name) {
            return;
        }
        let deep = self.open.len() >= MAX_DEPTH;
        if deep {
            self.take_out(lt, end);
            self.flattened += 1;
        }
        self.open.push((name_key(name), deep));
    }

    /// An end tag `</name …>` at `lt..end`: closes the nearest open element of that name
    /// within reach (taking the tag out if its start tag was), else is left alone.
    fn closed(&mut self, lt: usize, end: usize, name: &str) {
        let key = name_key(name);
        let reach = self.open.len().saturating_sub(END_TAG_REACH);
        let Some(at) = (reach..self.open.len())
            .rev()
            .find(|&k| self.open[k].0 == key)
        else {
            return;
        };
        if self.open[at].1 {
            self.take_out(lt, end);
        }
        self.open.truncate(at);
    }

    /// Takes the whole tag at `lt..end` out, with any attribute cut made inside it.
    fn take_out(&mut self, lt: usize, end: usize) {
        if self.cuts.last().is_some_and(|&(from, _)| from > lt) {
            self.cuts.pop();
        }
        self.cuts.push((lt, end));
    }

    /// Reads a tag whose name starts at `i`: its name (lower case) and the offset after
    /// its `>` (the page's end if it has none), noting the attributes to drop.
    fn tag(&mut self, i: usize, start: bool) -> (usize, String) {
        let b = self.bytes;
        let mut j = i;
        while j < b.len() && !is_space(b[j]) && b[j] != b'/' && b[j] != b'>' {
            j += 1;
        }
        let name = String::from_utf8_lossy(&b[i..j]).to_ascii_lowercase();
        let merged = match name.as_str() {
            "html" if start => Some(0),
            "body" if start => Some(1),
            _ => None,
        };
        let allowed = merged.map_or(MAX_ATTRIBUTES, |m| {
            MAX_ATTRIBUTES.saturating_sub(self.merged[m])
        });
        let mut count = 0usize;
        let mut cut_from = None;
        // Before an attribute name: whitespace and `/` are passed over.
        loop {
            while j < b.len() && (is_space(b[j]) || b[j] == b'/') {
                j += 1;
            }
            let Some(&c) = b.get(j) else { break };
            if c == b'>' {
                break;
            }
            count += 1;
            if count == allowed + 1 {
                cut_from = Some(j);
            }
            // The name: its first character whatever it is (even `=`), then up to
            // whitespace, `/`, `>` or `=`.
            j += 1;
            while j < b.len() && !is_space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
                j += 1;
            }
            let mut k = j;
            while k < b.len() && is_space(b[k]) {
                k += 1;
            }
            if b.get(k) != Some(&b'=') {
                // No value: whitespace, then the next name or the end.
                j = k;
                continue;
            }
            k += 1;
            while k < b.len() && is_space(b[k]) {
                k += 1;
            }
            j = match b.get(k) {
                Some(&q @ (b'"' | b'\'')) => find(b, k + 1, q).map_or(b.len(), |e| e + 1),
                Some(b'>') | None => k,
                Some(_) => {
                    let mut e = k;
                    while e < b.len() && !is_space(b[e]) && b[e] != b'>' {
                        e += 1;
                    }
                    e
                }
            };
        }
        if let Some(m) = merged {
            self.merged[m] += count.min(allowed);
        }
        if let Some(from) = cut_from {
            // Keep a self-closing `/` right before the `>`.
            let to = if j < b.len() && j > from && b[j - 1] == b'/' {
                j - 1
            } else {
                j
            };
            self.cuts.push((from, to.max(from)));
            self.tags += 1;
            self.dropped += count - allowed;
        }
        (if j < b.len() { j + 1 } else { j }, name)
    }
}

/// The offset after `-->` (or `--!>`, or the `>` of an empty `<!-->`, `<!--->`) of a
/// comment whose text starts at `i`; the page's end if unclosed.
fn comment_end(b: &[u8], i: usize) -> usize {
    if b[i..].starts_with(b">") {
        return i + 1;
    }
    if b[i..].starts_with(b"->") {
        return i + 2;
    }
    let mut j = i;
    while let Some(d) = find(b, j, b'-') {
        if b[d..].starts_with(b"-->") {
            return d + 3;
        }
        if b[d..].starts_with(b"--!>") {
            return d + 4;
        }
        j = d + 1;
    }
    b.len()
}

/// The offset of the end tag `</name` (followed by whitespace, `/` or `>`) that closes
/// a raw-text element whose text starts at `i`; the page's end if none does.
fn raw_text_end(b: &[u8], i: usize, name: &str) -> usize {
    let mut j = i;
    while let Some(lt) = find(b, j, b'<') {
        let tail = &b[lt + 1..];
        let closes = tail.first() == Some(&b'/')
            && tail.len() > name.len()
            && tail[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
            && tail
                .get(name.len() + 1)
                .is_none_or(|c| is_space(*c) || matches!(c, b'/' | b'>'));
        if closes {
            return lt;
        }
        j = lt + 1;
    }
    b.len()
}

/// The offset of the first `byte` at or after `from`.
fn find(b: &[u8], from: usize, byte: u8) -> Option<usize> {
    memchr::memchr(byte, b.get(from..)?).map(|p| from + p)
}
