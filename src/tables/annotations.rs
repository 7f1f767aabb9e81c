//! Builders for the annotation tables: `entity_mentions`, `quotes`, `date_mentions`.
//! Each takes one document's annotations (byte offsets) and writes code-point offsets,
//! ordinals in document order, and the text as written.

use std::sync::Arc;

use arrow::array::{
    ArrayRef, BooleanBuilder, Date32Builder, Float32Builder, Int32Builder, StringBuilder,
};
use arrow::record_batch::RecordBatch;

use super::{date32, int32, Table};
use crate::error::{Error, Result};
use crate::model::{DateMention, EntityMention, Quote};
use crate::text::CharOffsets;

fn batch(table: Table, columns: Vec<ArrayRef>) -> Result<RecordBatch> {
    RecordBatch::try_new(table.schema(), columns).map_err(|e| Error::Table {
        table: table.name(),
        message: e.to_string(),
    })
}

/// Accumulates `entity_mentions` rows.
#[derive(Default)]
pub struct EntityMentionsBuilder {
    doc_id: StringBuilder,
    mention: Int32Builder,
    entity_id: StringBuilder,
    entity_name: StringBuilder,
    entity_type: StringBuilder,
    text: StringBuilder,
    start: Int32Builder,
    end: Int32Builder,
    sentence: Int32Builder,
    method: StringBuilder,
    score: Float32Builder,
}

impl EntityMentionsBuilder {
    /// Appends one document's mentions (sorted by start).
    pub fn append(
        &mut self,
        doc_id: &str,
        body: &str,
        offsets: &CharOffsets,
        mentions: &[EntityMention],
    ) {
        for (i, m) in mentions.iter().enumerate() {
            self.doc_id.append_value(doc_id);
            self.mention.append_value(int32(i));
            self.entity_id.append_value(&m.entity_id);
            self.entity_name.append_value(&m.entity_name);
            self.entity_type.append_value(m.entity_type.as_str());
            self.text.append_value(&body[m.start..m.end]);
            self.start.append_value(int32(offsets.char_of(m.start)));
            self.end.append_value(int32(offsets.char_of(m.end)));
            self.sentence.append_option(m.sentence.map(int32));
            self.method.append_value(m.method);
            self.score.append_value(m.score);
        }
    }

    /// Builds the pending rows into a batch and resets the builder.
    pub fn finish(&mut self) -> Result<RecordBatch> {
        batch(
            Table::EntityMentions,
            vec![
                Arc::new(self.doc_id.finish()),
                Arc::new(self.mention.finish()),
                Arc::new(self.entity_id.finish()),
                Arc::new(self.entity_name.finish()),
                Arc::new(self.entity_type.finish()),
                Arc::new(self.text.finish()),
                Arc::new(self.start.finish()),
                Arc::new(self.end.finish()),
                Arc::new(self.sentence.finish()),
                Arc::new(self.method.finish()),
                Arc::new(self.score.finish()),
            ],
        )
    }
}

/// Accumulates `quotes` rows.
#[derive(Default)]
pub struct QuotesBuilder {
    doc_id: StringBuilder,
    quote: Int32Builder,
    text: StringBuilder,
    start: Int32Builder,
    end: Int32Builder,
    kind: StringBuilder,
    speaker: StringBuilder,
    speaker_id: StringBuilder,
    speaker_name: StringBuilder,
    cue: StringBuilder,
    score: Float32Builder,
}

impl QuotesBuilder {
    /// Appends one document's quotes (sorted by start).
    pub fn append(&mut self, doc_id: &str, body: &str, offsets: &CharOffsets, quotes: &[Quote]) {
        for (i, q) in quotes.iter().enumerate() {
            self.doc_id.append_value(doc_id);
            self.quote.append_value(int32(i));
            self.text.append_value(&body[q.start..q.end]);
            self.start.append_value(int32(offsets.char_of(q.start)));
            self.end.append_value(int32(offsets.char_of(q.end)));
            self.kind.append_value(q.kind.as_str());
            self.speaker.append_option(q.speaker.as_deref());
            self.speaker_id.append_option(q.speaker_id.as_deref());
            self.speaker_name.append_option(q.speaker_name.as_deref());
            self.cue.append_option(q.cue.as_deref());
            self.score.append_value(q.score);
        }
    }

    /// Builds the pending rows into a batch and resets the builder.
    pub fn finish(&mut self) -> Result<RecordBatch> {
        batch(
            Table::Quotes,
            vec![
                Arc::new(self.doc_id.finish()),
                Arc::new(self.quote.finish()),
                Arc::new(self.text.finish()),
                Arc::new(self.start.finish()),
                Arc::new(self.end.finish()),
                Arc::new(self.kind.finish()),
                Arc::new(self.speaker.finish()),
                Arc::new(self.speaker_id.finish()),
                Arc::new(self.speaker_name.finish()),
                Arc::new(self.cue.finish()),
                Arc::new(self.score.finish()),
            ],
        )
    }
}

/// Accumulates `date_mentions` rows.
#[derive(Default)]
pub struct DateMentionsBuilder {
    doc_id: StringBuilder,
    mention: Int32Builder,
    text: StringBuilder,
    start: Int32Builder,
    end: Int32Builder,
    value: StringBuilder,
    date: Date32Builder,
    granularity: StringBuilder,
    relative: BooleanBuilder,
    anchor: Date32Builder,
}

impl DateMentionsBuilder {
    /// Appends one document's temporal expressions (sorted by start).
    pub fn append(
        &mut self,
        doc_id: &str,
        body: &str,
        offsets: &CharOffsets,
        dates: &[DateMention],
    ) {
        for (i, d) in dates.iter().enumerate() {
            self.doc_id.append_value(doc_id);
            self.mention.append_value(int32(i));
            self.text.append_value(&body[d.start..d.end]);
            self.start.append_value(int32(offsets.char_of(d.start)));
            self.end.append_value(int32(offsets.char_of(d.end)));
            self.value.append_option(d.value.as_deref());
            self.date.append_option(d.date.map(date32));
            self.granularity
                .append_option(d.granularity.map(|g| g.as_str()));
            self.relative.append_value(d.relative);
            self.anchor.append_option(d.anchor.map(date32));
        }
    }

    /// Builds the pending rows into a batch and resets the builder.
    pub fn finish(&mut self) -> Result<RecordBatch> {
        batch(
            Table::DateMentions,
            vec![
                Arc::new(self.doc_id.finish()),
                Arc::new(self.mention.finish()),
                Arc::new(self.text.finish()),
                Arc::new(self.start.finish()),
                Arc::new(self.end.finish()),
                Arc::new(self.value.finish()),
                Arc::new(self.date.finish()),
                Arc::new(self.granularity.finish()),
                Arc::new(self.relative.finish()),
                Arc::new(self.anchor.finish()),
            ],
        )
    }
}
