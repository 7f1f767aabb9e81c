//! Staging and atomic replacement of `batch=<id>` partitions.
//!
//! A run writes every table into `<output>/_staging/<batch>.<pid>/<table>/`; only when all
//! tables are complete does it move each into `<output>/<table>/batch=<id>`. On Linux an
//! existing partition is swapped with `renameat2(RENAME_EXCHANGE)`, so readers see the old
//! partition or the new one, never none and never a mix; elsewhere it falls back to two
//! renames. A run that fails or is killed before that point leaves earlier partitions as
//! they were; its staging directory is removed by the next run on the output
//! (`output::commit::recover`, which also finishes a commit a kill interrupted).

use std::path::{Path, PathBuf};

use super::disk_full::Sink;
use crate::error::{Error, Result};

/// Name of the staging directory under the output directory.
pub const STAGING_DIR: &str = "_staging";

/// Name of the commit journal inside a run's staging directory (see `output::commit`).
pub const JOURNAL: &str = "COMMIT";

/// Creates this run's staging directory for `batch` (leftovers of killed runs are removed
/// beforehand by `output::commit::recover`, under the output's lock).
pub fn create_staging(output: &Path, batch: &str) -> Result<PathBuf> {
    let root = output.join(STAGING_DIR);
    std::fs::create_dir_all(&root).map_err(Error::io(&root))?;
    let dir = root.join(format!("{batch}.{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(Error::io(&dir))?;
    // Prove the output is writable before any work is done.
    let probe = dir.join(".probe");
    std::fs::write(&probe, b"").map_err(Error::io(&probe))?;
    std::fs::remove_file(&probe).map_err(Error::io(&probe))?;
    Ok(dir)
}

/// Moves the complete directory `staged` to `target`, replacing what was there.
pub fn replace_dir(staged: &Path, target: &Path) -> Result<()> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
    }
    if !target.exists() {
        return std::fs::rename(staged, target).map_err(Error::io(target));
    }
    if exchange(staged, target) {
        // `staged` now holds the old partition.
        return std::fs::remove_dir_all(staged).map_err(Error::io(staged));
    }
    let old = staged.with_extension("old");
    std::fs::rename(target, &old).map_err(Error::io(target))?;
    std::fs::rename(staged, target).map_err(Error::io(target))?;
    std::fs::remove_dir_all(&old).map_err(Error::io(&old))
}

/// Atomically exchanges two paths; false when the platform or filesystem cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(ca), Ok(cb)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both pointers are valid NUL-terminated paths for the duration of the call.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    rc == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

/// Writes `contents` to `path` atomically and durably: a temporary file beside it, synced,
/// renamed into place, the directory synced; a failed write leaves no temporary file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    write_atomic_within(path, contents, None)
}

/// [`write_atomic`] on a disk with `room` bytes left when given (the disk-full fail
/// points of `super::disk_full`).
pub(crate) fn write_atomic_within(path: &Path, contents: &[u8], room: Option<u64>) -> Result<()> {
    use std::io::Write;
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
    let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
    let written = (|| {
        let mut file = Sink::new(std::fs::File::create(&tmp)?, room);
        file.write_all(contents)?;
        file.into_inner().sync_all()
    })();
    if let Err(source) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Output { path: tmp, source });
    }
    std::fs::rename(&tmp, path).map_err(Error::io(path))?;
    sync_dir(parent)
}

/// Makes the entries of `dir` (renames into it) durable.
pub fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(Error::io(dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Syncs every file under `dir` to disk (a staged partition, before its commit).
pub fn sync_tree(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(Error::io(dir))? {
        let path = entry.map_err(Error::io(dir))?.path();
        if path.is_dir() {
            sync_tree(&path)?;
        } else {
            std::fs::File::open(&path)
                .and_then(|f| f.sync_all())
                .map_err(Error::io(&path))?;
        }
    }
    sync_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_an_existing_partition_whole() {
        let out = std::env::temp_dir().join(format!("gazette-part-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let target = out.join("documents/batch=b1");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("part-00000.parquet"), "old").unwrap();
        std::fs::write(target.join("part-00001.parquet"), "old").unwrap();
        let staging = create_staging(&out, "b1").unwrap();
        let staged = staging.join("documents");
        std::fs::create_dir_all(&staged).unwrap();
        std::fs::write(staged.join("part-00000.parquet"), "new").unwrap();
        replace_dir(&staged, &target).unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("part-00000.parquet")).unwrap(),
            "new"
        );
        assert!(
            !target.join("part-00001.parquet").exists(),
            "no mix of old and new files"
        );
        assert!(!staged.exists());
        std::fs::remove_dir_all(&out).unwrap();
    }
}
