//! Hostile pages, generated here: nesting thousands of levels deep (every walk over the
//! tree is iterative, in document order).

use super::html_doc;
use crate::stages::parse::html::HtmlRules;
use crate::stages::parse::text::lines::CAPTION_MARK;

/// The sentence of the probe: long enough for `min_body_chars`.
const SENTENCE: &str = "Un article de presse assez long pour passer le filtre de longueur minimale du corps, avec du texte.";

/// Runs `f` on a thread with a 1 MiB stack: deep recursion over a tree of a few thousand
/// levels overflows it (and aborts the test binary); iteration does not.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
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
    // (numbers of one width: every level weighs the same, the outermost is chosen).
    let depth = 1000;
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
    let text = on_small_stack(move || HtmlRules::new().extract(&html).0);
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
