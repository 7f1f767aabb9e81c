//! Pages whose article a first extraction missed, written for the purpose, one per
//! cause: a wrapper whose class only looks like a promotion (Drupal's `node-promoted`, a
//! state), a post that is a list of links (the block named as the body, emitted whole),
//! an article given only in `<noscript>` (Blogger); and a short page the recall pass must
//! leave as it is.

use super::html_doc;

/// Two paragraphs of a German club news item (about 700 characters).
const NEWS: &str = r#"<p>Der Ruderverein Lindau hat am Wochenende seine neue Bootshalle am Seeufer eingeweiht. Rund zweihundert Mitglieder und Gäste feierten bei Sonnenschein, der Bürgermeister durchschnitt das Band und lobte die Jugendarbeit des Vereins.</p>
<p>Die Halle bietet Platz für vierzig Boote und einen Kraftraum, den auch die Schulen der Stadt nutzen dürfen. Finanziert wurde der Bau zur Hälfte aus Spenden; den Rest trugen Land und Gemeinde. Die Vorsitzende kündigte an, im Herbst erstmals eine Regatta für Anfänger auszurichten.</p>
<p>Wer mitrudern möchte, kann jeden Samstag um zehn Uhr zu einem Schnuppertraining kommen. Boote und Westen stellt der Verein, mitbringen muss man nur Sportkleidung und gute Laune.</p>"#;

/// The club's self-description in the sidebar: more prose than the news item.
const ABOUT: &str = r#"<p>Der Ruderverein Lindau wurde 1921 von zwölf Fischern und Handwerkern gegründet und hat heute rund dreihundert Mitglieder, davon ein Drittel Jugendliche. Trainiert wird das ganze Jahr: im Sommer auf dem See, im Winter im Kraftraum und auf dem Ergometer.</p>
<p>Der Verein stellt seit Jahrzehnten Ruderer für die Landesauswahl und richtet jedes Jahr im Juni die Lindauer Seeregatta aus, zu der Mannschaften aus Österreich und der Schweiz anreisen. Neben dem Leistungssport gibt es Breitensportgruppen für Erwachsene, eine Seniorengruppe und Kurse für Menschen mit Behinderung.</p>
<p>Mitglied werden kann jeder, der schwimmen kann. Der Jahresbeitrag beträgt für Erwachsene neunzig Euro, für Schüler und Studierende vierzig Euro; Familien zahlen einen ermäßigten Beitrag.</p>"#;

#[test]
fn a_promoted_node_is_the_article_not_a_promotion() {
    let html = format!(
        r#"<html><head><title>Neue Bootshalle eingeweiht | Ruderverein Lindau</title></head><body>
<div id="page"><h1 class="page-title">Neue Bootshalle eingeweiht</h1>
<div class="region region-content"><div id="node-88" class="node node-article node-promoted clearfix"><div class="content"><div class="field-items"><div class="field-item even">{NEWS}</div></div></div></div></div>
<div class="sidebar"><div class="block">{ABOUT}</div></div>
</div></body></html>"#
    );
    let doc = html_doc(&html);
    assert!(
        doc.body.contains("seine neue Bootshalle am Seeufer"),
        "{}",
        doc.body
    );
    assert!(doc.body.contains("Schnuppertraining"), "{}", doc.body);
}

#[test]
fn a_post_that_is_a_list_of_links_keeps_its_links() {
    let items: String = [
        ("Stadtrat beschließt neuen Radweg am Hafen", "Lindauer Zeitung"),
        ("Wie Vereine mit steigenden Energiekosten umgehen", "Deutschlandfunk"),
        ("Regatta-Kalender 2024 veröffentlicht", "Rudersport aktuell"),
        ("Ehrenamt im Sport: Zahlen und Trends", "Statistisches Landesamt"),
        ("Neue Förderrichtlinie für Sportstätten", "Landesportal"),
    ]
    .iter()
    .map(|(title, via)| {
        format!(
            r#"<li><p class="link"><a href="https://example.org/{}">{title}</a></p><p class="description">via {via} <a href="https://example.org">https://example.org</a></p></li>"#,
            title.len()
        )
    })
    .collect();
    let html = format!(
        r#"<html><head><title>Linkschau 12.03.2024 | Vereinsblog</title></head><body>
<article class="post"><header class="entry-header"><h1 class="entry-title">Linkschau 12.03.2024</h1></header>
<div class="entry-content"><ul class="linkroll">{items}</ul></div></article>
<div class="sharedaddy"><h3>Teilen mit:</h3><ul><li><a href="/share/twitter">Twitter</a></li><li><a href="/share/facebook">Facebook</a></li></ul></div>
</body></html>"#
    );
    let doc = html_doc(&html);
    assert!(
        doc.body
            .contains("Stadtrat beschließt neuen Radweg am Hafen"),
        "{}",
        doc.body
    );
    assert!(
        doc.body.contains("via Statistisches Landesamt"),
        "{}",
        doc.body
    );
    assert!(!doc.body.contains("Teilen mit"), "{}", doc.body);
}

#[test]
fn an_article_given_only_in_noscript_is_read() {
    let html = format!(
        r#"<html><head><title>Vereinsblog: Neue Bootshalle eingeweiht</title></head><body>
<div class="post"><h3 class="post-title">Neue Bootshalle eingeweiht</h3>
<div class="post-body"><script type="text/template">{NEWS}</script><noscript>{NEWS}</noscript></div></div>
</body></html>"#
    );
    let doc = html_doc(&html);
    assert!(
        doc.body.contains("seine neue Bootshalle am Seeufer"),
        "{}",
        doc.body
    );
    assert_eq!(
        doc.body.matches("Schnuppertraining").count(),
        1,
        "{}",
        doc.body
    );
}

#[test]
fn a_short_article_is_not_padded_with_the_page_around_it() {
    let html = r#"<html><head><title>Training fällt aus | Ruderverein Lindau</title></head><body>
<article><h1>Training fällt aus</h1><div class="entry-content"><p>Wegen des Sturms fällt das Training am Samstag aus. Die Halle bleibt bis Montag geschlossen, bitte keine Boote aufs Wasser bringen.</p></div></article>
<div class="widget-area"><ul><li><a href="/a">Archiv März</a></li><li><a href="/b">Archiv Februar</a></li><li><a href="/c">Archiv Januar</a></li></ul></div>
</body></html>"#;
    let doc = html_doc(html);
    assert!(doc.body.starts_with("Wegen des Sturms"), "{}", doc.body);
    assert!(!doc.body.contains("Archiv"), "{}", doc.body);
}
