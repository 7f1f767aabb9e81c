//! Knowledge-base matching: one Aho-Corasick automaton over the folded aliases, run on
//! the folded body, with word boundaries and the case rule checked on the original text.
//!
//! Case rule: an alias matches only where the original text starts with an upper-case
//! letter, unless the alias itself starts lower-case ("bande de Gaza"); an all-caps alias
//! ("US", "ONU", "G7") matches only the exact same characters, so "us" and "Us" do not.
//! Elided articles need no special case: in "l’Iran" the apostrophe is a word boundary,
//! so the mention is "Iran".
//!
//! Case endings: in languages that inflect names by a suffix glued to them (Finnish
//! "Lontoossa", German "Deutschlands"), an alias followed by one of the document
//! language's `entity_case_endings` matches the whole word, with a lower score.

use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::{HashMap, HashSet};

use super::knowledge_base::KnowledgeBase;
use crate::error::{Error, Result};
use crate::model::EntityType;
use crate::stages::entities::lists::context_lists::LangLists;
use crate::stages::entities::words::opens_sentence;
use crate::text::{fold_str, Folded};

/// Score of a multi-word alias, or of any alias of a place or organisation.
const SCORE_FULL: f32 = 0.95;
/// Score of an all-caps alias.
const SCORE_ACRONYM: f32 = 0.9;
/// Score of a one-word person alias (a surname).
const SCORE_SHORT: f32 = 0.85;
/// Highest score of an alias matched with a case ending.
const SCORE_INFLECTED: f32 = 0.85;
/// Shortest alias (in chars) that may take a case ending.
const MIN_INFLECTED_CHARS: usize = 4;

/// One way a folded pattern may be written.
#[derive(Debug, Clone)]
struct Variant {
    /// Index of the KB entry.
    entry: usize,
    /// For all-caps aliases: the exact text required.
    exact: Option<String>,
    /// The alias starts lower-case, so lower-case text matches too.
    lower_ok: bool,
    /// Confidence of a match.
    score: f32,
}

/// A validated knowledge-base match, in original byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GazMatch {
    /// Byte offset of the mention.
    pub(crate) start: usize,
    /// Byte offset one past the mention.
    pub(crate) end: usize,
    /// Index of the KB entry.
    pub(crate) entry: usize,
    /// Confidence.
    pub(super) score: f32,
}

/// The alias automaton; immutable and `Sync`.
#[derive(Debug, Clone)]
pub(crate) struct Gazetteer {
    automaton: AhoCorasick,
    variants: Vec<Vec<Variant>>,
}

fn is_acronym(alias: &str) -> bool {
    alias.chars().any(char::is_uppercase) && !alias.chars().any(char::is_lowercase)
}

impl Gazetteer {
    /// Builds the automaton over every alias of `kb`. The first entry to claim a written
    /// form keeps it: later entries with the same alias and the same case class are ignored.
    pub(crate) fn new(kb: &KnowledgeBase) -> Result<Self> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut variants: Vec<Vec<Variant>> = Vec::new();
        for (e, entry) in kb.entries.iter().enumerate() {
            for alias in &entry.aliases {
                let folded = fold_str(alias);
                if folded.trim().is_empty() {
                    continue;
                }
                let acronym = is_acronym(alias);
                let multi = alias.split_whitespace().count() > 1;
                let score = match () {
                    _ if acronym => SCORE_ACRONYM,
                    _ if multi || entry.entity_type != EntityType::Person => SCORE_FULL,
                    _ => SCORE_SHORT,
                };
                let variant = Variant {
                    entry: e,
                    exact: acronym.then(|| alias.clone()),
                    lower_ok: alias.chars().next().is_some_and(char::is_lowercase),
                    score,
                };
                let slot = *index.entry(folded.clone()).or_insert_with(|| {
                    patterns.push(folded);
                    variants.push(Vec::new());
                    variants.len() - 1
                });
                let same_class = |v: &Variant| {
                    v.exact.is_some() == acronym && (!acronym || v.exact.as_deref() == Some(alias))
                };
                if !variants[slot].iter().any(same_class) {
                    variants[slot].push(variant);
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| Error::Data {
                path: "kb/".into(),
                message: e.to_string(),
            })?;
        Ok(Gazetteer {
            automaton,
            variants,
        })
    }

    /// Every knowledge-base mention of `text` (whose fold is `folded`): validated matches,
    /// then leftmost-longest without overlaps, sorted by start. `endings` are the folded
    /// case endings an alias may carry in the document's language (empty: none).
    pub(crate) fn find(
        &self,
        text: &str,
        folded: &Folded,
        endings: &HashSet<String>,
    ) -> Vec<GazMatch> {
        let ftext = &folded.text;
        let mut found = Vec::new();
        for m in self.automaton.find_overlapping_iter(ftext.as_str()) {
            let (fs, fe) = (m.start(), m.end());
            // The match must cover whole original chars.
            if fs > 0 && folded.start_of(fs - 1) == folded.start_of(fs) {
                continue;
            }
            if fe < ftext.len() && folded.start_of(fe) == folded.start_of(fe - 1) {
                continue;
            }
            let (start, mut end) = (folded.start_of(fs), folded.end_of(fe, text));
            let before = text[..start].chars().next_back();
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let alias_chars = text[start..end].chars().count();
            let ending = case_ending(text, end, endings);
            let inflected = ending > 0 && alias_chars >= MIN_INFLECTED_CHARS;
            if inflected {
                end += ending;
            } else if text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let written = &text[start..end];
            let upper = written.chars().next().is_some_and(char::is_uppercase);
            let accepted = self.variants[m.pattern().as_usize()]
                .iter()
                .find(|v| match &v.exact {
                    Some(_) if inflected => false,
                    Some(exact) => exact == written,
                    None => upper || v.lower_ok,
                });
            if let Some(v) = accepted {
                found.push(GazMatch {
                    start,
                    end,
                    entry: v.entry,
                    score: if inflected {
                        v.score.min(SCORE_INFLECTED)
                    } else {
                        v.score
                    },
                });
            }
        }
        found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<GazMatch> = Vec::with_capacity(found.len());
        for m in found {
            if out.last().is_none_or(|last| m.start >= last.end) {
                out.push(m);
            }
        }
        out
    }
}

/// True for a one-word KB match that opens a sentence and is also a common word of the
/// language ("Nato a Liverpool nel 1947": born, not NATO; entity_common_nouns).
pub(crate) fn common_word_opening(
    text: &str,
    sentences: &[(usize, usize)],
    lists: &LangLists,
    m: &GazMatch,
) -> bool {
    let written = &text[m.start..m.end];
    !written.contains(char::is_whitespace)
        && lists.common_nouns.contains(&crate::text::fold_str(written))
        && opens_sentence(text, sentences, m.start)
}

/// Byte length of the letters glued to the word ending at `end` when they form one of
/// `endings` and close the word (0 otherwise, or when they are no letters).
fn case_ending(text: &str, end: usize, endings: &HashSet<String>) -> usize {
    if endings.is_empty() {
        return 0;
    }
    let rest = &text[end..];
    let len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    if len > 0
        && !rest[len..].starts_with(|c: char| c.is_alphanumeric())
        && endings.contains(&fold_str(&rest[..len]))
    {
        len
    } else {
        0
    }
}
