//! Development probe over the shared eval sets (read at test time, never copied): exact
//! span precision/recall per method. Ignored by default; run with --nocapture.

use std::collections::{BTreeMap, HashSet};

use crate::lexicon::Lexicon;
use crate::model::Document;
use crate::stages::entities::EntitiesConfig;
use crate::stages::shared_data::shared_dir;
use crate::text::CharOffsets;

fn probe(set: &str, lang_filter: Option<&str>) {
    let Some(dir) = shared_dir(&format!("eval/{set}")) else {
        return;
    };
    let dir = dir.display().to_string();
    let Ok(meta) = std::fs::read_to_string(format!("{dir}/meta.jsonl")) else {
        println!("{set}: not available");
        return;
    };
    let lex = Lexicon::load(&[] as &[&str]).expect("lexicon");
    let t = EntitiesConfig::default().build(&lex).expect("tagger");
    let (mut gold_n, mut hit) = (0usize, 0usize);
    let mut pred: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut missed = Vec::new();
    for line in meta.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let lang = v["language"].as_str().unwrap_or("und").to_string();
        if lang_filter.is_some_and(|l| l != lang) {
            continue;
        }
        let Some(file) = v["file"].as_str() else {
            continue;
        };
        let Ok(body) = std::fs::read_to_string(format!("{dir}/{file}")) else {
            continue;
        };
        let gold_list: Vec<(usize, usize, String)> = v["entities"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| {
                        Some((
                            e["start"].as_u64()? as usize,
                            e["end"].as_u64()? as usize,
                            format!("{} {}", e["type"].as_str()?, e["text"].as_str()?),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let gold: HashSet<(usize, usize)> = v["entities"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| {
                        Some((e["start"].as_u64()? as usize, e["end"].as_u64()? as usize))
                    })
                    .collect()
            })
            .unwrap_or_default();
        gold_n += gold.len();
        let off = CharOffsets::new(&body);
        let d = Document {
            language: lang,
            body: body.clone(),
            ..Document::default()
        };
        let found: HashSet<(usize, usize)> = t
            .tag(&d)
            .iter()
            .map(|m| (off.char_of(m.start), off.char_of(m.end)))
            .collect();
        for (s, e, what) in &gold_list {
            if !found.contains(&(*s, *e)) && missed.len() < 80 {
                missed.push(what.clone());
            }
        }
        for m in t.tag(&d) {
            let span = (off.char_of(m.start), off.char_of(m.end));
            let slot = pred.entry(m.method).or_default();
            slot.0 += 1;
            if gold.contains(&span) {
                slot.1 += 1;
                hit += 1;
            } else if gold.iter().any(|&(s, e)| s < span.1 && span.0 < e) {
                slot.2 += 1;
            } else if misses.len() < 60 {
                misses.push(format!(
                    "{} {:?} {}",
                    m.method,
                    &body[m.start..m.end],
                    m.entity_type.as_str()
                ));
            }
        }
    }
    let total: usize = pred.values().map(|p| p.0).sum();
    println!("== {set} {lang_filter:?}: gold {gold_n}, predicted {total}, exact hits {hit}");
    println!(
        "   precision {:.3} recall {:.3}",
        hit as f64 / total.max(1) as f64,
        hit as f64 / gold_n.max(1) as f64
    );
    for (method, (n, ok, overlap)) in &pred {
        println!(
            "   {method}: {n} predicted, {ok} exact ({:.3}), {overlap} overlap a gold span",
            *ok as f64 / (*n).max(1) as f64
        );
    }
    for m in misses {
        println!("   not gold: {m}");
    }
    if std::env::var_os("PROBE_MISSED").is_some() {
        println!("   missed: {}", missed.join(" / "));
    }
}

#[test]
#[ignore = "development probe over ../shared/eval; run with --nocapture"]
fn probe_eval_sets() {
    probe("kind-wikinews-it", None);
    probe("hipe2022-news", Some("fr"));
    probe("hipe2022-news", Some("en"));
    probe("hipe2022-news", Some("de"));
}
