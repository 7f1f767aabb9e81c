//! Quotes stage: direct quotations with their speaker and attribution cue.
//!
//! 1. `spans` pairs quotation marks (« », “ ”, „ “, ‘ ’, " ", ” ”, ‹ ›, German » «),
//!    keeps nested quotes inside their outer quotation, continues a quotation over
//!    paragraphs that reopen it, and drops marks left open at a paragraph end; it finds
//!    dialogue dashes, classifies each quote as full or partial and skips names/titles
//!    in quotes (`spans::kind`).
//! 2. `candidates` cleans the entity mentions of slips that decide speakers ("Somehow",
//!    "Unlike Al Mnajer", surnames typed as places, "Ms. May") and adds the untagged
//!    names a speech verb vouches for.
//! 3. `attribution` finds the cue (speech verb or "according to", from the compiled
//!    `cues`) after or before the quote, within its windows, and `speakers` resolves the
//!    speaker: a name to its entity mention (untagged names through the one name walker
//!    of `candidates`), a pronoun to the salient person it agrees with (one who speaks,
//!    or opens a clause and whose gender the text shows), a role to the person named with
//!    that role, a description ("the father") to its own text; a cue-less quote
//!    paragraph continues the previous speaker. Scores are calibrated per way
//!    (`speakers::score`).
//! 4. `ranking` (on by default, `speaker_ranker`): the cascade's speaker is one candidate
//!    among the persons and organisations named near the quote, a description it kept,
//!    and nobody; a logistic regression learned from gold (`data/quotes/speaker_ranker.tsv`,
//!    trained by `gazette-dev train-speakers`) picks the best, its score the chance it is
//!    right. A description the cascade kept ("the minister") is thus joined to the entity.
//!
//! The tests are in `tests/`, one file per concept.
//!
//! Word lists are data under `data/lang/<lang>/`: `speech_verbs`, `according_to`,
//! `quote_pronouns`, `quote_object_pronouns`, `quote_roles`, `quote_gender_words`,
//! `quote_determiners`, `quote_not_names`, `quote_conjunctions`, `quote_name_cues` (and the entities'
//! `entity_stopwords`, `entity_name_particles`, `person_titles`).

mod attribution;
mod candidates;
mod config;
mod cues;
mod ranking;
mod spans;
mod speakers;

#[cfg(test)]
mod tests;

pub use config::QuotesConfig;
pub use ranking::{Candidate, CandidateKind, QuoteCandidates, RankerWeights, FEATURE_NAMES};

use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::model::{Document, EntityMention, Quote, QuoteKind};
use crate::text::sentence_spans;

use attribution::{Attribution, Neighbours};
use cues::CueLexicon;
use spans::MarkPair;
use speakers::{Memo, Resolver};

/// Score factor for a short (≤ 3 words) partial quote: often a scare quote (10 of 14
/// such quotes had the right speaker on ggt-quotes-en and the project gold, session 4).
const SHORT_PARTIAL_FACTOR: f32 = 0.8;

/// Runtime of the stage; immutable and shared across threads.
#[derive(Debug)]
pub struct QuoteTagger {
    settings: QuotesConfig,
    cues: CueLexicon,
    /// The speaker ranker's weights, when `speaker_ranker` is on.
    ranker: Option<RankerWeights>,
}

impl QuoteTagger {
    /// Compiles the cue lexicons of every language that has a `speech_verbs` list.
    pub(crate) fn new(settings: &QuotesConfig, lexicon: &Lexicon) -> Result<Self> {
        Ok(QuoteTagger {
            settings: settings.clone(),
            cues: CueLexicon::new(lexicon)?,
            ranker: if settings.speaker_ranker {
                Some(RankerWeights::shipped()?)
            } else {
                None
            },
        })
    }

    /// The same stage ranking speakers with `weights` (None: the rule cascade alone);
    /// for training and evaluating weights.
    pub fn with_ranker(mut self, weights: Option<RankerWeights>) -> Self {
        self.ranker = weights;
        self
    }

    /// Every direct quotation of the body, sorted by start; `entities` are the document's
    /// entity mentions (sorted by start), used to resolve speakers.
    pub fn tag(&self, doc: &Document, entities: &[EntityMention]) -> Vec<Quote> {
        let body = doc.body.as_str();
        self.attribute(doc, entities, |r, pairs, attributions, paragraphs| {
            let ranked: Vec<Attribution> = match &self.ranker {
                Some(w) => {
                    let ctx = ranking::Context::new(r, pairs, attributions, paragraphs);
                    (0..pairs.len())
                        .map(|i| rank(w, &ranking::candidates_of(r, &ctx, i), &attributions[i]))
                        .collect()
                }
                None => attributions.to_vec(),
            };
            pairs
                .iter()
                .zip(ranked)
                .map(|(p, a)| to_quote(body, p, a))
                .collect()
        })
        .unwrap_or_default()
    }

    /// Every quotation's speaker candidates with their features (the cascade's choice
    /// first), for training the ranker (`gazette-dev train-speakers`).
    pub fn speaker_candidates(
        &self,
        doc: &Document,
        entities: &[EntityMention],
    ) -> Vec<QuoteCandidates> {
        self.attribute(doc, entities, |r, pairs, attributions, paragraphs| {
            let ctx = ranking::Context::new(r, pairs, attributions, paragraphs);
            pairs
                .iter()
                .enumerate()
                .map(|(i, p)| QuoteCandidates {
                    start: p.start,
                    end: p.end,
                    candidates: ranking::candidates_of(r, &ctx, i),
                })
                .collect()
        })
        .unwrap_or_default()
    }

