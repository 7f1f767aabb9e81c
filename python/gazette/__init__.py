"""gazette: raw scraped news articles to Parquet tables, from Python.

The same pipeline as the ``gazette`` command, in the same process:

- :func:`run` — the command's ``run``: input files in, the five tables written under
  ``output``, the run manifest returned as a dict.
- :func:`annotate` — articles in memory (a pyarrow Table, a polars or pandas DataFrame, or a
  list of dicts) in, the five tables out as ``pyarrow.Table``s: the rows a ``gazette run``
  on the same articles writes.
- :func:`schemas` — every table's Arrow schema, from the code that writes the tables.

Errors are :class:`GazetteError` (a :class:`ConfigError` for a bad configuration, naming
the key) carrying the message the command prints.
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable

from gazette import _native
from gazette._articles import annotate

GazetteError = _native.GazetteError
ConfigError = _native.ConfigError
__version__ = _native.__version__

#: The five tables, in the order the pipeline writes them.
TABLES = ("documents", "entity_mentions", "quotes", "date_mentions", "rejects")

__all__ = [
    "ConfigError",
    "GazetteError",
    "TABLES",
    "annotate",
    "run",
    "schemas",
]


def run(
    inputs: str | os.PathLike | Iterable[str | os.PathLike],
    output: str | os.PathLike,
    batch: str | None = None,
    config: str | os.PathLike | None = None,
    threads: int | None = None,
    reference_date: str | None = None,
    wait: bool = False,
) -> dict[str, Any]:
    """Run the pipeline on ``inputs`` (files or directories) into ``output``.

    As ``gazette run``: ``config`` (default ./pipeline.toml when it exists, else the
    built-in defaults) is overridden by the other arguments, as by the command's flags.
    ``batch`` defaults as for the command (``run.batch``, else ``run-<UTC date>``). Returns
    the manifest (``_runs/<batch>.json``) as a dict. Raises :class:`GazetteError`.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    manifest = _native.run(
        [os.fspath(p) for p in inputs],
        os.fspath(output),
        batch=batch,
        config=None if config is None else os.fspath(config),
        threads=threads,
        reference_date=reference_date,
        wait=wait,
    )
    return json.loads(manifest)


def schemas() -> dict[str, "pyarrow.Schema"]:  # noqa: F821
    """Every table's ``pyarrow.Schema`` by table name, with the ``gazette.*`` metadata."""
    return dict(_native.schemas())
