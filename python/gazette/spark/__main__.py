"""``python -m gazette.spark run --input … --output … --batch …``: see docs/spark.md."""

from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gazette.spark")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run one batch on Spark (the CLI's `gazette run`)")
    run.add_argument("--input", action="append", required=True, help="input file or directory (repeatable)")
    run.add_argument("--output", required=True)
    run.add_argument("--batch")
    run.add_argument("--config")
    run.add_argument("--reference-date")
    run.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*]; in local mode "
                     "the driver heap is a quarter of this machine's memory, 1-8 GiB, unless "
                     "SPARK_DRIVER_MEMORY is set)")
    run.add_argument("--shuffle-partitions", type=int)
    run.add_argument("--shard-bytes", type=int, default=8 << 20,
                     help="input bytes per read task (default 8 MiB): an uncompressed JSONL file "
                          "is cut into runs of whole lines of about this size, one task each; a "
                          "compressed one is read by up to 8 tasks; other files by one")
    args = parser.parse_args(argv)

    from gazette import GazetteError, ConfigError
    from gazette.spark.job import run as run_job, session

    spark = session(master=args.master, shuffle_partitions=args.shuffle_partitions)
    try:
        manifest = run_job(
            spark,
            args.input,
            args.output,
            batch=args.batch,
            config=args.config,
            reference_date=args.reference_date,
            shard_bytes=args.shard_bytes,
        )
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except GazetteError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    print(json.dumps(manifest["counts"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
