//! Parse stage throughput, one thread: `cargo bench --bench parse`.

mod common;

use divan::counter::BytesCount;
use gazette::config::PipelineConfig;
use gazette::lexicon::Lexicon;
use gazette::model::{Payload, RawRecord};
use gazette::stages::parse::Parser;

fn main() {
    divan::main();
}

fn bytes(records: &[RawRecord]) -> usize {
    records
        .iter()
        .map(|r| match &r.payload {
            Payload::Text(t) | Payload::Html(t) => t.len(),
        })
        .sum()
}

fn parser() -> Parser {
    let settings = PipelineConfig::default().validate().unwrap();
    Parser::new(
        &settings.parse,
        &Lexicon::load(&settings.run.data_dirs).unwrap(),
    )
    .unwrap()
}

/// Parses every record once per iteration, counting bytes of raw input.
fn parse_all(bencher: divan::Bencher, records: Vec<RawRecord>) {
    let parser = parser();
    bencher
        .counter(BytesCount::new(bytes(&records)))
        .bench_local(|| {
            records
                .iter()
                .filter(|r| parser.parse((*r).clone()).is_ok())
                .count()
        });
}

#[divan::bench]
fn text_articles(bencher: divan::Bencher) {
    parse_all(bencher, common::text_records());
}

#[divan::bench(args = ["trafilatura-eval", "htmldate-eval"], sample_count = 10)]
fn html_pages(bencher: divan::Bencher, set: &str) {
    parse_all(bencher, common::eval_html_records(set));
}
