//! The feature templates, hashed into a fixed-size weight table.
//!
//! Most features belong to one word type at one offset from the tagged word (−2 … +2):
//! its folded form, its shape, affixes and what the language lists say of it (given name,
//! organisation head word, title, place cue, …). Their ids depend only on the word and
//! the offset, so the runtime (`model::runtime`) sums their weights once per
//! word type and document. The rest belong to a token in its sentence: the sentence
//! position, a title ending right before it, a speech verb right after it, and the
//! knowledge base's alias matches with their types.
//!
//! A feature's id is the FNV-1a hash of (template, offset, value) modulo the table size:
//! no feature dictionary is stored, and an unseen feature simply hits a bucket. Changing
//! any template changes [`FEATURE_SET_VERSION`], which a model file records.

use std::collections::{HashMap, HashSet};

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::EntityType;
use crate::stages::entities::kb::gazetteer::Gazetteer;
use crate::stages::entities::kb::knowledge_base::KnowledgeBase;
use crate::stages::entities::lists::context_lists::{ContextLists, LangLists};
use crate::stages::entities::words::fold_plain;
use crate::text::Folded;

/// Version of the templates below; a model trained with another version is refused.
pub const FEATURE_SET_VERSION: u32 = 1;

/// Offsets of the word-type features, from the tagged word: −2 … +2.
pub const OFFSETS: usize = 5;

/// The words outside a sentence, as features see them.
const PAD_BEFORE: &str = "\u{1}<s>";
const PAD_AFTER: &str = "\u{1}</s>";

/// Incremental FNV-1a over a feature's template, offset and value.
struct Fnv(u64);

impl Fnv {
    fn new(template: u8, offset: i8) -> Self {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h.byte(offset as u8);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    fn str(mut self, s: &str) -> Self {
        for &b in s.as_bytes() {
            self.byte(b);
        }
        self
    }
    fn bucket(self, buckets: u32) -> u32 {
        // Fold the high bits in: FNV's low bits alone mix poorly.
        let h = self.0 ^ (self.0 >> 29);
        (h % u64::from(buckets)) as u32
    }
}

/// Feature templates (the first byte hashed).
mod t {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const SHAPE: u8 = 2;
    pub const PREFIX: u8 = 3;
    pub const SUFFIX: u8 = 4;
    pub const FLAG: u8 = 5;
    pub const FIRST: u8 = 6;
    pub const TITLE_BEFORE: u8 = 7;
    pub const SPEECH_AFTER: u8 = 8;
    pub const KB: u8 = 9;
    pub const CASE: u8 = 10;
    pub const LENGTH: u8 = 11;
}

/// The shape of a word: upper-case letters `X`, lower-case `x`, digits `d`, other chars
/// themselves, runs longer than two cut to two ("Bagheri" → `Xxx`, "G7" → `Xd`).
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let (mut last, mut run) = ('\0', 0);
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            (last, run) = (k, 1);
        }
        out.push(k);
    }
    out
}

/// What the features know of the world: the language lists of the entities stage and
/// the built-in knowledge base's aliases with their types.
#[derive(Debug)]
pub struct FeatureSet {
    lists: ContextLists,
    gazetteer: Gazetteer,
    entry_types: Vec<EntityType>,
}

impl FeatureSet {
    /// The features of a lexicon and the built-in knowledge base (as training sees it).
    pub fn new(lexicon: &Lexicon) -> Result<Self> {
        let kb = KnowledgeBase::load(&[])?;
        Self::with_kb(lexicon, &kb)
    }

    /// The features of a lexicon and a knowledge base.
    pub(crate) fn with_kb(lexicon: &Lexicon, kb: &KnowledgeBase) -> Result<Self> {
        Ok(FeatureSet {
            lists: ContextLists::new(lexicon),
            gazetteer: Gazetteer::new(kb)?,
            entry_types: kb.entries.iter().map(|e| e.entity_type).collect(),
        })
    }

