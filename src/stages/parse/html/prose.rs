//! How much prose a block holds: paragraph-like blocks, their text outside links, the
//! measures that both the noise decision (`noise`) and the container choice (`extract`)
//! weigh.

use scraper::{ElementRef, Node};

use super::walk::{Step, Walk};

/// Paragraph-like blocks shorter than this (code points) are not counted as prose.
pub(crate) const MIN_PROSE_CHARS: usize = 25;

/// Characters of prose in a paragraph-like block: its text when it is long enough and not
/// mostly links, else 0.
pub(crate) fn prose_in(e: ElementRef) -> usize {
    let (text, links) = text_and_links(e);
    if text >= MIN_PROSE_CHARS && links * 2 < text {
        text
    } else {
        0
    }
}

/// A block read as one paragraph: `<p>`, `<pre>`, `<blockquote>`, `<li>`, `<td>`, or an
/// element with a text node of its own (a `<div>` used as a paragraph).
pub(crate) fn is_paragraph(e: ElementRef) -> bool {
    matches!(e.value().name(), "p" | "pre" | "blockquote" | "li" | "td") || has_own_text(e)
}

/// Whether an element holds a text node with words of its own.
fn has_own_text(e: ElementRef) -> bool {
    e.children().any(|c| match c.value() {
        Node::Text(t) => t.trim().chars().count() >= MIN_PROSE_CHARS,
        _ => false,
    })
}

/// Characters of text in the element, and how many of them are inside links.
pub(crate) fn text_and_links(e: ElementRef) -> (usize, usize) {
    let (mut text, mut links) = (0, 0);
    // Open `<a>` elements below `e` (`e` itself does not count).
    let mut open_links = 0usize;
    let is_link = |el: ElementRef| el.id() != e.id() && el.value().name() == "a";
    for step in Walk::new(e) {
        match step {
            Step::Text(t) => {
                let n = t.trim().chars().count();
                text += n;
                if open_links > 0 {
                    links += n;
                }
            }
            Step::Open(el) if is_link(el) => open_links += 1,
            Step::Close(el) if is_link(el) => open_links -= 1,
            Step::Open(_) | Step::Close(_) => {}
        }
    }
    (text, links)
}
