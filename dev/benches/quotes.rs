//! Quote tagger throughput (entities precomputed), one thread: `cargo bench --bench quotes`.
//! `tag` is the stage as shipped (speaker ranker on), `tag_cascade` the rule cascade alone.

mod common;

use divan::counter::BytesCount;
use gazette::config::PipelineConfig;
use gazette::lexicon::Lexicon;

fn main() {
    divan::main();
}

#[divan::bench]
fn tag(bencher: divan::Bencher) {
    run(bencher, true);
}

#[divan::bench]
fn tag_cascade(bencher: divan::Bencher) {
    run(bencher, false);
}

fn run(bencher: divan::Bencher, ranker: bool) {
    let docs = common::documents();
    let mut c = PipelineConfig::default();
    c.stages.quotes.speaker_ranker = ranker;
    let lexicon = Lexicon::load(&c.run.data_dirs).unwrap();
    let entities = c.stages.entities.build(&lexicon).unwrap();
    let quotes = c.stages.quotes.build(&lexicon).unwrap();
    let mentions: Vec<_> = docs.iter().map(|d| entities.tag(d)).collect();
    bencher
        .counter(BytesCount::new(common::body_bytes(&docs)))
        .bench_local(|| {
            docs.iter()
                .zip(&mentions)
                .map(|(d, m)| quotes.tag(d, m).len())
                .sum::<usize>()
        });
}
