//! Shared corpus for the per-stage benchmarks: the articles shipped in examples/ and
//! tests/fixtures/, parsed once, and the HTML pages of ../shared/eval when present.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use gazette::config::PipelineConfig;
use gazette::input::{discover, RecordReader};
use gazette::lexicon::Lexicon;
use gazette::model::{Document, RawRecord};

/// The repository root (this crate is `dev/` in it).
pub fn repo() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Every readable record under `roots`.
pub fn records(roots: &[PathBuf]) -> Vec<RawRecord> {
    let (files, _) = discover(roots).expect("bench inputs exist");
    RecordReader::new(files, 5 << 20)
        .filter_map(Result::ok)
        .collect()
}

/// The shipped text articles (examples + fixtures) as raw records.
pub fn text_records() -> Vec<RawRecord> {
    records(&[repo().join("examples"), repo().join("tests/fixtures")])
}

/// HTML pages from an eval set under ../shared/eval, if it is there.
pub fn eval_html_records(set: &str) -> Vec<RawRecord> {
    let dir = repo().join("../shared/eval").join(set).join("docs");
    if Path::new(&dir).exists() {
        records(&[dir])
    } else {
        Vec::new()
    }
}

/// The shipped articles, parsed with the default settings.
pub fn documents() -> Vec<Document> {
    let c = PipelineConfig::default();
    let lexicon = Lexicon::load(&c.run.data_dirs).unwrap();
    let parser = c.stages.parse.build(&lexicon).unwrap();
    text_records()
        .into_iter()
        .filter_map(|r| parser.parse(r).ok())
        .collect()
}

/// Total bytes of the bodies.
pub fn body_bytes(docs: &[Document]) -> usize {
    docs.iter().map(|d| d.body.len()).sum()
}
