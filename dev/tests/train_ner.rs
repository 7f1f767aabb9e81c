//! `gazette-dev train ner` on a small fixture written for this test (dev/tests/data/
//! ner_tiny.tsv, twelve Italian sentences three times over): the same data and options
//! give a byte-identical model, the file reads back, and the model learns its data.

use std::path::PathBuf;

use gazette::lexicon::Lexicon;
use gazette::stages::entities::model::decode::{spans, tag_index};
use gazette::stages::entities::model::features::FeatureSet;
use gazette::stages::entities::model::file::NerModel;
use gazette_dev::train::corpus;
use gazette_dev::train::ner::{train, DataFile, TrainOptions};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/ner_tiny.tsv")
}

fn options(seed: u64) -> TrainOptions {
    TrainOptions {
        lang: "it".into(),
        data: vec![DataFile {
            path: fixture(),
            weight: 1.0,
        }],
        epochs: 5,
        buckets: 1 << 12,
        seed,
    }
}

#[test]
fn same_data_same_model_bytes_and_the_model_learns_its_data() {
    let lex = Lexicon::load(&[] as &[&str]).unwrap();
    let a = train(&lex, &options(7)).unwrap();
    let b = train(&lex, &options(7)).unwrap();
    let bytes = a.model.to_bytes();
    assert_eq!(bytes, b.model.to_bytes(), "training must be deterministic");
    assert!(
        a.report.contains("check split of data/ner_tiny.tsv"),
        "{}",
        a.report
    );

    let model = NerModel::from_bytes(&bytes).unwrap();
    assert_eq!(model.lang, "it");
    assert!(model.data.contains("ner_tiny.tsv"));
    let features = FeatureSet::new(&lex).unwrap();
    let sents = corpus::read(&fixture()).unwrap();
    let (mut right, mut total) = (0, 0);
    let mut cache = std::collections::HashMap::new();
    for s in &sents {
        let (text, sp) = s.text();
        let ids = features.sentence_ids("it", &text, &sp, model.buckets, &mut cache);
        let gold: Vec<usize> = s.tags.iter().map(|t| tag_index(t)).collect();
        let pred = model.tag_ids(&ids);
        total += spans(&gold).len();
        right += spans(&pred)
            .iter()
            .filter(|x| spans(&gold).contains(x))
            .count();
    }
    assert!(
        right * 10 >= total * 9,
        "{right}/{total} training entities found"
    );
}
