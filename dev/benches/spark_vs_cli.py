"""Spark `local[N]` against the CLI with N threads on one generated corpus (figures for
issue 19, not a test): docs/s of both, the Arrow hand-over cost per document, the dedup
job's time against the CLI's dedup time, and whether the tables are equal.

    target/release/gazette-dev synth --docs 50000 --seed 1 --out /tmp/bench/in/synth.jsonl
    PYSPARK_PYTHON=$PWD/target/py-venv/bin/python target/py-venv/bin/python \
        dev/benches/spark_vs_cli.py /tmp/bench/in /tmp/bench/out --cores 2

Prints one JSON object. Both runs use the built-in defaults and a fixed reference date.
Besides wall time, each run's CPU time (user + system) is given: the CLI's from its
process, Spark's summed over the driver's process tree (JVM, Python daemon and workers)
across the run; on a shared machine it is the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import time

REFERENCE_DATE = "2026-11-21"


def tree_cpu_s(root: int) -> float:
    """CPU seconds (user + system, children waited for included) of ``root`` and every
    live process below it, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    cpu: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(d)] = int(fields[1])
        cpu[int(d)] = sum(int(x) for x in fields[11:15])
    total, todo = 0, [root]
    while todo:
        p = todo.pop()
        total += cpu.get(p, 0)
        todo += [c for c, pp in parent.items() if pp == p]
    return total / tick


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("input")
    p.add_argument("out")
    p.add_argument("--cores", type=int, default=2)
    p.add_argument("--partitions", type=int, default=8)
    p.add_argument("--shard-bytes", type=int, default=32 << 20)
    p.add_argument("--gazette", default="target/release/gazette")
    a = p.parse_args()
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(a.out)
    config = os.path.join(a.out, "defaults.toml")
    with open(config, "w") as f:
        f.write("# the built-in defaults\n")
    result: dict = {}

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    subprocess.run([a.gazette, "run", "--input", a.input, "--output", f"{a.out}/cli",
                    "--batch", "b", "--config", config, "--threads", str(a.cores),
                    "--reference-date", REFERENCE_DATE], check=True, capture_output=True)
    cli_wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cli_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cli = json.load(open(f"{a.out}/cli/_runs/b.json"))
    docs = cli["counts"]["input_records"]
    result["records"] = docs
    result["cli"] = {"wall_s": round(cli_wall, 2), "docs_per_s": round(docs / cli_wall),
                     "cpu_s": round(cli_cpu, 2),
                     "stage_seconds": cli["stage_seconds"]}

    from gazette import _native
    from gazette.spark.compare import differences
    from gazette.spark.job import run, session

    spark = session(master=f"local[{a.cores}]", shuffle_partitions=a.partitions,
                    app="gazette-bench")
    spark.sparkContext.setLogLevel("ERROR")
    t_start = time.monotonic()
    spark.range(1).count()
    result["spark_session_warm_s"] = round(time.monotonic() - t_start, 2)
    cpu0 = tree_cpu_s(os.getpid())
    t0 = time.monotonic()
    m = run(spark, [a.input], f"{a.out}/spark", batch="b", config=config,
            reference_date=REFERENCE_DATE, shard_bytes=a.shard_bytes)
    wall = time.monotonic() - t0
    cpu = tree_cpu_s(os.getpid()) - cpu0
    result["spark"] = {"wall_s": round(wall, 2), "docs_per_s": round(docs / wall),
                       "cpu_s": round(cpu, 2), "cpu_ratio_to_cli": round(cli_cpu / cpu, 3),
                       "stage_seconds": m["stage_seconds"],
                       "ratio_to_cli": round(cli_wall / wall, 3)}
    result["equal_tables"] = differences(f"{a.out}/cli", f"{a.out}/spark", "b") == []

    # The Arrow hand-over: the prepared documents (body JSON included) through a Python
    # identity mapInArrow and back, against the same count without the Python step.
    import pyarrow as pa  # noqa: F401
    from pyspark import StorageLevel

    df = spark.read.parquet(f"{a.out}/cli/documents").select("doc_id", "body", "title") \
        .repartition(a.cores * 2).persist(StorageLevel.MEMORY_ONLY)
    n = df.count()
    t0 = time.monotonic()
    df.selectExpr("length(body) as l").groupBy().sum("l").collect()
    plain = time.monotonic() - t0
    t0 = time.monotonic()
    df.mapInArrow(lambda it: (b for b in it), df.schema).selectExpr(
        "length(body) as l").groupBy().sum("l").collect()
    handed = time.monotonic() - t0
    result["arrow_handover_us_per_doc"] = round((handed - plain) / n * 1e6 * a.cores, 1)
    result["arrow_handover_note"] = "core-µs per document, JVM→Python→JVM, body+title+id"
    spark.stop()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
