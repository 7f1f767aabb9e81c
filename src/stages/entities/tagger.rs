//! The stage's runtime: [`EntityTagger`] runs the passes over one body, in order, and
//! makes the final mentions (see the stage doc).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use super::coref::resolve_short_forms;
use super::draft::{Candidate, Draft};
use super::kb::gazetteer::{common_word_opening, Gazetteer};
use super::kb::identity::SkeletonMemo;
use super::kb::inflection::merge_inflected;
use super::kb::knowledge_base::KnowledgeBase;
use super::kb::linker::{settle_type, Linker};
use super::lists::context_lists::ContextLists;
use super::model::choice::{load_all, LoadedModel};
use super::model::features::FeatureSet;
use super::model::openings::drop_common_openings;
use super::names::context::NameContext;
use super::names::tokens::tokenize;
use super::typing::guess::{guessed, DocView};
use super::typing::org_cues::type_by_org_cues;
use super::typing::org_spans::{extend_over_adjectives, head_before_place};
use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::{Document, EntityMention, EntityType};
use crate::text::{sentence_of, sentence_spans, Folded};

/// Runtime of the stage; immutable and shared across threads.
#[derive(Debug)]
pub struct EntityTagger {
    /// The knowledge base and what links names to its entries.
    linker: Linker,
    gazetteer: Gazetteer,
    lists: ContextLists,
    patterns: bool,
    coref: bool,
    min_score: f32,
    /// The trained tagger of each language that has one.
    models: BTreeMap<String, LoadedModel>,
    /// The features the models read (language lists, knowledge-base aliases).
    features: FeatureSet,
}

/// Score of a mention the model finds that no knowledge-base alias confirms.
const SCORE_MODEL: f32 = 0.8;

impl EntityTagger {
    /// Loads the knowledge base (built-in plus `kb_files`) and the context lists, and
    /// builds the matchers, and loads each language's model; `patterns`, `coref`,
    /// `min_score` and `model` as in `EntitiesConfig`, whose `build` checks them and
    /// calls this.
    pub(super) fn new(
        lexicon: &Lexicon,
        kb_files: &[PathBuf],
        patterns: bool,
        coref: bool,
        min_score: f32,
        model: &BTreeMap<String, String>,
    ) -> Result<Self> {
        let kb = KnowledgeBase::load(kb_files)?;
        let gazetteer = Gazetteer::new(&kb)?;
        let features = FeatureSet::with_kb(lexicon, &kb)?;
        let models = load_all(model)?;
        Ok(EntityTagger {
            linker: Linker::new(kb),
            gazetteer,
            lists: ContextLists::new(lexicon),
            patterns,
            coref,
            min_score,
            models,
            features,
        })
    }

    /// The loaded models by language: where each came from, its memory and load time.
    pub fn models(&self) -> &BTreeMap<String, LoadedModel> {
        &self.models
    }

    /// The spans the trained tagger of the document's language finds, before any linking
    /// (0 when the language has no model): the model alone, as its benchmark measures it.
    pub fn model_spans(&self, doc: &Document) -> usize {
        let Some(m) = self.models.get(&doc.language) else {
            return 0;
        };
        let text = doc.body.as_str();
        let sentences = sentence_spans(text);
        let lists = self.lists.for_lang(&doc.language);
        let known: Vec<(usize, usize, EntityType)> = self
            .gazetteer
            .find(text, &Folded::new(text), &lists.case_endings)
            .into_iter()
            .map(|g| (g.start, g.end, self.features.entry_type(g.entry)))
            .collect();
        m.model
            .find(
                &self.features,
                &doc.language,
                text,
                &sentences,
                &known,
                &m.cache,
            )
            .len()
    }

    /// (entities, aliases) of the loaded knowledge base.
    pub fn kb_size(&self) -> (usize, usize) {
        let kb = self.linker.kb();
        let aliases = kb.entries.iter().map(|e| e.aliases.len()).sum();
        (kb.entries.len(), aliases)
    }

