//! What the page itself says about the article, from its markup: the headline (`og:title`
//! or `<title>` weighed against the `<h1>`, see `page_title`), `og:site_name`, and the
//! canonical URL (`og:url`, else `<link rel="canonical">`).

use regex::Regex;

use super::attrs::TagAttrs;
use super::markup::Markup;
use super::page_title::{choose_title, headline_text, home_link};

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

/// Compiled metadata patterns.
#[derive(Debug)]
pub(crate) struct MetaRules {
    title: Regex,
    h1: scraper::Selector,
    meta_tag: Regex,
    link_tag: Regex,
    attr: TagAttrs,
}

impl MetaRules {
    /// Compiles the patterns.
    pub(crate) fn new() -> MetaRules {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        MetaRules {
            title: re(r"(?is)<title(?:[^\w>][^>]*)?>(.*?)</title\s*>"),
            h1: scraper::Selector::parse("h1").expect("static selector"),
            meta_tag: re(r"(?is)<meta(?:[^\w>][^>]*)?>"),
            link_tag: re(r"(?is)<link(?:[^\w>][^>]*)?>"),
            attr: TagAttrs::new(),
        }
    }

    /// The metadata of `html`; `doc` is its HTML5 tree.
    pub(crate) fn read(&self, html: &str, doc: &scraper::Html, markup: &Markup) -> PageMeta {
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
                .map(|(_, v)| markup.value(v))
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
        let html_title = self.title.captures(html).map(|c| markup.value(&c[1]));
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
                    .map(|(_, v)| markup.value(v));
                href.filter(|h| canonical && !h.is_empty())
            });
        }
        meta
    }
}
