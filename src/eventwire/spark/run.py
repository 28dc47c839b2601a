"""``spark_run``: a corpus into a Parquet dataset on Spark, with the store's semantics.

1. Inputs become ``STAGED`` story rows (``ingest.read_inputs``).  A story already in the dataset with the
   same content hash is skipped (as ``eventwire run`` skips it); the rest are spread over ``partitions``
   tasks and coded (``code.code_staged_frame``); the coded rows are written once to the staging folder and
   read back, so the coding runs once.
2. The new stories replace their earlier versions (same id); the other stored stories, their mentions and
   the rejects are kept.  All mentions are de-duplicated again with the store's rules (``spark.dedup``).
3. The tables are written to ``DIR`` (``dataset.write_dataset``): staged, then swapped in.

Re-running with the same inputs codes nothing and writes the same rows again.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import EventwireError, error
from ..store.dedup import DedupParams
from .code import Coded, code_staged_frame
from .config import CoderConfig
from .dataset import HadoopFS, join, read_table, write_dataset
from .dedup import build_events, link_events
from .ingest import read_inputs


@dataclass(slots=True)
class SparkRunStats:
    run_id: str
    stories_read: int = 0  # stories (and input rejects) read from the inputs
    skipped: int = 0  # stories already in the dataset with the same content
    coded: int = 0
    rejected: int = 0  # stories the coder rejected and inputs that gave no story
    mentions: int = 0  # mentions in the dataset after the run
    events: int = 0  # events in the dataset after the run
    details: dict[str, Any] = field(default_factory=dict)


def translate(e: BaseException) -> EventwireError:
    """A Spark/Py4J exception as ``StoreError`` E543 (its first line, not the JVM stack)."""
    msg = str(e).strip()
    first = msg.splitlines()[0] if msg else type(e).__name__
    return error("E543", reason=first[:500])


def spark_run(
    spark: Any,
    paths: list[str],
    out: str,
    *,
    config: CoderConfig | None = None,
    partitions: int | None = None,
    dedup_params: DedupParams | None = None,
    fallback_encoding: str | None = None,
) -> SparkRunStats:
    """Code ``paths`` into the Parquet dataset ``out`` (see the module docstring)."""
    try:
        return _run(spark, paths, out, config, partitions, dedup_params or DedupParams(), fallback_encoding)
    except EventwireError:
        raise
    except Exception as e:
        if type(e).__module__.startswith(("pyspark", "py4j")):
            raise translate(e) from e
        raise


def _run(
    spark: Any,
    paths: list[str],
    out: str,
    config: CoderConfig | None,
    partitions: int | None,
    params: DedupParams,
    fallback: str | None,
) -> SparkRunStats:
    from pyspark.sql import functions as F

    stats = SparkRunStats(run_id=uuid.uuid4().hex[:16])
    n = int(partitions or spark.sparkContext.defaultParallelism)
    staged = read_inputs(spark, paths, fallback_encoding=fallback)
    old_stories = read_table(spark, out, "stories")
    if old_stories is not None:
        known = old_stories.select("story_id", "content_hash")
        is_story = F.col("reject_code").isNull()
        fresh = staged.where(~is_story).unionByName(
            staged.where(is_story).join(known, ["story_id", "content_hash"], "left_anti")
        )
    else:
        fresh = staged
    # the coding runs once: its rows are written, then read back
    scratch = join(out, f"_coded-{stats.run_id}")
    fs = HadoopFS(spark, out)
    try:
        code_staged_frame(fresh, config, n).write.mode("overwrite").parquet(scratch)
        coded = Coded(spark.read.parquet(scratch))
        counts = {
            (r["status"] or "input-reject"): int(r["n"])
            for r in coded.rows.groupBy("status").agg(F.count("*").alias("n")).collect()
        }
        stats.coded = counts.get("coded", 0)
        stats.rejected = counts.get("rejected", 0) + counts.get("input-reject", 0)
        stats.stories_read = int(staged.count())
        stats.skipped = max(0, stats.stories_read - sum(counts.values()))
        now = F.current_timestamp().cast("timestamp_ntz")
        new_stories = coded.stories.withColumn("run_id", F.lit(stats.run_id)).withColumn("coded_at", now)
        new_ids = new_stories.select("story_id")
        mentions = coded.mentions
        stories = new_stories
        rejects = coded.rejects.select(
            "reject_id",
            F.lit(stats.run_id).alias("run_id"),
            F.col("id").alias("story_id"),
            "origin",
            "code",
            "reason",
            now.alias("rejected_at"),
        )
        if old_stories is not None:
            stories = old_stories.join(new_ids, "story_id", "left_anti").unionByName(new_stories)
            old_mentions = read_table(spark, out, "mentions")
            if old_mentions is not None:
                mentions = old_mentions.join(new_ids, "story_id", "left_anti").unionByName(mentions)
            old_rejects = read_table(spark, out, "rejects")
            if old_rejects is not None:
                rejects = old_rejects.unionByName(
                    rejects.join(old_rejects.select("reject_id"), "reject_id", "left_anti")
                )
        mentions = mentions.dropDuplicates(["mention_id"])
        rejects = rejects.dropDuplicates(["reject_id"])
        links = link_events(mentions, params, n)
        events = build_events(mentions, links, stories, params)
        tables = {
            "stories": stories,
            "mentions": mentions,
            "event_mentions": links,
            "events": events,
            "rejects": rejects,
        }
        write_dataset(spark, out, tables, {"dedup_params": asdict(params), "run_id": stats.run_id})
    finally:
        fs.delete(scratch)
    m = read_table(spark, out, "mentions")
    e = read_table(spark, out, "events")
    stats.mentions = int(m.count()) if m is not None else 0
    stats.events = int(e.count()) if e is not None else 0
    return stats
