//! Quote tagger throughput (entities precomputed), one thread: `cargo bench --bench quotes`.

mod common;

use divan::counter::BytesCount;
use gazette::config::PipelineConfig;
use gazette::lexicon::Lexicon;
use gazette::stages::entities::EntityTagger;
use gazette::stages::quotes::QuoteTagger;

fn main() {
    divan::main();
}

#[divan::bench]
fn tag(bencher: divan::Bencher) {
    let docs = common::documents();
    let s = PipelineConfig::default().validate().unwrap();
    let lexicon = Lexicon::load(&s.run.data_dirs).unwrap();
    let entities = EntityTagger::new(&s.entities, &lexicon).unwrap();
    let quotes = QuoteTagger::new(&s.quotes, &lexicon).unwrap();
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
