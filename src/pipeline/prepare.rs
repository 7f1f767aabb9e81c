//! Pass 1: read every record, parse it, stamp its publication date and fingerprint it, in
//! parallel chunks; spill the documents to scratch and keep only small per-document keys.

use rayon::prelude::*;

use super::guard::{guarded, StageCell};
use super::spill::{SpillSlot, SpillWriter};
use super::timing::Step;
use super::{Context, Stages};
use crate::error::Result;
use crate::input::{InputItem, RecordReader};
use crate::model::{Document, Reject, RejectReason};
use crate::progress::Progress;
use crate::stages::dedup::{exact_fingerprint, DedupEntry, Fingerprint};

/// The outcome of pass 1. Per document, memory keeps only its spill slot and its dedup
/// keys; everything else (text, locator, URL) waits in the spill file.
pub struct PassOne {
    /// Where each document is in the spill file, in input order.
    pub slots: Vec<SpillSlot>,
    /// Each document's dedup keys (its id included), parallel to `slots`.
    pub entries: Vec<DedupEntry>,
    /// Records that produced no document, in input order.
    pub rejects: Vec<Reject>,
}

/// The dedup keys of a prepared document (its id is the plain id of `ids::doc_id`).
pub(super) fn entry(stages: &Stages, doc: &Document, fingerprint: Fingerprint) -> DedupEntry {
    DedupEntry {
        agency: stages
            .dedup
            .as_ref()
            .is_some_and(|d| d.is_agency(doc.source_name.as_deref())),
        chars: doc.chars(),
        published: doc.published_date,
        has_url: doc.url.is_some(),
        doc_id: doc.doc_id.clone(),
        fingerprint,
    }
}

/// Parse, publication date and fingerprint of one record, under the panic guard: a
/// panic in any of them makes the record an `internal_error` reject.
pub(super) fn prepare_one(ctx: &Context, item: InputItem) -> Prepared {
    let (stages, times, fail) = (ctx.stages, ctx.times, ctx.fail_point);
    let record = item?;
    let input = record.input.clone();
    let work = |stage: &StageCell| -> Prepared {
        fail.check("parse", &input);
        let mut doc = times.time(Step::Parse, || stages.parser.parse(record))?;
        doc.doc_id = super::ids::doc_id(doc.url.as_deref(), &doc.input);
        if let Some(dates) = &stages.dates {
            stage.set("dates");
            fail.check("dates", &input);
            times.time(Step::Dates, || dates.stamp_publication(&mut doc));
        }
        stage.set("dedup");
        fail.check("dedup", &input);
        let fp = times.time(Step::Dedup, || match &stages.dedup {
            Some(dedup) => dedup.fingerprint(&doc.body),
            None => exact_fingerprint(&doc.body),
        });
        doc.content_hash = fp.content_hash_hex();
        Ok((doc, fp))
    };
    guarded("parse", work).unwrap_or_else(|(stage, message)| {
        Err(Reject {
            input,
            stage,
            reason: RejectReason::InternalError,
            detail: format!("{stage}: {message}"),
        })
    })
}

pub(super) type Prepared = Result<(Document, Fingerprint), Reject>;

/// Keeps one chunk's results, in input order: documents to the spill file and their
/// keys to `out`, rejects to `out.rejects`.
fn keep(
    stages: &Stages,
    results: Vec<Prepared>,
    spill: &mut SpillWriter,
    out: &mut PassOne,
) -> Result<()> {
    for result in results {
        match result {
            Ok((doc, fingerprint)) => {
                let slot = spill.append(&doc)?;
                out.entries.push(entry(stages, &doc, fingerprint));
                out.slots.push(slot);
            }
            Err(reject) => out.rejects.push(reject),
        }
    }
    Ok(())
}

/// Runs pass 1 over `reader`, `chunk_size` records at a time. The serial work (keeping
/// the previous chunk's results, reading the next chunk) overlaps the parallel
/// processing of the current chunk; results are kept in input order all the same.
pub fn run(
    ctx: &Context,
    mut reader: RecordReader,
    spill: &mut SpillWriter,
    progress: &Progress,
) -> Result<PassOne> {
    let (stages, times, chunk_size) = (ctx.stages, ctx.times, ctx.chunk_size);
    let mut out = PassOne {
        slots: Vec::new(),
        entries: Vec::new(),
        rejects: Vec::new(),
    };
    let read = |reader: &mut RecordReader| -> Vec<InputItem> {
        times.time(Step::Read, || reader.by_ref().take(chunk_size).collect())
    };
    let mut current = read(&mut reader);
    let mut previous: Vec<Prepared> = Vec::new();
    while !current.is_empty() {
        let n = current.len() as u64;
        let (serial, results) = rayon::join(
            || -> Result<Vec<InputItem>> {
                keep(stages, std::mem::take(&mut previous), spill, &mut out)?;
                Ok(read(&mut reader))
            },
            || -> Vec<Prepared> {
                std::mem::take(&mut current)
                    .into_par_iter()
                    .map(|item| prepare_one(ctx, item))
                    .collect()
            },
        );
        current = serial?;
        previous = results;
        progress.inc(n);
    }
    keep(stages, previous, spill, &mut out)?;
    Ok(out)
}