    /// Every entity mention in `doc.body` (byte offsets), sorted by start, non-overlapping.
    pub fn tag(&self, doc: &Document) -> Vec<EntityMention> {
        let text = doc.body.as_str();
        if text.trim().is_empty() {
            return Vec::new();
        }
        let folded = Folded::new(text);
        let sentences = sentence_spans(text);
        if let Some(m) = self.models.get(&doc.language) {
            return self.tag_with_model(text, &folded, &sentences, &doc.language, m);
        }
        let lang_lists = self.lists.for_lang(&doc.language);
        let mut drafts: Vec<Draft> = self
            .gazetteer
            .find(text, &folded, &lang_lists.case_endings)
            .into_iter()
            .filter(|m| !common_word_opening(text, &sentences, lang_lists, m))
            .map(|m| self.linker.known_draft(text, &m))
            .collect();
        if self.patterns {
            let changed = head_before_place(text, lang_lists, self.lists.all(), &mut drafts);
            for i in changed {
                self.linker.rename(text, &mut drafts[i]);
            }
        }
        if self.patterns || self.coref {
            let tokens = tokenize(text);
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
                if let Some(d) = self.linker.inflected_draft(text, &c, lang_lists) {
                    drafts.push(d);
                    continue;
                }
                match c.entity_type {
                    Some(ty) if self.patterns => {
                        drafts.push(self.linker.pattern_draft(text, &c, ty, &mut memo))
                    }
                    _ => pending.push(c),
                }
            }
            if self.coref {
                let resolved = resolve_short_forms(text, &drafts, &pending, &mut memo);
                pending.retain(|c| !resolved.iter().any(|d| d.start == c.start));
                drafts.extend(resolved);
            }
            if self.patterns {
                let doc = DocView {
                    text,
                    sentences: &sentences,
                    tokens: &tokens,
                    lists: ctx.lists,
                };
                drafts.extend(guessed(
                    &doc,
                    &self.lists,
                    &self.linker,
                    &drafts,
                    &pending,
                    &mut memo,
                ));
            }
        }
        type_by_org_cues(text, &sentences, lang_lists, &mut drafts, "pattern");
        let place_words = self.linker.place_words();
        for i in extend_over_adjectives(text, lang_lists, place_words, &mut drafts) {
            self.linker.rename(text, &mut drafts[i]);
        }
        merge_inflected(text, lang_lists, &mut drafts, true);
        self.finish(text, &sentences, drafts)
    }

    /// The mentions of a body in a language with a model (method `model`): the model's
    /// spans and types; ids from the knowledge base where an alias covers exactly the span
    /// or where the span's skeleton is an alias of one entry, whatever the type the model
    /// gave (else the derived id of its skeleton); a one-word name under a case ending
    /// linked as the rules link it; a person's one-word short form resolved to a fuller
    /// person of the document (method `coref`); knowledge-base matches the model left
    /// alone kept (method `gazetteer`); then the organisation cues of the document retype
    /// the model's places and weak persons no alias confirms ([`type_by_org_cues`]).
    fn tag_with_model(
        &self,
        text: &str,
        folded: &Folded,
        sentences: &[(usize, usize)],
        lang: &str,
        model: &LoadedModel,
    ) -> Vec<EntityMention> {
        let lang_lists = self.lists.for_lang(lang);
        let matches = self.gazetteer.find(text, folded, &lang_lists.case_endings);
        let kb_spans: Vec<(usize, usize, EntityType)> = matches
            .iter()
            .map(|g| (g.start, g.end, self.features.entry_type(g.entry)))
            .collect();
        let known: Vec<Draft> = matches
            .into_iter()
            .filter(|m| !common_word_opening(text, sentences, lang_lists, m))
            .map(|m| self.linker.known_draft(text, &m))
            .collect();
        let found = model.model.find(
            &self.features,
            lang,
            text,
            sentences,
            &kb_spans,
            &model.cache,
        );
        let found = drop_common_openings(text, sentences, lang_lists, &kb_spans, found);
        let mut memo = SkeletonMemo::default();
        let mut drafts: Vec<Draft> = Vec::with_capacity(found.len());
        let mut pending = Vec::new();
        for &(start, end, ty) in &found {
            if let Some(k) = known.iter().find(|d| d.start == start && d.end == end) {
                drafts.push(Draft {
                    method: "model",
                    entity_type: settle_type(ty, k.entity_type),
                    ..k.clone()
                });
                continue;
            }
            let c = Candidate {
                start,
                end,
                entity_type: Some(ty),
                score: SCORE_MODEL,
                cap_words: text[start..end].split_whitespace().count(),
            };
            if let Some(d) = self.linker.inflected_draft(text, &c, lang_lists) {
                drafts.push(Draft {
                    method: "model",
                    entity_type: settle_type(ty, d.entity_type),
                    ..d
                });
                continue;
            }
            if self.coref && c.cap_words == 1 {
                pending.push(c);
                continue;
            }
            drafts.push(self.linker.model_draft(text, &c, ty, &mut memo));
        }
        if !pending.is_empty() {
            let resolved = resolve_short_forms(text, &drafts, &pending, &mut memo);
            for c in &pending {
                match resolved.iter().find(|d| d.start == c.start) {
                    Some(d) => drafts.push(d.clone()),
                    None => {
                        let ty = c.entity_type.unwrap_or(EntityType::Person);
                        drafts.push(self.linker.model_draft(text, c, ty, &mut memo));
                    }
                }
            }
        }
        for k in known {
            if !found.iter().any(|&(s, e, _)| s < k.end && k.start < e) {
                drafts.push(k);
            }
        }
        merge_inflected(text, lang_lists, &mut drafts, false);
        type_by_org_cues(text, sentences, lang_lists, &mut drafts, "model");
        self.finish(text, sentences, drafts)
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
