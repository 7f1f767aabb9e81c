//! Dedup state across batches: the representatives (and unique documents) of every
//! committed batch, one file per batch, `<output>/_dedup/batch=<id>.bin`, so that a new
//! batch is deduplicated against all earlier ones and re-running a batch first forgets
//! its own contribution (its file is not loaded, then replaced).
//!
//! Format v1, little-endian: magic `GZDEDUP\0`, u32 version, u32 shingle_size,
//! u32 num_hashes, u64 record count; per record: u16 doc_id length + UTF-8 doc_id,
//! 16-byte content hash, i32 publication day (days from 0001-01-01, i32::MIN unknown),
//! u8 flags (1 agency, 2 has URL), u32 body chars, u16 signature length + u32 values;
//! then a u64 FNV-1a checksum of all preceding bytes. Files are written to a temporary
//! name and renamed into place only after the batch's tables are committed.

use std::path::{Path, PathBuf};

use std::io::Write;

use chrono::{Datelike, NaiveDate};

use super::fingerprint::{fnv1a, fnv1a_more};
use super::{DedupConfig, DedupEntry, Fingerprint};
use crate::error::{Error, Result};

/// Directory of the state files under the output directory.
pub const STATE_DIR: &str = "_dedup";
/// Version of the state file format written by this build.
pub const STATE_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"GZDEDUP\0";

/// The state file of `batch` under `output`.
pub fn state_path(output: &Path, batch: &str) -> PathBuf {
    output.join(STATE_DIR).join(format!("batch={batch}.bin"))
}

/// Serialises `entries` with the header of `settings`.
pub fn encode<'a>(
    entries: impl ExactSizeIterator<Item = &'a DedupEntry>,
    settings: &DedupConfig,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + entries.len() * (40 + 4 * settings.num_hashes));
    encode_to(&mut out, entries, settings).expect("writing to a Vec cannot fail");
    out
}

/// Serialises `entries` into `out` one record at a time (the file is never whole in
/// memory); returns the bytes written.
pub fn encode_to<'a>(
    out: &mut impl Write,
    entries: impl ExactSizeIterator<Item = &'a DedupEntry>,
    settings: &DedupConfig,
) -> std::io::Result<u64> {
    let (mut sum, mut written) = (fnv1a(&[]), 0u64);
    let mut emit = |b: &mut Vec<u8>| -> std::io::Result<()> {
        sum = fnv1a_more(sum, b);
        written += b.len() as u64;
        out.write_all(b)?;
        b.clear();
        Ok(())
    };
    let mut b = Vec::with_capacity(64 + 4 * settings.num_hashes);
    b.extend_from_slice(MAGIC);
    b.extend_from_slice(&STATE_VERSION.to_le_bytes());
    b.extend_from_slice(&(settings.shingle_size as u32).to_le_bytes());
    b.extend_from_slice(&(settings.num_hashes as u32).to_le_bytes());
    b.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    emit(&mut b)?;
    for e in entries {
        let id = e.doc_id.as_bytes();
        let id = &id[..id.len().min(u16::MAX as usize)];
        b.extend_from_slice(&(id.len() as u16).to_le_bytes());
        b.extend_from_slice(id);
        b.extend_from_slice(&e.fingerprint.content_hash);
        let day = e.published.map_or(i32::MIN, |d| d.num_days_from_ce());
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

/// Parses a state file. Signatures made with another shingle size or hash count cannot
/// be compared with this run's: they are dropped (those documents are then exact-matched
/// only). A bad magic, version, checksum or length is an error naming `path`.
pub fn decode(bytes: &[u8], path: &Path, settings: &DedupConfig) -> Result<Vec<DedupEntry>> {
    let bad = |message: String| Error::Data {
        path: path.display().to_string(),
        message,
    };
    if bytes.len() < 36 || &bytes[..8] != MAGIC {
        return Err(bad("not a gazette dedup state file".into()));
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    if fnv1a(body).to_le_bytes() != tail {
        return Err(bad("checksum mismatch (truncated or corrupt)".into()));
    }
    let mut c = Cursor(&body[8..]);
    let header = (c.u32(), c.u32(), c.u32(), c.u64());
    let (Some(version), Some(shingle), Some(hashes), Some(count)) = header else {
        return Err(bad("short header".into()));
    };
    if version != STATE_VERSION {
        return Err(bad(format!(
            "state format v{version}; this build reads v{STATE_VERSION} (delete {STATE_DIR}/ to start afresh)"
        )));
    }
    let compatible =
        shingle as usize == settings.shingle_size && hashes as usize == settings.num_hashes;
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
            let signature = if compatible {
                raw.chunks_exact(4)
                    .map(|v| u32::from_le_bytes([v[0], v[1], v[2], v[3]]))
                    .collect()
            } else {
                Vec::new()
            };
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
    if !compatible {
        tracing::warn!(path = %path.display(), "dedup state made with other shingle/hash settings: exact matching only");
    }
    Ok(out)
}

/// Representatives of earlier batches, loaded for one run.
#[derive(Debug, Default)]
pub struct PriorState {
    /// Entries of every other batch's state file, files in name order.
    pub entries: Vec<DedupEntry>,
}

/// Loads the state of every batch under `output` except `batch` itself.
pub fn load_prior(output: &Path, batch: &str, settings: &DedupConfig) -> Result<PriorState> {
    let dir = output.join(STATE_DIR);
    let own = state_path(output, batch);
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "bin") && *p != own)
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(source) => return Err(Error::Output { path: dir, source }),
    };
    files.sort();
    let mut prior = PriorState::default();
    for path in files {
        let bytes = std::fs::read(&path).map_err(|source| Error::Output {
            path: path.clone(),
            source,
        })?;
        prior.entries.extend(decode(&bytes, &path, settings)?);
    }
    Ok(prior)
}

/// A batch's state written under a temporary name, published by [`PendingState::publish`]
/// once the batch's tables are committed; dropped unpublished, it is removed.
#[derive(Debug)]
pub struct PendingState {
    tmp: PathBuf,
    target: PathBuf,
    /// Documents recorded.
    pub entries: usize,
    /// File size in bytes.
    pub bytes: u64,
}

impl PendingState {
    /// Writes `entries` for `batch` under a temporary name next to its final place.
    pub fn stage<'a>(
        output: &Path,
        batch: &str,
        entries: impl ExactSizeIterator<Item = &'a DedupEntry>,
        settings: &DedupConfig,
    ) -> Result<PendingState> {
        let target = state_path(output, batch);
        let dir = output.join(STATE_DIR);
        std::fs::create_dir_all(&dir).map_err(|source| Error::Output {
            path: dir.clone(),
            source,
        })?;
        let tmp = target.with_extension(format!("tmp.{}", std::process::id()));
        let n = entries.len();
        let io_err = |source| Error::Output {
            path: tmp.clone(),
            source,
        };
        let file = std::fs::File::create(&tmp).map_err(io_err)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        let bytes = encode_to(&mut out, entries, settings).map_err(io_err)?;
        out.flush().map_err(io_err)?;
        Ok(PendingState {
            tmp,
            target,
            entries: n,
            bytes,
        })
    }

    /// Renames the file into place, replacing the batch's previous state.
    pub fn publish(self) -> Result<()> {
        std::fs::rename(&self.tmp, &self.target).map_err(|source| Error::Output {
            path: self.target.clone(),
            source,
        })
    }
}

impl Drop for PendingState {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}
