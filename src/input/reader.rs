//! The record stream: every input source in order, each record as a [`RawRecord`] or a
//! [`Reject`]. Memory holds one record at a time, at most `input.max_bytes` of it: a
//! whole file or WARC block past the limit is dropped as it is read, a JSONL line past it
//! is consumed to its end without being kept (one `too_large` reject, then the next
//! line). A decompression bomb ([`super::decompress`]) is one `too_large` reject that
//! ends its file. A JSONL file may start with a UTF-8 byte order mark.

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};

use super::decode::decode_text;
use super::decompress::{inflation, open};
use super::files::{Compression, Format, InputFile, InputSource};
use super::jsonl::parse_line;
use super::lines::{read_line_bounded, LineRead};
use super::split::LineRange;
use super::warc::WarcRecords;
use super::InputItem;
use crate::model::{Payload, RawRecord, RecordMeta, Reject, RejectReason};

const STAGE: &str = "input";

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

fn reject(input: String, reason: RejectReason, detail: impl Into<String>) -> Reject {
    Reject {
        input,
        stage: STAGE,
        reason,
        detail: detail.into(),
    }
}

/// The reason and detail of a read that failed: `too_large` for a decompression bomb,
/// else `io`.
fn read_failure(e: &std::io::Error, file: &InputFile) -> (RejectReason, String) {
    if let Some(bomb) = inflation(e) {
        return (RejectReason::TooLarge, bomb.to_string());
    }
    let what = match file.compression {
        Compression::None => "read failed",
        Compression::Gzip => "gzip stream unreadable or truncated",
        Compression::Zstd => "zstd stream unreadable or truncated",
    };
    (RejectReason::Io, format!("{what}: {e}"))
}

fn too_large(max_bytes: u64) -> String {
    format!("larger than input.max_bytes = {max_bytes} bytes")
}

/// An open JSONL file: the file, its stream, the number of lines read.
struct JsonlFile {
    file: InputFile,
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
}

/// Iterates over every record of the given sources, in order.
pub struct RecordReader {
    sources: std::vec::IntoIter<InputSource>,
    max_bytes: u64,
    jsonl: Option<JsonlFile>,
    warc: Option<WarcRecords>,
    buf: Vec<u8>,
    /// The part of the sources this reader reads.
    part: Part,
}

/// Which part of its sources a [`RecordReader`] reads.
#[derive(Debug, Clone, Copy)]
enum Part {
    /// Everything.
    All,
    /// Shard `k` of `n` ([`RecordReader::shard`]).
    Shard(usize, usize),
    /// One run of lines of an uncompressed JSONL file ([`RecordReader::line_range`]).
    Lines(LineRange),
}

impl Part {
    /// Whether this part reads the sources that are not split: whole files, WARC files,
    /// compressed JSONL in a line range, unlisted directories.
    fn first(self) -> bool {
        match self {
            Part::All => true,
            Part::Shard(k, _) => k == 0,
            Part::Lines(r) => r.start == 0,
        }
    }
}

impl RecordReader {
    /// Reads `sources` in order; records larger than `max_bytes` become `too_large`
    /// rejects, directories that could not be listed `io` rejects.
    pub fn new(sources: Vec<InputSource>, max_bytes: u64) -> Self {
        RecordReader {
            sources: sources.into_iter(),
            max_bytes,
            jsonl: None,
            warc: None,
            buf: Vec::new(),
            part: Part::All,
        }
    }

    /// Reads only shard `k` of `n` (`k < n`) of the sources, so that `n` readers of the
    /// same sources together yield every record exactly once: of a JSONL file, the lines
    /// numbered `i` (from 1) with `(i − 1) mod n = k` (the other lines are read past, never
    /// decoded); every other source (whole files, WARC files, unlisted directories) only
    /// in shard 0. Locators are those of an unsharded read. For engines that split one
    /// big file between tasks (the Spark job). Each shard reads the whole file through,
    /// so for an uncompressed file prefer [`RecordReader::line_range`], which seeks.
    pub fn shard(mut self, k: usize, n: usize) -> Self {
        let n = n.max(1);
        self.part = Part::Shard(k % n, n);
        self
    }

    /// Reads only the lines of `range` (from [`super::line_ranges`]) of an uncompressed
    /// JSONL file: it seeks to `range.start` and stops at `range.end`, and numbers the
    /// locators from `range.first_line`, as an unsplit read does. Readers of every range
    /// of a file together yield each of its records once. Every other source (whole
    /// files, WARC, compressed JSONL, unlisted directories) is read only by the range
    /// that starts at byte 0.
    pub fn line_range(mut self, range: LineRange) -> Self {
        self.part = Part::Lines(range);
        self
    }

