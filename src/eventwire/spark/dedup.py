"""De-duplication on Spark with the store's rules (``eventwire.store.dedup``), not a copy of them.

* the event key is the store's own SQL expression (``dedup.key_sql``), evaluated by Spark SQL;
* mentions are chained into events by the store's own ``dedup.cluster`` (greedy date chaining with the
  location test), run per key in the workers on rows sorted as the store sorts them
  (key, date nulls last, mention id); event ids come from the store's ``_event_id``;
* the event row is the store's: counts over all mentions, the description from the representative
  mention (the most confident, then the earliest, then the smallest id), written in DataFrame operations
  that give the store's values (``_EVENTS_SQL`` in ``store/dedup.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from ..store.arrow import EVENTS
from ..store.dedup import DedupParams, _event_id, cluster, key_sql

LINKS_DDL = "mention_id string, event_id string"


def key_expr(params: DedupParams, alias: str = "m") -> str:
    """``dedup.key_sql`` in Spark SQL (Spark spells the cast to text ``STRING``)."""
    return key_sql(params, alias).replace(" AS VARCHAR)", " AS STRING)")


def _links(params: DedupParams, clusters: list[Any]) -> pa.RecordBatch:
    mids: list[str] = []
    eids: list[str] = []
    for cl in clusters:
        eid = _event_id(cl)
        mids.extend(cl.members)
        eids.extend([eid] * len(cl.members))
    return pa.RecordBatch.from_pydict(
        {"mention_id": pa.array(mids, pa.string()), "event_id": pa.array(eids, pa.string())}
    )


def chain(params: DedupParams) -> Any:
    """The ``mapInArrow`` function over partitions sorted by (k, date nulls last, mention_id): each key's
    rows (which may span batches) go through ``dedup.cluster`` together."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        pending: pa.Table | None = None
        for batch in batches:
            t = pa.Table.from_batches([batch])
            if pending is not None:
                t = pa.concat_tables([pending, t])
            keys = t.column("k").to_pylist()
            last = len(keys)
            while last > 0 and keys[last - 1] == keys[-1]:
                last -= 1
            if last:  # every key before the last one is complete
                yield _links(params, cluster(t.slice(0, last), params))
            pending = t.slice(last)
        if pending is not None and pending.num_rows:
            yield _links(params, cluster(pending, params))

    return run


def link_events(mentions: Any, params: DedupParams, partitions: int | None = None) -> Any:
    """``(mention_id, event_id)`` of every mention: the store's ``event_mentions``."""
    from pyspark.sql import functions as F

    cand = mentions.alias("m").select("mention_id", F.expr(key_expr(params)).alias("k"), "date", "location_country")
    n = partitions or cand.sparkSession.sparkContext.defaultParallelism
    ordered = cand.repartition(int(n), "k").sortWithinPartitions(
        F.col("k").asc(), F.col("date").asc_nulls_last(), F.col("mention_id").asc()
    )
    return ordered.mapInArrow(chain(params), LINKS_DDL)


def build_events(mentions: Any, links: Any, stories: Any, params: DedupParams) -> Any:
    """The ``events`` rows (columns and types of ``store.arrow.EVENTS``) of mentions linked into events."""
    from pyspark.sql import functions as F

    from .types import spark_type

    s = stories.select("story_id", F.col("agency").alias("_s_agency"), F.col("date").alias("_s_date")).dropDuplicates(
        ["story_id"]
    )
    m = mentions.alias("m").withColumn("_k", F.expr(key_expr(params)))
    j = links.join(m, "mention_id").join(s, "story_id", "left")
    agencies = F.array_sort(F.collect_set("_s_agency"))
    g = j.groupBy("event_id").agg(
        F.min_by(
            "mention_id",
            F.struct(
                (F.coalesce(F.col("modality"), F.lit("")) != F.lit("asserted")).cast("int"),
                -F.coalesce(F.col("confidence"), F.lit(0.0)),
                F.col("date"),
                F.col("mention_id"),
            ),
        ).alias("_rep"),
        F.first("_k").alias("dedup_key"),
        F.min("date").alias("date"),
        F.max("date").alias("date_last"),
        # a report is a trigger in a sentence: the two directed records of "X and Y met" are one mention
        F.count_distinct(F.struct("story_id", "sentence_index", "trigger_start")).alias("mentions"),
        F.count_distinct("story_id").alias("stories"),
        F.count_distinct("_s_agency").alias("sources"),
        F.when(F.size(agencies) > 0, agencies).alias("source_names"),
        F.min(F.coalesce("_s_date", "story_date", "date")).alias("first_report"),
        F.max(F.coalesce("_s_date", "story_date", "date")).alias("last_report"),
        F.max("confidence").alias("confidence"),
        F.min("location_country").alias("_any_country"),
    )
    from_group = {"event_id", "dedup_key", "date", "date_last", "mentions", "stories", "sources", "source_names"}
    from_group |= {"first_report", "last_report", "confidence"}
    rep_cols = [f.name for f in EVENTS if f.name not in from_group]
    r = mentions.select(F.col("mention_id").alias("_r_id"), *[F.col(c).alias(f"_r_{c}") for c in rep_cols])
    ev = g.join(r, F.col("_rep") == F.col("_r_id"))
    cols = []
    for f in EVENTS:
        if f.name in from_group:
            c = F.col(f.name)
        elif f.name == "location_country":
            c = F.coalesce(F.col("_r_location_country"), F.col("_any_country"))
        else:
            c = F.col(f"_r_{f.name}")
        cols.append(c.cast(spark_type(f.type)).alias(f.name))
    return ev.select(*cols)
