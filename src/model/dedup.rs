//! What the dedup stage keeps of a document, and what the output layer persists of it
//! across batches (the `_dedup` state table): small keys, independent of the body's size.

use chrono::NaiveDate;

/// A document's dedup keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// SHA-256 (first 128 bits) of the normalised body: the exact-duplicate key. Kept
    /// as bytes (16 B a document in memory); [`Fingerprint::content_hash_hex`] spells it.
    pub content_hash: [u8; 16],
    /// MinHash signature; empty when the body is too short to be near-matched.
    pub signature: Vec<u32>,
}

impl Fingerprint {
    /// The content hash as 32 lower-case hex digits (the `documents.content_hash` value).
    pub fn content_hash_hex(&self) -> String {
        crate::text::hex(&self.content_hash)
    }
}

/// What dedup needs to know of one document.
#[derive(Debug, Clone, PartialEq)]
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

/// The MinHash parameters a signature was made with; signatures made with other
/// parameters cannot be compared (their documents are then exact-matched only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignatureParams {
    /// Words per shingle.
    pub shingle_size: usize,
    /// MinHash values per signature.
    pub num_hashes: usize,
}
