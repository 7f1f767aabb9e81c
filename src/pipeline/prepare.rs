//! Pass 1: read every record, parse it, stamp its publication date and fingerprint it, in
//! parallel chunks; spill the documents to scratch and keep only small per-document keys.

use rayon::prelude::*;

use super::spill::{SpillSlot, SpillWriter};
use super::timing::{StageTimes, Step};
use super::{Context, Stages};
use crate::error::Result;
use crate::input::{InputItem, RecordReader};
use crate::model::{Document, Reject};
use crate::progress::Progress;
use crate::stages::dedup::{DedupEntry, Fingerprint};

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

fn prepare_one(
    stages: &Stages,
    times: &StageTimes,
    item: InputItem,
) -> Result<(Document, Fingerprint), Reject> {
    let record = item?;
    let mut doc = times.time(Step::Parse, || stages.parser.parse(record))?;
    doc.doc_id = super::ids::doc_id(doc.url.as_deref(), &doc.input);
    if stages.dates_enabled {
        times.time(Step::Dates, || stages.dates.stamp_publication(&mut doc));
    }
    let fp = times.time(Step::Dedup, || stages.dedup.fingerprint(&doc.body));
    doc.content_hash = fp.content_hash_hex();
    Ok((doc, fp))
}

/// Runs pass 1 over `reader`, `chunk_size` records at a time.
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
    loop {
        let chunk: Vec<InputItem> =
            times.time(Step::Read, || reader.by_ref().take(chunk_size).collect());
        if chunk.is_empty() {
            break;
        }
        let n = chunk.len() as u64;
        let results: Vec<_> = chunk
            .into_par_iter()
            .map(|item| prepare_one(stages, times, item))
            .collect();
        for result in results {
            match result {
                Ok((doc, fingerprint)) => {
                    let slot = spill.append(&doc)?;
                    out.entries.push(DedupEntry {
                        agency: stages.dedup.is_agency(doc.source_name.as_deref()),
                        chars: doc.chars(),
                        published: doc.published_date,
                        has_url: doc.url.is_some(),
                        doc_id: doc.doc_id,
                        fingerprint,
                    });
                    out.slots.push(slot);
                }
                Err(reject) => out.rejects.push(reject),
            }
        }
        progress.inc(n);
    }
    Ok(out)
}
