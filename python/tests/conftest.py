"""Shared set-up of the Python tests: the repository, the `gazette` binary they compare
with (built by tools/test.sh, path in GAZETTE_BIN), and a fixed reference date."""

from __future__ import annotations

import os
import pathlib
import subprocess

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
