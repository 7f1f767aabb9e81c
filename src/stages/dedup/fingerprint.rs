//! Per-document dedup keys: the exact-duplicate hash of the normalised body and a MinHash
//! signature over word shingles. Hash functions are spelled out here (FNV-1a, SplitMix64)
//! so signatures stay identical across Rust versions and platforms.

use sha2::{Digest, Sha256};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::model::Fingerprint;

/// Normalises a body for hashing: NFC, lower case, punctuation folded away, whitespace
/// collapsed. Two bodies differing only in case, punctuation or spacing normalise equal.
pub fn normalise(body: &str) -> String {
    // Most bodies are already NFC: skip the normalising iterator for them.
    match is_nfc_quick(body.chars()) {
        IsNormalized::Yes => fold(body.chars(), body.len()),
        _ => fold(body.nfc(), body.len()),
    }
}

/// Lower-cases alphanumeric runs and joins them with single spaces.
fn fold(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    };
    for c in chars {
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), &mut out);
        } else {
            c.to_lowercase().for_each(|l| push(l, &mut out));
        }
    }
    out
}

/// FNV-1a 64-bit over bytes.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_more(0xcbf2_9ce4_8422_2325, bytes)
}

/// FNV-1a continued from state `h` over more bytes (`fnv1a(a ++ b) ==
/// fnv1a_more(fnv1a(a), b)`).
pub(crate) fn fnv1a_more(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// SplitMix64 finaliser: a fast, well-mixing bijection on u64.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Builds the fingerprint of `body` with `num_hashes` MinHash values over shingles of
/// `shingle_size` words; the signature is empty when the body has fewer than `min_words`.
///
/// A shingle's hash combines its words' FNV-1a hashes (position-sensitive, mixed by
/// SplitMix64); MinHash value `i` of a shingle hash `h` is the high half of
/// `a_i · h + b_i` (multiply-add-shift, `a_i` odd), with `a_i`, `b_i` fixed by `i`.
pub fn fingerprint(
    body: &str,
    shingle_size: usize,
    num_hashes: usize,
    min_words: usize,
) -> Fingerprint {
    let norm = normalise(body);
    let digest = Sha256::digest(norm.as_bytes());
    let mut content_hash = [0u8; 16];
    content_hash.copy_from_slice(&digest[..16]);
    let words: Vec<u64> = norm
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| fnv1a(w.as_bytes()))
        .collect();
    if words.len() < min_words.max(1) {
        return Fingerprint {
            content_hash,
            signature: Vec::new(),
        };
    }
    let k = shingle_size.min(words.len());
    let mut shingle_hashes: Vec<u64> = words
        .windows(k)
        .map(|w| mix(w.iter().fold(0u64, |h, &x| mix(h ^ x))))
        .collect();
    shingle_hashes.sort_unstable();
    shingle_hashes.dedup();
    let signature = minhash(&shingle_hashes, num_hashes);
    Fingerprint {
        content_hash,
        signature,
    }
}

/// The fingerprint of a document that is only exact-matched: its content hash, no
/// signature (what every document gets when the dedup stage is disabled).
pub fn exact_fingerprint(body: &str) -> Fingerprint {
    fingerprint(body, 1, 0, usize::MAX)
}

/// The multiply-add pairs `(a_i, b_i)` of MinHash value `i` (`a_i` odd).
fn hash_params(num_hashes: usize) -> impl Iterator<Item = (u64, u64)> {
    (0..num_hashes as u64).map(|i| {
        let a = mix(i.wrapping_add(0x9e37_79b9_7f4a_7c15)) | 1;
        (a, mix(a ^ 0xd6e8_feb8_6659_fd93))
    })
}

/// MinHash values of a set of shingle hashes: value `i` is the least high half of
/// `a_i · h + b_i` (wrapping, 64 bits) over the shingle hashes `h`.
///
/// Computed from 32-bit halves so that the loop vectorises: with `a = 2³²·ah + al`,
/// `h = 2³²·hh + hl`, `b = 2³²·bh + bl`, the high half of `a·h + b mod 2⁶⁴` is
/// `⌊(al·hl + bl) / 2³²⌋ + ah·hl + al·hh + bh mod 2³²` (the same value as the 64-bit form).
fn minhash(shingle_hashes: &[u64], num_hashes: usize) -> Vec<u32> {
    let halves = Halves::new(num_hashes);
    let mut signature = vec![u32::MAX; num_hashes];
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2 (checked just above).
        unsafe { minhash_avx2(&halves, shingle_hashes, &mut signature) };
        return signature;
    }
    minhash_into(&halves, shingle_hashes, &mut signature);
    signature
}

