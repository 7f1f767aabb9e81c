"""The batches of a gazette output and lazy polars scans of its tables.

A batch counts once its manifest ``_runs/<batch>.json`` exists: the pipeline writes it
last, so a batch without one is incomplete and is left out. Batches are ordered by the
manifest's ``finished`` time (then by id), oldest first.
"""

from __future__ import annotations

import json
import pathlib
from dataclasses import dataclass
from typing import Any

import polars as pl


class ReportError(Exception):
    """The output cannot be reported on (not a gazette output, unknown batch…)."""


@dataclass(frozen=True)
class Batch:
    """One complete batch: its id and its run manifest."""

    id: str
    manifest: dict[str, Any]

    @property
    def finished(self) -> str:
        """The manifest's ``finished`` time (ISO 8601 UTC), '' when absent."""
        return str(self.manifest.get("finished") or "")


def batches(output: pathlib.Path) -> list[Batch]:
    """Every complete batch of ``output``, oldest first (by manifest ``finished``)."""
    runs = output / "_runs"
    if not runs.is_dir():
        raise ReportError(f"{output}: not a gazette output (no _runs/ directory)")
    found = []
    for path in runs.glob("*.json"):
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise ReportError(f"{path}: unreadable run manifest: {err}") from err
        found.append(Batch(str(manifest.get("batch") or path.stem), manifest))
    found.sort(key=lambda b: (b.finished, b.id))
    if not found:
        raise ReportError(f"{output}: no complete batch (no _runs/<batch>.json)")
    return found


def scan(output: pathlib.Path, table: str, batch_ids: list[str] | None = None) -> pl.LazyFrame | None:
    """A lazy scan of ``table`` under ``output``, its ``batch`` column a string.

    The Hive partition column is read as a string whatever its values look like (a batch
    id such as ``2026-11-21`` would otherwise be inferred as a date). With ``batch_ids``,
    only those batches' rows (partition pruning keeps the other files unread). ``None``
    when the table has no file at all.
    """
    root = output / table
    if not any(root.glob("batch=*/*.parquet")):
        return None
    frame = pl.scan_parquet(
        str(root / "**" / "*.parquet"),
        hive_partitioning=True,
        hive_schema={"batch": pl.String},
    )
    if batch_ids is not None:
        frame = frame.filter(pl.col("batch").is_in(batch_ids))
    return frame
