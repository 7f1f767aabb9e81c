//! Opening an input file as one byte stream, decompressed when its name says so, with
//! the decompression bounded.
//!
//! A compressed stream may not grow past [`MAX_RATIO`] times the compressed bytes read so
//! far, once it has produced [`RATIO_FLOOR`] bytes: a gzip or zstd bomb (gigabytes of
//! zeros in a few megabytes) stops there with an error that [`inflation`] recognises, and
//! the readers turn it into one `too_large` reject that ends the file. So the decompressed
//! size of a file is at most `RATIO_FLOOR + MAX_RATIO × its compressed size`, and what a
//! reader keeps in memory is bounded by `input.max_bytes` on top (the readers' concern).
//! Multi-member gzip (one member per WARC record, concatenated files) is judged as one
//! stream. zstd frames keep the decoder's default window limit (2^27 bytes).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::files::{Compression, InputFile};

/// Decompressed bytes per compressed byte above which a stream is taken for a bomb.
/// News text compresses 3–10×, whole crawls of near-identical pages rarely past 50×;
/// gzip cannot exceed ~1,032× and does so only on runs of one byte.
pub const MAX_RATIO: u64 = 200;

/// Decompressed bytes a stream may produce before its ratio is judged (small, very
/// repetitive files are legitimate).
pub const RATIO_FLOOR: u64 = 16 * 1024 * 1024;

/// The error a bounded stream fails with once it outgrows [`MAX_RATIO`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inflation {
    /// Decompressed bytes produced when the bound tripped.
    pub produced: u64,
    /// Compressed bytes read by then.
    pub compressed: u64,
}

impl std::fmt::Display for Inflation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "decompression stopped at {} bytes from {} compressed bytes: over {}× its \
             compressed size, taken for a decompression bomb",
            self.produced, self.compressed, MAX_RATIO
        )
    }
}

impl std::error::Error for Inflation {}

/// The [`Inflation`] an I/O error carries, when it is the decompression bound tripping.
pub fn inflation(error: &std::io::Error) -> Option<Inflation> {
    error.get_ref()?.downcast_ref::<Inflation>().copied()
}

/// Opens `file` as a buffered stream of its decompressed bytes (see the module docs).
pub fn open(file: &InputFile) -> std::io::Result<Box<dyn BufRead + Send>> {
    let raw = File::open(&file.path)?;
    if file.compression == Compression::None {
        return Ok(Box::new(BufReader::new(raw)));
    }
    let read = Arc::new(AtomicU64::new(0));
    let counted = Counted {
        inner: raw,
        read: Arc::clone(&read),
    };
    let decoder: Box<dyn Read + Send> = match file.compression {
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(counted))),
        _ => Box::new(zstd::stream::read::Decoder::new(counted)?),
    };
    Ok(Box::new(BufReader::new(Bounded::new(decoder, read))))
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A decompressor's output, failing with [`Inflation`] once it outgrows its input.
pub(crate) struct Bounded<R> {
    inner: R,
    compressed: Arc<AtomicU64>,
    produced: u64,
    tripped: Option<Inflation>,
}

impl<R: Read> Bounded<R> {
    /// Bounds `inner`, whose compressed bytes read so far are counted in `compressed`.
    pub(crate) fn new(inner: R, compressed: Arc<AtomicU64>) -> Self {
        Bounded {
            inner,
            compressed,
            produced: 0,
            tripped: None,
        }
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if let Some(inflation) = self.tripped {
            return Err(std::io::Error::other(inflation));
        }
        let n = self.inner.read(buf)?;
        self.produced += n as u64;
        let compressed = self.compressed.load(Ordering::Relaxed);
        if self.produced > RATIO_FLOOR && self.produced > compressed.saturating_mul(MAX_RATIO) {
            let inflation = Inflation {
                produced: self.produced,
                compressed,
            };
            self.tripped = Some(inflation);
            return Err(std::io::Error::other(inflation));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` bytes of zeros as concatenated gzip members of 1 MiB each.
    fn zeros_gz(n: usize) -> Vec<u8> {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![0u8; 1 << 20]).unwrap();
        gz.finish().unwrap().repeat(n >> 20)
    }

    fn bounded_gz(bytes: Vec<u8>) -> Bounded<flate2::read::MultiGzDecoder<Counted<&'static [u8]>>> {
        let bytes: &'static [u8] = bytes.leak();
        let read = Arc::new(AtomicU64::new(0));
        let counted = Counted {
            inner: bytes,
            read: Arc::clone(&read),
        };
        Bounded::new(flate2::read::MultiGzDecoder::new(counted), read)
    }

    #[test]
    fn a_bomb_stops_just_past_the_floor_with_an_inflation_error() {
        let mut stream = bounded_gz(zeros_gz(64 << 20));
        let err = std::io::copy(&mut stream, &mut std::io::sink()).unwrap_err();
        let inflation = inflation(&err).expect("the bound tripped");
        assert!(inflation.produced > RATIO_FLOOR);
        assert!(
            inflation.produced < RATIO_FLOOR + (1 << 20),
            "{inflation:?}"
        );
        // It stays tripped.
        assert!(inflation_of(stream.read(&mut [0; 16])).is_some());
    }

    fn inflation_of(r: std::io::Result<usize>) -> Option<Inflation> {
        inflation(&r.err()?)
    }

    #[test]
    fn compressible_text_under_the_ratio_passes_whole() {
        use std::io::Write;
        // Text with some variety: a few times compressible, far under the ratio.
        let text: String = (0..500_000u32)
            .map(|i| {
                format!(
                    "{{\"id\":{i},\"text\":\"ligne {}\"}}\n",
                    i.wrapping_mul(2_654_435_761)
                )
            })
            .collect();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(text.as_bytes()).unwrap();
        let mut stream = bounded_gz(gz.finish().unwrap());
        let mut out = Vec::new();
        stream.read_to_end(&mut out).unwrap();
        assert!(out.len() as u64 > RATIO_FLOOR);
        assert_eq!(out, text.as_bytes());
    }
}
