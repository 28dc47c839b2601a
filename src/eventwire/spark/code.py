"""Coding on Spark: ``STAGED`` story rows → ``CODED`` rows with ``mapInArrow`` around ``Coder.code_batch``.

One ``CODED`` row per staged row, never dropped: a coded story with its event mentions (a list of rows of
the store's ``mentions`` schema), a story the coder rejected, or an input reject passed through.  The
mentions, stories and rejects DataFrames are views of those rows (``Coded``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..store.arrow import MENTIONS, STORIES
from ..store.write import mentions_table
from ..story import Reject, Story
from .config import CoderConfig, coder_for
from .ingest import RECORD_FIELDS, STAGED, records_to_staged, reject_row, row_to_story

_STORY_FIELDS = [f for f in STORIES if f.name not in ("run_id", "coded_at")]
# status: coded | rejected (a story, as in the store) | null (an input that gave no story)
CODED = pa.schema(
    [
        *_STORY_FIELDS,
        pa.field("reject_id", pa.string()),
        pa.field("reject_origin", pa.string()),
        pa.field("reject_code", pa.string()),
        pa.field("reject_reason", pa.string()),
        pa.field("mentions", pa.list_(pa.struct(list(MENTIONS)))),
    ]
)
REJECT_FIELDS = ("story_id", "reject_id", "reject_origin", "reject_code", "reject_reason")


def _story_out(s: Mapping[str, Any], status: str, mentions: list[Any], rej: Reject | None) -> dict[str, Any]:
    row = {f.name: s.get(f.name) for f in _STORY_FIELDS}
    row.update(status=status, n_chars=len(s.get("text") or ""), n_mentions=len(mentions))
    if rej is not None:
        row.update(reject_row(rej))
    row["mentions"] = mentions
    return row


def code_rows(coder: Any, rows: Sequence[Mapping[str, Any]]) -> pa.RecordBatch:
    """Code the stories among ``STAGED`` ``rows`` with one ``code_batch`` call; ``CODED`` rows, same order."""
    stories: list[Story] = [row_to_story(r) for r in rows if r["reject_code"] is None]
    records: list[Any] = []
    rejects: list[Reject] = []
    if stories:
        records, rejects = coder.code_batch(stories)
    by_story: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()
    for rec in records:  # the first record of an id is kept (as the store keeps it)
        if rec["event_id"] not in seen:
            seen.add(rec["event_id"])
            by_story.setdefault(rec["story_id"], []).append(rec)
    rejected = {r.story_id: r for r in rejects if r.story_id is not None}
    out = []
    for r in rows:
        if r["reject_code"] is not None:
            row: dict[str, Any] = {f.name: None for f in CODED}
            row.update({k: r[k] for k in REJECT_FIELDS})
            row["mentions"] = []
            out.append(row)
            continue
        sid = r["story_id"]
        rej = rejected.get(sid)
        recs = by_story.pop(sid, [])
        mentions = mentions_table(recs).to_pylist() if recs else []
        out.append(_story_out(r, "rejected" if rej is not None else "coded", mentions, rej))
    return pa.RecordBatch.from_pylist(out, schema=CODED)


def code_staged(config: CoderConfig) -> Any:
    """The ``mapInArrow`` function of ``STAGED`` → ``CODED``: one coder per worker process (``coder_for``),
    stories coded ``config.batch_size`` at a time."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        coder = None
        for batch in batches:
            rows = batch.to_pylist()
            for i in range(0, len(rows), config.batch_size):
                chunk = rows[i : i + config.batch_size]
                if coder is None and any(r["reject_code"] is None for r in chunk):
                    coder = coder_for(config)
                yield code_rows(coder, chunk)

    return run


@dataclass(frozen=True, slots=True)
class Coded:
    """The result of ``code_dataframe``: one ``rows`` DataFrame (schema ``CODED``) and its views.

    The views are lazy: each action on them runs the coding again unless ``rows`` is persisted
    (``persist()``) or written out first (``eventwire spark-run`` writes it once, then reads it back).
    """

    rows: Any

    @property
    def mentions(self) -> Any:
        """The event mentions: the columns of the store's ``mentions`` table (``store.arrow.MENTIONS``)."""
        from pyspark.sql import functions as F

        return self.rows.select(F.explode("mentions").alias("m")).select("m.*")

    @property
    def rejects(self) -> Any:
        """Every input or story that gave no events because it was rejected: ``id``, ``origin``, ``code``,
        ``reason`` (and ``reject_id``)."""
        from pyspark.sql import functions as F

        return self.rows.where(F.col("reject_code").isNotNull()).select(
            F.col("story_id").alias("id"),
            F.col("reject_origin").alias("origin"),
            F.col("reject_code").alias("code"),
            F.col("reject_reason").alias("reason"),
            "reject_id",
        )

    @property
    def stories(self) -> Any:
        """The stories (coded or rejected by the coder) with the columns of the store's ``stories`` table
        except ``run_id`` and ``coded_at``."""
        from pyspark.sql import functions as F

        return self.rows.where(F.col("status").isNotNull()).select(*[f.name for f in _STORY_FIELDS])

    def persist(self) -> Coded:
        return Coded(self.rows.persist())


def code_staged_frame(staged: Any, config: CoderConfig | None = None, partitions: int | None = None) -> Any:
    """``CODED`` rows of a ``STAGED`` DataFrame (``partitions``: spread the stories over that many tasks)."""
    from .types import spark_schema

    cfg = (config or CoderConfig()).resolved()
    if partitions:
        staged = staged.repartition(int(partitions))
    return staged.mapInArrow(code_staged(cfg), spark_schema(CODED))


def code_dataframe(
    df: Any,
    text: str = "text",
    id: str | None = "id",
    date: str | None = "date",
    *,
    fields: Mapping[str, str] | None = None,
    origin: str | None = None,
    config: CoderConfig | None = None,
    partitions: int | None = None,
) -> Coded:
    """Code the stories of a DataFrame: one row per story, its text in column ``text``.

    ``id`` and ``date`` name the columns of the story id and date (``None``, or a column the DataFrame
    lacks: none); ``fields`` maps other record fields (``title``, ``source``, ``url``, ``language``,
    ``place``) to column names — columns named like them are used without it.  Each row becomes a
    ``Story`` exactly as a JSONL record with those fields does (``ingest.records.record_to_story``: datelines,
    dates, ids), and is coded by the same ``Coder.code_batch`` as ``eventwire code`` and ``eventwire run``.
    ``origin`` names a column saying where a row comes from (used in reject messages).

    Returns ``Coded``: ``.mentions`` (the store's mention columns), ``.rejects`` (``id``, ``origin``,
    ``code``, ``reason``) and ``.stories``.
    """
    from .types import spark_schema

    have = set(df.columns)
    columns: dict[str, str] = {f: f for f in RECORD_FIELDS if f in have}
    columns.update({"text": text})
    for name, col in (("id", id), ("date", date)):
        columns.pop(name, None)
        if col is not None and col in have:
            columns[name] = col
    columns.update(dict(fields or {}))
    if columns["text"] not in have:
        from ..errors import error

        raise error("E545", detail=f"the DataFrame has no text column {text!r} (columns: {', '.join(df.columns)})")
    keep = sorted(set(columns.values()) | ({origin} if origin else set()))
    staged = df.select(*keep).mapInArrow(records_to_staged(columns, origin), spark_schema(STAGED))
    return Coded(code_staged_frame(staged, config, partitions))
