//! Hostile HTML cannot take the batch down: a page nested 5,000 levels deep and a tag of a
//! million attributes, generated here, each end as a document beside a good record, and
//! the batch completes with every record accounted for.

mod common;

use std::path::Path;

use gazette::config::PipelineConfig;
use gazette::tables::Table;

/// The text of the probe pages: long enough for `min_body_chars`.
const SENTENCE: &str = "Un article de presse assez long pour passer le filtre de longueur minimale du corps, avec du texte.";

/// The probe: `<b>` nested 5,000 levels deep around one sentence.
fn write_deep_page(dir: &Path) {
    let html = format!("<html><body>{}{SENTENCE}</body></html>", "<b>".repeat(5000));
    std::fs::write(dir.join("deep.html"), html).unwrap();
}

/// One `<div>` with 1,000,000 distinct attributes (5 MB, under `input.max_bytes`).
fn write_attribute_bomb(dir: &Path) {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut html = String::from("<html><body><div");
    for mut i in 0..1_000_000usize {
        html.push(' ');
        for _ in 0..4 {
            html.push(ALPHABET[i % ALPHABET.len()] as char);
            i /= ALPHABET.len();
        }
    }
    html.push_str(&format!(
        "><p>{SENTENCE} {SENTENCE}</p></div></body></html>"
    ));
    assert!(html.len() > 5_000_000 && html.len() < 5 * 1024 * 1024);
    std::fs::write(dir.join("attributes.html"), html).unwrap();
}

#[test]
fn deep_nesting_and_an_attribute_bomb_end_as_documents_beside_a_good_record() {
    let work = common::temp_dir("hostile-html");
    let input = work.join("input");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(
        common::repo().join("tests/fixtures/en_wire/input/us-mexico-border-lanes.txt"),
        input.join("good.txt"),
    )
    .unwrap();
    write_deep_page(&input);
    write_attribute_bomb(&input);

    let out = work.join("out");
    let manifest = common::run_with(PipelineConfig::default(), vec![input], &out, "b", 2, 2048);

    let inputs = common::string_column(&out, Table::Documents, "b", "input");
    let bodies = common::string_column(&out, Table::Documents, "b", "body");
    let rejects = common::string_column(&out, Table::Rejects, "b", "input");
    assert_eq!(manifest.counts.input_records, 3);
    assert_eq!(
        inputs.len() + rejects.len(),
        3,
        "every record accounted for"
    );
    assert!(rejects.is_empty(), "rejects: {rejects:?}");
    let body = |name: &str| {
        inputs
            .iter()
            .zip(&bodies)
            .find(|(i, _)| i.as_deref() == Some(name))
            .and_then(|(_, b)| b.clone())
            .unwrap_or_else(|| panic!("{name} is no document"))
    };
    assert_eq!(body("deep.html"), SENTENCE);
    assert_eq!(body("attributes.html"), format!("{SENTENCE} {SENTENCE}"));
    assert!(body("good.txt").len() > 500);
}
