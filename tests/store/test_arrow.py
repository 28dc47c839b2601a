"""The Arrow schemas of ``store.arrow`` are the store's: what DuckDB gives and what Parquet exports hold."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from eventwire.runner import run_corpus
from eventwire.store import export, open_store
from eventwire.store.arrow import DATASET_TABLES, EVENTS, MENTIONS

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "store" / "corpus"


def test_every_dataset_table_has_the_arrow_type_duckdb_gives_its_columns(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as st:
        for name, schema in DATASET_TABLES.items():
            assert st.arrow(f"SELECT * FROM {name} LIMIT 0").schema == schema, name


def test_parquet_exports_of_mentions_and_events_have_the_shared_schemas(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    run_corpus([str(CORPUS)], str(db), count=False)
    with open_store(db, read_only=True) as st:
        assert export(st, "parquet", tmp_path / "m.parquet", level="mentions") > 0
        assert export(st, "parquet", tmp_path / "e.parquet", level="events") > 0
    assert pq.read_schema(tmp_path / "m.parquet").remove_metadata() == MENTIONS
    assert pq.read_schema(tmp_path / "e.parquet").remove_metadata() == EVENTS
