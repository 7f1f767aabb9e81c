//! `gazette-dev train ner`: an averaged structured perceptron over the pipeline's own
//! features ([`gazette::stages::entities::model::features::FeatureSet`]), decoded by the
//! same Viterbi, written as the pipeline's model file.
//!
//! Deterministic: the files are read in the order given, every tenth sentence of each is
//! held out ([`super::corpus::is_check`]), and each epoch visits the training sentences
//! in an order drawn from a fixed-seed generator; nothing depends on thread timing or
//! hash order, so the same data and options give a byte-identical model.

use std::fmt::Write as _;
use std::path::PathBuf;

use gazette::lexicon::Lexicon;
use gazette::stages::entities::model::decode::{allowed, spans, tag_index, TAGS, TAG_NAMES};
use gazette::stages::entities::model::features::FeatureSet;
use gazette::stages::entities::model::file::NerModel;
use rayon::prelude::*;

use super::corpus::{self, Sentence};
use crate::error::Result;

/// One training file and the weight of its updates (1 for gold, less for silver).
#[derive(Debug, Clone)]
pub struct DataFile {
    /// The corpus file.
    pub path: PathBuf,
    /// Update weight, in (0, 1].
    pub weight: f32,
}

/// What to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Language of the model (selects the language lists of the features).
    pub lang: String,
    /// The training files, in order.
    pub data: Vec<DataFile>,
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Size of the hashed feature table.
    pub buckets: u32,
    /// Seed of the per-epoch sentence order.
    pub seed: u64,
}

/// Counts of one entity type on a check split.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Exact span and type.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// A trained model and its report (per-file check-split figures).
pub struct Trained {
    /// The model, ready to write.
    pub model: NerModel,
    /// Human-readable report.
    pub report: String,
}

struct Example {
    ids: Vec<Vec<u32>>,
    gold: Vec<usize>,
    weight: f32,
}

