"""Every table of a run on the shipped examples, read the way data scientists read it:
pyarrow, polars, pandas and DuckDB each see the contract's column types (docs/tables.md,
via gazette.schemas()) and the gazette.* metadata."""

from __future__ import annotations

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import gazette
from conftest import REFERENCE_DATE, REPO

KEYS = ("gazette.schema_version", "gazette.version", "gazette.batch", "gazette.config_sha256")

POLARS = {
    pa.string(): pl.String,
    pa.int32(): pl.Int32,
    pa.float32(): pl.Float32,
    pa.date32(): pl.Date,
    pa.bool_(): pl.Boolean,
    pa.list_(pa.string()): pl.List(pl.String),
    pa.binary(): pl.Binary,
}
DUCKDB = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.float32(): "FLOAT",
    pa.date32(): "DATE",
    pa.bool_(): "BOOLEAN",
    pa.list_(pa.string()): "VARCHAR[]",
    pa.binary(): "BLOB",
}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    out = tmp_path_factory.mktemp("readers") / "output"
    gazette.run(REPO / "examples", out, batch="examples", reference_date=REFERENCE_DATE,
                config=REPO / "pipeline.toml")
    return out


def contract_type(field: pa.Field) -> pa.DataType:
    # A list's item field name and nullability do not matter to readers.
    if pa.types.is_list(field.type):
        return pa.list_(field.type.value_type)
    return field.type


@pytest.mark.parametrize("table", gazette.TABLES)
def test_every_reader_sees_the_contract_types_and_metadata(output, table):
    schema = gazette.schemas()[table]
    files = sorted((output / table / "batch=examples").glob("*.parquet"))
    assert files, table

    # pyarrow: types, nullability and the metadata, in the footer and the Arrow schema.
    read = pq.read_table(files, partitioning=None)
    assert [(f.name, contract_type(f), f.nullable) for f in read.schema] == [
        (f.name, contract_type(f), f.nullable) for f in schema
    ]
    footer = pq.ParquetFile(files[0]).metadata.metadata
    for key in KEYS:
        assert footer[key.encode()], key
        assert read.schema.metadata[key.encode()] == footer[key.encode()], key
    assert footer[b"gazette.batch"] == b"examples"

    # polars, the whole table directory with its batch partition column.
    df = pl.read_parquet(output / table)
    for field in schema:
        assert df.schema[field.name] == POLARS[contract_type(field)], field.name
    assert df.height == read.num_rows
    assert set(pl.read_parquet_metadata(files[0])) >= set(KEYS)

    # pandas
    frame = pd.read_parquet(output / table)
    assert len(frame) == read.num_rows
    assert list(frame.columns)[: len(schema)] == schema.names

    # DuckDB, with Hive partitions
    rel = duckdb.sql(
        f"select * from read_parquet('{output / table}/**/*.parquet', hive_partitioning=true)"
    )
    types = dict(zip(rel.columns, map(str, rel.types)))
    for field in schema:
        assert types[field.name] == DUCKDB[contract_type(field)], field.name
    assert rel.count("*").fetchall()[0][0] == read.num_rows
