//! Title choice on pages written for the purpose: a kicker inside the `<h1>`, a site name
//! and a section after the headline, a site logo in an `<h1>`, a CJK title with its
//! site's name glued on, and a headline line in the text versus the page's title.

use super::html_doc;
use crate::stages::parse::html::page_title::{
    choose_title, headline_text, home_link, strip_site_name,
};

fn h1s(html: &str) -> Vec<(String, bool)> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("h1").expect("selector");
    doc.select(&sel)
        .map(|h| (headline_text(h), home_link(h)))
        .collect()
}

const BODY: &str = r#"<p>Die Stadtwerke haben am Montag angekündigt, die Preise für Fernwärme im kommenden Jahr um knapp zehn Prozent zu senken.</p>
<p>Grund seien die gefallenen Einkaufspreise für Gas, sagte ein Sprecher bei der Vorstellung der neuen Tarife im Rathaus.</p>
<p>Verbraucherschützer begrüßten den Schritt, forderten aber zugleich eine transparentere Berechnung der Grundgebühr.</p>"#;

#[test]
fn kicker_and_hidden_separator_leave_the_h1() {
    let got = h1s(
        r#"<h1><span class="article-kicker">Energie</span><span class="visually-hidden">: </span><span class="title">Fernwärme wird billiger</span></h1>
<h1><span class="ts-overline">Energie</span><span class="ts-colon">: </span><span>Gas wird teurer</span></h1>"#,
    );
    assert_eq!(got[0].0, "Fernwärme wird billiger");
    assert_eq!(got[1].0, "Gas wird teurer");
}

#[test]
fn logo_h1_is_a_home_link() {
    let got = h1s(
        r#"<h1><a href="https://www.stadtblatt.example/"><span>Stadtblatt</span></a></h1>
<h1><a href="/2024/05/fernwaerme">Fernwärme wird billiger</a></h1><h1>Ohne Link</h1>"#,
    );
    let flags: Vec<bool> = got.iter().map(|(_, home)| *home).collect();
    assert_eq!(flags, [true, false, false]);
}

#[test]
fn h1_confirmed_by_a_title_with_kicker_or_site_name() {
    let site = Some("Stadtblatt");
    let h1 = ["Fernwärme wird billiger".to_string()];
    for title in [
        "Energie: Fernwärme wird billiger | Stadtblatt",
        "Fernwärme wird billiger – Stadtblatt – Wirtschaft",
        "Stadtblatt » Fernwärme wird billiger",
    ] {
        assert_eq!(
            choose_title(&[title.to_string()], &h1, site).as_deref(),
            Some("Fernwärme wird billiger"),
            "{title}"
        );
    }
    // An <h1> that is only the site's name is not the headline.
    let logo = ["Stadtblatt".to_string()];
    assert_eq!(
        choose_title(
            &["Fernwärme wird billiger | Stadtblatt".into()],
            &logo,
            site
        )
        .as_deref(),
        Some("Fernwärme wird billiger")
    );
}

#[test]
fn site_name_and_section_are_stripped() {
    assert_eq!(
        strip_site_name("Fernwärme wird billiger – Stadtblatt – IT", None),
        "Fernwärme wird billiger"
    );
    // A long last segment is part of the headline.
    assert_eq!(
        strip_site_name(
            "Teil 49 - Die Fahrzeuge der Nachkriegszeit im Überblick",
            None
        ),
        "Teil 49 - Die Fahrzeuge der Nachkriegszeit im Überblick"
    );
    assert_eq!(
        strip_site_name("短缺药品保供稳价-新华网", None),
        "短缺药品保供稳价"
    );
    assert_eq!(
        strip_site_name("Covid-19-Impfung", None),
        "Covid-19-Impfung"
    );
}

#[test]
fn page_title_beats_a_longer_headline_line() {
    let html = format!(
        r#"<html><head><title>Fernwärme wird billiger | Stadtblatt</title><meta property="og:site_name" content="Stadtblatt"></head>
<body><article><h1><span class="dachzeile">Energie</span> <span>Fernwärme wird billiger</span></h1>
<p>Fernwärme wird billiger Neu</p>{BODY}</article></body></html>"#
    );
    let doc = html_doc(&html);
    assert_eq!(doc.title.as_deref(), Some("Fernwärme wird billiger"));
    assert_eq!(doc.language, "de");
}
