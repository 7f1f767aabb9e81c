//! Headline detection: the first real line of the text when it reads as a headline
//! (short, no sentence-final stop, one sentence) and prose follows; or the line that
//! repeats a title known from metadata.

use super::lines::Line;
use super::normalise::norm;
use super::shape::{is_fragment_like, is_prose, starts_lowercase, word_count};
use crate::text::sentence_spans;

/// Only this many lines from the top are compared with a known title.
const KNOWN_TITLE_WINDOW: usize = 6;

/// The line found to be the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitleMatch {
    /// Index into the lines given to [`find_title`].
    pub index: usize,
}

/// Finds the headline among `lines` (the lines still kept, in order). A line repeating
/// `known` wins; otherwise the first line that is not a fragment, when it is title-like.
pub(crate) fn find_title(
    lines: &[&Line],
    known: Option<&str>,
    max_chars: usize,
) -> Option<TitleMatch> {
    if let Some(known) = known {
        let known = norm(known);
        let found = lines
            .iter()
            .take(KNOWN_TITLE_WINDOW)
            .position(|l| same_normed_title(&l.normed, &known));
        if let Some(index) = found {
            return Some(TitleMatch { index });
        }
    }
    let index = lines.iter().position(|l| !is_fragment_like(&l.text))?;
    let line = lines[index];
    let continued = lines
        .get(index + 1)
        .is_some_and(|next| !next.blank_before && starts_lowercase(&next.text));
    let prose_follows = lines[index + 1..].iter().any(|l| is_prose(&l.text));
    (is_title_like(&line.text, max_chars) && !continued && prose_follows)
        .then_some(TitleMatch { index })
}

/// A headline's shape: at most `max_chars`, two words or more, not starting in lower
/// case, one sentence, and not ending with `.`, `,`, `;`, `:`, `…` or a hyphen.
pub(crate) fn is_title_like(text: &str, max_chars: usize) -> bool {
    let chars = text.chars().count();
    let bad_end = text
        .trim_end_matches(['»', '”', '"', '’', '\'', ')'])
        .ends_with(['.', ',', ';', ':', '…', '-', '–', '¬']);
    // "In England and other parts of": a wrapped line, not a headline.
    let last_word = text.split_whitespace().next_back().unwrap_or("");
    let dangling = last_word.chars().count() <= 3 && last_word.chars().all(char::is_lowercase);
    chars <= max_chars
        && chars >= 10
        && !dangling
        && word_count(text) >= 2
        && !starts_lowercase(text)
        && !bad_end
        && sentence_spans(text).len() == 1
}

/// Whether two titles name the same headline: equal once normalised, or one is the
/// other's start with at least three words ("Foo bar baz" and "Foo bar baz | Site").
pub(crate) fn same_title(a: &str, b: &str) -> bool {
    same_normed_title(&norm(a), &norm(b))
}

/// [`same_title`] of two titles already normalised by `norm`.
fn same_normed_title(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long
        || (long.starts_with(short)
            && long[short.len()..].starts_with(' ')
            && short.split(' ').count() >= 3)
}
