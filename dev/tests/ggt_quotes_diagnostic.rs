//! Development diagnostic against the ggt-quotes-en evaluation set (read from
//! ../shared/eval, never copied), on the real pipeline output of
//! `gazette-dev eval --set ../shared/eval/ggt-quotes-en --output $GGT_OUT` (default
//! /tmp/q7-ggt): prints every recalled quote whose speaker is wrong (gold vs ours, cue,
//! score), the missed quotes, and speaker accuracy per score bucket (calibration).
//!
//! The calibration bands are the quotes stage's own test helper, shared by source with
//! its `gold_tests` rather than made public API.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use polars::prelude::{DataFrame, ParquetReader, SerReader};

use gazette_dev::eval::align::Alignment;
use gazette_dev::eval::gold::GoldSet;
use gazette_dev::eval::quotes::{is_direct, matches_gold, overlap, speaker_matches, stripped_span};

#[path = "../../src/stages/quotes/tests/calibration.rs"]
#[allow(dead_code)]
mod calibration;
use calibration::Calibration;

fn table(out: &Path, name: &str) -> DataFrame {
    let dir = out.join(name).join("batch=eval");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("output partition (run gazette-dev eval first)")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "parquet"))
        .collect();
    files.sort();
    let mut df = DataFrame::default();
    for f in files {
        let part = ParquetReader::new(File::open(f).expect("part")).finish();
        let part = part.expect("parquet");
        df = if df.height() == 0 {
            part
        } else {
            df.vstack(&part).expect("same schema")
        };
    }
    df
}

fn strs(df: &DataFrame, col: &str) -> Vec<Option<String>> {
    let c = df.column(col).expect("column").str().expect("utf8");
    (0..c.len()).map(|i| c.get(i).map(str::to_string)).collect()
}

struct Row {
    start: usize,
    end: usize,
    speaker: Option<String>,
    name: Option<String>,
    cue: Option<String>,
    score: f32,
}

#[test]
#[ignore = "needs ../shared/eval and a gazette-dev eval output; run with --ignored --nocapture"]
fn ggt_speaker_misses_and_calibration() {
    let set_dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/eval/ggt-quotes-en"
    ));
    let out = PathBuf::from(std::env::var("GGT_OUT").unwrap_or("/tmp/q7-ggt".into()));
    let set = GoldSet::load(set_dir).expect("gold");
    let docs = table(&out, "documents");
    let (ids, inputs, bodies) = (
        strs(&docs, "doc_id"),
        strs(&docs, "input"),
        strs(&docs, "body"),
    );
    let q = table(&out, "quotes");
    let (qdoc, qspk, qname, qcue) = (
        strs(&q, "doc_id"),
        strs(&q, "speaker"),
        strs(&q, "speaker_name"),
        strs(&q, "cue"),
    );
    let qs: Vec<Option<i32>> = {
        let c = q.column("start").unwrap().i32().unwrap();
        (0..c.len()).map(|i| c.get(i)).collect()
    };
    let qe: Vec<Option<i32>> = {
        let c = q.column("end").unwrap().i32().unwrap();
        (0..c.len()).map(|i| c.get(i)).collect()
    };
    let qsc: Vec<Option<f32>> = {
        let c = q.column("score").unwrap().f32().unwrap();
        (0..c.len()).map(|i| c.get(i)).collect()
    };
    let mut by_doc: HashMap<String, Vec<Row>> = HashMap::new();
    for i in 0..q.height() {
        by_doc
            .entry(qdoc[i].clone().unwrap_or_default())
            .or_default()
            .push(Row {
                start: qs[i].unwrap_or(0) as usize,
                end: qe[i].unwrap_or(0) as usize,
                speaker: qspk[i].clone(),
                name: qname[i].clone(),
                cue: qcue[i].clone(),
                score: qsc[i].unwrap_or(0.0),
            });
    }
    let ents = table(&out, "entity_mentions");
    let (edoc, etype, etext) = (
        strs(&ents, "doc_id"),
        strs(&ents, "entity_type"),
        strs(&ents, "text"),
    );
    let es: Vec<Option<i32>> = {
        let c = ents.column("start").unwrap().i32().unwrap();
        (0..c.len()).map(|i| c.get(i)).collect()
    };
    let show_mentions = std::env::var("GGT_MENTIONS").is_ok();
    let mentions_near = |doc: &str, from: usize, to: usize| -> String {
        (0..ents.height())
            .filter(|&i| edoc[i].as_deref() == Some(doc))
            .filter(|&i| es[i].is_some_and(|s| s as usize >= from && (s as usize) < to))
            .map(|i| {
                format!(
                    "{}:{}",
                    etext[i].as_deref().unwrap_or(""),
                    etype[i].as_deref().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    // Per score band: quotes, right speakers, sum of scores.
    let mut calibration = Calibration::new(5);
    let (mut total, mut right) = (0, 0);
    for g in &set.docs {
        let Some(i) = inputs.iter().position(|p| {
            p.as_deref()
                .is_some_and(|p| p.rsplit('/').next() == Some(g.file_name()))
        }) else {
            continue;
        };
        let body = bodies[i].clone().unwrap_or_default();
        let raw = set.read_text(&g.file).expect("raw");
        let raw_chars: Vec<char> = raw.chars().collect();
        let align = Alignment::new(&body, &raw);
        let id = ids[i].clone().unwrap_or_default();
        let rows = by_doc.get(&id).map(Vec::as_slice).unwrap_or(&[]);
        for gq in g.quotes.iter().flatten() {
            let Some(gs) = stripped_span(gq, &raw_chars).filter(|_| is_direct(gq, &raw_chars))
            else {
                continue;
            };
            let text: String = raw_chars[gs.0..gs.1].iter().take(70).collect();
            let best = rows
                .iter()
                .filter_map(|r| Some((align.raw_span(r.start, r.end)?, r)))
                .filter(|(s, _)| matches_gold(*s, gs))
                .max_by_key(|(s, _)| overlap(*s, gs));
            let Some((_, r)) = best else {
                println!("MISSED {}: {text}", g.file);
                continue;
            };
            let want = gq.speaker_canonical.as_deref().unwrap_or("").trim();
            if want.is_empty() {
                continue;
            }
            total += 1;
            let ok = [r.name.as_deref(), r.speaker.as_deref()]
                .iter()
                .flatten()
                .any(|n| speaker_matches(want, n));
            calibration.add(r.score, ok);
            if ok {
                right += 1;
            } else {
                println!(
                    "WRONG {} @{}: want {want:?} (as {:?}) got {:?}/{:?} cue {:?} {:.2} | {text}",
                    g.file, gs.0, gq.speaker, r.speaker, r.name, r.cue, r.score
                );
                if show_mentions {
                    let from = r.start.saturating_sub(600);
                    println!("    mentions: {}", mentions_near(&id, from, r.end + 200));
                }
            }
        }
    }
    calibration.print();
    println!("expected calibration error {:.3}", calibration.error());
    println!("speaker accuracy {right}/{total}");
}
