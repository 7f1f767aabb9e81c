//! What the fuzz targets share: reading fuzz bytes as one input file through the public
//! readers, parsing a record with the default stages, and the invariants every target
//! asserts (a panic or a failed assertion is a crash that libFuzzer reports).
//!
//! The invariants: no panic; each record ends as exactly one document or one reject
//! (readers: one item per file, per non-blank JSONL line, numbered in order; parse: the
//! reject or document names the record's input); every annotation offset lies inside the
//! body, on character boundaries.

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use gazette::input::{classify, Format, InputFile, InputItem, InputSource, RecordReader};
use gazette::lexicon::Lexicon;
use gazette::model::{Document, Payload, RawRecord, Reject};
use gazette::stages::dates::{DateStamper, DatesConfig};
use gazette::stages::entities::{EntitiesConfig, EntityTagger};
use gazette::stages::parse::{ParseConfig, Parser};
use gazette::stages::quotes::{QuoteTagger, QuotesConfig};

/// `input.max_bytes` of the reader targets: small, so that the fuzzer reaches the
/// `too_large` paths with inputs of a few KB.
pub const MAX_BYTES: u64 = 4096;

/// More items than this from one input means a reader that does not end.
const MAX_ITEMS: usize = 1_000_000;

/// A directory of this process for the files the reader targets write.
fn scratch_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("gazette-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch directory");
        dir
    })
}

/// Writes `bytes` to a file called `name` (its suffixes tell format and compression) and
/// reads it with [`RecordReader`]; every item is checked to name the file (`name`, or
/// `name#N` for a file of several records) and, when a reject, the input stage.
pub fn read_as(name: &str, bytes: &[u8]) -> Vec<InputItem> {
    let (format, compression) = classify(name).expect("a name gazette reads");
    let path = scratch_dir().join(name);
    std::fs::write(&path, bytes).expect("write the fuzz input");
    let file = InputFile {
        path,
        locator: name.to_string(),
        format,
        compression,
    };
    let items: Vec<InputItem> = RecordReader::new(vec![InputSource::File(file)], MAX_BYTES)
        .take(MAX_ITEMS)
        .collect();
    assert!(items.len() < MAX_ITEMS, "reader did not end");
    for item in &items {
        let input = match item {
            Ok(record) => {
                if format == Format::Warc {
                    assert!(matches!(record.payload, Payload::Html(_)));
                }
                &record.input
            }
            Err(reject) => {
                assert_eq!(reject.stage, "input");
                assert!(!reject.detail.is_empty(), "a reject says why");
                &reject.input
            }
        };
        assert!(
            input == name || input.strip_prefix(name).is_some_and(|r| r.starts_with('#')),
            "item {input:?} does not name its file {name:?}"
        );
    }
    items
}

/// The record numbers (`name#N`) of the items of a file of several records.
pub fn record_numbers(name: &str, items: &[InputItem]) -> Vec<usize> {
    items
        .iter()
        .map(|item| {
            let input = match item {
                Ok(r) => &r.input,
                Err(r) => &r.input,
            };
            input
                .strip_prefix(name)
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{input:?} is not {name}#N"))
        })
        .collect()
}

/// A whole-file format (text, HTML): exactly one item, named by the file.
pub fn check_whole_file(name: &str, bytes: &[u8]) {
    let items = read_as(name, bytes);
    assert_eq!(items.len(), 1, "one file, one record or reject");
}

/// A compressed JSONL file: its records are numbered by line, in increasing order (a
/// stream that fails part-way ends the file with one reject).
pub fn check_lines_in_order(name: &str, bytes: &[u8]) {
    let items = read_as(name, bytes);
    let numbers = record_numbers(name, &items);
    assert!(
        numbers.windows(2).all(|w| w[0] < w[1]),
        "line numbers out of order: {numbers:?}"
    );
}

/// The lines of a plain JSONL file that become one item each: a line longer than
/// `MAX_BYTES` (a `too_large` reject) or one holding more than ASCII whitespace (a
/// leading byte order mark removed); 1-based.
pub fn jsonl_record_lines(bytes: &[u8]) -> Vec<usize> {
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if bytes.ends_with(b"\n") || bytes.is_empty() {
        lines.pop();
    }
    lines
        .iter()
        .enumerate()
        .filter(|(i, line)| {
            let content = if *i == 0 {
                line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
            } else {
                line
            };
            line.len() as u64 > MAX_BYTES || !content.iter().all(u8::is_ascii_whitespace)
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// The default stages after parse, built once.
struct Annotators {
    dates: DateStamper,
    entities: EntityTagger,
    quotes: QuoteTagger,
}

/// The built-in language data, loaded once.
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::load(&[] as &[PathBuf]).expect("built-in lexicon"))
}

/// The parse stage with its default settings, built once.
fn parser() -> &'static Parser {
    static PARSER: OnceLock<Parser> = OnceLock::new();
    PARSER.get_or_init(|| ParseConfig::default().build(lexicon()).expect("parser"))
}

/// The default dates, entities and quotes stages, built once.
fn annotators() -> &'static Annotators {
    static STAGES: OnceLock<Annotators> = OnceLock::new();
    STAGES.get_or_init(|| {
        let reference = NaiveDate::from_ymd_opt(2024, 6, 1).expect("a date");
        Annotators {
            dates: DatesConfig::default()
                .build(lexicon(), reference)
                .expect("dates"),
            entities: EntitiesConfig::default()
                .build(lexicon())
                .expect("entities"),
            quotes: QuotesConfig::default().build(lexicon()).expect("quotes"),
        }
    })
}

/// Asserts that `[start, end)` is a span of `body` on character boundaries.
fn check_span(body: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= body.len(),
        "{what} [{start}, {end}) outside a body of {} bytes",
        body.len()
    );
    assert!(
        body.is_char_boundary(start) && body.is_char_boundary(end),
        "{what} [{start}, {end}) not on character boundaries"
    );
}

/// Parses one record (input `fuzz`) with the default parse stage and checks the result:
/// a reject of stage `parse` naming the record, or a document naming it whose body is
/// long enough, then annotated by the default dates, entities and quotes stages, every
/// offset inside the body.
pub fn check_parse(payload: Payload) {
    let defaults = ParseConfig::default();
    let record = RawRecord {
        input: "fuzz".to_string(),
        payload,
        meta: Default::default(),
    };
    match parser().parse(record) {
        Err(Reject { input, stage, .. }) => {
            assert_eq!(input, "fuzz");
            assert_eq!(stage, "parse");
        }
        Ok(doc) => {
            assert_eq!(doc.input, "fuzz");
            assert!(doc.chars() >= defaults.min_body_chars);
            assert!((0.0..=1.0).contains(&doc.language_score));
            check_annotations(&doc);
        }
    }
}

/// Every offset the annotating stages give for `doc` lies inside its body.
fn check_annotations(doc: &Document) {
    let stages = annotators();
    let body = &doc.body;
    for d in stages.dates.tag(doc) {
        check_span(body, d.start, d.end, "date mention");
    }
    let entities = stages.entities.tag(doc);
    for e in &entities {
        check_span(body, e.start, e.end, "entity mention");
    }
    for q in stages.quotes.tag(doc, &entities) {
        check_span(body, q.start, q.end, "quote");
    }
}
