"""The Spark job gives the CLI's tables: fixtures, a generated corpus, planted dedup cases
and two consecutive batches, on ``local[2]`` with 1, 3 and 7 shuffle partitions, then on
a standalone master + 2 workers on 127.0.0.1 (started here with ``spark-class`` and
stopped by process id). Compared by value with polars, sorted by key, every column
(``duplicate_of``, ``similarity``) and the rejects and dedup state included.

Select them with ``-m spark``; they skip when pyspark or java is missing (tools/test.sh
installs both).
"""

from __future__ import annotations

import gzip
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest

from conftest import REFERENCE_DATE, REPO

pyspark = pytest.importorskip("pyspark")
pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(shutil.which("java") is None, reason="no java: Spark needs a JDK"),
]

from gazette import _native  # noqa: E402
from gazette.spark.compare import differences  # noqa: E402
from gazette.spark.job import run as spark_run  # noqa: E402
from gazette.spark.job import session  # noqa: E402

PARTITIONS = (1, 3, 7)
FIXTURES = sorted(p for p in (REPO / "tests" / "fixtures").iterdir() if (p / "input").is_dir())


@pytest.fixture(scope="module")
def spark():
    s = session(master="local[2]", app="gazette-tests")
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def cli_run(gazette_bin, inputs, output, batch, config=None):
    args = [str(gazette_bin), "run", "--output", str(output), "--batch", batch,
            "--reference-date", REFERENCE_DATE]
    for i in inputs:
        args += ["--input", str(i)]
    if config is not None:
        args += ["--config", str(config)]
    done = subprocess.run(args, capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    return json.loads((pathlib.Path(output) / "_runs" / f"{batch}.json").read_text())


#: The job's single-process shortcuts off: dedup as Spark jobs, components by
#: large-star/small-star, documents shuffled to the annotate tasks.
DISTRIBUTED = {"driver_docs": 0, "driver_edges": 0, "broadcast_docs": 0}
#: Dedup as Spark jobs (LSH buckets, verification), components solved on the driver.
SPARK_DEDUP = {"driver_docs": 0}


def both(spark, gazette_bin, tmp, inputs, batches, config=None, parts=PARTITIONS,
         distributed=None):
    """Runs the batches (list of (batch id, inputs)) with the CLI once and with Spark per
    shuffle-partition count; asserts equal tables for every batch. ``distributed`` maps a
    partition count to the job's bounds for that run (:data:`DISTRIBUTED`,
    :data:`SPARK_DEDUP`); the others run with the job's defaults."""
    distributed = distributed or {}
    cli_out = tmp / "cli"
    manifests = {b: cli_run(gazette_bin, ins, cli_out, b, config) for b, ins in batches}
    for n in parts:
        spark.conf.set("spark.sql.shuffle.partitions", str(n))
        out = tmp / f"spark{n}"
        for b, ins in batches:
            m = spark_run(spark, [str(i) for i in ins], str(out), batch=b,
                          config=None if config is None else str(config),
                          reference_date=REFERENCE_DATE,
                          **distributed.get(n, {}))
            want = manifests[b]["counts"]
            got = m["counts"]
            for key in ("documents", "duplicates", "rejects", "entity_mentions", "quotes",
                        "date_mentions", "dedup_state_documents", "rejects_by_reason"):
                assert got[key] == want[key], (n, b, key, got[key], want[key])
            assert differences(str(cli_out), str(out), b) == [], (n, b)
    return manifests


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixtures_equal_the_cli(spark, gazette_bin, tmp_path, fixture):
    # Each fixture with one partition count, in turn (all three over the fixtures), so
    # that the Spark tests stay within their CI budget; the planted cases run all three.
    n = PARTITIONS[FIXTURES.index(fixture) % len(PARTITIONS)]
    config = fixture / "pipeline.toml"
    both(spark, gazette_bin, tmp_path, [fixture / "input"], [("b1", [fixture / "input"])],
         config=config if config.exists() else None, parts=(n,))


def words(start: int, n: int) -> str:
    """n pseudo-words, distinct for distinct indices (deterministic)."""
    syll = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "de", "pa", "gu", "fe"]
    out = []
    for i in range(start, start + n):
        w, x = "", i + 7
        while x:
            w += syll[x % 12]
            x //= 12
        out.append(w)
    return " ".join(out)


