//! The record stream: every input file in order, each record as a [`RawRecord`] or a
//! [`Reject`]. JSONL files are read line by line, so memory holds one record at a time.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};

use super::decode::decode_text;
use super::files::{Compression, Format, InputFile};
use super::jsonl::parse_line;
use super::warc::WarcRecords;
use super::InputItem;
use crate::model::{Payload, RawRecord, RecordMeta, Reject, RejectReason};

const STAGE: &str = "input";

fn reject(input: String, reason: RejectReason, detail: impl Into<String>) -> Reject {
    Reject {
        input,
        stage: STAGE,
        reason,
        detail: detail.into(),
    }
}

fn open(file: &InputFile) -> std::io::Result<Box<dyn BufRead + Send>> {
    let raw = File::open(&file.path)?;
    Ok(match file.compression {
        Compression::None => Box::new(BufReader::new(raw)),
        Compression::Gzip => Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            BufReader::new(raw),
        ))),
        Compression::Zstd => Box::new(BufReader::new(zstd::stream::read::Decoder::new(raw)?)),
    })
}

fn io_detail(e: &std::io::Error, file: &InputFile) -> String {
    let what = match file.compression {
        Compression::None => "read failed",
        Compression::Gzip => "gzip stream unreadable or truncated",
        Compression::Zstd => "zstd stream unreadable or truncated",
    };
    format!("{what}: {e}")
}

/// Iterates over every record of the given files, in order.
pub struct RecordReader {
    files: std::vec::IntoIter<InputFile>,
    max_bytes: u64,
    current: Option<(InputFile, Box<dyn BufRead + Send>, usize)>,
    warc: Option<WarcRecords>,
}

impl RecordReader {
    /// Reads `files` in order; records larger than `max_bytes` become `too_large` rejects.
    pub fn new(files: Vec<InputFile>, max_bytes: u64) -> Self {
        RecordReader {
            files: files.into_iter(),
            max_bytes,
            current: None,
            warc: None,
        }
    }

    fn whole_file(&self, file: InputFile) -> InputItem {
        let loc = file.locator.clone();
        let mut reader = open(&file)
            .map_err(|e| reject(loc.clone(), RejectReason::Io, format!("cannot open: {e}")))?;
        let mut bytes = Vec::new();
        (&mut reader)
            .take(self.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| reject(loc.clone(), RejectReason::Io, io_detail(&e, &file)))?;
        if bytes.len() as u64 > self.max_bytes {
            return Err(reject(
                loc,
                RejectReason::TooLarge,
                format!("larger than input.max_bytes = {} bytes", self.max_bytes),
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
        let (file, reader, line_no) = self.current.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            *line_no += 1;
            let loc = format!("{}#{}", file.locator, line_no);
            let limit = self.max_bytes + 1;
            match reader.take(limit).read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) if buf.len() as u64 >= limit && buf.last() != Some(&b'\n') => {
                    // Skip the rest of the over-long line.
                    let mut sink = Vec::new();
                    let _ = reader.read_until(b'\n', &mut sink);
                    return Some(Err(reject(
                        loc,
                        RejectReason::TooLarge,
                        format!(
                            "line longer than input.max_bytes = {} bytes",
                            self.max_bytes
                        ),
                    )));
                }
                Ok(_) => {}
                Err(e) => {
                    let detail = io_detail(&e, file);
                    self.current = None;
                    return Some(Err(reject(
                        loc,
                        RejectReason::Io,
                        format!("{detail} (records after this point are lost)"),
                    )));
                }
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let text = match std::str::from_utf8(&buf) {
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
            if self.current.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            let file = self.files.next()?;
            match file.format {
                Format::Text | Format::Html => return Some(self.whole_file(file)),
                Format::Warc => match open(&file) {
                    Ok(reader) => {
                        self.warc = Some(WarcRecords::new(file.locator, reader, self.max_bytes))
                    }
                    Err(e) => {
                        return Some(Err(reject(
                            file.locator,
                            RejectReason::Io,
                            format!("cannot open: {e}"),
                        )))
                    }
                },
                Format::Jsonl => match open(&file) {
                    Ok(reader) => self.current = Some((file, reader, 0)),
                    Err(e) => {
                        return Some(Err(reject(
                            file.locator,
                            RejectReason::Io,
                            format!("cannot open: {e}"),
                        )))
                    }
                },
            }
        }
    }
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
}
