//! Main-content extraction on a real HTML5 tree (html5ever through `scraper`): drop
//! non-content elements (scripts, navigation, asides, forms) and blocks whose class or id
//! names comments, related links, sharing, newsletters or ads; choose the container that
//! holds the most paragraph text with few links; emit its blocks in order, one per line,
//! figure captions marked.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

use super::lines::{collapse_whitespace, CAPTION_MARK};

/// Elements dropped with their content.
const DROPPED: [&str; 17] = [
    "head", "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "iframe",
    "form", "button", "select", "textarea", "label", "menu", "dialog",
];
/// Block elements: each starts a new line.
const BLOCKS: [&str; 29] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "pre",
    "hr",
    "header",
    "address",
];
/// Parts of class or id names that mark a non-content block.
const NOISE_NAMES: [&str; 32] = [
    "comment",
    "related",
    "share",
    "sharing",
    "social",
    "sidebar",
    "newsletter",
    "subscri",
    "promo",
    "advert",
    "cookie",
    "consent",
    "breadcrumb",
    "footer",
    "navbar",
    "menu",
    "widget",
    "popular",
    "recommend",
    "teaser",
    "outbrain",
    "taboola",
    "banner",
    "sponsor",
    "read-more",
    "readmore",
    "more-stories",
    "tags",
    "pagination",
    "signup",
    "disqus",
    "nav",
];
/// Class or id parts that mark the article body itself (never dropped).
const CONTENT_NAMES: [&str; 6] = [
    "article-body",
    "articlebody",
    "entry-content",
    "post-content",
    "story-body",
    "main-content",
];

/// Below this many characters the chosen container is not trusted: the whole body is
/// emitted instead and the line rules clean it.
const MIN_ROOT_CHARS: usize = 400;

/// The page's main text, one block per line; `None` when the page has no body text.
pub(crate) fn main_text(doc: &Html) -> Option<String> {
    let body = doc
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or(doc.root_element());
    let mut scores: HashMap<NodeId, usize> = HashMap::new();
    score(body, &mut scores, &mut Vec::new());
    let total: usize = text_chars(body, &scores);
    let root = best_root(body, &scores, total);
    let mut out = String::new();
    emit(root, &mut out);
    if root.id() != body.id() && out.trim().chars().count() < MIN_ROOT_CHARS {
        out.clear();
        emit(body, &mut out);
    }
    let text = out.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Whether the element is dropped with its content.
fn dropped(e: ElementRef) -> bool {
    let v = e.value();
    let name = v.name();
    if DROPPED.contains(&name) {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    if v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || v.attr("role")
            .is_some_and(|r| matches!(r, "navigation" | "complementary" | "contentinfo" | "banner"))
    {
        return true;
    }
    let names = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    if names.trim().is_empty() || CONTENT_NAMES.iter().any(|c| names.contains(c)) {
        return false;
    }
    names.split(char::is_whitespace).any(noise_token) && !holds_article(e)
}

/// Whether a block holds the article itself (a page wrapper with a class such as
/// `has-sidebar`): an `<article>`, an `<h1>` or an `articleBody`.
fn holds_article(e: ElementRef) -> bool {
    e.descendants().filter_map(ElementRef::wrap).any(|d| {
        let v = d.value();
        matches!(v.name(), "article" | "h1" | "main")
            || v.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("articlebody"))
    })
}

/// A class or id token naming a non-content block: `comments`, `related-posts`,
/// `share_bar`, `nav` … but not `navigate-article` matched by accident of a longer word.
fn noise_token(token: &str) -> bool {
    token.split(['-', '_']).any(|part| {
        NOISE_NAMES
            .iter()
            .any(|n| part.starts_with(n) && part.len() <= n.len() + 3)
    }) || NOISE_NAMES
        .iter()
        .any(|n| n.contains('-') && token.contains(n))
}

/// Paragraph text (outside links) credited to each element's parent and half to its
/// grandparent, as readability does; `stack` holds the open ancestors.
fn score(e: ElementRef, scores: &mut HashMap<NodeId, usize>, stack: &mut Vec<NodeId>) {
    if dropped(e) {
        return;
    }
    let name = e.value().name();
    if matches!(name, "p" | "pre" | "blockquote" | "li" | "td") || has_own_text(e) {
        let (text, links) = text_and_links(e);
        if text >= 25 && links * 2 < text {
            let gain = text.min(2000);
            if let Some(parent) = stack.last() {
                *scores.entry(*parent).or_default() += gain;
            }
            if stack.len() >= 2 {
                *scores.entry(stack[stack.len() - 2]).or_default() += gain / 2;
            }
        }
        if name != "td" && name != "li" {
            return;
        }
    }
    stack.push(e.id());
    for child in e.children().filter_map(ElementRef::wrap) {
        score(child, scores, stack);
    }
    stack.pop();
}

/// Sum of the scores in the subtree (text credited below `e`).
fn text_chars(e: ElementRef, scores: &HashMap<NodeId, usize>) -> usize {
    scores.get(&e.id()).copied().unwrap_or(0)
        + e.children()
            .filter_map(ElementRef::wrap)
            .filter(|c| !dropped(*c))
            .map(|c| text_chars(c, scores))
            .sum::<usize>()
}

/// The highest-scoring container, widened to its ancestors while it holds less than
/// two thirds of the page's credited text.
fn best_root<'a>(
    body: ElementRef<'a>,
    scores: &HashMap<NodeId, usize>,
    total: usize,
) -> ElementRef<'a> {
    let best = scores
        .iter()
        .max_by_key(|(id, s)| (**s, std::cmp::Reverse(**id)))
        .and_then(|(id, _)| body.tree().get(*id))
        .and_then(ElementRef::wrap);
    let Some(mut root) = best else {
        return body;
    };
    while text_chars(root, scores) * 3 < total * 2 {
        match root.parent().and_then(ElementRef::wrap) {
            Some(parent) if parent.id() != body.id() => root = parent,
            _ => return body,
        }
    }
    root
}

