//! HTML to text: the main content from the HTML5 tree (`extract`; read again with
//! `<noscript>` opened when that finds little), or, when the tree gives no text, a
//! fallback that drops non-content blocks, turns block tags into line breaks, strips the
//! other tags and decodes entities; and the title, site name and canonical URL from the
//! page's metadata.

use super::attrs::TagAttrs;
use regex::{Captures, Regex};

use super::page_title::{choose_title, headline_text, home_link};
use super::text::lines::CAPTION_MARK;
use super::text::normalise::collapse_whitespace;

/// Blocks removed with their content.
const DROPPED_BLOCKS: [&str; 11] = [
    "head", "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "header",
    "iframe",
];
/// What the page itself says about the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageMeta {
    /// The headline: the first `<h1>` when `og:title` or `<title>` confirms it, else
    /// `og:title` or `<title>` without the site's name.
    pub title: Option<String>,
    /// `og:site_name`.
    pub site_name: Option<String>,
    /// `og:url`, else `<link rel="canonical">`.
    pub url: Option<String>,
}

/// Compiled HTML patterns.
#[derive(Debug)]
pub(crate) struct HtmlRules {
    comment: Regex,
    noscript: Regex,
    blocks: Vec<Regex>,
    title: Regex,
    h1: scraper::Selector,
    meta_tag: Regex,
    link_tag: Regex,
    attr: TagAttrs,
    figcaption: Regex,
    block_tag: Regex,
    any_tag: Regex,
    entity: Regex,
}

impl HtmlRules {
    /// Compiles the patterns.
    pub(crate) fn new() -> HtmlRules {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        HtmlRules {
            comment: re(r"(?s)<!--.*?-->"),
            noscript: re(r"(?i)</?noscript\b[^>]*>"),
            blocks: DROPPED_BLOCKS
                .iter()
                .map(|t| re(&format!(r"(?is)<{t}\b[^>]*>.*?</{t}\b[^>]*>")))
                .collect(),
            title: re(r"(?is)<title\b[^>]*>(.*?)</title\s*>"),
            h1: scraper::Selector::parse("h1").expect("static selector"),
            meta_tag: re(r"(?is)<meta\b[^>]*>"),
            link_tag: re(r"(?is)<link\b[^>]*>"),
            attr: TagAttrs::new(),
            figcaption: re(r"(?is)<figcaption\b[^>]*>(.*?)</figcaption\s*>"),
            block_tag: re(
                r"(?i)</?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|main|blockquote|figure|dd|dt|dl|pre|hr)\b[^>]*>",
            ),
            any_tag: re(r"(?s)<[^>]*>"),
            entity: re(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"),
        }
    }

    /// The page with its HTML comments blanked out (`<!-- <meta …> -->` is not markup):
    /// done once per page, before [`HtmlRules::extract`] and the page-date search.
    pub(crate) fn without_comments<'a>(&self, html: &'a str) -> std::borrow::Cow<'a, str> {
        self.comment.replace_all(html, " ")
    }

    /// The page's text, one block per line (figcaptions marked), and its metadata; `html`
    /// is [`HtmlRules::without_comments`] of the page.
    pub(crate) fn extract(&self, html: &str) -> (String, PageMeta) {
        let doc = scraper::Html::parse_document(html);
        let meta = self.page_meta(html, &doc);
        let mut main = super::extract::main_text(&doc);
        let short = main.as_deref().is_none_or(super::extract::too_short);
        if short && self.noscript.is_match(html) {
            // Script-rendered pages (Blogger) give the article only in `<noscript>`, which
            // the tree keeps as raw text: read again with those tags taken out.
            let opened = self.noscript.replace_all(html, "");
            let again = super::extract::main_text(&scraper::Html::parse_document(&opened));
            if let Some(again) = again {
                if super::extract::recall_wins(main.as_deref().unwrap_or(""), &again) {
                    main = Some(again);
                }
            }
        }
        if let Some(text) = main {
            return (text, meta);
        }
        let mut text = html.to_string();
        for block in &self.blocks {
            text = block.replace_all(&text, "\n").into_owned();
        }
        let text = self
            .figcaption
            .replace_all(&text, |c: &Captures| format!("\n{CAPTION_MARK}{}\n", &c[1]));
        let text = self.block_tag.replace_all(&text, "\n");
        let text = self.any_tag.replace_all(&text, "");
        (self.decode(&text), meta)
    }

    fn page_meta(&self, html: &str, doc: &scraper::Html) -> PageMeta {
        let mut meta = PageMeta::default();
        let mut og_title = None;
        for tag in self.meta_tag.find_iter(html) {
            let attrs = self.attr.of(tag.as_str());
            let key = attrs
                .iter()
                .find(|(k, _)| k == "property" || k == "name")
                .map(|(_, v)| v.to_ascii_lowercase());
            let Some(content) = attrs
                .iter()
                .find(|(k, _)| k == "content")
                .map(|(_, v)| self.clean_value(v))
            else {
                continue;
            };
            let slot = match key.as_deref() {
                Some("og:title") => &mut og_title,
                Some("og:site_name") => &mut meta.site_name,
                Some("og:url") => &mut meta.url,
                _ => continue,
            };
            if slot.is_none() && !content.is_empty() {
                *slot = Some(content);
            }
        }
        let html_title = self.title.captures(html).map(|c| self.clean_value(&c[1]));
        let h1: Vec<String> = doc
            .select(&self.h1)
            .filter(|h| !home_link(*h))
            .map(headline_text)
            .collect();
        let candidates: Vec<String> = [og_title, html_title]
            .into_iter()
            .flatten()
            .filter(|t| !t.is_empty())
            .collect();
        meta.title = choose_title(&candidates, &h1, meta.site_name.as_deref());
        if meta.url.is_none() {
            meta.url = self.link_tag.find_iter(html).find_map(|tag| {
                let attrs = self.attr.of(tag.as_str());
                let canonical = attrs
                    .iter()
                    .any(|(k, v)| k == "rel" && v.eq_ignore_ascii_case("canonical"));
                let href = attrs
                    .iter()
                    .find(|(k, _)| k == "href")
                    .map(|(_, v)| self.clean_value(v));
                href.filter(|h| canonical && !h.is_empty())
            });
        }
        meta
    }

    fn clean_value(&self, raw: &str) -> String {
        collapse_whitespace(&self.decode(&self.any_tag.replace_all(raw, " ")))
    }

    /// Decodes named (common ones) and numeric character references; unknown ones stay.
    pub(crate) fn decode(&self, text: &str) -> String {
        self.entity
            .replace_all(text, |c: &Captures| {
                let name = &c[1];
                let decoded = if let Some(hex) =
                    name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                {
                    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse::<u32>().ok().and_then(char::from_u32)
                } else {
                    named_entity(name)
                };
                decoded.map_or_else(|| c[0].to_string(), |ch| ch.to_string())
            })
            .into_owned()
    }
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        _ => return None,
    })
}
