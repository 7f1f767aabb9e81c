//! WARC files (`*.warc`, `*.warc.gz`, CC-NEWS style), read record by record: each
//! `response` record with a 200 status and an HTML payload becomes a [`RawRecord`] with
//! `Payload::Html`, `WARC-Target-URI` → `meta.url`, `WARC-Date` → `meta.crawled`; other
//! responses (non-200, non-HTML) become `unsupported` rejects. `warcinfo`, `request` and
//! `metadata` records describe the crawl, not articles, and are skipped.

use std::io::{BufRead, Read};

use super::decode::decode_text;
use super::decompress::inflation;
use super::lines::{read_line_bounded, LineRead};
use super::InputItem;
use crate::model::{Payload, RawRecord, RecordMeta, Reject, RejectReason};

/// Longest WARC header line read; a longer one makes the file malformed.
const MAX_HEADER_LINE: u64 = 64 * 1024;

/// Most header bytes of one record; more make the file malformed.
const MAX_HEADER_BYTES: usize = 1024 * 1024;

/// Why a WARC file cannot be read on: the reason and detail of the reject that ends it.
type Failure = (RejectReason, String);

/// One open WARC file: its locator, its byte stream, and the number of records read.
pub(crate) struct WarcRecords {
    locator: String,
    reader: Box<dyn BufRead + Send>,
    count: usize,
    max_bytes: u64,
}

impl WarcRecords {
    /// Reads records of `reader`; blocks larger than `max_bytes` become `too_large`.
    pub(crate) fn new(locator: String, reader: Box<dyn BufRead + Send>, max_bytes: u64) -> Self {
        WarcRecords {
            locator,
            reader,
            count: 0,
            max_bytes,
        }
    }

