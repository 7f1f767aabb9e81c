//! How folded phrases of the language files become regex pieces: one phrase with its
//! word edges, a prefix with its separator, a longest-first alternation, the counted
//! phrases ("il y a N jours"), and the compilation that names the file at fault.

use regex::Regex;

use crate::error::{Error, Result};
use crate::stages::dates::vocab::Vocab;

/// One folded phrase as a regex: escaped, inner spaces as `\s+`, `\b` at word-char edges.
pub(super) fn term(phrase: &str) -> String {
    let body = phrase
        .split(' ')
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    let lead = if phrase.starts_with(char::is_alphanumeric) {
        r"\b"
    } else {
        ""
    };
    let tail = if phrase.ends_with(char::is_alphanumeric) {
        r"\b"
    } else {
        ""
    };
    format!("{lead}{body}{tail}")
}

/// A prefix phrase ("le", "l'", "mi-") followed by its separator: `\s+` unless it ends in
/// an apostrophe or a hyphen.
pub(super) fn prefix_term(phrase: &str) -> String {
    if phrase.ends_with(['\'', '-']) {
        term(phrase)
    } else {
        format!(r"{}\s+", term(phrase))
    }
}

/// Longest-first alternation of `items` mapped through `f`; `None` when empty.
pub(super) fn alt(items: &[String], f: fn(&str) -> String) -> Option<String> {
    let mut items: Vec<&String> = items.iter().filter(|s| !s.is_empty()).collect();
    if items.is_empty() {
        return None;
    }
    items.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    items.dedup();
    Some(format!(
        "(?:{})",
        items.iter().map(|s| f(s)).collect::<Vec<_>>().join("|")
    ))
}

/// A literal as a regex.
pub(super) fn plain(s: &str) -> String {
    regex::escape(s)
}

/// Compiles `pattern` with ASCII word boundaries: folded text is ASCII for the words
/// that matter, and Unicode boundaries would keep the fast DFA engines from running on
/// text holding any other char (quotes, dashes).
pub(super) fn compile(lang: &str, what: &str, pattern: String) -> Result<Regex> {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).map_err(|e| Error::Data {
        path: format!("lang/{lang}/date_*.txt"),
        message: format!("{what} pattern does not compile: {e}"),
    })
}

/// One alternation of every counted phrase of `vocab`, longest first, `N` as group
/// `c{i}` (digits or a listed number word); `None` when there are none.
pub(super) fn counted_re(vocab: &Vocab) -> Option<String> {
    let mut words: Vec<String> = vocab.numbers.keys().cloned().collect();
    words.sort();
    let number = match alt(&words, term) {
        Some(w) => format!(r"(?:\d{{1,3}}|{w})"),
        None => r"\d{1,3}".to_string(),
    };
    let mut order: Vec<usize> = (0..vocab.counts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(vocab.counts[i].phrase.len()));
    let branches: Vec<String> = order
        .into_iter()
        .map(|i| {
            vocab.counts[i]
                .phrase
                .split(' ')
                .map(|w| {
                    if w == "n" {
                        format!(r"\b(?P<c{i}>{number})\b")
                    } else {
                        term(w)
                    }
                })
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    (!branches.is_empty()).then(|| format!("(?:{})", branches.join("|")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_respect_word_edges() {
        assert_eq!(term("le mois dernier"), r"\ble\s+mois\s+dernier\b");
        assert_eq!(prefix_term("l'"), r"\bl'");
        assert_eq!(prefix_term("le"), r"\ble\b\s+");
        assert_eq!(prefix_term("mi-"), r"\bmi\-");
        let re = Regex::new(&alt(&["hier".into(), "avant-hier".into()], term).unwrap()).unwrap();
        assert_eq!(
            re.find("c'etait avant-hier").map(|m| m.as_str()),
            Some("avant-hier")
        );
        assert!(re.find("hierarchie").is_none());
    }
}
