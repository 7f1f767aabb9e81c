//! The page-date scanners (`page_date::scan`) against the regexes whose matches they
//! promise, on made-up edge cases and on every page of the HTML eval sets.

use regex::Regex;

use crate::stages::parse::page_date::scan::{
    code_spans, headings, script_blocks, short_text_nodes, start_tags, without_tags,
};
use crate::stages::shared_data::shared_dir;

/// Tag names of one of the lists the readers scan for.
const LISTED: [&str; 8] = ["meta", "time", "span", "div", "p", "abbr", "a", "li"];

/// Pages that probe the edges: case folding, word boundaries after the name, non-ASCII
/// names, a missing `>`, tags inside attributes and scripts, unclosed scripts.
const EDGES: [&str; 22] = [
    "<h1>Title</h1><H2 class=x>Sub</H2 ><h1>never closed<h2>x</h1><h12>y</h2>",
    "<h1 title=\"<h2>\">a</h1><h2>é</h1\n>",
    "<h1>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</h1><h2>b</h2>",
    "<h1>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</h1>",
    "<p>a</p><P class=x>b<pre>c<p-x>d<p_x>e<p\u{e9}>f<p\u{a0}>g",
    "<img alt=\"<p>\"><span title=\"<a href=x>\">x</span><ſpan>y</ſpan><SPAN",
    "<div<p>><abbr x><ab><a1><h1 class=t>T</h1><li\n>z<LI\t>",
    "<script>a<script </script><script>b</script><script>never closed",
    "<style>x</style><scriptx>y</script><script</script><STYLE\n>z</ſtyle ><style>never",
    "<style>a</style><script>b</script>then <style>c</style><script>unclosed<style>d</style>",
    "<script type=\"ld+json\">{}</ScRiPt  ><ſcript>x</ſcript\u{2003}>",
    "<script></script><script>x</script \n><script>y</scriptx></script>",
    "no tags at all, > a text node of enough chars < and more",
    "<b>123456</b><i>12345</i><em>é1é2é3</em><x>\u{1F600}12345</x>>a1bcdef<",
    "<a>12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678</a>",
    "<a\u{212A}>k</a\u{212A}><k\u{212A}>kk</k>",
    "<section id=a><nav>n</nav><aside class=\"b\">c</aside></section>",
    "<<p>>>123456<<",
    "<p",
    "<p x",
    "<1p><_p><p:x>y</p:x>",
    "<table><TR><td>1 2 3 4</td></tr><ul><ol><dl><form>",
];

/// Every page of the HTML eval sets, when ../shared is there.
fn eval_pages() -> Vec<String> {
    let mut pages = Vec::new();
    for set in ["eval/trafilatura-eval/docs", "eval/htmldate-eval/docs"] {
        let Some(dir) = shared_dir(set) else { continue };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("eval folder")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("page");
            pages.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    pages
}

/// Asserts that a scanner's result equals the regex's on one page, naming the page.
fn same<T: PartialEq + std::fmt::Debug>(page: &str, what: &str, found: T, expected: T) {
    assert_eq!(
        found,
        expected,
        "{what} page starting {:?}",
        &page[..page.len().min(60)]
    );
}

fn pages() -> Vec<String> {
    let mut pages: Vec<String> = EDGES.iter().map(|s| s.to_string()).collect();
    pages.extend(eval_pages());
    pages
}

#[test]
fn start_tags_match_the_tag_regexes() {
    let any = Regex::new(r"(?i)<([a-z][a-z0-9]*)\b([^>]*)>").unwrap();
    let listed = Regex::new(r"(?is)<(meta|time|span|div|p|abbr|a|li)\b([^>]*)>").unwrap();
    let captured = |re: &Regex, page: &str| -> Vec<(usize, usize, String, String)> {
        re.captures_iter(page)
            .map(|c| {
                let m = c.get(0).unwrap();
                (m.start(), m.end(), c[1].to_string(), c[2].to_string())
            })
            .collect()
    };
    let scanned =
        |page: &str, keep: &dyn Fn(&str) -> bool| -> Vec<(usize, usize, String, String)> {
            start_tags(page, keep)
                .map(|t| (t.start, t.end, t.name.to_string(), t.attrs.to_string()))
                .collect()
        };
    for page in pages() {
        same(
            &page,
            "any tag,",
            scanned(&page, &|_| true),
            captured(&any, &page),
        );
        same(
            &page,
            "listed tags,",
            scanned(&page, &|n| LISTED.contains(&n)),
            captured(&listed, &page),
        );
    }
}

#[test]
fn script_blocks_match_the_script_regex() {
    let script = Regex::new(r"(?is)<script\b([^>]*)>(.*?)</script\s*>").unwrap();
    for page in pages() {
        let expected: Vec<(&str, &str)> = script
            .captures_iter(&page)
            .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()))
            .collect();
        let found: Vec<_> = script_blocks(&page).collect();
        same(&page, "", found, expected);
    }
}

#[test]
fn short_text_nodes_match_the_text_node_regex() {
    let node = Regex::new(r">([^<>]{6,96})<").unwrap();
    for page in pages() {
        let expected: Vec<_> = node
            .captures_iter(&page)
            .map(|c| c.get(1).unwrap().range())
            .collect();
        let found: Vec<_> = short_text_nodes(&page).collect();
        same(&page, "", found, expected);
    }
}

#[test]
fn headings_match_the_heading_regex() {
    let heading = Regex::new(r"(?is)<h([12])\b[^>]*>(.{0,600}?)</h[12]\s*>").unwrap();
    for page in pages() {
        let expected: Vec<(usize, &str, &str)> = heading
            .captures_iter(&page)
            .map(|c| {
                let m = c.get(0).unwrap();
                (
                    m.start(),
                    c.get(1).unwrap().as_str(),
                    c.get(2).unwrap().as_str(),
                )
            })
            .collect();
        let found: Vec<_> = headings(&page)
            .map(|h| (h.start, h.level, h.text))
            .collect();
        same(&page, "", found, expected);
    }
}

#[test]
fn code_spans_match_the_code_regex() {
    let code = Regex::new(r"(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>").unwrap();
    for page in pages() {
        let expected: Vec<_> = code.find_iter(&page).map(|m| m.range()).collect();
        same(&page, "", code_spans(&page), expected);
    }
}

#[test]
fn without_comments_matches_the_comment_regex() {
    let comment = Regex::new(r"(?s)<!--.*?-->").unwrap();
    let rules = crate::stages::parse::html::HtmlRules::new();
    let mut all = pages();
    all.extend(
        [
            "<!---->a<!-->b-->c<!--->d<!-- x --",
            "<!-- never closed <!-- x -->",
            "a<!--é-->é<!--\n--><!--",
            "-->x<!--y-->-->",
        ]
        .map(String::from),
    );
    for page in all {
        same(
            &page,
            "",
            rules.without_comments(&page),
            comment.replace_all(&page, " "),
        );
    }
}

#[test]
fn without_tags_matches_the_tag_regex() {
    let tag = Regex::new(r"(?s)<!--.*?-->|<[^>]*>").unwrap();
    let mut all = pages();
    all.extend(
        [
            "a<!-->b-->c<!--->d<!-- x -- > y",
            "<!-- never closed <b>x</b>",
            "x < y <!-- z",
            "é<b>é</b><",
            "<>",
        ]
        .map(String::from),
    );
    for page in all {
        for with in [" ", ""] {
            same(
                &page,
                "",
                without_tags(&page, with),
                tag.replace_all(&page, with),
            );
        }
    }
}
