//! Pages written for the block rules: a class name that only hints at noise (page-builder
//! `widget` wrappers, a `share` zone, a page-wide ASP.NET `<form>`) never drops the
//! article; a real sidebar, a comment thread and a comment form go even when they hold
//! more text than a short article.

use super::html_doc;
use crate::model::Document;

const PARAS: &str = r#"<p>Die Stadtwerke haben am Montag angekündigt, die Preise für Fernwärme im kommenden Jahr um knapp zehn Prozent zu senken.</p>
<p>Grund seien die gefallenen Einkaufspreise für Gas, sagte ein Sprecher bei der Vorstellung der neuen Tarife im Rathaus.</p>
<p>Verbraucherschützer begrüßten den Schritt, forderten aber zugleich eine transparentere Berechnung der Grundgebühr.</p>"#;

fn assert_article(doc: &Document) {
    assert!(doc.body.contains("Die Stadtwerke haben"), "{}", doc.body);
    assert!(
        doc.body.contains("Berechnung der Grundgebühr."),
        "{}",
        doc.body
    );
}

#[test]
fn page_builder_widget_wrappers_keep_the_article() {
    let html = format!(
        r#"<html><body><div class="elementor-widget-wrap"><div class="elementor-element elementor-widget elementor-widget-text-editor">
<div class="elementor-widget-container">{PARAS}</div></div></div>
<div class="widget widget_archive"><h3>Archiv</h3><p>Ein kurzer Hinweis auf das Archiv der letzten Jahre.</p></div></body></html>"#
    );
    let doc = html_doc(&html);
    assert_article(&doc);
    assert!(!doc.body.contains("Archiv"), "{}", doc.body);
}

#[test]
fn share_zone_around_the_article_is_kept() {
    let html = format!(
        r#"<html><body><div class="entry share-zone"><h2>Fernwärme wird billiger</h2>{PARAS}</div>
<div class="share-buttons"><p>Teilen Sie diesen Artikel mit Ihren Freunden auf allen Kanälen.</p></div></body></html>"#
    );
    let doc = html_doc(&html);
    assert_article(&doc);
    assert!(!doc.body.contains("Freunden"), "{}", doc.body);
}

#[test]
fn page_wide_form_keeps_the_article_and_small_forms_go() {
    let html = format!(
        r#"<html><body><form id="aspnetForm" action="/page.aspx"><div class="content">{PARAS}</div>
</form><form action="/kontakt"><p><label>Ihr Name</label><input name="n"></p>
<p>Mit dem Absenden erklären Sie sich mit unseren Nutzungsbedingungen einverstanden.</p></form></body></html>"#
    );
    let doc = html_doc(&html);
    assert_article(&doc);
    assert!(!doc.body.contains("Nutzungsbedingungen"), "{}", doc.body);
}

#[test]
fn sidebar_and_comment_thread_go_even_when_longer_than_the_article() {
    let long = "Ein sehr langer Eintrag in der Seitenleiste, der mehr Text enthält als der eigentliche Beitrag selbst und trotzdem nicht dazugehört.";
    let comment = "Ich finde das eine gute Nachricht, aber die Grundgebühr bleibt viel zu hoch, und das ärgert mich schon seit Jahren jeden Winter.";
    let html = format!(
        r#"<html><body><div id="content"><div class="post"><h2>Kurz notiert</h2>
<p>Die Stadtwerke senken die Fernwärmepreise im kommenden Jahr um knapp zehn Prozent, teilten sie mit.</p></div>
<div id="comments"><p>{comment}</p><p>{comment}</p><p>{comment}</p></div></div>
<div id="sidebar"><ul><li>{long}</li><li>{long}</li><li>{long}</li></ul></div></body></html>"#
    );
    let doc = html_doc(&html);
    assert!(doc.body.contains("Die Stadtwerke senken"), "{}", doc.body);
    assert!(!doc.body.contains("Seitenleiste"), "{}", doc.body);
    assert!(!doc.body.contains("Grundgebühr bleibt"), "{}", doc.body);
}

