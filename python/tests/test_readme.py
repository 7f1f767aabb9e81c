"""The README's Python snippets run as written, on the shipped examples: the reading
snippets (polars, pandas, DuckDB) and the Python package's."""

from __future__ import annotations

import os
import re

import gazette
from conftest import REFERENCE_DATE, REPO


def snippets() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_the_readme_python_snippets_run(tmp_path, monkeypatch):
    found = snippets()
    assert len(found) >= 2, "the README's reading and package snippets"
    # The README's first command: the examples as batch "examples" into ./output.
    monkeypatch.chdir(tmp_path)
    gazette.run(REPO / "examples", "output", batch="examples",
                reference_date=REFERENCE_DATE, config=REPO / "pipeline.toml")
    os.symlink(REPO / "examples", tmp_path / "examples")
    notebook: dict = {}  # one namespace, as cells of one notebook
    for code in found:
        exec(compile(code, "README.md", "exec"), notebook)
    assert notebook["docs"].height > 0
    assert len(notebook["mentions"]) > 0
    assert notebook["tables"]["quotes"].num_rows == 1
    assert notebook["tables"]["quotes"]["speaker"][0].as_py() == "Claire Dubois"
    assert notebook["manifest"]["counts"]["documents"] > 0
