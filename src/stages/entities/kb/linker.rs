//! The knowledge base with what links a written name to one of its entries: the skeleton
//! of every alias by type ([`super::identity`]), the one-word aliases by skeleton for names
//! under a case ending ([`super::inflection`]), and the one-word place aliases that tell
//! demonyms ("Russian", "Israeli") from names. It turns knowledge-base matches and names
//! found by pattern into drafts with the id and canonical name of what they name.

use std::collections::{HashMap, HashSet};

use super::gazetteer::GazMatch;
use super::identity::{self, SkeletonMemo};
use super::inflection::WordIndex;
use super::knowledge_base::KnowledgeBase;
use crate::model::EntityType;
use crate::stages::entities::draft::{Candidate, Draft};
use crate::stages::entities::lists::context_lists::LangLists;

/// Score of a KB surname extended to a given name spelled differently.
const EXTENDED_SCORE: f32 = 0.9;
/// Score of a known name found under a case ending and stem change.
const SCORE_INFLECTED: f32 = 0.8;

/// The type of a span the model typed `model` and a knowledge-base entry of type `kb`
/// names: the model's between an organisation and a place (a country or a city standing
/// for its government or its club is typed per mention, which the knowledge base cannot
/// see: measured on kind-wikinews-it, its type there lost typed F1), the knowledge
/// base's when one of them is a person (a person is no metonymy of a place).
pub(crate) fn settle_type(model: EntityType, kb: EntityType) -> EntityType {
    if (model == EntityType::Person) != (kb == EntityType::Person) {
        kb
    } else {
        model
    }
}

/// The knowledge base and its link indices; immutable and `Sync`.
#[derive(Debug)]
pub(crate) struct Linker {
    kb: KnowledgeBase,
    /// (type, skeleton of an alias) → KB entry, to link pattern names to known entities.
    skeletons: HashMap<(EntityType, String), usize>,
    /// Skeleton of an alias → the one KB entry with an alias of that skeleton, whatever
    /// its type (`None` when entries of different ids share it: ambiguous).
    any_type: HashMap<String, Option<usize>>,
    /// Folded one-word place aliases, to tell demonyms ("Russian", "Israeli") from names.
    place_words: HashSet<String>,
    /// One-word aliases by skeleton, for names under a case ending.
    words: WordIndex,
}

impl Linker {
    /// Indexes the aliases of `kb`: the first entry to claim a (type, skeleton) keeps it.
    pub(crate) fn new(kb: KnowledgeBase) -> Self {
        let mut skeletons = HashMap::new();
        let mut any_type: HashMap<String, Option<usize>> = HashMap::new();
        for (i, e) in kb.entries.iter().enumerate() {
            for alias in &e.aliases {
                let key = identity::skeleton(alias);
                if !key.is_empty() {
                    skeletons.entry((e.entity_type, key.clone())).or_insert(i);
                    let slot = any_type.entry(key).or_insert(Some(i));
                    if slot.is_some_and(|j| kb.entries[j].id != e.id) {
                        *slot = None;
                    }
                }
            }
        }
        let place_words = kb
            .entries
            .iter()
            .filter(|e| e.entity_type == EntityType::Loc)
            .flat_map(|e| e.aliases.iter())
            .filter(|a| !a.contains(' ') && a.chars().count() >= 4)
            .map(|a| crate::text::fold_str(a))
            .collect();
        let words = WordIndex::new(
            kb.entries
                .iter()
                .enumerate()
                .flat_map(|(i, e)| e.aliases.iter().map(move |a| (i, a.as_str()))),
        );
        Linker {
            kb,
            skeletons,
            any_type,
            place_words,
            words,
        }
    }

    /// The knowledge base.
    pub(crate) fn kb(&self) -> &KnowledgeBase {
        &self.kb
    }

    /// Folded one-word place aliases (at least four chars), to tell demonyms.
    pub(crate) fn place_words(&self) -> &HashSet<String> {
        &self.place_words
    }

