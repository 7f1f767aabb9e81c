//! What a quoted span is: a full quotation, a partial one, or a name/title in quotes
//! (not a quotation at all).

use crate::model::QuoteKind;
use crate::text::word_spans;

use super::pairing::MarkPair;

/// Full when the quoted words start upper-case and either end with sentence
/// punctuation, are followed by the attribution comma, follow a colon or a sentence end,
/// or open their paragraph; partial otherwise.
pub fn kind_of(body: &str, pair: &MarkPair) -> QuoteKind {
    let text = &body[pair.start..pair.end];
    let upper = text
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    if !upper {
        return QuoteKind::Partial;
    }
    let ends_sentence = text
        .trim_end_matches(|c: char| {
            matches!(c, '»' | '”' | '“' | '"' | '’' | ')' | '›') || c.is_whitespace()
        })
        .ends_with(['.', '!', '?', '…']);
    let after = body[pair.close_end..].trim_start().chars().next();
    let before = body[..pair.open].trim_end().chars().next_back();
    let full = ends_sentence
        || after == Some(',')
        || matches!(
            before,
            None | Some(':' | '.' | '!' | '?' | '\n' | '—' | '–')
        )
        || body[..pair.open].ends_with('\n');
    if full {
        QuoteKind::Full
    } else {
        QuoteKind::Partial
    }
}

/// Number of word tokens in `text`.
pub fn word_count(text: &str) -> usize {
    word_spans(text).len()
}

/// True for a name, title or label in quotes: no sentence punctuation, first and last word
/// capitalised, every word capitalised or a short particle (de, la, of, di, von…), and at
/// most `max_words` capitalised words. `max_words == 0` disables the test. A title of two
/// words or more may end with the comma or full stop that English typesetting puts inside
/// the closing mark (“The Salt Road,” a drama) when its last word is capitalised too; a
/// lone capitalised word (“Yes.”) or a short reply (“Not now,”) stays a quotation.
pub fn is_name_like(text: &str, max_words: usize) -> bool {
    let trimmed = text.trim_end();
    let text = match trimmed.strip_suffix([',', '.']) {
        Some(t) => {
            let words = word_spans(t);
            match words.last() {
                Some(&(s, e)) if words.len() >= 2 && capitalised(&t[s..e]) => t,
                _ => text,
            }
        }
        None => text,
    };
    if max_words == 0 || text.contains(['.', '!', '?', ',', ';', ':', '…']) {
        return false;
    }
    let words: Vec<&str> = word_spans(text)
        .into_iter()
        .map(|(s, e)| &text[s..e])
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    if !capitalised(first) {
        return false;
    }
    // A name ends on a capitalised word ("Axe de la Résistance"); "Freeze it now" is a
    // short utterance.
    if words.last().is_some_and(|w| !capitalised(w)) {
        return false;
    }
    let mut caps = 0;
    for w in &words {
        if capitalised(w) {
            caps += 1;
        } else if w.chars().count() > 3 {
            return false;
        }
    }
    caps <= max_words
}

/// Starts (or has a hyphen-joined part starting) with an upper-case letter or a digit,
/// after an elided article (d’, l’, dell').
fn capitalised(word: &str) -> bool {
    let core = match word.find(['\'', '’']) {
        Some(i) if word[..i].chars().count() <= 4 && word[..i].chars().all(char::is_lowercase) => {
            &word[i + word[i..].chars().next().map_or(1, char::len_utf8)..]
        }
        _ => word,
    };
    core.split('-').any(|part| {
        part.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_titles_are_recognised() {
        assert!(is_name_like("Axe de la Résistance", 3));
        assert!(is_name_like("New York Times", 3));
        assert!(is_name_like("Tempête d’al-Aqsa", 3));
        assert!(!is_name_like("moments difficiles", 3));
        assert!(!is_name_like("Nous sommes prêts.", 3));
        assert!(!is_name_like("Die Zeit der Diplomatie ist vorbei", 3));
        assert!(!is_name_like("Axe de la Résistance", 0));
        assert!(!is_name_like("Partido Popular Europeo Unido", 3));
        assert!(is_name_like("The Salt Road,", 3));
        assert!(is_name_like("National Priorities List.", 3));
        assert!(!is_name_like("Yes.", 3));
        assert!(!is_name_like("Never, Ever.", 3));
        assert!(!is_name_like("Not now,", 3));
        assert!(!is_name_like("Freeze it now", 3));
    }
}
