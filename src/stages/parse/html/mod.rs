//! HTML payloads to text: the main content from the HTML5 tree (`extract`, with `noise`
//! deciding what is not content and `prose` measuring blocks; read again with
//! `<noscript>` opened when that finds little), or, when the tree gives no text, the
//! regex-level `fallback`; and the page's metadata (`meta`: title, site name, canonical
//! URL). `attrs` and `markup` are the bottom files the regex-level readers share;
//! `attr_limit` bounds the attributes of a tag and the nesting depth before the tree is
//! built, and `walk` is
//! the one depth-first walk (no recursion) of every reader of the tree.

pub(super) mod attr_limit;
pub(super) mod attrs;
mod extract;
mod fallback;
mod markup;
pub(super) mod meta;
mod noise;
pub(super) mod page_title;
mod prose;
mod walk;

use std::sync::OnceLock;

use memchr::memmem::Finder;
use regex::Regex;

use fallback::Fallback;
use markup::Markup;
use meta::{MetaRules, PageMeta};

/// Compiled HTML patterns.
#[derive(Debug)]
pub(crate) struct HtmlRules {
    /// Searchers for `<!--` and `-->`.
    comment: (Finder<'static>, Finder<'static>),
    noscript: Regex,
    markup: Markup,
    meta: MetaRules,
    /// Compiled on the first page that needs it (few do; its dozen regexes cost more to
    /// compile than the rest of the parse stage's start).
    fallback: OnceLock<Fallback>,
}

impl HtmlRules {
    /// Compiles the patterns.
    pub(crate) fn new() -> HtmlRules {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        HtmlRules {
            comment: (Finder::new("<!--"), Finder::new("-->")),
            noscript: re(r"(?i)</?noscript(?:[^\w>][^>]*)?>"),
            markup: Markup::new(),
            meta: MetaRules::new(),
            fallback: OnceLock::new(),
        }
    }

    /// The page with its HTML comments blanked out (`<!-- <meta …> -->` is not markup):
    /// done once per page, before [`HtmlRules::extract`] and the page-date search. Each
    /// comment, `<!--` to the first `-->` after it, becomes one space: the matches of
    /// `(?s)<!--.*?-->`, found by substring search (the regex's engine cost ~8
    /// instructions a byte of the page).
    pub(crate) fn without_comments<'a>(&self, html: &'a str) -> std::borrow::Cow<'a, str> {
        let (open_finder, close_finder) = &self.comment;
        let bytes = html.as_bytes();
        let Some(first) = open_finder.find(bytes) else {
            return std::borrow::Cow::Borrowed(html);
        };
        let mut out = String::new();
        let mut from = 0;
        let mut open = Some(first);
        while let Some(start) = open {
            let Some(close) = close_finder.find(&bytes[start + 4..]) else {
                break;
            };
            let end = start + 4 + close + 3;
            if out.is_empty() {
                out.reserve(html.len());
            }
            out.push_str(&html[from..start]);
            out.push(' ');
            from = end;
            open = open_finder.find(&bytes[end..]).map(|i| end + i);
        }
        if from == 0 {
            return std::borrow::Cow::Borrowed(html);
        }
        out.push_str(&html[from..]);
        std::borrow::Cow::Owned(out)
    }

    /// The page's text, one block per line (figcaptions marked), and its metadata; `html`
    /// is [`HtmlRules::without_comments`] of the page. The tree is built from the page
    /// with at most [`attr_limit::MAX_ATTRIBUTES`] attributes per tag and elements nested at
    /// most [`attr_limit::MAX_DEPTH`] deep; what was taken out is returned with the text.
    pub(crate) fn extract(&self, html: &str) -> Extracted {
        let limited = attr_limit::limit_attributes(html);
        let dropped = Bounded {
            tags: limited.tags,
            attributes: limited.dropped,
            flattened: limited.flattened,
        };
        let tree_html = limited.html;
        let doc = scraper::Html::parse_document(&tree_html);
        let meta = self.meta.read(html, &doc, &self.markup);
        let mut main = extract::main_text(&doc);
        let short = main.as_deref().is_none_or(extract::too_short);
        if short && self.noscript.is_match(&tree_html) {
            // Script-rendered pages (Blogger) give the article only in `<noscript>`, which
            // the tree keeps as raw text: read again with those tags taken out.
            let opened = self.noscript.replace_all(&tree_html, "");
            let again = extract::main_text(&scraper::Html::parse_document(&opened));
            if let Some(again) = again {
                if extract::recall_wins(main.as_deref().unwrap_or(""), &again) {
                    main = Some(again);
                }
            }
        }
        let text = match main {
            Some(text) => text,
            None => self
                .fallback
                .get_or_init(Fallback::new)
                .text(html, &self.markup),
        };
        Extracted {
            text,
            meta,
            dropped,
        }
    }
}

/// What [`HtmlRules::extract`] read from a page.
#[derive(Debug)]
pub(crate) struct Extracted {
    /// The page's text, one block per line, figcaptions marked.
    pub text: String,
    /// The page's own metadata.
    pub meta: PageMeta,
    /// What the page's bounds took out before the tree was built.
    pub dropped: Bounded,
}

/// Attributes and tags taken out of a page before its tree was built (see `attr_limit`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Bounded {
    /// Tags that lost attributes over the per-tag limit.
    pub tags: usize,
    /// Attributes dropped, over all tags.
    pub attributes: usize,
    /// Elements nested deeper than the depth limit, whose tags were taken out.
    pub flattened: usize,
}
