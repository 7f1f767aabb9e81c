//! The choice among a page's dates on fixture pages written for the purpose: the date
//! shown under the headline, a site header's "today", an update shown under the headline, dates in
//! the title, description or a labelled line, the one date of a sidebar; plus an ignored dump of the evidence of
//! every document of an eval set.

use super::{dates, day};
use crate::stages::shared_data::shared_dir;

const HEAD: &str = "<html><head><title>Faire Lieferketten im Blick - Jugendwerk</title>";

#[test]
fn the_date_shown_under_the_headline_wins_over_disagreeing_metadata() {
    let page = format!(
        r#"{HEAD}<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"2021-11-29T14:13:37+00:00"}}</script></head>
        <body><h1>Faire Lieferketten im Blick</h1><div class="meta-date">12.01.2022</div><p>Text.</p></body></html>"#
    );
    assert_eq!(dates().find(&page), day("2022-01-12"));
    // The same day and month swapped is the metadata's date read the other way.
    let us = page.replace("12.01.2022", "01/12/2022");
    let us = us.replace("2021-11-29", "2022-01-12");
    assert_eq!(dates().find(&us), day("2022-01-12"));
    // Without a headline matching the title, metadata keeps the word.
    let other = page.replace("<h1>Faire Lieferketten im Blick</h1>", "<h1>Sport</h1>");
    assert_eq!(dates().find(&other), day("2021-11-29"));
}

#[test]
fn a_site_header_today_yields_to_the_date_under_the_headline() {
    let page = format!(
        r#"{HEAD}</head><body><header><span class="date">Tue, 14 Jan 2020</span></header>
        <h2>Faire Lieferketten im Blick</h2><p>News24<br>13 Jan 2020, 22:11 GMT+10</p></body>"#
    );
    assert_eq!(dates().find(&page), day("2020-01-13"));
}

#[test]
fn an_update_shown_under_the_headline_does_not_replace_the_published_date() {
    let page = format!(
        r#"{HEAD}<meta property="article:published_time" content="2018-02-20"></head>
        <body><h1>Faire Lieferketten im Blick</h1><p class="date">Last updated on 20 Feb, 2020</p></body>"#
    );
    assert_eq!(dates().find(&page), day("2018-02-20"));
}

#[test]
fn a_generic_date_key_yields_to_a_date_shown_just_before_the_headline() {
    let page = format!(
        r#"{HEAD}<meta name="date" content="2020-02-12"></head>
        <body><div class="news-timedata">05.02.2020</div><h1>Faire Lieferketten im Blick</h1></body>"#
    );
    assert_eq!(dates().find(&page), day("2020-02-05"));
}

#[test]
fn title_description_and_labelled_lines_as_last_resorts() {
    let d = dates();
    let title = "<title>23.01.2022 - Wierer darf noch jubeln - Biathlon</title>";
    assert_eq!(d.find(title), day("2022-01-23"));
    let description = r#"<meta name="description" content="Orso marsicano: un anno da record (Notizia del 14 Gennaio 2020)">"#;
    assert_eq!(d.find(description), day("2020-01-14"));
    let event = r#"<meta name="description" content="Termin: 21.02.2020, 19 Uhr in der Bar">"#;
    assert_eq!(d.find(event), None);
    let labelled = "<div><div>Pressemitteilung vom 20.01.2022</div></div>";
    assert_eq!(d.find(labelled), day("2022-01-20"));
}

#[test]
fn hidden_elements_icons_and_modified_itemprops() {
    let d = dates();
    let hidden = r#"<div itemprop="author" class="hidden">NMB</div>
      <time itemprop="dateModified" class="hidden">2018-08-29 14:15:57</time>
      <time itemprop="datePublished" datetime="2018-06-22 10:20:00" class="hidden">x</time>"#;
    assert_eq!(d.find(hidden), day("2018-06-22"));
    let icon = r#"<span class="meta-date"><svg viewBox="0 0 11 12"><path d="M12.7,4.3 L12.8"/></svg> 12.01.2022</span>"#;
    assert_eq!(d.find(icon), day("2022-01-12"));
}

