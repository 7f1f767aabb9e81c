//! The binary as operators use it: clear one-line errors with the right exit codes,
//! nothing written on failure, atomic replacement of a batch, `schema` and `--help`.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn gazette(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gazette"));
    cmd.args(args).current_dir(common::repo());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn run_args<'a>(out: &'a str, batch: &'a str, input: &'a str) -> Vec<&'a str> {
    vec![
        "run",
        "--input",
        input,
        "--output",
        out,
        "--batch",
        batch,
        "--reference-date",
        "2026-11-21",
    ]
}

#[test]
fn missing_input_is_one_clear_line_and_writes_nothing() {
    let out = common::temp_dir("cli-missing");
    let target = out.join("tables");
    let o = gazette(&run_args(target.to_str().unwrap(), "b", "no/such/dir"), &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("no/such/dir") && err.contains("does not exist"),
        "{err}"
    );
    assert!(!target.exists(), "nothing written");
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn bad_config_names_the_key_and_exits_2() {
    let out = common::temp_dir("cli-config");
    let cfg = out.join("bad.toml");
    std::fs::write(&cfg, "[stages.dedup]\nthreshold = 3.0\n").unwrap();
    let o = gazette(
        &[
            "run",
            "--config",
            cfg.to_str().unwrap(),
            "--output",
            out.join("t").to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("stages.dedup.threshold") && err.contains("(0, 1]"),
        "{err}"
    );
    std::fs::write(&cfg, "[output]\ncompresion = \"zstd\"\n").unwrap();
    let o = gazette(&["run", "--config", cfg.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("compresion"), "{}", stderr(&o));
    assert!(!out.join("t").exists());
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn unwritable_output_fails_before_any_work() {
    let out = common::temp_dir("cli-unwritable");
    let blocker = out.join("file");
    std::fs::write(&blocker, "not a directory").unwrap();
    let o = gazette(
        &run_args(blocker.join("sub").to_str().unwrap(), "b", "examples"),
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("output"), "{err}");
    assert_eq!(
        err.matches("(os error 20)").count(),
        1,
        "printed once: {err}"
    );
    std::fs::remove_dir_all(out).unwrap();
}

fn partition_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_failed_or_killed_run_leaves_the_previous_batch_untouched() {
    let out = common::temp_dir("cli-atomic");
    let out_s = out.to_str().unwrap();
    let ok = gazette(&run_args(out_s, "b1", "examples/articles"), &[]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let docs = out.join("documents/batch=b1");
    let before = partition_bytes(&docs);
    let manifest_before = std::fs::read(out.join("_runs/b1.json")).unwrap();

    // A run over different input that fails after its first chunk of documents.
    let mut args = run_args(out_s, "b1", "examples");
    args.extend(["--threads", "1"]);
    let failed = gazette(&args, &[("GAZETTE_FAILPOINT", "after-first-chunk")]);
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    assert_eq!(
        partition_bytes(&docs),
        before,
        "documents partition unchanged"
    );
    assert_eq!(
        std::fs::read(out.join("_runs/b1.json")).unwrap(),
        manifest_before
    );
    assert!(
        !out.join("_staging").exists(),
        "a failed run cleans its staging area"
    );

    // The same, killed (abort: no cleanup at all).
    let killed = gazette(&args, &[("GAZETTE_FAILPOINT", "abort-after-first-chunk")]);
    assert!(!killed.status.success());
    assert_eq!(
        partition_bytes(&docs),
        before,
        "documents partition unchanged after a kill"
    );
    assert_eq!(
        common::row_count(&out, gazette::tables::Table::Documents, "b1"),
        10
    );

    // The next good run replaces the batch whole and removes the leftovers.
    let again = gazette(&args, &[]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(common::row_count(&out, gazette::tables::Table::Documents, "b1") > 10);
    assert!(!out.join("_staging").exists());
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn schema_and_help_teach() {
    let o = gazette(&["schema"], &[]);
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    for table in gazette::tables::Table::ALL {
        assert!(text.contains(table.name()), "{text}");
    }
    assert!(text.contains("published_date   date32"), "{text}");
    let o = gazette(&["run", "--help"], &[]);
    let help = String::from_utf8_lossy(&o.stdout);
    for taught in [
        "--reference-date",
        "--batch",
        "*.warc",
        "*.html",
        "*.jsonl",
        ".gz or .zst",
        "run-<UTC date>",
        "Exit codes:",
        "Examples:",
        "./output",
    ] {
        assert!(
            help.contains(taught),
            "run --help lacks {taught:?}:\n{help}"
        );
    }
    let o = gazette(&["--help"], &[]);
    let help = String::from_utf8_lossy(&o.stdout);
    for taught in ["HTML", "WARC", "JSON lines", "Exit codes:"] {
        assert!(help.contains(taught), "--help lacks {taught:?}:\n{help}");
    }
}

#[test]
fn the_summary_names_skipped_files_and_logs_carry_no_colour_codes_when_piped() {
    let out = common::temp_dir("cli-skipped");
    let input = out.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("notes.md"), "not an article").unwrap();
    std::fs::write(input.join("page.pdf"), "%PDF-1.4").unwrap();
    std::fs::write(
        input.join("a.txt"),
        "Le conseil municipal a voté mardi un budget de 4 millions d'euros pour rénover \
         les écoles de la ville, a annoncé la maire lors d'une conférence de presse.",
    )
    .unwrap();
    let tables = out.join("out");
    let mut args = run_args(tables.to_str().unwrap(), "s", input.to_str().unwrap());
    args.push("-v");
    let o = gazette(&args, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("skipped 2 file(s)"), "{err}");
    assert!(
        err.contains("notes.md") && err.contains("page.pdf"),
        "{err}"
    );
    assert!(
        !err.contains('\u{1b}'),
        "ANSI escape codes on a pipe:\n{err}"
    );
    let manifest = std::fs::read_to_string(tables.join("_runs/s.json")).unwrap();
    assert!(manifest.contains("notes.md"), "{manifest}");
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn summary_reports_counts_on_stderr() {
    let out = common::temp_dir("cli-summary");
    let mut args = run_args(
        out.to_str().unwrap(),
        "s",
        "tests/fixtures/bad_records/input",
    );
    args.extend(["--config", "tests/fixtures/bad_records/pipeline.toml"]);
    let o = gazette(&args, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("documents") && err.contains("rejects") && err.contains("too_large"),
        "{err}"
    );
    std::fs::remove_dir_all(out).unwrap();
}

#[test]
fn a_second_run_on_a_locked_output_fails_at_once_or_waits_with_wait() {
    let out = common::temp_dir("cli-lock");
    let target = out.join("tables");
    let held = gazette::output::OutputLock::acquire(&target, false).unwrap();
    let args = run_args(
        target.to_str().unwrap(),
        "b",
        "tests/fixtures/en_wire/input",
    );
    let o = gazette(&args, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is in use by gazette process") && stderr(&o).contains("--wait"),
        "{}",
        stderr(&o)
    );
    assert!(!target.join("documents").exists(), "nothing written");
    // With --wait the run blocks until the holder lets go, then completes.
    let waiting = {
        let mut args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        args.push("--wait".into());
        std::thread::spawn(move || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            gazette(&args, &[])
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    drop(held);
    let o = waiting.join().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(target.join("documents/batch=b").is_dir());
    std::fs::remove_dir_all(out).unwrap();
}
