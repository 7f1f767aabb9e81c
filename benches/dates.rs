//! Date tagger throughput, one thread: `cargo bench --bench dates`.

mod common;

use divan::counter::BytesCount;
use gazette::config::PipelineConfig;
use gazette::lexicon::Lexicon;
use gazette::stages::dates::DateStamper;

fn main() {
    divan::main();
}

#[divan::bench]
fn tag(bencher: divan::Bencher) {
    let docs = common::documents();
    let s = PipelineConfig::default().validate().unwrap();
    let stamper = DateStamper::new(
        &s.dates,
        &Lexicon::load(&s.run.data_dirs).unwrap(),
        s.run.reference_date,
    )
    .unwrap();
    bencher
        .counter(BytesCount::new(common::body_bytes(&docs)))
        .bench_local(|| docs.iter().map(|d| stamper.tag(d).len()).sum::<usize>());
}
