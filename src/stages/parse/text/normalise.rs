//! The two normal forms of a piece of text: the display form (whitespace collapsed,
//! invisible chars dropped) and the matching key (folded, lower-case, punctuation-free)
//! that every phrase list is looked up with.

use crate::text::fold::plain_ascii;
use crate::text::fold_char;

/// Trims `s` and collapses every run of whitespace (NBSP, thin spaces, tabs included)
/// to one space; zero-width chars, soft hyphens and BOMs are dropped.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // A whitespace run seen since the last visible char: one space before the next one.
    let mut space = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Runs of visible ASCII are copied whole; ASCII whitespace is 9-13 and 32.
        let run = bytes[i..]
            .iter()
            .position(|&b| !b.is_ascii() || matches!(b, b'\t'..=b'\r' | b' '))
            .map_or(bytes.len(), |n| i + n);
        if run > i {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push_str(&s[i..run]);
            i = run;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            space = true;
        } else if !matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        ) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Lowercases, strips accents and turns every run of non-alphanumeric chars into one
/// space: "- Advertisement -" → "advertisement", "Articles Liés" → "articles lies".
pub(crate) fn norm(s: &str) -> String {
    // One pass: each char is folded (ASCII directly) and its folded chars are kept when
    // alphanumeric, any other run becoming one space (none at the ends).
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    };
    let mut folded = String::new();
    for c in s.chars() {
        if let Some(l) = plain_ascii(c) {
            push(l, &mut out);
        } else {
            folded.clear();
            fold_char(c, &mut folded);
            folded.chars().for_each(|f| push(f, &mut out));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_only_words_leave_no_extra_space() {
        assert_eq!(
            collapse_whitespace("  a \u{200B}\u{00AD} b\u{FEFF} "),
            "a b"
        );
        assert_eq!(collapse_whitespace("\u{200B} \u{2060}"), "");
    }

    #[test]
    fn collapses_as_the_char_rules_say() {
        let texts = [
            "  plain\t\tascii \r\n text\x0b\x0cend  ",
            "Titre\u{00A0} du\u{2009}jour\u{3000}–\u{1680}x\u{85}y\u{202F}z",
            "\u{200B}a\u{00AD}b \u{FEFF} c\u{2060}",
            "\x1c\x1f not whitespace \x7f",
            "",
        ];
        for text in texts {
            let mut expected = String::new();
            for word in text.split(char::is_whitespace) {
                let visible: String = word
                    .chars()
                    .filter(|c| {
                        !matches!(
                            c,
                            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
                        )
                    })
                    .collect();
                if !visible.is_empty() {
                    if !expected.is_empty() {
                        expected.push(' ');
                    }
                    expected.push_str(&visible);
                }
            }
            assert_eq!(collapse_whitespace(text), expected, "{text:?}");
        }
    }
}
