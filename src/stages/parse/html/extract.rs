//! Main-content extraction on a real HTML5 tree (html5ever through `scraper`): drop
//! non-content elements (`noise`); choose the container that holds the most paragraph
//! text with few links; emit its blocks in order, one per line, figure captions marked.

use rustc_hash::FxHashMap as HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::noise::{named_body, Pruned};
use super::prose::{is_paragraph, prose_in, text_and_links, MIN_PROSE_CHARS};
use super::walk::{Step, Walk};
use crate::stages::parse::text::lines::CAPTION_MARK;
use crate::stages::parse::text::normalise::collapse_whitespace;

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

/// Below this many characters the chosen container is not trusted: the whole body is
/// emitted instead and the line rules clean it.
const MIN_ROOT_CHARS: usize = 400;

/// A sibling paragraph of the chosen root joins it from this many characters.
const MIN_SIBLING_CHARS: usize = 80;

/// One page's extraction state: its dropped elements and paragraph scores.
struct Page {
    pruned: Pruned,
    scores: HashMap<NodeId, usize>,
    /// Every kept element's scores summed over its subtree (see `Page::text_chars`).
    credited: HashMap<NodeId, usize>,
    /// Link lists and link-only paragraphs kept: set for the recall pass, which emits the
    /// block the page names as its body (a post that is a list of links).
    keep_links: bool,
}

/// The page's main text, one block per line; `None` when the page has no body text.
///
/// When the chosen text is under [`MIN_ROOT_CHARS`] and the page names a block as its
/// body (`entry-content`, `articleBody` …), that block is emitted whole, its link lists
/// kept, and wins when it holds at least twice as much text.
pub(crate) fn main_text(doc: &Html) -> Option<String> {
    let body = doc
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or(doc.root_element());
    let mut page = Page::new(body);
    let strict = page.text(body);
    let text = match named_body(body, &page.pruned) {
        Some(named) if too_short(&strict) => {
            page.keep_links = true;
            let mut out = String::new();
            page.emit(named, &mut out);
            let recall = out.trim();
            if recall_wins(&strict, recall) {
                recall.to_string()
            } else {
                strict
            }
        }
        _ => strict,
    };
    (!text.is_empty()).then_some(text)
}

/// Whether a main text is short enough for a recall pass to be tried.
pub(crate) fn too_short(text: &str) -> bool {
    text.chars().count() < MIN_ROOT_CHARS
}

/// Whether a recall pass's text replaces a short one: it holds at least twice as much,
/// and a paragraph more.
pub(crate) fn recall_wins(short: &str, recall: &str) -> bool {
    recall.chars().count() >= 2 * short.chars().count() + MIN_SIBLING_CHARS
}

impl Page {
    /// The page's pruning and scores.
    fn new(body: ElementRef) -> Page {
        let mut page = Page {
            pruned: Pruned::new(body),
            scores: HashMap::default(),
            credited: HashMap::default(),
            keep_links: false,
        };
        page.score(body);
        page
    }

    /// The main text: the best container with its siblings, else the whole body.
    fn text(&self, body: ElementRef) -> String {
        let mut out = String::new();
        let total: usize = self.text_chars(body);
        let root = self.best_root(body, total);
        if root.id() == body.id() {
            self.emit(root, &mut out);
        } else {
            for part in self.with_siblings(root) {
                if part.id() == root.id() {
                    self.emit(root, &mut out);
                } else {
                    out.push('\n');
                    self.emit(part, &mut out);
                    out.push('\n');
                }
            }
        }
        if root.id() != body.id() && out.trim().chars().count() < MIN_ROOT_CHARS {
            out.clear();
            self.emit(body, &mut out);
        }
        out.trim().to_string()
    }

    /// Paragraph text (outside links) credited to each element's parent and half to its
    /// grandparent, as readability does; then every element's credited subtree sum.
    fn score(&mut self, body: ElementRef) {
        // The open ancestors of the element entered.
        let mut open: Vec<NodeId> = Vec::new();
        let mut walk = Walk::new(body);
        while let Some(step) = walk.next() {
            match step {
                Step::Open(e) => {
                    if self.pruned.dropped(e) {
                        walk.skip_subtree();
                        continue;
                    }
                    if is_paragraph(e) {
                        let text = prose_in(e);
                        if text > 0 {
                            let gain = text.min(2000);
                            if let Some(parent) = open.last() {
                                *self.scores.entry(*parent).or_default() += gain;
                            }
                            if open.len() >= 2 {
                                *self.scores.entry(open[open.len() - 2]).or_default() += gain / 2;
                            }
                        }
                        let name = e.value().name();
                        if name != "td" && name != "li" {
                            walk.skip_subtree();
                            continue;
                        }
                    }
                    open.push(e.id());
                }
                Step::Close(_) => {
                    open.pop();
                }
                Step::Text(_) => {}
            }
        }
        self.credit_subtrees(body);
    }

