//! Time spent per stage, summed across worker threads.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// The timed steps of a run, in pipeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Reading and decoding input files.
    Read,
    /// The parse stage.
    Parse,
    /// The dedup stage (fingerprints and clustering).
    Dedup,
    /// The date-stamp stage.
    Dates,
    /// The entities stage.
    Entities,
    /// The quotes stage.
    Quotes,
    /// Building and writing tables.
    Write,
}

impl Step {
    const ALL: [Step; 7] = [
        Step::Read,
        Step::Parse,
        Step::Dedup,
        Step::Dates,
        Step::Entities,
        Step::Quotes,
        Step::Write,
    ];

    fn name(self) -> &'static str {
        match self {
            Step::Read => "read",
            Step::Parse => "parse",
            Step::Dedup => "dedup",
            Step::Dates => "dates",
            Step::Entities => "entities",
            Step::Quotes => "quotes",
            Step::Write => "write",
        }
    }
}

/// Thread-safe accumulators of nanoseconds per step.
#[derive(Debug, Default)]
pub struct StageTimes([AtomicU64; 7]);

impl StageTimes {
    /// Runs `f`, adding its duration to `step`.
    pub fn time<T>(&self, step: Step, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.0[step as usize].fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
        out
    }

    /// Seconds per step, by name.
    pub fn seconds(&self) -> BTreeMap<String, f64> {
        Step::ALL
            .iter()
            .map(|&s| {
                (
                    s.name().to_string(),
                    self.0[s as usize].load(Ordering::Relaxed) as f64 / 1e9,
                )
            })
            .collect()
    }
}