    fn whole_file(&self, file: InputFile) -> InputItem {
        let loc = file.locator.clone();
        let mut reader = open(&file)
            .map_err(|e| reject(loc.clone(), RejectReason::Io, format!("cannot open: {e}")))?;
        let mut bytes = Vec::new();
        (&mut reader)
            .take(self.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                let (reason, detail) = read_failure(&e, &file);
                reject(loc.clone(), reason, detail)
            })?;
        if bytes.len() as u64 > self.max_bytes {
            return Err(reject(
                loc,
                RejectReason::TooLarge,
                too_large(self.max_bytes),
            ));
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(reject(
                loc,
                RejectReason::Empty,
                if bytes.is_empty() {
                    "empty file"
                } else {
                    "only whitespace"
                },
            ));
        }
        let text = decode_text(&bytes).map_err(|e| reject(loc.clone(), e.reason, e.detail))?;
        let payload = match file.format {
            Format::Html => Payload::Html(text),
            _ => Payload::Text(text),
        };
        Ok(RawRecord {
            input: loc,
            payload,
            meta: RecordMeta::default(),
        })
    }

    /// Next record of the current JSONL file, or `None` at its end.
    fn next_line(&mut self) -> Option<InputItem> {
        let part = self.part;
        let JsonlFile {
            file,
            reader,
            line_no,
        } = self.jsonl.as_mut()?;
        let buf = &mut self.buf;
        loop {
            *line_no += 1;
            let read = read_line_bounded(reader, self.max_bytes + 1, buf);
            if matches!(part, Part::Shard(k, n) if n > 1 && (*line_no - 1) % n != k) {
                // Another shard's line: only an end of the file matters here.
                match read {
                    Ok(LineRead::Line) | Ok(LineRead::TooLong(Ok(()))) => continue,
                    // The end, or a failure that ends the file: the line's own shard
                    // reports the failure.
                    _ => {
                        self.jsonl = None;
                        return None;
                    }
                }
            }
            let loc = format!("{}#{}", file.locator, line_no);
            match read {
                Ok(LineRead::End) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(LineRead::TooLong(skipped)) => {
                    let mut detail = format!(
                        "line longer than input.max_bytes = {} bytes",
                        self.max_bytes
                    );
                    if let Err(e) = skipped {
                        let (_, failure) = read_failure(&e, file);
                        detail =
                            format!("{detail}; then {failure} (records after this point are lost)");
                        self.jsonl = None;
                    }
                    return Some(Err(reject(loc, RejectReason::TooLarge, detail)));
                }
                Ok(LineRead::Line) => {}
                Err(e) => {
                    let (reason, detail) = read_failure(&e, file);
                    self.jsonl = None;
                    return Some(Err(reject(
                        loc,
                        reason,
                        format!("{detail} (records after this point are lost)"),
                    )));
                }
            }
            let line = match *line_no {
                1 => buf.strip_prefix(BOM).unwrap_or(buf),
                _ => &buf[..],
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let text = match std::str::from_utf8(line) {
                Ok(t) => t,
                Err(e) => {
                    return Some(Err(reject(
                        loc,
                        RejectReason::Encoding,
                        format!("line is not UTF-8: {e}"),
                    )))
                }
            };
            return Some(
                parse_line(text.trim_end(), loc.clone())
                    .map_err(|d| reject(loc, RejectReason::Malformed, d)),
            );
        }
    }
}

impl Iterator for RecordReader {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if let Some(warc) = self.warc.as_mut() {
                if let Some(item) = warc.next_item() {
                    return Some(item);
                }
                self.warc = None;
                continue;
            }
            if self.jsonl.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let file = match self.sources.next()? {
                InputSource::File(file) => file,
                InputSource::Unlisted { .. } if !self.part.first() => continue,
                InputSource::Unlisted {
                    path,
                    locator,
                    error,
                } => {
                    return Some(Err(reject(
                        locator,
                        RejectReason::Io,
                        format!(
                            "cannot list directory {}: {error}; its files are not read",
                            path.display()
                        ),
                    )))
                }
            };
            let split = match self.part {
                Part::Shard(..) => file.format == Format::Jsonl,
                Part::Lines(_) => {
                    file.format == Format::Jsonl && file.compression == Compression::None
                }
                Part::All => false,
            };
            if !split && !self.part.first() {
                continue; // the first part reads it
            }
            if matches!(file.format, Format::Text | Format::Html) {
                return Some(self.whole_file(file));
            }
            let (opened, first_line) = match self.part {
                Part::Lines(range) if split => (open_range(&file, range), range.first_line),
                _ => (open(&file), 1),
            };
            let reader = match opened {
                Ok(reader) => reader,
                // A file split between readers that cannot be opened is one reject, the
                // first part's.
                Err(_) if !self.part.first() => continue,
                Err(e) => {
                    return Some(Err(reject(
                        file.locator,
                        RejectReason::Io,
                        format!("cannot open: {e}"),
                    )))
                }
            };
            if file.format == Format::Warc {
                self.warc = Some(WarcRecords::new(file.locator, reader, self.max_bytes));
            } else {
                self.jsonl = Some(JsonlFile {
                    file,
                    reader,
                    line_no: first_line.saturating_sub(1),
                });
            }
        }
    }
}