    /// Fills `credited`: for every element under `body` that is not dropped, the sum of
    /// the scores in its subtree (dropped subtrees left out).
    fn credit_subtrees(&mut self, body: ElementRef) {
        // The running sums of the open ancestors.
        let mut sums: Vec<usize> = Vec::new();
        let mut walk = Walk::new(body);
        while let Some(step) = walk.next() {
            match step {
                Step::Open(e) => {
                    if e.id() != body.id() && self.pruned.dropped(e) {
                        walk.skip_subtree();
                        continue;
                    }
                    sums.push(self.scores.get(&e.id()).copied().unwrap_or(0));
                }
                Step::Close(e) => {
                    let sum = sums.pop().unwrap_or(0);
                    self.credited.insert(e.id(), sum);
                    if let Some(parent) = sums.last_mut() {
                        *parent += sum;
                    }
                }
                Step::Text(_) => {}
            }
        }
    }

    /// Sum of the scores in the subtree (text credited below `e`).
    fn text_chars(&self, e: ElementRef) -> usize {
        self.credited.get(&e.id()).copied().unwrap_or(0)
    }

    /// The highest-scoring container, widened to its ancestors while it holds less than
    /// two thirds of the page's credited text.
    fn best_root<'a>(&self, body: ElementRef<'a>, total: usize) -> ElementRef<'a> {
        let best = self
            .scores
            .iter()
            .max_by_key(|(id, s)| (**s, std::cmp::Reverse(**id)))
            .and_then(|(id, _)| body.tree().get(*id))
            .and_then(ElementRef::wrap);
        let Some(mut root) = best else {
            return body;
        };
        while self.text_chars(root) * 3 < total * 2 {
            match root.parent().and_then(ElementRef::wrap) {
                Some(parent) if parent.id() != body.id() => root = parent,
                _ => return body,
            }
        }
        root
    }

    /// The root with the siblings that continue it, in order (readability's sibling
    /// join): blocks credited with a fifth of the root's text, paragraphs of prose, and
    /// before the root (a lead or summary above the body) any block with a paragraph.
    fn with_siblings<'a>(&self, root: ElementRef<'a>) -> Vec<ElementRef<'a>> {
        let Some(parent) = root.parent().and_then(ElementRef::wrap) else {
            return vec![root];
        };
        let threshold = (self.text_chars(root) / 5).max(MIN_PROSE_CHARS);
        let mut before = true;
        parent
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|sib| {
                if sib.id() == root.id() {
                    before = false;
                    return true;
                }
                if self.pruned.dropped(*sib) {
                    return false;
                }
                let (text, links) = text_and_links(*sib);
                let credited = self.text_chars(*sib);
                let few_links = links * 4 < text;
                let prose = is_paragraph(*sib) && text >= MIN_SIBLING_CHARS;
                let lead = before && credited >= MIN_SIBLING_CHARS;
                few_links && (credited >= threshold || prose || lead)
            })
            .collect()
    }

    /// Writes the text under `root`: blocks on their own lines, link-dense lists dropped,
    /// captions marked.
    fn emit(&self, root: ElementRef, out: &mut String) {
        // The text of the open figcaptions, innermost last; text goes to the innermost.
        let mut captions: Vec<String> = Vec::new();
        let mut walk = Walk::new(root);
        while let Some(step) = walk.next() {
            match step {
                Step::Text(t) => {
                    let to = captions.last_mut().unwrap_or(out);
                    to.push_str(&t.replace(['\n', '\r', '\t'], " "));
                }
                Step::Open(el) if el.id() == root.id() => {}
                Step::Open(el) => {
                    if self.pruned.dropped(el) {
                        walk.skip_subtree();
                        continue;
                    }
                    let name = el.value().name();
                    if !BLOCKS.contains(&name) {
                        continue;
                    }
                    let lists = matches!(name, "ul" | "ol" | "table" | "div" | "section");
                    if !self.keep_links
                        && ((lists && link_list(el)) || (name == "p" && only_links(el)))
                    {
                        walk.skip_subtree();
                        continue;
                    }
                    captions.last_mut().unwrap_or(out).push('\n');
                    if name == "figcaption" {
                        captions.push(String::new());
                    }
                }
                Step::Close(el) if el.id() == root.id() => {}
                Step::Close(el) => {
                    let name = el.value().name();
                    if !BLOCKS.contains(&name) {
                        continue;
                    }
                    if name == "figcaption" {
                        let caption = collapse_whitespace(&captions.pop().unwrap_or_default());
                        let to = captions.last_mut().unwrap_or(out);
                        if !caption.is_empty() {
                            to.push(CAPTION_MARK);
                            to.push_str(&caption);
                        }
                    }
                    captions.last_mut().unwrap_or(out).push('\n');
                }
            }
        }
    }
}

/// A paragraph whose whole text is a link: a teaser headline set between or after the
/// article's paragraphs ("<p><a>Other story: …</a></p>"). A bare address
/// ("<p><a>http://…</a></p>", one word) is a reference and stays.
fn only_links(e: ElementRef) -> bool {
    let (text, links) = text_and_links(e);
    text > 0 && links == text && e.text().flat_map(str::split_whitespace).nth(1).is_some()
}

/// A block that is mostly links (a list of related stories, a tag cloud).
fn link_list(e: ElementRef) -> bool {
    let (text, links) = text_and_links(e);
    text > 0 && links * 10 >= text * 7
}
