//! Attributes of one raw HTML start tag, for the regex-level readers (page metadata and
//! the fallback stripper) that look at `<meta>`, `<link>` and `<time>` tags.

use super::attr_limit::MAX_ATTRIBUTES;

/// Reads `name="value"`, `name='value'` and `name=value` pairs from a start tag.
///
/// A hand-written scanner with exactly the matches of the regex
/// `(?is)([a-z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))` read left to right (the
/// unit test compares both on generated tags); the regex's capture engine was 4 % of all
/// instructions on HTML pages.
#[derive(Debug, Default)]
pub(crate) struct TagAttrs;

impl TagAttrs {
    /// The reader (stateless; kept as a value for its callers' structure).
    pub(crate) fn new() -> Self {
        TagAttrs
    }

    /// The attributes of `tag`, names lower-cased, values as written, in order: the
    /// first [`MAX_ATTRIBUTES`] of them (a hostile tag of a million costs no more).
    pub(crate) fn of(&self, tag: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while out.len() < MAX_ATTRIBUTES {
            let Some(offset) = tag[pos..].find(is_name_char) else {
                break;
            };
            let start = pos + offset;
            let name_end = tag[start..]
                .find(|c| !is_name_char(c))
                .map_or(tag.len(), |n| start + n);
            // A failed run fails from every later start inside it too (same tail).
            pos = name_end;
            if let Some((value, end)) = value_after(tag, name_end) {
                out.push((tag[start..name_end].to_ascii_lowercase(), value.to_string()));
                pos = end;
            }
        }
        out
    }
}

/// `[a-z_:.-]` under `(?i)`: ASCII letters, `_:.-`, and the two non-ASCII chars whose
/// simple case folding is an ASCII letter (long s, Kelvin sign).
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '_' | ':' | '.' | '-' | '\u{17F}' | '\u{212A}')
}

/// After a name ending at `i`: `\s*=\s*` and a quoted or bare value; the value and the
/// byte offset just past the match.
fn value_after(tag: &str, i: usize) -> Option<(&str, usize)> {
    let v = tag[i..].trim_start().strip_prefix('=')?.trim_start();
    let start = tag.len() - v.len();
    if let Some(quote @ ('"' | '\'')) = v.chars().next() {
        let inner = &v[1..];
        let close = inner.find(quote)?;
        return Some((&inner[..close], start + 1 + close + 1));
    }
    let len = v
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '>'))
        .unwrap_or(v.len());
    (len > 0).then(|| (&v[..len], start + len))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn reads_quoted_and_bare_values() {
        let attrs = TagAttrs::new().of(r#"<meta PROPERTY="og:title" content='L’été' data-x=1>"#);
        assert_eq!(
            attrs,
            [
                ("property".to_string(), "og:title".to_string()),
                ("content".to_string(), "L’été".to_string()),
                ("data-x".to_string(), "1".to_string())
            ]
        );
    }

    /// The attribute regex the scanner replaces, read as it was.
    fn by_regex(re: &Regex, tag: &str) -> Vec<(String, String)> {
        re.captures_iter(tag)
            .map(|c| {
                let value = c
                    .get(2)
                    .or(c.get(3))
                    .or(c.get(4))
                    .map_or("", |m| m.as_str());
                (c[1].to_ascii_lowercase(), value.to_string())
            })
            .collect()
    }

    #[test]
    fn scanner_matches_the_regex_on_generated_tags() {
        let re = Regex::new(r#"(?is)([a-z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
            .expect("valid attribute pattern");
        let pieces = [
            "a", "Z", "k", "-", "_", ":", ".", "=", " = ", "\"", "'", ">", " ", "\t", "\n",
            "\u{a0}", "é", "\u{17F}", "\u{212A}", "1", "/", "<meta", "content", "x=\"v\"", "y='w'",
            "z=bare", "\u{3000}", "«",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = (next() % 14) as usize;
            let tag: String = (0..len)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            assert_eq!(TagAttrs::new().of(&tag), by_regex(&re, &tag), "{tag:?}");
        }
        for tag in [
            r#"<time datetime="2024-01-02T10:00" class=pub-date>"#,
            r#"<meta name = "date" content = 2020-05-06 / >"#,
            r#"<meta content="unterminated name=x>"#,
            "<meta itemprop='datePublished' content=\"2019\">",
        ] {
            assert_eq!(TagAttrs::new().of(tag), by_regex(&re, tag), "{tag:?}");
        }
    }

    #[test]
    fn reads_the_first_attributes_of_a_hostile_tag() {
        let tag: String = (0..10 * MAX_ATTRIBUTES)
            .map(|i| format!(" data-x=\"{i}\""))
            .collect();
        let attrs = TagAttrs::new().of(&format!("<meta{tag}>"));
        assert_eq!(attrs.len(), MAX_ATTRIBUTES);
        let last = ("data-x".to_string(), (MAX_ATTRIBUTES - 1).to_string());
        assert_eq!(attrs.last(), Some(&last));
    }
}
