//! Stable document ids: derived from the URL when the input gives one, else from the
//! input locator, so the same record gets the same id on every run.
//!
//! The rule that keeps an id from naming two rows across batches, with no state beyond the
//! dedup state: a record that is a re-crawl of something an earlier batch published gets
//! an id that includes its batch (`url|batch|locator`). It is a re-crawl when its plain id
//! is held by an earlier batch's representative or unique document (the ids in the dedup
//! state), or when dedup finds it a duplicate of an earlier batch's document: the ids of
//! earlier duplicates are in no state, but a copy crawled again is found again as a copy
//! of the same earlier document ([`qualify`]). A record that is neither keeps its plain id.

use std::collections::HashSet;

use sha2::{Digest, Sha256};

/// 16 hex digits (64 bits) of SHA-256 over a tagged key.
fn short_hash(key: &str) -> String {
    crate::text::hex(&Sha256::digest(key.as_bytes())[..8])
}

/// The batch-qualified id of a re-crawl: unique to this record of this batch.
fn batch_id(url: Option<&str>, batch: &str, input: &str) -> String {
    let url = url.unwrap_or_default();
    short_hash(&format!("url:{url}|batch:{batch}|input:{input}"))
}

/// The id of a record with this URL (when known) and locator.
pub fn doc_id(url: Option<&str>, input: &str) -> String {
    match url {
        Some(u) => short_hash(&format!("url:{}", u.trim())),
        None => short_hash(&format!("input:{input}")),
    }
}

/// Makes ids unique within a batch and against `taken` (ids already published by earlier
/// batches): when several records share a URL, the one with the smallest locator keeps
/// the URL id and the others get URL-plus-locator ids; when an earlier batch already
/// holds the id (the same URL crawled again), every record of this batch gets a
/// URL-plus-batch-plus-locator id, so that neither an earlier row nor a re-crawl in
/// another batch shares it. Ids are rewritten in place;
/// `locate(i)` gives record `i`'s `(locator, url)` and is only called for records whose
/// id is shared, so locators need not be kept in memory.
pub fn disambiguate<E>(
    ids: &mut [String],
    taken: &HashSet<&str>,
    batch: &str,
    mut locate: impl FnMut(usize) -> Result<(String, Option<String>), E>,
) -> Result<(), E> {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
    let shared: Vec<(&[usize], bool)> = order
        .chunk_by(|&a, &b| ids[a] == ids[b])
        .map(|group| (group, taken.contains(ids[group[0]].as_str())))
        .filter(|&(group, taken)| group.len() > 1 || taken)
        .collect();
    let mut renamed = Vec::new();
    for (group, taken) in shared {
        let mut members = group
            .iter()
            .map(|&i| locate(i).map(|(input, url)| (input, url, i)))
            .collect::<Result<Vec<_>, E>>()?;
        members.sort();
        for (input, url, i) in &members[usize::from(!taken)..] {
            let id = if taken {
                batch_id(url.as_deref(), batch, input)
            } else {
                let url = url.as_deref().unwrap_or_default();
                short_hash(&format!("url:{url}|input:{input}"))
            };
            renamed.push((*i, id));
        }
    }
    for (i, id) in renamed {
        ids[i] = id;
    }
    Ok(())
}

/// Gives the records at `recrawls` (duplicates of an earlier batch's document) their
/// batch-qualified id, so that no row of an earlier batch — a duplicate there, whose id no
/// state remembers — shares it. A record [`disambiguate`] already qualified keeps the same
/// id. `locate(i)` gives record `i`'s `(locator, url)`; it is called once per re-crawl.
pub fn qualify<E>(
    ids: &mut [String],
    recrawls: &[usize],
    batch: &str,
    mut locate: impl FnMut(usize) -> Result<(String, Option<String>), E>,
) -> Result<(), E> {
    for &i in recrawls {
        let (input, url) = locate(i)?;
        ids[i] = batch_id(url.as_deref(), batch, &input);
    }
    Ok(())
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
        let other = doc_id(None, "z#9");
        let locators = ["b#2", "a#1", "z#9", "c#3"];
        let mut ids = vec![id.clone(), id.clone(), other.clone(), id.clone()];
        let mut asked = Vec::new();
        disambiguate(&mut ids, &HashSet::new(), "b1", |i| {
            asked.push(i);
            Ok::<_, ()>((locators[i].to_string(), Some("u".to_string())))
        })
        .unwrap();
        assert_eq!(ids[1], id, "smallest locator keeps the URL id");
        assert!(ids[0] != id && ids[3] != id && ids[0] != ids[3]);
        assert_eq!(ids[2], other, "a unique id is left alone");
        asked.sort();
        assert_eq!(asked, [0, 1, 3], "only records sharing an id are looked up");

        // The URL was published by an earlier batch: no record here may keep its id.
        let mut again = vec![id.clone(), other.clone()];
        let taken = HashSet::from([id.as_str()]);
        let mut later = again.clone();
        for (ids, batch) in [(&mut again, "b2"), (&mut later, "b3")] {
            disambiguate(ids, &taken, batch, |i| {
                Ok::<_, ()>((locators[i].to_string(), Some("u".to_string())))
            })
            .unwrap();
        }
        assert_ne!(again[0], id);
        assert_ne!(again[0], later[0], "re-crawls in two batches get two ids");
        assert_eq!(again[1], other);
    }
}
