//! Dedup fingerprint throughput, one thread: `cargo bench --bench dedup`.

mod common;

use divan::counter::BytesCount;
use gazette::config::PipelineConfig;
use gazette::stages::dedup::Deduplicator;

fn main() {
    divan::main();
}

#[divan::bench]
fn fingerprint(bencher: divan::Bencher) {
    let docs = common::documents();
    let dedup = Deduplicator::new(&PipelineConfig::default().validate().unwrap().dedup);
    bencher
        .counter(BytesCount::new(common::body_bytes(&docs)))
        .bench_local(|| {
            docs.iter()
                .map(|d| dedup.fingerprint(&d.body).signature.len())
                .sum::<usize>()
        });
}
