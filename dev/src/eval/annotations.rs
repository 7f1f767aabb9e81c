//! Plumbing for the span-level scores: per matched document, read the raw file, align our
//! body to it, map our mentions and quotes to raw offsets and sum the per-document counts.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::align::Alignment;
use super::documents::DocMatch;
use super::entities::{self, EntityCounts, IdentityScores, PredMention};
use super::gold::GoldSet;
use super::metrics::{Prf, Ratio};
use super::output_tables::OutputTables;
use super::quotes::{self, PredQuote, QuoteCounts};
use crate::error::Result;

/// Entity-mention scores for the set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EntityScores {
    /// Gold documents with entity gold.
    pub docs: usize,
    /// Of those, how many had no documents row (their gold all count as missed).
    pub docs_not_found: usize,
    /// Share of non-whitespace body chars aligned to the raw text, mean over found docs.
    pub mean_alignment: f64,
    /// Gold mentions scored (PER/ORG/LOC/MISC equivalents).
    pub gold_mentions: usize,
    /// Gold mentions excluded from scoring, per gold type.
    pub excluded: BTreeMap<String, usize>,
    /// Our mentions in those documents.
    pub predicted: usize,
    /// Our mentions that could not be aligned (false positives).
    pub unmappable: usize,
    /// Our mentions on an excluded gold span (not scored).
    pub ignored: usize,
    /// Exact span, any type.
    pub untyped: Prf,
    /// Exact span and type, PER/ORG/LOC only.
    pub typed: Prf,
    /// Typed scores per class.
    pub per_type: BTreeMap<String, Prf>,
    /// Untyped and typed scores per gold language (when the gold has languages).
    pub by_language: BTreeMap<String, LanguageEntityScores>,
}

/// Entity scores of one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LanguageEntityScores {
    /// Gold documents of the language.
    pub docs: usize,
    /// Exact span, any type.
    pub untyped: Prf,
    /// Exact span and type, PER/ORG/LOC.
    pub typed: Prf,
}

/// Quotation scores for the set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuoteScores {
    /// Gold documents with quote gold.
    pub docs: usize,
    /// Of those, how many had no documents row.
    pub docs_not_found: usize,
    /// Direct-quote recall.
    pub direct_recall: Ratio,
    /// Speaker accuracy among recalled quotes.
    pub speaker_accuracy: Ratio,
    /// Share of our quotes matching a gold direct quote.
    pub precision: Ratio,
    /// The underlying counts.
    pub counts: QuoteCounts,
}

/// Span-level scores: entities, identity, quotes (each None when the set has no such gold).
#[derive(Debug, Clone, Default)]
pub struct SpanScores {
    /// Entity mentions.
    pub entities: Option<EntityScores>,
    /// Entity identity.
    pub identity: Option<IdentityScores>,
    /// Quotations.
    pub quotes: Option<QuoteScores>,
}

fn span(alignment: Option<&Alignment>, start: i32, end: i32) -> Option<(usize, usize)> {
    let (s, e) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
    alignment?.raw_span(s, e)
}

