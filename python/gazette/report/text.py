"""The report as plain text for a terminal: the figures of one batch and its drift table.

Colour (ANSI codes) only when asked for — the command asks only when stdout is a terminal
and ``NO_COLOR`` is unset; otherwise the text has no escape code at all.
"""

from __future__ import annotations

from typing import Any


def _fmt(x: Any, kind: str = "") -> str:
    if x is None:
        return "–"
    if kind == "rel" or isinstance(x, float) and kind != "share":
        return f"{x:.1f}" if abs(x) >= 10 else f"{x:.3f}"
    if kind == "share":
        return f"{100 * x:.1f}%"
    return str(x)


def _table(header: list[str], rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = lambda cells: indent + "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _counts(title: str, rows: list[dict[str, Any]], key: str) -> list[str]:
    if not rows:
        return [f"{title}: none"]
    body = [[str(r[key]), str(r["count"]), _fmt(r.get("share"), "share") if "share" in r else ""] for r in rows]
    return [f"{title}:", *_table([key, "count", "share" if "share" in rows[0] else ""], body)]


def render(figures: dict[str, Any], drift: dict[str, Any], color: bool = False) -> str:
    """The report as text lines (ending with a newline)."""
    bold = (lambda s: f"\x1b[1m{s}\x1b[0m") if color else (lambda s: s)
    red = (lambda s: f"\x1b[31;1m{s}\x1b[0m") if color else (lambda s: s)
    f = figures
    out = [bold(f"gazette batch report — batch {f['batch']}")]
    man = f["manifest"]
    out.append(f"  finished {man['finished']}, gazette {man['version']}, schema {man['schema_version']}")
    out.append("")
    out.append(bold("Records"))
    out.append(f"  records    {f['records']}  (documents + rejects; manifest input records {man['input_records']})")
    out.append(f"  documents  {f['documents']}")
    out.append(f"  rejects    {f['rejects']}  ({_fmt(f['reject_rate'], 'share')})")
    out += ["  " + s for s in _counts("rejects by reason", f["rejects_by_reason"], "reason")]
    dup = f["duplicates"]
    out.append(
        f"  duplicates {dup['documents']} ({_fmt(dup['share'], 'share')}) in {dup['clusters']} cluster(s), "
        f"{dup['of_earlier_batches']} of them around a document of an earlier batch"
    )
    if dup["cluster_sizes"]:
        sizes = ", ".join(f"{c['clusters']}×{c['size']}" for c in dup["cluster_sizes"])
        out.append(f"  cluster sizes (clusters×documents): {sizes}")
    out.append(f"  mean body length {_fmt(f['mean_body_chars'])} code points")
    out.append("")
    out.append(bold("Languages"))
    out += _counts("documents per language", f["languages"], "language")
    out += _counts("quotes per language", f["quotes_per_language"], "language")
    out.append("")
    out.append(bold("Publication dates"))
    out.append(f"  coverage {_fmt(f['date_coverage'], 'share')} of documents dated; range "
               + (" to ".join(f["publication_range"]) if f["publication_range"] else "–"))
    out += _counts("date source", f["date_sources"], "date_source")
    hist = f["publication_dates"]
    if hist["counts"]:
        peak = max(m["count"] for m in hist["counts"])
        out.append(f"  documents per {hist['bin']} of publication:")
        for m in hist["counts"]:
            out.append(f"    {m['bin']}  {str(m['count']).rjust(len(str(peak)))}  {'#' * max(1, round(40 * m['count'] / peak))}")
    out.append("")
    out.append(bold(f"Entities ({f['entity_mentions']} mentions): top per type"))
    if not f["top_entities"]:
        out.append("  none")
    for etype, rows in f["top_entities"].items():
        out.append(f"  {etype}:")
        out += _table(
            ["entity_id", "name", "mentions", "docs", "spellings seen"],
            [[r["entity_id"], r["name"], str(r["mentions"]), str(r["documents"]),
              " | ".join(r["spellings"]) + (f" (+{r['distinct_spellings'] - len(r['spellings'])})"
                                            if r["distinct_spellings"] > len(r["spellings"]) else "")]
             for r in rows],
            indent="    ",
        )
    out.append("")
    out.append(bold(f"Quotes ({f['quotes']}, {f['quotes_without_speaker']} without a speaker): top speakers"))
    if f["top_speakers"]:
        out += _table(
            ["speaker", "speaker_id", "quotes", "docs"],
            [[r["speaker"], r["speaker_id"] or "–", str(r["quotes"]), str(r["documents"])] for r in f["top_speakers"]],
        )
    else:
        out.append("  none")
    out.append("")
    base = drift["baseline_batches"]
    if base:
        out.append(bold(f"Drift against the previous {len(base)} batch(es)") + f": {', '.join(base)}")
    else:
        out.append(bold("Drift") + ": no earlier batch to compare with, nothing flagged")
    rows = []
    for m in drift["metrics"]:
        kind = "share" if m["kind"] in ("abs",) and m["name"] != "mean_body_chars" else m["kind"]
        band = f"±{100 * m['band']:.0f}%" if m["kind"] == "rel" else (f"≤{m['band']:.3f}" if m["kind"] == "tvd" else f"±{100 * m['band']:.1f} pts")
        dist = m["distance"]
        dist_s = "–" if dist is None else (f"{100 * dist:.1f}%" if m["kind"] == "rel" else
                                         (f"{dist:.3f}" if m["kind"] == "tvd" else f"{100 * dist:.1f} pts"))
        rows.append([m["name"], _fmt(m["value"], kind if kind == "share" else ""), _fmt(m["baseline"], kind if kind == "share" else ""),
                     dist_s, band, "FLAGGED" if m["flagged"] else "ok"])
    table = _table(["metric", "this batch", "baseline", "distance", "band", ""], rows)
    out += [red(line) if "FLAGGED" in line else line for line in table]
    if drift["top_language"]:
        out.append(f"  (top_language_share is the share of '{drift['top_language']}')")
    if drift["flagged"]:
        out.append(red(f"drift flagged: {', '.join(drift['flagged'])}"))
    return "\n".join(out) + "\n"