/// xorshift64*: the fixed-seed generator of the epoch orders.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn examples(
    features: &FeatureSet,
    lang: &str,
    sents: &[Sentence],
    buckets: u32,
    weight: f32,
) -> Vec<Example> {
    sents
        .par_chunks(256)
        .flat_map_iter(|chunk| {
            let mut cache = std::collections::HashMap::new();
            chunk
                .iter()
                .map(|s| {
                    let (text, sp) = s.text();
                    Example {
                        ids: features.sentence_ids(lang, &text, &sp, buckets, &mut cache),
                        gold: s.tags.iter().map(|t| tag_index(t)).collect(),
                        weight,
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Trains a model on `opts.data` and scores it on each file's check split.
pub fn train(lexicon: &Lexicon, opts: &TrainOptions) -> Result<Trained> {
    let features = FeatureSet::new(lexicon)?;
    let b = opts.buckets;
    let mut train_set = Vec::new();
    let mut checks = Vec::new();
    let mut data_desc = Vec::new();
    for f in &opts.data {
        let sents = corpus::read(&f.path)?;
        let (mut tr, mut ck) = (Vec::new(), Vec::new());
        for (i, s) in sents.into_iter().enumerate() {
            if corpus::is_check(i) {
                ck.push(s);
            } else {
                tr.push(s);
            }
        }
        let name = corpus::short_name(&f.path);
        data_desc.push(format!(
            "{name}*{} ({} train sentences)",
            f.weight,
            tr.len()
        ));
        train_set.extend(examples(&features, &opts.lang, &tr, b, f.weight));
        checks.push((name, examples(&features, &opts.lang, &ck, b, 1.0)));
    }
    let n = b as usize * TAGS;
    let mut w = vec![0f32; n];
    let mut acc = vec![0f32; n];
    let mut tw = [[0f32; TAGS]; TAGS + 1];
    let mut tacc = [[0f32; TAGS]; TAGS + 1];
    let mut c = 1f32;
    let mut rng = Rng(opts.seed.max(1));
    let mut order: Vec<usize> = (0..train_set.len()).collect();
    for _ in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let ex = &train_set[k];
            let em: Vec<[f32; TAGS]> = ex
                .ids
                .iter()
                .map(|f| {
                    let mut row = [0f32; TAGS];
                    for &id in f {
                        let r = &w[id as usize * TAGS..id as usize * TAGS + TAGS];
                        for (a, v) in row.iter_mut().zip(r) {
                            *a += v;
                        }
                    }
                    row
                })
                .collect();
            let pred = gazette::stages::entities::model::decode::viterbi(&em, &tw);
            if pred != ex.gold {
                let u = ex.weight;
                for (i, (&g, &p)) in ex.gold.iter().zip(&pred).enumerate() {
                    if g != p {
                        for &id in &ex.ids[i] {
                            let base = id as usize * TAGS;
                            w[base + g] += u;
                            acc[base + g] += c * u;
                            w[base + p] -= u;
                            acc[base + p] -= c * u;
                        }
                    }
                    let gp = if i == 0 { TAGS } else { ex.gold[i - 1] };
                    let pp = if i == 0 { TAGS } else { pred[i - 1] };
                    if (gp, g) != (pp, p) {
                        tw[gp][g] += u;
                        tacc[gp][g] += c * u;
                        tw[pp][p] -= u;
                        tacc[pp][p] -= c * u;
                    }
                }
            }
            c += 1.0;
        }
    }
    let avg: Vec<f32> = w.iter().zip(&acc).map(|(w, a)| w - a / c).collect();
    let mut trans = [[0f32; TAGS]; TAGS + 1];
    for (r, (wr, ar)) in trans.iter_mut().zip(tw.iter().zip(&tacc)) {
        for (t, (w, a)) in r.iter_mut().zip(wr.iter().zip(ar)) {
            *t = w - a / c;
        }
    }
    // Gold invalid transitions never appear; keep them out of decoding anyway.
    for (p, row) in trans.iter_mut().enumerate() {
        for (t, v) in row.iter_mut().enumerate() {
            let prev = (p < TAGS).then_some(p);
            if !allowed(prev, t) {
                *v = -1e6;
            }
        }
    }
    let hyper = format!(
        "averaged structured perceptron, epochs={}, seed={}, buckets={}, i16 weights",
        opts.epochs, opts.seed, b
    );
    let data = format!(
        "{}; check split = sentence index % 10 == 0 of each file (held out); MISC tags read as O",
        data_desc.join(", ")
    );
    let model = NerModel::quantised(&opts.lang, &data, &hyper, b, &avg, trans);
    let mut report = String::new();
    writeln!(report, "model {}: {hyper}", opts.lang).ok();
    writeln!(report, "data: {data}").ok();
    for (name, exs) in &checks {
        let mut per = [Counts::default(); 4];
        let mut untyped = Counts::default();
        for ex in exs {
            let pred = model.tag_ids(&ex.ids);
            let g = spans(&ex.gold);
            let p = spans(&pred);
            for s in &p {
                let k = type_index(s.2);
                if g.contains(s) {
                    per[k].tp += 1;
                } else {
                    per[k].fp += 1;
                }
                if g.iter().any(|x| (x.0, x.1) == (s.0, s.1)) {
                    untyped.tp += 1;
                } else {
                    untyped.fp += 1;
                }
            }
            for s in &g {
                if !p.contains(s) {
                    per[type_index(s.2)].fn_ += 1;
                }
                if !p.iter().any(|x| (x.0, x.1) == (s.0, s.1)) {
                    untyped.fn_ += 1;
                }
            }
        }
        let mut all = Counts::default();
        for k in &per[..3] {
            all.tp += k.tp;
            all.fp += k.fp;
            all.fn_ += k.fn_;
        }
        writeln!(report, "check split of {name} ({} sentences):", exs.len()).ok();
        for (label, k) in [
            ("typed", &all),
            ("untyped", &untyped),
            ("PER", &per[0]),
            ("ORG", &per[1]),
            ("LOC", &per[2]),
        ] {
            let (p, r, f) = k.prf();
            writeln!(
                report,
                "  {label:<8} P {p:.3}  R {r:.3}  F1 {f:.3}  (tp {}, fp {}, fn {})",
                k.tp, k.fp, k.fn_
            )
            .ok();
        }
    }
    let _ = TAG_NAMES;
    Ok(Trained { model, report })
}

fn type_index(t: gazette::model::EntityType) -> usize {
    match t {
        gazette::model::EntityType::Person => 0,
        gazette::model::EntityType::Org => 1,
        gazette::model::EntityType::Loc => 2,
        _ => 3,
    }
}
