//! Folded words of a text, and its first or last few words without folding the rest.

use crate::text::{fold_str, word_spans};

/// [`fold_str`], without the per-char table for plain ASCII text (every ASCII char but
/// the backtick folds to its lower case).
pub fn fold_plain(text: &str) -> String {
    if text.is_ascii() && !text.contains('`') {
        text.to_ascii_lowercase()
    } else {
        fold_str(text)
    }
}

/// Folded words of a text.
pub fn words(text: &str) -> Vec<String> {
    let folded = fold_plain(text);
    word_spans(&folded)
        .into_iter()
        .map(|(s, e)| folded[s..e].to_string())
        .collect()
}

/// The last words of `text` as [`words`] gives them: at least the last `n` (all when
/// there are fewer), without folding the rest of the text.
pub fn last_words(text: &str, n: usize) -> Vec<String> {
    words(&text[tail_start(text, n)..])
}

/// The first words of `text` as [`words`] gives them: at least the first `n` (all when
/// there are fewer), without folding the rest of the text.
pub fn first_words(text: &str, n: usize) -> Vec<String> {
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
