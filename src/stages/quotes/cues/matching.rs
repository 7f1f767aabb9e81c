//! Word-bounded matching of compiled word lists on folded text, mapped back to body
//! offsets, and the accent bookkeeping of pronouns.

use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use crate::text::{fold_str, Folded};

/// Pronouns that differ from their folded form, grouped by that folded form.
pub fn accented_forms(pronouns: &[String]) -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for p in pronouns {
        let folded = fold_str(p);
        if folded != *p {
            map.entry(folded).or_default().push(p.clone());
        }
    }
    map
}

/// Matches of `ac` in the folded `body[from..to]` mapped back to body offsets, word-bounded,
/// accepted by `keep` (given the original span), non-overlapping (longest wins, then leftmost), sorted by start: (start, end, pattern).
pub fn bounded_matches(
    ac: &AhoCorasick,
    body: &str,
    from: usize,
    to: usize,
    keep: impl Fn(&str) -> bool,
) -> Vec<(usize, usize, usize)> {
    if from >= to {
        return Vec::new();
    }
    let window = &body[from..to];
    let folded = Folded::new(window);
    let ft = folded.text.as_str();
    let mut hits: Vec<(usize, usize, usize)> = ac
        .find_overlapping_iter(ft)
        .filter(|m| {
            let before = ft[..m.start()].chars().next_back();
            let after = ft[m.end()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|m| {
            let (s, e) = (
                from + folded.start_of(m.start()),
                from + folded.end_of(m.end(), window),
            );
            (s, e, m.pattern().as_usize())
        })
        .filter(|&(s, e, _)| keep(&body[s..e]))
        .collect();
    hits.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for h in hits {
        if kept.iter().all(|k| h.1 <= k.0 || h.0 >= k.1) {
            kept.push(h);
        }
    }
    kept.sort_unstable();
    kept
}