/// The bytes `range.start..range.end` of an uncompressed file, buffered.
fn open_range(file: &InputFile, range: LineRange) -> std::io::Result<Box<dyn BufRead + Send>> {
    let mut raw = std::fs::File::open(&file.path)?;
    raw.seek(SeekFrom::Start(range.start))?;
    Ok(Box::new(BufReader::new(
        raw.take(range.end.saturating_sub(range.start)),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::discover;
    use std::io::Write;

    fn items(dir: &std::path::Path, max: u64) -> Vec<InputItem> {
        let (files, _) = discover(&[dir.to_path_buf()]).unwrap();
        RecordReader::new(files, max).collect()
    }

    #[test]
    fn a_split_file_that_cannot_be_opened_is_one_reject() {
        let gone = InputSource::File(InputFile {
            path: std::path::PathBuf::from("/nonexistent/gazette/a.jsonl"),
            locator: "a.jsonl".into(),
            format: Format::Jsonl,
            compression: Compression::None,
        });
        let read = |r: RecordReader| r.collect::<Vec<_>>();
        let shards: Vec<InputItem> = (0..3)
            .flat_map(|k| read(RecordReader::new(vec![gone.clone()], 100).shard(k, 3)))
            .collect();
        let runs: Vec<InputItem> = [(0, 10, 1), (10, 20, 4)]
            .into_iter()
            .flat_map(|(start, end, first_line)| {
                let range = LineRange {
                    start,
                    end,
                    first_line,
                };
                read(RecordReader::new(vec![gone.clone()], 100).line_range(range))
            })
            .collect();
        for items in [shards, runs] {
            assert_eq!(items.len(), 1, "{items:?}");
            assert!(matches!(&items[0], Err(r) if r.reason == RejectReason::Io));
        }
    }

    #[test]
    fn shards_together_read_every_record_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut lines = String::new();
        for i in 0..23 {
            match i % 5 {
                0 => lines.push_str("not json\n"),
                1 => lines.push('\n'),
                _ => lines.push_str(&format!("{{\"text\": \"article {i}\"}}\n")),
            }
        }
        std::fs::write(dir.path().join("a.jsonl"), lines).unwrap();
        std::fs::write(dir.path().join("b.txt"), "a whole file").unwrap();
        let locators = |items: Vec<InputItem>| -> Vec<String> {
            items
                .into_iter()
                .map(|i| match i {
                    Ok(r) => r.input,
                    Err(r) => format!("reject {}", r.input),
                })
                .collect()
        };
        let (files, _) = discover(&[dir.path().to_path_buf()]).unwrap();
        let mut all = locators(RecordReader::new(files.clone(), 1 << 20).collect());
        for n in [1, 2, 3, 7] {
            let mut union: Vec<String> = (0..n)
                .flat_map(|k| {
                    locators(
                        RecordReader::new(files.clone(), 1 << 20)
                            .shard(k, n)
                            .collect(),
                    )
                })
                .collect();
            union.sort();
            all.sort();
            assert_eq!(union, all, "{n} shards");
        }
    }

    #[test]
    fn line_ranges_together_read_every_record_once_as_an_unsplit_read_does() {
        let dir = tempfile::tempdir().unwrap();
        // A byte order mark, blank lines, a bad line, a line past max_bytes, no final \n.
        let mut lines = String::from("\u{feff}");
        for i in 0..23 {
            match i % 6 {
                0 => lines.push_str("not json\n"),
                1 => lines.push('\n'),
                2 => lines.push_str(&format!("{{\"text\": \"{}\"}}\n", "long ".repeat(30))),
                _ => lines.push_str(&format!("{{\"text\": \"article {i}\"}}\n")),
            }
        }
        lines.push_str("{\"text\": \"the last article\"}");
        std::fs::write(dir.path().join("a.jsonl"), &lines).unwrap();
        std::fs::write(dir.path().join("b.txt"), "a whole file").unwrap();
        let (files, _) = discover(&[dir.path().to_path_buf()]).unwrap();
        let shown = |items: Vec<InputItem>| -> Vec<String> {
            items.into_iter().map(|i| format!("{i:?}")).collect()
        };
        let all = shown(RecordReader::new(files.clone(), 100).collect());
        assert!(all.iter().any(|i| i.contains("TooLarge")), "{all:?}");
        let jsonl = dir.path().join("a.jsonl");
        for target in [1, 40, 100, 1 << 20] {
            let ranges = crate::input::line_ranges(&jsonl, target).unwrap();
            let union: Vec<String> = ranges
                .iter()
                .flat_map(|&r| {
                    shown(
                        RecordReader::new(files.clone(), 100)
                            .line_range(r)
                            .collect(),
                    )
                })
                .collect();
            // The ranges in order give the JSONL records in file order, equal to an unsplit
            // read's (locators, rejects, BOM and all); the whole file comes once.
            let jsonl_only = |v: &[String]| -> Vec<String> {
                v.iter().filter(|i| !i.contains("b.txt")).cloned().collect()
            };
            assert_eq!(
                jsonl_only(&union),
                jsonl_only(&all),
                "target {target}: {} ranges",
                ranges.len()
            );
            assert_eq!(union.iter().filter(|i| i.contains("b.txt")).count(), 1);
        }
    }

    #[test]
    fn every_record_is_read_or_rejected() {
        let dir = std::env::temp_dir().join(format!("gazette-reader-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "Un article.").unwrap();
        std::fs::write(dir.join("b.txt"), "").unwrap();
        std::fs::write(
            dir.join("c.jsonl"),
            "{\"text\":\"un\"}\n\nnot json\n{\"text\":\"deux\"}\n",
        )
        .unwrap();
        std::fs::write(dir.join("d.txt"), "x".repeat(50)).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all("{\"text\":\"trois\"}\n".repeat(200).as_bytes())
            .unwrap();
        let bytes = gz.finish().unwrap();
        std::fs::write(dir.join("e.jsonl.gz"), &bytes[..bytes.len() / 2]).unwrap();
        std::os::unix::fs::symlink("nowhere.txt", dir.join("f.txt")).unwrap();
        let got = items(&dir, 40);
        let summary: Vec<String> = got
            .iter()
            .map(|i| match i {
                Ok(r) => format!("ok {}", r.input),
                Err(r) => format!("{} {}", r.reason.as_str(), r.input),
            })
            .collect();
        assert_eq!(
            &summary[..6],
            [
                "ok a.txt",
                "empty b.txt",
                "ok c.jsonl#1",
                "malformed c.jsonl#3",
                "ok c.jsonl#4",
                "too_large d.txt"
            ]
        );
        let last_two = &summary[summary.len() - 2..];
        assert!(last_two[0].starts_with("io e.jsonl.gz#"), "{last_two:?}");
        assert_eq!(last_two[1], "io f.txt");
        assert!(
            summary
                .iter()
                .filter(|s| s.starts_with("ok e.jsonl.gz"))
                .count()
                > 10
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn summary(dir: &std::path::Path, max: u64) -> Vec<String> {
        items(dir, max)
            .iter()
            .map(|i| match i {
                Ok(r) => format!("ok {}", r.input),
                Err(r) => format!("{} {}", r.reason.as_str(), r.input),
            })
            .collect()
    }

    fn tempdir(tag: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("gazette-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_jsonl_file_may_start_with_a_byte_order_mark() {
        let dir = tempdir("bom");
        std::fs::write(
            dir.join("a.jsonl"),
            "\u{feff}{\"text\":\"un\"}\n{\"text\":\"deux\"}\n",
        )
        .unwrap();
        // Only at the start of the file.
        std::fs::write(
            dir.join("b.jsonl"),
            "{\"text\":\"un\"}\n\u{feff}{\"text\":\"deux\"}\n",
        )
        .unwrap();
        assert_eq!(
            summary(&dir, 1 << 20),
            [
                "ok a.jsonl#1",
                "ok a.jsonl#2",
                "ok b.jsonl#1",
                "malformed b.jsonl#2"
            ]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_over_long_compressed_line_is_one_reject_and_reading_goes_on() {
        let dir = tempdir("longline");
        let long: String = (0..20_000u32)
            .map(|i| format!("{:08x}", i.wrapping_mul(2_654_435_761)))
            .collect();
        let text =
            format!("{{\"text\":\"un\"}}\n{{\"text\":\"{long}\"}}\n{{\"text\":\"trois\"}}\n");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(text.as_bytes()).unwrap();
        std::fs::write(dir.join("a.jsonl.gz"), gz.finish().unwrap()).unwrap();
        let mut zst = Vec::new();
        zstd::stream::copy_encode(text.as_bytes(), &mut zst, 1).unwrap();
        std::fs::write(dir.join("b.jsonl.zst"), zst).unwrap();
        assert_eq!(
            summary(&dir, 1000),
            [
                "ok a.jsonl.gz#1",
                "too_large a.jsonl.gz#2",
                "ok a.jsonl.gz#3",
                "ok b.jsonl.zst#1",
                "too_large b.jsonl.zst#2",
                "ok b.jsonl.zst#3"
            ]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
