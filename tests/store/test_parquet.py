"""A Parquet dataset in ``spark-run``'s layout opened as a read-only store: the store's query and export functions
answer over it as over the store, a date range reads only its partitions, a folder that is no dataset is E544.

The dataset here is written by DuckDB from a store (the same layout Spark writes), so these tests need no Spark."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.errors import StoreError
from eventwire.runner import run_corpus
from eventwire.store import export, open_store
from eventwire.store import query as q
from eventwire.store.parquet import open_parquet, partition_filter

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "store" / "corpus"


@pytest.fixture(scope="module")
def store_and_dataset(
    tmp_path_factory: pytest.TempPathFactory, dataset_writer: Callable[[Path, Path], Path]
) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("pq")
    db = base / "s.duckdb"
    run_corpus([str(CORPUS)], str(db), count=False)
    return db, dataset_writer(db, base / "out")


def test_the_query_functions_answer_the_same_over_the_dataset(store_and_dataset: tuple[Path, Path]) -> None:
    db, out = store_and_dataset
    with open_store(db, read_only=True) as st, open_parquet(out) as pq:
        assert q.find(pq).to_pylist() == q.find(st).to_pylist()
        assert q.find(pq, level="mentions").to_pylist() == q.find(st, level="mentions").to_pylist()
        assert q.aggregate(pq, by="month").to_pylist() == q.aggregate(st, by="month").to_pylist()
        assert q.top_dyads(pq).to_pylist() == q.top_dyads(st).to_pylist()
        f = q.Filters(text="talks")
        assert q.find(pq, f).to_pylist() == q.find(st, f).to_pylist()
        assert q.stats(pq)["mentions"] == q.stats(st)["mentions"] > 0


def test_exports_are_the_same_over_the_dataset(store_and_dataset: tuple[Path, Path], tmp_path: Path) -> None:
    db, out = store_and_dataset
    for fmt in ("jsonl", "gdelt", "plover"):
        with open_store(db, read_only=True) as st, open_parquet(out) as pq:
            export(st, fmt, tmp_path / "a", level="mentions")
            export(pq, fmt, tmp_path / "b", level="mentions")
        assert (tmp_path / "a").read_text() == (tmp_path / "b").read_text(), fmt


def test_a_date_range_reads_only_its_partitions(store_and_dataset: tuple[Path, Path], tmp_path: Path) -> None:
    db, out = store_and_dataset
    with open_store(db, read_only=True) as st:
        first = st.scalar("SELECT min(date) FROM mentions")
        last = st.scalar("SELECT max(date) FROM mentions")
    assert (
        isinstance(first, dt.date)
        and isinstance(last, dt.date)
        and (last.year, last.month) != (first.year, first.month)
    )
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    for f in (copy / "mentions" / f"year={last.year}" / f"month={last.month}").glob("*.parquet"):
        f.write_bytes(b"not parquet")  # a partition outside the range: never opened
    f = q.Filters(date_from=first.replace(day=1), date_to=first.replace(day=28))
    with open_store(db, read_only=True) as st, open_parquet(copy, date_from=f.date_from, date_to=f.date_to) as pq:
        assert q.find(pq, f, level="mentions").to_pylist() == q.find(st, f, level="mentions").to_pylist()
    with open_parquet(copy) as pq, pytest.raises(StoreError):
        q.find(pq, level="mentions")


def test_partition_filter_spans_years() -> None:
    sql = partition_filter(dt.date(2023, 11, 5), dt.date(2024, 2, 1))
    assert sql == "(year > 2023 OR (year = 2023 AND month >= 11)) AND (year < 2024 OR (year = 2024 AND month <= 2))"
    assert partition_filter(None, None) == "TRUE"


def test_a_folder_that_is_not_a_dataset_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="E544"):
        open_parquet(tmp_path)
    with pytest.raises(StoreError, match="E544"):
        open_parquet(tmp_path / "missing")
