//! Words of a body as the stage reads them: folded, all of them or only the first or last
//! few (without folding the rest), the one right before a position, and whether a position
//! opens a sentence.

use crate::text::{fold_str, word_spans};

/// [`fold_str`], without the per-char table for plain ASCII text (every ASCII char but
/// the backtick folds to its lower case).
pub(crate) fn fold_plain(text: &str) -> String {
    if text.is_ascii() && !text.contains('`') {
        text.to_ascii_lowercase()
    } else {
        fold_str(text)
    }
}

/// Folded words of a text.
pub(crate) fn words(text: &str) -> Vec<String> {
    let folded = fold_plain(text);
    word_spans(&folded)
        .into_iter()
        .map(|(s, e)| folded[s..e].to_string())
        .collect()
}

/// The last words of `text` as [`words`] gives them: at least the last `n` (all when
/// there are fewer), without folding the rest of the text.
pub(crate) fn last_words(text: &str, n: usize) -> Vec<String> {
    words(&text[tail_start(text, n)..])
}

/// The first words of `text` as [`words`] gives them: at least the first `n` (all when
/// there are fewer), without folding the rest of the text.
pub(crate) fn first_words(text: &str, n: usize) -> Vec<String> {
    words(&text[..head_end(text, n)])
}

// The cuts below fall on ASCII white space: it folds to itself and ends any word, so the
// words on either side are exactly the whole text's. Every white-space separated chunk
// holding a letter or digit yields at least one word.

/// Start of the shortest suffix of `text` cut after white space that holds `n` chunks
/// with a letter or digit (0 when there is none).
fn tail_start(text: &str, n: usize) -> usize {
    let (mut chunks, mut alnum) = (0, false);
    for (i, c) in text.char_indices().rev() {
        if c.is_ascii_whitespace() {
            if alnum {
                chunks += 1;
                alnum = false;
                if chunks >= n.max(1) {
                    return i + 1;
                }
            }
        } else if c.is_alphanumeric() {
            alnum = true;
        }
    }
    0
}

/// End of the shortest prefix of `text` cut before white space that holds `n` chunks with
/// a letter or digit (`text.len()` when there is none).
fn head_end(text: &str, n: usize) -> usize {
    let (mut chunks, mut alnum) = (0, false);
    for (i, c) in text.char_indices() {
        if c.is_ascii_whitespace() {
            if alnum {
                chunks += 1;
                alnum = false;
                if chunks >= n.max(1) {
                    return i;
                }
            }
        } else if c.is_alphanumeric() {
            alnum = true;
        }
    }
    text.len()
}

/// The folded word right before `pos`, an elided article included ("dell'" before
/// "dell'Alitalia", "della" before "della Innocenti"); empty at the start of a line.
pub(crate) fn word_before(text: &str, pos: usize) -> String {
    let before = text[..pos].trim_end_matches([' ', '\u{a0}', '\t']);
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    crate::text::fold_str(&before[start..])
}

/// True when only punctuation, quotes, dashes or spaces stand between the start of the
/// sentence (or of the line) holding `pos` and `pos`, or when `pos` opens a quotation or
/// follows a colon.
pub(crate) fn opens_sentence(text: &str, sentences: &[(usize, usize)], pos: usize) -> bool {
    let k = sentences.partition_point(|&(_, e)| e <= pos);
    let from = sentences.get(k).map_or(0, |&(s, _)| s.min(pos));
    let from = text[..pos].rfind('\n').map_or(from, |n| from.max(n + 1));
    let before = text[from..pos].trim_end();
    before.chars().all(|ch| !ch.is_alphanumeric())
        || before.ends_with(['"', '«', '“', '‘', ':', '(', '—', '–'])
}
