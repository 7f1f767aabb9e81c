//! Stable document ids: derived from the URL when the input gives one, else from the
//! input locator, so the same record gets the same id on every run.
//!
//! The rule that keeps an id from naming two rows, within a batch and across batches:
//! 1. the plain id is a hash of the URL (else of the input locator);
//! 2. when several records of the batch share it, the one with the smallest locator keeps it
//!    and the others get a URL-plus-locator id;
//! 3. when an earlier batch published a row with that id (any row of its `documents`,
//!    duplicates included, whether or not dedup ran), every record of this batch gets a
//!    URL-plus-batch-plus-locator id instead: a re-crawl never takes an earlier row's id, and
//!    re-crawls in two batches get two ids.
//!
//! A re-run of a batch replaces its own rows, so their ids do not count as taken.

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

/// Makes ids unique within a batch and against the ids `taken(id)` says earlier batches
/// published: when several records share a URL, the one with the smallest locator keeps
/// the URL id and the others get URL-plus-locator ids; when an earlier batch already
/// holds the id (the same URL crawled again), every record of this batch gets a
/// URL-plus-batch-plus-locator id, so that neither an earlier row nor a re-crawl in
/// another batch shares it. Ids are rewritten in place;
/// `locate(i)` gives record `i`'s `(locator, url)` and is only called for records whose
/// id is shared, so locators need not be kept in memory.
pub fn disambiguate<E>(
    ids: &mut [String],
    taken: impl Fn(&str) -> bool,
    batch: &str,
    mut locate: impl FnMut(usize) -> Result<(String, Option<String>), E>,
) -> Result<(), E> {
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
    let shared: Vec<(&[usize], bool)> = order
        .chunk_by(|&a, &b| ids[a] == ids[b])
        .map(|group| (group, taken(ids[group[0]].as_str())))
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
        disambiguate(
            &mut ids,
            |_| false,
            "b1",
            |i| {
                asked.push(i);
                Ok::<_, ()>((locators[i].to_string(), Some("u".to_string())))
            },
        )
        .unwrap();
        assert_eq!(ids[1], id, "smallest locator keeps the URL id");
        assert!(ids[0] != id && ids[3] != id && ids[0] != ids[3]);
        assert_eq!(ids[2], other, "a unique id is left alone");
        asked.sort();
        assert_eq!(asked, [0, 1, 3], "only records sharing an id are looked up");

        // The URL was published by an earlier batch: no record here may keep its id.
        let mut again = vec![id.clone(), other.clone()];
        let taken = |s: &str| s == id;
        let mut later = again.clone();
        for (ids, batch) in [(&mut again, "b2"), (&mut later, "b3")] {
            disambiguate(ids, taken, batch, |i| {
                Ok::<_, ()>((locators[i].to_string(), Some("u".to_string())))
            })
            .unwrap();
        }
        assert_ne!(again[0], id);
        assert_ne!(again[0], later[0], "re-crawls in two batches get two ids");
        assert_eq!(again[1], other);
    }
}
