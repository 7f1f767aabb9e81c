//! Publication date chain tests: metadata → page → URL → text → (crawl, reference).

use crate::lexicon::Lexicon;
use crate::model::{DateSource, Document};
use crate::stages::dates::{DateStamper, DatesConfig};

use super::{day, some, stamp, text_doc};
use crate::stages::shared_data::shared_dir;

#[test]
fn metadata_then_page_then_url() {
    let mut doc = text_doc("fr", "PARIS, 17 avril 2024 (AFP) - Le président a parlé.");
    doc.url = Some("https://example.com/2024/04/12/article/".into());
    doc.page_published = Some(day("2024-04-12"));
    doc.meta_published = Some(day("2024-04-14"));
    assert_eq!(stamp(doc.clone()), some("2024-04-14", DateSource::Metadata));
    doc.meta_published = None;
    assert_eq!(stamp(doc.clone()), some("2024-04-12", DateSource::Html));
    doc.page_published = None;
    assert_eq!(stamp(doc.clone()), some("2024-04-12", DateSource::Url));
    doc.url = None;
    assert_eq!(stamp(doc), some("2024-04-17", DateSource::Text));
}

#[test]
fn a_page_date_that_disagrees_with_the_url_day_yields_to_it() {
    let mut doc = text_doc("en", "The council met on Monday evening.");
    doc.url = Some("https://news.example.com/2020/04/13/council-vote/".into());
    doc.page_published = Some(day("2020-04-14"));
    assert_eq!(stamp(doc.clone()), some("2020-04-13", DateSource::Url));
    doc.page_published = Some(day("2021-06-17"));
    assert_eq!(stamp(doc.clone()), some("2020-04-13", DateSource::Url));
    doc.page_published = Some(day("2020-04-13"));
    assert_eq!(stamp(doc), some("2020-04-13", DateSource::Html));
}

#[test]
fn a_page_date_after_the_crawl_is_not_believed() {
    let mut doc = text_doc("en", "The council met on Monday evening.");
    doc.crawled = Some(day("2021-03-01"));
    doc.page_published = Some(day("2031-01-01"));
    doc.url = Some("https://news.example.com/2021/02/27/council-vote/".into());
    assert_eq!(stamp(doc), some("2021-02-27", DateSource::Url));
}

#[test]
fn url_date_patterns() {
    let url = |u: &str, crawled: Option<&str>| {
        let doc = Document {
            url: Some(u.into()),
            crawled: crawled.map(day),
            ..Document::default()
        };
        stamp(doc).0
    };
    assert_eq!(
        url("https://www.agenpress.it/2024/08/06/putin-iran/", None).as_deref(),
        Some("2024-08-06")
    );
    assert_eq!(
        url(
            "https://news.example.org/monde/2024-08-06-iran-russie",
            None
        )
        .as_deref(),
        Some("2024-08-06")
    );
    assert_eq!(
        url("https://example.de/politik/20240806_iran.html", None).as_deref(),
        Some("2024-08-06")
    );
    assert_eq!(url("https://example.com/article/123456789", None), None);
    assert_eq!(
        url("https://blog.example.de/2023/10/3-fragen-an-tina/", None),
        None
    );
    assert_eq!(
        url("https://example.com/2023/10/3/", None).as_deref(),
        Some("2023-10-03")
    );
    assert_eq!(url("https://example.com/2024/13/45/x", None), None);
    // A URL date after the crawl is not a publication date.
    assert_eq!(
        url("https://example.com/2024/08/06/x", Some("2024-08-01")),
        None
    );
}

#[test]
fn crawl_and_reference_dates_only_when_configured() {
    let lex = Lexicon::load(&[] as &[&str]).unwrap();
    let reference = day("2024-09-01");
    let build = |crawl: bool, refer: bool| {
        let c = DatesConfig {
            publication_from_crawl: crawl,
            publication_from_reference: refer,
            ..DatesConfig::default()
        };
        c.build(&lex, reference).unwrap()
    };
    let doc = Document {
        body: "Rien.".into(),
        crawled: Some(day("2024-08-07")),
        ..Document::default()
    };
    let run = |s: &DateStamper, d: &Document| {
        let mut d = d.clone();
        s.stamp_publication(&mut d);
        (d.published_date, d.date_source)
    };
    assert_eq!(run(&build(false, false), &doc), (None, None));
    assert_eq!(
        run(&build(true, false), &doc),
        (Some(day("2024-08-07")), Some(DateSource::Reference))
    );
    assert_eq!(
        run(&build(false, true), &doc),
        (Some(reference), Some(DateSource::Reference))
    );
    let no_crawl = Document {
        crawled: None,
        ..doc
    };
    assert_eq!(run(&build(true, false), &no_crawl), (None, None));
    // The crawl date is still the anchor of relative mentions without a publication date.
    let s = build(false, false);
    let d = Document {
        body: "hier".into(),
        language: "fr".into(),
        crawled: Some(day("2024-08-07")),
        ..Document::default()
    };
    assert_eq!(s.tag(&d)[0].date, Some(day("2024-08-06")));
}

/// URL dates against the gold publication dates of htmldate-eval (read from ../shared/eval):
/// `cargo test --lib stages::dates::tests::publication::url_eval -- --ignored --nocapture`
#[test]
#[ignore]
fn url_eval_on_htmldate_set() {
    let Some(path) = shared_dir("eval/htmldate-eval/meta.jsonl") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let (mut total, mut found, mut right) = (0, 0, 0);
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            println!("unreadable line: {}", &line[..line.len().min(300)]);
            continue;
        };
        let (Some(url), Some(gold)) = (v["url"].as_str(), v["published"].as_str()) else {
            continue;
        };
        total += 1;
        let doc = Document {
            url: Some(url.into()),
            ..Document::default()
        };
        if let (Some(d), Some(DateSource::Url)) = stamp(doc) {
            found += 1;
            if gold.starts_with(&d) {
                right += 1;
            } else {
                println!("wrong: {url} -> {d} (gold {gold})");
            }
        }
    }
    println!("urls {total}, with a date {found}, right {right}");
}
