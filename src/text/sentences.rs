//! Sentence and word spans, good enough for news prose in Latin-script languages:
//! a sentence ends at a paragraph break, or at `.`, `!`, `?` or `…` followed by
//! whitespace and an upper-case letter, a digit or an opening quote, unless the token
//! before the stop is a known short abbreviation (the `abbreviations` lists of
//! data/lang) or a single initial.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::lexicon::builtin_union;

/// Byte spans `(start, end)` of the sentences of `text`, trimmed, in order.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut para_start = 0;
    for para in text.split('\n') {
        split_paragraph(text, para_start, para_start + para.len(), &mut spans);
        para_start += para.len() + 1;
    }
    spans
}

fn split_paragraph(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let para = &text[start..end];
    let mut sent_start = 0;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Skip closing quotes/brackets right after the stop.
        let mut j = k + 1;
        while j < chars.len() && matches!(chars[j].1, '»' | '”' | '"' | '’' | ')' | '\'') {
            j += 1;
        }
        if j >= chars.len() || !chars[j].1.is_whitespace() {
            continue;
        }
        let mut n = j;
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        let Some(&(next_i, next)) = chars.get(n) else {
            continue;
        };
        if !(next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '«' | '“' | '"' | '„' | '‘'))
        {
            continue;
        }
        if c == '.' && is_abbreviation(&para[sent_start..i]) {
            continue;
        }
        let stop_end = chars.get(j).map_or(para.len(), |x| x.0);
        push_trimmed(text, start + sent_start, start + stop_end, spans);
        sent_start = next_i;
    }
    push_trimmed(text, start + sent_start, end, spans);
}

fn is_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let last = last.trim_start_matches(['(', '«', '“', '"']);
    (last.chars().count() == 1 && last.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(last)
}

/// The `abbreviations` lists of every shipped language (data/lang/*/abbreviations.txt).
static ABBREVIATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| builtin_union("abbreviations").into_iter().collect());

fn push_trimmed(text: &str, s: usize, e: usize, spans: &mut Vec<(usize, usize)>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        spans.push((s + lead, e - trail));
    }
}

/// Index of the sentence (in `spans`) containing byte `pos`; the last sentence starting
/// at or before `pos` when `pos` falls between sentences.
pub fn sentence_of(spans: &[(usize, usize)], pos: usize) -> Option<usize> {
    match spans.partition_point(|&(s, _)| s <= pos) {
        0 => None,
        i => Some(i - 1),
    }
}

/// Byte spans of word tokens: maximal runs of letters, digits, and inner `-`/`'`/`’`.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inner = matches!(c, '-' | '\'' | '’')
            && start.is_some()
            && iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        sentence_spans(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_on_stops_and_paragraphs() {
        let t = "Il est venu. Elle est partie!\nM. Dupont a parlé. « Oui », dit-il.";
        assert_eq!(
            sentences(t),
            [
                "Il est venu.",
                "Elle est partie!",
                "M. Dupont a parlé.",
                "« Oui », dit-il."
            ]
        );
    }

    #[test]
    fn keeps_closing_quote_with_its_sentence() {
        let t = "He said \"no.\" Then he left.";
        assert_eq!(sentences(t), ["He said \"no.\"", "Then he left."]);
    }

    #[test]
    fn finds_sentence_of_offset() {
        let t = "Un. Deux.";
        let spans = sentence_spans(t);
        assert_eq!(sentence_of(&spans, 5), Some(1));
        assert_eq!(sentence_of(&spans, 0), Some(0));
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let t = "l’Iran, a-t-il dit (S-300).";
        let words: Vec<&str> = word_spans(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(words, ["l’Iran", "a-t-il", "dit", "S-300"]);
    }
}
