//! The stage's tests, one file per concept, and the support they share: one stamper over
//! the shipped data, and short ways to tag a sentence or stamp a document with it.
//!
//! - `stamper.rs`: the runtime itself (shareable, built from the shipped data);
//! - `tagging.rs`: sentences per language; `resolution.rs`: the resolution rules;
//! - `seeds.rs`: the seed articles; `gold.rs`: the scored gold set;
//! - `publication.rs`: the publication date chain; `text_date.rs`: dates in the text.

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::lexicon::Lexicon;
use crate::model::{DateSource, Document};
use crate::stages::dates::{DateStamper, DatesConfig};

mod gold;
mod publication;
mod resolution;
mod seeds;
mod stamper;
mod tagging;
mod text_date;

/// The stamper over the shipped data, reference date 2030-01-01 (never the anchor here).
fn stamper() -> &'static DateStamper {
    static S: OnceLock<DateStamper> = OnceLock::new();
    S.get_or_init(|| {
        let lex = Lexicon::load(&[] as &[&str]).expect("shipped lexicon");
        let reference = NaiveDate::from_ymd_opt(2030, 1, 1).expect("date");
        DateStamper::new(&DatesConfig::default(), &lex, reference).expect("stamper")
    })
}

/// The date written `YYYY-MM-DD`.
fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// (text as written, value, relative) of every mention of `body` published on `published`.
fn tag(lang: &str, body: &str, published: &str) -> Vec<(String, String, bool)> {
    let doc = Document {
        body: body.to_string(),
        language: lang.to_string(),
        published_date: Some(day(published)),
        ..Document::default()
    };
    stamper()
        .tag(&doc)
        .into_iter()
        .map(|m| {
            (
                body[m.start..m.end].to_string(),
                m.value.unwrap_or_default(),
                m.relative,
            )
        })
        .collect()
}

/// (text, value) pairs only.
fn pairs(lang: &str, body: &str, published: &str) -> Vec<(String, String)> {
    tag(lang, body, published)
        .into_iter()
        .map(|(t, v, _)| (t, v))
        .collect()
}

/// The expected (text, value) pairs, owned.
fn expect(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(t, v)| (t.to_string(), v.to_string()))
        .collect()
}

/// The publication date (as `YYYY-MM-DD`) and source the shared stamper gives `doc`.
fn stamp(doc: Document) -> (Option<String>, Option<DateSource>) {
    let mut doc = doc;
    stamper().stamp_publication(&mut doc);
    (doc.published_date.map(|d| d.to_string()), doc.date_source)
}

/// A document in `lang` with `body` and nothing else.
fn text_doc(lang: &str, body: &str) -> Document {
    Document {
        body: body.into(),
        language: lang.into(),
        ..Document::default()
    }
}

/// The answer [`stamp`] gives for date `d` from source `s`.
fn some(d: &str, s: DateSource) -> (Option<String>, Option<DateSource>) {
    (Some(d.to_string()), Some(s))
}
