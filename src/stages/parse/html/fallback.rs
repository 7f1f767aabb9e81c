//! The page's text when the HTML5 tree gives none: non-content blocks dropped with their
//! content, figure captions marked, block tags turned into line breaks, the other tags
//! stripped and character references decoded.

use regex::{Captures, Regex};

use super::markup::Markup;
use crate::stages::parse::text::lines::CAPTION_MARK;

/// Blocks removed with their content.
const DROPPED_BLOCKS: [&str; 11] = [
    "head", "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "header",
    "iframe",
];

/// Compiled block patterns.
#[derive(Debug)]
pub(crate) struct Fallback {
    blocks: Vec<Regex>,
    figcaption: Regex,
    block_tag: Regex,
}

impl Fallback {
    /// Compiles the patterns.
    pub(crate) fn new() -> Fallback {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        Fallback {
            blocks: DROPPED_BLOCKS
                .iter()
                .map(|t| {
                    re(&format!(
                        r"(?is)<{t}(?:[^\w>][^>]*)?>.*?</{t}(?:[^\w>][^>]*)?>"
                    ))
                })
                .collect(),
            figcaption: re(r"(?is)<figcaption(?:[^\w>][^>]*)?>(.*?)</figcaption\s*>"),
            block_tag: re(
                r"(?i)</?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|main|blockquote|figure|dd|dt|dl|pre|hr)(?:[^\w>][^>]*)?>",
            ),
        }
    }

    /// The text of `html`, one block per line, figure captions marked with
    /// [`CAPTION_MARK`].
    pub(crate) fn text(&self, html: &str, markup: &Markup) -> String {
        let mut text = html.to_string();
        for block in &self.blocks {
            text = block.replace_all(&text, "\n").into_owned();
        }
        let text = self
            .figcaption
            .replace_all(&text, |c: &Captures| format!("\n{CAPTION_MARK}{}\n", &c[1]));
        let text = self.block_tag.replace_all(&text, "\n");
        let text = markup.strip_tags(&text, "");
        markup.decode(&text)
    }
}
