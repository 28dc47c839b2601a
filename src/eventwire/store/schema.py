"""The store's tables, its schema version and the migrations between versions.

A new file is created at version 1 and then migrated step by step to ``SCHEMA_VERSION``, so the
migration path is exercised by every new store.  To change the schema: append a step to ``MIGRATIONS``
(from version N to N+1) and bump ``SCHEMA_VERSION``; never edit an existing step.
"""

from __future__ import annotations

import pyarrow as pa

from . import rollup

SCHEMA_VERSION = 3

# (name, DuckDB type, Arrow type) of the raw event mentions: every field of the event record, actors
# flattened to columns.  Fields of a record that are not listed here are kept as JSON in ``extra``.
MENTION_COLUMNS: tuple[tuple[str, str, pa.DataType], ...] = (
    ("mention_id", "VARCHAR", pa.string()),
    ("story_id", "VARCHAR", pa.string()),
    ("sentence_index", "INTEGER", pa.int32()),
    ("date", "DATE", pa.date32()),
    ("date_text", "VARCHAR", pa.string()),
    ("story_date", "DATE", pa.date32()),
    ("source_text", "VARCHAR", pa.string()),
    ("source_name", "VARCHAR", pa.string()),
    ("source_code", "VARCHAR", pa.string()),
    ("source_country", "VARCHAR", pa.string()),
    ("source_sectors", "VARCHAR[]", pa.list_(pa.string())),
    ("source_start", "INTEGER", pa.int32()),
    ("source_end", "INTEGER", pa.int32()),
    ("target_text", "VARCHAR", pa.string()),
    ("target_name", "VARCHAR", pa.string()),
    ("target_code", "VARCHAR", pa.string()),
    ("target_country", "VARCHAR", pa.string()),
    ("target_sectors", "VARCHAR[]", pa.list_(pa.string())),
    ("target_start", "INTEGER", pa.int32()),
    ("target_end", "INTEGER", pa.int32()),
    ("cameo", "VARCHAR", pa.string()),
    ("cameo_name", "VARCHAR", pa.string()),
    ("root", "VARCHAR", pa.string()),
    ("quad_class", "TINYINT", pa.int8()),
    ("goldstein", "DOUBLE", pa.float64()),
    ("plover_event", "VARCHAR", pa.string()),
    ("plover_mode", "VARCHAR", pa.string()),
    ("plover_context", "VARCHAR", pa.string()),
    ("location_name", "VARCHAR", pa.string()),
    ("location_country", "VARCHAR", pa.string()),
    ("location_admin1", "VARCHAR", pa.string()),
    ("lat", "DOUBLE", pa.float64()),
    ("lon", "DOUBLE", pa.float64()),
    ("location_precision", "VARCHAR", pa.string()),
    ("location_source", "VARCHAR", pa.string()),
    ("location_start", "INTEGER", pa.int32()),
    ("location_end", "INTEGER", pa.int32()),
    ("evidence_text", "VARCHAR", pa.string()),
    ("evidence_start", "INTEGER", pa.int32()),
    ("evidence_end", "INTEGER", pa.int32()),
    ("trigger_text", "VARCHAR", pa.string()),
    ("trigger_start", "INTEGER", pa.int32()),
    ("trigger_end", "INTEGER", pa.int32()),
    ("modality", "VARCHAR", pa.string()),
    ("confidence", "DOUBLE", pa.float64()),
    ("rule", "VARCHAR", pa.string()),
    ("extra", "VARCHAR", pa.string()),  # JSON of record fields without a column (null when none)
)

STORY_COLUMNS: tuple[tuple[str, str, pa.DataType], ...] = (
    ("story_id", "VARCHAR", pa.string()),
    ("content_hash", "VARCHAR", pa.string()),
    ("status", "VARCHAR", pa.string()),  # coded | rejected
    ("date", "DATE", pa.date32()),
    ("place", "VARCHAR", pa.string()),
    ("agency", "VARCHAR", pa.string()),
    ("title", "VARCHAR", pa.string()),
    ("url", "VARCHAR", pa.string()),
    ("language", "VARCHAR", pa.string()),
    ("origin_file", "VARCHAR", pa.string()),
    ("origin_line", "INTEGER", pa.int32()),
    ("dateline", "VARCHAR", pa.string()),
    ("n_chars", "INTEGER", pa.int32()),
    ("n_mentions", "INTEGER", pa.int32()),
    ("run_id", "VARCHAR", pa.string()),
    ("coded_at", "TIMESTAMP", pa.timestamp("us")),
)

