//! Quote tagger throughput (entities precomputed), one thread: `cargo bench --bench quotes`.

mod common;

use divan::counter::BytesCount;
use gazette::config::PipelineConfig;
use gazette::lexicon::Lexicon;

fn main() {
    divan::main();
}

#[divan::bench]
fn tag(bencher: divan::Bencher) {
    let docs = common::documents();
    let c = PipelineConfig::default();
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
