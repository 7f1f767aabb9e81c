//! The parse stage's tests, one file per concept, and the support they share: parsers with
//! the shipped lists, records and documents made from a text or a page, the page-date
//! reader.
//!
//! Whole documents: `layout` (text payloads: titles, lead heads, captions, end blocks,
//! rejects, settings), `meta_lines`, `seeds` (the real seed articles); HTML pages:
//! `extract`, `blocks`, `recall`, `page_title`, `hostile` (deep nesting, attribute
//! bombs); page dates: `page_date`, `page_date_choice`; single rules: `line_rules`,
//! `normalise`.

mod blocks;
mod extract;
mod hostile;
mod layout;
mod line_rules;
mod meta_lines;
mod normalise;
mod page_date;
mod page_date_choice;
mod page_title;
mod recall;
mod scan;
mod seeds;

use chrono::NaiveDate;

use super::page_date::PageDates;
use super::{ParseConfig, Parser};
use crate::lexicon::Lexicon;
use crate::model::{Document, Payload, RawRecord, RecordMeta};

/// A parser with the default settings and the shipped lists.
fn parser() -> Parser {
    parser_with(ParseConfig::default())
}

/// The document the default parser makes of an HTML page (which must parse).
fn html_doc(html: &str) -> Document {
    let record = RawRecord {
        input: "page.html".into(),
        payload: Payload::Html(html.into()),
        meta: RecordMeta::default(),
    };
    parser().parse(record).expect("document")
}

/// A parser with `config` and the shipped lists.
fn parser_with(config: ParseConfig) -> Parser {
    let lexicon = Lexicon::load(&[] as &[&str]).expect("lexicon");
    config.build(&lexicon).expect("parser")
}

/// A plain-text record without metadata.
fn text_record(text: &str) -> RawRecord {
    RawRecord {
        input: "test.txt".into(),
        payload: Payload::Text(text.into()),
        meta: RecordMeta::default(),
    }
}

/// The page-date reader with the shipped lists.
fn dates() -> PageDates {
    PageDates::new(&Lexicon::load(&[] as &[&str]).expect("lexicon"))
}

/// The date written `YYYY-MM-DD`.
fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}
