//! Disk-full fail points of the output layer, for the fault tests only.
//!
//! `GAZETTE_ENOSPC_AT=<step>` makes one write step of a run meet a full disk: the files of
//! that step take a few bytes, then every write fails with `ENOSPC`, as on a real full
//! disk. The steps: `parquet` (the five table files), `state` (the dedup state file),
//! `manifest` (the manifest staged before the journal), `journal` (the commit journal) and
//! `published-manifest` (`_runs/<batch>.json`, written after the journal). The variable is
//! read once per run, when the batch writer is created; unset, every write is the plain
//! file write.

use std::io::{self, Write};

use crate::error::{Error, Result};

/// Environment variable naming the write step that meets a full disk.
pub const ENOSPC_ENV: &str = "GAZETTE_ENOSPC_AT";

/// Bytes a file of the failing step takes before the disk is full: past the Parquet magic,
/// so a partial file is left behind for the cleanup to remove.
const ROOM: u64 = 64;

/// A write step of a run that can meet a full disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WriteStep {
    /// The five table files.
    Parquet,
    /// The dedup state file.
    State,
    /// The manifest staged before the journal.
    Manifest,
    /// The commit journal.
    Journal,
    /// The manifest published to `_runs/` after the journal.
    PublishedManifest,
}

impl WriteStep {
    const ALL: [(WriteStep, &'static str); 5] = [
        (WriteStep::Parquet, "parquet"),
        (WriteStep::State, "state"),
        (WriteStep::Manifest, "manifest"),
        (WriteStep::Journal, "journal"),
        (WriteStep::PublishedManifest, "published-manifest"),
    ];
}

/// Which write step of this run, if any, meets a full disk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DiskFull(Option<WriteStep>);

impl DiskFull {
    /// No step meets a full disk (recovery, and every normal run).
    pub(crate) const NONE: DiskFull = DiskFull(None);

    /// Reads [`ENOSPC_ENV`] (once per run); an unknown step is a configuration error, so a
    /// misspelt fail point cannot pass for a clean run.
    pub(crate) fn from_env() -> Result<DiskFull> {
        let Ok(value) = std::env::var(ENOSPC_ENV) else {
            return Ok(DiskFull::NONE);
        };
        WriteStep::ALL
            .iter()
            .find(|(_, name)| *name == value)
            .map(|(step, _)| DiskFull(Some(*step)))
            .ok_or_else(|| {
                let names: Vec<&str> = WriteStep::ALL.iter().map(|(_, n)| *n).collect();
                Error::config(ENOSPC_ENV, format!("{value:?} is not one of {names:?}"))
            })
    }

    /// The bytes the files of `step` may take: `None` (no bound) unless `step` meets the
    /// full disk.
    pub(crate) fn room(self, step: WriteStep) -> Option<u64> {
        (self.0 == Some(step)).then_some(ROOM)
    }
}

/// A writer that passes everything to `inner` while it has room; with a bound, it takes
/// that many bytes, then fails every write with `ENOSPC`.
#[derive(Debug)]
pub(crate) struct Sink<W> {
    inner: W,
    room: Option<u64>,
}

impl<W> Sink<W> {
    /// `inner`, bounded to `room` bytes when given.
    pub(crate) fn new(inner: W, room: Option<u64>) -> Self {
        Sink { inner, room }
    }

    /// The wrapped writer.
    pub(crate) fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: Write> Write for Sink<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(room) = self.room.as_mut() else {
            return self.inner.write(buf);
        };
        if *room == 0 && !buf.is_empty() {
            return Err(io::Error::from_raw_os_error(libc::ENOSPC));
        }
        let take = buf.len().min(usize::try_from(*room).unwrap_or(usize::MAX));
        let n = self.inner.write(&buf[..take])?;
        *room -= n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bounded_sink_takes_its_room_then_fails_with_enospc() {
        let mut sink = Sink::new(Vec::new(), Some(ROOM));
        let err = sink.write_all(&[7; 100]).unwrap_err();
        assert_eq!(err.raw_os_error(), Some(libc::ENOSPC));
        assert!(err.to_string().contains("No space left on device"), "{err}");
        assert_eq!(sink.inner.len() as u64, ROOM);
        let mut free = Sink::new(Vec::new(), DiskFull::NONE.room(WriteStep::Parquet));
        free.write_all(&[7; 100]).unwrap();
        assert_eq!(free.inner.len(), 100);
    }
}
