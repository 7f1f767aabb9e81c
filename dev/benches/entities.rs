//! Entity tagger throughput and knowledge-base load time, one thread:
//! `cargo bench --bench entities`. `tag` is the whole stage (model, linking, coref, or
//! the rules where a language has no model); `model_alone` is the trained tagger alone
//! (sentences, tokens, features, Viterbi) over the documents of languages with a model,
//! counting their bytes only; `tag_rules` is the stage with every model off.

mod common;

use divan::counter::BytesCount;
use gazette::config::PipelineConfig;
use gazette::lexicon::Lexicon;
use gazette::stages::entities::EntityTagger;

fn main() {
    report_memory();
    divan::main();
}

/// Resident memory in bytes (Linux /proc; 0 elsewhere).
fn resident_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<usize>().ok())
        .map_or(0, |pages| pages * 4096)
}

/// Prints the resident memory the tagger (knowledge base, automata, lists) adds.
fn report_memory() {
    let before = resident_bytes();
    let tagger = load_knowledge_base();
    let after = resident_bytes();
    println!(
        "entity tagger resident memory: {:.1} MB ({:?})",
        after.saturating_sub(before) as f64 / 1e6,
        tagger.kb_size()
    );
}

#[divan::bench]
fn load_knowledge_base() -> EntityTagger {
    let c = PipelineConfig::default();
    let lexicon = Lexicon::load(&c.run.data_dirs).unwrap();
    c.stages.entities.build(&lexicon).unwrap()
}

#[divan::bench]
fn model_alone(bencher: divan::Bencher) {
    let tagger = load_knowledge_base();
    let docs: Vec<_> = common::documents()
        .into_iter()
        .filter(|d| tagger.models().contains_key(&d.language))
        .collect();
    bencher
        .counter(BytesCount::new(common::body_bytes(&docs)))
        .bench_local(|| docs.iter().map(|d| tagger.model_spans(d)).sum::<usize>());
}

#[divan::bench]
fn tag_rules(bencher: divan::Bencher) {
    let docs = common::documents();
    let c = PipelineConfig::default();
    let lexicon = Lexicon::load(&c.run.data_dirs).unwrap();
    let mut rules = c.stages.entities.clone();
    for lang in tagger_langs() {
        rules.model.insert(lang, "none".into());
    }
    let tagger = rules.build(&lexicon).unwrap();
    bencher
        .counter(BytesCount::new(common::body_bytes(&docs)))
        .bench_local(|| docs.iter().map(|d| tagger.tag(d).len()).sum::<usize>());
}

/// The languages with a shipped default model.
fn tagger_langs() -> Vec<String> {
    load_knowledge_base().models().keys().cloned().collect()
}

#[divan::bench]
fn tag(bencher: divan::Bencher) {
    let docs = common::documents();
    let tagger = load_knowledge_base();
    bencher
        .counter(BytesCount::new(common::body_bytes(&docs)))
        .bench_local(|| docs.iter().map(|d| tagger.tag(d).len()).sum::<usize>());
}