    /// Feature ids of `word` at each offset (index 0 is −2, 2 the word itself, 4 is +2),
    /// in a table of `buckets`, for a text in `lang`.
    pub fn word_features(&self, lang: &str, word: &str, buckets: u32) -> [Vec<u32>; OFFSETS] {
        let lists = self.lists.for_lang(lang);
        let mut out: [Vec<u32>; OFFSETS] = Default::default();
        let pad = word == PAD_BEFORE || word == PAD_AFTER;
        let folded = if pad {
            word.to_string()
        } else {
            fold_plain(word)
        };
        let shape = if pad { word.to_string() } else { shape(word) };
        let flags = if pad {
            Vec::new()
        } else {
            self.flags(lists, &folded)
        };
        for (k, ids) in out.iter_mut().enumerate() {
            let off = k as i8 - 2;
            ids.push(Fnv::new(t::WORD, off).str(&folded).bucket(buckets));
            ids.push(Fnv::new(t::SHAPE, off).str(&shape).bucket(buckets));
            for f in &flags {
                ids.push(Fnv::new(t::FLAG, off).str(f).bucket(buckets));
            }
        }
        let me = &mut out[2];
        me.push(Fnv::new(t::BIAS, 0).bucket(buckets));
        if !pad {
            let bounds: Vec<usize> = folded
                .char_indices()
                .map(|(i, _)| i)
                .chain([folded.len()])
                .collect();
            let n_chars = bounds.len() - 1;
            for n in 1..=3.min(n_chars) {
                let p = &folded[..bounds[n]];
                me.push(Fnv::new(t::PREFIX, n as i8).str(p).bucket(buckets));
            }
            for n in 1..=4.min(n_chars) {
                let s = &folded[bounds[n_chars - n]..];
                me.push(Fnv::new(t::SUFFIX, n as i8).str(s).bucket(buckets));
            }
            let case = if word.chars().all(|c| !c.is_lowercase()) {
                "upper"
            } else if word.chars().next().is_some_and(char::is_uppercase) {
                "title"
            } else {
                "lower"
            };
            me.push(Fnv::new(t::CASE, 0).str(case).bucket(buckets));
            let len = n_chars.min(8) as u8;
            me.push(Fnv::new(t::LENGTH, len as i8).bucket(buckets));
        }
        out
    }

