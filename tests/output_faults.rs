//! Faults of the output layer, end to end through the binary: an unwritable `_runs/`, a
//! full disk at each write step (fail points, and a real full tmpfs where the test can
//! mount one), and the leftovers of a killed run. Each time the failed run exits 1 with a
//! message naming what failed, and the output is as it was before the run, or, when the
//! failure came after the commit journal, rolled forward by the next run; nothing of the
//! failed run stays once the next run or `gazette repair` has run.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use gazette::output::ENOSPC_ENV;

fn gazette(args: &[&str], env: &[(&str, &str)]) -> Output {
    common::gazette_cli(args, env)
}

fn run(out: &Path, scenario: &str, batch: &str, env: &[(&str, &str)]) -> Output {
    common::run_fixture_cli(out, scenario, batch, env)
}

fn repair(out: &Path) -> String {
    let o = gazette(&["repair", "--output", out.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    stderr(&o)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// Every entry under `out` but the lock file (its content is the last holder's pid):
/// directories as `None`, files with their bytes. Equal trees mean byte-identical output
/// with nothing added (no staging, no temporary file).
fn tree(out: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<PathBuf, Option<Vec<u8>>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            if rel == Path::new("_lock") {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, into);
                into.insert(rel, None);
            } else {
                into.insert(rel, Some(std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut into = BTreeMap::new();
    walk(out, out, &mut into);
    into
}

/// The entries of `tree` that differ from `before` (added, removed or changed), for
/// failure messages.
fn changed(
    before: &BTreeMap<PathBuf, Option<Vec<u8>>>,
    after: &BTreeMap<PathBuf, Option<Vec<u8>>>,
) -> Vec<PathBuf> {
    let mut keys: Vec<&PathBuf> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        .cloned()
        .collect()
}

/// What a reader sees of batch `b`: the five tables rendered, the manifest's counts, and
/// the paths of every entry (so leftovers show).
fn published(out: &Path) -> String {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("_runs/b.json")).unwrap()).unwrap();
    let paths: Vec<PathBuf> = tree(out).into_keys().collect();
    format!(
        "{}\ncounts: {}\npaths: {paths:?}",
        common::render_all(out, "b"),
        manifest["counts"]
    )
}

/// The message a disk-full failure ends with. The OS error is asserted present, not
/// counted: how `Error::Output` prints its source (once or twice) is `src/error.rs`'s
/// business; the Parquet and state errors carry it once.
fn assert_disk_full(o: &Output, names: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.matches("No space left on device").count() == 1 && err.contains(names),
        "the error names {names:?} and the full disk, once: {err}"
    );
}

#[test]
fn an_unwritable_runs_directory_fails_the_commit_before_any_table_is_replaced() {
    let dir = common::temp_dir("faults-runs");
    let out = dir.join("out");
    assert!(run(&out, "duplicates", "b", &[]).status.success());
    let before = tree(&out);
    // `_runs` as a regular file holding the old manifest: nothing can be created in it,
    // not even by root.
    let runs = out.join("_runs");
    let old_manifest = std::fs::read(runs.join("b.json")).unwrap();
    std::fs::remove_dir_all(&runs).unwrap();
    std::fs::write(&runs, &old_manifest).unwrap();
    let mut blocked = before.clone();
    blocked.retain(|k, _| !k.starts_with("_runs"));
    blocked.insert("_runs".into(), Some(old_manifest.clone()));

    let o = run(&out, "en_wire", "b", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&runs.display().to_string()),
        "the error names {}: {}",
        runs.display(),
        stderr(&o)
    );
    let after = tree(&out);
    assert!(
        after == blocked,
        "every table, the state and the old manifest as they were; changed: {:?}",
        changed(&blocked, &after)
    );
    // With `_runs` a directory again, nothing is left to recover and the output is the
    // first run's, byte for byte.
    std::fs::remove_file(&runs).unwrap();
    std::fs::create_dir(&runs).unwrap();
    std::fs::write(runs.join("b.json"), &old_manifest).unwrap();
    assert!(repair(&out).contains("no interrupted commit"));
    assert!(tree(&out) == before);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_full_disk_before_the_journal_leaves_the_output_as_it_was() {
    let dir = common::temp_dir("faults-enospc");
    // Each step, and what its error names.
    let steps = [
        ("parquet", "writing table "),
        ("state", "writing table _dedup"),
        ("manifest", "manifest.tmp."),
        ("journal", "COMMIT.tmp."),
    ];
    for (step, names) in steps {
        let out = dir.join(step);
        assert!(run(&out, "duplicates", "b", &[]).status.success());
        let before = tree(&out);
        let o = run(&out, "en_wire", "b", &[(ENOSPC_ENV, step)]);
        assert_disk_full(&o, names);
        let after = tree(&out);
        assert!(
            after == before,
            "{step}: the output as it was, nothing left behind; changed: {:?}",
            changed(&before, &after)
        );
        assert!(repair(&out).contains("no interrupted commit"), "{step}");
        assert!(tree(&out) == before, "{step}");
        // The disk freed, the same run goes through.
        assert!(run(&out, "en_wire", "b", &[]).status.success(), "{step}");
        assert!(!out.join("_staging").exists(), "{step}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_full_disk_after_the_journal_is_rolled_forward_by_the_next_run_or_repair() {
    let dir = common::temp_dir("faults-enospc-after");
    let reference = dir.join("reference");
    assert!(run(&reference, "duplicates", "b", &[]).status.success());
    assert!(run(&reference, "en_wire", "b", &[]).status.success());
    let new = published(&reference);
    assert!(run(&reference, "it_agency", "other", &[]).status.success());
    let new_then_other = published(&reference);

    for next in ["repair", "run"] {
        let out = dir.join(next);
        assert!(run(&out, "duplicates", "b", &[]).status.success());
        let o = run(&out, "en_wire", "b", &[(ENOSPC_ENV, "published-manifest")]);
        assert_disk_full(&o, "_runs/b.tmp.");
        assert!(
            out.join("_staging").is_dir(),
            "{next}: the decided commit is kept for recovery"
        );
        if next == "repair" {
            assert!(repair(&out).contains("finished the commit of batch b"));
            assert!(published(&out) == new, "{next}: rolled forward");
        } else {
            assert!(run(&out, "it_agency", "other", &[]).status.success());
            assert!(published(&out) == new_then_other, "{next}: rolled forward");
        }
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_next_run_of_any_batch_removes_what_a_killed_run_left() {
    let dir = common::temp_dir("faults-leftovers");
    let out = dir.join("out");
    assert!(run(&out, "duplicates", "a", &[]).status.success());
    let a_before: BTreeMap<_, _> = tree(&out)
        .into_iter()
        .filter(|(k, _)| k.to_string_lossy().contains("batch=a") || k.starts_with("_runs/a"))
        .collect();
    let killed = run(
        &out,
        "duplicates",
        "a",
        &[("GAZETTE_FAILPOINT", "abort-after-first-chunk")],
    );
    assert!(!killed.status.success());
    let staged: Vec<PathBuf> = std::fs::read_dir(out.join("_staging"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        staged.len(),
        1,
        "the killed run left its staging: {staged:?}"
    );
    // What a killed older gazette left: a temporary state file, a temporary manifest.
    let old_tmp = [
        out.join("_dedup/batch=a.tmp.4242"),
        out.join("_runs/a.tmp.4242"),
    ];
    for path in &old_tmp {
        std::fs::write(path, "partial").unwrap();
    }

    assert!(run(&out, "en_wire", "b", &[]).status.success());
    assert!(
        !out.join("_staging").exists(),
        "the killed run's staging is gone"
    );
    for path in &old_tmp {
        assert!(!path.exists(), "{} is gone", path.display());
    }
    let a_after: BTreeMap<_, _> = tree(&out)
        .into_iter()
        .filter(|(k, _)| a_before.contains_key(k) || k.to_string_lossy().contains("batch=a"))
        .collect();
    assert!(a_after == a_before, "batch a as it was");
    std::fs::remove_dir_all(dir).unwrap();
}

/// A small tmpfs mounted for the test, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// Mounts a tmpfs of `size` at `at`; `None` when this process may not (not root, no
    /// `CAP_SYS_ADMIN`, no `mount`).
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).unwrap();
        let o = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .output()
            .ok()?;
        o.status.success().then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Fills the filesystem of `dir` with one file, then gives back `slack` bytes.
fn fill(dir: &Path, slack: u64) -> PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = vec![0u8; 4096];
    while file.write_all(&chunk).is_ok() {}
    let len = file.metadata().unwrap().len();
    file.set_len(len.saturating_sub(slack)).unwrap();
    path
}

#[test]
fn a_real_full_disk_fails_cleanly_wherever_it_fills() {
    let dir = common::temp_dir("faults-tmpfs");
    let Some(fs) = Tmpfs::mount(&dir.join("mnt"), "1m") else {
        eprintln!("notice: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): the real disk-full variant is skipped");
        std::fs::remove_dir_all(dir).unwrap();
        return;
    };
    let reference = dir.join("reference");
    assert!(run(&reference, "duplicates", "b", &[]).status.success());
    assert!(run(&reference, "en_wire", "b", &[]).status.success());
    let new = published(&reference);

    // From no free byte to enough for a few files: the disk fills at a different write.
    for slack in [0u64, 4, 8, 12, 16, 24, 32, 48] {
        let slack = slack * 1024;
        let out = fs.0.join("out");
        assert!(run(&out, "duplicates", "b", &[]).status.success());
        let before = tree(&out);
        let filler = fill(&fs.0, slack);
        let o = run(&out, "en_wire", "b", &[]);
        std::fs::remove_file(&filler).unwrap();
        if o.status.success() {
            // Room enough after all: the run is whole.
            assert!(published(&out) == new, "slack {slack}");
        } else {
            assert_disk_full(&o, "error: ");
            let decided = out.join("_staging").is_dir()
                && std::fs::read_dir(out.join("_staging"))
                    .unwrap()
                    .any(|e| e.unwrap().path().join("COMMIT").exists());
            repair(&out);
            if decided {
                assert!(published(&out) == new, "slack {slack}: rolled forward");
            } else {
                let after = tree(&out);
                assert!(
                    after == before,
                    "slack {slack}: as it was, nothing left; changed: {:?}\n{}",
                    changed(&before, &after),
                    stderr(&o)
                );
            }
            eprintln!(
                "slack {slack}: {}",
                stderr(&o).lines().last().unwrap_or_default()
            );
        }
        std::fs::remove_dir_all(&out).unwrap();
    }
    drop(fs);
    std::fs::remove_dir_all(dir).unwrap();
}