/// Whether an element holds a text node with words of its own (a `<div>` used as a
/// paragraph).
fn has_own_text(e: ElementRef) -> bool {
    e.children().any(|c| match c.value() {
        Node::Text(t) => t.trim().chars().count() >= 25,
        _ => false,
    })
}

/// Characters of text in the element, and how many of them are inside links.
fn text_and_links(e: ElementRef) -> (usize, usize) {
    let mut text = 0;
    let mut links = 0;
    for node in e.descendants() {
        if let Node::Text(t) = node.value() {
            let n = t.trim().chars().count();
            text += n;
            let in_link = node
                .ancestors()
                .take_while(|a| a.id() != e.id())
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "a");
            if in_link {
                links += n;
            }
        }
    }
    (text, links)
}

/// Writes the element's text: blocks on their own lines, link-dense lists dropped,
/// captions marked.
fn emit(e: ElementRef, out: &mut String) {
    for child in e.children() {
        match child.value() {
            Node::Text(t) => out.push_str(&t.replace(['\n', '\r', '\t'], " ")),
            Node::Element(_) => {
                let Some(el) = ElementRef::wrap(child) else {
                    continue;
                };
                if dropped(el) {
                    continue;
                }
                let name = el.value().name();
                if !BLOCKS.contains(&name) {
                    emit(el, out);
                    continue;
                }
                if matches!(name, "ul" | "ol" | "table" | "div" | "section") && link_list(el) {
                    continue;
                }
                out.push('\n');
                if name == "figcaption" {
                    let mut caption = String::new();
                    emit(el, &mut caption);
                    let caption = collapse_whitespace(&caption);
                    if !caption.is_empty() {
                        out.push(CAPTION_MARK);
                        out.push_str(&caption);
                    }
                } else {
                    emit(el, out);
                }
                out.push('\n');
            }
            _ => {}
        }
    }
}

/// A block that is mostly links (a list of related stories, a tag cloud).
fn link_list(e: ElementRef) -> bool {
    let (text, links) = text_and_links(e);
    text > 0 && links * 10 >= text * 7
}
