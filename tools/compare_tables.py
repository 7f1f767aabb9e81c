#!/usr/bin/env python3
"""Compare the tables of two gazette output directories, for refactors that must not change
behaviour.

For every Parquet file under A (and B: the same set of files must exist in both):
  1. the bytes before the footer (every data page) are identical;
  2. the footers agree: row groups, column chunks (offsets, sizes, statistics), row counts;
  3. the key-value metadata agree, except the Arrow schema blob (`ARROW:schema`), which
     carries the `gazette.*` metadata since schema 1 was stamped into it;
  4. the tables read back equal, values and types (schema metadata ignored);
and every run manifest's counts agree (dedup state figures left out: their format changed).

Prints one line per difference and a last line `identical=N different=M`; exits 1 when
anything differs. Needs pyarrow.

usage: compare_tables.py A B [--ignore-kv KEY ...]
"""
import json
import struct
import sys
from pathlib import Path

import pyarrow.parquet as pq


def data_region(path: Path) -> bytes:
    raw = path.read_bytes()
    footer_len = struct.unpack("<I", raw[-8:-4])[0]
    return raw[: len(raw) - 8 - footer_len]


def footer_summary(md) -> list:
    out = [md.num_rows, md.num_row_groups, md.num_columns]
    for rg in range(md.num_row_groups):
        g = md.row_group(rg)
        out.append(("rg", g.num_rows, g.total_byte_size))
        for c in range(g.num_columns):
            col = g.column(c)
            d = col.to_dict()
            d.pop("statistics", None)
            stats = col.statistics.to_dict() if col.statistics is not None else None
            out.append((json.dumps(d, sort_keys=True, default=str), json.dumps(stats, sort_keys=True, default=str)))
    return out


def kv(md, ignore) -> dict:
    meta = md.metadata or {}
    return {k: v for k, v in meta.items() if k.decode() not in ignore}


def main() -> int:
    args = sys.argv[1:]
    ignore = {"ARROW:schema"}
    if "--ignore-kv" in args:
        i = args.index("--ignore-kv")
        ignore.update(args[i + 1 :])
        args = args[:i]
    a, b = Path(args[0]), Path(args[1])
    fa = {p.relative_to(a) for p in a.rglob("*.parquet") if "_dedup" not in p.parts}
    fb = {p.relative_to(b) for p in b.rglob("*.parquet") if "_dedup" not in p.parts}
    same = diff = 0
    for rel in sorted(fa ^ fb):
        print(f"only in {'A' if rel in fa else 'B'}: {rel}")
        diff += 1
    for rel in sorted(fa & fb):
        pa_, pb_ = a / rel, b / rel
        problems = []
        if data_region(pa_) != data_region(pb_):
            problems.append("data pages differ")
        ma, mb = pq.ParquetFile(pa_).metadata, pq.ParquetFile(pb_).metadata
        if footer_summary(ma) != footer_summary(mb):
            problems.append("footers differ")
        if kv(ma, ignore) != kv(mb, ignore):
            problems.append(f"key-value metadata differ: {kv(ma, ignore)} vs {kv(mb, ignore)}")
        ta, tb = pq.read_table(pa_), pq.read_table(pb_)
        if not ta.replace_schema_metadata(None).equals(tb.replace_schema_metadata(None)):
            problems.append("values differ")
        if problems:
            diff += 1
            print(f"{rel}: {'; '.join(problems)}")
        else:
            same += 1
    for ja in sorted(a.rglob("_runs/*.json")):
        jb = b / ja.relative_to(a)
        if not jb.exists():
            print(f"only in A: {ja.relative_to(a)}")
            diff += 1
            continue
        ca, cb = json.loads(ja.read_text())["counts"], json.loads(jb.read_text())["counts"]
        for c in (ca, cb):
            c.pop("dedup_state_bytes", None)
        if ca != cb:
            diff += 1
            print(f"{ja.relative_to(a)}: counts differ: {ca} vs {cb}")
    print(f"identical={same} different={diff}")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
