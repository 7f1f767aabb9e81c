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
    run.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    run.add_argument("--shuffle-partitions", type=int)
    run.add_argument("--shard-bytes", type=int, default=8 << 20,
                     help="input bytes per read task; a bigger file is read by several tasks")
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
