//! Hostile pages, generated here: nesting thousands of levels deep (every walk over the
//! tree is iterative, in document order) and tags with more attributes than any page
//! needs (bounded before the tree is built).

use std::borrow::Cow;

use scraper::{Html, Selector};

use super::html_doc;
use crate::stages::parse::html::attr_limit::{limit_attributes, MAX_ATTRIBUTES, MAX_DEPTH};
use crate::stages::parse::html::HtmlRules;
use crate::stages::parse::text::lines::CAPTION_MARK;

/// The sentence of the issue's probe: long enough for `min_body_chars`.
const SENTENCE: &str = "Un article de presse assez long pour passer le filtre de longueur minimale du corps, avec du texte.";

/// Runs `f` on a thread with a 256 KiB stack: recursion over a tree a few hundred levels
/// deep (the most the depth limit lets through) overflows it (and aborts the test
/// binary); iteration does not.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no panic")
}

#[test]
fn text_nested_five_thousand_inline_levels_deep_is_the_body() {
    let html = format!("<html><body>{}{SENTENCE}</body></html>", "<b>".repeat(5000));
    let doc = on_small_stack(move || html_doc(&html));
    assert_eq!(doc.body, SENTENCE);
}

#[test]
fn deep_blocks_keep_document_order_and_captions() {
    // Each level: a paragraph, the next level, a figure with its caption, a tail paragraph
    // (numbers of one width: every level weighs the same, the outermost is chosen). As
    // deep as the depth limit lets a tree be: the outer <article>, `depth` inner ones,
    // and the deepest <figure><figcaption><b>.
    let depth = MAX_DEPTH - 4;
    let mut html = String::from("<html><body><article>");
    for i in 0..depth {
        html.push_str(&format!(
            "<article><p>Paragraphe d’ouverture numéro {i:04} de cette longue page.</p>"
        ));
    }
    for i in (0..depth).rev() {
        html.push_str(&format!(
            "<figure><figcaption>Légende <b>{i}</b>\n du dessin</figcaption></figure>\
             <p>Paragraphe de clôture numéro {i:04} de cette longue page.</p></article>"
        ));
    }
    html.push_str("</article></body></html>");
    let text = on_small_stack(move || HtmlRules::new().extract(&html).text);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut expected: Vec<String> = (0..depth)
        .map(|i| format!("Paragraphe d’ouverture numéro {i:04} de cette longue page."))
        .collect();
    for i in (0..depth).rev() {
        expected.push(format!("{CAPTION_MARK}Légende {i} du dessin"));
        expected.push(format!(
            "Paragraphe de clôture numéro {i:04} de cette longue page."
        ));
    }
    assert_eq!(lines.len(), expected.len());
    for (got, want) in lines.iter().zip(&expected) {
        assert_eq!(got.trim(), want);
    }
}

