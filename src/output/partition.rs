//! Staging and atomic replacement of `batch=<id>` partitions.
//!
//! A run writes every table into `<output>/_staging/<batch>.<pid>/<table>/`; only when all
//! tables are complete does it move each into `<output>/<table>/batch=<id>`. On Linux an
//! existing partition is swapped with `renameat2(RENAME_EXCHANGE)`, so readers see the old
//! partition or the new one, never none and never a mix; elsewhere it falls back to two
//! renames. A run that fails or is killed before that point leaves earlier partitions as
//! they were; its staging directory is removed by the next run of the same batch.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Name of the staging directory under the output directory.
pub const STAGING_DIR: &str = "_staging";

/// Name of the commit journal inside a run's staging directory (see `output::commit`).
pub const JOURNAL: &str = "COMMIT";

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Output {
        path: path.to_path_buf(),
        source,
    }
}

/// Creates a fresh staging directory for `batch`, removing leftovers of earlier failed
/// runs of the same batch.
pub fn create_staging(output: &Path, batch: &str) -> Result<PathBuf> {
    let root = output.join(STAGING_DIR);
    std::fs::create_dir_all(&root).map_err(io(&root))?;
    if let Ok(entries) = std::fs::read_dir(&root) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            // A directory with a commit journal belongs to recovery, never to cleanup.
            if name.rsplit_once('.').is_some_and(|(b, _)| b == batch)
                && !e.path().join(JOURNAL).exists()
            {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    let dir = root.join(format!("{batch}.{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    // Prove the output is writable before any work is done.
    let probe = dir.join(".probe");
    std::fs::write(&probe, b"").map_err(io(&probe))?;
    std::fs::remove_file(&probe).map_err(io(&probe))?;
    Ok(dir)
}

/// Moves the complete directory `staged` to `target`, replacing what was there.
pub fn replace_dir(staged: &Path, target: &Path) -> Result<()> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    if !target.exists() {
        return std::fs::rename(staged, target).map_err(io(target));
    }
    if exchange(staged, target) {
        // `staged` now holds the old partition.
        return std::fs::remove_dir_all(staged).map_err(io(staged));
    }
    let old = staged.with_extension("old");
    std::fs::rename(target, &old).map_err(io(target))?;
    std::fs::rename(staged, target).map_err(io(target))?;
    std::fs::remove_dir_all(&old).map_err(io(&old))
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

/// Writes `contents` to `path` atomically (temporary file beside it, then rename).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let tmp = path.with_extension(format!("tmp.{}", std::process::id()));
    std::fs::write(&tmp, contents).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
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
