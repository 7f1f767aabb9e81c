//! Development check against the ggt-quotes-en evaluation set (read from
//! ../shared/eval, never copied): direct-quotation recall and speaker accuracy, with
//! PERSON mentions built from each article's `people` list (full names and surnames)
//! standing in for the entities stage.

use super::test_support::{doc, tagger};
use crate::model::{EntityMention, EntityType};
use crate::text::CharOffsets;

fn people_mentions(body: &str, people: &[String]) -> Vec<EntityMention> {
    let mut out = Vec::new();
    for name in people {
        let surname = name.rsplit(' ').next().unwrap_or(name);
        for form in [name.as_str(), surname] {
            for (s, _) in body.match_indices(form) {
                let end = s + form.len();
                let bounded = !body[..s]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                    && !body[end..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if bounded
                    && !out
                        .iter()
                        .any(|m: &EntityMention| m.start <= s && end <= m.end)
                {
                    out.push(EntityMention {
                        entity_id: name.clone(),
                        entity_name: name.clone(),
                        entity_type: EntityType::Person,
                        start: s,
                        end,
                        sentence: None,
                        method: "gazetteer",
                        score: 1.0,
                    });
                }
            }
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

#[test]
#[ignore = "needs ../shared/eval; run with --ignored --nocapture"]
fn ggt_quotes_recall_and_speaker_accuracy() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/ggt-quotes-en");
    let meta = std::fs::read_to_string(format!("{root}/meta.jsonl")).expect("eval set");
    let t = tagger();
    let mut buckets = [(0usize, 0usize); 5];
    let (mut gold, mut found, mut right, mut attributed, mut predicted, mut matched_pred) =
        (0, 0, 0, 0, 0, 0);
    for line in meta.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let file = v["file"].as_str().unwrap_or_default();
        let Ok(body) = std::fs::read_to_string(format!("{root}/{file}")) else {
            continue;
        };
        let people: Vec<String> = v["people"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|p| p.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let quotes = t.tag(&doc("en", &body), &people_mentions(&body, &people));
        if std::env::var("GGT_DOC").is_ok_and(|d| file.contains(&d)) {
            for q in &quotes {
                let text: String = body[q.start..q.end].chars().take(60).collect();
                println!(
                    "  {:?} {:.2} {:?} {:?} | {text}",
                    q.kind, q.score, q.speaker, q.cue
                );
            }
        }
        let off = CharOffsets::new(&body);
        let spans: Vec<(usize, usize)> = quotes
            .iter()
            .map(|q| (off.char_of(q.start), off.char_of(q.end)))
            .collect();
        predicted += quotes.len();
        let mut used = vec![false; quotes.len()];
        for g in v["quotes"].as_array().into_iter().flatten() {
            let text = g["text"].as_str().unwrap_or_default();
            if !text.contains(['"', '“', '”']) {
                continue; // indirect speech
            }
            gold += 1;
            let (gs, ge) = (
                g["start"].as_u64().unwrap_or(0) as usize,
                g["end"].as_u64().unwrap_or(0) as usize,
            );
            let Some(i) = spans.iter().position(|&(s, e)| s < ge && gs < e) else {
                println!(
                    "MISSED {file}: {}",
                    text.chars().take(80).collect::<String>()
                );
                continue;
            };
            found += 1;
            used[i] = true;
            let want = g["speaker_canonical"].as_str().unwrap_or_default();
            if quotes[i].speaker.is_some() {
                attributed += 1;
            }
            let bucket = ((quotes[i].score * 5.0) as usize).min(4);
            buckets[bucket].0 += 1;
            if quotes[i].speaker_name.as_deref() == Some(want) {
                buckets[bucket].1 += 1;
                right += 1;
            } else {
                println!(
                    "SPEAKER {file}: want {want:?} got {:?} via {:?}",
                    quotes[i].speaker, quotes[i].cue
                );
            }
        }
        matched_pred += used.iter().filter(|&&u| u).count();
        for (q, _) in quotes.iter().zip(&used).filter(|(_, &u)| !u) {
            let text: String = body[q.start..q.end].chars().take(60).collect();
            println!("EXTRA {:?} {:.2} {text}", q.kind, q.score);
        }
    }
    for (b, (n, ok)) in buckets.iter().enumerate() {
        println!(
            "score {:.1}-{:.1}: {n} quotes, speaker right {ok}",
            b as f32 / 5.0,
            (b + 1) as f32 / 5.0
        );
    }
    println!(
        "gold direct {gold}, found {found} (recall {:.3}), predicted {predicted} (matched {matched_pred}), attributed {attributed}, speaker right {right} ({:.3} of found)",
        found as f64 / gold.max(1) as f64,
        right as f64 / found.max(1) as f64
    );
}
