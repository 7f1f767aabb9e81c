//! Page publication dates on fixture pages written for the purpose: JSON-LD, meta keys,
//! itemprop, `<time>`, modified dates ignored; plus an ignored diagnostic over the
//! htmldate-eval set (lists every mismatch).

use chrono::NaiveDate;

use super::page_date::PageDates;
use crate::lexicon::Lexicon;

fn dates() -> PageDates {
    PageDates::new(&Lexicon::load(&[] as &[&str]).expect("lexicon"))
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

#[test]
fn json_ld_date_published_of_the_article_wins_over_modified() {
    let html = r#"<html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Le Courrier du Soir"},
        {"@type":"NewsArticle","headline":"Grève à la SNCF","dateModified":"2024-05-02T10:00:00+02:00",
         "datePublished":"2024-04-30T08:15:00+02:00"}]}
    </script><meta property="article:modified_time" content="2024-05-02"></head><body></body></html>"#;
    assert_eq!(dates().find(html), day("2024-04-30"));
}

#[test]
fn broken_json_ld_still_gives_its_date_published() {
    let html = r#"<script type="application/ld+json">{"@type":"Article", "datePublished": "2023-11-07T06:00:00Z", "x": }</script>"#;
    assert_eq!(dates().find(html), day("2023-11-07"));
}

#[test]
fn meta_published_time_and_not_the_modified_one() {
    let html = r#"<head><meta property="article:modified_time" content="2022-03-09T12:00:00Z">
      <meta property="article:published_time" content="2022-03-08T07:30:00Z"></head>"#;
    assert_eq!(dates().find(html), day("2022-03-08"));
}

#[test]
fn dublin_core_and_itemprop_dates() {
    let d = dates();
    let dc = r#"<meta name="DC.date.issued" content="2021-06-15">"#;
    assert_eq!(d.find(dc), day("2021-06-15"));
    let itemprop = r#"<p>Von <span itemprop="author">Anna</span>
      <span itemprop="datePublished" content="2020-01-31">31.01.2020</span></p>"#;
    assert_eq!(d.find(itemprop), day("2020-01-31"));
}

#[test]
fn time_element_in_the_article() {
    let html = r#"<article><h1>Il governo cade</h1><time datetime="2019-08-20T18:00">20 agosto</time><p>Testo.</p></article>"#;
    assert_eq!(dates().find(html), day("2019-08-20"));
    let modified = r#"<time class="updated" datetime="2019-08-21">x</time>"#;
    assert_eq!(dates().find(modified), None);
}

#[test]
fn a_page_without_dates_has_none() {
    let html =
        "<html><head><title>Contact us</title></head><body><p>Write to us.</p></body></html>";
    assert_eq!(dates().find(html), None);
}

#[test]
fn value_forms() {
    let d = dates();
    let cases = [
        ("2024-08-06T10:00:00+02:00", "2024-08-06"),
        ("2024/08/06", "2024-08-06"),
        ("20240806", "2024-08-06"),
        ("06.08.2024 14:00", "2024-08-06"),
        ("Tue, 06 Aug 2024 10:00:00 GMT", "2024-08-06"),
        ("August 6, 2024", "2024-08-06"),
        ("6. August 2024", "2024-08-06"),
        ("6 août 2024", "2024-08-06"),
    ];
    for (value, want) in cases {
        assert_eq!(d.parse_value(value), day(want), "{value}");
    }
    assert_eq!(d.parse_value("1890-01-01"), None);
    assert_eq!(d.parse_value("no date"), None);
}

/// `cargo test --lib stages::parse::tests_page_date::eval_mismatches -- --ignored --nocapture`
#[test]
#[ignore]
fn eval_mismatches() {
    let set = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/htmldate-eval");
    let meta = std::fs::read_to_string(format!("{set}/meta.jsonl")).expect("meta");
    let d = dates();
    let (mut ok, mut total) = (0, 0);
    for line in meta.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let file = v["file"].as_str().unwrap_or_default();
        let gold = v["published"].as_str().unwrap_or_default();
        let bytes = std::fs::read(format!("{set}/{file}")).expect("doc");
        let html = String::from_utf8_lossy(&bytes);
        let ours = d.find(&html).map(|x| x.to_string());
        total += 1;
        if ours.as_deref() == Some(&gold[..gold.len().min(10)]) {
            ok += 1;
        } else {
            println!("{file}\tgold {gold}\tours {ours:?}");
        }
    }
    println!("{ok}/{total}");
}
