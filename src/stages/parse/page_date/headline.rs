//! Where the article's headline stands in the page: the first `<h1>` (else `<h2>`) that
//! shares a long enough stretch of its text with the page's `<title>` or `og:title`.
//! The dates written next to the headline are the article's; a date far before it (a
//! site header's "today") or in another heading's teaser is not.

use regex::Regex;

use super::scan;

/// Fewest letters and digits a heading needs to be matched against the title.
const MIN_CHARS: usize = 8;

/// Letters and digits, from the start of a heading and of a title, that are compared.
const COMPARED_CHARS: usize = 80;

/// Letters and digits in a row a heading must share with a title (or all of its own).
const SHARED_CHARS: usize = 12;

/// Finds the headline.
#[derive(Debug)]
pub(super) struct Headline {
    title: Regex,
    og_title: Regex,
    description: Regex,
    markup: Regex,
}

impl Headline {
    /// Compiles the patterns.
    pub(super) fn new() -> Headline {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        Headline {
            title: re(r"(?is)<title(?:[^\w>][^>]*)?>([^<]*)</title"),
            og_title: re(
                r#"(?is)<meta[^\w>][^>]*?(?:property|name)\s*=\s*["']og:title["'][^>]*?content\s*=\s*"([^"]*)""#,
            ),
            description: re(
                r#"(?is)<meta[^\w>][^>]*?(?:property|name)\s*=\s*["'](?:og:)?description["'][^>]*?content\s*=\s*"([^"]*)""#,
            ),
            markup: re(r"(?s)<[^>]*>|&#?[a-zA-Z0-9]{1,8};"),
        }
    }

    /// Byte offset of the headline's start tag, if a heading matches the title.
    pub(super) fn find(&self, html: &str) -> Option<usize> {
        let titles: Vec<Vec<char>> = self
            .titles(html)
            .iter()
            .map(|t| self.letters(t))
            .filter(|t| t.len() >= MIN_CHARS)
            .collect();
        if titles.is_empty() {
            return None;
        }
        let mut h2 = None;
        for heading in scan::headings(html) {
            let text = self.letters(heading.text);
            let needed = SHARED_CHARS.min(text.len());
            let matches = text.len() >= MIN_CHARS
                && titles.iter().any(|t| longest_common(&text, t) >= needed);
            if !matches {
                continue;
            }
            if heading.level == "1" {
                return Some(heading.start);
            }
            h2 = h2.or(Some(heading.start));
        }
        h2
    }

    /// The page's `<title>` and `og:title`, as written.
    pub(super) fn titles<'a>(&self, html: &'a str) -> Vec<&'a str> {
        [&self.title, &self.og_title]
            .iter()
            .filter_map(|re| re.captures(html)?.get(1))
            .map(|m| m.as_str())
            .collect()
    }

    /// The page's `description` or `og:description`, as written.
    pub(super) fn description<'a>(&self, html: &'a str) -> Option<&'a str> {
        Some(self.description.captures(html)?.get(1)?.as_str())
    }

    /// The first [`COMPARED_CHARS`] letters and digits of a piece of markup, lower case,
    /// tags and entities out.
    fn letters(&self, markup: &str) -> Vec<char> {
        self.markup
            .replace_all(markup, "")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .take(COMPARED_CHARS)
            .collect()
    }
}

/// The length of the longest run of characters that `a` and `b` share.
fn longest_common(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    let mut previous = vec![0usize; b.len() + 1];
    for x in a {
        let mut row = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                row[j + 1] = previous[j] + 1;
                best = best.max(row[j + 1]);
            }
        }
        previous = row;
    }
    best
}
