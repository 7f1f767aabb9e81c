"""The batch report (python -m gazette.report): its figures on the shipped examples against
a reviewed golden file, the drift flag on a planted bad batch, and the terminal text.

Regenerate the golden file after reviewing the diff:
``GAZETTE_UPDATE_GOLDEN=1 tools/test.sh`` (or the pytest command of tools/test.sh with
that variable set).
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import REFERENCE_DATE, REPO, report
from gazette.report import compute

GOLDEN = pathlib.Path(__file__).parent / "golden" / "report_examples.json"


def masked(data: dict) -> dict:
    """The report's data without what changes from run to run (times, program version)."""
    data = json.loads(json.dumps(data))
    for key in ("started", "finished", "version"):
        data["figures"]["manifest"][key] = f"<{key}>"
    return data


def test_figures_of_the_examples_match_the_golden_file(examples_output):
    data = masked(compute(examples_output))
    text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    assert str(examples_output) not in text, "paths of the test's output must not reach the figures"
    if os.environ.get("GAZETTE_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert GOLDEN.exists(), f"no golden file; create it with GAZETTE_UPDATE_GOLDEN=1 ({GOLDEN})"
    assert text == GOLDEN.read_text(encoding="utf-8"), (
        "report figures differ from the golden file; review, then GAZETTE_UPDATE_GOLDEN=1 tools/test.sh"
    )


def test_figures_agree_with_the_manifest(examples_output):
    """Independent of the golden file: the figures add up to the run manifest's counts."""
    f = compute(examples_output)["figures"]
    counts = json.loads((examples_output / "_runs" / "examples.json").read_text())["counts"]
    assert f["records"] == counts["input_records"]
    assert f["documents"] == counts["documents"]
    assert f["rejects"] == counts["rejects"]
    assert f["duplicates"]["documents"] == counts["duplicates"]
    assert f["entity_mentions"] == counts["entity_mentions"]
    assert f["quotes"] == counts["quotes"]
    assert sum(r["count"] for r in f["languages"]) == f["documents"]
    assert sum(r["count"] for r in f["quotes_per_language"]) == f["quotes"]
    assert sum(c["size"] * c["clusters"] for c in f["duplicates"]["cluster_sizes"]) == (
        f["duplicates"]["documents"] + f["duplicates"]["clusters"]
    )
    for rows in f["top_entities"].values():
        for r in rows:
            assert r["spellings"] and r["entity_id"]


def _write_bad_batch(root: pathlib.Path, n: int) -> pathlib.Path:
    """An input directory: the examples' article files plus ``n`` records that are rejected
    (empty files)."""
    src = root / "bad-input"
    shutil.copytree(REPO / "examples", src, ignore=shutil.ignore_patterns("README.md"))
    for i in range(n):
        (src / f"empty-{i:03}.txt").write_text("", encoding="utf-8")
    return src


def test_drift_is_flagged_on_a_planted_bad_batch(tmp_path, gazette_bin):
    """Batch 2026-11-20: the examples. Batch 2026-11-21: the same articles plus as many
    empty records, so half its records are rejected. (Date-like batch ids: the partition
    column must still be read as a string.)"""
    out = tmp_path / "out"

    def run(inputs: pathlib.Path, batch: str) -> None:
        done = subprocess.run(
            [str(gazette_bin), "run", "--input", str(inputs), "--output", str(out), "--batch", batch,
             "--reference-date", REFERENCE_DATE],
            cwd=REPO, capture_output=True, text=True,
        )
        assert done.returncode == 0, done.stderr

    run(REPO / "examples", "2026-11-20")
    good = compute(out)["figures"]
    bad_input = _write_bad_batch(tmp_path, good["documents"])
    run(bad_input, "2026-11-21")

    data = compute(out)
    assert data["figures"]["batch"] == "2026-11-21", "the default batch is the newest"
    assert data["figures"]["rejects"] == good["documents"]
    assert data["figures"]["reject_rate"] == pytest.approx(0.5)
    assert {"reason": "empty", "count": good["documents"]} in data["figures"]["rejects_by_reason"]
    assert data["drift"]["baseline_batches"] == ["2026-11-20"]
    assert "reject_rate" in data["drift"]["flagged"]
    reject = next(m for m in data["drift"]["metrics"] if m["name"] == "reject_rate")
    assert reject["value"] == pytest.approx(0.5) and reject["baseline"] == 0.0 and reject["flagged"]

    flagged = report(str(out), "--fail-on-drift")
    assert flagged.returncode == 3, flagged.stderr
    assert "drift flagged: " in flagged.stdout and "reject_rate" in flagged.stdout.split("drift flagged: ")[1]
    # Without --fail-on-drift the flag is shown but the exit code is 0.
    shown = report(str(out))
    assert shown.returncode == 0 and "FLAGGED" in shown.stdout
    # A band wide enough for every planted change: nothing flagged, exit 0.
    wide = report(str(out), "--fail-on-drift", "--band", "reject_rate=0.6,duplicate_share=1,mean_body_chars=1")
    assert wide.returncode == 0, wide.stdout
    # The first batch alone has no baseline: nothing flagged.
    first = report(str(out), "--batch", "2026-11-20", "--fail-on-drift")
    assert first.returncode == 0 and "no earlier batch" in first.stdout
    # With --baseline 0 there is nothing to compare with either.
    assert report(str(out), "--fail-on-drift", "--baseline", "0").returncode == 0


def test_terminal_output_is_plain_text_with_the_figures(examples_output):
    done = report(str(examples_output))
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "\x1b" not in text, "no ANSI codes when stdout is not a terminal"
    f = compute(examples_output)["figures"]
    assert "batch report — batch examples" in text
    assert f"  records    {f['records']}" in text
    assert f"  documents  {f['documents']}" in text
    assert f"duplicates {f['duplicates']['documents']} " in text
    top = f["languages"][0]
    assert any(line.split()[:2] == [top["language"], str(top["count"])] for line in text.splitlines())
    speaker = f["top_speakers"][0]
    assert any(speaker["speaker"] in line and str(speaker["quotes"]) in line.split() for line in text.splitlines())
    for rows in f["top_entities"].values():
        assert rows[0]["entity_id"] in text
    assert "no earlier batch" in text
    for section in ("Records", "Languages", "Publication dates", "Entities", "Quotes", "Drift"):
        assert any(line.startswith(section) for line in text.splitlines()), section


def test_errors_and_help(tmp_path, examples_output):
    assert report(str(tmp_path)).returncode == 2
    missing = report(str(examples_output), "--batch", "nope")
    assert missing.returncode == 2 and "no complete batch 'nope'" in missing.stderr
    assert report(str(examples_output), "--band", "bogus=1").returncode == 2
    helped = report("--help")
    assert helped.returncode == 0
    for needle in ("exit codes:", "  3  --fail-on-drift", "--html FILE", "--baseline N", "examples:"):
        assert needle in helped.stdout