#[test]
fn russian_months_pipes_and_slashed_two_digit_years() {
    let d = dates();
    assert_eq!(d.parse_value("15 августа 2016, 13:43"), day("2016-08-15"));
    let pipes = r#"<div class="subline"><table><tr><td>26 | 01 | 2022 </td></tr></table></div>"#;
    assert_eq!(d.find(pipes), day("2022-01-26"));
    let forum = r#"<p class="author">von lupa am 26/10/13, 03:48 pm</p>"#;
    assert_eq!(d.find(forum), day("2013-10-26"));
}

#[test]
fn a_sidebar_date_is_the_last_resort_and_only_when_it_is_the_only_one() {
    // A blog theme that states the post's date only in its sidebar box.
    let page = format!(
        r#"{HEAD}</head><body><div id="content"><h2>Faire Lieferketten im Blick</h2><p>Text ohne Datum.</p></div>
        <div id="sidebar"><h2>Über diesen Artikel</h2><p class="news">Der Beitrag wurde am <nobr>19. Mai 2010</nobr> um <nobr>23:03</nobr> Uhr veröffentlicht.</p></div></body></html>"#
    );
    assert_eq!(dates().find(&page), day("2010-05-19"));
    // A `<time>` in a sticky box beside the article counts the same.
    let sticky = page.replace(
        "<nobr>19. Mai 2010</nobr>",
        r#"<time datetime="2022-01-28">28. Januar</time>"#,
    );
    assert_eq!(dates().find(&sticky), day("2022-01-28"));
    // A sidebar listing other posts shows several dates: none is the article's.
    let recent = page.replace(
        "</div></body>",
        r#"<ul class="recent"><li><span>3. Juni 2010</span></li></ul></div></body>"#,
    );
    assert_eq!(dates().find(&recent), None);
    // A date in the article itself outranks the sidebar's.
    let dated = page.replace(
        "<p>Text ohne Datum.</p>",
        r#"<span class="post-date">2. März 2011</span><p>Text.</p>"#,
    );
    assert_eq!(dates().find(&dated), day("2011-03-02"));
    // However many comment dates come first, a sidebar listing other posts by `<time>`
    // still shows several dates.
    let comments: String = (1..=20)
        .map(|d| {
            format!(
                r#"<div class="comment"><time datetime="2010-06-{d:02}">{d}. Juni</time></div>"#
            )
        })
        .collect();
    let crowded = page
        .replace(r#"<div id="content">"#, &format!(r#"<div id="content">{comments}"#))
        .replace(
            "</div></body>",
            r#"<ul><li><time datetime="2010-07-01">1. Juli</time></li><li><time datetime="2010-07-09">9. Juli</time></li></ul></div></body>"#,
        );
    assert_eq!(dates().find(&crowded), None);
    // Comments inside the sidebar stay out even then.
    let comment = page.replace(
        r#"<p class="news">Der Beitrag wurde am <nobr>19. Mai 2010</nobr>"#,
        r#"<div class="comment"><span class="date">19. Mai 2010</span></div><p class="news">Der Beitrag wurde am"#,
    );
    assert_eq!(dates().find(&comment), None);
}

/// Every kind of page-date evidence of each document of an eval set, one JSON line each:
/// `SET=htmldate-eval cargo test --lib stages::parse::tests::page_date_choice::eval_evidence -- --ignored --nocapture`
#[test]
#[ignore]
fn eval_evidence() {
    let name = std::env::var("SET").unwrap_or_else(|_| "htmldate-eval".into());
    let Some(set) = shared_dir(&format!("eval/{name}")) else {
        return;
    };
    let set = set.display().to_string();
    let meta = std::fs::read_to_string(format!("{set}/meta.jsonl")).expect("meta");
    let d = dates();
    let rules = crate::stages::parse::html::HtmlRules::new();
    for line in meta.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let file = v["file"].as_str().unwrap_or_default();
        let bytes = std::fs::read(format!("{set}/{file}")).expect("doc");
        let html = String::from_utf8_lossy(&bytes);
        let html = rules.without_comments(&html);
        let mut ev = d.evidence(&html);
        ev["id"] = v["id"].clone();
        ev["gold"] = v["published"].clone();
        println!("EV {ev}");
    }
}
