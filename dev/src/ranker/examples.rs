//! Training examples: one per gold quote the quotes stage finds, with its candidates'
//! features and whether each is the gold speaker.

use std::path::Path;

use gazette::config::PipelineConfig;
use gazette::lexicon::Lexicon;
use gazette::model::Document;
use gazette::stages::quotes::{Candidate, CandidateKind, QuoteCandidates};
use gazette::text::CharOffsets;

use crate::error::{Error, Result};
use crate::eval::align::Alignment;
use crate::eval::documents::match_docs;
use crate::eval::gold::GoldSet;
use crate::eval::output_tables::OutputTables;
use crate::eval::quotes::{is_direct, matches_gold, overlap, speaker_matches, stripped_span};
use crate::eval::split::{half_of, Half};

/// One gold quote with its candidates.
#[derive(Debug, Clone)]
pub struct Example {
    /// Where it comes from ("ggt", "fr", …) and its document id: folds split by document.
    pub doc: String,
    /// The set: "ggt" or the language of the project gold.
    pub set: String,
    /// Each candidate's features with its label (true: the gold speaker).
    pub candidates: Vec<(Vec<f32>, bool)>,
}

impl Example {
    /// True when the cascade's own choice (the first candidate) is right.
    pub fn cascade_right(&self) -> bool {
        self.candidates.first().is_some_and(|c| c.1)
    }
}

/// The stages the examples run: entities and quotes with default settings, the ranker off.
struct Stages {
    entities: gazette::stages::entities::EntityTagger,
    quotes: gazette::stages::quotes::QuoteTagger,
}

fn stages() -> Result<Stages> {
    let mut c = PipelineConfig::default();
    // The shipped weights are not read: they may predate the features being trained.
    c.stages.quotes.speaker_ranker = false;
    let lexicon = Lexicon::load(&c.run.data_dirs)?;
    Ok(Stages {
        entities: c.stages.entities.build(&lexicon)?,
        quotes: c.stages.quotes.build(&lexicon)?,
    })
}

fn candidates(st: &Stages, lang: &str, body: &str) -> Vec<QuoteCandidates> {
    let d = Document {
        language: lang.to_string(),
        body: body.to_string(),
        ..Document::default()
    };
    st.quotes.speaker_candidates(&d, &st.entities.tag(&d))
}

fn labelled(cands: &[Candidate], right: impl Fn(&Candidate) -> bool) -> Vec<(Vec<f32>, bool)> {
    cands
        .iter()
        .map(|c| (c.features.to_vec(), right(c)))
        .collect()
}

/// The project gold's rule (src/stages/quotes/tests/gold.rs): same canonical name or same
/// last word; a `null` gold speaker wants nobody named, a lowercase description allowed.
pub fn project_right(gold: Option<&str>, c: &Candidate) -> bool {
    let last = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
    match gold {
        None => match c.kind {
            CandidateKind::Nobody => true,
            CandidateKind::Described => c
                .text
                .as_deref()
                .is_none_or(|t| !t.starts_with(char::is_uppercase)),
            CandidateKind::Entity => false,
        },
        Some(g) => [c.name.as_deref(), c.text.as_deref()]
            .into_iter()
            .flatten()
            .any(|n| n.eq_ignore_ascii_case(g) || last(n) == last(g)),
    }
}

/// Examples from the project's gold files (JSON lines: id, lang, body, quotes with text
/// and speaker), documents of `half` only.
pub fn project_examples(files: &[&Path], half: Half) -> Result<Vec<Example>> {
    let st = stages()?;
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|e| Error::Eval {
            path: file.to_path_buf(),
            message: e.to_string(),
        })?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| Error::Eval {
                path: file.to_path_buf(),
                message: e.to_string(),
            })?;
            let id = v["id"].as_str().unwrap_or_default();
            if half_of(id) != half {
                continue;
            }
            let lang = v["lang"].as_str().unwrap_or_default();
            let body = v["body"].as_str().unwrap_or_default();
            let found = candidates(&st, lang, body);
            let mut from = 0;
            for g in v["quotes"].as_array().into_iter().flatten() {
                let Some(t) = g["text"].as_str() else {
                    continue;
                };
                let Some(at) = body[from..].find(t).map(|i| from + i) else {
                    continue;
                };
                from = at;
                let (gs, ge) = (at, at + t.len());
                let ov = |s: usize, e: usize| e.min(ge).saturating_sub(s.max(gs));
                let Some(q) = found
                    .iter()
                    .filter(|q| 2 * ov(q.start, q.end) >= ge - gs)
                    .max_by_key(|q| ov(q.start, q.end))
                else {
                    continue;
                };
                let want = g["speaker"].as_str();
                out.push(Example {
                    doc: format!("{lang}/{id}"),
                    set: lang.to_string(),
                    candidates: labelled(&q.candidates, |c| project_right(want, c)),
                });
            }
        }
    }
    Ok(out)
}

/// Examples from ggt-quotes-en (`set`), read from the documents of an evaluation run of it
/// (`output`, batch "eval"), documents of `half` only, gold quotes with a speaker only.
pub fn ggt_examples(set: &Path, output: &Path, half: Half) -> Result<Vec<Example>> {
    let st = stages()?;
    let gold = GoldSet::load(set)?;
    let tables = OutputTables::read(output, "eval")?;
    let mut out = Vec::new();
    for m in match_docs(&gold, &tables) {
        let (g, Some(doc)) = (m.gold, m.doc) else {
            continue;
        };
        if half_of(&g.id) != half {
            continue;
        }
        let found = candidates(&st, &doc.language, &doc.body);
        let raw = gold.read_text(&g.file)?;
        let raw_chars: Vec<char> = raw.chars().collect();
        let align = Alignment::new(&doc.body, &raw);
        let offsets = CharOffsets::new(&doc.body);
        for gq in g.quotes.iter().flatten() {
            let Some(gs) = stripped_span(gq, &raw_chars).filter(|_| is_direct(gq, &raw_chars))
            else {
                continue;
            };
            let want = gq.speaker_canonical.as_deref().unwrap_or("").trim();
            if want.is_empty() {
                continue;
            }
            let best = found
                .iter()
                .filter_map(|q| {
                    let s = align.raw_span(offsets.char_of(q.start), offsets.char_of(q.end))?;
                    Some((s, q))
                })
                .filter(|(s, _)| matches_gold(*s, gs))
                .max_by_key(|(s, _)| overlap(*s, gs));
            let Some((_, q)) = best else { continue };
            let right = |c: &Candidate| {
                [c.name.as_deref(), c.text.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|n| speaker_matches(want, n))
            };
            out.push(Example {
                doc: format!("ggt/{}", g.id),
                set: "ggt".into(),
                candidates: labelled(&q.candidates, right),
            });
        }
    }
    Ok(out)
}