/// The 32-bit halves of the MinHash parameters (`a_i = 2³²·ah[i] + al[i]`, same for `b`).
struct Halves {
    al: Vec<u32>,
    ah: Vec<u32>,
    bl: Vec<u32>,
    bh: Vec<u32>,
}

impl Halves {
    /// The halves of the first `num_hashes` parameters of [`hash_params`].
    fn new(num_hashes: usize) -> Self {
        let mut h = Halves {
            al: Vec::with_capacity(num_hashes),
            ah: Vec::with_capacity(num_hashes),
            bl: Vec::with_capacity(num_hashes),
            bh: Vec::with_capacity(num_hashes),
        };
        for (a, b) in hash_params(num_hashes) {
            h.al.push(a as u32);
            h.ah.push((a >> 32) as u32);
            h.bl.push(b as u32);
            h.bh.push((b >> 32) as u32);
        }
        h
    }
}

/// [`minhash_into`] compiled for AVX2 (8 lanes of 32 bits).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn minhash_avx2(p: &Halves, shingle_hashes: &[u64], signature: &mut [u32]) {
    minhash_into(p, shingle_hashes, signature)
}

#[inline(always)]
fn minhash_into(p: &Halves, shingle_hashes: &[u64], signature: &mut [u32]) {
    let n = signature.len();
    let (al, ah, bl, bh) = (&p.al[..n], &p.ah[..n], &p.bl[..n], &p.bh[..n]);
    for &h in shingle_hashes {
        let (hl, hh) = (h as u32, (h >> 32) as u32);
        for i in 0..n {
            let low = (u64::from(al[i]) * u64::from(hl) + u64::from(bl[i])) >> 32;
            let v = (low as u32)
                .wrapping_add(ah[i].wrapping_mul(hl))
                .wrapping_add(al[i].wrapping_mul(hh))
                .wrapping_add(bh[i]);
            signature[i] = signature[i].min(v);
        }
    }
}

/// Share of equal positions of two signatures: the MinHash estimate of their Jaccard
/// similarity. 0 when either is empty.
pub fn estimated_jaccard(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / a.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: usize, offset: usize) -> String {
        (offset..offset + n)
            .map(|i| format!("mot{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn normalisation_folds_case_punctuation_and_space() {
        assert_eq!(normalise("L’Iran,  a DIT : «oui»!\n"), "l iran a dit oui");
        // Decomposed and precomposed accents, non-ASCII capitals: the same key.
        assert_eq!(normalise("E\u{301}TE\u{301} À Zürich"), "été à zürich");
        assert_eq!(normalise("ÉTÉ à ZÜRICH"), "été à zürich");
        assert_eq!(
            fingerprint("Hello, World.", 5, 8, 100).content_hash,
            fingerprint("hello world", 5, 8, 100).content_hash
        );
    }

    #[test]
    fn estimate_tracks_true_jaccard() {
        // 200 shared shingle-windows vs 50 changed: true Jaccard of 5-shingles ≈ 0.6.
        let a = text(250, 0);
        let b = format!("{} {}", text(200, 0), text(50, 1000));
        let fa = fingerprint(&a, 5, 256, 10);
        let fb = fingerprint(&b, 5, 256, 10);
        let est = estimated_jaccard(&fa.signature, &fb.signature);
        let truth = 196.0 / (246.0 + 246.0 - 196.0);
        assert!((est - truth).abs() < 0.08, "estimate {est} vs {truth}");
        assert_eq!(estimated_jaccard(&fa.signature, &fa.signature), 1.0);
    }

    #[test]
    fn short_bodies_get_no_signature() {
        assert!(fingerprint("trop court", 5, 16, 30).signature.is_empty());
    }

    #[test]
    fn split_minhash_equals_the_64_bit_form() {
        let mut h = 0x1234_5678_9abc_def0u64;
        let hashes: Vec<u64> = (0..500)
            .map(|_| {
                h = mix(h);
                h
            })
            .chain([0, 1, u64::MAX, 1 << 32, (1 << 32) - 1])
            .collect();
        for num_hashes in [1, 7, 128, 200] {
            let mut expected = vec![u32::MAX; num_hashes];
            for &x in &hashes {
                for (m, (a, b)) in expected.iter_mut().zip(hash_params(num_hashes)) {
                    *m = (*m).min((a.wrapping_mul(x).wrapping_add(b) >> 32) as u32);
                }
            }
            assert_eq!(minhash(&hashes, num_hashes), expected);
            let mut portable = vec![u32::MAX; num_hashes];
            minhash_into(&Halves::new(num_hashes), &hashes, &mut portable);
            assert_eq!(portable, expected);
        }
    }
}
