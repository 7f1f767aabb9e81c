"""Shared set-up of the Python tests: the repository, the `gazette` binary they compare
with (built by tools/test.sh, path in GAZETTE_BIN), and a fixed reference date."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
REFERENCE_DATE = "2026-11-21"


@pytest.fixture(scope="session")
def gazette_bin() -> pathlib.Path:
    path = os.environ.get("GAZETTE_BIN")
    assert path, "GAZETTE_BIN must name the gazette binary (tools/test.sh sets it)"
    return pathlib.Path(path)


@pytest.fixture
def cli(gazette_bin):
    """Runs the `gazette` command in the repository; returns the CompletedProcess."""

    def call(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(gazette_bin), *args], cwd=REPO, capture_output=True, text=True
        )

    return call


def report(*args: str) -> subprocess.CompletedProcess:
    """Runs ``python -m gazette.report`` with stdout a pipe (not a terminal)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "python") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "gazette.report", *args], capture_output=True, text=True, env=env
    )


@pytest.fixture(scope="session")
def examples_output(tmp_path_factory, gazette_bin):
    """The shipped examples run as batch "examples" (one batch)."""
    out = tmp_path_factory.mktemp("report") / "out"
    done = subprocess.run(
        [str(gazette_bin), "run", "--input", "examples", "--output", str(out), "--batch", "examples",
         "--reference-date", REFERENCE_DATE],
        cwd=REPO, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    return out


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "spark: the Spark job against the CLI (select with -m spark)"
    )
