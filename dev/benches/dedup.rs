//! Dedup throughput, one thread: `cargo bench --bench dedup`.
//!
//! `fingerprint` runs on the shipped articles; `fingerprint_synth` and `cluster_synth`
//! on 10 000 documents of the synthetic corpus (`gazette_dev::synth`, seed 1, clean
//! bodies), clustering their fingerprints as one batch. Precision, recall and the S-curve
//! are printed by `gazette-dev synth --docs 10000 --score`.

mod common;

use divan::counter::{BytesCount, ItemsCount};
use gazette::config::PipelineConfig;
use gazette::stages::dedup::{DedupEntry, Deduplicator};

fn main() {
    divan::main();
}

fn dedup() -> Deduplicator {
    PipelineConfig::default().stages.dedup.build().unwrap()
}

#[divan::bench]
fn fingerprint(bencher: divan::Bencher) {
    let docs = common::documents();
    let dedup = dedup();
    bencher
        .counter(BytesCount::new(common::body_bytes(&docs)))
        .bench_local(|| {
            docs.iter()
                .map(|d| dedup.fingerprint(&d.body).signature.len())
                .sum::<usize>()
        });
}

fn synth_bodies() -> Vec<String> {
    gazette_dev::synth::generate(10_000, 1)
        .unwrap()
        .into_iter()
        .map(|d| d.body)
        .collect()
}

#[divan::bench(sample_count = 10)]
fn fingerprint_synth(bencher: divan::Bencher) {
    let bodies = synth_bodies();
    let dedup = dedup();
    let bytes: usize = bodies.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        bodies
            .iter()
            .map(|b| dedup.fingerprint(b).signature.len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 10)]
fn cluster_synth(bencher: divan::Bencher) {
    let dedup = dedup();
    let entries: Vec<DedupEntry> = synth_bodies()
        .iter()
        .enumerate()
        .map(|(i, b)| DedupEntry {
            doc_id: format!("d{i:06}"),
            fingerprint: dedup.fingerprint(b),
            published: None,
            agency: false,
            has_url: true,
            chars: b.chars().count(),
        })
        .collect();
    bencher
        .counter(ItemsCount::new(entries.len()))
        .bench_local(|| dedup.cluster(&entries, &[]).iter().flatten().count());
}
