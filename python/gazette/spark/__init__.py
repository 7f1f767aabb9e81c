"""gazette on Apache Spark: the CLI's run as Spark jobs, giving the CLI's tables.

``python -m gazette.spark run --input IN --output OUT --batch B`` (or the same arguments
after ``spark-submit …/gazette/spark/__main__.py``). The record work is the pipeline
library's own, in the native module, inside ``mapInArrow``; Spark does the whole-set
steps (doc_id disambiguation, dedup's exact groups, LSH buckets, connected components)
and the final order. See ``docs/spark.md`` for the design and the rules that hold
globally, and :func:`gazette.spark.job.run` for the API.
"""

from gazette.spark.job import run

__all__ = ["run"]
