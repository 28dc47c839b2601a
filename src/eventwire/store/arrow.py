"""The Arrow schemas of the store's tables: one definition for DuckDB, Parquet exports and Spark.

The columns are defined once, in ``store/schema.py`` (name, DuckDB type and, for the tables written from
Python, the Arrow type).  This module turns them into ``pyarrow`` schemas: the ``mentions`` schema is the
row type of ``eventwire export --level mentions --format parquet``, of ``DIR/mentions/`` written by
``eventwire spark-run`` and of the DataFrame ``eventwire.spark.code_dataframe`` returns.  Tables defined
with DuckDB types only (``events``) get the Arrow type DuckDB gives those columns.
"""

from __future__ import annotations

import pyarrow as pa

from ..errors import error
from .schema import EVENT_COLUMNS, LINK_COLUMNS, MENTION_COLUMNS, REJECT_COLUMNS, STORY_COLUMNS, arrow_schema

# DuckDB type name → the Arrow type DuckDB reads and writes for it
DUCKDB_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "VARCHAR[]": pa.list_(pa.string()),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "TINYINT": pa.int8(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
}


def duckdb_schema(cols: tuple[tuple[str, str], ...]) -> pa.Schema:
    """The Arrow schema of columns given as (name, DuckDB type)."""
    fields = []
    for name, ddb in cols:
        atype = DUCKDB_ARROW.get(ddb)
        if atype is None:
            raise error("E540", detail=f"column {name!r} has the DuckDB type {ddb}, which has no Arrow type here")
        fields.append(pa.field(name, atype))
    return pa.schema(fields)


MENTIONS: pa.Schema = arrow_schema(MENTION_COLUMNS)
STORIES: pa.Schema = arrow_schema(STORY_COLUMNS)
REJECTS: pa.Schema = arrow_schema(REJECT_COLUMNS)
EVENT_MENTIONS: pa.Schema = arrow_schema(LINK_COLUMNS)
EVENTS: pa.Schema = duckdb_schema(EVENT_COLUMNS)

# the tables of a Parquet dataset (``eventwire spark-run --out DIR``), by the store table they stand for
DATASET_TABLES: dict[str, pa.Schema] = {
    "mentions": MENTIONS,
    "events": EVENTS,
    "event_mentions": EVENT_MENTIONS,
    "stories": STORIES,
    "rejects": REJECTS,
}
# tables partitioned by the year and month of their ``date`` (hive style: ``year=2024/month=3``)
PARTITIONED = ("mentions", "events")
PARTITION_COLUMNS = ("year", "month")
