//! Every table's Arrow schema, as the contract (tables.md) states it. The writer, the
//! `gazette schema` command and the tests all read schemas from here.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::datatypes::{DataType, Field, Schema, SchemaRef};

/// Version of the table contract, written into every file as `gazette.schema_version`.
pub const SCHEMA_VERSION: &str = "1";

/// The five tables, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// One row per input article.
    Documents,
    /// One row per named-entity mention.
    EntityMentions,
    /// One row per direct quotation.
    Quotes,
    /// One row per temporal expression.
    DateMentions,
    /// One row per input record that produced no document.
    Rejects,
}

impl Table {
    /// All tables.
    pub const ALL: [Table; 5] = [
        Table::Documents,
        Table::EntityMentions,
        Table::Quotes,
        Table::DateMentions,
        Table::Rejects,
    ];

    /// Directory name under the output directory.
    pub fn name(self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::EntityMentions => "entity_mentions",
            Table::Quotes => "quotes",
            Table::DateMentions => "date_mentions",
            Table::Rejects => "rejects",
        }
    }

    /// The Hive-style partition directory of batch `batch` under `output`:
    /// `<output>/<table>/batch=<batch>`.
    pub fn partition_dir(self, output: &Path, batch: &str) -> PathBuf {
        output.join(self.name()).join(format!("batch={batch}"))
    }

    /// The table's Arrow schema.
    pub fn schema(self) -> SchemaRef {
        let fields = match self {
            Table::Documents => vec![
                utf8("doc_id", false),
                utf8("input", false),
                utf8("url", true),
                utf8("source_name", true),
                utf8("title", true),
                utf8("dateline", true),
                utf8("language", false),
                Field::new("language_score", DataType::Float32, true),
                utf8("body", false),
                Field::new(
                    "removed",
                    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
                    true,
                ),
                Field::new("chars", DataType::Int32, true),
                Field::new("words", DataType::Int32, true),
                Field::new("published_date", DataType::Date32, true),
                utf8("date_source", true),
                utf8("content_hash", true),
                utf8("duplicate_of", true),
                Field::new("similarity", DataType::Float32, true),
            ],
            Table::EntityMentions => vec![
                utf8("doc_id", false),
                Field::new("mention", DataType::Int32, false),
                utf8("entity_id", false),
                utf8("entity_name", false),
                utf8("entity_type", false),
                utf8("text", false),
                Field::new("start", DataType::Int32, false),
                Field::new("end", DataType::Int32, false),
                Field::new("sentence", DataType::Int32, true),
                utf8("method", true),
                Field::new("score", DataType::Float32, true),
            ],
            Table::Quotes => vec![
                utf8("doc_id", false),
                Field::new("quote", DataType::Int32, false),
                utf8("text", false),
                Field::new("start", DataType::Int32, false),
                Field::new("end", DataType::Int32, false),
                utf8("kind", false),
                utf8("speaker", true),
                utf8("speaker_id", true),
                utf8("speaker_name", true),
                utf8("cue", true),
                Field::new("score", DataType::Float32, true),
            ],
            Table::DateMentions => vec![
                utf8("doc_id", false),
                Field::new("mention", DataType::Int32, false),
                utf8("text", false),
                Field::new("start", DataType::Int32, false),
                Field::new("end", DataType::Int32, false),
                utf8("value", true),
                Field::new("date", DataType::Date32, true),
                utf8("granularity", true),
                Field::new("relative", DataType::Boolean, true),
                Field::new("anchor", DataType::Date32, true),
            ],
            Table::Rejects => vec![
                utf8("input", false),
                utf8("stage", false),
                utf8("reason", false),
                utf8("detail", true),
            ],
        };
        Arc::new(Schema::new(fields))
    }
}

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

/// A human-readable listing of every table's columns (`gazette schema`).
pub fn describe() -> String {
    let mut out = format!("gazette table schemas (schema version {SCHEMA_VERSION})\n");
    for table in Table::ALL {
        out.push_str(&format!(
            "\n{}/batch=<batch_id>/part-NNNNN.parquet\n",
            table.name()
        ));
        for f in table.schema().fields() {
            let null = if f.is_nullable() { "" } else { ", not null" };
            out.push_str(&format!(
                "  {:<16} {}{}\n",
                f.name(),
                type_name(f.data_type()),
                null
            ));
        }
        out.push_str(&format!("  {:<16} utf8 (partition directory)\n", "batch"));
    }
    out
}

fn type_name(t: &DataType) -> String {
    match t {
        DataType::Utf8 => "utf8".into(),
        DataType::Int32 => "int32".into(),
        DataType::Float32 => "float32".into(),
        DataType::Boolean => "bool".into(),
        DataType::Date32 => "date32".into(),
        DataType::List(f) => format!("list<{}>", type_name(f.data_type())),
        other => format!("{other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_contract_columns() {
        let cols = |t: Table| {
            t.schema()
                .fields()
                .iter()
                .map(|f| f.name().clone())
                .collect::<Vec<_>>()
                .join(",")
        };
        assert_eq!(cols(Table::Rejects), "input,stage,reason,detail");
        assert!(cols(Table::Documents)
            .starts_with("doc_id,input,url,source_name,title,dateline,language"));
        let text = describe();
        assert!(text.contains("removed          list<utf8>"), "{text}");
        assert!(text.contains("relative         bool"));
    }
}
