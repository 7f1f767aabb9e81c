//! The dedup state format of gazette before schema 1's `_dedup` table: one binary file
//! per batch, `<output>/_dedup/batch=<id>.bin`. Such files are read once and migrated to
//! the `_dedup` state table by the state reader beside this file; nothing writes them
//! any more.
//!
//! Format v1, little-endian: magic `GZDEDUP\0`, u32 version, u32 shingle_size,
//! u32 num_hashes, u64 record count; per record: u16 doc_id length + UTF-8 doc_id,
//! 16-byte content hash, i32 publication day (days from 0001-01-01, i32::MIN unknown),
//! u8 flags (1 agency, 2 has URL), u32 body chars, u16 signature length + u32 values;
//! then a u64 FNV-1a checksum of all preceding bytes.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{DedupEntry, Fingerprint, SignatureParams};

const MAGIC: &[u8; 8] = b"GZDEDUP\0";
const VERSION: u32 = 1;

/// FNV-1a over `bytes`, continuing from `h` (the v1 checksum).
fn fnv1a_more(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = tail;
        Some(head)
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

/// Parses a v1 state file: the parameters its signatures were made with, and its
/// entries (signatures as stored). A bad magic, version, checksum or length is an error
/// naming `path`.
pub fn decode(bytes: &[u8], path: &Path) -> Result<(SignatureParams, Vec<DedupEntry>)> {
    let bad = |message: String| Error::Data {
        path: path.display().to_string(),
        message,
    };
    if bytes.len() < 36 || &bytes[..8] != MAGIC {
        return Err(bad("not a gazette dedup state file".into()));
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    if fnv1a_more(FNV_OFFSET, body).to_le_bytes() != tail {
        return Err(bad("checksum mismatch (truncated or corrupt)".into()));
    }
    let mut c = Cursor(&body[8..]);
    let header = (c.u32(), c.u32(), c.u32(), c.u64());
    let (Some(version), Some(shingle), Some(hashes), Some(count)) = header else {
        return Err(bad("short header".into()));
    };
    if version != VERSION {
        return Err(bad(format!(
            "state format v{version}; this build migrates v{VERSION} (delete the file to start afresh)"
        )));
    }
    let params = SignatureParams {
        shingle_size: shingle as usize,
        num_hashes: hashes as usize,
    };
    let mut out = Vec::with_capacity(count.min(1 << 24) as usize);
    for _ in 0..count {
        let entry = (|| -> Option<DedupEntry> {
            let n = c.u16()? as usize;
            let doc_id = std::str::from_utf8(c.take(n)?).ok()?.to_string();
            let content_hash: [u8; 16] = c.take(16)?.try_into().ok()?;
            let day = c.u32()? as i32;
            let flags = c.take(1)?[0];
            let chars = c.u32()? as usize;
            let len = c.u16()? as usize;
            let raw = c.take(4 * len)?;
            let signature = raw
                .chunks_exact(4)
                .map(|v| u32::from_le_bytes([v[0], v[1], v[2], v[3]]))
                .collect();
            Some(DedupEntry {
                doc_id,
                fingerprint: Fingerprint {
                    content_hash,
                    signature,
                },
                published: (day != i32::MIN)
                    .then(|| NaiveDate::from_num_days_from_ce_opt(day))
                    .flatten(),
                agency: flags & 1 != 0,
                has_url: flags & 2 != 0,
                chars,
            })
        })()
        .ok_or_else(|| bad("record cut short".into()))?;
        out.push(entry);
    }
    if !c.0.is_empty() {
        return Err(bad("trailing bytes after the records".into()));
    }
    Ok((params, out))
}

/// Writes the v1 format, for the migration tests only.
#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// Serialises `entries` with the header of `settings`.
    fn encode<'a>(
        entries: impl ExactSizeIterator<Item = &'a DedupEntry>,
        params: SignatureParams,
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + entries.len() * (40 + 4 * params.num_hashes));
        encode_to(&mut out, entries, params).expect("writing to a Vec cannot fail");
        out
    }

    /// Serialises `entries` into `out` one record at a time (the file is never whole in
    /// memory); returns the bytes written.
    fn encode_to<'a>(
        out: &mut impl Write,
        entries: impl ExactSizeIterator<Item = &'a DedupEntry>,
        params: SignatureParams,
    ) -> std::io::Result<u64> {
        let (mut sum, mut written) = (FNV_OFFSET, 0u64);
        let mut emit = |b: &mut Vec<u8>| -> std::io::Result<()> {
            sum = fnv1a_more(sum, b);
            written += b.len() as u64;
            out.write_all(b)?;
            b.clear();
            Ok(())
        };
        let mut b = Vec::with_capacity(64 + 4 * params.num_hashes);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&VERSION.to_le_bytes());
        b.extend_from_slice(&(params.shingle_size as u32).to_le_bytes());
        b.extend_from_slice(&(params.num_hashes as u32).to_le_bytes());
        b.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        emit(&mut b)?;
        for e in entries {
            let id = e.doc_id.as_bytes();
            let id = &id[..id.len().min(u16::MAX as usize)];
            b.extend_from_slice(&(id.len() as u16).to_le_bytes());
            b.extend_from_slice(id);
            b.extend_from_slice(&e.fingerprint.content_hash);
            let day = e
                .published
                .map_or(i32::MIN, |d| chrono::Datelike::num_days_from_ce(&d));
            b.extend_from_slice(&day.to_le_bytes());
            b.push(u8::from(e.agency) | (u8::from(e.has_url) << 1));
            b.extend_from_slice(&(e.chars.min(u32::MAX as usize) as u32).to_le_bytes());
            let sig = &e.fingerprint.signature;
            b.extend_from_slice(&(sig.len() as u16).to_le_bytes());
            sig.iter()
                .for_each(|v| b.extend_from_slice(&v.to_le_bytes()));
            emit(&mut b)?;
        }
        emit(&mut b)?;
        out.write_all(&sum.to_le_bytes())?;
        Ok(written + 8)
    }

    /// The v1 bytes of `entries` made with `params`.
    pub(crate) fn v1_bytes(entries: &[DedupEntry], params: SignatureParams) -> Vec<u8> {
        encode(entries.iter(), params)
    }

    #[test]
    fn v1_files_decode_with_their_parameters_and_corruption_is_named() {
        let params = SignatureParams {
            shingle_size: 5,
            num_hashes: 2,
        };
        let e = DedupEntry {
            doc_id: "old".into(),
            fingerprint: Fingerprint {
                content_hash: [3; 16],
                signature: vec![10, 20],
            },
            published: NaiveDate::from_ymd_opt(2026, 5, 2),
            agency: false,
            has_url: true,
            chars: 250,
        };
        let bytes = v1_bytes(std::slice::from_ref(&e), params);
        let path = Path::new("batch=b.bin");
        assert_eq!(decode(&bytes, path).unwrap(), (params, vec![e]));
        let mut corrupt = bytes.clone();
        corrupt[40] ^= 1;
        let err = decode(&corrupt, path).unwrap_err().to_string();
        assert!(
            err.contains("checksum") && err.contains("batch=b.bin"),
            "{err}"
        );
    }
}
