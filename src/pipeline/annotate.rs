//! Pass 2: in doc_id order and in bounded chunks, read documents back from scratch, apply
//! the dedup verdict, annotate them in parallel, and append the rows of every table.

use arrow::record_batch::RecordBatch;
use rayon::prelude::*;

use super::guard::{guarded, StageCell};
use super::spill::{SpillReader, SpillSlot};
use super::timing::Step;
use super::Context;
use crate::error::Result;
use crate::model::{Annotations, Document};
use crate::output::{BatchWriter, Counts};
use crate::progress::Progress;
use crate::stages::dedup::Duplicate;
use crate::tables::{
    DateMentionsBuilder, DocumentsBuilder, EntityMentionsBuilder, QuotesBuilder, Table,
};
use crate::text::CharOffsets;

/// One document of pass 2 with what dedup decided about it.
pub struct Work<'a> {
    /// Its id.
    pub doc_id: &'a str,
    /// Where pass 1 left it.
    pub slot: SpillSlot,
    /// The dedup verdict, when it is a duplicate.
    pub duplicate: Option<&'a Duplicate>,
}

/// One annotated document; `failure` is `(stage, panic message)` when a stage panicked
/// on it, and then `ann` is empty.
pub(super) struct Annotated {
    pub(super) doc: Document,
    pub(super) ann: Annotations,
    pub(super) failure: Option<(&'static str, String)>,
}

/// Reads one document back and annotates it. The stages run under the panic guard: a
/// panic keeps the document's row (it may be a representative, and it is already in the
/// dedup state) with no annotation rows at all, and is counted and logged.
fn annotate_one(ctx: &Context, spill: &SpillReader, work: &Work) -> Result<Annotated> {
    let mut doc = spill.read(work.slot)?;
    doc.doc_id = work.doc_id.to_string();
    Ok(annotate_doc(ctx, doc, work.duplicate))
}

/// Applies the dedup verdict to `doc` (its final id already set) and annotates it, under
/// the panic guard (see [`annotate_one`]).
pub(super) fn annotate_doc(
    ctx: &Context,
    mut doc: Document,
    duplicate: Option<&Duplicate>,
) -> Annotated {
    let (stages, times, fail) = (ctx.stages, ctx.times, ctx.fail_point);
    if let Some(dup) = duplicate {
        doc.duplicate_of = Some(dup.representative.clone());
        doc.similarity = Some(dup.similarity);
    }
    if doc.duplicate_of.is_some() && !stages.annotate_duplicates {
        return Annotated {
            doc,
            ann: Annotations::default(),
            failure: None,
        };
    }
    let doc_ref = &doc;
    let tag = |stage: &StageCell| {
        let mut ann = Annotations::default();
        if let Some(dates) = &stages.dates {
            fail.check("dates", &doc_ref.input);
            ann.dates = times.time(Step::Dates, || dates.tag(doc_ref));
        }
        if let Some(entities) = &stages.entities {
            stage.set("entities");
            fail.check("entities", &doc_ref.input);
            ann.entities = times.time(Step::Entities, || entities.tag(doc_ref));
        }
        if let Some(quotes) = &stages.quotes {
            stage.set("quotes");
            fail.check("quotes", &doc_ref.input);
            ann.quotes = times.time(Step::Quotes, || quotes.tag(doc_ref, &ann.entities));
        }
        ann
    };
    let (ann, failure) = match guarded("dates", tag) {
        Ok(ann) => (ann, None),
        Err(failure) => (Annotations::default(), Some(failure)),
    };
    Annotated { doc, ann, failure }
}

/// The four annotated tables' builders, filled one chunk at a time.
#[derive(Default)]
pub(super) struct Rows {
    documents: DocumentsBuilder,
    entities: EntityMentionsBuilder,
    quotes: QuotesBuilder,
    dates: DateMentionsBuilder,
}

impl Rows {
    /// Appends one chunk's results, in order, to every table.
    fn write(
        &mut self,
        results: Vec<Result<Annotated>>,
        writer: &mut BatchWriter,
        counts: &mut Counts,
    ) -> Result<()> {
        if results.is_empty() {
            return Ok(());
        }
        for result in results {
            self.append(&result?, counts);
        }
        for (table, batch) in self.finish()? {
            writer.write(table, &batch)?;
        }
        Ok(())
    }

    /// Appends one annotated document's rows to every table, and counts them.
    pub(super) fn append(&mut self, annotated: &Annotated, counts: &mut Counts) {
        let Annotated { doc, ann, failure } = annotated;
        if let Some((stage, message)) = failure {
            tracing::error!(doc_id = %doc.doc_id, input = %doc.input, stage, %message,
                "a stage panicked: the document is kept without annotations");
            counts.annotation_failures += 1;
        }
        let offsets = CharOffsets::new(&doc.body);
        counts.documents += 1;
        counts.duplicates += usize::from(doc.duplicate_of.is_some());
        counts.entity_mentions += ann.entities.len();
        counts.quotes += ann.quotes.len();
        counts.date_mentions += ann.dates.len();
        self.documents.append(doc);
        self.entities
            .append(&doc.doc_id, &doc.body, &offsets, &ann.entities);
        self.quotes
            .append(&doc.doc_id, &doc.body, &offsets, &ann.quotes);
        self.dates
            .append(&doc.doc_id, &doc.body, &offsets, &ann.dates);
    }

    /// The rows appended since the last call, one batch per table, in the order the
    /// pipeline writes them; the builders are left empty.
    pub(super) fn finish(&mut self) -> Result<[(Table, RecordBatch); 4]> {
        Ok([
            (Table::Documents, self.documents.finish()?),
            (Table::EntityMentions, self.entities.finish()?),
            (Table::Quotes, self.quotes.finish()?),
            (Table::DateMentions, self.dates.finish()?),
        ])
    }
}

/// Runs pass 2 over `work` (already sorted by doc_id). Writing one chunk overlaps the
/// parallel annotation of the next; chunks are written in order all the same.
pub fn run(
    ctx: &Context,
    spill: &SpillReader,
    work: &[Work],
    writer: &mut BatchWriter,
    counts: &mut Counts,
    progress: &Progress,
) -> Result<()> {
    let times = ctx.times;
    let mut rows = Rows::default();
    let mut previous: Vec<Result<Annotated>> = Vec::new();
    for chunk in work.chunks(ctx.chunk_size) {
        let (written, results) = rayon::join(
            || {
                let done = std::mem::take(&mut previous);
                times.time(Step::Write, || rows.write(done, writer, counts))
            },
            || -> Vec<Result<Annotated>> {
                chunk
                    .par_iter()
                    .map(|w| annotate_one(ctx, spill, w))
                    .collect()
            },
        );
        written?;
        previous = results;
        progress.inc(chunk.len() as u64);
    }
    times.time(Step::Write, || rows.write(previous, writer, counts))
}

/// Builds pass-2 work items in doc_id order from spill slots, ids and dedup verdicts (all
/// three parallel, in input order).
pub fn plan<'a>(
    slots: &[SpillSlot],
    doc_ids: &'a [String],
    verdicts: &'a [Option<Duplicate>],
) -> Vec<Work<'a>> {
    let mut work: Vec<Work> = slots
        .iter()
        .zip(doc_ids)
        .zip(verdicts)
        .map(|((&slot, id), v)| Work {
            doc_id: id,
            slot,
            duplicate: v.as_ref(),
        })
        .collect();
    work.sort_by(|a, b| a.doc_id.cmp(b.doc_id));
    work
}
