//! Whole-set clustering: exact-hash groups and LSH-banded MinHash candidates, verified
//! against the threshold, joined transitively (A≈B≈C is one cluster), each cluster
//! headed by a representative chosen by a documented, order-independent rule.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::fingerprint::{estimated_jaccard, Fingerprint};
use super::DedupSettings;

/// What dedup needs to know of one document.
#[derive(Debug, Clone)]
pub struct DedupEntry {
    /// The document's id (last tie-breaker).
    pub doc_id: String,
    /// Its fingerprint.
    pub fingerprint: Fingerprint,
    /// Publication date, when known (earliest wins).
    pub published: Option<NaiveDate>,
    /// Whether the publisher is a news agency (wins over others on equal dates).
    pub agency: bool,
    /// Whether the document has a URL (wins over URL-less copies).
    pub has_url: bool,
    /// Body length in code points (longest wins).
    pub chars: usize,
}

/// Verdict for a duplicate: the index of its representative and the similarity to it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duplicate {
    /// Index (into the entries) of the cluster's representative.
    pub representative: usize,
    /// Estimated Jaccard similarity to it (1.0 for exact copies).
    pub similarity: f32,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// The representative rule: earliest publication date (unknown dates last), then an
/// agency, then a URL, then the longest body, then the smallest doc_id.
fn better(a: &DedupEntry, b: &DedupEntry) -> bool {
    let key = |e: &DedupEntry| {
        (
            e.published.is_none(),
            e.published,
            !e.agency,
            !e.has_url,
            std::cmp::Reverse(e.chars),
        )
    };
    match key(a).cmp(&key(b)) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Greater => false,
        std::cmp::Ordering::Equal => a.doc_id < b.doc_id,
    }
}

/// Clusters `entries`; the result has one slot per entry: `None` for representatives
/// and unique documents, `Some` for duplicates.
pub fn cluster(entries: &[DedupEntry], settings: &DedupSettings) -> Vec<Option<Duplicate>> {
    let n = entries.len();
    let mut uf = UnionFind((0..n).collect());
    let mut by_hash: HashMap<&str, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        match by_hash.get(e.fingerprint.content_hash.as_str()) {
            Some(&j) => uf.union(i, j),
            None => {
                by_hash.insert(&e.fingerprint.content_hash, i);
            }
        }
    }
    let rows = settings.rows;
    for band in 0..settings.bands {
        let mut buckets: HashMap<&[u32], Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let sig = &e.fingerprint.signature;
            if sig.len() == settings.num_hashes() {
                buckets
                    .entry(&sig[band * rows..(band + 1) * rows])
                    .or_default()
                    .push(i);
            }
        }
        for members in buckets.values().filter(|m| m.len() > 1) {
            for (k, &a) in members.iter().enumerate() {
                for &b in &members[k + 1..] {
                    if uf.find(a) != uf.find(b)
                        && estimated_jaccard(
                            &entries[a].fingerprint.signature,
                            &entries[b].fingerprint.signature,
                        ) >= settings.threshold
                    {
                        uf.union(a, b);
                    }
                }
            }
        }
    }
    let mut best: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let root = uf.find(i);
        let slot = best.entry(root).or_insert(i);
        if better(&entries[i], &entries[*slot]) {
            *slot = i;
        }
    }
    (0..n)
        .map(|i| {
            let rep = best[&uf.find(i)];
            (rep != i).then(|| {
                let (a, b) = (&entries[i].fingerprint, &entries[rep].fingerprint);
                let similarity = if a.content_hash == b.content_hash {
                    1.0
                } else {
                    estimated_jaccard(&a.signature, &b.signature)
                };
                Duplicate {
                    representative: rep,
                    similarity,
                }
            })
        })
        .collect()
}
