//! Entity tagger throughput and knowledge-base load time, one thread:
//! `cargo bench --bench entities`.

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
fn tag(bencher: divan::Bencher) {
    let docs = common::documents();
    let tagger = load_knowledge_base();
    bencher
        .counter(BytesCount::new(common::body_bytes(&docs)))
        .bench_local(|| docs.iter().map(|d| tagger.tag(d).len()).sum::<usize>());
}
