//! Publication date chain tests: metadata → page → URL → text → (crawl, reference).

use crate::lexicon::Lexicon;
use crate::model::{DateSource, Document, RemovalReason, RemovedLine};

use super::tests_tagging::{day, stamper};
use super::{DateStamper, DatesConfig};

fn stamp(doc: Document) -> (Option<String>, Option<DateSource>) {
    let mut doc = doc;
    stamper().stamp_publication(&mut doc);
    (doc.published_date.map(|d| d.to_string()), doc.date_source)
}

fn text_doc(lang: &str, body: &str) -> Document {
    Document {
        body: body.into(),
        language: lang.into(),
        ..Document::default()
    }
}

fn some(d: &str, s: DateSource) -> (Option<String>, Option<DateSource>) {
    (Some(d.to_string()), Some(s))
}

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
fn datelines_and_publication_lines_in_every_language() {
    let cases = [
        (
            "fr",
            "JAKARTA - 17 avril 2024 - La Russie maintient des contacts.",
            "2024-04-17",
        ),
        (
            "fr",
            "Publié le 17/04/2024 à 10h32, mis à jour le 18/04/2024 à 12h00\nLe texte.",
            "2024-04-17",
        ),
        (
            "fr",
            "Mis à jour le 18/04/2024 | Publié le 17/04/2024\nLe texte.",
            "2024-04-17",
        ),
        (
            "it",
            "Pubblicato il 6 agosto 2024 alle 10:00\nIl testo dell’articolo.",
            "2024-08-06",
        ),
        (
            "en",
            "Updated: April 18, 2024 | Published: April 17, 2024\nThe text.",
            "2024-04-17",
        ),
        (
            "de",
            "Veröffentlicht am 17.04.2024\nDer Text.",
            "2024-04-17",
        ),
        (
            "es",
            "Publicado el 17 de abril de 2024\nEl texto.",
            "2024-04-17",
        ),
        (
            "fr",
            "Titre\nMercredi 17 avril 2024\nLe texte.",
            "2024-04-17",
        ),
    ];
    for (lang, body, want) in cases {
        assert_eq!(
            stamp(text_doc(lang, body)),
            some(want, DateSource::Text),
            "{body}"
        );
    }
}

#[test]
fn update_dates_and_dates_in_prose_are_not_publication_dates() {
    let none = (None, None);
    assert_eq!(
        stamp(text_doc("fr", "Mis à jour le 18/04/2024 à 10h\nLe texte.")),
        none
    );
    let prose = "Le 7 octobre 2023, le Hamas a lancé sa plus grande opération contre Israël depuis des années.";
    assert_eq!(stamp(text_doc("fr", prose)), none);
    // Beyond the lead lines, a cue counts only at the start of a line, and prose does not.
    let late = "a\nb\nc\nd\ne\nf\nPublié le 17/04/2024";
    assert_eq!(
        stamp(text_doc("fr", late)),
        some("2024-04-17", DateSource::Text)
    );
    let late = format!("a\nb\nc\nd\ne\nf\nLire aussi : le rapport publié le 17/04/2024\n{prose}");
    assert_eq!(stamp(text_doc("fr", &late)), none);
    let late = "a\nb\nc\nd\ne\nf\nMis à jour le 18/04/2024 à 10h";
    assert_eq!(stamp(text_doc("fr", late)), none);
}

#[test]
fn date_stamps_anywhere_in_the_body() {
    let lead = "Un titre\nUn chapeau\nUn paragraphe.\nUn autre.\nEncore un.\n";
    let cases = [
        ("de", "Jana Schulz / 07.11.2023 / 09:30", "2023-11-07"),
        ("de", "Stand: 25.01.2022 10:00 Uhr", "2023-01-25"),
        ("en", "Blog entry by Ann Lee | 28 April, 2017", "2017-04-28"),
        ("de", "Veröffentlicht am: 06.10.2023", "2023-10-06"),
    ];
    for (lang, line, want) in cases {
        let body = format!("{lead}{line}\nDer Text geht weiter.");
        let want = if want == "2023-01-25" {
            "2022-01-25"
        } else {
            want
        };
        assert_eq!(
            stamp(text_doc(lang, &body)),
            some(want, DateSource::Text),
            "{line}"
        );
    }
    // Two different dates, a long sentence, a date after an update cue: not stamps.
    for line in [
        "Wochenende in Wien 12.10.2023 - 15.10.2023",
        "Die Regierung hat am 26. Januar 2022 beschlossen, die Regeln für alle Bürger zu lockern, sagte ein Sprecher am Abend in Berlin.",
        "Aktualisiert: 30.12.2016",
    ] {
        let body = format!("{lead}{line}");
        assert_eq!(stamp(text_doc("de", &body)), (None, None), "{line}");
    }
    // A removed line counts only when it starts with its date.
    let mut doc = text_doc("fr", lead);
    let line = |t: &str| RemovedLine {
        text: t.into(),
        reason: RemovalReason::Fragment,
    };
    doc.removed = vec![
        line("Jean Dupont / 05/11/2023"),
        line("07/11/2023 09:30 | Monde"),
    ];
    assert_eq!(stamp(doc), some("2023-11-07", DateSource::Text));
}

#[test]
fn yearless_dateline_takes_the_crawl_or_reference_year() {
    // The parse stage moves "NEW YORK, April 17 (Reuters) -" to the removed lines.
    let mut doc = text_doc("en", "Stocks fell on Wednesday as investors weighed rates.");
    doc.removed = vec![RemovedLine {
        text: "NEW YORK, April 17 (Reuters) -".into(),
        reason: RemovalReason::Source,
    }];
    doc.crawled = Some(day("2024-05-02"));
    assert_eq!(stamp(doc.clone()), some("2024-04-17", DateSource::Text));
    // Without a crawl date: the reference date of the test stamper (2030-01-01).
    doc.crawled = None;
    assert_eq!(stamp(doc), some("2029-04-17", DateSource::Text));
    // In the body's first line too; a yearless date alone on a line is not enough.
    let doc = text_doc("en", "LONDON, Aug. 5 (Reuters) - Shares rose.");
    assert_eq!(stamp(doc), some("2029-08-05", DateSource::Text));
    assert_eq!(
        stamp(text_doc("en", "August 5\nShares rose.")),
        (None, None)
    );
}

#[test]
fn removed_lines_count_only_when_they_start_with_a_cue() {
    let mut doc = text_doc("fr", "Le texte de l’article, sans date.");
    let line = |t: &str| RemovedLine {
        text: t.into(),
        reason: RemovalReason::Boilerplate,
    };
    doc.removed = vec![
        line("Lire aussi : publié le 3 mai 2021"),
        line("Publié le 17 avril 2024 à 10h"),
    ];
    assert_eq!(stamp(doc.clone()), some("2024-04-17", DateSource::Text));
    doc.removed.pop();
    assert_eq!(stamp(doc), (None, None));
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
        DateStamper::new(&c.validate().unwrap(), &lex, reference).unwrap()
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
/// `cargo test --lib stages::dates::tests_publication::url_eval -- --ignored --nocapture`
#[test]
#[ignore]
fn url_eval_on_htmldate_set() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/eval/htmldate-eval/meta.jsonl"
    );
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
