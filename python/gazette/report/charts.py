"""The report's charts: matplotlib figures rendered to inline SVG (no network, no files).

Each function returns an ``<svg>`` element as a string, or ``None`` when there is nothing
to draw (the page then says "none" instead of showing an empty chart).
"""

from __future__ import annotations

import io
import re
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

_STYLE = {
    "svg.fonttype": "none",  # text stays text: smaller, selectable, fonts from the page
    "svg.hashsalt": "gazette-report",  # same ids on every run
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_COLOR = "#3b6ea8"
_FLAG = "#c0392b"


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = buf.getvalue()
    # Keep the <svg> element only: no XML declaration or DOCTYPE inside the HTML body.
    return text[text.index("<svg"):]


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _mark(artists, chart: str) -> None:
    """Gives the artists that draw data an SVG id ``data-<chart>-<n>`` (the browser test
    looks for them: axes alone do not count as a drawn chart)."""
    for i, artist in enumerate(artists):
        artist.set_gid(f"data-{chart}-{i}")


def bars(labels: list[str], values: list[float], title: str, xlabel: str = "", horizontal: bool = True) -> str | None:
    """A bar chart of ``values`` by ``labels`` (horizontal bars by default)."""
    if not values:
        return None
    with plt.rc_context(_STYLE):
        if horizontal:
            fig, ax = plt.subplots(figsize=(5.5, 0.35 * len(values) + 0.9))
            _mark(ax.barh(range(len(values)), values, color=_COLOR), _slug(title))
            ax.set_yticks(range(len(values)), labels)
            ax.invert_yaxis()
            ax.set_xlabel(xlabel)
            for i, v in enumerate(values):
                ax.text(v, i, f" {v:g}", va="center", fontsize=8)
        else:
            fig, ax = plt.subplots(figsize=(max(5.5, 0.22 * len(values) + 1.5), 2.8))
            _mark(ax.bar(range(len(values)), values, color=_COLOR, width=0.85), _slug(title))
            step = max(1, len(labels) // 16)
            ax.set_xticks(range(0, len(labels), step), labels[::step], rotation=60, ha="right")
            ax.set_ylabel(xlabel)
        ax.set_title(title, loc="left")
        return _svg(fig)


def drift_history(drift: dict[str, Any]) -> str | None:
    """One small line chart per drift metric over the baseline batches and this one, the
    band around the baseline shaded and flagged values marked."""
    history = drift["history"]
    if not history:
        return None
    metrics = drift["metrics"]
    with plt.rc_context(_STYLE):
        cols = 3
        rows = (len(metrics) + cols - 1) // cols
        fig, axes = plt.subplots(rows, cols, figsize=(9, 2.3 * rows), squeeze=False)
        xs = list(range(len(history)))
        labels = [h["batch"] for h in history]
        for ax, m in zip(axes.flat, metrics):
            ys = [h[m["name"]] if h[m["name"]] is not None else float("nan") for h in history]
            _mark(ax.plot(xs, ys, marker="o", color=_COLOR, linewidth=1.2, markersize=4), "drift-" + m["name"])
            base, band = m["baseline"], m["band"]
            if base is not None:
                lo, hi = (base * (1 - band), base * (1 + band)) if m["kind"] == "rel" else (base - band, base + band)
                if m["kind"] == "tvd":
                    lo, hi = 0.0, band
                ax.axhspan(lo, hi, color=_COLOR, alpha=0.12, linewidth=0)
                ax.axhline(base, color=_COLOR, linewidth=0.6, linestyle="--")
            if m["flagged"]:
                ax.plot([xs[-1]], [ys[-1]], marker="o", color=_FLAG, markersize=8)
            ax.set_title(m["name"] + ("  (flagged)" if m["flagged"] else ""), loc="left",
                         color=_FLAG if m["flagged"] else "black")
            ax.set_xticks(xs, labels, rotation=45, ha="right", fontsize=7)
        for ax in list(axes.flat)[len(metrics):]:
            ax.set_visible(False)
        fig.tight_layout()
        return _svg(fig)


def figure_charts(figures: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    """The charts of one batch's figures: ``{key: (title, svg or None)}`` in page order."""
    f = figures
    return {
        "rejects": ("Rejects by reason", bars([r["reason"] for r in f["rejects_by_reason"]],
                                             [r["count"] for r in f["rejects_by_reason"]], "Rejects by reason", "records")),
        "clusters": ("Duplicate cluster sizes", bars(
            [f"{c['size']} docs" for c in f["duplicates"]["cluster_sizes"]],
            [c["clusters"] for c in f["duplicates"]["cluster_sizes"]], "Duplicate cluster sizes", "clusters")),
        "languages": ("Documents per language", bars([r["language"] for r in f["languages"]],
                                                    [r["count"] for r in f["languages"]], "Documents per language", "documents")),
        "date_sources": ("Publication date source", bars([r["date_source"] for r in f["date_sources"]],
                                                         [r["count"] for r in f["date_sources"]], "Publication date source", "documents")),
        "publication_dates": (f"Publication dates (documents per {f['publication_dates']['bin']})", bars(
            [m["bin"] for m in f["publication_dates"]["counts"]], [m["count"] for m in f["publication_dates"]["counts"]],
            f"Publication dates (documents per {f['publication_dates']['bin']})", "documents", horizontal=False)),
        "quotes_per_language": ("Quotes per language", bars([r["language"] for r in f["quotes_per_language"]],
                                                           [r["count"] for r in f["quotes_per_language"]], "Quotes per language", "quotes")),
        "speakers": ("Top speakers", bars([r["speaker"] for r in f["top_speakers"]],
                                         [r["quotes"] for r in f["top_speakers"]], "Top speakers (quotes)", "quotes")),
    }


