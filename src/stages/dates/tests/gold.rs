//! The gold set of temporal expressions written for the tagger (`tests/data/dates_gold.tsv`:
//! language, sentence, expression, anchor, expected value or `-` for a non-date), scored
//! per language: `cargo test --lib stages::dates::tests::gold -- --nocapture`.
//!
//! A row is right when the sentence, tagged with the row's anchor as publication date,
//! has a mention spelled exactly as the expression with the expected value; a `-` row is
//! right when no mention overlaps the expression. Mentions no row names are counted as
//! spurious (every mention a sentence should give is listed).

use std::collections::BTreeMap;

use super::tag;

const GOLD: &str = include_str!("../../../../tests/data/dates_gold.tsv");

/// One gold row.
struct Row<'a> {
    lang: &'a str,
    sentence: &'a str,
    expression: &'a str,
    anchor: &'a str,
    expected: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    GOLD.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "bad gold line: {l}");
            Row {
                lang: f[0],
                sentence: f[1],
                expression: f[2],
                anchor: f[3],
                expected: f[4],
            }
        })
        .collect()
}

/// Per language: (right, rows, spurious mentions).
type Scores = BTreeMap<&'static str, (usize, usize, usize)>;

/// The scores per language, and the lines of every error.
fn score() -> (Scores, Vec<String>) {
    let mut scores = Scores::new();
    let mut errors = Vec::new();
    let rows = rows();
    let mut sentences: BTreeMap<(&str, &str, &str), Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        sentences
            .entry((r.lang, r.sentence, r.anchor))
            .or_default()
            .push(r);
    }
    for ((lang, sentence, anchor), gold) in sentences {
        let found = tag(lang, sentence, anchor);
        let s = scores.entry(lang).or_default();
        for r in &gold {
            s.1 += 1;
            let ok = if r.expected == "-" {
                let (start, end) = match sentence.find(r.expression) {
                    Some(i) => (i, i + r.expression.len()),
                    None => (0, 0),
                };
                // Byte spans of the mentions, recovered from their text.
                !found.iter().any(|(t, _, _)| {
                    sentence
                        .match_indices(t.as_str())
                        .any(|(i, _)| i < end && start < i + t.len())
                })
            } else {
                found
                    .iter()
                    .any(|(t, v, _)| t == r.expression && v == r.expected)
            };
            if ok {
                s.0 += 1;
            } else {
                errors.push(format!(
                    "{lang} {anchor} «{}» want {} in: {sentence} → {found:?}",
                    r.expression, r.expected
                ));
            }
        }
        for (t, v, _) in &found {
            if !gold.iter().any(|r| r.expression == t && r.expected != "-") {
                s.2 += 1;
                errors.push(format!(
                    "{lang} {anchor} spurious «{t}» = {v} in: {sentence}"
                ));
            }
        }
    }
    (scores, errors)
}

#[test]
fn gold_set_is_large_and_varied_enough() {
    let rows = rows();
    assert!(rows.len() >= 200, "{} rows", rows.len());
    for lang in ["fr", "it", "en", "de", "es"] {
        let n = rows.iter().filter(|r| r.lang == lang).count();
        let none = rows
            .iter()
            .filter(|r| r.lang == lang && r.expected == "-")
            .count();
        assert!(n >= 40 && none >= 3, "{lang}: {n} rows, {none} non-dates");
    }
    for r in &rows {
        assert!(r.sentence.contains(r.expression), "{}", r.sentence);
    }
}

#[test]
fn gold_accuracy_per_language() {
    let (scores, errors) = score();
    for e in &errors {
        println!("{e}");
    }
    let (mut right, mut total, mut spurious) = (0, 0, 0);
    for (lang, (r, n, sp)) in &scores {
        println!(
            "{lang}: accuracy {:.3} ({r}/{n}), spurious mentions {sp}",
            *r as f64 / *n as f64
        );
        right += r;
        total += n;
        spurious += sp;
    }
    println!(
        "all: accuracy {:.3} ({right}/{total}), spurious mentions {spurious}",
        right as f64 / total as f64
    );
    for (lang, (r, n, _)) in &scores {
        assert!(*r as f64 >= 0.95 * *n as f64, "{lang}: {r}/{n}");
    }
}
