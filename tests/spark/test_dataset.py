"""``spark-run``'s dataset: re-runs leave the same rows, a failed job leaves the dataset as it was, the
command line works end to end, Parquet inputs are read as records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.errors import StoreError
from eventwire.spark import CoderConfig, spark_run
from eventwire.spark.dataset import write_dataset
from eventwire.spark.types import spark_schema
from eventwire.store.arrow import REJECTS
from eventwire.store.parquet import open_parquet

from . import corpus

TABLES = ("mentions", "events", "event_mentions", "stories", "rejects")


def _snapshot(out: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, in a stable order."""
    with open_parquet(out) as st:
        return {t: sorted(st.arrow(f"SELECT * FROM {t}").to_pylist(), key=str) for t in TABLES}


def _files(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "small.jsonl"
    return corpus.write_jsonl(path, corpus.records(20, seed=3))


@pytest.fixture(scope="module")
def ran(spark: Any, small: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("ran") / "out"
    return out, spark_run(spark, [str(small)], str(out))


def test_a_rerun_on_the_same_input_codes_nothing_and_leaves_the_same_rows(
    spark: Any, small: Path, ran: tuple[Path, Any]
) -> None:
    out, first = ran
    before = _snapshot(out)
    again = spark_run(spark, [str(small)], str(out))
    assert first.coded == 20 and again.coded == 0 and again.skipped == 20
    assert _snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(("_staging", "_old", "_coded"))]


def test_a_failed_job_leaves_the_dataset_as_it_was(spark: Any, ran: tuple[Path, Any], tmp_path: Path) -> None:
    out, _ = ran
    files = _files(out)
    extra = corpus.write_jsonl(tmp_path / "more.jsonl", corpus.records(4, seed=11))
    with pytest.raises(StoreError, match="E543"):  # the workers cannot load this pipeline
        spark_run(spark, [str(extra)], str(out), config=CoderConfig(model="no_such_spacy_pipeline_xyz"))
    assert _files(out) == files


def test_a_table_that_fails_halfway_is_never_swapped_in(spark: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    ok = spark.createDataFrame([("m1", "e1")], "mention_id string, event_id string")
    write_dataset(spark, str(out), {"event_mentions": ok}, {})
    files = _files(out)

    def boom(batches: Any) -> Any:
        for b in batches:
            raise RuntimeError("disk on fire")
            yield b

    no_rejects = spark.createDataFrame([], spark_schema(REJECTS))  # written whole before the failing table
    bad = spark.range(4, numPartitions=2).mapInArrow(boom, "mention_id string, event_id string")
    with pytest.raises(Exception, match="disk on fire"):
        write_dataset(spark, str(out), {"rejects": no_rejects, "event_mentions": bad}, {})
    assert _files(out) == files
    assert pq.read_table(out / "event_mentions").to_pylist() == [{"mention_id": "m1", "event_id": "e1"}]


def test_spark_run_command_writes_a_dataset_query_reads(spark: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    src = corpus.write_jsonl(tmp_path / "five.jsonl", corpus.records(5, seed=2))
    r = runner.invoke(cli, ["spark-run", str(src), "--out", str(out), "--master", "local[2]", "--partitions", "2"])
    assert r.exit_code == 0, r.output
    assert "5 stories coded" in r.output
    assert any(p.name.startswith("year=2024") for p in (out / "mentions").iterdir())
    r = runner.invoke(cli, ["query", "--parquet", str(out), "--agg", "month", "--format", "jsonl"])
    assert r.exit_code == 0 and r.output.count("\n") >= 3, r.output
    r = runner.invoke(cli, ["query", "--parquet", str(tmp_path / "nothing"), "--agg", "month"])
    assert r.exit_code == 3 and "E544" in r.output


def test_parquet_inputs_are_read_as_records(spark: Any, tmp_path: Path) -> None:
    recs = corpus.records(6, seed=5)[:6]
    src = tmp_path / "stories.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": r["id"], "text": r["text"], "date": r.get("date")} for r in recs]), src)
    out = tmp_path / "out"
    stats = spark_run(spark, [str(src)], str(out))
    assert stats.coded == 6
    with open_parquet(out) as st:
        ids = {r[0] for r in st.execute("SELECT story_id FROM stories")}
    assert ids == {r["id"] for r in recs}


def test_a_folder_of_text_stories_gives_the_mentions_run_gives(spark: Any, tmp_path: Path) -> None:
    from eventwire.runner import run_corpus
    from eventwire.store import open_store

    folder = Path(__file__).resolve().parents[1] / "fixtures" / "store" / "corpus"
    db = tmp_path / "s.duckdb"
    run_corpus([str(folder)], str(db), count=False)
    out = tmp_path / "out"
    spark_run(spark, [str(folder)], str(out))
    sql = "SELECT mention_id, story_id, sentence_index, cameo, source_code, target_code FROM mentions ORDER BY 1"
    with open_store(db, read_only=True) as st, open_parquet(out) as pq:
        local = st.execute(sql)
        assert pq.execute(sql) == local and local
        assert pq.execute("SELECT origin_file FROM stories ORDER BY 1") == st.execute(
            "SELECT origin_file FROM stories ORDER BY 1"
        )