def article(body: str, url: str | None, published: str | None = "2026-01-10", **extra):
    rec = {"text": body, "title": "Note", **extra}
    if url is not None:
        rec["url"] = url
    if published is not None:
        rec["published"] = published
    return rec


def planted(batch: int) -> list[dict]:
    """Planted dedup cases. Batch 1: a chain A≈B≈C (A, C below the threshold), exact
    copies differing in case and punctuation, two dissimilar documents sharing about
    half their shingles (likely a band collision, never a verified pair), two records
    with one URL (a doc_id collision), a short body (exact-matched only). Batch 2: a copy
    of A, a re-crawl of A's URL with a new text, a new unique document, a copy of the
    exact-copy group."""
    a, b, c = words(0, 300), words(30, 300), words(60, 300)
    d = words(1000, 120) + ". The end."
    e, f = words(2000, 200), words(2000, 100) + " " + words(2600, 100)
    if batch == 1:
        return [
            article(a, "https://x.test/a"),
            article(b, "https://x.test/b", published="2026-01-09"),
            article(c, "https://x.test/c"),
            article(d, "https://x.test/d"),
            article(d.upper().replace(".", "!"), "https://y.test/d", source_name="AFP"),
            article(e, "https://x.test/e"),
            article(f, "https://x.test/f"),
            article(words(3000, 150), "https://x.test/same"),
            article(words(4000, 150), "https://x.test/same"),
            article(words(5000, 150), None),
            article(words(6000, 5), "https://x.test/short"),
        ]
    return [
        article(a, "https://z.test/a-copy", published="2026-01-01"),
        article(words(7000, 200), "https://x.test/a"),
        article(words(8000, 200), "https://x.test/new"),
        article(d, "https://z.test/d-copy", published=None),
    ]


