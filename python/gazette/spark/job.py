"""The Spark job: one batch, the CLI's tables (design and global rules: docs/spark.md).

Steps, each a Spark job over Arrow batches handed to the native module:

1. inputs: the CLI's discovery (same files, same locators) on the driver; an uncompressed
   JSONL file is cut on the driver, in one pass, into runs of whole lines of about
   ``shard_bytes`` (``jsonl_ranges``), each read by one task that seeks to it
   (``RecordReader::line_range``); a compressed JSONL file is read by
   ``ceil(size / shard_bytes)`` tasks, at most :data:`COMPRESSED_SHARDS`, task ``k`` of
   ``n`` decompressing it whole and decoding the lines ``i ≡ k (mod n)``
   (``RecordReader::shard``); any other file by one task; ``mapInArrow(prepare)``: the
   CLI's pass 1, record for record
   (document with its plain doc_id, publication date and fingerprint, or a reject);
2. doc_ids: plain ids shared within the batch, or published by an earlier batch, are
   grouped and renamed by the CLI's own rule (``rename_ids``);
3. dedup (on narrow columns: the document JSON stays where prepare left it): exact-copy
   links by a window over ``content_hash``; LSH candidates by exploding the bands of one
   signature per content hash to 64-bit keys, dropping keys of one document, and
   collecting the others' doc_id lists (sorted, distinct); each list verified in Rust
   (the CLI's estimate and threshold, only pairs sharing a band) to spanning-forest
   edges; connected components on the driver up to :data:`DRIVER_EDGES` edges, else by
   large-star/small-star (checkpointed each round); each component of more than one
   document decided by the CLI's own clustering (``resolve_components``), so the
   representative and the similarity are the CLI's;
4. ``mapInArrow(annotate)`` over the documents joined to their final id and verdict
   (broadcast up to :data:`BROADCAST_DOCS` documents, else hash-partitioned by input),
   sorted by doc_id within partitions: each task writes one part file per table with
   the CLI's writer into the staging directory that the driver's
   :class:`gazette._native.SparkBatch` holds; rejects and this batch's dedup state
   likewise; the driver then commits as the CLI does (manifest included).

Cross-batch state (``<output>/_dedup/batch=*``) and the published ids
(``<output>/documents/batch=*``, column ``doc_id``) are read by Spark, never collected.
Input files and the output directory must be on a file system every executor sees.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
import sys
import time
from typing import Any, Iterable

from gazette import _native

#: Columns of the prepare step's output (Spark side; see python/src/spark.rs).
_PREPARED = [
    ("input", "string"),
    ("plain_id", "string"),
    ("url", "string"),
    ("document", "binary"),
    ("content_hash", "binary"),
    ("signature", "binary"),
    ("published", "date"),
    ("agency", "boolean"),
    ("has_url", "boolean"),
    ("chars", "int"),
    ("stage", "string"),
    ("reason", "string"),
    ("detail", "string"),
]

#: Above this many dedup edges (exact-copy links and verified LSH pairs) the connected
#: components are computed by large-star/small-star as Spark jobs; at or below it the
#: edges are collected and solved on the driver (union-find in Rust, ~100 B of driver
#: memory per edge: 2 M edges ≈ 200 MB).
DRIVER_EDGES = 2_000_000

#: Up to this many documents in the batch, the narrow verdict table (final doc_id,
#: duplicate_of, similarity: ~100 B a document) is broadcast to the annotate tasks, which
#: then run where the prepare step left the documents; above it, the documents are
#: shuffled once by input.
BROADCAST_DOCS = 1_000_000

#: Up to this many dedup entries (this batch's documents and the earlier batches' state
#: rows), they are collected (~600 B each: 200 k ≈ 120 MB of driver memory) and the
#: driver runs the CLI's clustering on them; above it the dedup runs as Spark jobs.
DRIVER_DOCS = 200_000

#: At most this many tasks read one compressed JSONL file: each decompresses the whole
#: file (gzip and zstd cannot be sought in) and decodes every n-th line, so the file's
#: decompression is repeated once per task. Uncompressed JSONL has no such bound (each
#: task seeks to its own run of lines).
COMPRESSED_SHARDS = 8

_STATE_COLUMNS = ["doc_id", "content_hash", "published", "agency", "has_url", "chars", "signature"]

#: The fields of a component member, as ``resolve_components`` reads them.
_MEMBER_COLUMNS = ["doc_id", "prior", "content_hash", "signature", "published", "agency",
                   "has_url", "chars"]


def local_driver_memory(master: str | None) -> str | None:
    """The driver heap the job asks for when it starts Spark in local mode (``master``
    ``local…``, or none given outside spark-submit): a quarter of this machine's memory,
    between 1 and 8 GiB, as ``"<n>g"``. In local mode the executors live in the driver's
    JVM, and Spark's default 1 GiB lost task results or ran out of heap while caching
    200 k generated documents (447 MB). None when the heap is set elsewhere
    (``spark.driver.memory`` in ``PYSPARK_SUBMIT_ARGS`` or ``SPARK_DRIVER_MEMORY``) or the
    master is a cluster's."""
    submit_args = os.environ.get("PYSPARK_SUBMIT_ARGS", "")
    if os.environ.get("SPARK_DRIVER_MEMORY") or any(
            key in submit_args for key in ("--driver-memory", "spark.driver.memory")):
        return None
    if master is None and os.environ.get("SPARK_ENV_LOADED"):
        return None  # under spark-submit: its --driver-memory applies
    if master is not None and not master.startswith("local"):
        return None
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None
    return f"{max(1, min(8, total // 4 // (1 << 30)))}g"


