"""Where ``query`` and ``export`` read: a store file (``--db``) or a Parquet dataset (``--parquet DIR``)."""

from __future__ import annotations

from typing import Any

import click

from ..store.db import Store, open_store
from ..store.filters import Filters


def parquet_option(fn: Any) -> Any:
    """``--parquet DIR``: read the dataset ``eventwire spark-run --out DIR`` wrote instead of a store."""
    return click.option(
        "--parquet",
        type=click.Path(file_okay=False),
        help="Read the Parquet dataset of `eventwire spark-run --out DIR` instead of a store (--db).",
    )(fn)


def open_source(db: str, parquet: str | None, filters: Filters | None = None) -> Store:
    """The store ``db`` opened read-only, or the dataset ``parquet`` as a read-only store whose views keep
    only the partitions of the filters' date range."""
    if parquet:
        from ..store.parquet import open_parquet

        f = filters or Filters()
        return open_parquet(parquet, date_from=f.date_from, date_to=f.date_to)
    return open_store(db, read_only=True)
