"""What one Spark prepare task costs on a big uncompressed JSONL file, read as an
interleaved shard (``RecordReader::shard``: the task reads the whole file, decodes every
n-th line) or as a run of lines (``RecordReader::line_range``: it seeks to its run), for
three tasks of the file (figures for issue 19, not a test). CPU seconds of this process.

    target/release/gazette-dev synth --docs 50000 --seed 1 --out /tmp/bench/in/synth.jsonl
    for i in $(seq 10); do cat /tmp/bench/in/synth.jsonl; done > /tmp/big.jsonl
    target/py-venv/bin/python dev/benches/jsonl_split_cost.py /tmp/big.jsonl
"""

from __future__ import annotations

import argparse
import tempfile
import time

import pyarrow as pa

from gazette import _native


def shard_row(path: str, shard: int, shards: int, run=(None, None, None)) -> pa.RecordBatch:
    """One row of the prepare step's input: shard ``shard`` of ``shards``, or a run."""
    start, end, first_line = run
    return pa.record_batch({
        "path": [path], "locator": ["input.jsonl"], "error": pa.array([None], pa.string()),
        "shard": [shard], "shards": [shards], "start": pa.array([start], pa.int64()),
        "end": pa.array([end], pa.int64()), "first_line": pa.array([first_line], pa.int64()),
    })


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("jsonl", help="an uncompressed JSONL file")
    ap.add_argument("--shard-bytes", type=int, default=8 << 20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as out:
        cfg = _native.effective_config([args.jsonl], out, batch="bench", config=None,
                                       reference_date="2026-11-21")
        t = time.monotonic()
        runs = _native.jsonl_ranges(args.jsonl, args.shard_bytes)
        print(f"cut into {len(runs)} runs in {time.monotonic() - t:.3f} s")
        n = len(runs)
        _native.prepare(cfg, shard_row(args.jsonl, 0, 1, runs[-1]))  # builds the stages
        for k in sorted({0, n // 2, n - 1}):
            t = time.process_time()
            old = _native.prepare(cfg, shard_row(args.jsonl, k, n)).num_rows
            a = time.process_time() - t
            t = time.process_time()
            new = _native.prepare(cfg, shard_row(args.jsonl, 0, 1, runs[k])).num_rows
            b = time.process_time() - t
            print(f"task {k} of {n}: interleaved shard {a:.2f} CPU s ({old} records), "
                  f"run of lines {b:.2f} CPU s ({new} records)")


if __name__ == "__main__":
    main()