/// `n` distinct attribute names, space-separated.
fn attributes(n: usize) -> String {
    (0..n)
        .map(|i| format!("a{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The attributes of the first element named `name` in the tree of `html`.
fn tree_attributes(html: &str, name: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let selector = Selector::parse(name).expect("selector");
    let element = doc.select(&selector).next().expect("element");
    element
        .value()
        .attrs()
        .map(|(k, _)| k.to_string())
        .collect()
}

#[test]
fn a_tag_keeps_its_first_attributes_and_its_content() {
    let html = format!(
        r#"<html><body><div id="x" {} data-last="1"><p>{SENTENCE}</p></div></body></html>"#,
        attributes(10_000)
    );
    let limited = limit_attributes(&html);
    assert_eq!(
        (limited.tags, limited.dropped),
        (1, 10_002 - MAX_ATTRIBUTES)
    );
    let mut kept = tree_attributes(&limited.html, "div");
    kept.sort();
    let mut first: Vec<String> = std::iter::once("id".to_string())
        .chain((0..MAX_ATTRIBUTES - 1).map(|i| format!("a{i}")))
        .collect();
    first.sort();
    assert_eq!(kept, first);
    assert!(limited
        .html
        .ends_with(&format!("><p>{SENTENCE}</p></div></body></html>")));
}

#[test]
fn a_page_under_the_limit_is_returned_as_it_is() {
    let html = format!(
        r#"<!DOCTYPE html><html lang="fr"><head><title>a < b</title>
<script>var s = "<div {}>";</script><!-- <p {}> --></head>
<body><img src="x.png" alt='a > b' {} /><p>{SENTENCE}</p></body></html>"#,
        attributes(5_000),
        attributes(5_000),
        attributes(MAX_ATTRIBUTES - 2)
    );
    let limited = limit_attributes(&html);
    assert!(matches!(limited.html, Cow::Borrowed(_)));
    assert_eq!((limited.tags, limited.dropped), (0, 0));
}

#[test]
fn quoted_values_self_closing_and_end_tags_are_read_as_the_tokenizer_does() {
    // Values holding spaces and `>` are one attribute each; `a=""b=""` are two.
    let values: String = (0..MAX_ATTRIBUTES)
        .map(|i| format!(r#"q{i}="x > {i}"r{i}=''"#))
        .collect();
    let html = format!("<html><body><svg><circle {values} /></svg><p>{SENTENCE}</p></body></html>");
    let limited = limit_attributes(&html);
    assert_eq!(limited.dropped, MAX_ATTRIBUTES);
    assert!(limited.html.contains("/></svg>"), "self-closing kept");
    assert_eq!(
        tree_attributes(&limited.html, "circle").len(),
        MAX_ATTRIBUTES
    );
    let end_tag = format!("<p>{SENTENCE}</p {}>", attributes(MAX_ATTRIBUTES + 10));
    assert_eq!(limit_attributes(&end_tag).dropped, 10);
}

#[test]
fn repeated_html_and_body_tags_share_one_budget() {
    // The tree builder merges every later <body>'s attributes into the first one.
    let tags: String = (0..8)
        .map(|t| {
            let names: Vec<String> = (0..100).map(|i| format!("b{t}x{i}")).collect();
            format!("<body {}>", names.join(" "))
        })
        .collect();
    let html = format!("<html><body>{tags}<p>{SENTENCE}</p></body></html>");
    let limited = limit_attributes(&html);
    assert_eq!(limited.dropped, 800 - MAX_ATTRIBUTES);
    assert_eq!(tree_attributes(&limited.html, "body").len(), MAX_ATTRIBUTES);
}

#[test]
fn a_page_with_a_hundred_thousand_attributes_on_one_tag_is_an_article() {
    let html = format!(
        "<html><body><div {}><p>{SENTENCE} {SENTENCE}</p></div></body></html>",
        attributes(100_000)
    );
    let extracted = HtmlRules::new().extract(&html);
    assert_eq!(extracted.dropped.tags, 1);
    assert_eq!(extracted.dropped.attributes, 100_000 - MAX_ATTRIBUTES);
    assert_eq!(extracted.text.trim(), format!("{SENTENCE} {SENTENCE}"));
}

#[test]
fn elements_nested_past_the_depth_limit_lose_their_tags_not_their_text() {
    let n = MAX_DEPTH + 300;
    let html = format!(
        "<html><body>{}<p>{SENTENCE}</p>{}<p>after</p></body></html>",
        "<div class=\"x\">".repeat(n),
        "</div>".repeat(n)
    );
    let limited = limit_attributes(&html);
    assert_eq!(limited.flattened, 300);
    let doc = Html::parse_document(&limited.html);
    let divs = Selector::parse("div").unwrap();
    assert_eq!(doc.select(&divs).count(), MAX_DEPTH);
    // The text stays, inside the deepest div kept, and what follows is outside them all.
    let p = Selector::parse("p").unwrap();
    let texts: Vec<String> = doc.select(&p).map(|e| e.text().collect()).collect();
    assert_eq!(texts, [SENTENCE, "after"]);
    let after = doc.select(&p).nth(1).unwrap();
    assert_eq!(
        after
            .parent()
            .and_then(scraper::ElementRef::wrap)
            .unwrap()
            .value()
            .name(),
        "body"
    );
}

#[test]
fn void_optional_end_and_stray_end_tags_do_not_count_toward_the_depth() {
    // A thousand unclosed <p> and <li>, void tags and stray end tags: nothing is taken out.
    let html = format!(
        "<html><body><ul>{}</ul>{}{}{}<div>{SENTENCE}</div></body></html>",
        "<li>item".repeat(1000),
        "<p>para<br><img src=x.png>".repeat(1000),
        "</span>".repeat(1000),
        "<svg><path d=\"M0 0\"/></svg>".repeat(1000),
    );
    let limited = limit_attributes(&html);
    assert_eq!(limited.flattened, 0);
    assert!(matches!(limited.html, Cow::Borrowed(_)));
}

#[test]
fn twenty_thousand_nested_divs_are_parsed_with_their_text() {
    // Quadratic in html5ever's scope checks without the depth limit (13 s in release).
    let n = 20_000;
    let html = format!(
        "<html><body>{}{SENTENCE} {SENTENCE}{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let limited = limit_attributes(&html);
    assert_eq!(limited.flattened, n - MAX_DEPTH);
    let text = on_small_stack(move || HtmlRules::new().extract(&html).text);
    assert!(text.contains(SENTENCE), "{text}");
}
