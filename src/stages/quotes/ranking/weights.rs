//! The ranker's weights: one logistic-regression weight per feature plus a bias, read from
//! a TSV file (`data/quotes/speaker_ranker.tsv`, `#` lines are its header), and the score
//! of a candidate.

use crate::error::{Error, Result};

use super::features::{Candidate, FEATURE_NAMES, N_FEATURES};

/// The shipped weights, written by `gazette-dev train-speakers`.
const SHIPPED: &str = include_str!("../../../../data/quotes/speaker_ranker.tsv");

/// Weights of the speaker ranker: `score = sigmoid(bias + Σ wᵢ·xᵢ)`.
#[derive(Debug, Clone, PartialEq)]
pub struct RankerWeights {
    /// The intercept.
    pub bias: f32,
    /// One weight per feature, in the order of [`FEATURE_NAMES`].
    pub weights: [f32; N_FEATURES],
}

impl RankerWeights {
    /// The weights shipped with the library.
    pub fn shipped() -> Result<Self> {
        Self::parse(SHIPPED)
    }

    /// Parses `name<TAB>weight` lines (`bias` and every feature exactly once; `#` lines
    /// and blank lines skipped).
    pub fn parse(text: &str) -> Result<Self> {
        let bad = |msg: String| Error::config("stages.quotes.speaker_ranker", msg);
        let mut bias = None;
        let mut weights = [f32::NAN; N_FEATURES];
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, value) = line
                .split_once('\t')
                .ok_or_else(|| bad(format!("weights line without a tab: {line}")))?;
            let value: f32 = value
                .trim()
                .parse()
                .map_err(|_| bad(format!("weight of {name} is not a number")))?;
            if name == "bias" {
                bias = Some(value);
            } else {
                let i = FEATURE_NAMES
                    .iter()
                    .position(|f| *f == name)
                    .ok_or_else(|| bad(format!("unknown feature {name} in the weights")))?;
                weights[i] = value;
            }
        }
        if let Some(i) = weights.iter().position(|w| w.is_nan()) {
            return Err(bad(format!("no weight for feature {}", FEATURE_NAMES[i])));
        }
        Ok(RankerWeights {
            bias: bias.ok_or_else(|| bad("no bias in the weights".into()))?,
            weights,
        })
    }

    /// The chance `c` is the right speaker: the logistic of its weighted features.
    pub fn score(&self, c: &Candidate) -> f32 {
        let z: f32 = self.bias
            + self
                .weights
                .iter()
                .zip(&c.features)
                .map(|(w, x)| w * x)
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Index of the best candidate (the first of equals) with its score.
    pub fn best(&self, candidates: &[Candidate]) -> Option<(usize, f32)> {
        let mut best: Option<(usize, f32)> = None;
        for (i, c) in candidates.iter().enumerate() {
            let s = self.score(c);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best
    }

    /// The weights as the TSV file holds them, after `header` lines (each written
    /// with a leading `# `).
    pub fn to_tsv(&self, header: &[String]) -> String {
        let mut out = String::new();
        for h in header {
            out.push_str("# ");
            out.push_str(h);
            out.push('\n');
        }
        out.push_str(&format!("bias\t{:.6}\n", self.bias));
        for (n, w) in FEATURE_NAMES.iter().zip(&self.weights) {
            out.push_str(&format!("{n}\t{w:.6}\n"));
        }
        out
    }
}
