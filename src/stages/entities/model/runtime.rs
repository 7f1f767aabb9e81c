//! A loaded model tagging a body: sentences, tokens, emission scores (the word-type part
//! summed once per word type and document), Viterbi, spans in byte offsets.

use rustc_hash::FxHashMap;

use super::decode::{spans, viterbi, TAGS};
use super::features::{FeatureSet, OFFSETS};
use super::file::NerModel;
use super::tokens::token_spans;
use crate::model::EntityType;

/// Scores of one word type at each offset from the tagged word.
type TypeScores = [[f32; TAGS]; OFFSETS];

/// Word types kept in a [`TypeCache`] at most (about 140 bytes each).
const CACHE_TYPES: usize = 40_000;

/// The scores of the word types seen so far, shared by every thread and document of a
/// run (the scores depend only on the word, so sharing changes no result); it stops
/// growing at [`CACHE_TYPES`] types.
#[derive(Debug, Default)]
pub struct TypeCache(std::sync::RwLock<FxHashMap<Box<str>, TypeScores>>);

impl TypeCache {
    fn get(&self, word: &str) -> Option<TypeScores> {
        self.0.read().ok()?.get(word).copied()
    }
    fn put(&self, word: &str, scores: TypeScores) {
        if let Ok(mut map) = self.0.write() {
            if map.len() < CACHE_TYPES {
                map.insert(word.into(), scores);
            }
        }
    }
}

impl NerModel {
    /// Score of each tag for a list of feature ids.
    fn add_scores(&self, ids: &[u32], out: &mut [f32; TAGS]) {
        let mut acc = [0i32; TAGS];
        for &id in ids {
            let row = &self.weights[id as usize * TAGS..id as usize * TAGS + TAGS];
            for (a, &w) in acc.iter_mut().zip(row) {
                *a += i32::from(w);
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32 * self.scale;
        }
    }

    fn type_scores(&self, features: &FeatureSet, lang: &str, word: &str) -> TypeScores {
        let ids = features.word_features(lang, word, self.buckets);
        let mut out = [[0f32; TAGS]; OFFSETS];
        for (o, ids) in out.iter_mut().zip(&ids) {
            self.add_scores(ids, o);
        }
        out
    }

    /// The entities the model finds in `text` (its `sentences`, byte spans), as byte
    /// spans with their types, in order; `known` are the knowledge base's matches in the
    /// whole text (byte span, type; sorted, not overlapping).
    pub(crate) fn find(
        &self,
        features: &FeatureSet,
        lang: &str,
        text: &str,
        sentences: &[(usize, usize)],
        known: &[(usize, usize, EntityType)],
        shared: &TypeCache,
    ) -> Vec<(usize, usize, EntityType)> {
        // Word types are short strings hashed once per token: FxHash, not SipHash.
        let mut cache: FxHashMap<&str, TypeScores> = FxHashMap::default();
        let before = self.type_scores(features, lang, FeatureSet::pad(true));
        let after = self.type_scores(features, lang, FeatureSet::pad(false));
        let mut out = Vec::new();
        let mut types: Vec<TypeScores> = Vec::new();
        let mut em: Vec<[f32; TAGS]> = Vec::new();
        for &(s, e) in sentences {
            let toks = token_spans(text, s, e);
            if toks.is_empty() {
                continue;
            }
            types.clear();
            for &(a, b) in &toks {
                let w = &text[a..b];
                let sc = match cache.get(w) {
                    Some(sc) => *sc,
                    None => {
                        let sc = shared.get(w).unwrap_or_else(|| {
                            let sc = self.type_scores(features, lang, w);
                            shared.put(w, sc);
                            sc
                        });
                        cache.insert(w, sc);
                        sc
                    }
                };
                types.push(sc);
            }
            let token_ids = features.token_features(lang, text, &toks, self.buckets, Some(known));
            let n = toks.len();
            em.clear();
            em.resize(n, [0f32; TAGS]);
            for (i, row) in em.iter_mut().enumerate() {
                for (o, j) in (i as isize - 2..=i as isize + 2).enumerate() {
                    let ts = if j < 0 {
                        &before
                    } else if j as usize >= n {
                        &after
                    } else {
                        &types[j as usize]
                    };
                    for (r, v) in row.iter_mut().zip(&ts[o]) {
                        *r += v;
                    }
                }
                self.add_scores(&token_ids[i], row);
            }
            let tags = viterbi(&em, &self.transitions);
            for (a, b, ty) in spans(&tags) {
                // A name never starts or ends with a token of punctuation alone (a
                // closing quotation mark tagged with the name after it).
                let words =
                    |&(x, y): &(usize, usize)| text[x..y].chars().any(char::is_alphanumeric);
                let Some(first) = (a..b).find(|&k| words(&toks[k])) else {
                    continue;
                };
                let last = (a..b).rev().find(|&k| words(&toks[k])).unwrap_or(first);
                out.push((toks[first].0, toks[last].1, ty));
            }
        }
        out
    }
}

impl NerModel {
    /// The best valid tag sequence of a sentence given each token's feature ids (as
    /// [`FeatureSet::sentence_ids`] gives them): how a training tool scores the very
    /// weights that ship.
    pub fn tag_ids(&self, ids: &[Vec<u32>]) -> Vec<usize> {
        let em: Vec<[f32; TAGS]> = ids
            .iter()
            .map(|f| {
                let mut row = [0f32; TAGS];
                self.add_scores(f, &mut row);
                row
            })
            .collect();
        viterbi(&em, &self.transitions)
    }
}
