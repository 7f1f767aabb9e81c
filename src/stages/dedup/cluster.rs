//! Whole-set clustering: exact-hash groups and LSH-banded MinHash candidates, verified
//! against the threshold, joined transitively (A≈B≈C is one cluster), each cluster
//! headed by a representative chosen by a documented, order-independent rule.
//!
//! Representatives kept from earlier batches take part as immutable members: a cluster
//! that contains one is headed by it (the best of them by the rule), since rows already
//! published are never rewritten.

use std::collections::HashMap;

use super::fingerprint::{estimated_jaccard, mix};
use super::DedupConfig;
use crate::model::DedupEntry;

/// Verdict for a duplicate: its representative's doc_id and the similarity to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// doc_id of the cluster's representative (possibly from an earlier batch).
    pub representative: String,
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
    fn key(e: &DedupEntry) -> impl Ord + '_ {
        (
            e.published.is_none(),
            e.published,
            !e.agency,
            !e.has_url,
            std::cmp::Reverse(e.chars),
            e.doc_id.as_str(),
        )
    }
    key(a) < key(b)
}

/// Joins documents whose verified similarity reaches the threshold; `all` holds the
/// earlier batches' representatives first, then this batch.
fn components(all: &[&DedupEntry], settings: &DedupConfig) -> UnionFind {
    let mut uf = UnionFind((0..all.len()).collect());
    let mut by_hash: HashMap<&[u8; 16], usize> = HashMap::with_capacity(all.len());
    // One member per exact-copy group enters the LSH buckets: its copies share its fate.
    let mut signed: Vec<usize> = Vec::with_capacity(all.len());
    let (rows, width) = (settings.rows, settings.num_hashes);
    for (i, e) in all.iter().enumerate() {
        match by_hash.get(&e.fingerprint.content_hash) {
            Some(&j) => uf.union(i, j),
            None => {
                by_hash.insert(&e.fingerprint.content_hash, i);
                if e.fingerprint.signature.len() == width {
                    signed.push(i);
                }
            }
        }
    }
    // Per band, (band hash, index) pairs sorted: runs of equal hashes are the LSH
    // buckets, at 16 bytes a document (a hash map of vectors cost ~10 times more).
    let mut keyed: Vec<(u64, usize)> = Vec::with_capacity(signed.len());
    for band in 0..settings.bands {
        let slice = |i: usize| &all[i].fingerprint.signature[band * rows..(band + 1) * rows];
        keyed.clear();
        keyed.extend(signed.iter().map(|&i| (band_hash(slice(i)), i)));
        keyed.sort_unstable();
        for run in keyed.chunk_by(|x, y| x.0 == y.0).filter(|r| r.len() > 1) {
            for (k, &(_, a)) in run.iter().enumerate() {
                for &(_, b) in &run[k + 1..] {
                    if slice(a) == slice(b)
                        && uf.find(a) != uf.find(b)
                        && estimated_jaccard(
                            &all[a].fingerprint.signature,
                            &all[b].fingerprint.signature,
                        ) >= settings.threshold
                    {
                        uf.union(a, b);
                    }
                }
            }
        }
    }
    uf
}

/// The verified pairs of a group of LSH buckets, reduced to a spanning forest. A pair is
/// a candidate when its signatures share a band (`rows` values at a multiple of `rows`,
/// signatures of `bands · rows` values: any other length is never a candidate), as in
/// [`cluster`]'s buckets; so a group may be one bucket, the members of several buckets,
/// or buckets whose band hashes collided, and give the components its buckets give.
/// The pairs are taken in index order, a candidate is verified (estimated Jaccard over
/// the whole signature ≥ `threshold`, as [`cluster`] does) only when it joins two trees
/// so far, and kept only then. The connected components of the edges are those of every
/// verified candidate, so an engine that distributes the buckets (the Spark job) joins
/// the same clusters as [`cluster`]; it holds at most `n − 1` edges for `n` members.
pub fn bucket_forest(
    signatures: &[&[u32]],
    bands: usize,
    rows: usize,
    threshold: f32,
) -> Vec<(usize, usize)> {
    let width = bands * rows;
    let share_band = |a: &[u32], b: &[u32]| {
        a.len() == width
            && b.len() == width
            && rows > 0
            && a.chunks_exact(rows)
                .zip(b.chunks_exact(rows))
                .any(|(x, y)| x == y)
    };
    let mut uf = UnionFind((0..signatures.len()).collect());
    let mut edges = Vec::new();
    for a in 0..signatures.len() {
        for b in a + 1..signatures.len() {
            if uf.find(a) != uf.find(b)
                && share_band(signatures[a], signatures[b])
                && estimated_jaccard(signatures[a], signatures[b]) >= threshold
            {
                uf.union(a, b);
                edges.push((a, b));
            }
        }
    }
    edges
}

/// A 64-bit key of one band of a signature (equal bands, equal keys; the rare
/// collision is caught by comparing the bands themselves).
fn band_hash(band: &[u32]) -> u64 {
    band.iter()
        .fold(0x9e37_79b9_7f4a_7c15u64, |h, &v| mix(h ^ u64::from(v)))
}

/// Clusters `entries` (this batch) together with `prior` (representatives of earlier
/// batches); one slot per entry: `None` for representatives and unique documents,
/// `Some` for duplicates. The partition is the connected components of the verified
/// pairs, so neither the order of the entries nor the thread count changes it.
pub fn cluster(
    entries: &[DedupEntry],
    prior: &[DedupEntry],
    settings: &DedupConfig,
) -> Vec<Option<Duplicate>> {
    let all: Vec<&DedupEntry> = prior.iter().chain(entries).collect();
    let p = prior.len();
    let mut uf = components(&all, settings);
    // Best member of each cluster, earlier batches' representatives first.
    let mut best: HashMap<usize, usize> = HashMap::new();
    for i in 0..all.len() {
        let root = uf.find(i);
        let slot = best.entry(root).or_insert(i);
        let (cur_prior, new_prior) = (*slot < p, i < p);
        if (new_prior && !cur_prior) || (new_prior == cur_prior && better(all[i], all[*slot])) {
            *slot = i;
        }
    }
    (p..all.len())
        .map(|i| {
            let rep = best[&uf.find(i)];
            (rep != i).then(|| {
                let (a, b) = (&all[i].fingerprint, &all[rep].fingerprint);
                let similarity = if a.content_hash == b.content_hash {
                    1.0
                } else {
                    estimated_jaccard(&a.signature, &b.signature)
                };
                Duplicate {
                    representative: all[rep].doc_id.clone(),
                    similarity,
                }
            })
        })
        .collect()
}
