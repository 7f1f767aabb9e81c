//! Builder for the `documents` table.

use std::sync::Arc;

use arrow::array::{
    ArrayRef, Date32Builder, Float32Builder, Int32Builder, ListBuilder, StringBuilder,
};
use arrow::record_batch::RecordBatch;

use super::{date32, int32, Table};
use crate::error::{Error, Result};
use crate::model::Document;

/// Accumulates `documents` rows; `finish` yields one `RecordBatch` in the table's schema.
#[derive(Default)]
pub struct DocumentsBuilder {
    doc_id: StringBuilder,
    input: StringBuilder,
    url: StringBuilder,
    source_name: StringBuilder,
    title: StringBuilder,
    dateline: StringBuilder,
    language: StringBuilder,
    language_score: Float32Builder,
    body: StringBuilder,
    removed: ListBuilder<StringBuilder>,
    chars: Int32Builder,
    words: Int32Builder,
    published_date: Date32Builder,
    date_source: StringBuilder,
    content_hash: StringBuilder,
    duplicate_of: StringBuilder,
    similarity: Float32Builder,
    rows: usize,
}

impl DocumentsBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rows appended since the last `finish`.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// True when no row is pending.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Appends one document.
    pub fn append(&mut self, doc: &Document) {
        self.doc_id.append_value(&doc.doc_id);
        self.input.append_value(&doc.input);
        self.url.append_option(doc.url.as_deref());
        self.source_name.append_option(doc.source_name.as_deref());
        self.title.append_option(doc.title.as_deref());
        self.dateline.append_option(doc.dateline.as_deref());
        self.language.append_value(&doc.language);
        self.language_score.append_value(doc.language_score);
        self.body.append_value(&doc.body);
        for line in &doc.removed {
            self.removed.values().append_value(&line.text);
        }
        self.removed.append(true);
        self.chars.append_value(int32(doc.chars()));
        self.words.append_value(int32(doc.words()));
        self.published_date
            .append_option(doc.published_date.map(date32));
        self.date_source
            .append_option(doc.date_source.map(|s| s.as_str()));
        self.content_hash.append_value(&doc.content_hash);
        self.duplicate_of.append_option(doc.duplicate_of.as_deref());
        self.similarity.append_option(doc.similarity);
        self.rows += 1;
    }

    /// Builds the pending rows into a batch and resets the builder.
    pub fn finish(&mut self) -> Result<RecordBatch> {
        self.rows = 0;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.doc_id.finish()),
            Arc::new(self.input.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.source_name.finish()),
            Arc::new(self.title.finish()),
            Arc::new(self.dateline.finish()),
            Arc::new(self.language.finish()),
            Arc::new(self.language_score.finish()),
            Arc::new(self.body.finish()),
            Arc::new(self.removed.finish()),
            Arc::new(self.chars.finish()),
            Arc::new(self.words.finish()),
            Arc::new(self.published_date.finish()),
            Arc::new(self.date_source.finish()),
            Arc::new(self.content_hash.finish()),
            Arc::new(self.duplicate_of.finish()),
            Arc::new(self.similarity.finish()),
        ];
        RecordBatch::try_new(Table::Documents.schema(), columns).map_err(|e| Error::Table {
            table: "documents",
            message: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RemovalReason, RemovedLine};

    #[test]
    fn builds_a_batch_in_the_contract_schema() {
        let mut b = DocumentsBuilder::new();
        let doc = Document {
            doc_id: "d1".into(),
            input: "a.txt".into(),
            language: "fr".into(),
            body: "Éte\nhiver".into(),
            removed: vec![RemovedLine {
                text: "LEAVE A REPLY".into(),
                reason: RemovalReason::Boilerplate,
            }],
            content_hash: "ab".into(),
            ..Default::default()
        };
        b.append(&doc);
        b.append(&doc);
        let batch = b.finish().unwrap();
        assert_eq!(batch.num_rows(), 2);
        assert_eq!(batch.schema(), Table::Documents.schema());
        assert!(b.is_empty());
        assert_eq!(b.finish().unwrap().num_rows(), 0);
    }
}