/// Computes entity, identity and quote scores for the matched documents.
pub fn score(matches: &[DocMatch], set: &GoldSet, out: &OutputTables) -> Result<SpanScores> {
    let mut mentions: HashMap<&str, Vec<_>> = HashMap::new();
    for m in &out.mentions {
        mentions.entry(m.doc_id.as_str()).or_default().push(m);
    }
    let mut quotes_by_doc: HashMap<&str, Vec<_>> = HashMap::new();
    for q in &out.quotes {
        quotes_by_doc.entry(q.doc_id.as_str()).or_default().push(q);
    }
    let (mut ent, mut qs) = (EntityScores::default(), QuoteScores::default());
    let (mut ent_total, mut quote_total) = (EntityCounts::default(), QuoteCounts::default());
    let mut by_lang: BTreeMap<String, (usize, EntityCounts)> = BTreeMap::new();
    let mut coverage_sum = 0.0;
    for m in matches {
        let (g_ents, g_quotes) = (m.gold.entities.as_deref(), m.gold.quotes.as_deref());
        if g_ents.is_none() && g_quotes.is_none() {
            continue;
        }
        let raw = set.read_text(&m.gold.file)?;
        let raw_chars: Vec<char> = raw.chars().collect();
        let alignment = m.doc.map(|d| Alignment::new(&d.body, &raw));
        let doc_id = m.doc.map_or("", |d| d.doc_id.as_str());
        if let Some(gold) = g_ents {
            ent.docs += 1;
            match (m.doc, &alignment) {
                (Some(d), Some(a)) => coverage_sum += a.coverage(&d.body),
                _ => ent.docs_not_found += 1,
            }
            let pred: Vec<PredMention> = mentions
                .get(doc_id)
                .filter(|_| m.doc.is_some())
                .into_iter()
                .flatten()
                .map(|p| PredMention {
                    span: span(alignment.as_ref(), p.start, p.end),
                    entity_type: p.entity_type.clone(),
                    entity_id: p.entity_id.clone(),
                })
                .collect();
            let counts = entities::score_doc(gold, &pred);
            if std::env::var_os("GAZETTE_EVAL_MISSES").is_some() {
                entities::print_misses(doc_id, &raw_chars, gold, &pred);
            }
            ent_total.add(&counts);
            if let Some(lang) = m.gold.language.as_deref() {
                let slot = by_lang.entry(lang.to_string()).or_default();
                slot.0 += 1;
                slot.1.add(&counts);
            }
        }
        if let Some(gold) = g_quotes {
            qs.docs += 1;
            qs.docs_not_found += usize::from(m.doc.is_none());
            let pred: Vec<PredQuote> = quotes_by_doc
                .get(doc_id)
                .filter(|_| m.doc.is_some())
                .into_iter()
                .flatten()
                .map(|p| PredQuote {
                    span: span(alignment.as_ref(), p.start, p.end),
                    speaker: p.speaker.clone(),
                    speaker_name: p.speaker_name.clone(),
                })
                .collect();
            if std::env::var_os("GAZETTE_EVAL_MISSES").is_some() {
                quotes::print_misses(doc_id, &raw_chars, gold, &pred);
            }
            quote_total.add(&quotes::score_doc(gold, &raw_chars, &pred));
        }
    }
    let mut scores = SpanScores::default();
    if ent.docs > 0 {
        let found = ent.docs - ent.docs_not_found;
        ent.mean_alignment = if found == 0 {
            0.0
        } else {
            coverage_sum / found as f64
        };
        ent.gold_mentions = ent_total.gold;
        ent.excluded = ent_total.excluded.clone();
        ent.predicted = ent_total.predicted;
        ent.unmappable = ent_total.unmappable;
        ent.ignored = ent_total.ignored;
        ent.untyped = entities::prf(ent_total.untyped);
        ent.typed = entities::prf(ent_total.typed);
        ent.per_type = ent_total
            .per_type
            .iter()
            .map(|(k, v)| (k.clone(), entities::prf(*v)))
            .collect();
        ent.by_language = by_lang
            .into_iter()
            .map(|(lang, (docs, c))| {
                let scores = LanguageEntityScores {
                    docs,
                    untyped: entities::prf(c.untyped),
                    typed: entities::prf(c.typed),
                };
                (lang, scores)
            })
            .collect();
        scores.identity = entities::identity(&ent_total.identity);
        scores.entities = Some(ent);
    }
    if qs.docs > 0 {
        qs.direct_recall = quote_total.recall();
        qs.speaker_accuracy = quote_total.speaker_accuracy();
        qs.precision = quote_total.precision();
        qs.counts = quote_total;
        scores.quotes = Some(qs);
    }
    Ok(scores)
}
