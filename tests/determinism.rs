//! Same input + config → same tables: whatever the thread count, the chunk size or the
//! run, row order included.

mod common;

use gazette::config::PipelineConfig;
use gazette::tables::Table;

#[test]
fn tables_do_not_depend_on_threads_or_chunking() {
    let inputs = vec![
        common::repo().join("examples"),
        common::repo().join("tests/fixtures"),
    ];
    let a = common::temp_dir("det-a");
    let b = common::temp_dir("det-b");
    common::run_with(PipelineConfig::default(), inputs.clone(), &a, "d", 1, 2048);
    common::run_with(PipelineConfig::default(), inputs, &b, "d", 2, 3);
    let (ra, rb) = (common::render_all(&a, "d"), common::render_all(&b, "d"));
    assert!(ra.contains("== quotes") && common::row_count(&a, Table::Documents, "d") > 20);
    assert_eq!(
        ra, rb,
        "1 thread / big chunks and 2 threads / chunks of 3 must give the same tables"
    );
    for dir in [a, b] {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn same_run_twice_gives_identical_files() {
    // Same input, same config (the output directory is part of it), same batch id.
    let inputs = vec![common::repo().join("examples")];
    let out = common::temp_dir("same");
    let read_all = |out: &std::path::Path| -> Vec<Vec<u8>> {
        Table::ALL
            .iter()
            .flat_map(|&t| common::part_files(out, t, "s"))
            .map(|p| std::fs::read(p).unwrap())
            .collect()
    };
    common::run_with(PipelineConfig::default(), inputs.clone(), &out, "s", 2, 4);
    let first = read_all(&out);
    common::run_with(PipelineConfig::default(), inputs, &out, "s", 2, 4);
    let second = read_all(&out);
    assert_eq!(first.len(), Table::ALL.len());
    assert!(
        first == second,
        "re-running a batch must give byte-identical files"
    );
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn rows_are_sorted_by_doc_id_then_position() {
    let out = common::temp_dir("sorted");
    common::run_with(
        PipelineConfig::default(),
        vec![common::repo().join("examples")],
        &out,
        "o",
        2,
        5,
    );
    let ids = common::string_column(&out, Table::Documents, "o", "doc_id");
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted, "documents sorted by doc_id, ids unique");
    for table in [Table::EntityMentions, Table::Quotes, Table::DateMentions] {
        let mut keys = Vec::new();
        for batch in common::read_table(&out, table, "o") {
            let doc = batch
                .column(0)
                .as_any()
                .downcast_ref::<arrow::array::StringArray>()
                .unwrap();
            let ord = batch
                .column(1)
                .as_any()
                .downcast_ref::<arrow::array::Int32Array>()
                .unwrap();
            for i in 0..batch.num_rows() {
                keys.push((doc.value(i).to_string(), ord.value(i)));
            }
        }
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(
            keys,
            sorted,
            "{} sorted by doc_id then ordinal",
            table.name()
        );
    }
    std::fs::remove_dir_all(out).unwrap();
}
