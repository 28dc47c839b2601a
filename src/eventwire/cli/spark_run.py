"""``eventwire spark-run``: code a corpus on Apache Spark into a Parquet dataset (needs the ``[spark]`` extra)."""

from __future__ import annotations

import sys
import time

import click

from ..store.dedup import DedupParams
from ._common import EXIT_NOTHING, handle_errors
from .run import dedup_options


@click.command("spark-run")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    required=True,
    help="The dataset folder (local path or a URI Spark writes: hdfs://, s3a:// ...).",
)
@click.option(
    "--master",
    help="Spark master URL (default: what spark-submit set, else local[*]), e.g. local[2], yarn, spark://host:7077.",
)
@click.option(
    "--partitions",
    type=click.IntRange(1, 100_000),
    help="Tasks the stories are spread over for coding (default: Spark's default parallelism).",
)
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True, help="Stories per batch.")
@click.option("--model", help="spaCy pipeline (package name or path); it must be installed on every executor.")
@click.option(
    "--dictionaries",
    multiple=True,
    help="Extra actor dictionary (repeatable); the path must be readable on every executor.",
)
@dedup_options
@handle_errors
def command(
    paths: tuple[str, ...],
    out: str,
    master: str | None,
    partitions: int | None,
    batch_size: int,
    model: str | None,
    dictionaries: tuple[str, ...],
    window_days: int,
    actor_level: str,
    code_level: str,
    location: str,
    directed: bool,
) -> None:
    """Code a corpus on Spark into a Parquet dataset: DIR/mentions, DIR/events (partitioned by year and
    month), DIR/event_mentions, DIR/stories, DIR/rejects.

    Inputs: what `eventwire run` reads (JSONL, CSV, text, HTML, JSON, .gz, folders) and Parquet datasets
    with a `text` column (a path ending in .parquet). Stories already in DIR with the same content are
    skipped; events are de-duplicated with the store's rules. A failed job leaves DIR as it was.
    Read the result with `eventwire query --parquet DIR` and `eventwire export --parquet DIR`.

    \b
    Example:
      eventwire spark-run corpus.jsonl --out out/ --master 'local[2]'
      eventwire query --parquet out/ --agg month
    """
    from ..spark import CoderConfig, get_session, spark_run
    from ..spark.session import require_pyspark

    params = DedupParams(
        window_days=window_days, actor_level=actor_level, directed=directed, code_level=code_level, location=location
    )
    config = CoderConfig(model=model, dictionaries=tuple(dictionaries), batch_size=batch_size)
    t0 = time.monotonic()
    require_pyspark()
    from pyspark.sql import SparkSession

    ours = SparkSession.getActiveSession() is None
    spark = get_session(master)
    try:
        st = spark_run(spark, list(paths), out, config=config, partitions=partitions, dedup_params=params)
    finally:
        if ours:  # a session this command started (not one of spark-submit's driver or a notebook)
            spark.stop()
    click.echo(
        f"eventwire: {st.coded} stories coded, {st.skipped} already in the dataset, {st.rejected} rejected; "
        f"{st.mentions} event mentions, {st.events} events in {out} ({time.monotonic() - t0:.1f} s)",
        err=True,
    )
    if st.coded + st.skipped == 0:
        sys.exit(EXIT_NOTHING)
