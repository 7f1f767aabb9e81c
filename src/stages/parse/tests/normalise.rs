//! Equivalence tests of the one-pass text helpers of the line rules (`norm`,
//! `collapse_whitespace`) against the straightforward versions they replaced.

use crate::stages::parse::text::normalise::norm;

/// `norm` as first written: fold the whole string, then keep alphanumeric runs.
fn norm_two_pass(s: &str) -> String {
    let folded = crate::text::fold_str(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

#[test]
fn one_pass_norm_equals_fold_then_filter() {
    for s in [
        "",
        "  ",
        "- Advertisement -",
        "L’Œuvre d`art, «Straße» — ÉTÉ 2026 !",
        "Zürich\u{a0}:\u{202f}№ 5 ½ x²",
        "Ǆemal İstanbul ﬁn ǅ",
        "\u{e000}Légende · photo AFP/Getty",
    ] {
        assert_eq!(norm(s), norm_two_pass(s), "{s:?}");
    }
}

/// `collapse_whitespace` as first written: words of `split_whitespace`, invisible chars
/// dropped, words left empty by that dropped with their separator.
fn collapse_by_words(s: &str) -> String {
    let mut out = String::new();
    for word in s.split_whitespace() {
        let before = out.len();
        if before > 0 {
            out.push(' ');
        }
        let start = out.len();
        out.extend(word.chars().filter(|c| {
            !matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
        }));
        if out.len() == start {
            out.truncate(before);
        }
    }
    out
}

#[test]
fn one_pass_collapse_equals_collapse_by_words() {
    use crate::stages::parse::text::normalise::collapse_whitespace;
    for s in [
        "",
        " \t\u{a0} ",
        "\u{200B}",
        "a \u{200B} b",
        "\u{feff} Titre\u{00AD}s  \u{2009} de\u{200B}\u{200C} la\tUne \u{202f}!\u{2060}",
        "x\u{200B} \u{200D}",
        "  déjà   vu  ",
    ] {
        assert_eq!(collapse_whitespace(s), collapse_by_words(s), "{s:?}");
    }
}
