//! Every input record ends in exactly one of documents or rejects, with the right reason.

mod common;

use std::collections::BTreeMap;

use gazette::tables::Table;

#[test]
fn every_bad_record_is_rejected_with_its_reason_and_nothing_is_lost() {
    let out = common::temp_dir("accounting");
    let manifest = common::run_scenario("bad_records", &out, 2);
    let docs = common::string_column(&out, Table::Documents, "golden", "input");
    let rejects: Vec<(String, String)> =
        common::string_column(&out, Table::Rejects, "golden", "input")
            .into_iter()
            .zip(common::string_column(
                &out,
                Table::Rejects,
                "golden",
                "reason",
            ))
            .map(|(i, r)| (i.unwrap(), r.unwrap()))
            .collect();

    // Independent enumeration of the records: one per file, one per non-blank JSONL line
    // (compressed streams count as at least one record each).
    let input_dir = common::repo().join("tests/fixtures/bad_records/input");
    let mut expected_files: Vec<String> = std::fs::read_dir(&input_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    expected_files.sort();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for input in docs.iter().flatten().chain(rejects.iter().map(|(i, _)| i)) {
        *seen.entry(input.clone()).or_default() += 1;
    }
    assert!(
        seen.values().all(|&n| n == 1),
        "an input appears twice: {seen:?}"
    );
    for file in &expected_files {
        assert!(
            seen.keys()
                .any(|k| k == file || k.starts_with(&format!("{file}#"))),
            "{file} is neither a document nor a reject"
        );
    }
    let jsonl = std::fs::read_to_string(input_dir.join("records.jsonl")).unwrap();
    let lines = jsonl.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(
        seen.keys()
            .filter(|k| k.starts_with("records.jsonl#"))
            .count(),
        lines
    );
    assert_eq!(manifest.counts.input_records, docs.len() + rejects.len());

    let reason = |input: &str| {
        rejects
            .iter()
            .find(|(i, _)| i == input)
            .map(|(_, r)| r.as_str())
    };
    assert_eq!(reason("empty.txt"), Some("empty"));
    assert_eq!(reason("blank.txt"), Some("empty"));
    assert_eq!(reason("binary.txt"), Some("binary"));
    assert!(matches!(reason("garbage.txt"), Some("binary" | "encoding")));
    assert_eq!(reason("huge.txt"), Some("too_large"));
    assert_eq!(reason("short.txt"), Some("too_short"));
    assert_eq!(reason("broken.txt"), Some("io"));
    assert_eq!(reason("truncated.txt.gz"), Some("io"));
    assert!(rejects
        .iter()
        .any(|(i, r)| i.starts_with("truncated.jsonl.zst") && r == "io"));
    assert_eq!(reason("records.jsonl#2"), Some("malformed"));
    assert_eq!(reason("records.jsonl#3"), Some("malformed"));
    assert!(
        docs.iter().flatten().any(|d| d == "latin1.txt"),
        "Windows-1252 text is decoded, not rejected"
    );
    assert!(docs.iter().flatten().any(|d| d == "good.txt"));
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn a_panic_in_a_stage_costs_one_document_never_the_batch() {
    let out = common::temp_dir("accounting-panic");
    let input = out.join("input");
    std::fs::create_dir_all(&input).unwrap();
    let fixtures = common::repo().join("tests/fixtures");
    let files = [
        "fr_boilerplate/input/beyrouth-electricite.txt",
        "it_agency/input/atene-ankara-egeo.txt",
        "en_wire/input/us-mexico-border-lanes.txt",
    ];
    for f in files {
        let name = std::path::Path::new(f).file_name().unwrap();
        std::fs::copy(fixtures.join(f), input.join(name)).unwrap();
    }
    let tables = out.join("tables");
    // One document panics in pass 1 (parse), another in pass 2 (entities); the binary is
    // run so the fail point's variable stays out of this test process.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["run", "--batch", "b", "--reference-date", "2026-03-17"])
        .arg("--input")
        .arg(&input)
        .arg("--output")
        .arg(&tables)
        .env(
            gazette::pipeline::PANIC_AT,
            "parse:beyrouth-electricite.txt,entities:atene-ankara-egeo.txt",
        )
        .current_dir(common::repo())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");

    let col = |table, c| common::string_column(&tables, table, "b", c);
    let docs = col(Table::Documents, "input");
    let (rejected, reasons, stages, details) = (
        col(Table::Rejects, "input"),
        col(Table::Rejects, "reason"),
        col(Table::Rejects, "stage"),
        col(Table::Rejects, "detail"),
    );
    assert_eq!(rejected, [Some("beyrouth-electricite.txt".to_string())]);
    assert_eq!(reasons, [Some("internal_error".to_string())]);
    assert_eq!(stages, [Some("parse".to_string())]);
    let detail = details[0].as_deref().unwrap();
    assert!(
        detail.starts_with("parse: ") && detail.contains("injected panic"),
        "{detail}"
    );
    // The pass-2 panic keeps its document row, with no annotation rows.
    assert_eq!(docs.len(), 2, "{docs:?}");
    let ids: BTreeMap<String, String> = docs
        .iter()
        .zip(col(Table::Documents, "doc_id"))
        .map(|(i, id)| (i.clone().unwrap(), id.unwrap()))
        .collect();
    let mentioned = col(Table::EntityMentions, "doc_id");
    assert!(!mentioned.contains(&Some(ids["atene-ankara-egeo.txt"].clone())));
    assert!(mentioned.contains(&Some(ids["us-mexico-border-lanes.txt"].clone())));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tables.join("_runs/b.json")).unwrap()).unwrap();
    let counts = &manifest["counts"];
    assert_eq!(counts["input_records"], 3);
    assert_eq!(counts["documents"], 2);
    assert_eq!(counts["rejects"], 1);
    assert_eq!(counts["annotation_failures"], 1);
    assert_eq!(counts["rejects_by_reason"]["internal_error"], 1);
    std::fs::remove_dir_all(out).unwrap();
}
