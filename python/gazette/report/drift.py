"""Drift of one batch against the batches before it.

For each batch, five health metrics (:data:`METRICS`); the batch is compared with the mean
of the previous N complete batches (by manifest ``finished``), and a metric whose distance
to that baseline is beyond its band is flagged. With no earlier batch nothing is flagged.
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass
from typing import Any

import polars as pl

from gazette.report.scan import Batch, scan

#: The metrics, in report order, with how their distance to the baseline is measured:
#: ``abs`` = |value − baseline| (shares, in [0, 1]); ``rel`` = |value − baseline| / baseline;
#: ``tvd`` = total variation distance between this batch's language mix and the baseline's
#: (the value itself is the distance; the baseline is 0).
METRICS: dict[str, tuple[str, str]] = {
    "reject_rate": ("abs", "rejects / records"),
    "language_tvd": ("tvd", "total variation distance of the language mix to the baseline mix"),
    "top_language_share": ("abs", "share of documents in the baseline's most common language"),
    "mean_body_chars": ("rel", "mean body length in code points"),
    "duplicate_share": ("abs", "duplicates / documents"),
    "date_coverage": ("abs", "documents with a publication date / documents"),
}

#: The default bands: how far from the baseline a metric may be before it is flagged
#: (absolute for shares and the distance, relative for the mean body length).
DEFAULT_BANDS: dict[str, float] = {
    "reject_rate": 0.10,
    "language_tvd": 0.20,
    "top_language_share": 0.20,
    "mean_body_chars": 0.30,
    "duplicate_share": 0.15,
    "date_coverage": 0.20,
}

#: Default number of previous batches the baseline is the mean of.
DEFAULT_BASELINE = 7


def parse_bands(specs: list[str]) -> dict[str, float]:
    """The default bands overridden by ``NAME=VALUE`` specs; ValueError names a bad one."""
    bands = dict(DEFAULT_BANDS)
    for spec in specs:
        for part in spec.split(","):
            name, sep, value = part.partition("=")
            name = name.strip()
            if not sep or name not in DEFAULT_BANDS:
                raise ValueError(
                    f"--band {part!r}: expected NAME=VALUE with NAME one of {', '.join(DEFAULT_BANDS)}"
                )
            try:
                band = float(value)
            except ValueError:
                raise ValueError(f"--band {part!r}: {value!r} is not a number") from None
            if band < 0:
                raise ValueError(f"--band {part!r}: the band must be ≥ 0")
            bands[name] = band
    return bands


@dataclass
class _Stats:
    """The raw per-batch figures the metrics come from."""

    records: int
    rejects: int
    documents: int
    duplicates: int
    dated: int
    chars_sum: int
    languages: dict[str, int]


def _stats(output: pathlib.Path, ids: list[str]) -> dict[str, _Stats]:
    """Per-batch raw figures for ``ids``, one grouped lazy query per table."""
    docs = scan(output, "documents", ids)
    rejects = scan(output, "rejects", ids)
    per_doc = (
        docs.group_by("batch")
        .agg(
            pl.len().alias("documents"),
            pl.col("duplicate_of").is_not_null().sum().alias("duplicates"),
            pl.col("published_date").is_not_null().sum().alias("dated"),
            pl.col("chars").cast(pl.Int64).sum().alias("chars_sum"),
        )
        .collect()
        if docs is not None
        else pl.DataFrame()
    )
    langs = (
        docs.group_by("batch", "language").len("n").collect() if docs is not None else pl.DataFrame()
    )
    rej = rejects.group_by("batch").len("rejects").collect() if rejects is not None else pl.DataFrame()
    out = {b: _Stats(0, 0, 0, 0, 0, 0, {}) for b in ids}
    for row in per_doc.to_dicts():
        s = out[row["batch"]]
        s.documents, s.duplicates, s.dated, s.chars_sum = (
            row["documents"], row["duplicates"], row["dated"], row["chars_sum"] or 0,
        )
    for row in langs.to_dicts():
        out[row["batch"]].languages[row["language"]] = row["n"]
    for row in rej.to_dicts():
        out[row["batch"]].rejects = row["rejects"]
    for s in out.values():
        s.records = s.documents + s.rejects
    return out


def _mix(s: _Stats) -> dict[str, float]:
    total = sum(s.languages.values())
    return {k: v / total for k, v in s.languages.items()} if total else {}


def _tvd(a: dict[str, float], b: dict[str, float]) -> float:
    return 0.5 * sum(abs(a.get(k, 0.0) - b.get(k, 0.0)) for k in set(a) | set(b))


def _metrics(s: _Stats, baseline_mix: dict[str, float], top_language: str | None) -> dict[str, float | None]:
    mix = _mix(s)
    return {
        "reject_rate": s.rejects / s.records if s.records else None,
        "language_tvd": _tvd(mix, baseline_mix) if mix and baseline_mix else None,
        "top_language_share": mix.get(top_language, 0.0) if mix and top_language else None,
        "mean_body_chars": s.chars_sum / s.documents if s.documents else None,
        "duplicate_share": s.duplicates / s.documents if s.documents else None,
        "date_coverage": s.dated / s.documents if s.documents else None,
    }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def drift(
    output: pathlib.Path,
    all_batches: list[Batch],
    batch: Batch,
    baseline: int = DEFAULT_BASELINE,
    bands: dict[str, float] | None = None,
) -> dict[str, Any]:
    """The drift table of ``batch`` against the ``baseline`` batches finished before it.

    Returns ``{"batch", "baseline_batches", "bands", "metrics": [{name, value, baseline,
    distance, band, flagged, kind, meaning}], "history": [{batch, <metric>…}], "flagged":
    [names]}``; ``history`` holds the baseline batches then this one, oldest first.
    """
    bands = dict(DEFAULT_BANDS if bands is None else bands)
    position = [b.id for b in all_batches].index(batch.id)
    previous = all_batches[max(0, position - baseline):position] if baseline > 0 else []
    ids = [b.id for b in previous] + [batch.id]
    stats = _stats(output, ids)

    # The baseline language mix: the mean of the previous batches' mixes.
    mixes = [_mix(stats[b.id]) for b in previous]
    mixes = [m for m in mixes if m]
    base_mix: dict[str, float] = {}
    for m in mixes:
        for k, v in m.items():
            base_mix[k] = base_mix.get(k, 0.0) + v / len(mixes)
    top_language = (
        min(base_mix, key=lambda k: (-base_mix[k], k)) if base_mix else
        min(stats[batch.id].languages, key=lambda k: (-stats[batch.id].languages[k], k))
        if stats[batch.id].languages else None
    )
    history = []
    values = {}
    for b in ids:
        values[b] = _metrics(stats[b], base_mix, top_language)
        history.append({"batch": b, **{k: _round(v) for k, v in values[b].items()}})

    rows = []
    flagged = []
    for name, (kind, meaning) in METRICS.items():
        value = values[batch.id][name]
        past = [values[b.id][name] for b in previous if values[b.id][name] is not None]
        if kind == "tvd":
            base = 0.0 if past else None
        else:
            base = sum(past) / len(past) if past else None
        distance = None
        if value is not None and base is not None:
            if kind == "tvd":
                distance = value
            elif kind == "rel":
                distance = abs(value - base) / base if base else (0.0 if value == base else float("inf"))
            else:
                distance = abs(value - base)
        is_flagged = distance is not None and distance > bands[name]
        if is_flagged:
            flagged.append(name)
        rows.append(
            {
                "name": name,
                "value": _round(value),
                "baseline": _round(base),
                "distance": _round(distance),
                "band": bands[name],
                "kind": kind,
                "flagged": is_flagged,
                "meaning": meaning,
            }
        )
    return {
        "batch": batch.id,
        "baseline_batches": [b.id for b in previous],
        "top_language": top_language,
        "bands": bands,
        "metrics": rows,
        "history": history,
        "flagged": flagged,
    }
