"""Spark and one machine give the same answer: ``eventwire run`` into a DuckDB store and ``spark_run`` into a
Parquet dataset code the same mentions and de-duplicate them into the same events; the store's query and
export functions answer the same over both."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.runner import run_corpus
from eventwire.spark import spark_run
from eventwire.store import open_store
from eventwire.store import query as q
from eventwire.store.parquet import open_parquet

KEY = ("story_id", "sentence_index", "cameo", "source_code", "target_code")


@pytest.fixture(scope="module")
def both(spark: Any, wire_jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    base = tmp_path_factory.mktemp("both")
    db = base / "events.duckdb"
    run_corpus([str(wire_jsonl)], str(db), count=False)
    out = base / "out"
    stats = spark_run(spark, [str(wire_jsonl)], str(out), partitions=3)
    return db, out, stats


def _keys(tbl: Any) -> list[tuple[Any, ...]]:
    return sorted(tuple(r[k] for k in KEY) for r in tbl.select(list(KEY)).to_pylist())


def test_spark_codes_the_same_mentions_as_run(both: tuple[Path, Path, Any]) -> None:
    db, out, stats = both
    with open_store(db, read_only=True) as st, open_parquet(out) as pq:
        local = q.find(st, level="mentions")
        spark = q.find(pq, level="mentions")
        assert local.num_rows > 150  # the corpus gives events
        assert _keys(spark) == _keys(local)
        assert sorted(spark.column("mention_id").to_pylist()) == sorted(local.column("mention_id").to_pylist())
    assert stats.coded == 240


def test_spark_deduplicates_into_the_same_events_as_the_store(both: tuple[Path, Path, Any]) -> None:
    db, out, _ = both
    with open_store(db, read_only=True) as st, open_parquet(out) as pq:
        local = sorted(q.find(st).to_pylist(), key=lambda r: r["event_id"])
        spark = sorted(q.find(pq).to_pylist(), key=lambda r: r["event_id"])
        links_local = sorted(st.execute("SELECT mention_id, event_id FROM event_mentions"))
        links_spark = sorted(pq.execute("SELECT mention_id, event_id FROM event_mentions"))
    assert any(r["mentions"] > 1 for r in local)  # duplicates across stories were merged
    assert any(r["sources"] > 1 for r in local)
    assert len(spark) == len(local)
    assert spark == local
    assert links_spark == links_local


def test_rejected_inputs_are_the_same_rows_of_the_rejects_table(both: tuple[Path, Path, Any]) -> None:
    db, out, stats = both
    sql = "SELECT reject_id, story_id, origin, code, reason FROM rejects ORDER BY code"
    with open_store(db, read_only=True) as st, open_parquet(out) as pq:
        local, spark = st.arrow(sql).to_pylist(), pq.arrow(sql).to_pylist()
    assert [r["code"] for r in spark] == ["E110", "E112", "E114"]
    assert stats.rejected == 3
    assert spark == local  # the same origins (file:line) and reasons as the one-machine reader gives


def test_query_and_export_answer_the_same_over_the_dataset_and_the_store(both: tuple[Path, Path, Any]) -> None:
    db, out, _ = both
    runner = CliRunner()
    for args in (["query", "--agg", "month", "--format", "jsonl"], ["query", "--top", "dyads", "--format", "jsonl"]):
        a = runner.invoke(cli, [*args, "--db", str(db)])
        b = runner.invoke(cli, [*args, "--parquet", str(out)])
        assert a.exit_code == 0 and b.exit_code == 0, a.output + b.output
        rows_a = [json.loads(line) for line in a.output.splitlines()]
        rows_b = [json.loads(line) for line in b.output.splitlines()]
        assert len(rows_a) > 5
        assert rows_b == [pytest.approx(r) for r in rows_a]  # sums of Goldstein scores in another order
    exported = []
    for src in (["--db", str(db)], ["--parquet", str(out)]):
        r = runner.invoke(cli, ["export", *src, "--level", "mentions", "--format", "jsonl"])
        assert r.exit_code == 0, r.output
        recs = [json.loads(line) for line in r.output.splitlines()]
        exported.append(
            sorted(
                (
                    x["story_id"],
                    x["sentence_index"],
                    x["cameo"],
                    (x["source"] or {}).get("code"),
                    (x["target"] or {}).get("code"),
                )
                for x in recs
            )
        )
    assert exported[0] == exported[1] and len(exported[0]) > 150


def test_a_date_range_gives_the_same_rows_over_the_dataset(both: tuple[Path, Path, Any]) -> None:
    import datetime as dt

    db, out, _ = both
    f = q.Filters(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31))
    with open_store(db, read_only=True) as st, open_parquet(out, date_from=f.date_from, date_to=f.date_to) as pq:
        rows = q.find(pq, f).to_pylist()
        assert rows == q.find(st, f).to_pylist() and rows
