//! Date tagger throughput, one thread: `cargo bench --bench dates`.

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
    let s = c.validate().unwrap();
    let lexicon = Lexicon::load(&s.run.data_dirs).unwrap();
    let stamper = c
        .stages
        .dates
        .build(&lexicon, s.run.reference_date)
        .unwrap();
    bencher
        .counter(BytesCount::new(common::body_bytes(&docs)))
        .bench_local(|| docs.iter().map(|d| stamper.tag(d).len()).sum::<usize>());
}
