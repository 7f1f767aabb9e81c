//! The model file: what a trained tagger is on disk.
//!
//! Layout (little-endian): the magic `GZNERTG\n`; the format version (u32); the length
//! (u32) and text of the header, `key=value` lines: `lang`, `data` (the training files and
//! their weights), `hyper` (hyper-parameters), `feature_set` (the templates' version, see
//! [`super::features::FEATURE_SET_VERSION`]), `buckets`, `tags`; the weight scale (f32);
//! the transition scores (`TAGS + 1` rows of `TAGS` f32, the last row the sentence start);
//! the emission weights (`buckets × TAGS` i16, the averaged weights divided by the scale);
//! and the SHA-256 of everything before it. A truncated, corrupted or mismatched file is
//! refused with a message saying what is wrong, never read in part.

use sha2::{Digest, Sha256};

use super::decode::{TAGS, TAG_NAMES};
use super::features::FEATURE_SET_VERSION;

/// The first bytes of every model file.
pub const MAGIC: &[u8; 8] = b"GZNERTG\n";
/// The layout version this code reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A trained tagger's weights and what they were trained on.
#[derive(Debug, Clone, PartialEq)]
pub struct NerModel {
    /// Language of the documents it tags (`it`, `de`, …).
    pub lang: String,
    /// The training data: files, their weights, the held-out rule.
    pub data: String,
    /// Hyper-parameters (epochs, seed, …).
    pub hyper: String,
    /// Size of the hashed feature table.
    pub buckets: u32,
    /// Multiply a stored weight by this to get its score.
    pub scale: f32,
    /// Transition scores, `[prev][tag]`; row `TAGS` is the sentence start.
    pub transitions: [[f32; TAGS]; TAGS + 1],
    /// Emission weights, `buckets × TAGS`, bucket-major.
    pub weights: Vec<i16>,
}

impl NerModel {
    /// A model from averaged float weights (`buckets × TAGS`), quantised to i16.
    pub fn quantised(
        lang: &str,
        data: &str,
        hyper: &str,
        buckets: u32,
        weights: &[f32],
        transitions: [[f32; TAGS]; TAGS + 1],
    ) -> Self {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let weights = weights
            .iter()
            .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        NerModel {
            lang: lang.to_string(),
            data: data.replace('\n', " "),
            hyper: hyper.replace('\n', " "),
            buckets,
            scale,
            transitions,
            weights,
        }
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let header = format!(
            "lang={}\ndata={}\nhyper={}\nfeature_set={}\nbuckets={}\ntags={}\n",
            self.lang,
            self.data,
            self.hyper,
            FEATURE_SET_VERSION,
            self.buckets,
            TAG_NAMES.join(" ")
        );
        let mut out = Vec::with_capacity(self.weights.len() * 2 + header.len() + 300);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.transitions {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let sum = Sha256::digest(&out);
        out.extend_from_slice(&sum);
        out
    }

    /// Reads a model file's bytes; the error says what is wrong with them.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err("not a gazette entity model (wrong magic bytes)".into());
        }
        if bytes.len() < MAGIC.len() + 8 + 32 {
            return Err(format!("truncated: {} bytes", bytes.len()));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 32);
        let mut r = Reader {
            bytes: body,
            pos: MAGIC.len(),
        };
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(format!(
                "format version {version}, this gazette reads version {FORMAT_VERSION}"
            ));
        }
        let hlen = r.u32()? as usize;
        let header = std::str::from_utf8(r.take(hlen)?)
            .map_err(|_| "header is not UTF-8 (truncated or corrupted)".to_string())?;
        let get = |key: &str| {
            header
                .lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
                .ok_or_else(|| format!("header has no `{key}`"))
        };
        let feature_set: u32 = get("feature_set")?.parse().map_err(|_| "bad feature_set")?;
        if feature_set != FEATURE_SET_VERSION {
            return Err(format!(
                "trained with feature set {feature_set}, this gazette computes feature set \
                 {FEATURE_SET_VERSION}: retrain it"
            ));
        }
        if get("tags")? != TAG_NAMES.join(" ") {
            return Err(format!("tags `{}` are not gazette's", get("tags")?));
        }
        let buckets: u32 = get("buckets")?.parse().map_err(|_| "bad buckets")?;
        let expected = r.pos + 4 + 4 * TAGS * (TAGS + 1) + 2 * TAGS * buckets as usize;
        if body.len() != expected {
            return Err(format!(
                "truncated or padded: {} bytes, the header announces {}",
                bytes.len(),
                expected + 32
            ));
        }
        if Sha256::digest(body).as_slice() != sum {
            return Err("checksum mismatch (corrupted file)".into());
        }
        let scale = r.f32()?;
        let mut transitions = [[0f32; TAGS]; TAGS + 1];
        for row in transitions.iter_mut() {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        let raw = r.take(2 * TAGS * buckets as usize)?;
        let weights = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Ok(NerModel {
            lang: get("lang")?.to_string(),
            data: get("data")?.to_string(),
            hyper: get("hyper")?.to_string(),
            buckets,
            scale,
            transitions,
            weights,
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("truncated at byte {}", self.bytes.len()))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> NerModel {
        let w: Vec<f32> = (0..16 * TAGS).map(|i| (i as f32 - 50.0) / 7.0).collect();
        NerModel::quantised("it", "x.tsv", "epochs=1", 16, &w, [[0.5; TAGS]; TAGS + 1])
    }

    #[test]
    fn round_trips_and_refuses_damage() {
        let m = small();
        let bytes = m.to_bytes();
        assert_eq!(NerModel::from_bytes(&bytes).unwrap(), m);
        let cut = NerModel::from_bytes(&bytes[..bytes.len() - 5]).unwrap_err();
        assert!(cut.contains("truncated"), "{cut}");
        let mut bad = bytes.clone();
        bad[bytes.len() - 40] ^= 1;
        assert!(NerModel::from_bytes(&bad).unwrap_err().contains("checksum"));
        assert!(NerModel::from_bytes(b"hello")
            .unwrap_err()
            .contains("magic"));
        let mut v2 = bytes;
        v2[8] = 9;
        assert!(NerModel::from_bytes(&v2).unwrap_err().contains("version"));
    }
}
