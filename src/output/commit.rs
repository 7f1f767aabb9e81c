//! Publishing a staged batch as one unit, and finishing a publication a kill interrupted.
//!
//! A run stages every table, the dedup state and its manifest in
//! `<output>/_staging/<batch>.<pid>/`, holding the output's lock ([`super::lock`]) all the
//! while. Its commit then:
//! 1. checks that `_runs/` is writable, and syncs every staged file to disk;
//! 2. writes the journal `COMMIT` into the staging directory (a temporary name, synced, then
//!    renamed: the journal exists whole or not at all). From here the commit is decided and
//!    only ever rolled forward;
//! 3. moves each staged partition into place (`partition::replace_dir`: an atomic exchange
//!    on Linux), one after the other;
//! 4. writes the staged manifest to `_runs/<batch>.json` and removes the staging directory,
//!    journal included.
//!
//! A kill before step 2 leaves the output as it was. A kill after it leaves a journal.
//! [`recover`] runs with the lock held at the start of every run on the output and in
//! `gazette repair`: since the lock is held, everything it finds belongs to a run that is
//! gone. It replays the moves of every journal not yet made and publishes its manifest, so
//! the tables, the state and the manifest are all of one run again, and it removes what
//! killed runs left behind (staging directories without a journal, unfinished state
//! migrations, temporary files). Between a kill and the recovery a reader can see the
//! partitions of two runs side by side; each partition on its own is always whole. A
//! journal records each move with the inode of its staged directory, so replaying a move
//! that was made is a no-op; that needs Unix inodes, so on other platforms the moves are
//! made without a journal.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::disk_full::{DiskFull, WriteStep};
use super::lock::OutputLock;
pub use super::partition::JOURNAL;
use super::partition::{self, STAGING_DIR};
use crate::error::{Error, Result};

/// The staged manifest inside a staging directory.
const MANIFEST: &str = "manifest.json";

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
    /// The moves, in the order they are made.
    pub moves: Vec<Move>,
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

fn manifest_path(output: &Path, batch: &str) -> PathBuf {
    output.join("_runs").join(format!("{batch}.json"))
}

/// Publishes the staged partitions `parts` (`(relative to staging, relative to output)`)
/// and the manifest `manifest_json` of `batch` as one unit (see the module docs). The
/// caller holds the output's lock; `disk` is the run's disk-full fail point.
pub(crate) fn publish(
    _lock: &OutputLock,
    staging: &Path,
    batch: &str,
    parts: &[(String, String)],
    manifest_json: &[u8],
    disk: DiskFull,
) -> Result<()> {
    let output = _lock.output();
    let runs = output.join("_runs");
    let probe = runs.join(format!(".probe.{}", std::process::id()));
    partition::write_atomic(&probe, b"")?;
    std::fs::remove_file(&probe).map_err(Error::io(&probe))?;
    partition::write_atomic_within(
        &staging.join(MANIFEST),
        manifest_json,
        disk.room(WriteStep::Manifest),
    )?;
    for (from, _) in parts {
        partition::sync_tree(&staging.join(from))?;
    }
    failpoint("abort-before-journal");
    #[cfg(unix)]
    {
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
            moves,
        };
        let json = serde_json::to_vec_pretty(&journal).expect("journal serialises");
        partition::write_atomic_within(
            &staging.join(JOURNAL),
            &json,
            disk.room(WriteStep::Journal),
        )?;
        failpoint("abort-after-journal");
        replay(output, staging, &journal, disk)
    }
    #[cfg(not(unix))]
    {
        for (from, to) in parts {
            partition::replace_dir(&staging.join(from), &output.join(to))?;
        }
        finish(output, staging, batch, disk)
    }
}

/// Makes every move of `journal` not yet made, then publishes the manifest and removes
/// the staging directory. Safe to run again after a kill at any point.
#[cfg(unix)]
fn replay(output: &Path, staging: &Path, journal: &Journal, disk: DiskFull) -> Result<()> {
    for (n, m) in journal.moves.iter().enumerate() {
        let (from, to) = (staging.join(&m.from), output.join(&m.to));
        if inode(&to) != Some(m.inode) {
            if inode(&from) != Some(m.inode) {
                return Err(Error::Output {
                    path: from,
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "the staged partition of an interrupted commit is gone",
                    ),
                });
            }
            partition::replace_dir(&from, &to)?;
        } else if from.exists() {
            // Moved by an exchange; what is left at `from` is the old partition.
            std::fs::remove_dir_all(&from).map_err(Error::io(&from))?;
        }
        failpoint(&format!("abort-after-move-{}", n + 1));
    }
    failpoint("abort-before-manifest");
    finish(output, staging, &journal.batch, disk)
}

/// Publishes the staged manifest and removes the staging directory; a cleanup failure
/// after the manifest is published is only a warning (the batch is committed).
fn finish(output: &Path, staging: &Path, batch: &str, disk: DiskFull) -> Result<()> {
    let staged = staging.join(MANIFEST);
    let manifest = std::fs::read(&staged).map_err(Error::io(&staged))?;
    partition::write_atomic_within(
        &manifest_path(output, batch),
        &manifest,
        disk.room(WriteStep::PublishedManifest),
    )?;
    if let Err(e) = std::fs::remove_dir_all(staging) {
        tracing::warn!(path = %staging.display(), error = %e, "committed; the staging directory could not be removed");
    }
    let _ = std::fs::remove_dir(output.join(STAGING_DIR));
    Ok(())
}

