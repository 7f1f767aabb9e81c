//! Golden tests: one fixture per scenario (tests/fixtures/<scenario>/input, with the
//! scenario's pipeline.toml), one reviewed snapshot per table (tests/golden/).
//!
//! A change in any table fails with a readable diff. After reviewing the change, and only
//! then, regenerate the snapshots with:
//!
//!     INSTA_UPDATE=always cargo test --test golden
//!
//! Times and paths are masked: tables hold locators relative to the input root, and the
//! manifest is compared by its counts only.

mod common;

use gazette::tables::Table;

fn golden(scenario: &str) {
    let out = common::temp_dir(&format!("golden-{scenario}"));
    let manifest = common::run_scenario(scenario, &out, 2);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(common::repo().join("tests/golden"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for table in Table::ALL {
            let text = common::render(&common::read_table(&out, table, "golden"));
            insta::assert_snapshot!(format!("{scenario}__{}", table.name()), text);
        }
        let counts = serde_json::to_string_pretty(&manifest.counts).unwrap();
        insta::assert_snapshot!(format!("{scenario}__manifest_counts"), counts);
    });
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn fr_boilerplate() {
    golden("fr_boilerplate");
}

#[test]
fn it_agency() {
    golden("it_agency");
}

#[test]
fn en_wire() {
    golden("en_wire");
}

#[test]
fn de_es_mixed() {
    golden("de_es_mixed");
}

#[test]
fn duplicates() {
    golden("duplicates");
}

#[test]
fn multi_paragraph_quotes() {
    golden("multi_paragraph_quotes");
}

#[test]
fn bad_records() {
    golden("bad_records");
}
