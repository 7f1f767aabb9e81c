//! The tables as a notebook sees them: read back with polars (the dev-dependency stands in
//! for Python polars, which uses the same Parquet reader), column types as the contract
//! says, and offsets such that `body[start:end] == text` in code points.

mod common;

use std::collections::HashMap;
use std::fs::File;

use gazette::config::PipelineConfig;
use gazette::tables::Table;
use polars::prelude::{DataFrame, DataType, ParquetReader, SerReader};

fn read(out: &std::path::Path, table: Table) -> DataFrame {
    let files = common::part_files(out, table, "nb");
    assert_eq!(files.len(), 1);
    ParquetReader::new(File::open(&files[0]).unwrap())
        .finish()
        .unwrap()
}

fn dtypes(df: &DataFrame) -> Vec<(String, DataType)> {
    df.columns()
        .iter()
        .map(|c| (c.name().to_string(), c.dtype().clone()))
        .collect()
}

#[test]
fn polars_sees_the_contract_types_and_offsets_hold() {
    let out = common::temp_dir("notebook");
    common::run_with(
        PipelineConfig::default(),
        vec![
            common::repo().join("examples"),
            common::repo().join("tests/fixtures"),
        ],
        &out,
        "nb",
        2,
        64,
    );

    let docs = read(&out, Table::Documents);
    let types: HashMap<String, DataType> = dtypes(&docs).into_iter().collect();
    assert_eq!(types["doc_id"], DataType::String);
    assert_eq!(types["language_score"], DataType::Float32);
    assert_eq!(types["removed"], DataType::List(Box::new(DataType::String)));
    assert_eq!(types["chars"], DataType::Int32);
    assert_eq!(types["published_date"], DataType::Date);
    assert_eq!(types["similarity"], DataType::Float32);
    let dates = read(&out, Table::DateMentions);
    let types: HashMap<String, DataType> = dtypes(&dates).into_iter().collect();
    assert_eq!(types["relative"], DataType::Boolean);
    assert_eq!(types["anchor"], DataType::Date);
    for table in Table::ALL {
        let df = read(&out, table);
        let names: Vec<String> = df
            .get_column_names()
            .iter()
            .map(|s| s.to_string())
            .collect();
        let expected: Vec<String> = table
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names, expected, "{}", table.name());
    }

    // Offsets: code points into the body of the same doc_id.
    let ids = docs.column("doc_id").unwrap().str().unwrap().clone();
    let bodies = docs.column("body").unwrap().str().unwrap().clone();
    let body_of: HashMap<&str, Vec<char>> = (0..docs.height())
        .map(|i| {
            (
                ids.get(i).unwrap(),
                bodies.get(i).unwrap().chars().collect(),
            )
        })
        .collect();
    let mut checked = 0;
    for table in [Table::EntityMentions, Table::Quotes, Table::DateMentions] {
        let df = read(&out, table);
        let doc = df.column("doc_id").unwrap().str().unwrap().clone();
        let text = df.column("text").unwrap().str().unwrap().clone();
        let start = df.column("start").unwrap().i32().unwrap().clone();
        let end = df.column("end").unwrap().i32().unwrap().clone();
        for i in 0..df.height() {
            let body = &body_of[doc.get(i).unwrap()];
            let (s, e) = (start.get(i).unwrap() as usize, end.get(i).unwrap() as usize);
            assert!(
                s < e && e <= body.len(),
                "{} row {i}: bad span {s}..{e}",
                table.name()
            );
            let slice: String = body[s..e].iter().collect();
            assert_eq!(slice, text.get(i).unwrap(), "{} row {i}", table.name());
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} spans checked");
    std::fs::remove_dir_all(out).unwrap();
}