/// What [`recover`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Batches whose interrupted commit was rolled forward.
    pub rolled_forward: Vec<String>,
    /// Leftovers of killed runs that were removed.
    pub removed: Vec<PathBuf>,
}

/// `gazette repair`: takes the lock of the existing output directory `output` (waiting
/// for a run that holds it when `wait`) and runs [`recover`] there.
pub fn repair(output: &Path, wait: bool) -> Result<Recovery> {
    if !output.is_dir() {
        return Err(Error::Output {
            path: output.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such output directory"),
        });
    }
    recover(&OutputLock::acquire(output, wait)?)
}

/// With the output's lock held (so no other run is staging or committing there): rolls
/// forward every interrupted commit under the output, and removes what killed runs left
/// (staging directories without a journal, unfinished dedup-state migrations, temporary
/// files of atomic writes). A journal that cannot be read is renamed aside with a warning
/// and its staging directory kept for an operator to look at.
pub fn recover(lock: &OutputLock) -> Result<Recovery> {
    let output = lock.output();
    let mut done = Recovery::default();
    let root = output.join(STAGING_DIR);
    if let Ok(entries) = std::fs::read_dir(&root) {
        let mut dirs: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        dirs.sort();
        for staging in dirs {
            let path = staging.join(JOURNAL);
            if !path.exists() {
                if !staging.join(format!("{JOURNAL}.unreadable")).exists() {
                    std::fs::remove_dir_all(&staging).map_err(Error::io(&staging))?;
                    done.removed.push(staging);
                }
                continue;
            }
            let journal = std::fs::read(&path)
                .ok()
                .and_then(|text| serde_json::from_slice::<Journal>(&text).ok());
            let Some(journal) = journal else {
                tracing::warn!(path = %path.display(), "unreadable commit journal: set aside, staging kept");
                let aside = staging.join(format!("{JOURNAL}.unreadable"));
                std::fs::rename(&path, &aside).map_err(Error::io(&aside))?;
                continue;
            };
            tracing::warn!(batch = %journal.batch, "rolling forward an interrupted commit");
            #[cfg(unix)]
            replay(output, &staging, &journal, DiskFull::NONE)?;
            done.rolled_forward.push(journal.batch);
        }
        let _ = std::fs::remove_dir(&root);
    }
    for dir in [
        output.join("_runs"),
        output.join(crate::tables::dedup_state::DIR),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            let leftover = name.starts_with(".migrate-")
                || name.starts_with(".probe.")
                || name.contains(".tmp.");
            if leftover {
                let path = entry.path();
                let removed = if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                } else {
                    std::fs::remove_file(&path)
                };
                removed.map_err(Error::io(&path))?;
                done.removed.push(path);
            }
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_removes_what_killed_runs_left_and_keeps_published_data() {
        let out = tempfile::tempdir().unwrap();
        let o = out.path();
        let dead_staging = o.join(STAGING_DIR).join("b.999999");
        std::fs::create_dir_all(dead_staging.join("documents")).unwrap();
        std::fs::write(dead_staging.join("documents/part-00000.parquet"), "x").unwrap();
        let state = o.join(crate::tables::dedup_state::DIR);
        std::fs::create_dir_all(state.join(".migrate-b.999999")).unwrap();
        std::fs::create_dir_all(state.join("batch=a")).unwrap();
        std::fs::create_dir_all(o.join("_runs")).unwrap();
        std::fs::write(o.join("_runs/b.tmp.999999"), "{").unwrap();
        std::fs::write(o.join("_runs/a.json"), "{}").unwrap();
        let lock = OutputLock::acquire(o, false).unwrap();
        let done = recover(&lock).unwrap();
        assert_eq!(done.removed.len(), 3, "{:?}", done.removed);
        assert!(!o.join(STAGING_DIR).exists());
        assert!(!state.join(".migrate-b.999999").exists());
        assert!(!o.join("_runs/b.tmp.999999").exists());
        assert!(state.join("batch=a").is_dir() && o.join("_runs/a.json").exists());
        assert_eq!(recover(&lock).unwrap(), Recovery::default());
    }

    #[test]
    fn an_unreadable_journal_is_set_aside_and_its_staging_kept() {
        let out = tempfile::tempdir().unwrap();
        let staging = out.path().join(STAGING_DIR).join("b.999999");
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::write(staging.join(JOURNAL), "").unwrap();
        let lock = OutputLock::acquire(out.path(), false).unwrap();
        assert_eq!(recover(&lock).unwrap(), Recovery::default());
        assert!(staging.join(format!("{JOURNAL}.unreadable")).exists());
        // Later recoveries leave it for an operator.
        recover(&lock).unwrap();
        assert!(staging.is_dir());
    }

    #[test]
    fn repair_of_a_missing_output_is_an_error() {
        let out = tempfile::tempdir().unwrap();
        let err = repair(&out.path().join("nope"), false).unwrap_err();
        let source = std::error::Error::source(&err).map(ToString::to_string);
        assert!(err.to_string().contains("nope"), "{err}");
        assert_eq!(source.as_deref(), Some("no such output directory"));
    }
}
