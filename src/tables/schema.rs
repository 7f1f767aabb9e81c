//! The five tables as one enum: their names, schemas, columns and partition directories,
//! each taken from the table's declaration, and `describe`, the listing `gazette schema`
//! prints. The writer, the CLI and the tests all read tables from here.

use std::path::{Path, PathBuf};

use arrow::datatypes::SchemaRef;

use super::columns::Column;
use super::metadata::KEYS;
use super::{date_mentions, documents, entity_mentions, quotes, rejects};

pub use super::metadata::SCHEMA_VERSION;

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
            Table::Documents => documents::NAME,
            Table::EntityMentions => entity_mentions::NAME,
            Table::Quotes => quotes::NAME,
            Table::DateMentions => date_mentions::NAME,
            Table::Rejects => rejects::NAME,
        }
    }

    /// The Hive-style partition directory of batch `batch` under `output`:
    /// `<output>/<table>/batch=<batch>`.
    pub fn partition_dir(self, output: &Path, batch: &str) -> PathBuf {
        output.join(self.name()).join(format!("batch={batch}"))
    }

    /// The table's Arrow schema, carrying `gazette.schema_version` in its metadata.
    pub fn schema(self) -> SchemaRef {
        match self {
            Table::Documents => documents::schema(),
            Table::EntityMentions => entity_mentions::schema(),
            Table::Quotes => quotes::schema(),
            Table::DateMentions => date_mentions::schema(),
            Table::Rejects => rejects::schema(),
        }
    }

    /// The table's columns, in order, with their descriptions.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Documents => documents::COLUMNS,
            Table::EntityMentions => entity_mentions::COLUMNS,
            Table::Quotes => quotes::COLUMNS,
            Table::DateMentions => date_mentions::COLUMNS,
            Table::Rejects => rejects::COLUMNS,
        }
    }
}

/// A human-readable listing of every table's columns, types and meanings
/// (`gazette schema`).
pub fn describe() -> String {
    let mut out = format!("gazette table schemas (schema version {SCHEMA_VERSION})\n");
    out.push_str(&format!(
        "every file's key-value metadata (Parquet footer and Arrow schema): {}\n",
        KEYS.join(", ")
    ));
    for table in Table::ALL {
        out.push_str(&format!(
            "\n{}/batch=<batch_id>/part-NNNNN.parquet\n",
            table.name()
        ));
        for c in table.columns() {
            let null = if c.nullable { "" } else { ", not null" };
            out.push_str(&line(
                c.name,
                &format!("{}{null}", c.type_name),
                c.description,
            ));
        }
        out.push_str(&line("batch", "utf8 (partition)", "the batch id"));
    }
    out
}

fn line(name: &str, type_name: &str, description: &str) -> String {
    format!("  {name:<16} {type_name:<16} {description}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::datatypes::DataType;
    use arrow::record_batch::RecordBatch;

    use crate::tables::metadata::SCHEMA_VERSION_KEY;

    impl Table {
        fn sample_batch(self) -> RecordBatch {
            match self {
                Table::Documents => documents::sample_batch(),
                Table::EntityMentions => entity_mentions::sample_batch(),
                Table::Quotes => quotes::sample_batch(),
                Table::DateMentions => date_mentions::sample_batch(),
                Table::Rejects => rejects::sample_batch(),
            }
        }

        fn sample_columns(self) -> Vec<(&'static str, arrow::array::ArrayRef)> {
            match self {
                Table::Documents => documents::sample_columns(),
                Table::EntityMentions => entity_mentions::sample_columns(),
                Table::Quotes => quotes::sample_columns(),
                Table::DateMentions => date_mentions::sample_columns(),
                Table::Rejects => rejects::sample_columns(),
            }
        }
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

    /// The schema's fields, the declared columns and the row a builder appends agree for
    /// every table: a batch built from one row of samples holds each column's sample under
    /// that column's name, and nulls exactly where the column admits them.
    #[test]
    fn schema_columns_row_and_batch_agree() {
        for table in Table::ALL {
            let name = table.name();
            let schema = table.schema();
            let columns = table.columns();
            assert_eq!(schema.fields().len(), columns.len(), "{name}");
            assert_eq!(
                schema
                    .metadata()
                    .get(SCHEMA_VERSION_KEY)
                    .map(String::as_str),
                Some(SCHEMA_VERSION),
                "{name}"
            );
            for (field, column) in schema.fields().iter().zip(columns) {
                assert_eq!(field.name(), column.name, "{name}");
                assert_eq!(
                    field.is_nullable(),
                    column.nullable,
                    "{name}.{}",
                    column.name
                );
                assert_eq!(
                    type_name(field.data_type()),
                    column.type_name,
                    "{name}.{}",
                    column.name
                );
            }

            let samples = table.sample_columns();
            // The samples tell columns of one type apart, so a value under the wrong
            // name cannot pass for the right one.
            for (i, (a, va)) in samples.iter().enumerate() {
                for (b, vb) in &samples[i + 1..] {
                    if va.data_type() == vb.data_type() {
                        assert!(va.as_ref() != vb.as_ref(), "{name}: {a} and {b} samples");
                    }
                }
            }
            let batch = table.sample_batch();
            assert_eq!(batch.schema(), schema, "{name}");
            assert_eq!(batch.num_rows(), 2, "{name}");
            let names: Vec<&str> = samples.iter().map(|(n, _)| *n).collect();
            let declared: Vec<&str> = columns.iter().map(|c| c.name).collect();
            assert_eq!(names, declared, "{name}");
            for ((column, sample), declared) in samples.iter().zip(columns) {
                let got = batch.column_by_name(column).expect("column by name");
                assert!(
                    got.slice(0, 1).as_ref() == sample.as_ref(),
                    "{name}.{column}: {got:?} vs {sample:?}"
                );
                assert_eq!(got.is_null(1), declared.nullable, "{name}.{column}");
            }
        }
    }

    #[test]
    fn describe_lists_every_column_with_its_description() {
        let text = describe();
        assert!(
            text.contains("gazette.schema_version, gazette.version"),
            "{text}"
        );
        for table in Table::ALL {
            let section = text
                .split("\n\n")
                .find(|s| s.starts_with(&format!("{}/", table.name())))
                .unwrap_or_else(|| panic!("no section for {}", table.name()));
            let lines: Vec<&str> = section.lines().skip(1).collect();
            assert_eq!(lines.len(), table.columns().len() + 1, "{section}");
            for (line, column) in lines.iter().zip(table.columns()) {
                assert!(!column.description.is_empty(), "{}", column.name);
                assert!(!column.description.contains('\n'), "{}", column.name);
                let words: Vec<&str> = line.split_whitespace().collect();
                assert_eq!(words[0], column.name, "{line}");
                assert!(line.ends_with(column.description), "{line}");
            }
        }
    }
}