#[test]
fn lead_paragraph_beside_the_body_container_is_kept() {
    let html = format!(
        r#"<html><body><div class="layout"><div class="field--summary"><p>Gute Nachrichten für Mieter: Wer mit Fernwärme heizt, zahlt im nächsten Jahr spürbar weniger als bisher.</p></div>
<div class="field--body"><div class="text">{PARAS}{PARAS}</div></div><ul class="tag-list"><li><a href="/t/energie">Energie</a></li></ul></div></body></html>"#
    );
    let doc = html_doc(&html);
    assert!(
        doc.body.starts_with("Gute Nachrichten für Mieter"),
        "{}",
        doc.body
    );
    assert_article(&doc);
    assert!(!doc.body.contains("Energie\n") && !doc.body.ends_with("Energie"));
}

#[test]
fn one_widget_per_paragraph_keeps_the_article_and_strong_noise_still_goes() {
    let paras: Vec<String> = PARAS
        .lines()
        .map(|p| {
            format!(
                r#"<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">{p}</div></div>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><div class="page"><h2>Fernwärme wird billiger</h2>{}</div>
<div id="comments"><p>Endlich sinken die Preise einmal, das hätte schon viel früher passieren müssen.</p></div></body></html>"#,
        paras.join("\n")
    );
    let doc = html_doc(&html);
    assert_article(&doc);
    assert!(
        doc.body.contains("gefallenen Einkaufspreise"),
        "{}",
        doc.body
    );
    assert!(!doc.body.contains("Endlich sinken"), "{}", doc.body);
}

#[test]
fn paragraph_that_is_one_linked_headline_goes_but_a_bare_address_stays() {
    let html = format!(
        r#"<html><body><article><h1>Fernwärme wird billiger</h1>{PARAS}
<p><a href="/andere-meldung">Auch das noch: Wasserpreise steigen im Frühjahr deutlich</a></p>
<p>Die Petition gegen die Grundgebühr liegt im <a href="/rathaus">Bürgerbüro</a> aus und läuft bis Ende März.</p>
<p><a href="http://www.example.org/petition">http://www.example.org/petition</a></p>
<p><a href="/weitere">Stadtrat vertagt Entscheidung über neue Buslinie</a></p></article></body></html>"#
    );
    let doc = html_doc(&html);
    assert_article(&doc);
    assert!(doc.body.contains("liegt im Bürgerbüro aus"), "{}", doc.body);
    assert!(
        doc.body.contains("http://www.example.org/petition"),
        "{}",
        doc.body
    );
    assert!(!doc.body.contains("Wasserpreise steigen"), "{}", doc.body);
    assert!(!doc.body.contains("Buslinie"), "{}", doc.body);
}

#[test]
fn collapsible_read_more_body_is_kept_and_a_read_more_box_goes() {
    let html = format!(
        r#"<html><body><div class="post"><h2>Fernwärme wird billiger</h2><div class="entry read-more">{PARAS}</div>
<div class="read-more-box"><p>Weitere Berichte über die Stadtwerke finden Sie in unserem Archiv.</p></div></div></body></html>"#
    );
    let doc = html_doc(&html);
    assert_article(&doc);
    assert!(!doc.body.contains("Weitere Berichte"), "{}", doc.body);
}

#[test]
fn lead_in_left_dangling_at_the_end_goes_but_one_inside_the_text_stays() {
    let html = format!(
        r#"<html><body><article><h1>Fernwärme wird billiger</h1>
<p>Der Sprecher nannte drei Gründe:</p>{PARAS}
<p>Weitere Informationen zu Energiepreisen:</p>
<ul><li><a href="/a">Strom</a></li><li><a href="/b">Gas</a></li><li><a href="/c">Heizöl</a></li></ul></article></body></html>"#
    );
    let doc = html_doc(&html);
    assert_article(&doc);
    assert!(
        doc.body.contains("Der Sprecher nannte drei Gründe:"),
        "{}",
        doc.body
    );
    assert!(!doc.body.contains("Weitere Informationen"), "{}", doc.body);
}
