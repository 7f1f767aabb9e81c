//! Unit tests of the quotation rules in [`super::quotes`], on hand-written sentences.

use super::gold::GoldQuote;
use super::quotes::*;

fn q(raw: &str, needle: &str, canonical: &str) -> GoldQuote {
    let byte = raw.find(needle).expect("needle");
    let start = raw[..byte].chars().count();
    GoldQuote {
        start: Some(start),
        end: Some(start + needle.chars().count()),
        text: Some(needle.into()),
        speaker: None,
        speaker_canonical: Some(canonical.into()),
    }
}

const RAW: &str = "Lonechild said she is hopeful. “We must act now,” she said. \
    The chief called it 'a disaster' and said the plan failed.";

fn chars() -> Vec<char> {
    RAW.chars().collect()
}

#[test]
fn direct_rule() {
    let raw = chars();
    assert!(!is_direct(&q(RAW, "she is hopeful", "D L"), &raw));
    assert!(is_direct(&q(RAW, "“We must act now,”", "D L"), &raw));
    // Span without the marks, but raw marks on both sides.
    assert!(is_direct(&q(RAW, "a disaster", "X"), &raw));
    // Single-quoted text.
    assert!(is_direct(&q(RAW, "'a disaster'", "X"), &raw));
    assert!(!is_direct(&q(RAW, "the plan failed", "X"), &raw));
}

#[test]
fn strip_and_overlap() {
    let raw = chars();
    let g = q(RAW, "“We must act now,”", "D L");
    let s = stripped_span(&g, &raw).expect("span");
    let text: String = raw[s.0..s.1].iter().collect();
    assert_eq!(text, "We must act now,");
    assert_eq!(overlap((0, 10), (5, 20)), 5);
    assert_eq!(overlap((0, 4), (5, 20)), 0);
    // Half of a 16-char gold span is enough, less is not.
    assert!(matches_gold((s.0, s.0 + 8), s));
    assert!(!matches_gold((s.0, s.0 + 7), s));
    let none = GoldQuote {
        start: None,
        ..g.clone()
    };
    assert_eq!(stripped_span(&none, &raw), None);
}

#[test]
fn speaker_names() {
    assert!(speaker_matches("Darian Lonechild", "darian  lonechild"));
    assert!(speaker_matches("Darian Lonechild", "Lonechild"));
    assert!(speaker_matches(
        "Justin Trudeau",
        "Prime Minister Justin Trudeau"
    ));
    assert!(!speaker_matches("Darian Lonechild", "she"));
    assert!(!speaker_matches("Darian Lonechild", ""));
}

#[test]
fn score_doc_by_hand() {
    let raw = chars();
    let gold = [
        q(RAW, "she is hopeful", "Darian Lonechild"),
        q(RAW, "“We must act now,”", "Darian Lonechild"),
        q(RAW, "a disaster", "Mark Chief"),
    ];
    let d = stripped_span(&gold[1], &raw).expect("span");
    let x = stripped_span(&gold[2], &raw).expect("span");
    let i = stripped_span(&gold[0], &raw).expect("span");
    let pred = [
        // Matches the first direct quote, right speaker by last name.
        PredQuote {
            span: Some((d.0, d.1 - 1)),
            speaker: Some("she".into()),
            speaker_name: Some("Lonechild".into()),
        },
        // Matches "a disaster" but names the wrong speaker.
        PredQuote {
            span: Some(x),
            speaker: Some("Lonechild".into()),
            speaker_name: None,
        },
        // On the indirect quote; and one unalignable.
        PredQuote {
            span: Some(i),
            ..PredQuote::default()
        },
        PredQuote::default(),
    ];
    let c = score_doc(&gold, &raw, &pred);
    assert_eq!((c.gold_quotes, c.gold_direct, c.recalled), (3, 2, 2));
    assert_eq!((c.speaker_hits, c.speaker_total), (1, 2));
    assert_eq!((c.predicted, c.predicted_matched, c.unmappable), (4, 2, 1));
    assert_eq!(c.predicted_on_indirect, 1);
    assert_eq!(c.precision().value, 0.5);
}
