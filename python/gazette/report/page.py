"""The report as one self-contained HTML page: inline CSS and inline SVG charts, no
script, no external resource (works offline, from a file or a mail attachment)."""

from __future__ import annotations

import html
import json
from typing import Any

from gazette.report.charts import drift_history, figure_charts

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
h1{font-size:22px;margin-bottom:4px} h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:3px}
h3{font-size:14px;margin:14px 0 4px}
.meta{color:#666} .kpis{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
.kpi{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:120px}
.kpi b{display:block;font-size:20px} .kpi span{color:#666;font-size:12px}
.grid{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}
figure.chart{margin:0;border:1px solid #eee;border-radius:6px;padding:6px;background:#fff}
figure.chart svg{max-width:100%;height:auto;display:block}
table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
th,td{border-bottom:1px solid #eee;padding:3px 10px 3px 0;text-align:left;vertical-align:top}
td.num,th.num{text-align:right} code{font-size:12px;color:#555}
tr.flag td{background:#fdecea;color:#a12}
.none{color:#888;font-style:italic} .ok{color:#2a7a2a} .bad{color:#c0392b;font-weight:bold}
"""


def _e(x: Any) -> str:
    return html.escape("–" if x is None else str(x))


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _chart(key: str, title: str, svg: str | None) -> str:
    if svg is None:
        return f'<div class="none" data-empty-chart="{_e(key)}">{_e(title)}: none</div>'
    return f'<figure class="chart" data-chart="{_e(key)}">{svg}</figure>'


def _metric_value(m: dict[str, Any], key: str) -> str:
    x = m[key]
    if x is None:
        return "–"
    if m["name"] == "mean_body_chars" and key != "distance":
        return f"{x:.1f}"
    if m["kind"] == "rel":
        return _pct(x)
    if m["kind"] == "tvd":
        return f"{x:.3f}"
    return _pct(x) if key != "distance" else f"{100 * x:.1f} pts"


def render(figures: dict[str, Any], drift: dict[str, Any]) -> str:
    """The whole page as a string."""
    f = figures
    charts = figure_charts(f)
    man = f["manifest"]
    dup = f["duplicates"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>gazette batch report — {_e(f['batch'])}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>gazette batch report — batch <code>{_e(f['batch'])}</code></h1>",
        (
            f'<p class="meta">finished {_e(man["finished"])} · gazette {_e(man["version"])} · '
            f"schema {_e(man['schema_version'])}</p>"
        ),
    ]
    status = (
        f'<span class="bad">drift flagged: {_e(", ".join(drift["flagged"]))}</span>'
        if drift["flagged"]
        else ('<span class="ok">no drift flagged</span>' if drift["baseline_batches"] else
              '<span class="none">no earlier batch to compare with</span>')
    )
    parts.append(f"<p>{status}</p>")
    kpis = [
        ("records", f["records"]), ("documents", f["documents"]),
        ("rejects", f"{f['rejects']} ({_pct(f['reject_rate'])})"),
        ("duplicates", f"{dup['documents']} ({_pct(dup['share'])})"),
        ("dated", _pct(f["date_coverage"])), ("mean body", f"{f['mean_body_chars']:.0f} chars"),
        ("entity mentions", f["entity_mentions"]), ("quotes", f["quotes"]),
    ]
    parts.append('<div class="kpis">' + "".join(f'<div class="kpi"><b>{_e(v)}</b><span>{_e(k)}</span></div>' for k, v in kpis) + "</div>")

    parts.append("<h2>Records, rejects and duplicates</h2>")
    parts.append(f"<p>{dup['documents']} duplicate(s) in {dup['clusters']} cluster(s); "
                 f"{dup['of_earlier_batches']} cluster(s) around a document of an earlier batch.</p>")
    if man.get("skipped_files"):
        parts.append("<p>Skipped files of a format gazette does not read: " +
                     ", ".join(f"<code>{_e(p)}</code>" for p in man["skipped_files"]) + "</p>")
    parts.append('<div class="grid">' + _chart("rejects", *charts["rejects"]) + _chart("clusters", *charts["clusters"]) + "</div>")

    parts.append("<h2>Languages and dates</h2>")
    parts.append('<div class="grid">' + "".join(_chart(k, *charts[k]) for k in ("languages", "date_sources", "quotes_per_language")) + "</div>")
    rng = f["publication_range"]
    parts.append(f"<p>{_pct(f['date_coverage'])} of documents have a publication date"
                 + (f", from {_e(rng[0])} to {_e(rng[1])}" if rng else "") + ".</p>")
    parts.append(_chart("publication_dates", *charts["publication_dates"]))

    parts.append(f"<h2>Entities — top {max((len(v) for v in f['top_entities'].values()), default=0)} per type</h2>")
    if not f["top_entities"]:
        parts.append('<p class="none">none</p>')
    for etype, rows in f["top_entities"].items():
        parts.append(f"<h3>{_e(etype)}</h3><table><tr><th>entity_id</th><th>name</th>"
                     '<th class="num">mentions</th><th class="num">documents</th><th>spellings seen</th></tr>')
        for r in rows:
            more = r["distinct_spellings"] - len(r["spellings"])
            parts.append(
                f"<tr><td><code>{_e(r['entity_id'])}</code></td><td>{_e(r['name'])}</td>"
                f'<td class="num">{r["mentions"]}</td><td class="num">{r["documents"]}</td>'
                f"<td>{_e(' · '.join(r['spellings']))}{f' (+{more})' if more > 0 else ''}</td></tr>"
            )
        parts.append("</table>")

    parts.append(f"<h2>Quotes — top speakers</h2><p>{f['quotes']} quote(s), {f['quotes_without_speaker']} without a speaker.</p>")
    parts.append('<div class="grid">' + _chart("speakers", *charts["speakers"]))
    if f["top_speakers"]:
        parts.append('<table><tr><th>speaker</th><th>speaker_id</th><th class="num">quotes</th><th class="num">documents</th></tr>')
        for r in f["top_speakers"]:
            parts.append(f"<tr><td>{_e(r['speaker'])}</td><td><code>{_e(r['speaker_id'])}</code></td>"
                         f'<td class="num">{r["quotes"]}</td><td class="num">{r["documents"]}</td></tr>')
        parts.append("</table>")
    parts.append("</div>")

    base = drift["baseline_batches"]
    if base:
        parts.append(f"<h2>Drift against the previous {len(base)} batch(es)</h2>")
        parts.append("<p>Baseline: the mean of " + ", ".join(f"<code>{_e(b)}</code>" for b in base) +
                 (f"; <code>top_language_share</code> is the share of <code>{_e(drift['top_language'])}</code>" if drift["top_language"] else "") + ".</p>")
    else:
        parts.append("<h2>Drift</h2><p>No earlier batch to compare with: the figures below are this batch's"
                     " own, and nothing is flagged.</p>")
    parts.append('<table class="drift"><tr><th>metric</th><th class="num">this batch</th><th class="num">baseline</th>'
                 '<th class="num">distance</th><th class="num">band</th><th></th><th>meaning</th></tr>')
    for m in drift["metrics"]:
        band = f"{100 * m['band']:.0f}%" if m["kind"] == "rel" else (f"{m['band']:.3f}" if m["kind"] == "tvd" else f"{100 * m['band']:.1f} pts")
        parts.append(
            f'<tr class="{"flag" if m["flagged"] else ""}" data-metric="{_e(m["name"])}"><td><code>{_e(m["name"])}</code></td>'
            f'<td class="num">{_metric_value(m, "value")}</td><td class="num">{_metric_value(m, "baseline")}</td>'
            f'<td class="num">{_metric_value(m, "distance")}</td><td class="num">{band}</td>'
            f"<td>{'FLAGGED' if m['flagged'] else 'ok'}</td><td>{_e(m['meaning'])}</td></tr>"
        )
    parts.append("</table>")
    parts.append(_chart("drift", "Drift history", drift_history(drift)))
    parts.append("<details><summary>The figures as JSON</summary><pre>"
                 + _e(json.dumps({"figures": f, "drift": drift}, indent=1, ensure_ascii=False)) + "</pre></details>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
