"""The batch report: how healthy is a batch, at a glance, and has it drifted?

``python -m gazette.report OUTPUT`` prints the figures of the newest batch of a gazette
output (records, rejects by reason, duplicates and cluster sizes, languages, date sources,
publication dates, top entities per type with their ids and spellings, top speakers,
quotes per language) and a drift table against the previous batches; ``--html FILE``
writes them as one self-contained page with charts. See ``python -m gazette.report --help``.

Modules, one per concept: :mod:`~gazette.report.scan` (batches and lazy table scans),
:mod:`~gazette.report.figures` (one batch's figures), :mod:`~gazette.report.drift`
(comparison with earlier batches), :mod:`~gazette.report.text` (terminal),
:mod:`~gazette.report.charts` and :mod:`~gazette.report.page` (HTML),
:mod:`~gazette.report.cli` (the command). Needs polars; the HTML needs matplotlib
(the package's optional dependencies ``report``).
"""

from __future__ import annotations

import pathlib
from typing import Any

from gazette.report.drift import DEFAULT_BANDS, DEFAULT_BASELINE, drift
from gazette.report.figures import batch_figures
from gazette.report.scan import Batch, ReportError, batches

__all__ = ["DEFAULT_BANDS", "DEFAULT_BASELINE", "Batch", "ReportError", "batches", "compute"]


def compute(
    output: str | pathlib.Path,
    batch: str | None = None,
    baseline: int = DEFAULT_BASELINE,
    bands: dict[str, float] | None = None,
) -> dict[str, Any]:
    """The report's data for ``batch`` (default: the newest by manifest ``finished``) of
    ``output``: ``{"figures": …, "drift": …}``, plain JSON-able values. Raises
    :class:`ReportError` when ``output`` has no complete batch or not this one."""
    output = pathlib.Path(output)
    all_batches = batches(output)
    if batch is None:
        chosen = all_batches[-1]
    else:
        match = [b for b in all_batches if b.id == batch]
        if not match:
            raise ReportError(
                f"{output}: no complete batch {batch!r} (batches: {', '.join(b.id for b in all_batches)})"
            )
        chosen = match[0]
    return {
        "figures": batch_figures(output, chosen),
        "drift": drift(output, all_batches, chosen, baseline=baseline, bands=bands),
    }
