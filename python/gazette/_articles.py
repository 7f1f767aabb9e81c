"""``gazette.annotate``: articles in memory to the five tables, through a real run.

The articles are written as one JSON-lines file (the input format the command reads) in a
temporary directory, the pipeline runs on it there, and the tables are read back: the rows
are those a ``gazette run`` on the same articles writes, by construction.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
from typing import Any

#: The article fields gazette reads (one of ``text`` and ``html`` is required).
FIELDS = ("id", "url", "title", "text", "html", "published", "crawled", "source_name", "language")


def _rows(articles: Any) -> list[dict[str, Any]]:
    """The articles as a list of dicts, whatever they came as."""
    if isinstance(articles, list):
        return articles
    if hasattr(articles, "to_pylist"):  # pyarrow.Table / RecordBatch
        return articles.to_pylist()
    if hasattr(articles, "to_dicts"):  # polars.DataFrame
        return articles.to_dicts()
    if hasattr(articles, "to_dict"):  # pandas.DataFrame
        return articles.to_dict(orient="records")
    raise TypeError(
        "articles must be a pyarrow Table, a polars or pandas DataFrame, or a list of dicts; "
        f"got {type(articles).__name__}"
    )


def _json_value(value: Any) -> Any:
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # pandas.Timestamp
        return value.isoformat()
    if isinstance(value, float) and value != value:  # pandas' NaN for a missing value
        return None
    return value


def _jsonl(rows: list[dict[str, Any]]) -> str:
    lines = []
    for n, row in enumerate(rows):
        if row.get("text") is None and row.get("html") is None:
            raise ValueError(f"article {n} has neither `text` nor `html`")
        record = {k: _json_value(row[k]) for k in FIELDS if row.get(k) is not None}
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def annotate(
    articles: Any,
    config: str | os.PathLike | None = None,
    reference_date: str | None = None,
    threads: int | None = None,
) -> dict[str, "pyarrow.Table"]:  # noqa: F821
    """The five tables for ``articles``, as ``pyarrow.Table``s by table name.

    ``articles``: a pyarrow Table, a polars or pandas DataFrame, or a list of dicts, with
    ``text`` or ``html`` and optionally ``id``, ``url``, ``title``, ``published``,
    ``crawled``, ``source_name``, ``language``. Each article's ``documents.input`` is
    ``articles.jsonl#<row number, from 1>``. ``config`` is a pipeline.toml (default: the
    built-in defaults, not ./pipeline.toml); ``reference_date`` (YYYY-MM-DD) anchors
    relative dates of articles with no date of their own (default: today, UTC).
    """
    import pyarrow.parquet as pq

    from gazette import TABLES, run, schemas

    rows = _rows(articles)
    with tempfile.TemporaryDirectory(prefix="gazette-annotate-") as tmp:
        inputs = os.path.join(tmp, "in")
        os.mkdir(inputs)
        with open(os.path.join(inputs, "articles.jsonl"), "w", encoding="utf-8") as f:
            f.write(_jsonl(rows))
        if config is None:
            config = os.path.join(tmp, "pipeline.toml")
            with open(config, "w", encoding="utf-8") as f:
                f.write("# gazette.annotate: the built-in defaults\n")
        output = os.path.join(tmp, "out")
        run(inputs, output, batch="annotate", config=config, threads=threads,
            reference_date=reference_date)
        want = schemas()
        tables = {}
        for name in TABLES:
            part = os.path.join(output, name, "batch=annotate")
            files = sorted(
                os.path.join(part, f) for f in os.listdir(part) if f.endswith(".parquet")
            )
            table = (
                pq.read_table(files, schema=want[name], partitioning=None)
                if files
                else want[name].empty_table()
            )
            tables[name] = table
        return tables
