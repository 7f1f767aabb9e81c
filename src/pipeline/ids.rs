//! Stable document ids: derived from the URL when the input gives one, else from the
//! input locator, so the same record gets the same id on every run.

use sha2::{Digest, Sha256};

/// 16 hex digits (64 bits) of SHA-256 over a tagged key.
fn short_hash(key: &str) -> String {
    crate::text::hex(&Sha256::digest(key.as_bytes())[..8])
}

/// The id of a record with this URL (when known) and locator.
pub fn doc_id(url: Option<&str>, input: &str) -> String {
    match url {
        Some(u) => short_hash(&format!("url:{}", u.trim())),
        None => short_hash(&format!("input:{input}")),
    }
}

/// Makes ids unique within a batch: when several records share a URL, the one with the
/// smallest locator keeps the URL id and the others get URL-plus-locator ids.
/// `entries` are `(id, locator, url)`; ids are rewritten in place.
pub fn disambiguate(entries: &mut [(String, String, Option<String>)]) {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| (&entries[a].0, &entries[a].1).cmp(&(&entries[b].0, &entries[b].1)));
    let original: Vec<String> = entries.iter().map(|e| e.0.clone()).collect();
    for w in 1..order.len() {
        let (prev, cur) = (order[w - 1], order[w]);
        if original[prev] == original[cur] {
            let url = entries[cur].2.clone().unwrap_or_default();
            entries[cur].0 = short_hash(&format!("url:{url}|input:{}", entries[cur].1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_unique() {
        assert_eq!(
            doc_id(Some("https://a.test/x"), "f.jsonl#1"),
            doc_id(Some("https://a.test/x"), "g.jsonl#9")
        );
        assert_ne!(doc_id(None, "a.txt"), doc_id(None, "b.txt"));
        assert_eq!(doc_id(None, "a.txt").len(), 16);
        let id = doc_id(Some("u"), "x");
        let mut e = vec![
            (id.clone(), "b#2".into(), Some("u".into())),
            (id.clone(), "a#1".into(), Some("u".into())),
            (id.clone(), "c#3".into(), Some("u".into())),
        ];
        disambiguate(&mut e);
        assert_eq!(e[1].0, id, "smallest locator keeps the URL id");
        assert!(e[0].0 != id && e[2].0 != id && e[0].0 != e[2].0);
    }
}
