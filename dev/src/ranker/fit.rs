//! Logistic regression over candidates (label: the gold speaker), fitted by full-batch
//! gradient descent from zero weights (deterministic), with the L2 strength chosen by
//! k-fold cross-validation over documents (fold: first SHA-256 byte of the document key
//! modulo k), the criterion being the share of quotes whose best candidate is right.

use sha2::{Digest, Sha256};

use gazette::stages::quotes::{RankerWeights, FEATURE_NAMES};

use super::examples::Example;

/// Gradient steps of one fit.
const STEPS: usize = 3000;
/// Step size.
const RATE: f32 = 0.5;

/// The logistic of `w` over features `f`.
pub fn score(w: &RankerWeights, f: &[f32]) -> f32 {
    let z = w.bias + w.weights.iter().zip(f).map(|(a, b)| a * b).sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// Fits the weights on every candidate of `examples` with L2 strength `l2`.
pub fn train(examples: &[Example], l2: f32) -> RankerWeights {
    let rows: Vec<(&[f32], f32)> = examples
        .iter()
        .flat_map(|e| e.candidates.iter())
        .map(|(f, y)| (f.as_slice(), f32::from(u8::from(*y))))
        .collect();
    let n = rows.len().max(1) as f32;
    let mut w = RankerWeights {
        bias: 0.0,
        weights: [0.0; FEATURE_NAMES.len()],
    };
    for _ in 0..STEPS {
        let mut gb = 0.0f32;
        let mut gw = [0.0f32; FEATURE_NAMES.len()];
        for (f, y) in &rows {
            let d = score(&w, f) - y;
            gb += d;
            for (g, x) in gw.iter_mut().zip(f.iter()) {
                *g += d * x;
            }
        }
        w.bias -= RATE * gb / n;
        for (wi, g) in w.weights.iter_mut().zip(gw) {
            *wi -= RATE * (g / n + l2 * *wi);
        }
    }
    w
}

fn fold_of(doc: &str, k: usize) -> usize {
    Sha256::digest(doc.as_bytes())[0] as usize % k
}

/// Cross-validation of one L2 strength: held-out accuracy, the cascade's on the same
/// quotes, and each held-out quote's best score with whether it was right.
#[derive(Debug, Clone)]
pub struct CvReport {
    /// The L2 strength.
    pub l2: f32,
    /// Held-out quotes whose best candidate is right.
    pub right: usize,
    /// The cascade's right speakers on the same quotes.
    pub cascade_right: usize,
    /// Quotes.
    pub total: usize,
    /// (best score, right) of every held-out quote, for the calibration table.
    pub scored: Vec<(f32, bool)>,
}

/// k-fold cross-validation over documents for each L2 strength.
pub fn cross_validate(examples: &[Example], k: usize, l2s: &[f32]) -> Vec<CvReport> {
    l2s.iter()
        .map(|&l2| {
            let mut r = CvReport {
                l2,
                right: 0,
                cascade_right: 0,
                total: 0,
                scored: Vec::new(),
            };
            for fold in 0..k {
                let (test, train_set): (Vec<Example>, Vec<Example>) = examples
                    .iter()
                    .cloned()
                    .partition(|e| fold_of(&e.doc, k) == fold);
                if test.is_empty() {
                    continue;
                }
                let w = train(&train_set, l2);
                let (right, total) = accuracy(&w, &test);
                r.right += right;
                r.total += total;
                r.cascade_right += test.iter().filter(|e| e.cascade_right()).count();
                for e in &test {
                    let (i, s) = e
                        .candidates
                        .iter()
                        .enumerate()
                        .map(|(i, (f, _))| (i, score(&w, f)))
                        .fold((0, f32::MIN), |b, c| if c.1 > b.1 { c } else { b });
                    r.scored.push((s, e.candidates.get(i).is_some_and(|c| c.1)));
                }
            }
            r
        })
        .collect()
}

/// The share of `examples` whose best candidate under `w` is right.
pub fn accuracy(w: &RankerWeights, examples: &[Example]) -> (usize, usize) {
    let mut right = 0;
    for e in examples {
        let best = e
            .candidates
            .iter()
            .enumerate()
            .map(|(i, (f, _))| (i, score(w, f)))
            .fold(None::<(usize, f32)>, |b, (i, s)| match b {
                Some((_, bs)) if bs >= s => b,
                _ => Some((i, s)),
            });
        if best.is_some_and(|(i, _)| e.candidates[i].1) {
            right += 1;
        }
    }
    (right, examples.len())
}