    /// The next response record as a record or a reject; `None` at the end of the file.
    /// A malformed or truncated file ends with one `malformed` / `io` reject, a
    /// decompression bomb with one `too_large` reject. A block larger than `max_bytes` is
    /// dropped as it is read (a `too_large` reject when it is a response), and reading
    /// goes on with the next record.
    pub(crate) fn next_item(&mut self) -> Option<InputItem> {
        loop {
            self.count += 1;
            let loc = format!("{}#{}", self.locator, self.count);
            let reject = |reason, detail: String| {
                Some(Err(Reject {
                    input: loc.clone(),
                    stage: "input",
                    reason,
                    detail,
                }))
            };
            let headers = match self.headers() {
                Ok(Some(h)) => h,
                Ok(None) => return None,
                Err((reason, detail)) => {
                    self.end();
                    return reject(reason, detail);
                }
            };
            let get = |k: &str| {
                headers
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(k))
                    .map(|(_, v)| v.as_str())
            };
            let Some(length) = get("Content-Length").and_then(|v| v.parse::<u64>().ok()) else {
                self.end();
                return reject(
                    RejectReason::Malformed,
                    "WARC record without Content-Length".into(),
                );
            };
            let kind = get("WARC-Type").unwrap_or("").to_ascii_lowercase();
            let wanted = kind == "response" || kind == "resource";
            let mut block = Vec::new();
            let read = if length > self.max_bytes {
                std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink())
            } else {
                (&mut self.reader)
                    .take(length)
                    .read_to_end(&mut block)
                    .map(|n| n as u64)
            };
            match read {
                Ok(n) if n == length => {}
                Ok(_) => {
                    self.end();
                    return reject(RejectReason::Io, "WARC record truncated".into());
                }
                Err(e) => {
                    self.end();
                    return match inflation(&e) {
                        Some(bomb) => reject(RejectReason::TooLarge, bomb.to_string()),
                        None => reject(RejectReason::Io, format!("WARC record truncated: {e}")),
                    };
                }
            }
            if !wanted {
                self.count -= 1;
                continue;
            }
            if length > self.max_bytes {
                return reject(
                    RejectReason::TooLarge,
                    format!("larger than input.max_bytes = {} bytes", self.max_bytes),
                );
            }
            let meta = RecordMeta {
                url: get("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string()),
                crawled: get("WARC-Date").and_then(super::jsonl::parse_iso_date),
                ..RecordMeta::default()
            };
            let payload = if kind == "response" {
                match http_payload(&block) {
                    Ok(p) => p,
                    Err(detail) => return reject(RejectReason::Unsupported, detail),
                }
            } else {
                &block[..]
            };
            return Some(match decode_text(payload) {
                Ok(text) => Ok(RawRecord {
                    input: loc,
                    payload: Payload::Html(text),
                    meta,
                }),
                Err(e) => Err(Reject {
                    input: loc,
                    stage: "input",
                    reason: e.reason,
                    detail: e.detail,
                }),
            });
        }
    }

    /// Stops reading the file: the next call finds its end.
    fn end(&mut self) {
        self.reader = Box::new(std::io::empty());
    }

    /// The next line of the stream, bounded by [`MAX_HEADER_LINE`]; `None` at its end.
    fn header_line(&mut self, buf: &mut Vec<u8>) -> Result<Option<String>, Failure> {
        match read_line_bounded(&mut self.reader, MAX_HEADER_LINE, buf) {
            Ok(LineRead::End) => Ok(None),
            Ok(LineRead::Line) => Ok(Some(String::from_utf8_lossy(buf).into_owned())),
            Ok(LineRead::TooLong(_)) => Err((
                RejectReason::Malformed,
                format!("WARC header line longer than {MAX_HEADER_LINE} bytes"),
            )),
            Err(e) => Err(match inflation(&e) {
                Some(bomb) => (RejectReason::TooLarge, bomb.to_string()),
                None => (
                    RejectReason::Malformed,
                    format!("WARC stream unreadable: {e}"),
                ),
            }),
        }
    }

    /// The header lines of the next record (`None` at a clean end of file).
    fn headers(&mut self) -> Result<Option<Vec<(String, String)>>, Failure> {
        let mut buf = Vec::new();
        let line = loop {
            match self.header_line(&mut buf)? {
                None => return Ok(None),
                Some(line) if line.trim().is_empty() => continue,
                Some(line) => break line,
            }
        };
        if !line.starts_with("WARC/") {
            return Err((
                RejectReason::Malformed,
                format!("expected a WARC version line, found {:?}", line.trim()),
            ));
        }
        let mut headers = Vec::new();
        let mut size = line.len();
        loop {
            let Some(line) = self.header_line(&mut buf)? else {
                return Err((RejectReason::Malformed, "WARC headers cut short".into()));
            };
            if line.trim().is_empty() {
                return Ok(Some(headers));
            }
            size += line.len();
            if size > MAX_HEADER_BYTES {
                return Err((
                    RejectReason::Malformed,
                    format!("WARC headers longer than {MAX_HEADER_BYTES} bytes"),
                ));
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
    }
}

/// The body of an HTTP response block when its status is 200 and its content type is
/// HTML (or not given); else why it is not an article.
fn http_payload(block: &[u8]) -> Result<&[u8], String> {
    let end = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("HTTP response without a header/body separator")?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code = status.split_whitespace().nth(1).unwrap_or("");
    if code != "200" {
        return Err(format!("HTTP status {code:?}, not 200: not an article"));
    }
    let content_type = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.trim().to_ascii_lowercase());
    match content_type {
        Some(t) if !t.contains("html") => Err(format!("content type {t:?} is not HTML")),
        _ => Ok(&block[end.1..]),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, uri: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn response(status: &str, content_type: &str, body: &str) -> String {
        format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n{body}")
    }

    /// A small CC-NEWS-like `.warc.gz`: one gzip member per record, as crawlers write.
    fn warc_gz() -> Vec<u8> {
        let page = "<html><head><title>Sciopero</title></head><body><p>Testo dell’articolo, con accenti: è così.</p></body></html>";
        let records = [
            record("warcinfo", "", "software: test\r\n"),
            record(
                "request",
                "https://news.example/a",
                "GET /a HTTP/1.1\r\n\r\n",
            ),
            record(
                "response",
                "https://news.example/a",
                &response("200 OK", "text/html; charset=utf-8", page),
            ),
            record(
                "response",
                "https://news.example/gone",
                &response("404 Not Found", "text/html", "<p>missing</p>"),
            ),
            record(
                "response",
                "https://news.example/logo.png",
                &response("200 OK", "image/png", "PNG"),
            ),
        ];
        let mut out = Vec::new();
        for r in records {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(r.as_bytes()).expect("gzip");
            out.extend(gz.finish().expect("gzip"));
        }
        out
    }

    #[test]
    fn responses_become_records_or_unsupported_rejects() {
        let bytes = warc_gz();
        let reader = flate2::read::MultiGzDecoder::new(std::io::Cursor::new(bytes));
        let mut records = WarcRecords::new(
            "cc.warc.gz".into(),
            Box::new(std::io::BufReader::new(reader)),
            1 << 20,
        );
        let items: Vec<InputItem> = std::iter::from_fn(|| records.next_item()).collect();
        assert_eq!(items.len(), 3);
        let Ok(first) = &items[0] else {
            panic!("{:?}", items[0]);
        };
        assert_eq!(first.input, "cc.warc.gz#1");
        assert_eq!(first.meta.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(
            first.meta.crawled.map(|d| d.to_string()).as_deref(),
            Some("2024-05-06")
        );
        assert!(matches!(&first.payload, Payload::Html(h) if h.contains("è così")));
        for (item, what) in items[1..].iter().zip(["404", "image/png"]) {
            let Err(r) = item else { panic!("{item:?}") };
            assert_eq!(r.reason, RejectReason::Unsupported);
            assert!(r.detail.contains(what), "{}", r.detail);
        }
    }

    #[test]
    fn a_file_that_is_not_warc_is_one_malformed_reject() {
        let reader = std::io::Cursor::new(b"hello\nworld\n".to_vec());
        let mut records = WarcRecords::new("x.warc".into(), Box::new(reader), 1 << 20);
        let items: Vec<InputItem> = std::iter::from_fn(|| records.next_item()).collect();
        assert_eq!(items.len(), 1);
        assert!(matches!(&items[0], Err(r) if r.reason == RejectReason::Malformed));
    }

    fn read_all(bytes: Vec<u8>, max_bytes: u64) -> Vec<String> {
        let mut records = WarcRecords::new(
            "x.warc".into(),
            Box::new(std::io::Cursor::new(bytes)),
            max_bytes,
        );
        std::iter::from_fn(|| records.next_item())
            .map(|i| match i {
                Ok(r) => format!("ok {}", r.input),
                Err(r) => format!("{} {} {}", r.reason.as_str(), r.input, r.detail),
            })
            .collect()
    }

    #[test]
    fn a_block_over_max_bytes_is_dropped_and_reading_goes_on() {
        let page = |n: usize| response("200 OK", "text/html", &format!("<p>{}</p>", "x".repeat(n)));
        let records = [
            record("response", "https://a", &page(10)),
            record("metadata", "https://a", &"m".repeat(5000)),
            record("response", "https://b", &page(5000)),
            record("response", "https://c", &page(10)),
        ];
        let items = read_all(records.concat().into_bytes(), 1000);
        assert_eq!(items.len(), 3, "{items:?}");
        assert_eq!(items[0], "ok x.warc#1");
        assert!(items[1].starts_with("too_large x.warc#2 "), "{items:?}");
        assert_eq!(items[2], "ok x.warc#3");
    }

    #[test]
    fn an_endless_header_line_is_one_malformed_reject() {
        let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: ".to_vec();
        bytes.resize(bytes.len() + (8 << 20), b'a');
        let items = read_all(bytes, 1 << 20);
        assert_eq!(items.len(), 1, "{items:?}");
        assert!(
            items[0].starts_with("malformed x.warc#1 WARC header line longer"),
            "{items:?}"
        );
    }
}
