"""eventwire on Apache Spark (the ``[spark]`` extra): code DataFrames of stories, write Parquet datasets.

Public API::

    from eventwire.spark import CoderConfig, code_dataframe, get_session, spark_run

    spark = get_session("local[2]")
    coded = code_dataframe(df, text="body", id="doc_id", date="published", config=CoderConfig(model=None))
    coded.mentions     # one row per event mention: the columns of the store's mentions (store.arrow.MENTIONS)
    coded.rejects      # id, origin, code, reason: every story that gave no events because it was rejected

    spark_run(spark, ["corpus.jsonl"], "out/")   # eventwire spark-run: DIR/mentions, DIR/events, ...

Stories are built by ``eventwire.ingest`` and coded by ``Coder.code_batch`` inside ``mapInArrow``, one coder
per Python worker; de-duplication uses the store's rules.  ``eventwire query --parquet DIR`` reads the
dataset with DuckDB through the store's query functions (``eventwire.store.parquet``).  See docs/spark.md.
"""

from __future__ import annotations

from .code import CODED, Coded, code_dataframe
from .config import CoderConfig
from .ingest import STAGED
from .run import SparkRunStats, spark_run
from .session import find_java, get_session

__all__ = [
    "CODED",
    "STAGED",
    "Coded",
    "CoderConfig",
    "SparkRunStats",
    "code_dataframe",
    "find_java",
    "get_session",
    "spark_run",
]
