//! What the words around an unconfirmed name say about it (see [`super::guess`]): the
//! article right before it, a typed name it is coordinated with, the same word written in
//! lower case elsewhere in the document.

use std::collections::HashSet;

use super::guess::{SCORE_HINTED, SCORE_UNCONFIRMED};
use super::names::Candidate;
use super::tokens::Token;
use super::Draft;

/// Gives each guess typed by default the type of a mention it is coordinated with
/// ("Kasparov e Short", "Marilungo, Fabbrini"): the two are separated only by a comma or a
/// conjunction of the language, and the other one is typed by its context (`fixed`, or a
/// guess already retyped). Retyped guesses score [`SCORE_HINTED`]. A guess right after a
/// function word (`stopwords`: "de", "of") and a comma before a name is the complement
/// of an apposition, not a list item ("el consejero de Agricultura, Manuel Ortega").
pub(super) fn coordinate(
    text: &str,
    conjunctions: &HashSet<String>,
    stopwords: &HashSet<String>,
    fixed: &[Draft],
    guesses: &mut [Draft],
) {
    // Each ASCII byte folds to one byte: a word with more of them is no conjunction.
    let longest = conjunctions.iter().map(String::len).max().unwrap_or(0);
    let could_be_conjunction =
        |word: &str| word.bytes().filter(u8::is_ascii).take(longest + 1).count() <= longest;
    let coordinated = |a: usize, b: usize| {
        let gap = &text[a..b];
        let gap = gap.trim_matches([' ', '\u{a0}']);
        let word = gap
            .strip_prefix(',')
            .unwrap_or(gap)
            .trim_matches([' ', '\u{a0}']);
        // Cheap tests first: most gaps are long stretches of text.
        !gap.is_empty()
            && (word.is_empty() || could_be_conjunction(word))
            && !gap.contains('\n')
            && (word.is_empty() || conjunctions.contains(&crate::text::fold_str(word)))
    };
    let mut order: Vec<usize> = (0..guesses.len()).collect();
    order.sort_by_key(|&i| guesses[i].start);
    for _ in 0..2 {
        for &i in &order {
            if guesses[i].score > SCORE_UNCONFIRMED {
                continue;
            }
            let (start, end) = (guesses[i].start, guesses[i].end);
            let complement = stopwords.contains(&word_before(text, start));
            let list_before = |d_start: usize| {
                !complement || !text[end..d_start].trim_matches([' ', '\u{a0}']).eq(",")
            };
            let typed = fixed
                .iter()
                .filter(|d| d.score > SCORE_UNCONFIRMED)
                .chain(guesses.iter().filter(|d| d.score > SCORE_UNCONFIRMED))
                .find(|d| {
                    (d.end <= start && coordinated(d.end, start))
                        || (d.start >= end && coordinated(end, d.start) && list_before(d.start))
                })
                .map(|d| d.entity_type);
            if let Some(ty) = typed {
                guesses[i].entity_type = ty;
                guesses[i].score = SCORE_HINTED;
            }
        }
    }
}

/// True when every capitalised word of the candidate is also written in lower case in
/// the document ("the Company … the company"): a common noun capitalised, not a name.
pub fn written_lower_case(c: &Candidate, tokens: &[Token], lower: &HashSet<&str>) -> bool {
    let from = tokens.partition_point(|t| t.start < c.start);
    let upto = tokens.partition_point(|t| t.start < c.end);
    let mut caps = tokens[from..upto].iter().filter(|t| t.cap).peekable();
    caps.peek().is_some() && caps.all(|t| lower.contains(t.folded.as_str()))
}

/// The folded word right before `pos`, an elided article included ("dell'" before
/// "dell'Alitalia", "della" before "della Innocenti"); empty at the start of a line.
pub fn word_before(text: &str, pos: usize) -> String {
    let before = text[..pos].trim_end_matches([' ', '\u{a0}', '\t']);
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    crate::text::fold_str(&before[start..])
}
