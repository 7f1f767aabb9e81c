//! One writer per output directory: an exclusive advisory lock (`flock`) on
//! `<output>/_lock`, taken before a run stages anything and held until it has committed
//! (or failed), and taken by `gazette repair`. While it is held no other gazette process
//! stages, commits, recovers or cleans up in that output, so whatever recovery finds there
//! belongs to a run that is gone. The lock file holds the holder's process id, for the
//! message a second run gets; the lock itself dies with its process (a kill frees it).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Name of the lock file under the output directory.
pub const LOCK_FILE: &str = "_lock";

/// The held lock of one output directory; released when dropped.
#[derive(Debug)]
pub struct OutputLock {
    /// Kept open: closing the file releases the lock.
    _file: File,
    output: PathBuf,
}

impl OutputLock {
    /// Takes the lock of `output` (creating the directory if needed). With `wait` false a
    /// lock held by another process is an error at once, naming the output and the
    /// holder; with `wait` true it blocks until the holder is done.
    pub fn acquire(output: &Path, wait: bool) -> Result<OutputLock> {
        std::fs::create_dir_all(output).map_err(Error::io(output))?;
        let path = output.join(LOCK_FILE);
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(Error::io(&path))?;
        if !lock(&file, wait).map_err(Error::io(&path))? {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            return Err(Error::Locked {
                output: output.to_path_buf(),
                holder: if holder.is_empty() {
                    "another gazette process".to_string()
                } else {
                    format!("gazette process {holder}")
                },
            });
        }
        // Best effort: the pid is only for the message a second run gets.
        let _ = file.set_len(0);
        let _ = file.seek(SeekFrom::Start(0));
        let _ = write!(file, "{}", std::process::id());
        let _ = file.flush();
        Ok(OutputLock {
            _file: file,
            output: output.to_path_buf(),
        })
    }

    /// The output directory this lock holds.
    pub fn output(&self) -> &Path {
        &self.output
    }
}

/// Takes an exclusive flock on `file`; false when another process holds it and `wait` is
/// false.
#[cfg(unix)]
fn lock(file: &File, wait: bool) -> std::io::Result<bool> {
    use std::os::unix::io::AsRawFd;
    let op = if wait {
        libc::LOCK_EX
    } else {
        libc::LOCK_EX | libc::LOCK_NB
    };
    loop {
        // SAFETY: flock on a file descriptor this process owns for the call's duration.
        let rc = unsafe { libc::flock(file.as_raw_fd(), op) };
        if rc == 0 {
            return Ok(true);
        }
        let err = std::io::Error::last_os_error();
        match err.raw_os_error() {
            Some(libc::EWOULDBLOCK) => return Ok(false),
            Some(libc::EINTR) => continue,
            _ => return Err(err),
        }
    }
}

/// Without flock every run proceeds (the platforms gazette targets are Unix).
#[cfg(not(unix))]
fn lock(_file: &File, _wait: bool) -> std::io::Result<bool> {
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_of_one_output_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputLock::acquire(dir.path(), false).unwrap();
        // flock locks belong to the open file description: a second open in the same
        // process conflicts just as another process would.
        let err = OutputLock::acquire(dir.path(), false)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&dir.path().display().to_string())
                && err.contains(&std::process::id().to_string())
                && err.contains("--wait"),
            "{err}"
        );
        drop(first);
        OutputLock::acquire(dir.path(), false).unwrap();
    }
}
