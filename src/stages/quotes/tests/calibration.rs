//! Speaker scores against speaker accuracy, for the calibration reports of the ggt
//! diagnostic (dev/tests/ggt_quotes_diagnostic.rs, which includes this file) and `tests::gold` (the project gold): quotes, right speakers and the sum
//! of scores per score band, and the expected calibration error over the bands.

/// Score bands of equal width over [0, 1], each with its quotes, right speakers and the
/// sum of their scores.
pub(crate) struct Calibration {
    bands: Vec<(usize, usize, f64)>,
}

impl Calibration {
    /// `n` empty bands of width `1 / n`.
    pub(crate) fn new(n: usize) -> Calibration {
        Calibration {
            bands: vec![(0, 0, 0.0); n.max(1)],
        }
    }

    /// Counts one quote with its speaker score and whether the speaker is right.
    pub(crate) fn add(&mut self, score: f32, right: bool) {
        let n = self.bands.len();
        let b = &mut self.bands[((score * n as f32) as usize).min(n - 1)];
        b.0 += 1;
        b.1 += usize::from(right);
        b.2 += f64::from(score);
    }

    /// Prints one line per band: quotes, right speakers, accuracy, mean score.
    pub(crate) fn print(&self) {
        let n = self.bands.len() as f32;
        for (b, (quotes, ok, sum)) in self.bands.iter().enumerate() {
            println!(
                "score {:.1}-{:.1}: {quotes} quotes, speaker right {ok} ({:.3}), mean score {:.3}",
                b as f32 / n,
                (b + 1) as f32 / n,
                *ok as f64 / (*quotes).max(1) as f64,
                sum / (*quotes).max(1) as f64
            );
        }
    }

    /// Expected calibration error: the sum over bands of |right speakers − sum of
    /// scores|, over all quotes (0 when a band's mean score is its accuracy).
    pub(crate) fn error(&self) -> f64 {
        let quotes: usize = self.bands.iter().map(|b| b.0).sum();
        let gap: f64 = self
            .bands
            .iter()
            .map(|(_, ok, sum)| (*ok as f64 - sum).abs())
            .sum();
        gap / quotes.max(1) as f64
    }

    /// The same counts over bands twice as wide (an even number of bands).
    pub(crate) fn halved(&self) -> Calibration {
        let bands = self
            .bands
            .chunks(2)
            .map(|c| {
                c.iter()
                    .fold((0, 0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
            })
            .collect();
        Calibration { bands }
    }
}