def session(master: str | None = None, shuffle_partitions: int | None = None,
            app: str = "gazette") -> "pyspark.sql.SparkSession":  # noqa: F821
    """A SparkSession for the job: ``master`` when given (else spark-submit's, else
    ``local[*]``), partition values read as text (batch ids are names), executors on this
    Python (``PYSPARK_PYTHON``, unless already set), and in local mode the driver heap of
    :func:`local_driver_memory` (it holds the executors too)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    memory = local_driver_memory(master)
    if memory:
        builder = builder.config("spark.driver.memory", memory)
    builder = builder.config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
    builder = builder.config("spark.ui.enabled", "false")
    if shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    return builder.getOrCreate()


def _ddl(columns: list[tuple[str, str]]) -> str:
    return ", ".join(f"`{n}` {t}" for n, t in columns)


def _conform(batch, schema):
    """``batch`` cast column by column to ``schema`` (the exact Arrow types Spark expects)."""
    import pyarrow as pa

    return pa.RecordBatch.from_arrays(
        [batch.column(i).cast(f.type) for i, f in enumerate(schema)], schema=schema
    )


def _arrow_schema(spark_schema):
    from pyspark.sql.pandas.types import to_arrow_schema

    return to_arrow_schema(spark_schema)


def _partition_dirs(table_dir: str, batch: str) -> list[str]:
    """``batch=<id>`` directories under ``table_dir`` except ``batch``'s own."""
    if not os.path.isdir(table_dir):
        return []
    own = f"batch={batch}"
    return sorted(
        os.path.join(table_dir, n)
        for n in os.listdir(table_dir)
        if n.startswith("batch=") and n != own and os.path.isdir(os.path.join(table_dir, n))
        and any(f.endswith(".parquet") for f in os.listdir(os.path.join(table_dir, n)))
    )


def _debug(message: str) -> None:
    if os.environ.get("GAZETTE_SPARK_DEBUG"):
        print(message, file=sys.stderr)


def _debug_step(name: str, df) -> None:
    """With ``GAZETTE_SPARK_DEBUG`` set: materializes ``df`` (a persisted DataFrame) now
    and prints its row count and the time it took, so that each step's time shows
    separately (at the cost of one more job per step)."""
    if os.environ.get("GAZETTE_SPARK_DEBUG"):
        t = time.monotonic()
        n = df.count()
        print(f"{name}: {n} rows in {time.monotonic() - t:.1f}s", file=sys.stderr)


