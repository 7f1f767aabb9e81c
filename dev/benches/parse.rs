//! Parse stage throughput, one thread: `cargo bench --bench parse`.
//!
//! Besides the whole parser on the shipped articles, on HTML eval pages and on the
//! synthetic corpus of `dev/benches/e2e.sh` (seed 1), two pieces that any design of this
//! parser keeps, as ceilings: whatlang on each text's 2,000-byte middle sample, and
//! html5ever's parse alone. All count bytes of raw input, so their MB/s compare directly
//! with `cat corpus | b2sum`.

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
    let c = PipelineConfig::default();
    let lexicon = Lexicon::load(&c.run.data_dirs).unwrap();
    c.stages.parse.build(&lexicon).unwrap()
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

/// 2,000 documents of the synthetic corpus (`gazette-dev synth --docs 2000 --seed 1`).
fn synth_records() -> Vec<RawRecord> {
    let path = std::env::temp_dir().join("gazette-bench-synth-2000-seed1.jsonl");
    if !path.exists() {
        gazette_dev::synth::write_corpus(2000, 1, &path, None).expect("temp dir is writable");
    }
    common::records(&[path])
}

#[divan::bench(sample_count = 10)]
fn synth_text(bencher: divan::Bencher) {
    parse_all(bencher, synth_records());
}

/// At most 2,000 bytes from the middle of `text`, as the parser samples a body.
fn middle(text: &str) -> &str {
    if text.len() <= 2000 {
        return text;
    }
    let start = text.floor_char_boundary((text.len() - 2000) / 2);
    &text[start..text.floor_char_boundary(start + 2000)]
}

/// Ceiling: whatlang once per document on its middle sample, nothing else.
#[divan::bench(sample_count = 10)]
fn whatlang_sample_synth(bencher: divan::Bencher) {
    let records = synth_records();
    bencher
        .counter(BytesCount::new(bytes(&records)))
        .bench_local(|| {
            records
                .iter()
                .filter_map(|r| match &r.payload {
                    Payload::Text(t) | Payload::Html(t) => whatlang::detect(middle(t)),
                })
                .count()
        });
}

/// Ceiling: html5ever (through scraper) building the DOM of each page, nothing else.
#[divan::bench(args = ["trafilatura-eval", "htmldate-eval"], sample_count = 10)]
fn html5ever_only(bencher: divan::Bencher, set: &str) {
    let records = common::eval_html_records(set);
    bencher
        .counter(BytesCount::new(bytes(&records)))
        .bench_local(|| {
            records
                .iter()
                .map(|r| match &r.payload {
                    Payload::Text(t) | Payload::Html(t) => {
                        scraper::Html::parse_document(t).tree.nodes().count()
                    }
                })
                .sum::<usize>()
        });
}
