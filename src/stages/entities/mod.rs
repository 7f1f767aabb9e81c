//! Entities stage: person, organisation and place mentions with one id per real entity.
//!
//! Three passes over each body: the knowledge-base gazetteer ([`gazetteer`], method
//! `gazetteer`), names missing from the knowledge base confirmed by their context
//! ([`names`], method `pattern`), and short forms resolved to a fuller person mention of
//! the same document ([`coref`], method `coref`). Organisation cues of the whole
//! document then retype names found by pattern ([`org_cues`]), and organisations run on
//! over the adjectives after their head word (`org_spans`). Ids are Wikidata QIDs or derived keys
//! from the knowledge base, else `gz:<type>:<skeleton>` ([`identity`]).

mod config;
pub mod context;
pub mod coref;
mod cues;
pub mod evidence;
pub mod gazetteer;
pub mod guess;
pub mod identity;
pub mod inflection;
pub mod kb;
pub mod names;
pub mod org_cues;
mod org_spans;
pub mod phrases;
mod runs;
pub mod tokens;
mod words;

use std::collections::HashMap;

pub use config::EntitiesConfig;

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::{Document, EntityMention, EntityType};
use crate::text::{sentence_of, sentence_spans, Folded};
use context::ContextLists;
use gazetteer::Gazetteer;
use identity::SkeletonMemo;
use kb::KnowledgeBase;
use names::{Candidate, NameContext};

/// Score of a KB surname extended to a given name spelled differently.
const EXTENDED_SCORE: f32 = 0.9;

/// A mention before names and sentences are filled in.
#[derive(Debug, Clone)]
struct Draft {
    start: usize,
    end: usize,
    id: String,
    entity_type: EntityType,
    /// The KB canonical name, when the entity is known.
    canonical: Option<String>,
    method: &'static str,
    score: f32,
}

/// Runtime of the stage; immutable and shared across threads.
#[derive(Debug)]
pub struct EntityTagger {
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
    lists: ContextLists,
    /// (type, skeleton of an alias) → KB entry, to link pattern names to known entities.
    skeletons: HashMap<(EntityType, String), usize>,
    /// Folded one-word place aliases, to tell demonyms ("Russian", "Israeli") from names.
    place_words: std::collections::HashSet<String>,
    /// One-word aliases by skeleton, for names under a case ending.
    words: inflection::WordIndex,
    patterns: bool,
    coref: bool,
    min_score: f32,
}

