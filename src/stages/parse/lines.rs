//! Splitting raw text into whitespace-normalised lines, and the shape tests every rule
//! uses: does a line end a sentence, is it prose, is it a mere fragment.

use super::cues::norm;

/// Private-use char the HTML extractor puts before `<figcaption>` text: such a line is a
/// caption whatever it says.
pub(crate) const CAPTION_MARK: char = '\u{E000}';

/// One non-empty line of the raw text.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Trimmed, with every whitespace run collapsed to one space.
    pub text: String,
    /// `norm(text)`: folded, punctuation-free, for phrase matching.
    pub normed: String,
    /// An empty line separated it from the previous non-empty one.
    pub blank_before: bool,
    /// The HTML extractor marked it as a `<figcaption>`.
    pub figcaption: bool,
}

/// Trims `s` and collapses every run of whitespace (NBSP, thin spaces, tabs included)
/// to one space; zero-width chars, soft hyphens and BOMs are dropped.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // A whitespace run seen since the last visible char: one space before the next one.
    let mut space = false;
    for c in s.chars() {
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

/// The non-empty lines of `raw`, normalised. `\r\n`, `\r`, U+2028 and U+2029 count as
/// line breaks.
pub(crate) fn split_lines(raw: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut blank = false;
    let unified = if raw.contains('\r') {
        std::borrow::Cow::Owned(raw.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(raw)
    };
    for piece in unified.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        let mut text = collapse_whitespace(piece);
        let figcaption = text.starts_with(CAPTION_MARK);
        if figcaption || text.contains(CAPTION_MARK) {
            text = collapse_whitespace(&text.replace(CAPTION_MARK, " "));
        }
        if text.is_empty() {
            blank = true;
            continue;
        }
        let normed = norm(&text);
        lines.push(Line {
            text,
            normed,
            blank_before: blank && !lines.is_empty(),
            figcaption,
        });
        blank = false;
    }
    lines
}

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
    fn invisible_only_words_leave_no_extra_space() {
        assert_eq!(
            collapse_whitespace("  a \u{200B}\u{00AD} b\u{FEFF} "),
            "a b"
        );
        assert_eq!(collapse_whitespace("\u{200B} \u{2060}"), "");
    }

    #[test]
    fn splits_and_normalises_lines() {
        let lines =
            split_lines("  Titre\u{00A0} du  jour \r\n\r\n\tCorps\u{200B} du texte.\nSuite\n");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Titre du jour", "Corps du texte.", "Suite"]);
        assert!(!lines[0].blank_before);
        assert!(lines[1].blank_before);
        assert!(!lines[2].blank_before);
    }

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