def _components(spark, edges):
    """Connected components of the undirected, non-empty ``edges`` (columns ``a``,
    ``b``) by large-star / small-star (Kiveris et al., 2014), checkpointed each round:
    returns ``(node, root)`` for every node of an edge, ``root`` the smallest node of its
    component (what :func:`gazette._native.components` computes in one process)."""
    from pyspark.sql import functions as F

    e = edges.select(
        F.greatest("a", "b").alias("u"), F.least("a", "b").alias("v")
    ).where(F.col("u") != F.col("v")).distinct().checkpoint()
    rounds = 0
    while True:
        rounds += 1
        t_round = time.monotonic()
        # Large star: every larger neighbour of u links to the smallest of u's
        # neighbourhood (u included).
        sym = e.select(F.col("u").alias("x"), F.col("v").alias("y")).union(
            e.select(F.col("v").alias("x"), F.col("u").alias("y")))
        m = sym.groupBy("x").agg(F.min("y").alias("my"))
        large = (sym.join(m, "x").where(F.col("y") > F.col("x"))
                 .select(F.col("y").alias("u"), F.least("x", "my").alias("v")).distinct())
        # Small star: u and its smaller neighbours link to the smallest of them.
        ms = large.groupBy("u").agg(F.min("v").alias("mu"))
        small = (large.join(ms, "u").where(F.col("v") != F.col("mu"))
                 .select(F.col("v").alias("u"), F.col("mu").alias("v"))
                 .union(ms.select("u", F.col("mu").alias("v"))).distinct())
        small = small.checkpoint()
        # Converged when the round changed no edge: one job over both edge sets.
        changed = (small.withColumn("new", F.lit(True))
                   .join(e.withColumn("old", F.lit(True)), ["u", "v"], "full_outer")
                   .where(F.col("new").isNull() | F.col("old").isNull()).count())
        e = small
        _debug(f"components round {rounds}: {changed} changed, "
               f"{time.monotonic() - t_round:.1f}s")
        if changed == 0:
            break
    return e.groupBy("u").agg(F.min("v").alias("root")).select(
        F.col("u").alias("node"), "root"
    ).union(e.select(F.col("v").alias("node"), F.col("v").alias("root"))).distinct()


def shard_plan(files, shard_bytes: int) -> list[tuple]:
    """The prepare step's tasks for the discovered ``files`` (``(path, locator, error)``):
    rows ``(path, locator, error, shard, shards, start, end, first_line)``. An uncompressed
    JSONL file gives one row per run of whole lines of about ``shard_bytes``
    (``jsonl_ranges``: ``start``, ``end``, ``first_line`` set); a compressed JSONL file
    ``ceil(size / shard_bytes)`` interleaved shards, at most :data:`COMPRESSED_SHARDS`
    (``RecordReader::shard``); any other source one row."""
    rows = []
    for path, locator, error in files:
        try:
            size = 0 if error is not None else os.path.getsize(path)
        except OSError:
            size = 0  # unreadable or a dangling link: the reader makes it a reject
        base = os.path.basename(path).lower()
        name = base.removesuffix(".gz").removesuffix(".zst")
        jsonl = name.endswith((".jsonl", ".ndjson"))
        compressed = name != base
        if jsonl and not compressed and error is None and size > 0:
            try:
                ranges = _native.jsonl_ranges(path, max(1, shard_bytes))
            except _native.GazetteError:
                ranges = [(0, size, None)]  # unreadable: the task's reader rejects it
            rows += [(path, locator, error, 0, 1, s, e, f) for s, e, f in ranges]
            continue
        n = max(1, math.ceil(size / max(1, shard_bytes))) if jsonl else 1
        n = min(n, COMPRESSED_SHARDS)
        rows += [(path, locator, error, k, n, None, None, None) for k in range(n)]
    return rows


