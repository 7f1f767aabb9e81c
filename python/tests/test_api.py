"""The Python API gives what the command gives: the same tables, manifest counts, schemas
and error messages."""

from __future__ import annotations

import json
import pathlib

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import gazette
from conftest import REFERENCE_DATE, REPO

FIXTURE = REPO / "tests" / "fixtures" / "de_es_mixed" / "input"


def read_batch(output: pathlib.Path, table: str, batch: str) -> pa.Table:
    part = output / table / f"batch={batch}"
    return pq.read_table(sorted(part.glob("*.parquet")), partitioning=None)


def cli_run(cli, inputs, output, batch: str, config=None) -> dict:
    args = ["run", "--input", str(inputs), "--output", str(output), "--batch", batch,
            "--reference-date", REFERENCE_DATE, "--threads", "1"]
    if config is not None:
        args += ["--config", str(config)]
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    return json.loads((output / "_runs" / f"{batch}.json").read_text())


def test_schemas_are_the_tables_schemas(tmp_path, cli):
    schemas = gazette.schemas()
    assert tuple(schemas) == gazette.TABLES
    cli_run(cli, FIXTURE, tmp_path, "b")
    for name, schema in schemas.items():
        assert schema.metadata[b"gazette.schema_version"]
        written = read_batch(tmp_path, name, "b").schema
        assert written.names == schema.names, name
        assert [f.type for f in written] == [f.type for f in schema], name


def test_run_writes_the_tables_the_command_writes(tmp_path, cli):
    by_cli = cli_run(cli, FIXTURE, tmp_path / "cli", "b")
    manifest = gazette.run(FIXTURE, tmp_path / "py", batch="b",
                           reference_date=REFERENCE_DATE, threads=2)
    assert manifest["batch"] == "b"
    assert manifest["counts"] == by_cli["counts"]
    assert manifest["counts"]["documents"] > 0
    for table in gazette.TABLES:
        assert read_batch(tmp_path / "py", table, "b").equals(
            read_batch(tmp_path / "cli", table, "b")), table


ARTICLES = [
    {
        "id": "a1",
        "url": "https://news.example/2026/11/20/budget",
        "published": "2026-11-20",
        "text": "Le conseil municipal de Lyon a adopté jeudi un budget de 40 millions "
        "d'euros pour rénover les écoles. « Nous tenons notre promesse », a déclaré la "
        "maire Claire Dubois lors d'une conférence de presse. Les travaux commenceront "
        "en mars, selon le calendrier présenté hier.",
    },
    {
        "id": "a2",
        "url": "https://news.example/2026/11/21/porto",
        "text": "Il sindaco di Genova, Marco Bianchi, ha inaugurato sabato il nuovo "
        "terminal del porto. \"È un giorno storico per la città\", ha detto Bianchi. "
        "L'opera è costata 120 milioni di euro ed è stata finanziata dalla Regione "
        "Liguria e dall'Unione europea.",
    },
    {"id": "a3", "text": "   "},
]


@pytest.mark.parametrize("kind", ["list", "pyarrow", "polars", "pandas"])
def test_annotate_gives_the_rows_of_a_run_on_the_same_articles(tmp_path, cli, kind):
    articles = {
        "list": lambda: ARTICLES,
        "pyarrow": lambda: pa.Table.from_pylist(ARTICLES),
        "polars": lambda: pl.DataFrame(ARTICLES),
        "pandas": lambda: pd.DataFrame(ARTICLES),
    }[kind]()
    tables = gazette.annotate(articles, reference_date=REFERENCE_DATE)
    assert tables["documents"].num_rows == 2
    assert tables["rejects"].num_rows == 1
    assert tables["entity_mentions"].num_rows > 0

    inputs = tmp_path / "in"
    inputs.mkdir()
    lines = [json.dumps({k: v for k, v in a.items()}, ensure_ascii=False) for a in ARTICLES]
    (inputs / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = tmp_path / "defaults.toml"
    config.write_text("")
    cli_run(cli, inputs, tmp_path / "out", "annotate", config=config)
    for table in gazette.TABLES:
        assert tables[table].equals(read_batch(tmp_path / "out", table, "annotate")), table


def test_errors_carry_the_commands_message(tmp_path, cli):
    bad = tmp_path / "bad.toml"
    bad.write_text("[stages.dedup]\nthreshold = 2.0\n")
    done = cli("run", "--config", str(bad), "--output", str(tmp_path / "o"))
    assert done.returncode == 2
    with pytest.raises(gazette.ConfigError) as raised:
        gazette.run(FIXTURE, tmp_path / "o", config=bad)
    assert f"error: {raised.value}" in done.stderr
    assert "stages.dedup.threshold" in str(raised.value)

    missing = tmp_path / "no-such-dir"
    done = cli("run", "--input", str(missing), "--output", str(tmp_path / "o"))
    assert done.returncode == 1
    with pytest.raises(gazette.GazetteError) as raised:
        gazette.run(missing, tmp_path / "o")
    assert not isinstance(raised.value, gazette.ConfigError)
    assert f"error: {raised.value}" in done.stderr


def test_annotate_refuses_articles_without_text_or_html():
    with pytest.raises(ValueError, match="article 0 has neither"):
        gazette.annotate([{"url": "https://x.example/"}])
