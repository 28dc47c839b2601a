"""A Parquet dataset (``eventwire spark-run --out DIR``) opened as a read-only store.

``open_parquet(DIR)`` returns a ``Store`` on an in-memory DuckDB database whose views are named like the
store's tables (``mentions``, ``events``, ``event_mentions``, ``stories``, ``rejects``) and read the dataset's
Parquet files in place (``read_parquet(..., hive_partitioning = true)``), with the store's column names,
order and types.  Every query and export function of the store (``store.query``, ``store.export``) works on
it unchanged.  ``actors``, ``runs`` and ``meta`` are empty tables (the dataset has none of them), and no
rollup tables exist, so aggregates read ``events``.

Partition pruning: ``mentions`` and ``events`` are partitioned by ``year`` and ``month`` of their date.
Given the date range of a query (``date_from`` / ``date_to``), the views keep only the partitions of that
range, so DuckDB opens only their files; rows without a date are then left out, as the date filter of the
query leaves them out anyway.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import duckdb

from .._version import __version__
from ..errors import error
from .arrow import DATASET_TABLES, PARTITIONED
from .db import Store, translate
from .schema import EVENT_COLUMNS, LINK_COLUMNS, MENTION_COLUMNS, REJECT_COLUMNS, STORY_COLUMNS, V1

# (name, DuckDB type) of each table of the dataset: the store's own definitions
_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "mentions": [(c[0], c[1]) for c in MENTION_COLUMNS],
    "events": [(c[0], c[1]) for c in EVENT_COLUMNS],
    "event_mentions": [(c[0], c[1]) for c in LINK_COLUMNS],
    "stories": [(c[0], c[1]) for c in STORY_COLUMNS],
    "rejects": [(c[0], c[1]) for c in REJECT_COLUMNS],
}
_EMPTY_TABLES = ("meta", "runs", "actors")


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def partition_filter(date_from: _dt.date | None, date_to: _dt.date | None) -> str:
    """The SQL condition on ``year`` / ``month`` that keeps the partitions of a date range (``TRUE``: all)."""
    parts = []
    if date_from is not None:
        y, m = date_from.year, date_from.month
        parts.append(f"(year > {y} OR (year = {y} AND month >= {m}))")
    if date_to is not None:
        y, m = date_to.year, date_to.month
        parts.append(f"(year < {y} OR (year = {y} AND month <= {m}))")
    return " AND ".join(parts) or "TRUE"


def is_dataset(path: str | Path) -> bool:
    return (Path(path) / "mentions").is_dir()


def open_parquet(path: str | Path, *, date_from: _dt.date | None = None, date_to: _dt.date | None = None) -> Store:
    """The dataset at ``path`` as a read-only ``Store`` (see the module docstring); E544 when ``path`` is
    not a dataset ``spark-run`` wrote."""
    root = Path(path)
    where = str(path)
    if not root.is_dir():
        raise error(
            "E544", detail=f"{where}: no such folder (write a dataset with `eventwire spark-run ... --out DIR`)"
        )
    if not is_dataset(root):
        raise error(
            "E544",
            detail=f"{where}: not an eventwire Parquet dataset: no mentions/ folder "
            "(write one with `eventwire spark-run ... --out DIR`)",
        )
    try:
        con = duckdb.connect(":memory:")
    except duckdb.Error as e:
        raise translate(e, where) from e
    store = Store(con, where, read_only=True)
    try:
        prune = partition_filter(date_from, date_to)
        for name in DATASET_TABLES:
            store.execute(_view_sql(root, name, prune))
        for sql in V1:
            if any(sql.startswith(f"CREATE TABLE {t} ") for t in _EMPTY_TABLES):
                store.execute(sql)
        store.execute("INSERT INTO meta VALUES ('eventwire_version', ?), ('source', 'parquet')", [__version__])
    except BaseException:
        con.close()
        raise
    return store


def _view_sql(root: Path, name: str, prune: str) -> str:
    cols = _COLUMNS[name]
    select = ", ".join(f'CAST("{c}" AS {t}) AS "{c}"' for c, t in cols)
    folder = root / name
    files = [p for p in folder.rglob("*.parquet") if not p.name.startswith(".")] if folder.is_dir() else []
    if not files:  # a table without rows: Spark writes no file for an empty partitioned table
        empty = ", ".join(f'CAST(NULL AS {t}) AS "{c}"' for c, t in cols)
        return f"CREATE VIEW {name} AS SELECT {empty} WHERE FALSE"
    glob = _quote(str(folder / "**" / "*.parquet"))
    if name in PARTITIONED:
        src = f"read_parquet({glob}, hive_partitioning = true, hive_types = {{'year': INTEGER, 'month': INTEGER}})"
        return f"CREATE VIEW {name} AS SELECT {select} FROM {src} WHERE {prune}"
    return f"CREATE VIEW {name} AS SELECT {select} FROM read_parquet({glob})"