    /// Finds the quotations and their cascade attributions, then hands them, with the
    /// resolver and the paragraphs, to `finish` (None: no quotation).
    fn attribute<T>(
        &self,
        doc: &Document,
        entities: &[EntityMention],
        finish: impl FnOnce(&Resolver, &[MarkPair], &[Attribution], &[(usize, usize)]) -> T,
    ) -> Option<T> {
        let body = doc.body.as_str();
        let cues = self.cues.for_lang(&doc.language);
        let all_paragraphs = spans::paragraphs(body);
        let mut pairs: Vec<MarkPair> = spans::find_pairs(body, &all_paragraphs, &self.settings)
            .into_iter()
            .filter(|p| {
                !(spans::is_name_like(&body[p.start..p.end], self.settings.max_name_words)
                    || cues.names_next(body, p.open))
                    || cued_right_after(body, p, cues)
            })
            .collect();
        let dashed = spans::dash_pairs(body, &all_paragraphs, &pairs);
        if !dashed.is_empty() {
            pairs.extend(dashed);
            pairs.sort_by_key(|p| p.open);
        }
        if pairs.is_empty() {
            return None;
        }
        let inside_quote = |m: &EntityMention| {
            let i = pairs.partition_point(|p| p.open <= m.start);
            i > 0 && m.end <= pairs[i - 1].close_end
        };
        let tagged: Vec<&EntityMention> = entities
            .iter()
            .filter(|m| {
                m.start < m.end
                    && m.end <= body.len()
                    && body.is_char_boundary(m.start)
                    && body.is_char_boundary(m.end)
                    && !inside_quote(m)
                    && !photo_credit(body, m)
            })
            .collect();
        let reviewed = candidates::review(body, cues, tagged);
        let mut mentions = reviewed.kept;
        mentions.extend(&reviewed.revised);
        mentions.sort_by_key(|m| m.start);
        let extra = candidates::cue_names(body, cues, &mentions, &pairs);
        mentions.extend(&extra);
        mentions.sort_by_key(|m| m.start);
        let sentences = sentence_spans(body);
        let opens: Vec<usize> = pairs.iter().map(|p| p.open).collect();

        let memo = Memo::new(&mentions);
        let mut resolver = Resolver {
            body,
            cues,
            mentions,
            sentences,
            genders: Default::default(),
            memo,
        };
        resolver.genders = speakers::person_genders(
            body,
            cues,
            &resolver.mentions,
            &resolver.sentences,
            &opens,
            |m| resolver.opens_persons(m) || resolver.speaks(m, body.len()),
        );
        // Lines without a letter or digit (" ." separators) do not break continuations.
        let paragraphs: Vec<(usize, usize)> = all_paragraphs
            .into_iter()
            .filter(|&(s, e)| body[s..e].chars().any(char::is_alphanumeric))
            .collect();
        let mut attributions: Vec<Attribution> = Vec::with_capacity(pairs.len());
        for (i, pair) in pairs.iter().enumerate() {
            let near = Neighbours {
                previous: i.checked_sub(1).map(|j| (&pairs[j], &attributions[j])),
                next_open: pairs.get(i + 1).map(|p| p.open),
                paragraphs: &paragraphs,
            };
            let a = attribution::attribute(&resolver, pair, &near, self.settings.cue_window_bytes);
            attributions.push(a);
        }
        Some(finish(&resolver, &pairs, &attributions, &paragraphs))
    }
}

/// The cascade's attribution `a` with the ranker's best candidate as its speaker and that
/// candidate's score; the cue stays the cascade's.
fn rank(w: &RankerWeights, candidates: &[ranking::Candidate], a: &Attribution) -> Attribution {
    let Some((best, score)) = w.best(candidates) else {
        return a.clone();
    };
    let c = &candidates[best];
    let speaker = match c.kind {
        ranking::CandidateKind::Nobody => None,
        _ => Some(speakers::Speaker {
            text: c.text.clone(),
            id: c.id.clone(),
            name: c.name.clone(),
            person: c.person,
            score,
        }),
    };
    Attribution {
        speaker,
        cue: a.cue,
        score,
    }
}

/// A photo credit ("Jane Roe / Agency"): a name that speaks for nobody.
fn photo_credit(body: &str, m: &EntityMention) -> bool {
    body[m.end..].starts_with(" / ") || body[..m.start].ends_with(" / ")
}

/// A comma then, at once, a speech verb after the closing mark («Oui», dit-il): a quotation
/// even when it looks like a name.
fn cued_right_after(body: &str, pair: &MarkPair, cues: &cues::LangCues) -> bool {
    let rest = &body[pair.close_end..];
    let Some(after_comma) = rest.trim_start().strip_prefix(',') else {
        return false;
    };
    let word = body.len() - after_comma.trim_start().len();
    let to = body.floor_char_boundary(word + 30);
    let found = cues.cues_in(body, word, to);
    found
        .first()
        .is_some_and(|c| c.kind == cues::CueKind::Speech && c.start == word)
}

fn to_quote(body: &str, pair: &MarkPair, a: Attribution) -> Quote {
    let kind = spans::kind_of(body, pair);
    let short = kind == QuoteKind::Partial && spans::word_count(&body[pair.start..pair.end]) <= 3;
    let score = if short {
        a.score * SHORT_PARTIAL_FACTOR
    } else {
        a.score
    };
    let (speaker, speaker_id, speaker_name) = match a.speaker {
        Some(s) => (s.text, s.id, s.name),
        None => (None, None, None),
    };
    Quote {
        start: pair.start,
        end: pair.end,
        kind,
        speaker,
        speaker_id,
        speaker_name,
        cue: a.cue.and_then(|(s, e)| body.get(s..e)).map(str::to_string),
        score: score.clamp(0.0, 1.0),
    }
}
