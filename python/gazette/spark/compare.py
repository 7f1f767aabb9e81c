"""Compare two outputs' batch tables by value (polars, rows sorted by key): what the
equality tests and the benchmark use to say a Spark run gave the CLI's tables."""

from __future__ import annotations

import glob
import os

#: The sort key of each table (all columns after these break ties).
KEYS = {
    "documents": ["doc_id"],
    "entity_mentions": ["doc_id"],
    "quotes": ["doc_id"],
    "date_mentions": ["doc_id"],
    "rejects": ["input"],
    "_dedup": ["doc_id"],
}


def read(output: str, table: str, batch: str):
    """The rows of ``table`` of ``batch`` under ``output``, every column, sorted by key."""
    import polars as pl
    import pyarrow.parquet as pq

    files = sorted(glob.glob(os.path.join(output, table, f"batch={batch}", "*.parquet")))
    tables = [pq.read_table(f, partitioning=None) for f in files]
    import pyarrow as pa

    t = pa.concat_tables(tables) if tables else None
    df = pl.from_arrow(t) if t is not None else pl.DataFrame()
    if df.height == 0:
        return df
    return df.sort(KEYS[table] + [c for c in df.columns if c not in KEYS[table]
                                  and df.schema[c] not in (pl.List, pl.Struct)
                                  and not isinstance(df.schema[c], (pl.List, pl.Struct))])


def differences(cli: str, spark: str, batch: str) -> list[str]:
    """What differs between the two outputs' tables of ``batch`` (empty when equal),
    the Arrow schema of every file (types and metadata keys, but the configuration
    hash, which names the output directory) included."""
    import pyarrow.parquet as pq

    out = []
    for table in KEYS:
        a, b = read(cli, table, batch), read(spark, table, batch)
        if a.height == 0 and b.height == 0:
            continue
        if a.schema != b.schema:
            out.append(f"{table}: schema {a.schema} != {b.schema}")
            continue
        if not a.equals(b):
            out.append(f"{table}: {a.height} vs {b.height} rows, values differ")
        fa = sorted(glob.glob(os.path.join(cli, table, f"batch={batch}", "*.parquet")))
        fb = sorted(glob.glob(os.path.join(spark, table, f"batch={batch}", "*.parquet")))
        for f in fb:
            sa, sb = pq.read_schema(fa[0]), pq.read_schema(f)
            # The configuration hash names the output directory, so it differs.
            keys = lambda s: {k: v for k, v in (s.metadata or {}).items()
                              if k != b"gazette.config_sha256"}
            if not sa.equals(sb) or keys(sa) != keys(sb):
                out.append(f"{table}: file schema or metadata differ ({os.path.basename(f)})")
                break
    return out
