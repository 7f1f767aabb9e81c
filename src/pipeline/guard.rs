//! The last line of defence: each document's work runs under `catch_unwind`, so a bug
//! that panics on one document costs that document, never the batch. Also the fail point
//! that lets tests inject such a panic, read once per run from `GAZETTE_PANIC_AT`.
//!
//! The default panic hook is left in place: a caught panic still prints its message and
//! source location on stderr once, which is what a bug report needs.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Environment variable of the fail point: comma-separated `<stage>:<input locator>`
/// pairs (`parse:feed.jsonl#3,entities:a.txt`). The document with that exact locator
/// panics when it reaches that stage. For tests; unset, it costs one `None` check per
/// stage and document.
pub const PANIC_AT: &str = "GAZETTE_PANIC_AT";

/// Where to inject panics in this run; empty unless [`PANIC_AT`] is set.
#[derive(Debug, Default)]
pub(crate) struct FailPoint {
    at: Vec<(String, String)>,
}

impl FailPoint {
    /// Reads [`PANIC_AT`] (once per run); unset or empty means no fail point.
    pub(crate) fn from_env() -> Self {
        let spec = std::env::var(PANIC_AT).unwrap_or_default();
        let at = spec
            .split(',')
            .filter_map(|pair| pair.split_once(':'))
            .map(|(stage, input)| (stage.trim().to_string(), input.trim().to_string()))
            .collect();
        FailPoint { at }
    }

    /// Panics when the fail point names `stage` for the document at `input`.
    pub(crate) fn check(&self, stage: &str, input: &str) {
        if self.at.iter().any(|(s, i)| s == stage && i == input) {
            panic!("fail point {PANIC_AT}: injected panic in {stage} for {input}");
        }
    }
}

/// The stage a document's work is in, set by the work as it goes, read when it panics.
pub(crate) type StageCell = Cell<&'static str>;

/// Runs one document's `work`; a panic becomes `Err((stage, panic message))`, where the
/// stage is the last one `work` set in the cell it is given (starting at `first`).
pub(crate) fn guarded<T>(
    first: &'static str,
    work: impl FnOnce(&StageCell) -> T,
) -> Result<T, (&'static str, String)> {
    let stage = Cell::new(first);
    catch_unwind(AssertUnwindSafe(|| work(&stage))).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic with a non-text payload".to_string());
        (stage.get(), message)
    })
}
