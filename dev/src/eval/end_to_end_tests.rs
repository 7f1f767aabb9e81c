//! End-to-end test of [`super::evaluate`]: a tiny gold set and a hand-written output batch
//! (Parquet files written here with arrow), every expected figure worked out by hand.

use std::path::Path;
use std::sync::Arc;

use arrow::array::{
    ArrayRef, Date32Array, Float32Array, Int32Array, ListBuilder, StringArray, StringBuilder,
};
use arrow::record_batch::RecordBatch;
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;

use super::evaluate;

const RAW_A: &str = "Headline here\nMenu | Home\nAnna  Rossi met ACME Corp in Roma.\n\"We will win,\" said Rossi.\nShe added that the deal was done.";
const BODY_A: &str = "Anna Rossi met ACME Corp in Roma.\n\"We will win,\" said Rossi.\nShe added that the deal was done.";
const RAW_B: &str = "Jean Dupont parle.";

/// Code-point span of the `nth` occurrence of `needle` in `hay`.
fn cp(hay: &str, needle: &str, nth: usize) -> (usize, usize) {
    let byte = hay
        .match_indices(needle)
        .nth(nth)
        .map(|(b, _)| b)
        .expect("needle present");
    let start = hay[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn strs(values: &[Option<&str>]) -> ArrayRef {
    Arc::new(StringArray::from(values.to_vec()))
}

fn ints(values: &[i32]) -> ArrayRef {
    Arc::new(Int32Array::from(values.to_vec()))
}

fn write(dir: &Path, table: &str, batch: &RecordBatch) {
    let part = dir.join(table).join("batch=test");
    std::fs::create_dir_all(&part).expect("mkdir");
    let file = std::fs::File::create(part.join("part-00000.parquet")).expect("create");
    let mut writer = ArrowWriter::try_new(file, batch.schema(), None).expect("writer");
    writer.write(batch).expect("write");
    writer.close().expect("close");
}

fn write_outputs(out: &Path) {
    let day = |y, m, d| {
        let date = NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch");
        i32::try_from((date - epoch).num_days()).expect("fits")
    };
    let mut removed = ListBuilder::new(StringBuilder::new());
    removed.values().append_value("Menu | Home");
    removed.append(true);
    removed.append(true);
    let body_d = "Le monde bouge. Publicité";
    let docs = RecordBatch::try_from_iter(vec![
        ("doc_id", strs(&[Some("da"), Some("dd")])),
        ("input", strs(&[Some("a.txt"), Some("other/d.txt")])),
        ("url", strs(&[None, None])),
        (
            "title",
            strs(&[Some("Headline  here"), Some("le monde actu")]),
        ),
        ("language", strs(&[Some("en"), Some("it")])),
        ("body", strs(&[Some(BODY_A), Some(body_d)])),
        ("removed", Arc::new(removed.finish()) as ArrayRef),
        ("chars", ints(&[BODY_A.chars().count() as i32, 25])),
        (
            "published_date",
            Arc::new(Date32Array::from(vec![Some(day(2024, 3, 5)), None])) as ArrayRef,
        ),
        ("date_source", strs(&[Some("metadata"), None])),
        ("duplicate_of", strs(&[None, Some("da")])),
        (
            "similarity",
            Arc::new(Float32Array::from(vec![None, Some(0.9)])) as ArrayRef,
        ),
    ])
    .expect("documents batch");
    write(out, "documents", &docs);

    let span = |needle: &str, nth: usize| {
        let (s, e) = cp(BODY_A, needle, nth);
        (s as i32, e as i32)
    };
    let rows = [
        (span("Anna Rossi", 0), "PERSON", "Q1"),
        (span("ACME", 0), "ORG", "x-acme"),
        (span("Roma", 0), "LOC", "Q220"),
        (span("Rossi", 1), "PERSON", "e-rossi"),
        ((500, 505), "MISC", "x-ghost"),
    ];
    let mentions = RecordBatch::try_from_iter(vec![
        ("doc_id", strs(&[Some("da"); 5])),
        ("mention", ints(&[0, 1, 2, 3, 4])),
        ("entity_id", strs(&rows.map(|r| Some(r.2)))),
        ("entity_type", strs(&rows.map(|r| Some(r.1)))),
        ("start", ints(&rows.map(|r| r.0 .0))),
        ("end", ints(&rows.map(|r| r.0 .1))),
    ])
    .expect("mentions batch");
    write(out, "entity_mentions", &mentions);

    let (q1, q2) = (span("We will win,", 0), span("the deal was done", 0));
    let quotes = RecordBatch::try_from_iter(vec![
        ("doc_id", strs(&[Some("da"), Some("da")])),
        ("quote", ints(&[0, 1])),
        (
            "text",
            strs(&[Some("We will win,"), Some("the deal was done")]),
        ),
        ("start", ints(&[q1.0, q2.0])),
        ("end", ints(&[q1.1, q2.1])),
        ("speaker", strs(&[Some("Rossi"), None])),
        ("speaker_name", strs(&[Some("Anna Rossi"), None])),
    ])
    .expect("quotes batch");
    write(out, "quotes", &quotes);

    let rejects = RecordBatch::try_from_iter(vec![
        ("input", strs(&[Some("b.txt")])),
        ("stage", strs(&[Some("parse")])),
        ("reason", strs(&[Some("too_short")])),
    ])
    .expect("rejects batch");
    write(out, "rejects", &rejects);
}

fn write_gold(set: &Path) {
    std::fs::create_dir_all(set.join("docs")).expect("mkdir");
    std::fs::write(set.join("docs/a.txt"), RAW_A).expect("a");
    std::fs::write(set.join("docs/b.txt"), RAW_B).expect("b");
    std::fs::write(set.join("docs/d.expected.txt"), "Le monde bouge vite").expect("d");
    let ent = |needle: &str, nth: usize, kind: &str, link: &str| {
        let (s, e) = cp(RAW_A, needle, nth);
        serde_json::json!({"start": s, "end": e, "type": kind, "text": needle, "link": link})
    };
    let quote = |needle: &str, speaker: &str| {
        let (s, e) = cp(RAW_A, needle, 0);
        serde_json::json!({"start": s, "end": e, "text": needle, "speaker_canonical": speaker})
    };
    let lines = [
        serde_json::json!({"id": "a", "file": "docs/a.txt", "language": "en",
            "title": "Headline here", "published": "2024-03-05T10:00:00",
            "text_must_contain": ["Anna Rossi met", "said  Rossi"],
            "text_must_not_contain": ["Menu | Home", "the deal"],
            "entities": [ent("Anna  Rossi", 0, "PER", "Q1"), ent("ACME Corp", 0, "ORG", "NIL"),
                ent("Roma", 0, "LOC", "Q220"), ent("Rossi", 1, "PER", "Q1"),
                ent("Headline", 0, "PROD", "NIL")],
            "quotes": [quote("\"We will win,\"", "Anna Rossi"),
                quote("the deal was done", "Anna Rossi")]}),
        serde_json::json!({"id": "b", "file": "docs/b.txt", "language": "fr",
            "published": "2024-02-02",
            "entities": [{"start": 0, "end": 11, "type": "PER", "text": "Jean Dupont", "link": "Q5"}]}),
        serde_json::json!({"id": "c", "file": "docs/c.txt",
            "text_must_contain": ["Something"], "text_must_not_contain": ["Cookie"],
            "text_expected": "docs/c.expected.txt"}),
        serde_json::json!({"id": "d", "file": "docs/d.txt", "language": "fr",
            "title": "Le Monde: Actu!", "published": "2024-01-01",
            "text_expected": "docs/d.expected.txt"}),
    ];
    let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(set.join("meta.jsonl"), text.join("\n")).expect("meta");
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn evaluate_scores_a_hand_made_batch() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (set, out) = (tmp.path().join("tiny-set"), tmp.path().join("output"));
    write_gold(&set);
    write_outputs(&out);
    let r = evaluate(&set, &out, "test", None).expect("evaluate");

    assert_eq!(r.set, "tiny-set");
    let c = &r.coverage;
    assert_eq!(
        (c.gold_documents, c.found, c.rejected, c.missing),
        (4, 2, 1, 1)
    );
    assert_eq!(c.duplicates, 1);
    assert_eq!(c.rejected_by_reason.get("too_short"), Some(&1));
    // a: en = en; d: fr ≠ it; b is rejected, so not counted.
    assert_eq!(r.language.map(|l| (l.hits, l.total)), Some((1, 2)));
    // a exact (after collapsing), d only normalised.
    let t = r.title.as_ref().expect("titles");
    assert_eq!((t.exact.hits, t.exact.total, t.normalised.hits), (1, 2, 2));
    // a right (day part of the timestamp), d has no date.
    let d = r.dates.as_ref().expect("dates");
    assert_eq!((d.accuracy.hits, d.accuracy.total), (1, 2));
    assert_eq!(d.by_source.get("none"), Some(&1));
    // Over every gold page with a date, the rejected b counts as a miss.
    assert_eq!((d.every_page.hits, d.every_page.total), (1, 3));
    // Snippets: a TP 2, FP 1 ("the deal"), TN 1; c (missing) FN 1, TN 1.
    let s = r.snippets.as_ref().expect("snippets");
    assert_eq!((s.prf.tp, s.prf.fp, s.prf.fn_, s.tn), (2, 1, 1, 2));
    assert!(close(s.prf.f1, 2.0 / 3.0));
    assert_eq!(
        (s.accuracy.hits, s.accuracy.total, s.docs, s.docs_missing),
        (4, 6, 2, 1)
    );
    // d: {le, monde, bouge, vite} vs {le, monde, bouge, publicité}: F1 3/4.
    let e = r.expected_text.as_ref().expect("expected text");
    assert!(close(e.mean_f1, 0.75));
    assert_eq!((e.docs, e.docs_missing, e.files_missing), (1, 0, 1));

    // Entities: gold a = 4 scored + 1 PROD, b = 1 (rejected). Predictions: 3 exact spans,
    // "ACME" (wrong span), one unalignable MISC. Untyped TP 3, FP 2, FN 2 (ACME Corp,
    // Jean Dupont). Typed: the MISC is not typed, so TP 3, FP 1, FN 2.
    let en = r.entities.as_ref().expect("entities");
    assert_eq!((en.docs, en.docs_not_found, en.gold_mentions), (2, 1, 5));
    assert_eq!((en.untyped.tp, en.untyped.fp, en.untyped.fn_), (3, 2, 2));
    assert_eq!((en.typed.tp, en.typed.fp, en.typed.fn_), (3, 1, 2));
    assert!(close(en.typed.f1, 2.0 / 3.0));
    assert_eq!(en.excluded.get("PROD"), Some(&1));
    assert_eq!(en.unmappable, 1);
    assert_eq!(en.by_language.len(), 2);
    assert_eq!(en.by_language["fr"].untyped.fn_, 1);
    // Identity: (Q1,Q1) (Q220,Q220) (Q1,e-rossi): P 1, R (1/2 + 1 + 1/2)/3 = 2/3, F1 0.8.
    let id = r.identity.as_ref().expect("identity");
    assert_eq!(id.b_cubed.items, 3);
    assert!(close(id.b_cubed.precision, 1.0) && close(id.b_cubed.recall, 2.0 / 3.0));
    assert!(close(id.b_cubed.f1, 0.8));
    assert_eq!((id.qid_match.hits, id.qid_match.total), (2, 3));
    // Quotes: the one direct quote recalled with the right speaker; our second quote sits on
    // indirect speech, so precision 1/2.
    let q = r.quotes.as_ref().expect("quotes");
    assert_eq!((q.direct_recall.hits, q.direct_recall.total), (1, 1));
    assert_eq!((q.speaker_accuracy.hits, q.speaker_accuracy.total), (1, 1));
    assert_eq!((q.precision.hits, q.precision.total), (1, 2));
    assert_eq!(q.counts.predicted_on_indirect, 1);

    let text = r.to_string();
    assert!(
        text.starts_with("eval set: tiny-set batch test (4 gold documents, 2 found, 1 rejected")
    );
    assert!(text.contains("quotes: direct recall    1.000  (1/1)"));
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["entities"]["untyped"]["fn"], 2);
}

#[test]
fn missing_batch_is_an_eval_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let set = tmp.path().join("set");
    write_gold(&set);
    let err = evaluate(&set, &tmp.path().join("nothing"), "test", None).expect_err("no output");
    assert!(matches!(err, crate::Error::Eval { .. }), "{err}");
    let err = evaluate(&tmp.path().join("no-set"), tmp.path(), "test", None).expect_err("no set");
    assert!(err.to_string().contains("meta.jsonl"), "{err}");
}

#[test]
fn a_half_scores_only_its_documents() {
    use super::split::Half;
    let tmp = tempfile::tempdir().expect("tempdir");
    let (set, out) = (tmp.path().join("tiny-set"), tmp.path().join("output"));
    write_gold(&set);
    write_outputs(&out);
    // ids a, b, c, d all hash to an even first byte: every one is in the tune half.
    let tune = evaluate(&set, &out, "test", Some(Half::Tune)).expect("tune");
    assert_eq!(tune.coverage.gold_documents, 4);
    let check = evaluate(&set, &out, "test", Some(Half::Check)).expect("check");
    assert_eq!(
        (check.coverage.gold_documents, check.coverage.found),
        (0, 0)
    );
}
