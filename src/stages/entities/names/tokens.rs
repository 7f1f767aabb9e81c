//! Word tokens of a body as the name finder sees them: elided articles stripped
//! ("d’Ahmadian" → "Ahmadian"), capitalisation and initials flagged.

use crate::stages::entities::words::fold_plain;
use crate::text::word_spans;

/// One word of the body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    /// Byte offset of the word (after any elided article).
    pub(crate) start: usize,
    /// Byte offset one past the word.
    pub(crate) end: usize,
    /// Folded form.
    pub(crate) folded: String,
    /// Starts like a name: an upper-case letter (or `al-`/`el-`… then one), holds a
    /// lower-case letter unless it is a one-letter initial, and holds no digit.
    pub(crate) cap: bool,
    /// A one-letter initial followed by a dot ("W.").
    pub(super) initial: bool,
    /// An elided article was stripped from its front.
    pub(super) elided: bool,
}

/// Length of an elided article at the front of `word` ("l’", "dell'", "qu’"): up to five
/// lower-case letters and an apostrophe, followed by an upper-case letter.
fn elision_len(word: &str) -> usize {
    let Some(pos) = word.find(['\'', '’']) else {
        return 0;
    };
    let prefix = &word[..pos];
    let apostrophe = word[pos..].chars().next().map_or(1, char::len_utf8);
    let rest = &word[pos + apostrophe..];
    let short = (1..=5).contains(&prefix.chars().count());
    if short
        && prefix.chars().all(char::is_lowercase)
        && rest.chars().next().is_some_and(char::is_uppercase)
    {
        pos + apostrophe
    } else {
        0
    }
}

/// True when the word looks like part of a name.
fn looks_capitalised(word: &str) -> bool {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // Arabic article prefixes: al-Din, el-Assad, ad-Din.
    let body = match word.split_once('-') {
        Some((pre, rest)) if pre.len() <= 3 && pre.chars().all(char::is_lowercase) => rest,
        _ => word,
    };
    let mut chars = body.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // Shouted words ("LEAVE A REPLY") are not names; short acronyms are left to the KB.
    body.chars().count() == 1 || body.chars().any(char::is_lowercase)
}

/// The tokens of `text`, in order.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    word_spans(text)
        .into_iter()
        .map(|(s, mut e)| {
            // Possessive: "Bigelow's" → "Bigelow".
            for suffix in ["'s", "’s"] {
                if text[s..e]
                    .strip_suffix(suffix)
                    .is_some_and(|w| w.chars().count() > 1)
                {
                    e -= suffix.len();
                }
            }
            let cut = elision_len(&text[s..e]);
            let start = s + cut;
            let word = &text[start..e];
            let initial = word.chars().count() == 1
                && word.chars().all(char::is_uppercase)
                && text[e..].starts_with('.');
            Token {
                start,
                end: e,
                folded: fold_plain(word),
                cap: looks_capitalised(word),
                initial,
                elided: cut > 0,
            }
        })
        .collect()
}

/// True when tokens `a` then `b` are adjacent inside one phrase: only spaces between
/// them (no line break, no punctuation), or ". " after an initial.
pub(super) fn joined(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.end..b.start];
    let gap = if a.initial {
        gap.strip_prefix('.').unwrap_or(gap)
    } else {
        gap
    };
    !gap.is_empty()
        && gap.len() <= 3
        && gap
            .chars()
            .all(|c| c == ' ' || c == '\u{a0}' || c == '\u{202f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_elision_and_flags_capitals() {
        let t = "rencontrer d’Ahmadian, dell'Iran et George W. Bush’s (S-300) LEAVE Izz al-Din";
        let toks = tokenize(t);
        let words: Vec<&str> = toks.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            words,
            [
                "rencontrer",
                "Ahmadian",
                "Iran",
                "et",
                "George",
                "W",
                "Bush",
                "S-300",
                "LEAVE",
                "Izz",
                "al-Din"
            ]
        );
        let caps: Vec<bool> = toks.iter().map(|k| k.cap).collect();
        assert_eq!(
            caps,
            [false, true, true, false, true, true, true, false, false, true, true]
        );
        assert!(toks[1].elided && toks[5].initial);
        for w in ["Bush", "S-300", "a`b", "Choïgou", "l’Iran"] {
            assert_eq!(fold_plain(w), crate::text::fold_str(w), "{w}");
        }
        assert!(joined(t, &toks[4], &toks[5]) && joined(t, &toks[5], &toks[6]));
        assert!(!joined(t, &toks[1], &toks[2]));
    }
}
