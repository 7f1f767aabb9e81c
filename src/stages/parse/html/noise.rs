//! Which elements of a page are not content: structural tags (scripts, navigation,
//! asides, forms), hidden elements, and blocks whose class or id names comments, related
//! links, sharing, newsletters or ads. Decided once per page, top-down, so that a block
//! holding most of the page's prose is never dropped for a generic class name
//! (`elementor-widget`, `share-zone` around the article).

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use ego_tree::NodeId;
use scraper::ElementRef;

use super::prose::{is_paragraph, prose_in};
use super::walk::{Step, Walk};

/// Elements dropped with their content.
const DROPPED: [&str; 16] = [
    "head", "script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "iframe",
    "button", "select", "textarea", "label", "menu", "dialog",
];
/// Parts of class or id names that always mark a non-content block (unless it holds the
/// article's heading): comment threads, related-story lists, newsletter and cookie boxes.
const STRONG_NOISE: [&str; 14] = [
    "comment",
    "related",
    "newsletter",
    "subscri",
    "cookie",
    "consent",
    "breadcrumb",
    "recommend",
    "outbrain",
    "taboola",
    "disqus",
    "signup",
    "more-stories",
    "author-bio",
];
/// Whole class or id tokens that always mark a non-content block (as parts of a longer
/// name, `sidebar-and-content`, they are only weak hints).
const STRONG_TOKENS: [&str; 6] = ["sidebar", "footer", "menu", "nav", "navbar", "navigation"];
/// Parts of class or id names that mark a non-content block unless it holds most of the
/// page's prose (page builders and themes use them on wrappers; `read-more` also names
/// a collapsible article body).
const WEAK_NOISE: [&str; 21] = [
    "share",
    "sharing",
    "social",
    "sidebar",
    "promo",
    "advert",
    "footer",
    "navbar",
    "menu",
    "widget",
    "popular",
    "teaser",
    "banner",
    "sponsor",
    "tags",
    "pagination",
    "nav",
    "author",
    "byline",
    "read-more",
    "readmore",
];
/// Class or id parts that name a state of the block, not what it is, though they start
/// like a noise name: Drupal's `node-promoted` is an article promoted to the front page.
const STATE_PARTS: [&str; 1] = ["promoted"];
/// Class or id parts that mark the article body itself (never dropped).
const CONTENT_NAMES: [&str; 6] = [
    "article-body",
    "articlebody",
    "entry-content",
    "post-content",
    "story-body",
    "main-content",
];
/// A weak-noise block holding at least this share of the page's prose is content.
const CONTENT_SHARE: f64 = 0.5;
/// When weak hints alone would drop more than this share of the page's prose (a page
/// builder that names every block `widget`), they are ignored for the page.
const WEAK_DROP_LIMIT: f64 = 0.8;

/// What an element's class and id say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    None,
    Content,
    Weak,
    Strong,
}

/// The elements of one page dropped with their content.
#[derive(Debug, Default)]
pub(crate) struct Pruned {
    dropped: HashSet<NodeId>,
    /// Whether weak hints (`widget`, `share` …) drop blocks on this page.
    weak_hints: bool,
    /// Prose characters dropped because of a weak hint.
    weak_dropped: usize,
}

impl Pruned {
    /// Decides, for every element under `body`, whether it is dropped.
    pub(crate) fn new(body: ElementRef) -> Pruned {
        let mut prose = HashMap::default();
        let total = prose_chars(body, &mut prose);
        let mut pruned = Pruned {
            weak_hints: true,
            ..Pruned::default()
        };
        pruned.walk(body, &prose, total);
        if total > 0 && pruned.weak_dropped as f64 > total as f64 * WEAK_DROP_LIMIT {
            pruned = Pruned::default();
            pruned.walk(body, &prose, total);
        }
        pruned
    }

    /// Whether `e` (with its content) is not part of the page's text.
    pub(crate) fn dropped(&self, e: ElementRef) -> bool {
        self.dropped.contains(&e.id())
    }

    /// Decides top-down: a dropped element's subtree is not looked at.
    fn walk(&mut self, body: ElementRef, prose: &HashMap<NodeId, usize>, total: usize) {
        let mut walk = Walk::new(body);
        while let Some(step) = walk.next() {
            if let Step::Open(e) = step {
                if self.drops(e, prose, total) {
                    self.dropped.insert(e.id());
                    walk.skip_subtree();
                }
            }
        }
    }

    fn drops(&mut self, e: ElementRef, prose: &HashMap<NodeId, usize>, total: usize) -> bool {
        if structural_drop(e) {
            return true;
        }
        match hint(e) {
            Hint::None | Hint::Content => false,
            Hint::Strong => !holds_article(e),
            Hint::Weak => {
                let own = prose.get(&e.id()).copied().unwrap_or(0);
                let major = total > 0 && own as f64 >= total as f64 * CONTENT_SHARE;
                let drop = self.weak_hints && !major && !holds_article(e);
                if drop {
                    self.weak_dropped += own;
                }
                drop
            }
        }
    }
}