    /// The draft of a knowledge-base match, run back over a given name spelled
    /// differently from the entry's aliases ([`Linker::given_name_start`]).
    pub(crate) fn known_draft(&self, text: &str, m: &GazMatch) -> Draft {
        let e = &self.kb.entries[m.entry];
        let start = self.given_name_start(text, m.start, m.end, m.entry);
        Draft {
            start,
            end: m.end,
            id: e.id.clone(),
            entity_type: e.entity_type,
            canonical: Some(e.name.clone()),
            method: "gazetteer",
            score: if start < m.start {
                EXTENDED_SCORE
            } else {
                m.score
            },
        }
    }

    /// Gives a draft whose span or type changed the id and canonical name of what it now
    /// covers, as [`Linker::pattern_draft`] does: the KB entry of its type whose alias has
    /// that skeleton, else the derived id.
    pub(crate) fn rename(&self, text: &str, d: &mut Draft) {
        let key = (d.entity_type, identity::skeleton(&text[d.start..d.end]));
        let known = self.skeletons.get(&key).map(|&i| &self.kb.entries[i]);
        d.id = known.map_or_else(|| identity::id_of_skeleton(&key.1), |e| e.id.clone());
        d.canonical = known.map(|e| e.name.clone());
    }

    /// The draft of a typed pattern name: linked to the KB entry of the same type whose
    /// alias has its skeleton, else given the derived id.
    pub(crate) fn pattern_draft<'a>(
        &self,
        text: &'a str,
        c: &Candidate,
        ty: EntityType,
        memo: &mut SkeletonMemo<'a>,
    ) -> Draft {
        // The skeleton is both the KB lookup key and the derived id.
        let key = (ty, memo.get(&text[c.start..c.end]).to_string());
        let known = self.skeletons.get(&key).map(|&i| &self.kb.entries[i]);
        Draft {
            start: c.start,
            end: c.end,
            id: known.map_or_else(|| identity::id_of_skeleton(&key.1), |e| e.id.clone()),
            entity_type: ty,
            canonical: known.map(|e| e.name.clone()),
            method: "pattern",
            score: c.score,
        }
    }

    /// The draft of a span the trained tagger typed `ty`: as [`Linker::pattern_draft`],
    /// and when no entry of that type has its skeleton, the one entry of any type that has
    /// it (an unambiguous alias names one entity whatever type the model proposed; the
    /// type is settled by [`settle_type`]).
    pub(crate) fn model_draft<'a>(
        &self,
        text: &'a str,
        c: &Candidate,
        ty: EntityType,
        memo: &mut SkeletonMemo<'a>,
    ) -> Draft {
        let mut d = self.pattern_draft(text, c, ty, memo);
        d.method = "model";
        if d.canonical.is_none() {
            let key = memo.get(&text[c.start..c.end]);
            if let Some(&Some(i)) = self.any_type.get(key) {
                let e = &self.kb.entries[i];
                d.id = e.id.clone();
                d.canonical = Some(e.name.clone());
                d.entity_type = settle_type(ty, e.entity_type);
            }
        }
        d
    }

    /// The knowledge-base draft of a one-word candidate that is an inflected alias.
    pub(crate) fn inflected_draft(
        &self,
        text: &str,
        c: &Candidate,
        lists: &LangLists,
    ) -> Option<Draft> {
        if c.cap_words != 1 || lists.case_endings.is_empty() {
            return None;
        }
        let e = &self.kb.entries[self.words.inflected(&text[c.start..c.end], lists)?];
        Some(Draft {
            start: c.start,
            end: c.end,
            id: e.id.clone(),
            entity_type: e.entity_type,
            canonical: Some(e.name.clone()),
            method: "gazetteer",
            score: SCORE_INFLECTED,
        })
    }

    /// Start of a person mention whose given name precedes a known surname in a spelling
    /// the KB lacks ("Sergej Choïgou"): the pair must have the skeleton of one of the
    /// entry's aliases. Otherwise `start` unchanged.
    fn given_name_start(&self, text: &str, start: usize, end: usize, entry: usize) -> usize {
        if self.kb.entries[entry].entity_type != EntityType::Person {
            return start;
        }
        let Some(prefix) = text[..start].strip_suffix(' ') else {
            return start;
        };
        let word_start = prefix
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if !prefix[word_start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            return start;
        }
        let key = identity::skeleton(&text[word_start..end]);
        match self.skeletons.get(&(EntityType::Person, key)) {
            Some(&e) if e == entry => word_start,
            _ => start,
        }
    }
}
