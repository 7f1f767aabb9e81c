//! Where an organisation's name ends in languages that put adjectives after the noun: a
//! name opened by an organisation head word runs on over the lower-case adjectives right
//! after it ("Corte penale internazionale", "Ministero della Sanità sudafricano",
//! "Conseil constitutionnel"), recognised by their endings (entity_org_adjective_endings)
//! or as demonyms of known places.

use std::collections::HashSet;

use super::evidence::is_folded_demonym;
use crate::model::EntityType;
use crate::stages::entities::draft::Draft;
use crate::stages::entities::lists::context_lists::LangLists;
use crate::text::fold_str;

/// Adjectives at most taken after a name.
const MAX_ADJECTIVES: usize = 2;

/// True when the folded word ends like an adjective of the language, or is a known
/// place plus a short suffix ("sudafricano").
fn is_adjective(word: &str, lists: &LangLists, place_words: &HashSet<String>) -> bool {
    lists
        .org_adjective_endings
        .iter()
        .any(|e| word.len() > e.len() + 2 && word.ends_with(e.as_str()))
        || is_folded_demonym(place_words, word)
}

/// Byte offset of the end of the lower-case adjectives right after `end` (`end` when
/// there is none).
fn adjectives_end(
    text: &str,
    end: usize,
    lists: &LangLists,
    place_words: &HashSet<String>,
) -> usize {
    let mut out = end;
    for _ in 0..MAX_ADJECTIVES {
        let rest = &text[out..];
        let word_start = rest.len() - rest.trim_start_matches(' ').len();
        if word_start != 1 {
            break;
        }
        let word_len = rest[1..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len() - 1);
        let word = &rest[1..1 + word_len];
        let next = rest[1 + word_len..].chars().next();
        if word.is_empty()
            || !word.chars().all(char::is_lowercase)
            || next.is_some_and(|c| c == '\'' || c == '’' || c == '-')
            || !is_adjective(&fold_str(word), lists, place_words)
        {
            break;
        }
        out += 1 + word_len;
    }
    out
}

/// Extends every organisation found by pattern whose first word is a head word of the
/// language over the adjectives after it (see the module doc).
/// Returns the indices of the drafts it extended: their id must follow the new name.
pub(crate) fn extend_over_adjectives(
    text: &str,
    lists: &LangLists,
    place_words: &HashSet<String>,
    drafts: &mut [Draft],
) -> Vec<usize> {
    let mut changed = Vec::new();
    if lists.org_adjective_endings.is_empty() {
        return changed;
    }
    let starts: Vec<usize> = drafts.iter().map(|d| d.start).collect();
    for (i, d) in drafts.iter_mut().enumerate() {
        if d.method != "pattern" || d.entity_type != EntityType::Org {
            continue;
        }
        let written = &text[d.start..d.end];
        let first = written.split_whitespace().next().unwrap_or("");
        if !first.starts_with(char::is_uppercase) || !lists.org_heads.contains(&fold_str(first)) {
            continue;
        }
        let end = adjectives_end(text, d.end, lists, place_words);
        if end > d.end && !starts.iter().any(|&s| s >= d.end && s < end) {
            d.end = end;
            changed.push(i);
        }
    }
    changed
}

/// Score of an organisation named by a head word and a known place ("Team New Zealand").
const SCORE_HEAD_AND_PLACE: f32 = 0.65;

/// Capitalised words at most taken before the head word ("Veterans" in "Veterans Affairs
/// Canada"): a title-case headline would otherwise run the name back over a sentence.
const MAX_WORDS_BEFORE_HEAD: usize = 1;

/// Makes every known place written right after a capitalised organisation head word of
/// any language an organisation with it and the capitalised words before the head ("Team
/// New Zealand", "Regione Basilicata", "Veterans Affairs Canada"): the place names the
/// organisation, it is not mentioned as a place. Only in languages that capitalise names
/// alone (`guess_multi` set: German capitalises every noun). The words before the head
/// stop at [`MAX_WORDS_BEFORE_HEAD`], a stopword or common noun, or another name. Returns
/// the indices of the drafts it changed: their id must follow the new name.
pub(crate) fn head_before_place(
    text: &str,
    lists: &LangLists,
    all_lists: &LangLists,
    drafts: &mut [Draft],
) -> Vec<usize> {
    let mut changed = Vec::new();
    if lists.guess_multi.is_none() {
        return changed;
    }
    let ends: Vec<usize> = drafts.iter().map(|d| d.end).collect();
    // The capitalised word that ends right before `pos` after one space.
    let word_before = |pos: usize| {
        let before = text[..pos].strip_suffix(' ')?;
        let start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[start..];
        word.starts_with(char::is_uppercase)
            .then_some((start, word))
    };
    for (i, d) in drafts.iter_mut().enumerate() {
        if d.entity_type != EntityType::Loc {
            continue;
        }
        let Some((mut start, head)) = word_before(d.start) else {
            continue;
        };
        if !all_lists.org_heads.contains(&fold_str(head)) {
            continue;
        }
        for _ in 0..MAX_WORDS_BEFORE_HEAD {
            let Some((s, w)) = word_before(start) else {
                break;
            };
            let folded = fold_str(w);
            let named = ends.contains(&start.saturating_sub(1));
            if named || lists.stopwords.contains(&folded) || lists.common_nouns.contains(&folded) {
                break;
            }
            start = s;
        }
        d.start = start;
        d.entity_type = EntityType::Org;
        d.method = "pattern";
        d.score = SCORE_HEAD_AND_PLACE;
        changed.push(i);
    }
    changed
}