ACTOR_COLUMNS: tuple[tuple[str, str, pa.DataType], ...] = (
    ("story_id", "VARCHAR", pa.string()),
    ("start", "INTEGER", pa.int32()),
    ("end", "INTEGER", pa.int32()),
    ("text", "VARCHAR", pa.string()),
    ("name", "VARCHAR", pa.string()),
    ("code", "VARCHAR", pa.string()),
    ("country", "VARCHAR", pa.string()),
    ("sectors", "VARCHAR[]", pa.list_(pa.string())),
    ("roles", "VARCHAR[]", pa.list_(pa.string())),  # source / target in the events of the story
)

REJECT_COLUMNS: tuple[tuple[str, str, pa.DataType], ...] = (
    ("reject_id", "VARCHAR", pa.string()),
    ("run_id", "VARCHAR", pa.string()),
    ("story_id", "VARCHAR", pa.string()),
    ("origin", "VARCHAR", pa.string()),
    ("code", "VARCHAR", pa.string()),
    ("reason", "VARCHAR", pa.string()),
    ("rejected_at", "TIMESTAMP", pa.timestamp("us")),
)

LINK_COLUMNS: tuple[tuple[str, str, pa.DataType], ...] = (
    ("mention_id", "VARCHAR", pa.string()),
    ("event_id", "VARCHAR", pa.string()),
)

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"),
    ("dedup_key", "VARCHAR"),
    ("date", "DATE"),
    ("date_last", "DATE"),
    ("source_code", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("source_sectors", "VARCHAR[]"),
    ("source_name", "VARCHAR"),
    ("target_code", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("target_sectors", "VARCHAR[]"),
    ("target_name", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("cameo_name", "VARCHAR"),
    ("root", "VARCHAR"),
    ("quad_class", "TINYINT"),
    ("goldstein", "DOUBLE"),
    ("plover_event", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("evidence_text", "VARCHAR"),  # the sentence of the representative mention
    ("mentions", "INTEGER"),
    ("stories", "INTEGER"),
    ("sources", "INTEGER"),
    ("source_names", "VARCHAR[]"),
    ("first_report", "DATE"),
    ("last_report", "DATE"),
    ("confidence", "DOUBLE"),
)


def arrow_schema(cols: tuple[tuple[str, str, pa.DataType], ...]) -> pa.Schema:
    return pa.schema([(name, atype) for name, _, atype in cols])


def _ddl(table: str, cols: tuple[tuple[str, str], ...] | tuple[tuple[str, str, pa.DataType], ...]) -> str:
    body = ", ".join(f'"{c[0]}" {c[1]}' for c in cols)
    return f"CREATE TABLE {table} ({body})"


# Version 1: the tables as first released.
_V1_RUN_COLUMNS = (
    ("run_id", "VARCHAR"),
    ("started_at", "TIMESTAMP"),
    ("finished_at", "TIMESTAMP"),
    ("status", "VARCHAR"),
    ("eventwire_version", "VARCHAR"),
    ("dictionary_version", "VARCHAR"),
    ("model", "VARCHAR"),
    ("inputs", "VARCHAR"),
    ("workers", "INTEGER"),
    ("batch_size", "INTEGER"),
    ("stories_read", "BIGINT"),
    ("stories_skipped", "BIGINT"),
    ("stories_coded", "BIGINT"),
    ("stories_rejected", "BIGINT"),
    ("input_rejects", "BIGINT"),
    ("mentions", "BIGINT"),
)

V1: tuple[str, ...] = (
    "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    _ddl("runs", _V1_RUN_COLUMNS),
    _ddl("stories", STORY_COLUMNS),
    _ddl("mentions", MENTION_COLUMNS),
    _ddl("actors", ACTOR_COLUMNS),
    _ddl("rejects", REJECT_COLUMNS),
    _ddl("event_mentions", LINK_COLUMNS),
    _ddl("events", EVENT_COLUMNS),
)

# MIGRATIONS[n] takes a store from version n to n + 1.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # 1 → 2: runs record the de-duplication parameters and the events they produced.
    1: (
        "ALTER TABLE runs ADD COLUMN dedup_params VARCHAR",
        "ALTER TABLE runs ADD COLUMN events BIGINT",
    ),
    # 2 → 3: per-day and per-month rollups of the events (dyad × quad class), counted from the stored events.
    2: rollup.build_sql(),
}

TABLES = ("meta", "runs", "stories", "mentions", "actors", "rejects", "event_mentions", "events", *rollup.ROLLUPS)
