//! Known names under a case ending that changes their stem, and inflected forms of one
//! unknown name in a document: "Suomen" (Suomi), "Englannin" (Englanti), "Helsingissä"
//! (Helsinki), "Birminghamissa" (Birmingham), "Sombartin" beside "Sombart".
//!
//! The gazetteer already finds a known name with an ending glued to it when the stem is
//! spelled as the alias ("Lontoo|ssa"). Here a one-word name the gazetteer missed loses
//! one of its language's `entity_case_endings`, then each of its language's
//! `entity_stem_changes` (`from>to` at the end of the stem: `e>i`, `nni>nti`, `i>` …) is
//! tried, and the first form whose skeleton (see [`super::identity`]) is a one-word alias
//! of the knowledge base names that entry. Within one document, a one-word name whose
//! stripped forms are another name of the document takes that name's id.

use std::collections::HashMap;

use super::identity;
use crate::stages::entities::draft::Draft;
use crate::stages::entities::lists::context_lists::LangLists;
use crate::text::fold_str;

/// Shortest stem (in chars) left once an ending is stripped.
const MIN_STEM_CHARS: usize = 4;

/// The forms a folded one-word name may have before its case ending and stem change,
/// longest ending first (the word itself is not among them).
pub(super) fn stems(folded: &str, lists: &LangLists) -> Vec<String> {
    if lists.case_endings.is_empty() || folded.contains(char::is_whitespace) {
        return Vec::new();
    }
    let mut endings: Vec<&String> = lists
        .case_endings
        .iter()
        .filter(|e| folded.len() > e.len() && folded.ends_with(e.as_str()))
        .collect();
    endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
    let mut out = Vec::new();
    for ending in endings {
        let stem = &folded[..folded.len() - ending.len()];
        if stem.chars().count() < MIN_STEM_CHARS {
            continue;
        }
        out.push(stem.to_string());
        for (from, to) in &lists.stem_changes {
            if let Some(root) = stem.strip_suffix(from.as_str()) {
                let changed = format!("{root}{to}");
                if changed.chars().count() >= MIN_STEM_CHARS {
                    out.push(changed);
                }
            }
        }
    }
    out
}

/// One-word knowledge-base aliases by skeleton (entry index), for inflected lookups.
#[derive(Debug, Default)]
pub(super) struct WordIndex {
    by_skeleton: HashMap<String, usize>,
}

impl WordIndex {
    /// Indexes the one-word aliases of at least [`MIN_STEM_CHARS`] chars; the first entry
    /// of a skeleton wins.
    pub(super) fn new<'a>(aliases: impl Iterator<Item = (usize, &'a str)>) -> Self {
        let mut by_skeleton = HashMap::new();
        for (entry, alias) in aliases {
            if alias.contains(char::is_whitespace) || alias.chars().count() < MIN_STEM_CHARS {
                continue;
            }
            let key = identity::skeleton(alias);
            if !key.is_empty() {
                by_skeleton.entry(key).or_insert(entry);
            }
        }
        WordIndex { by_skeleton }
    }

    /// The entry an inflected one-word name stands for, if any of its stems is an alias.
    pub(super) fn inflected(&self, word: &str, lists: &LangLists) -> Option<usize> {
        stems(&fold_str(word), lists)
            .iter()
            .find_map(|s| self.by_skeleton.get(&identity::skeleton(s)).copied())
    }
}

/// For each one-word name of a document (`names`: written forms), the index of another
/// name of the same document that one of its stems spells, whole or as its last word
/// ("Sombartin" → "Sombart", "Werner Sombart"), or `None`.
pub(super) fn merge_in_document(names: &[&str], lists: &LangLists) -> Vec<Option<usize>> {
    if lists.case_endings.is_empty() {
        return vec![None; names.len()];
    }
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, written) in names.iter().enumerate() {
        let last = written.split_whitespace().last().unwrap_or(written);
        by_key.entry(identity::skeleton(written)).or_insert(i);
        by_key.entry(identity::skeleton(last)).or_insert(i);
    }
    names
        .iter()
        .enumerate()
        .map(|(i, written)| {
            if written.contains(char::is_whitespace) {
                return None;
            }
            stems(&fold_str(written), lists)
                .iter()
                .find_map(|s| by_key.get(&identity::skeleton(s)).copied())
                .filter(|&b| b != i)
        })
        .collect()
}

/// Gives the inflected one-word unknown names of a document the id of their base form
/// when the document writes it ([`merge_in_document`]), and its type when `retype`.
pub(crate) fn merge_inflected(text: &str, lists: &LangLists, drafts: &mut [Draft], retype: bool) {
    if lists.case_endings.is_empty() {
        return;
    }
    let unknown: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].canonical.is_none())
        .collect();
    let names: Vec<&str> = unknown
        .iter()
        .map(|&i| &text[drafts[i].start..drafts[i].end])
        .collect();
    let merged = merge_in_document(&names, lists);
    for (k, base) in merged.into_iter().enumerate() {
        if let Some(b) = base {
            let (id, ty) = (
                drafts[unknown[b]].id.clone(),
                drafts[unknown[b]].entity_type,
            );
            let d = &mut drafts[unknown[k]];
            d.id = id;
            if retype {
                d.entity_type = ty;
            }
        }
    }
}
