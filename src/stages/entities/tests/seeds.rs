//! Tests over the seed articles, read at test time from ../shared/corpus/seeds.

use std::path::Path;

use super::{doc, model_tagger as tagger};
use crate::model::Document;
use crate::stages::shared_data::shared_dir;

fn seed(seeds: &Path, name: &str) -> Document {
    let path = std::fs::read_dir(seeds)
        .expect("seeds directory")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with(name))
        })
        .expect("seed file");
    let body = std::fs::read_to_string(&path).expect("seed text");
    let lang = if name == "003" { "it" } else { "fr" };
    doc(lang, &body)
}

fn seed_id(d: &Document, written: &str) -> String {
    tagger()
        .tag(d)
        .into_iter()
        .find(|m| &d.body[m.start..m.end] == written)
        .map(|m| m.entity_id)
        .unwrap_or_else(|| panic!("{written} not found"))
}

#[test]
fn seeds_share_ids_across_spellings() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    let (s0, s1, s2, s3) = (
        seed(&seeds, "000"),
        seed(&seeds, "001"),
        seed(&seeds, "002"),
        seed(&seeds, "003"),
    );
    assert_eq!(seed_id(&s0, "Choïgou"), seed_id(&s3, "Shoigu"));
    assert_eq!(
        seed_id(&s0, "Sergei Choïgou"),
        seed_id(&s3, "Sergei Shoigu")
    );
    assert_eq!(seed_id(&s1, "Patrushev"), seed_id(&s2, "Nikolay Patrushev"));
    assert_eq!(
        seed_id(&s1, "Patrouchev"),
        seed_id(&s2, "Nikolay Patrushev")
    );
    assert_eq!(seed_id(&s0, "Blinken"), seed_id(&s0, "Anthony Blinken"));
}

#[test]
#[ignore = "prints every mention of the seeds; run with --nocapture"]
fn print_seed_mentions() {
    let Some(seeds) = shared_dir("corpus/seeds") else {
        return;
    };
    for name in ["000", "001", "002", "003", "004"] {
        let d = seed(&seeds, name);
        println!("=== seed {name}");
        for m in tagger().tag(&d) {
            println!(
                "{:>5} {:<32} {:<6} {:<34} {:<9} {:.2} s{:?}",
                m.start,
                &d.body[m.start..m.end],
                m.entity_type.as_str(),
                m.entity_id,
                m.method,
                m.score,
                m.sentence.unwrap_or(0)
            );
        }
    }
}
