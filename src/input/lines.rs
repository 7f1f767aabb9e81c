//! Reading one line of a byte stream while keeping at most a given number of its bytes:
//! a longer line is consumed to its end without being kept, so no line, however long,
//! is ever held whole in memory.

use std::io::{BufRead, Read};

/// How a bounded line read ended.
#[derive(Debug)]
pub enum LineRead {
    /// A line (with its `\n`, unless it ended the stream) is in the buffer.
    Line,
    /// The line's first `limit` bytes hold no `\n`: they are in the buffer, the
    /// rest was consumed and dropped; `Err` when the stream failed while dropping it.
    TooLong(std::io::Result<()>),
    /// The stream ended before any byte.
    End,
}

/// Reads the next line of `reader` into `buf` (cleared first), keeping at most `limit`
/// bytes of it; an I/O error before the limit is reached is returned as is.
pub fn read_line_bounded(
    reader: &mut dyn BufRead,
    limit: u64,
    buf: &mut Vec<u8>,
) -> std::io::Result<LineRead> {
    buf.clear();
    let n = reader.take(limit).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(LineRead::End);
    }
    if buf.len() as u64 >= limit && buf.last() != Some(&b'\n') {
        return Ok(LineRead::TooLong(skip_line(reader)));
    }
    Ok(LineRead::Line)
}

/// Bytes of a dropped line held at a time while it is consumed.
const SKIP_CHUNK: u64 = 64 * 1024;

/// Consumes `reader` through the next `\n` (or to its end), holding at most
/// [`SKIP_CHUNK`] bytes at a time.
fn skip_line(reader: &mut dyn BufRead) -> std::io::Result<()> {
    let mut scratch = Vec::with_capacity(SKIP_CHUNK as usize);
    loop {
        scratch.clear();
        let n = reader.take(SKIP_CHUNK).read_until(b'\n', &mut scratch)?;
        if n == 0 || scratch.last() == Some(&b'\n') {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: u64) -> Vec<String> {
        let mut reader = std::io::BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match read_line_bounded(&mut reader, limit, &mut buf).unwrap() {
                LineRead::End => return out,
                LineRead::Line => out.push(String::from_utf8_lossy(&buf).into_owned()),
                LineRead::TooLong(r) => {
                    r.unwrap();
                    out.push(format!("long:{}", String::from_utf8_lossy(&buf)));
                }
            }
        }
    }

    #[test]
    fn long_lines_are_cut_and_the_next_line_is_read() {
        assert_eq!(
            lines(b"ab\nabcdefghij\ncd\nefgh", 5),
            ["ab\n", "long:abcde", "cd\n", "efgh"]
        );
        // A line whose first `limit` bytes hold no newline is too long, even when the
        // newline or the end of the stream comes right after.
        assert_eq!(lines(b"abcde\nabcd", 5), ["long:abcde", "abcd"]);
        assert_eq!(lines(b"abcdefgh", 5), ["long:abcde"]);
    }

    #[test]
    fn an_endless_line_is_dropped_without_being_kept() {
        // 256 MiB without a newline, then a line: the line is dropped, the next read.
        let endless = std::io::repeat(b'x')
            .take(256 << 20)
            .chain(&b"\nnext\n"[..]);
        let mut reader = std::io::BufReader::with_capacity(1 << 16, endless);
        let mut buf = Vec::new();
        let read = read_line_bounded(&mut reader, 1024, &mut buf).unwrap();
        assert!(matches!(read, LineRead::TooLong(Ok(()))));
        assert!(buf.capacity() < 1 << 20);
        read_line_bounded(&mut reader, 1024, &mut buf).unwrap();
        assert_eq!(buf, b"next\n");
    }
}
