//! Entity tagger throughput and knowledge-base load time, one thread:
//! `cargo bench --bench entities`.

mod common;

use divan::counter::BytesCount;
use gazette::config::PipelineConfig;
use gazette::lexicon::Lexicon;
use gazette::stages::entities::EntityTagger;

fn main() {
    divan::main();
}

#[divan::bench]
fn load_knowledge_base() -> EntityTagger {
    let s = PipelineConfig::default().validate().unwrap();
    EntityTagger::new(&s.entities, &Lexicon::load(&s.run.data_dirs).unwrap()).unwrap()
}

#[divan::bench]
fn tag(bencher: divan::Bencher) {
    let docs = common::documents();
    let tagger = load_knowledge_base();
    bencher
        .counter(BytesCount::new(common::body_bytes(&docs)))
        .bench_local(|| docs.iter().map(|d| tagger.tag(d).len()).sum::<usize>());
}
