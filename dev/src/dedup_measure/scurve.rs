//! The S-curve of the LSH banding, measured: random body pairs built at each Jaccard
//! level, the share that become candidates (share a band) and the share that are then
//! verified as duplicates, beside the theoretical 1 − (1 − s^rows)^bands.

use gazette::stages::dedup::{estimated_jaccard, DedupConfig};
use rayon::prelude::*;

use crate::error::Result;
use crate::synth::{shingle_jaccard, Rng};

/// One row of the S-curve: pairs built at a target Jaccard similarity.
#[derive(Debug, Clone, PartialEq)]
pub struct SCurvePoint {
    /// Mean exact Jaccard of the pairs' shingle sets.
    pub jaccard: f64,
    /// Share of pairs sharing at least one band (LSH candidates).
    pub candidate: f64,
    /// 1 − (1 − s^rows)^bands at `jaccard`.
    pub theory: f64,
    /// Share of pairs that are candidates and pass verification (duplicates).
    pub duplicate: f64,
}

/// The measured S-curve: `pairs` random body pairs at each Jaccard level 0.1 … 1.0.
/// Fails when `settings` do not pass the stage's checks.
pub fn s_curve(settings: &DedupConfig, pairs: usize, seed: u64) -> Result<Vec<SCurvePoint>> {
    let dd = settings.build()?;
    let (k, rows) = (settings.shingle_size, settings.rows);
    Ok((2..=20)
        .into_par_iter()
        .map(|step| {
            let target = step as f64 * 0.05;
            let mut rng = Rng::new(seed, step as u64);
            let (mut js, mut cand, mut dup) = (0.0, 0usize, 0usize);
            for _ in 0..pairs {
                let a: Vec<String> = (0..600)
                    .map(|_| format!("t{}", rng.next_u64() % 1_000_000))
                    .collect();
                // Each replaced word changes `k` shingles on each side.
                let n = (a.len() + 1 - k) as f64;
                let changes = (n * (1.0 - target) / (1.0 + target) / k as f64).round() as usize;
                let mut b = a.clone();
                for _ in 0..changes {
                    let at = rng.below(b.len());
                    b[at] = format!("x{}", rng.next_u64() % 1_000_000);
                }
                let (a, b) = (a.join(" "), b.join(" "));
                js += shingle_jaccard(&a, &b, k);
                let (fa, fb) = (dd.fingerprint(&a), dd.fingerprint(&b));
                let is_cand = fa
                    .signature
                    .chunks(rows)
                    .zip(fb.signature.chunks(rows))
                    .any(|(x, y)| x == y);
                cand += usize::from(is_cand);
                let est = estimated_jaccard(&fa.signature, &fb.signature);
                dup += usize::from(is_cand && est >= settings.threshold);
            }
            let s = js / pairs as f64;
            SCurvePoint {
                jaccard: s,
                candidate: cand as f64 / pairs as f64,
                theory: 1.0 - (1.0 - s.powi(rows as i32)).powi(settings.bands as i32),
                duplicate: dup as f64 / pairs as f64,
            }
        })
        .collect())
}
