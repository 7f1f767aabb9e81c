"""The command ``python -m gazette.report``: arguments, output, exit codes."""

from __future__ import annotations

import argparse
import os
import pathlib
import sys

from gazette.report.drift import DEFAULT_BANDS, DEFAULT_BASELINE, METRICS, parse_bands
from gazette.report.scan import ReportError

#: Exit codes (also in ``--help``).
EXIT_OK, EXIT_ERROR, EXIT_DRIFT = 0, 2, 3

_EPILOG = f"""\
what it shows:
  records, documents, rejects by reason, duplicates and cluster sizes, languages,
  publication date sources and a histogram of publication dates, the top entities per
  type (entity_id, name, spellings seen), the top speakers and their quote counts,
  quotes per language; then a drift table of this batch against the mean of the
  previous N complete batches (ordered by their manifest's "finished" time):
{chr(10).join(f"    {name:<19} {meaning} (band {DEFAULT_BANDS[name]:g}, {kind})" for name, (kind, meaning) in METRICS.items())}
  abs = |value - baseline|, rel = |value - baseline| / baseline, tvd = the distance itself.
  A metric beyond its band is flagged. No earlier batch: nothing is flagged.

exit codes:
  0  report written (drift flags, if any, are shown but do not fail without --fail-on-drift)
  2  bad arguments, OUTPUT is not a gazette output, no such batch, or --html
     without matplotlib installed
  3  --fail-on-drift and at least one metric is flagged

examples:
  python -m gazette.report /tmp/gazette-out
  python -m gazette.report out --batch 2026-11-21 --html report.html --fail-on-drift --band reject_rate=0.05
"""


def parser() -> argparse.ArgumentParser:
    """The argument parser (its ``--help`` documents the exit codes)."""
    p = argparse.ArgumentParser(
        prog="python -m gazette.report",
        description="The batch report of a gazette output: the figures of one batch and their\n"
        "drift against earlier batches, as text on stdout or as one self-contained HTML file.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("output", metavar="OUTPUT", type=pathlib.Path, help="the output directory of `gazette run`")
    p.add_argument("--batch", metavar="B", help="the batch to report on (default: the newest complete batch)")
    p.add_argument("--html", metavar="FILE", type=pathlib.Path,
                   help="write the report as one self-contained HTML file (works offline) instead of text")
    p.add_argument("--fail-on-drift", action="store_true", help="exit 3 when any drift metric is flagged")
    p.add_argument("--baseline", metavar="N", type=int, default=DEFAULT_BASELINE,
                   help=f"compare with the mean of the previous N batches (default {DEFAULT_BASELINE})")
    p.add_argument("--band", metavar="NAME=VALUE", action="append", default=[],
                   help="override a metric's band (repeatable, or comma-separated); defaults above")
    p.add_argument("--json", metavar="FILE", type=pathlib.Path, help="also write the computed figures as JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    """Runs the command; returns its exit code."""
    args = parser().parse_args(argv)
    if args.baseline < 0:
        print("error: --baseline must be ≥ 0", file=sys.stderr)
        return EXIT_ERROR
    try:
        bands = parse_bands(args.band)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    from gazette.report import compute

    try:
        data = compute(args.output, args.batch, baseline=args.baseline, bands=bands)
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        import json

        args.json.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.html:
        try:
            from gazette.report.page import render as render_html
        except ImportError as err:
            print(f"error: --html needs matplotlib ({err}); install the package's extra 'report'", file=sys.stderr)
            return EXIT_ERROR

        args.html.write_text(render_html(data["figures"], data["drift"]), encoding="utf-8")
        flagged = data["drift"]["flagged"]
        print(f"wrote {args.html}" + (f"; drift flagged: {', '.join(flagged)}" if flagged else ""))
    else:
        from gazette.report.text import render as render_text

        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(render_text(data["figures"], data["drift"], color=color))
    if args.fail_on_drift and data["drift"]["flagged"]:
        return EXIT_DRIFT
    return EXIT_OK
