//! HTML pages written for the purpose, one per structure: the article text kept in order,
//! comment sections, related-link blocks, share bars and navigation gone, captions
//! removed as captions, metadata read, a non-article page handled.

use super::{html_doc, parser};
use crate::model::{Document, Payload, RawRecord, RecordMeta, RemovalReason};
use crate::stages::shared_data::shared_dir;

const ARTICLE: &str = r#"<p>Les syndicats de cheminots ont appelé mardi à une nouvelle journée de grève nationale contre la réforme des retraites, la troisième en un mois.</p>
<p>« Nous ne lâcherons rien tant que le texte ne sera pas retiré », a affirmé la secrétaire générale de la fédération lors d’une conférence de presse à Paris.</p>
<p>Le gouvernement, de son côté, a fait savoir qu’il restait ouvert à la discussion sur les carrières longues mais pas sur l’âge de départ.</p>"#;

fn page(extra_head: &str, before: &str, after: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Grève : les cheminots remettent ça | Le Courrier du Soir</title>
<meta property="og:site_name" content="Le Courrier du Soir">
<link rel="canonical" href="https://courrier.example/2024/03/12/greve-cheminots">
{extra_head}</head><body>
<header class="site-header"><a href="/">Le Courrier du Soir</a></header>
<nav><ul><li><a href="/politique">Politique</a></li><li><a href="/monde">Monde</a></li></ul></nav>
<div class="layout has-sidebar"><article><h1>Grève : les cheminots remettent ça</h1>
{before}{ARTICLE}{after}</article>
<aside class="sidebar"><h3>Les plus lus</h3><p>Un texte de barre latérale qui ne fait pas partie de l’article du tout.</p></aside></div>
<footer><p>© Le Courrier du Soir — Mentions légales — Contact</p></footer></body></html>"#
    )
}

fn assert_article(doc: &Document) {
    assert!(
        doc.body.starts_with("Les syndicats de cheminots"),
        "{}",
        doc.body
    );
    assert!(
        doc.body.ends_with("pas sur l’âge de départ."),
        "{}",
        doc.body
    );
    assert_eq!(doc.body.lines().count(), 3, "{}", doc.body);
}

#[test]
fn article_with_json_ld_date_title_site_and_canonical_url() {
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-12T09:00:00+01:00","dateModified":"2024-03-13T10:00:00+01:00"}</script>"#;
    let doc = html_doc(&page(head, "", ""));
    assert_article(&doc);
    assert_eq!(
        doc.title.as_deref(),
        Some("Grève : les cheminots remettent ça")
    );
    assert_eq!(doc.source_name.as_deref(), Some("Le Courrier du Soir"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://courrier.example/2024/03/12/greve-cheminots")
    );
    assert_eq!(
        doc.page_published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-12")
    );
    assert_eq!(doc.language, "fr");
}

#[test]
fn meta_date_is_the_published_one() {
    let head = r#"<meta property="article:modified_time" content="2024-03-14T08:00:00Z">
<meta property="article:published_time" content="2024-03-11T18:30:00Z">"#;
    let doc = html_doc(&page(head, "", ""));
    assert_eq!(
        doc.page_published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-11")
    );
}

#[test]
fn url_date_is_left_to_the_dates_stage() {
    let doc = html_doc(&page("", "", ""));
    assert_eq!(doc.page_published, None);
    assert!(doc
        .url
        .as_deref()
        .is_some_and(|u| u.contains("/2024/03/12/")));
}

#[test]
fn comment_section_and_share_bar_are_dropped() {
    let after = r#"<div class="share-buttons"><a href="/s">Partager sur Facebook</a> <a href="/s">Tweeter</a></div>
<section id="comments" class="comments-area"><h2>3 commentaires</h2>
<div class="comment"><p>Encore une grève, ils exagèrent vraiment, je ne pourrai pas aller travailler demain matin.</p></div>
<form><textarea></textarea><button>Envoyer</button></form></section>"#;
    let doc = html_doc(&page("", "", after));
    assert_article(&doc);
    assert!(!doc.body.contains("commentaires") && !doc.body.contains("exagèrent"));
}

#[test]
fn related_links_block_is_dropped() {
    let after = r#"<div class="related-articles"><h3>À lire aussi</h3><ul>
<li><a href="/a">Retraites : ce que contient vraiment la réforme présentée au Conseil des ministres</a></li>
<li><a href="/b">Transports : les perturbations attendues ce jeudi sur les lignes de banlieue</a></li></ul></div>
<ul><li><a href="/c">Un autre lien vers un article sans rapport avec le sujet du jour</a></li>
<li><a href="/d">Et encore un lien vers un dossier spécial sur la mobilité en région</a></li></ul>"#;
    let doc = html_doc(&page("", "", after));
    assert_article(&doc);
    assert!(!doc.body.contains("perturbations") && !doc.body.contains("mobilité"));
}

#[test]
fn figure_caption_is_removed_as_a_caption() {
    let before = r#"<figure><img src="a.jpg"><figcaption>Des voyageurs sur un quai de la gare de Lyon, mardi. (AFP)</figcaption></figure>"#;
    let doc = html_doc(&page("", before, ""));
    assert_article(&doc);
    assert!(doc
        .removed
        .iter()
        .any(|r| r.reason == RemovalReason::Caption && r.text.contains("gare de Lyon")));
}

#[test]
fn non_article_page_keeps_its_text_without_a_date() {
    let html = r#"<html><head><title>Contact — Le Courrier du Soir</title></head><body>
<nav><a href="/">Accueil</a></nav><div class="contact"><h1>Nous contacter</h1>
<p>Pour joindre la rédaction, écrivez-nous à l’adresse indiquée ci-dessous ou appelez le standard du lundi au vendredi.</p></div></body></html>"#;
    let doc = html_doc(html);
    assert!(doc.body.contains("Pour joindre la rédaction"));
    assert!(!doc.body.contains("Accueil"));
    assert_eq!(doc.page_published, None);
}

/// Lists, per trafilatura-eval page, the must-contain snippets lost and the must-not
/// snippets kept: `cargo test --lib stages::parse::tests::extract::eval_snippets --
/// --ignored --nocapture`.
#[test]
#[ignore]
fn eval_snippets() {
    let Some(set) = shared_dir("eval/trafilatura-eval") else {
        return;
    };
    let set = set.display().to_string();
    let meta = std::fs::read_to_string(format!("{set}/meta.jsonl")).expect("meta");
    let p = parser();
    for line in meta.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let file = v["file"].as_str().unwrap_or_default();
        let bytes = std::fs::read(format!("{set}/{file}")).expect("doc");
        let html = crate::input::decode_text(&bytes).unwrap_or_default();
        let record = RawRecord {
            input: file.into(),
            payload: Payload::Html(html),
            meta: RecordMeta::default(),
        };
        let body = p.parse(record).map(|d| d.body).unwrap_or_default();
        let snippets = |k: &str| {
            v[k].as_array()
                .map(|a| a.iter().filter_map(|s| s.as_str()).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        for s in snippets("text_must_contain") {
            if !body.contains(s) {
                println!("{file}\tLOST\t{s}");
            }
        }
        for s in snippets("text_must_not_contain") {
            if body.contains(s) {
                println!("{file}\tKEPT\t{s}");
            }
        }
    }
}