    /// The list memberships of a folded word, as feature values.
    fn flags(&self, lists: &LangLists, folded: &str) -> Vec<&'static str> {
        let mut f = Vec::new();
        let one = [folded.to_string()];
        let has = |set: &HashSet<String>| set.contains(folded);
        if has(&self.lists.lone_given_names) {
            f.push("given");
        } else if has(&self.lists.given_names) {
            f.push("given-common");
        }
        if has(&self.lists.particles) {
            f.push("particle");
        }
        if has(&lists.org_heads) {
            f.push("org-head");
        }
        if has(&lists.loc_cues) {
            f.push("loc-cue");
        }
        if has(&lists.stopwords) {
            f.push("stop");
        }
        if has(&lists.org_articles) {
            f.push("org-article");
        }
        if has(&lists.loc_heads) {
            f.push("loc-head");
        }
        if has(&lists.common_nouns) {
            f.push("common");
        }
        if has(&lists.conjunctions) {
            f.push("conj");
        }
        if has(&lists.org_connectors) {
            f.push("org-connector");
        }
        match lists.type_nouns.get(folded) {
            Some(EntityType::Person) => f.push("noun-per"),
            Some(EntityType::Org) => f.push("noun-org"),
            Some(EntityType::Loc) => f.push("noun-loc"),
            _ => {}
        }
        if lists.title_ending_at(&one, 1).is_some() {
            f.push("title");
        }
        if lists.starts_with_speech_verb(&one) {
            f.push("speech");
        }
        if folded.chars().count() > 5
            && lists
                .org_word_endings
                .iter()
                .any(|e| folded.ends_with(e.as_str()))
        {
            f.push("org-ending");
        }
        f
    }

    /// Every feature id of each token of one sentence (`spans`, byte spans of its tokens
    /// in `text`): the word-type features of the words at each offset (from `cache`,
    /// filled as needed) and the sentence's token features. The runtime sums the same
    /// ids' weights; training updates them.
    pub fn sentence_ids(
        &self,
        lang: &str,
        text: &str,
        spans: &[(usize, usize)],
        buckets: u32,
        cache: &mut HashMap<String, [Vec<u32>; OFFSETS]>,
    ) -> Vec<Vec<u32>> {
        let words: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        for w in words.iter().copied().chain([PAD_BEFORE, PAD_AFTER]) {
            if !cache.contains_key(w) {
                let f = self.word_features(lang, w, buckets);
                cache.insert(w.to_string(), f);
            }
        }
        let mut out = self.token_features(lang, text, spans, buckets, None);
        let n = words.len() as isize;
        for (i, ids) in out.iter_mut().enumerate() {
            for (o, j) in (i as isize - 2..=i as isize + 2).enumerate() {
                let w = if j < 0 {
                    PAD_BEFORE
                } else if j >= n {
                    PAD_AFTER
                } else {
                    words[j as usize]
                };
                ids.extend_from_slice(&cache[w][o]);
            }
        }
        out
    }

    /// The padding word before (`before`) or after a sentence.
    pub fn pad(before: bool) -> &'static str {
        if before {
            PAD_BEFORE
        } else {
            PAD_AFTER
        }
    }

    /// Feature ids of each token of one sentence that depend on the sentence: position,
    /// a title right before, a speech verb right after, and the knowledge base's matches.
    /// `text` holds the sentence and `spans` are its tokens' byte spans in it. `known`
    /// are the knowledge base's matches in `text` when the caller has them (byte span,
    /// type; sorted, not overlapping); `None` looks them up in the sentence.
    pub fn token_features(
        &self,
        lang: &str,
        text: &str,
        spans: &[(usize, usize)],
        buckets: u32,
        known: Option<&[(usize, usize, EntityType)]>,
    ) -> Vec<Vec<u32>> {
        let lists = self.lists.for_lang(lang);
        let folded: Vec<String> = spans
            .iter()
            .map(|&(s, e)| fold_plain(&text[s..e]))
            .collect();
        let kb = match known {
            Some(k) => kb_tags(k, spans),
            None => kb_tags(&self.kb_matches(lang, text, spans), spans),
        };
        let mut out = Vec::with_capacity(spans.len());
        for (i, &(s, e)) in spans.iter().enumerate() {
            let mut ids = Vec::with_capacity(4);
            let shape = shape(&text[s..e]);
            if i == 0 {
                ids.push(Fnv::new(t::FIRST, 0).str(&shape).bucket(buckets));
            } else if i == 1 {
                ids.push(Fnv::new(t::FIRST, 1).str(&shape).bucket(buckets));
            }
            if i > 0 && lists.title_ending_at(&folded, i).is_some() {
                ids.push(Fnv::new(t::TITLE_BEFORE, 0).str(&shape).bucket(buckets));
            }
            if i + 1 < folded.len() && lists.starts_with_speech_verb(&folded[i + 1..]) {
                ids.push(Fnv::new(t::SPEECH_AFTER, 0).str(&shape).bucket(buckets));
            }
            if let Some(tag) = kb[i] {
                ids.push(Fnv::new(t::KB, 0).str(tag).bucket(buckets));
                ids.push(Fnv::new(t::KB, 1).str(tag).str(&shape).bucket(buckets));
            }
            if i > 0 {
                if let Some(tag) = kb[i - 1] {
                    ids.push(Fnv::new(t::KB, -1).str(tag).bucket(buckets));
                }
            }
            if let Some(Some(tag)) = kb.get(i + 1) {
                ids.push(Fnv::new(t::KB, 2).str(tag).bucket(buckets));
            }
            out.push(ids);
        }
        out
    }

    /// The knowledge base's matches in a sentence (`spans`, its tokens): byte span and
    /// type of each, sorted, not overlapping.
    pub(crate) fn kb_matches(
        &self,
        lang: &str,
        text: &str,
        spans: &[(usize, usize)],
    ) -> Vec<(usize, usize, EntityType)> {
        let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
            return Vec::new();
        };
        let piece = &text[first.0..last.1];
        let folded = Folded::new(piece);
        let lists = self.lists.for_lang(lang);
        self.gazetteer
            .find(piece, &folded, &lists.case_endings)
            .into_iter()
            .map(|m| {
                (
                    m.start + first.0,
                    m.end + first.0,
                    self.entry_types[m.entry],
                )
            })
            .collect()
    }

    /// The type of a knowledge-base entry (index of a gazetteer match).
    pub(crate) fn entry_type(&self, entry: usize) -> EntityType {
        self.entry_types[entry]
    }
}

/// The knowledge base's tag of each token (`B-PER`, `I-LOC`, …) where a match (`known`,
/// sorted) covers it exactly from a token start to a token end.
fn kb_tags(
    known: &[(usize, usize, EntityType)],
    spans: &[(usize, usize)],
) -> Vec<Option<&'static str>> {
    let mut tags = vec![None; spans.len()];
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return tags;
    };
    let from = known.partition_point(|m| m.1 <= first.0);
    for &(ms, me, ty) in known[from..].iter().take_while(|m| m.0 < last.1) {
        let Ok(a) = spans.binary_search_by_key(&ms, |s| s.0) else {
            continue;
        };
        let Some(b) = spans[a..].iter().position(|&(_, e)| e == me).map(|k| k + a) else {
            continue;
        };
        let (bt, it) = match ty {
            EntityType::Person => ("B-PER", "I-PER"),
            EntityType::Org => ("B-ORG", "I-ORG"),
            EntityType::Loc => ("B-LOC", "I-LOC"),
            _ => continue,
        };
        for (k, tag) in tags.iter_mut().enumerate().take(b + 1).skip(a) {
            *tag = Some(if k == a { bt } else { it });
        }
    }
    tags
}