def run(spark, inputs: str | Iterable[str], output: str, batch: str | None = None,
        config: str | None = None, reference_date: str | None = None,
        shard_bytes: int = 8 << 20, driver_docs: int = DRIVER_DOCS,
        driver_edges: int = DRIVER_EDGES, broadcast_docs: int = BROADCAST_DOCS
        ) -> dict[str, Any]:
    """Runs one batch of ``inputs`` into ``output`` on ``spark``, as ``gazette run`` with
    the same arguments does, and returns the manifest (a dict). ``driver_docs``,
    ``driver_edges`` and ``broadcast_docs`` are the bounds of the single-process
    shortcuts (see :data:`DRIVER_DOCS`, :data:`DRIVER_EDGES`, :data:`BROADCAST_DOCS`; 0
    forces the distributed paths). Raises
    :class:`gazette.GazetteError` (:class:`gazette.ConfigError` for the configuration)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructType
    from pyspark.sql.window import Window

    clock = time.monotonic()
    started = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    cfg = _native.effective_config(
        [os.path.abspath(os.fspath(p)) for p in inputs], os.path.abspath(os.fspath(output)),
        batch=batch, config=None if config is None else os.fspath(config),
        reference_date=reference_date,
    )
    effective = json.loads(cfg)
    batch = effective["run"]["batch"]
    out_dir = effective["output"]["dir"]
    banding = _native.banding(cfg)
    files, skipped = _native.discover(cfg)
    holder = _native.SparkBatch(cfg)
    staging = holder.staging
    spark.sparkContext.setCheckpointDir(os.path.join(staging, "_checkpoints"))
    seconds: dict[str, float] = {}

    def timed(step, t0):
        seconds[step] = round(seconds.get(step, 0.0) + time.monotonic() - t0, 3)

    # 1. Read + prepare.
    t0 = time.monotonic()
    shard_rows = shard_plan(files, shard_bytes)
    shard_schema = ("path string, locator string, error string, shard long, shards long, "
                    "start long, end long, first_line long")
    shards = spark.createDataFrame(shard_rows, shard_schema) if shard_rows else \
        spark.createDataFrame([], shard_schema)
    shards = shards.repartition(max(1, len(shard_rows)))
    prepared_schema = StructType.fromDDL(_ddl(_PREPARED))
    prepared_arrow = _arrow_schema(prepared_schema)

    def prepare(batches):
        for b in batches:
            yield _conform(_native.prepare(cfg, b), prepared_arrow)

    # The one wide DataFrame (document JSON included), computed once and kept; everything
    # up to the annotate step works on its narrow columns. One job: the cache and the
    # counts of documents and of rejects by reason.
    prepared = shards.mapInArrow(prepare, prepared_schema).persist(StorageLevel.MEMORY_AND_DISK)
    tally = prepared.groupBy("reason").count().collect()
    n_docs = sum(r["count"] for r in tally if r["reason"] is None)
    by_reason = {r["reason"]: r["count"] for r in tally if r["reason"] is not None}
    n_rejects = sum(by_reason.values())
    timed("prepare", t0)
    keys = prepared.where(F.col("plain_id").isNotNull()).drop(
        "document", "stage", "reason", "detail")
    rejects = prepared.where(F.col("plain_id").isNull())

    # 2. Final doc_ids.
    t0 = time.monotonic()
    published_dirs = _partition_dirs(os.path.join(out_dir, "documents"), batch)
    state_dirs = _partition_dirs(os.path.join(out_dir, "_dedup"), batch)
    prior = None
    if banding is not None and state_dirs:
        prior = spark.read.option("basePath", os.path.join(out_dir, "_dedup")) \
            .parquet(*state_dirs).select(*_STATE_COLUMNS)
    taken = None
    if published_dirs:
        taken = spark.read.option("basePath", os.path.join(out_dir, "documents")) \
            .parquet(*published_dirs).select(F.col("doc_id").alias("plain_id"))
    if prior is not None:
        ids = prior.select(F.col("doc_id").alias("plain_id"))
        taken = ids if taken is None else taken.union(ids)
    groups = keys.groupBy("plain_id").agg(
        F.count(F.lit(1)).alias("n"),
        F.collect_list(F.struct("input", "url")).alias("m"),
    )
    if taken is not None:
        taken = taken.distinct().withColumn("taken", F.lit(True))
        groups = groups.join(taken, "plain_id", "left")
    else:
        groups = groups.withColumn("taken", F.lit(False))
    groups = groups.select(
        "plain_id", F.coalesce("taken", F.lit(False)).alias("taken"),
        F.col("m.input").alias("inputs"), F.col("m.url").alias("urls"), "n",
    ).where((F.col("n") > 1) | F.col("taken")).drop("n")
    renamed_schema = StructType.fromDDL("input string, doc_id string")
    renamed_arrow = _arrow_schema(renamed_schema)

    def rename(batches):
        for b in batches:
            yield _conform(_native.rename_ids(cfg, b), renamed_arrow)

    renamed = groups.mapInArrow(rename, renamed_schema)
    # Narrow (no document JSON): computed by the first job that needs it, then kept.
    docs = keys.join(renamed, "input", "left").withColumn(
        "doc_id", F.coalesce("doc_id", "plain_id")
    ).persist(StorageLevel.MEMORY_AND_DISK)
    _debug_step("doc_ids", docs)
    timed("ids", t0)

    # 3. Dedup.
    t0 = time.monotonic()
    verdict_schema = StructType.fromDDL("doc_id string, duplicate_of string, similarity float")
    if banding is not None:
        bands, rows = banding
        current = docs.select(*_STATE_COLUMNS).withColumn("prior", F.lit(False))
        entries = current if prior is None else current.unionByName(
            prior.withColumn("prior", F.lit(True)))
        n_prior = 0 if prior is None else prior.count()
        if n_docs + n_prior <= driver_docs:
            # A small batch and state: the entries are collected and the driver runs the
            # CLI's own clustering on all of them (one component holding every entry).
            import pyarrow as pa

            t1 = time.monotonic()
            table = entries.select(*_MEMBER_COLUMNS).toArrow().combine_chunks()
            members = pa.StructArray.from_arrays(
                [table.column(c).chunk(0) if table.num_rows else
                 pa.array([], table.schema.field(c).type) for c in _MEMBER_COLUMNS],
                names=_MEMBER_COLUMNS)
            one = pa.RecordBatch.from_arrays(
                [pa.ListArray.from_arrays(pa.array([0, len(members)], pa.int32()), members)],
                names=["members"])
            solved = _native.resolve_components(cfg, one)
            verdicts = spark.createDataFrame(pa.Table.from_batches([solved]), verdict_schema) \
                .persist(StorageLevel.MEMORY_AND_DISK)
            n_dups = solved.num_rows
            timed("dedup_driver", t1)
        else:
            entries = entries.persist(StorageLevel.MEMORY_AND_DISK)
            _debug_step("dedup entries", entries)
            # Exact copies: each document of a content hash links to the hash's smallest
            # doc_id (one shuffle: a window, not a group and a join).
            keyed = entries.select("doc_id", "signature", F.min("doc_id").over(
                Window.partitionBy("content_hash")).alias("root"))
            exact = keyed.where(F.col("doc_id") != F.col("root")).select(
                F.col("doc_id").alias("a"), F.col("root").alias("b"))
            width = bands * rows * 4
            signed = keyed.where((F.col("doc_id") == F.col("root"))
                                 & (F.length("signature") == width)) \
                .select("doc_id", "signature").persist(StorageLevel.MEMORY_AND_DISK)
            _debug_step("content-hash roots", signed)
            band_cols = F.array(*[F.substring("signature", b * rows * 4 + 1, rows * 4)
                                  for b in range(bands)])
            # Buckets are found on (64-bit hash of band number and bytes, doc_id) alone: a
            # hash collision only merges buckets, and the verification links only pairs that
            # share a band (Deduplicator::verify_bucket). A set of documents that shares
            # several bands is verified once (sorted, distinct: near-copies share most bands);
            # only the members of buckets of two or more fetch their signatures.
            # Most keys are one document's: they are dropped by a count on the long key (a
            # code-generated hash aggregate) before the lists are collected.
            exploded = (signed.select("doc_id", F.posexplode(band_cols).alias("band", "key"))
                        .select("doc_id", F.xxhash64("band", "key").alias("key")))
            repeated = exploded.groupBy("key").count().where(F.col("count") > 1).select("key")
            shared = (exploded.join(repeated, "key", "left_semi")
                      .groupBy("key")
                      .agg(F.collect_list("doc_id").alias("ids"))
                      .where(F.size("ids") > 1)
                      .select(F.array_sort("ids").alias("ids")).distinct()
                      .select(F.monotonically_increasing_id().alias("bucket"), "ids"))
            buckets = (shared.select("bucket", F.explode("ids").alias("doc_id"))
                       .join(signed, "doc_id")
                       .groupBy("bucket")
                       .agg(F.collect_list(F.struct("doc_id", "signature")).alias("m"))
                       .select(F.col("m.doc_id").alias("ids"),
                               F.col("m.signature").alias("signatures")))
            edge_schema = StructType.fromDDL("a string, b string")
            edge_arrow = _arrow_schema(edge_schema)

            def verify(batches):
                for b in batches:
                    yield _conform(_native.verify_buckets(cfg, b), edge_arrow)

            edges = exact.union(buckets.mapInArrow(verify, edge_schema)) \
                .persist(StorageLevel.MEMORY_AND_DISK)
            t1 = time.monotonic()
            n_edges = edges.count()
            timed("dedup_edges", t1)
            _debug(f"edges: {n_edges} in {time.monotonic() - t1:.1f}s")
            t1 = time.monotonic()
            if n_edges == 0:
                comps = None
            elif n_edges <= driver_edges:
                # Few edges: the components are solved on the driver (union-find in Rust);
                # the (node, root) table goes back to Spark as a small local relation.
                import pyarrow as pa

                edge_table = edges.toArrow().combine_chunks()  # n_edges > 0 rows: one batch
                solved = _native.components(edge_table.to_batches()[0])
                comps = spark.createDataFrame(pa.Table.from_batches([solved]))
            else:
                comps = _components(spark, edges).persist(StorageLevel.MEMORY_AND_DISK)
                comps.count()
            timed("dedup_components", t1)
            signed.unpersist()
            edges.unpersist()
            if comps is None:
                verdicts = spark.createDataFrame([], verdict_schema)
                n_dups = 0
            else:
                members = (comps.join(entries, comps.node == entries.doc_id)
                           .groupBy("root")
                           .agg(F.collect_list(F.struct(
                               "doc_id", "prior", "content_hash", "signature", "published",
                               "agency", "has_url", "chars")).alias("members")))
                verdict_arrow = _arrow_schema(verdict_schema)

                def resolve(batches):
                    for b in batches:
                        yield _conform(_native.resolve_components(cfg, b), verdict_arrow)

                verdicts = members.select("members").mapInArrow(resolve, verdict_schema) \
                    .persist(StorageLevel.MEMORY_AND_DISK)
                n_dups = verdicts.count()
                comps.unpersist()
        entries.unpersist()
    else:
        verdicts = spark.createDataFrame([], verdict_schema)
        n_dups = 0
    timed("dedup", t0)

    # 4. Write: annotated tables, rejects, state; every part file sorted by its key.
    t0 = time.monotonic()
    count_schema = StructType.fromDDL("counts string, bytes long")
    count_arrow = _arrow_schema(count_schema)

    def annotate(batches):
        import pyarrow as pa
        from pyspark import TaskContext

        name = f"part-s{TaskContext.get().partitionId():05d}.parquet"
        writer = None
        for b in batches:
            if writer is None:
                writer = _native.PartAnnotator(cfg, staging, name)
            writer.add(b)
        if writer is not None:
            yield pa.RecordBatch.from_arrays(
                [pa.array([writer.close()]), pa.array([0], pa.int64())], schema=count_arrow)

    parts = max(1, int(spark.conf.get("spark.sql.shuffle.partitions")))
    # The narrow per-document verdict table (final id, duplicate_of, similarity) goes to
    # the document JSON, not the other way: below the bound it is broadcast and each
    # prepare partition is annotated where it is (the JSON never shuffled); above it both
    # sides are hash-partitioned by input once.
    verdict_of = docs.select("input", "doc_id").join(verdicts, "doc_id", "left")
    blobs = prepared.where(F.col("plain_id").isNotNull()).select("input", "document")
    if n_docs <= broadcast_docs:
        joined = blobs.join(F.broadcast(verdict_of), "input")
    else:
        joined = blobs.repartition(parts, "input").join(
            verdict_of.repartition(parts, "input").hint("shuffle_hash"), "input")
    annotated = (joined.select("doc_id", "document", "duplicate_of", "similarity")
                 .sortWithinPartitions("doc_id")
                 .mapInArrow(annotate, count_schema).collect())

    def sink(table, prefix):
        def write(batches):
            import pyarrow as pa
            from pyspark import TaskContext

            name = f"part-{prefix}{TaskContext.get().partitionId():05d}.parquet"
            writer = None
            rows = 0
            for b in batches:
                if writer is None:
                    writer = _native.PartSink(cfg, staging, table, name)
                writer.add(b)
                rows += b.num_rows
            if writer is not None:
                size = writer.close()
                yield pa.RecordBatch.from_arrays(
                    [pa.array([json.dumps({"rows": rows})]), pa.array([size], pa.int64())],
                    schema=count_arrow)
        return write

    reject_rows = []
    if n_rejects:
        reject_parts = max(1, min(parts, math.ceil(n_rejects / 100_000)))
        reject_rows = (rejects.select("input", "stage", "reason", "detail")
                       .repartition(reject_parts, "input").sortWithinPartitions("input")
                       .mapInArrow(sink("rejects", "s"), count_schema).collect())
    state_rows = []
    if banding is not None:
        state_rows = (docs.join(verdicts, "doc_id", "left_anti").select(*_STATE_COLUMNS)
                      .repartition(parts, "doc_id").sortWithinPartitions("doc_id")
                      .mapInArrow(sink("_dedup", "s"), count_schema).collect())
    timed("write", t0)

    counts: dict[str, Any] = {}
    for r in annotated:
        for k, v in json.loads(r["counts"]).items():
            if isinstance(v, int):
                counts[k] = counts.get(k, 0) + v
    counts["rejects"] = sum(json.loads(r["counts"])["rows"] for r in reject_rows)
    counts["rejects_by_reason"] = dict(sorted(by_reason.items()))
    counts["documents"] = counts.get("documents", 0)
    counts["input_records"] = counts["documents"] + counts["rejects"]
    counts["skipped_files"] = len(skipped)
    counts["dedup_state_documents"] = sum(json.loads(r["counts"])["rows"] for r in state_rows)
    counts["dedup_state_bytes"] = sum(r["bytes"] for r in state_rows)
    assert counts["documents"] == n_docs, (counts["documents"], n_docs)
    assert counts.get("duplicates", 0) == n_dups, (counts.get("duplicates"), n_dups)
    prepared.unpersist()
    docs.unpersist()
    verdicts.unpersist()
    finished = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    manifest = holder.commit(json.dumps(counts), started, finished, skipped, seconds,
                             round(time.monotonic() - clock, 3))
    return json.loads(manifest)