impl EntityTagger {
    /// Loads the knowledge base (built-in plus `kb_files`) and the context lists, and
    /// builds the matchers.
    pub(crate) fn new(settings: &EntitiesConfig, lexicon: &Lexicon) -> Result<Self> {
        let kb = KnowledgeBase::load(&settings.kb_files)?;
        let gazetteer = Gazetteer::new(&kb)?;
        let mut skeletons = HashMap::new();
        for (i, e) in kb.entries.iter().enumerate() {
            for alias in &e.aliases {
                let key = identity::skeleton(alias);
                if !key.is_empty() {
                    skeletons.entry((e.entity_type, key)).or_insert(i);
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
        let words = inflection::WordIndex::new(
            kb.entries
                .iter()
                .enumerate()
                .flat_map(|(i, e)| e.aliases.iter().map(move |a| (i, a.as_str()))),
        );
        Ok(EntityTagger {
            words,
            place_words,
            kb,
            gazetteer,
            lists: ContextLists::new(lexicon),
            skeletons,
            patterns: settings.patterns,
            coref: settings.coref,
            min_score: settings.min_score,
        })
    }

    /// (entities, aliases) of the loaded knowledge base.
    pub fn kb_size(&self) -> (usize, usize) {
        let aliases = self.kb.entries.iter().map(|e| e.aliases.len()).sum();
        (self.kb.entries.len(), aliases)
    }

    /// Every entity mention in `doc.body` (byte offsets), sorted by start, non-overlapping.
    pub fn tag(&self, doc: &Document) -> Vec<EntityMention> {
        let text = doc.body.as_str();
        if text.trim().is_empty() {
            return Vec::new();
        }
        let folded = Folded::new(text);
        let sentences = sentence_spans(text);
        let lang_lists = self.lists.for_lang(&doc.language);
        let mut drafts: Vec<Draft> = self
            .gazetteer
            .find(text, &folded, &lang_lists.case_endings)
            .into_iter()
            .filter(|m| !self.common_word_opening(text, &sentences, lang_lists, m))
            .map(|m| {
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
            })
            .collect();
        if self.patterns {
            let changed =
                org_spans::head_before_place(text, lang_lists, self.lists.all(), &mut drafts);
            for i in changed {
                self.rename(text, &mut drafts[i]);
            }
        }
        if self.patterns || self.coref {
            let tokens = tokens::tokenize(text);
            let ctx = NameContext {
                text,
                tokens: &tokens,
                sentences: &sentences,
                lists: self.lists.for_lang(&doc.language),
                particles: &self.lists.particles,
                given_names: &self.lists.given_names,
                all_lists: self.lists.all(),
            };
            let taken: Vec<(usize, usize)> = drafts.iter().map(|d| (d.start, d.end)).collect();
            let mut memo = SkeletonMemo::default();
            let mut pending = Vec::new();
            for c in ctx.candidates(&taken) {
                if let Some(d) = self.inflected_draft(text, &c, lang_lists) {
                    drafts.push(d);
                    continue;
                }
                match c.entity_type {
                    Some(ty) if self.patterns => {
                        drafts.push(self.pattern_draft(text, &c, ty, &mut memo))
                    }
                    _ => pending.push(c),
                }
            }
            if self.coref {
                let resolved = self.resolve_short_forms(text, &drafts, &pending, &mut memo);
                pending.retain(|c| !resolved.iter().any(|d| d.start == c.start));
                drafts.extend(resolved);
            }
            if self.patterns {
                let doc = guess::DocView {
                    text,
                    sentences: &sentences,
                    tokens: &tokens,
                    lists: ctx.lists,
                };
                drafts.extend(self.guessed(&doc, &drafts, &pending, &mut memo));
            }
        }
        org_cues::type_by_org_cues(text, &sentences, lang_lists, &mut drafts);
        for i in org_spans::extend_over_adjectives(text, lang_lists, &self.place_words, &mut drafts)
        {
            self.rename(text, &mut drafts[i]);
        }
        self.merge_inflected(text, lang_lists, &mut drafts);
        self.finish(text, &sentences, drafts)
    }

    /// Gives a draft whose span or type changed the id and canonical name of what it now
    /// covers, as [`EntityTagger::pattern_draft`] does: the KB entry of its type whose
    /// alias has that skeleton, else the derived id.
    fn rename(&self, text: &str, d: &mut Draft) {
        let key = (d.entity_type, identity::skeleton(&text[d.start..d.end]));
        let known = self.skeletons.get(&key).map(|&i| &self.kb.entries[i]);
        d.id = known.map_or_else(|| identity::id_of_skeleton(&key.1), |e| e.id.clone());
        d.canonical = known.map(|e| e.name.clone());
    }

    /// The draft of a typed pattern name: linked to the KB entry of the same type whose
    /// alias has its skeleton, else given the derived id.
    fn pattern_draft<'a>(
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

    /// Names (canonical, else the longest form seen), sentences, score filter, order.
    fn finish(
        &self,
        text: &str,
        sentences: &[(usize, usize)],
        mut drafts: Vec<Draft>,
    ) -> Vec<EntityMention> {
        drafts.retain(|d| d.score >= self.min_score);
        drafts.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut longest: HashMap<&str, &str> = HashMap::new();
        for d in &drafts {
            let written = &text[d.start..d.end];
            let slot = longest.entry(d.id.as_str()).or_insert(written);
            if written.chars().count() > slot.chars().count() {
                *slot = written;
            }
        }
        let mut out: Vec<EntityMention> = Vec::with_capacity(drafts.len());
        for d in &drafts {
            if out.last().is_some_and(|m| d.start < m.end) {
                continue;
            }
            let name = d.canonical.clone().unwrap_or_else(|| {
                longest
                    .get(d.id.as_str())
                    .map_or_else(String::new, |s| s.to_string())
            });
            out.push(EntityMention {
                entity_id: d.id.clone(),
                entity_name: name,
                entity_type: d.entity_type,
                start: d.start,
                end: d.end,
                sentence: sentence_of(sentences, d.start),
                method: d.method,
                score: d.score,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests;
