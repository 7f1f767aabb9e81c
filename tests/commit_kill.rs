//! A batch commits as one unit: `kill -9` (an abort at a fail point) at every step of the
//! commit of a re-run, then `gazette repair`, leaves every table, the dedup state and the
//! manifest of one run: the old run's when the kill came before the commit journal, the
//! new run's after it.

mod common;

use std::path::Path;
use std::process::Output;

use gazette::config::PipelineConfig;
use gazette::output::commit::COMMIT_FAILPOINT_ENV;
use gazette::output::dedup_state::load_prior;

fn gazette(args: &[&str], failpoint: Option<&str>) -> Output {
    match failpoint {
        Some(fp) => common::gazette_cli(args, &[(COMMIT_FAILPOINT_ENV, fp)]),
        None => common::gazette_cli(args, &[]),
    }
}

fn run(out: &Path, scenario: &str, failpoint: Option<&str>) -> Output {
    match failpoint {
        Some(fp) => common::run_fixture_cli(out, scenario, "b", &[(COMMIT_FAILPOINT_ENV, fp)]),
        None => common::run_fixture_cli(out, scenario, "b", &[]),
    }
}

/// Everything a reader can see of batch `b`: the five tables, the manifest's counts and
/// the dedup state (that of every batch but `other`).
fn published(out: &Path) -> String {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("_runs/b.json")).unwrap()).unwrap();
    let params = PipelineConfig::default()
        .stages
        .dedup
        .build()
        .unwrap()
        .params();
    let state: Vec<String> = load_prior(out, "other", params)
        .unwrap()
        .iter()
        .map(|e| format!("{} {}", e.doc_id, e.fingerprint.content_hash_hex()))
        .collect();
    format!(
        "{}\ncounts: {}\nstate: {state:?}",
        common::render_all(out, "b"),
        manifest["counts"]
    )
}

#[test]
fn a_kill_at_any_step_of_the_commit_leaves_tables_state_and_manifest_of_one_run() {
    let dir = common::temp_dir("commit-kill");
    let (old_run, new_run) = (dir.join("old"), dir.join("new"));
    assert!(run(&old_run, "duplicates", None).status.success());
    assert!(run(&new_run, "en_wire", None).status.success());
    let (old, new) = (published(&old_run), published(&new_run));
    assert_ne!(old, new);

    // Five tables and the dedup state: six moves.
    let mut points = vec![
        "abort-before-journal".to_string(),
        "abort-after-journal".into(),
    ];
    points.extend((1..=6).map(|n| format!("abort-after-move-{n}")));
    points.push("abort-before-manifest".into());
    for point in &points {
        let out = dir.join(point);
        assert!(run(&out, "duplicates", None).status.success());
        let killed = run(&out, "en_wire", Some(point));
        assert!(!killed.status.success(), "{point}: the fail point aborts");
        let repair = gazette(&["repair", "--output", out.to_str().unwrap()], None);
        assert!(
            repair.status.success(),
            "{point}: {}",
            String::from_utf8_lossy(&repair.stderr)
        );
        let expected = if point == "abort-before-journal" {
            &old
        } else {
            &new
        };
        // Compared as a flag, so a failure prints the fail point, not two long renders.
        assert!(
            &published(&out) == expected,
            "{point}: not the tables of one run"
        );
        // A later run of another batch also sees a whole output (recovery is idempotent).
        let again = gazette(&["repair", "--output", out.to_str().unwrap()], None);
        assert!(String::from_utf8_lossy(&again.stderr).contains("no interrupted commit"));
    }
    // Without `repair`, the next run on the output rolls the commit forward first.
    let out = dir.join("next-run");
    assert!(run(&out, "duplicates", None).status.success());
    assert!(!run(&out, "en_wire", Some("abort-after-move-2"))
        .status
        .success());
    let other = gazette(
        &[
            "run",
            "--config",
            "/dev/null",
            "--input",
            common::repo()
                .join("tests/fixtures/it_agency/input")
                .to_str()
                .unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--batch",
            "other",
            "--reference-date",
            "2026-11-21",
        ],
        None,
    );
    assert!(other.status.success());
    assert!(
        published(&out) == new,
        "the next run rolled the commit forward"
    );
    assert!(!out.join("_staging").exists(), "no staging left behind");
    std::fs::remove_dir_all(dir).unwrap();
}
