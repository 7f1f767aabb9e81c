//! The shape tests every line rule uses: does a line end a sentence, start in lower case,
//! read as prose or as a mere fragment; its words and letters counted.

/// True when `s` ends like a sentence: `.`, `!`, `?` or `…`, possibly followed by
/// closing quotes or brackets, or with a closing quotation mark.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches([')', ']', '\'', '’', ' ']);
    matches!(
        t.chars().next_back(),
        Some('.' | '!' | '?' | '…' | '»' | '”' | '"' | '“')
    )
}

/// True when the first letter-or-digit of `s` is a lower-case letter (a wrapped line's
/// continuation).
pub(crate) fn starts_lowercase(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// Number of whitespace-separated tokens holding a letter or a digit.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether `s` has at least `n` words in the sense of [`word_count`] (stops counting there).
pub(crate) fn has_words(s: &str, n: usize) -> bool {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(n)
        .count()
        >= n
}

/// Number of letters in `s`.
pub(crate) fn letter_count(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// A line too short to be prose: no letter at all, or at most 2 words and 20 chars
/// without sentence punctuation ("ad", "TV", "Menu"). Three-word lines may be headlines.
pub(crate) fn is_fragment_like(s: &str) -> bool {
    // 20 chars take at most 80 bytes: longer lines skip the counts.
    !s.chars().any(char::is_alphabetic)
        || (s.len() <= 80 && s.chars().count() <= 20 && !has_words(s, 3) && !ends_sentence(s))
}

/// A line that reads as article prose: six words or more, ending a sentence or long.
pub(crate) fn is_prose(s: &str) -> bool {
    has_words(s, 6) && (ends_sentence(s) || s.chars().count() >= 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_sentence_ends_and_fragments() {
        assert!(ends_sentence("Il a dit « oui ». "));
        assert!(ends_sentence("(Il est parti.)"));
        assert!(!ends_sentence("le général Bagheri (à droite),"));
        assert!(!ends_sentence("(AFP photo)"));
        assert!(is_fragment_like("ad"));
        assert!(is_fragment_like("* * *"));
        assert!(!is_fragment_like(
            "Le Kremlin appelle à la désescalade entre Téhéran et Israël"
        ));
        assert!(starts_lowercase("« rencontre le secrétaire"));
        assert!(!starts_lowercase("Rencontre"));
    }
}
