//! Splitting raw text into whitespace-normalised lines, each with its matching key and
//! the marks the HTML extractor left (a blank line before it, a figure caption).

use super::normalise::{collapse_whitespace, norm};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
