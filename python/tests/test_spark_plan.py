"""The Spark job's plan (no Spark needed): the prepare tasks (an uncompressed JSONL file is
cut into runs of whole lines that tile it, a compressed one into at most
COMPRESSED_SHARDS interleaved shards, any other file is one task) and the driver heap
asked for in local mode."""

from __future__ import annotations

import gzip
import json

from gazette.spark.job import COMPRESSED_SHARDS, local_driver_memory, shard_plan


def test_plain_jsonl_is_cut_into_runs_of_lines_that_tile_it(tmp_path):
    lines = [json.dumps({"text": f"article {i} " + "word " * (i % 7)}) + "\n" for i in range(200)]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(lines))
    rows = shard_plan([(str(path), "a.jsonl", None)], 500)
    assert len(rows) > 10
    assert rows[0][5] == 0 and rows[-1][6] == path.stat().st_size
    line_starts = {0}
    for line in lines[:-1]:
        line_starts.add(max(line_starts) + len(line.encode()))
    for (_, _, _, shard, shards, start, end, first), nxt in zip(rows, rows[1:] + [None]):
        assert (shard, shards) == (0, 1)
        assert start in line_starts
        assert first == sorted(line_starts).index(start) + 1
        if nxt is not None:
            assert end == nxt[5]


def test_compressed_jsonl_gets_interleaved_shards_up_to_the_bound(tmp_path):
    # Random-looking lines, so that the gzip file stays large enough for many shards.
    lines = [json.dumps({"text": f"{i * 7919 % 10007:x}" * 40}) + "\n" for i in range(3000)]
    path = tmp_path / "b.jsonl.gz"
    path.write_bytes(gzip.compress("".join(lines).encode(), mtime=0))
    size = path.stat().st_size
    rows = shard_plan([(str(path), "b.jsonl.gz", None)], max(1, size // 40))
    assert [r[3] for r in rows] == list(range(COMPRESSED_SHARDS))
    assert {r[4] for r in rows} == {COMPRESSED_SHARDS}
    assert all(r[5] is None and r[7] is None for r in rows)
    few = shard_plan([(str(path), "b.jsonl.gz", None)], size)
    assert [(r[3], r[4]) for r in few] == [(0, 1)]


def test_other_files_and_unlisted_directories_are_one_task(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<p>x</p>" * 1000)
    rows = shard_plan([(str(page), "p.html", None), (str(tmp_path / "gone"), "gone", "denied")], 10)
    assert [(r[0], r[3], r[4], r[7]) for r in rows] == [
        (str(page), 0, 1, None),
        (str(tmp_path / "gone"), 0, 1, None),
    ]


def test_local_mode_asks_for_a_driver_heap_unless_one_is_set(monkeypatch):
    for name in ("SPARK_DRIVER_MEMORY", "PYSPARK_SUBMIT_ARGS", "SPARK_ENV_LOADED"):
        monkeypatch.delenv(name, raising=False)
    heap = local_driver_memory("local[2]")
    assert heap is not None and heap.endswith("g") and 1 <= int(heap[:-1]) <= 8
    assert local_driver_memory(None) == heap
    assert local_driver_memory("spark://127.0.0.1:7077") is None
    monkeypatch.setenv("SPARK_DRIVER_MEMORY", "2g")
    assert local_driver_memory("local[2]") is None
    monkeypatch.delenv("SPARK_DRIVER_MEMORY")
    monkeypatch.setenv("PYSPARK_SUBMIT_ARGS", "--driver-memory 3g pyspark-shell")
    assert local_driver_memory("local[2]") is None
