//! Cutting an uncompressed JSONL file into runs of whole lines, so that several readers
//! (the Spark job's tasks) each seek to their own run and together read the file once.
//!
//! One sequential pass finds the cuts: a run ends at the first line end at or after
//! `target` bytes from its start, so every run holds whole lines and all runs together
//! hold every line exactly once. Each run knows the number of its first line, so its
//! records keep the locators (`file.jsonl#12`) of an unsplit read.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// A run of whole lines of an uncompressed file: the bytes `start..end` (`start` is 0
/// or just after a `\n`; `end` is just after a `\n` or the file's end as the cut found
/// it) and the number, from 1, of the line that starts at `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRange {
    /// First byte of the run (a line start).
    pub start: u64,
    /// One past the last byte of the run.
    pub end: u64,
    /// Number (from 1) of the line starting at `start`.
    pub first_line: usize,
}

/// Bytes read at a time while cutting.
const CHUNK: usize = 1 << 20;

/// Cuts the file at `path` into runs of about `target` bytes (a run is longer only by
/// the rest of the line it ends in). An empty file is one empty run. Lines appended
/// after the cut belong to no run: cut the files of a batch once they are complete.
pub fn line_ranges(path: &Path, target: u64) -> std::io::Result<Vec<LineRange>> {
    let target = target.max(1);
    let mut file = File::open(path)?;
    let mut buf = vec![0u8; CHUNK];
    let mut ranges = Vec::new();
    let mut run = LineRange {
        start: 0,
        end: 0,
        first_line: 1,
    };
    let (mut pos, mut lines) = (0u64, 0usize);
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        for i in memchr::memchr_iter(b'\n', &buf[..n]) {
            lines += 1;
            let after = pos + i as u64 + 1;
            if after - run.start >= target {
                ranges.push(LineRange { end: after, ..run });
                run = LineRange {
                    start: after,
                    end: after,
                    first_line: lines + 1,
                };
            }
        }
        pos += n as u64;
    }
    if pos > run.start || ranges.is_empty() {
        ranges.push(LineRange { end: pos, ..run });
    }
    Ok(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, target: u64) -> Vec<LineRange> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(&path, text).unwrap();
        line_ranges(&path, target).unwrap()
    }

    #[test]
    fn runs_are_whole_lines_that_tile_the_file() {
        let text = "aaaa\nbb\n\ncccccccc\nd\neeeeee";
        for target in [1, 3, 5, 9, 100] {
            let ranges = cut(text, target);
            assert_eq!(ranges[0].start, 0);
            assert_eq!(ranges.last().unwrap().end, text.len() as u64);
            for pair in ranges.windows(2) {
                assert_eq!(pair[0].end, pair[1].start, "target {target}");
            }
            for r in &ranges {
                let before = &text[..r.start as usize];
                assert!(before.is_empty() || before.ends_with('\n'), "{r:?}");
                assert_eq!(r.first_line, before.matches('\n').count() + 1, "{r:?}");
                // A run is only longer than the target by the line it ends in.
                let body = &text[r.start as usize..r.end as usize];
                let last_line = body.trim_end_matches('\n').rsplit('\n').next().unwrap();
                assert!(
                    body.len() as u64 <= target + last_line.len() as u64,
                    "{r:?}"
                );
            }
        }
    }

    #[test]
    fn a_target_larger_than_the_file_is_one_run_and_an_empty_file_one_empty_run() {
        assert_eq!(
            cut("x\ny\n", 1 << 20),
            vec![LineRange {
                start: 0,
                end: 4,
                first_line: 1
            }]
        );
        assert_eq!(
            cut("", 8),
            vec![LineRange {
                start: 0,
                end: 0,
                first_line: 1
            }]
        );
    }

    #[test]
    fn one_run_per_line_when_the_target_is_one_byte() {
        let ranges = cut("a\nb\nc", 1);
        let lines: Vec<(u64, u64, usize)> = ranges
            .iter()
            .map(|r| (r.start, r.end, r.first_line))
            .collect();
        assert_eq!(lines, vec![(0, 2, 1), (2, 4, 2), (4, 5, 3)]);
    }
}