def write_jsonl(path: pathlib.Path, rows: list[dict]) -> pathlib.Path:
    """Writes ``rows`` as JSON lines, gzip-compressed when ``path`` ends in ``.gz``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    path.write_bytes(gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)
    return path


def test_planted_cases_and_two_batches(spark, gazette_bin, tmp_path):
    one = write_jsonl(tmp_path / "in1" / "planted.jsonl", planted(1))
    two = write_jsonl(tmp_path / "in2" / "planted.jsonl.gz", planted(2))
    # With 3 and 7 partitions, the paths the shortcuts stand in for above their bounds, and
    # the files split between tasks: batch 1 (plain) into runs of lines each task seeks
    # to, batch 2 (gzip) into interleaved shards.
    split = {"shard_bytes": 2048}
    assert len(_native.jsonl_ranges(str(one), split["shard_bytes"])) > 3
    manifests = both(spark, gazette_bin, tmp_path, None, [("b1", [one.parent]), ("b2", [two.parent])],
                     distributed={3: {**SPARK_DEDUP, **split}, 7: {**DISTRIBUTED, **split}})
    import polars as pl

    docs = pl.read_parquet(tmp_path / "cli" / "documents" / "batch=b1" / "*.parquet")
    dups = docs.filter(pl.col("duplicate_of").is_not_null())
    # The chain is one cluster (B is its earliest), the copies another: the cases are real.
    by_url = {r["url"]: r for r in docs.to_dicts()}
    assert by_url["https://x.test/a"]["duplicate_of"] == by_url["https://x.test/b"]["doc_id"]
    assert by_url["https://x.test/c"]["duplicate_of"] == by_url["https://x.test/b"]["doc_id"]
    assert by_url["https://x.test/f"]["duplicate_of"] is None
    assert dups.height == 3
    assert docs.filter(pl.col("url") == "https://x.test/same")["doc_id"].n_unique() == 2
    docs2 = pl.read_parquet(tmp_path / "cli" / "documents" / "batch=b2" / "*.parquet")
    assert docs2.filter(pl.col("duplicate_of").is_not_null()).height == 2
    assert manifests["b2"]["counts"]["duplicates"] == 2
    assert not set(docs2["doc_id"]) & set(docs["doc_id"]), "a doc_id is never reused"


def test_generated_corpus(spark, gazette_bin, tmp_path):
    dev = os.environ.get("GAZETTE_DEV_BIN") or str(pathlib.Path(gazette_bin).with_name("gazette-dev"))
    if not os.path.exists(dev):
        pytest.skip(f"no gazette-dev binary at {dev}")
    n = int(os.environ.get("GAZETTE_SPARK_SYNTH_DOCS", "500"))
    corpus = tmp_path / "in" / "synth.jsonl"
    corpus.parent.mkdir()
    subprocess.run([dev, "synth", "--docs", str(n), "--seed", "1", "--out", str(corpus)],
                   check=True, capture_output=True)
    # The corpus file is read by several tasks, each seeking to its run of lines.
    m = both(spark, gazette_bin, tmp_path, None, [("s1", [corpus.parent])], parts=(3,),
             distributed={3: {**SPARK_DEDUP, "shard_bytes": 128 << 10}})
    assert m["s1"]["counts"]["duplicates"] > 0, "the corpus has planted duplicates"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def standalone(tmp_path_factory):
    """A standalone master + 2 workers on 127.0.0.1, stopped by process id."""
    home = pathlib.Path(pyspark.__file__).parent
    spark_class = home / "bin" / "spark-class"
    logs = tmp_path_factory.mktemp("spark-logs")
    env = {**os.environ, "SPARK_HOME": str(home), "SPARK_LOCAL_IP": "127.0.0.1",
           "PYSPARK_PYTHON": sys.executable}
    port = free_port()
    procs = []

    def start(name, *args):
        log = open(logs / f"{name}.log", "w")
        p = subprocess.Popen([str(spark_class), *args], env=env, stdout=log,
                             stderr=subprocess.STDOUT, start_new_session=True)
        procs.append(p)
        return p

    url = f"spark://127.0.0.1:{port}"
    try:
        start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
              "--port", str(port), "--webui-port", str(free_port()))
        deadline = time.time() + 60
        while time.time() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.5)
        for i in range(2):
            start(f"worker{i}", "org.apache.spark.deploy.worker.Worker", url, "--cores", "1",
                  "--memory", "1g", "--host", "127.0.0.1", "--webui-port", str(free_port()),
                  "--work-dir", str(logs / f"work{i}"))
        yield url
    finally:
        for p in procs:
            # Stop the process group of each JVM this fixture started, by its id.
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def test_standalone_cluster(standalone, gazette_bin, tmp_path):
    script = f"""
import json, sys
sys.path.insert(0, {str(REPO / 'python' / 'tests')!r})
from gazette.spark.job import session, run
from gazette.spark.compare import differences
s = session(master={standalone!r}, shuffle_partitions=3, app="gazette-cluster-test")
s.sparkContext.setLogLevel("ERROR")
for b, ins in json.loads(sys.argv[1]):
    run(s, ins, sys.argv[2], batch=b, reference_date={REFERENCE_DATE!r})
s.stop()
"""
    one = write_jsonl(tmp_path / "in1" / "planted.jsonl", planted(1))
    two = write_jsonl(tmp_path / "in2" / "planted.jsonl", planted(2))
    fixture = REPO / "tests" / "fixtures" / "duplicates" / "input"
    batches = [("b1", [str(one.parent), str(fixture)]), ("b2", [str(two.parent)])]
    for b, ins in batches:
        cli_run(gazette_bin, ins, tmp_path / "cli", b)
    # A separate driver process: this module's local session must not be reused.
    done = subprocess.run([sys.executable, "-c", script, json.dumps(batches),
                           str(tmp_path / "spark")], capture_output=True, text=True,
                          env={**os.environ, "PYSPARK_PYTHON": sys.executable}, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    for b, _ in batches:
        assert differences(str(tmp_path / "cli"), str(tmp_path / "spark"), b) == [], b