/// Dropped whatever its class says: non-content tags, hidden elements, landmark roles
/// of navigation and page furniture.
fn structural_drop(e: ElementRef) -> bool {
    let v = e.value();
    let name = v.name();
    if DROPPED.contains(&name) {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || v.attr("role")
            .is_some_and(|r| matches!(r, "navigation" | "complementary" | "contentinfo" | "banner"))
}

/// Characters of prose (paragraph-like blocks of some length, not mostly links) under
/// `root`, structural drops left out; every element's figure is stored in `out`.
fn prose_chars(root: ElementRef, out: &mut HashMap<NodeId, usize>) -> usize {
    // The running sums of the open ancestors (the root's at the bottom).
    let mut sums: Vec<usize> = Vec::new();
    let mut total = 0;
    let mut walk = Walk::new(root);
    while let Some(step) = walk.next() {
        let (e, sum) = match step {
            Step::Text(_) => continue,
            Step::Open(e) => {
                if structural_drop(e) {
                    walk.skip_subtree();
                    continue;
                }
                let own = if is_paragraph(e) { prose_in(e) } else { 0 };
                let name = e.value().name();
                if !is_paragraph(e) || name == "td" || name == "li" {
                    sums.push(own);
                    continue;
                }
                // A paragraph other than a cell or an item: its figure is its own prose.
                walk.skip_subtree();
                (e, own)
            }
            Step::Close(e) => (e, sums.pop().unwrap_or(0)),
        };
        out.insert(e.id(), sum);
        match sums.last_mut() {
            Some(parent) => *parent += sum,
            None => total = sum,
        }
    }
    total
}

/// The class/id hint of an element (`html`, `body`, `main`, `article` have none; a
/// `<form>` is a weak hint by itself: comment forms, but also page-wide ASP.NET forms).
fn hint(e: ElementRef) -> Hint {
    let v = e.value();
    match v.name() {
        "html" | "body" | "main" | "article" => return Hint::None,
        "form" => return Hint::Weak,
        _ => {}
    }
    let (class, id) = (v.attr("class").unwrap_or(""), v.attr("id").unwrap_or(""));
    if class.trim().is_empty() && id.trim().is_empty() {
        return Hint::None;
    }
    let mut names = String::with_capacity(class.len() + 1 + id.len());
    names.push_str(class);
    names.push(' ');
    names.push_str(id);
    names.make_ascii_lowercase();
    if CONTENT_NAMES.iter().any(|c| names.contains(c)) {
        return Hint::Content;
    }
    if !noise_words().is_match(&names) {
        // Every noise rule below needs one of the words inside a token.
        return Hint::None;
    }
    let tokens = || names.split(char::is_whitespace).filter(|t| !t.is_empty());
    let strong_token = |t: &str| {
        let t = t.trim_start_matches('#');
        STRONG_TOKENS
            .iter()
            .any(|n| t == *n || t.strip_prefix(n).is_some_and(|r| r == "s"))
    };
    if tokens().any(|t| noise_token(t, &STRONG_NOISE) || strong_token(t)) {
        Hint::Strong
    } else if tokens().any(|t| noise_token(t, &WEAK_NOISE)) {
        Hint::Weak
    } else {
        Hint::None
    }
}

/// Every word of [`STRONG_NOISE`], [`STRONG_TOKENS`] and [`WEAK_NOISE`]: a class or id
/// text that holds none of them gives no noise hint (a token matching a noise name
/// starts with it, equals it, or contains it).
fn noise_words() -> &'static AhoCorasick {
    static WORDS: OnceLock<AhoCorasick> = OnceLock::new();
    WORDS.get_or_init(|| {
        let words = STRONG_NOISE.iter().chain(&STRONG_TOKENS).chain(&WEAK_NOISE);
        AhoCorasick::new(words).expect("static words")
    })
}

/// Whether a block holds the article itself (a page wrapper with a class such as
/// `has-sidebar`): an `<article>`, an `<h1>`, an `articleBody` or a block with a
/// content class name (`article-body`, `entry-content` …).
fn holds_article(e: ElementRef) -> bool {
    e.descendants().filter_map(ElementRef::wrap).any(|d| {
        let v = d.value();
        matches!(v.name(), "article" | "h1" | "main")
            || v.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("articlebody"))
            || v.attr("class")
                .is_some_and(|c| CONTENT_NAMES.iter().any(|n| contains_ascii_nocase(c, n)))
    })
}

/// The first block, not dropped, that the page names as its article body: a content
/// class name (`entry-content`, `article-body` …) or `itemprop="articleBody"`.
pub(crate) fn named_body<'a>(root: ElementRef<'a>, pruned: &Pruned) -> Option<ElementRef<'a>> {
    let mut walk = Walk::new(root);
    while let Some(step) = walk.next() {
        let Step::Open(e) = step else { continue };
        if pruned.dropped(e) {
            walk.skip_subtree();
            continue;
        }
        let v = e.value();
        let named = v
            .attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("articlebody"))
            || v.attr("class")
                .is_some_and(|c| CONTENT_NAMES.iter().any(|n| contains_ascii_nocase(c, n)));
        if named {
            return Some(e);
        }
    }
    None
}

/// A class or id token naming a non-content block: `comments`, `related-posts`,
/// `share_bar`, `nav` … but not `navigate-article` matched by accident of a longer word.
fn noise_token(token: &str, names: &[&str]) -> bool {
    token.split(['-', '_']).any(|part| {
        !STATE_PARTS.contains(&part)
            && names
                .iter()
                .any(|n| part.len() <= n.len() + 3 && part.starts_with(n))
    }) || (token.contains('-') && names.iter().any(|n| n.contains('-') && token.contains(n)))
}

/// Whether `hay`, ASCII letters lower-cased, contains `needle` (lower-case ASCII), without
/// allocating the lower-cased copy.
fn contains_ascii_nocase(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}
