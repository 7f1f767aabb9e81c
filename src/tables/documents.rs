//! The `documents` table, declared once: one row per input article (duplicates included,
//! flagged), and how a [`Document`] fills a row.

use super::columns::{int32, Date32, Float32, Int32, Utf8, Utf8List};
use super::declare::declare_table;
use crate::model::Document;

declare_table! {
    name: "documents";
    /// One `documents` row: a field per column, named as the column.
    row: DocumentRow;
    /// Accumulates `documents` rows; `finish` yields one `RecordBatch` in the table's schema.
    builder: DocumentsBuilder;
    columns: {
        doc_id: Utf8 = "stable id, never naming two rows in one output: the same input record gives the same id on every run of its batch (URL hash, else locator hash; qualified by locator within a batch and by batch when an earlier batch published it)",
        input: Utf8 = "where it came from: path relative to the input root, `#N` appended for record N of a JSONL/WARC file",
        url: Option<Utf8> = "original URL when the input says it",
        source_name: Option<Utf8> = "publisher / outlet as named by the article or its metadata (\"AgenPress\", \"Press TV\")",
        title: Option<Utf8> = "headline, when one can be told apart from the body",
        dateline: Option<Utf8> = "place dateline (\"JAKARTA\") when the lead has one",
        language: Utf8 = "ISO 639-1 code of the body's language; \"und\" when it cannot be told",
        language_score: Option<Float32> = "confidence in [0, 1]",
        body: Utf8 = "the cleaned article text: boilerplate, navigation, captions and share/comment blocks removed; paragraphs separated by \"\\n\"",
        removed: Option<Utf8List> = "the lines removed from the raw text, in order, for audit",
        chars: Option<Int32> = "length of body in code points",
        words: Option<Int32> = "number of words in body",
        published_date: Option<Date32> = "publication date",
        date_source: Option<Utf8> = "where published_date came from: `metadata`, `html`, `url`, `text`, `reference`; null when unknown",
        content_hash: Option<Utf8> = "hex hash of the normalised body (exact-duplicate key)",
        duplicate_of: Option<Utf8> = "doc_id of the representative of its duplicate cluster (possibly from an earlier batch); null for representatives and unique documents",
        similarity: Option<Float32> = "estimated Jaccard similarity to that representative; null when not a duplicate",
    }
}

impl DocumentsBuilder {
    /// Appends one document.
    pub fn append(&mut self, doc: &Document) {
        let removed: Vec<&str> = doc.removed.iter().map(|line| line.text.as_str()).collect();
        self.push(DocumentRow {
            doc_id: &doc.doc_id,
            input: &doc.input,
            url: doc.url.as_deref(),
            source_name: doc.source_name.as_deref(),
            title: doc.title.as_deref(),
            dateline: doc.dateline.as_deref(),
            language: &doc.language,
            language_score: Some(doc.language_score),
            body: &doc.body,
            removed: Some(&removed),
            chars: Some(int32(doc.chars())),
            words: Some(int32(doc.words())),
            published_date: doc.published_date,
            date_source: doc.date_source.map(|s| s.as_str()),
            content_hash: Some(&doc.content_hash),
            duplicate_of: doc.duplicate_of.as_deref(),
            similarity: doc.similarity,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RemovalReason, RemovedLine};
    use crate::tables::test_support::{date_at, text_at};
    use crate::tables::Table;

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

    #[test]
    fn each_document_field_lands_in_its_column() {
        let date = chrono::NaiveDate::from_ymd_opt(2024, 4, 17).unwrap();
        let doc = Document {
            doc_id: "the id".into(),
            input: "the input".into(),
            url: Some("the url".into()),
            source_name: Some("the source".into()),
            title: Some("the title".into()),
            dateline: Some("the dateline".into()),
            language: "it".into(),
            body: "the body".into(),
            published_date: Some(date),
            content_hash: "the hash".into(),
            duplicate_of: Some("the representative".into()),
            ..Default::default()
        };
        let mut b = DocumentsBuilder::new();
        b.append(&doc);
        let batch = b.finish().unwrap();
        for (column, value) in [
            ("doc_id", "the id"),
            ("input", "the input"),
            ("url", "the url"),
            ("source_name", "the source"),
            ("title", "the title"),
            ("dateline", "the dateline"),
            ("language", "it"),
            ("body", "the body"),
            ("content_hash", "the hash"),
            ("duplicate_of", "the representative"),
        ] {
            assert_eq!(text_at(&batch, column, 0), Some(value), "{column}");
        }
        assert_eq!(text_at(&batch, "date_source", 0), None);
        assert_eq!(date_at(&batch, "published_date", 0), Some(date));
    }
}
