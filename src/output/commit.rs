//! Publishing a staged batch as one unit, and finishing a publication a kill interrupted.
//!
//! A run stages every table, the dedup state and the manifest in
//! `<output>/_staging/<batch>.<pid>/`. Its commit then:
//! 1. writes the manifest beside its final place (`_runs/.<batch>.json.pending`), which
//!    also proves `_runs/` writable before anything is replaced;
//! 2. writes the journal `COMMIT` into the staging directory (to a temporary name, then
//!    renamed: the journal exists whole or not at all). From here the commit is decided:
//!    it is only ever rolled forward;
//! 3. moves each staged partition into place (`partition::replace_dir`: an atomic exchange
//!    on Linux), one after the other;
//! 4. renames the pending manifest to `_runs/<batch>.json` and removes the staging
//!    directory, journal included.
//!
//! A kill before step 2 leaves the output as it was (the staging directory is removed by
//! a later run). A kill after it leaves a journal; [`recover`] (run at the start of every
//! `gazette run` on the output, and by `gazette repair`) replays the moves not yet made
//! and the manifest, so the tables, the state and the manifest are all of one run again.
//! Between the kill and the recovery a reader can see the partitions of two runs side by
//! side; each partition on its own is always whole. A journal records each move with the
//! inode of the staged directory, so replaying a move that was made is a no-op, and the
//! process id of the run, so a journal of a run still committing is left to it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use super::partition::JOURNAL;
use super::partition::{self, STAGING_DIR};
use crate::error::{Error, Result};

/// Environment variable of the commit fail points, for the kill tests only:
/// `abort-before-journal`, `abort-after-journal`, `abort-after-move-<n>` (n moves made)
/// and `abort-before-manifest` abort the process there, as `kill -9` would.
pub const COMMIT_FAILPOINT_ENV: &str = "GAZETTE_COMMIT_FAILPOINT";

/// One staged partition and where it goes.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Move {
    /// Path relative to the staging directory.
    pub from: String,
    /// Path relative to the output directory.
    pub to: String,
    /// Inode of the staged directory when the journal was written.
    pub inode: u64,
}

/// The journal of one commit.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Journal {
    /// Batch id.
    pub batch: String,
    /// Process id of the committing run.
    pub pid: u32,
    /// The moves, in the order they are made.
    pub moves: Vec<Move>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Output {
        path: path.to_path_buf(),
        source,
    }
}

fn failpoint(name: &str) {
    if std::env::var(COMMIT_FAILPOINT_ENV).as_deref() == Ok(name) {
        std::process::abort();
    }
}

#[cfg(unix)]
fn inode(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).ok().map(|m| m.ino())
}

#[cfg(not(unix))]
fn inode(path: &Path) -> Option<u64> {
    std::fs::symlink_metadata(path).ok().map(|_| 0)
}

fn pending_manifest(output: &Path, batch: &str) -> PathBuf {
    output.join("_runs").join(format!(".{batch}.json.pending"))
}

/// Removes the pending manifest of a commit that never wrote its journal.
pub fn discard_pending_manifest(output: &Path, batch: &str) -> std::io::Result<()> {
    std::fs::remove_file(pending_manifest(output, batch))
}

fn manifest_path(output: &Path, batch: &str) -> PathBuf {
    output.join("_runs").join(format!("{batch}.json"))
}

/// Publishes the staged partitions `parts` (`(relative to staging, relative to output)`)
/// and the manifest `manifest_json` of `batch` as one unit (see the module docs).
pub fn publish(
    output: &Path,
    staging: &Path,
    batch: &str,
    parts: &[(String, String)],
    manifest_json: &[u8],
) -> Result<()> {
    let pending = pending_manifest(output, batch);
    partition::write_atomic(&pending, manifest_json)?;
    failpoint("abort-before-journal");
    let moves = parts
        .iter()
        .map(|(from, to)| {
            let path = staging.join(from);
            let inode = inode(&path).ok_or_else(|| Error::Output {
                path: path.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "staged partition"),
            })?;
            Ok(Move {
                from: from.clone(),
                to: to.clone(),
                inode,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let journal = Journal {
        batch: batch.to_string(),
        pid: std::process::id(),
        moves,
    };
    let json = serde_json::to_vec_pretty(&journal).expect("journal serialises");
    partition::write_atomic(&staging.join(JOURNAL), &json)?;
    failpoint("abort-after-journal");
    replay(output, staging, &journal)
}

/// Makes every move of `journal` not yet made, then publishes the manifest and removes
/// the staging directory. Safe to run again after a kill at any point.
fn replay(output: &Path, staging: &Path, journal: &Journal) -> Result<()> {
    for (n, m) in journal.moves.iter().enumerate() {
        let (from, to) = (staging.join(&m.from), output.join(&m.to));
        if inode(&to) != Some(m.inode) {
            if inode(&from) == Some(m.inode) {
                partition::replace_dir(&from, &to)?;
            } else {
                return Err(Error::Output {
                    path: from,
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "the staged partition of an interrupted commit is gone",
                    ),
                });
            }
        } else if from.exists() {
            // Moved by an exchange; what is left at `from` is the old partition.
            std::fs::remove_dir_all(&from).map_err(io(&from))?;
        }
        failpoint(&format!("abort-after-move-{}", n + 1));
    }
    failpoint("abort-before-manifest");
    let pending = pending_manifest(output, &journal.batch);
    if pending.exists() {
        let target = manifest_path(output, &journal.batch);
        std::fs::rename(&pending, &target).map_err(io(&target))?;
    }
    std::fs::remove_dir_all(staging).map_err(io(staging))?;
    let _ = std::fs::remove_dir(output.join(STAGING_DIR));
    Ok(())
}

fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: kill with signal 0 only checks whether the process exists.
        let rc = unsafe { libc::kill(pid, 0) };
        rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// What [`recover`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Batches whose interrupted commit was rolled forward.
    pub rolled_forward: Vec<String>,
}

/// Rolls forward every interrupted commit under `output` whose run is no longer alive
/// (a journal in `_staging/<batch>.<pid>/`). Staging directories without a journal are
/// left to the run that owns them, or to the next run of their batch.
pub fn recover(output: &Path) -> Result<Recovery> {
    let root = output.join(STAGING_DIR);
    let mut done = Recovery::default();
    let Ok(entries) = std::fs::read_dir(&root) else {
        return Ok(done);
    };
    let mut dirs: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    dirs.sort();
    for staging in dirs {
        let path = staging.join(JOURNAL);
        let Ok(text) = std::fs::read(&path) else {
            continue;
        };
        let journal: Journal = serde_json::from_slice(&text).map_err(|e| Error::Data {
            path: path.display().to_string(),
            message: format!("commit journal: {e}"),
        })?;
        if alive(journal.pid) {
            continue;
        }
        tracing::warn!(batch = %journal.batch, "rolling forward an interrupted commit");
        replay(output, &staging, &journal)?;
        done.rolled_forward.push(journal.batch);
    }
    Ok(done)
}
