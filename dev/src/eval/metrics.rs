//! The metrics as small pure functions: precision/recall/F1 from counts, accuracy ratios,
//! B-cubed over (gold cluster, predicted cluster) pairs, and the text comparisons they use.

use std::collections::HashMap;
use std::hash::Hash;

use serde::Serialize;

/// `hits` out of `total`, with the ratio (0 when `total` is 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Ratio {
    /// Items counted as correct.
    pub hits: usize,
    /// Items the ratio is computed on.
    pub total: usize,
    /// `hits / total`, 0 when `total` is 0.
    pub value: f64,
}

impl Ratio {
    /// Builds the ratio `hits / total`.
    pub fn new(hits: usize, total: usize) -> Ratio {
        let value = if total == 0 {
            0.0
        } else {
            hits as f64 / total as f64
        };
        Ratio { hits, total, value }
    }
}

/// Precision, recall and F1 with the counts they come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// `tp / (tp + fp)`, 0 when nothing was predicted.
    pub precision: f64,
    /// `tp / (tp + fn)`, 0 when there is no gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub f1: f64,
}

/// Precision/recall/F1 from true-positive, false-positive and false-negative counts.
pub fn prf1(tp: usize, fp: usize, fn_: usize) -> Prf {
    let precision = Ratio::new(tp, tp + fp).value;
    let recall = Ratio::new(tp, tp + fn_).value;
    Prf {
        tp,
        fp,
        fn_,
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

/// Harmonic mean of `p` and `r`; 0 when both are 0.
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// B-cubed precision, recall and F1 over a set of items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct BCubed {
    /// Number of items.
    pub items: usize,
    /// Mean over items of |pred cluster ∩ gold cluster| / |pred cluster|.
    pub precision: f64,
    /// Mean over items of |pred cluster ∩ gold cluster| / |gold cluster|.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// B-cubed scores; each item is given as its (gold cluster, predicted cluster) pair.
/// Standard definition (Bagga & Baldwin 1998), averaged over items. No items → all 0.
pub fn b_cubed<G: Hash + Eq, P: Hash + Eq>(items: &[(G, P)]) -> BCubed {
    if items.is_empty() {
        return BCubed::default();
    }
    let mut both: HashMap<(&G, &P), usize> = HashMap::new();
    let mut gold: HashMap<&G, usize> = HashMap::new();
    let mut pred: HashMap<&P, usize> = HashMap::new();
    for (g, p) in items {
        *both.entry((g, p)).or_default() += 1;
        *gold.entry(g).or_default() += 1;
        *pred.entry(p).or_default() += 1;
    }
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for (g, p) in items {
        let common = both[&(g, p)] as f64;
        p_sum += common / pred[p] as f64;
        r_sum += common / gold[g] as f64;
    }
    let n = items.len() as f64;
    let (precision, recall) = (p_sum / n, r_sum / n);
    BCubed {
        items: items.len(),
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

/// `text` with every whitespace run replaced by one space, trimmed.
pub fn collapse_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `snippet` occurs in `body` once whitespace runs are collapsed in both. An empty
/// snippet is never "found" (it carries no information).
pub fn snippet_found(snippet: &str, collapsed_body: &str) -> bool {
    let s = collapse_ws(snippet);
    !s.is_empty() && collapsed_body.contains(&s)
}

/// A title reduced for the lenient comparison: lowercase, letters and digits only, words
/// separated by one space.
pub fn normalise_title(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect();
    collapse_ws(&cleaned)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Lowercased word tokens for text comparison: runs of letters/digits; every CJK ideograph
/// or kana is a token of its own (those scripts do not separate words with spaces).
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Bag-of-tokens F1 between an expected and a predicted text (SQuAD style): the common
/// tokens are the multiset intersection. Both empty → 1; one empty → 0.
pub fn token_f1(expected: &str, predicted: &str) -> f64 {
    let (e, p) = (tokens(expected), tokens(predicted));
    if e.is_empty() && p.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in &e {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0usize;
    for t in &p {
        if let Some(n) = counts.get_mut(t.as_str()) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    prf1(common, p.len() - common, e.len() - common).f1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn prf1_from_counts() {
        // tp 3, fp 1, fn 2: P = 3/4, R = 3/5, F1 = 2·0.75·0.6/1.35 = 0.6667
        let m = prf1(3, 1, 2);
        assert!(close(m.precision, 0.75));
        assert!(close(m.recall, 0.6));
        assert!(close(m.f1, 2.0 / 3.0));
        let zero = prf1(0, 0, 4);
        assert_eq!((zero.precision, zero.recall, zero.f1), (0.0, 0.0, 0.0));
        assert!(close(Ratio::new(2, 3).value, 2.0 / 3.0));
        assert_eq!(Ratio::new(0, 0).value, 0.0);
    }

    #[test]
    fn b_cubed_four_items_by_hand() {
        // items a,b,c,d; gold clusters {a,b,c} = Q1, {d} = Q2; predicted {a,b} = x, {c,d} = y.
        // precision: a 2/2, b 2/2, c 1/2 (c,d in y; only c in Q1), d 1/2 → mean 3/4.
        // recall:    a 2/3, b 2/3, c 1/3, d 1/1 → mean (2/3+2/3+1/3+1)/4 = 2/3.
        // F1 = 2·(3/4)(2/3)/(3/4+2/3) = 1/(17/12) = 12/17.
        let items = [("Q1", "x"), ("Q1", "x"), ("Q1", "y"), ("Q2", "y")];
        let b = b_cubed(&items);
        assert_eq!(b.items, 4);
        assert!(close(b.precision, 0.75));
        assert!(close(b.recall, 2.0 / 3.0));
        assert!(close(b.f1, 12.0 / 17.0));
    }

    #[test]
    fn b_cubed_extremes() {
        // Everything in one predicted cluster, gold all singletons: P = 1/3 each, R = 1.
        let b = b_cubed(&[(1, 0), (2, 0), (3, 0)]);
        assert!(close(b.precision, 1.0 / 3.0));
        assert!(close(b.recall, 1.0));
        // Perfect clustering.
        let b = b_cubed(&[("Q1", "e1"), ("Q1", "e1"), ("Q2", "e2")]);
        assert_eq!((b.precision, b.recall, b.f1), (1.0, 1.0, 1.0));
        assert_eq!(b_cubed::<u8, u8>(&[]).items, 0);
    }

    #[test]
    fn snippets_match_across_whitespace_differences() {
        let body = collapse_ws("Die GEMA dreht\nvöllig   am Zeiger!\nImpressum");
        assert!(snippet_found("Die GEMA dreht völlig am Zeiger!", &body));
        assert!(snippet_found("  völlig\tam ", &body));
        assert!(!snippet_found("31. Mai", &body));
        assert!(!snippet_found("   ", &body));
    }

    #[test]
    fn titles_normalise_case_and_punctuation() {
        assert_eq!(
            normalise_title("Gates on Tillerson: 'You can be friendly…'"),
            "gates on tillerson you can be friendly"
        );
        assert_eq!(
            normalise_title("  È morto  Enzo Randisi "),
            "è morto enzo randisi"
        );
    }

    #[test]
    fn token_f1_counts_common_tokens_once() {
        // expected: the cat sat (3), predicted: the the cat (3); common: the, cat = 2.
        // P = 2/3, R = 2/3, F1 = 2/3.
        assert!(close(token_f1("The cat sat.", "the the cat"), 2.0 / 3.0));
        assert!(close(token_f1("", ""), 1.0));
        assert!(close(token_f1("a b", ""), 0.0));
        // CJK characters are single tokens: 短缺药品 vs 短缺 → P 1, R 1/2, F1 2/3.
        assert_eq!(tokens("短缺药品 OK"), vec!["短", "缺", "药", "品", "ok"]);
        assert!(close(token_f1("短缺药品", "短缺"), 2.0 / 3.0));
    }
}
