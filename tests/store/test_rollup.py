"""Rollups (store/rollup.py): kept equal to a recount of ``events`` through inserts, de-duplication merges,
replaced stories, re-runs, resumed runs and migrations; the queries answer the same with and without them."""

from __future__ import annotations

import datetime as dt
import shutil
from typing import Any

import duckdb
import pytest

from eventwire.runner import run_corpus
from eventwire.store import Filters, aggregate, deduplicate, open_store, rollup, top_dyads, write_batch
from eventwire.store.db import Store

YEAR = Filters(date_from=dt.date(2021, 1, 1), date_to=dt.date(2021, 12, 31))
PART = Filters(date_from=dt.date(2021, 1, 10), date_to=dt.date(2021, 2, 20), undirected=True)


def recount(st: Store) -> tuple[list[Any], list[Any]]:
    """(rollup_day rows, the same recounted from ``events``), goldstein sums rounded."""
    cols = "period, src, tgt, dyad, quad_class, background, events, mentions, round(goldstein_sum, 6)"
    have = st.execute(f"SELECT {cols} FROM rollup_day ORDER BY ALL")
    want = st.execute(
        f"SELECT {cols} FROM (SELECT date AS period, coalesce(source_country, source_code) AS src, "
        "coalesce(target_country, target_code) AS tgt, coalesce(source_country, source_code, '---') || '-' || "
        "coalesce(target_country, target_code, '---') AS dyad, quad_class, "
        "event_id NOT IN (SELECT l.event_id FROM event_mentions l JOIN mentions m USING (mention_id) "
        "WHERE coalesce(m.modality, '') NOT IN ('historical', 'habitual')) AS background, count(*) AS events, "
        "sum(mentions) AS mentions, sum(goldstein) AS goldstein_sum FROM events GROUP BY ALL) ORDER BY ALL"
    )
    return have, want


def pair_recount(st: Store) -> tuple[list[Any], list[Any]]:
    cols = "period, dyad, background, events, mentions, round(goldstein_sum, 6)"
    have = st.execute(f"SELECT {cols} FROM rollup_day_dyad ORDER BY ALL")
    want = st.execute(
        f"SELECT {cols} FROM (SELECT period, dyad, background, sum(events) AS events, sum(mentions) AS mentions, "
        "sum(goldstein_sum) AS goldstein_sum FROM rollup_day GROUP BY ALL) ORDER BY ALL"
    )
    return have, want


def month_recount(st: Store) -> tuple[list[Any], list[Any]]:
    cols = "period, dyad, quad_class, background, events, mentions, round(goldstein_sum, 6)"
    have = st.execute(f"SELECT {cols} FROM rollup_month ORDER BY ALL")
    want = st.execute(
        f"SELECT {cols} FROM (SELECT CAST(date_trunc('month', period) AS DATE) AS period, dyad, quad_class, "
        "background, "
        "sum(events) AS events, sum(mentions) AS mentions, sum(goldstein_sum) AS goldstein_sum "
        "FROM rollup_day GROUP BY ALL) ORDER BY ALL"
    )
    return have, want


QUERIES = {
    "monthly": lambda st: aggregate(st, by="month"),
    "monthly undirected": lambda st: aggregate(st, Filters(undirected=True), by="month"),
    "monthly of a year, quad 1": lambda st: aggregate(st, Filters(date_from=YEAR.date_from, quad=1), by="month"),
    "daily pairs of a year": lambda st: aggregate(st, YEAR, by="day", quad=False),
    "weekly, no dyad": lambda st: aggregate(st, PART, by="week", dyad=False),
    "yearly": lambda st: aggregate(st, by="year", quad=False),
    "top dyads": lambda st: top_dyads(st, n=50),
    "top dyads of a year": lambda st: top_dyads(st, YEAR, n=20),
    "top dyads, part, undirected": lambda st: top_dyads(st, PART, n=20),
    "monthly with background": lambda st: aggregate(st, Filters(background=True), by="month"),
    "top dyads with background": lambda st: top_dyads(st, Filters(background=True), n=50),
}


def rows(tbl: Any) -> list[dict[str, Any]]:
    out = tbl.to_pylist()
    for r in out:
        for k, v in r.items():
            if isinstance(v, float):
                r[k] = round(v, 6)
    return out


def answers(st: Store) -> dict[str, Any]:
    return {name: (rows(q(st)), q(st).schema) for name, q in QUERIES.items()}


def base_answers(st: Store, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    with monkeypatch.context() as m:
        m.setattr(rollup, "usable", lambda store: False)
        return answers(st)


def assert_consistent(st: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    have, want = recount(st)
    assert have == want
    have, want = month_recount(st)
    assert have == want
    have, want = pair_recount(st)
    assert have == want
    assert rollup.usable(st)
    assert answers(st) == base_answers(st, monkeypatch)


def _records(mk: Any, sid: str, date: str, n: int, *, shift: int = 0) -> list[dict[str, Any]]:
    """``n`` events of story ``sid`` among a few dyads and codes (some without target or date)."""
    actors = [mk.actor("Baku", "AZE", "GOV"), mk.actor("Moscow", "RUS"), mk.actor("Kyiv", "UKR", "MIL"),
              mk.actor("the UN", None, "IGO"), None]  # fmt: skip
    codes = ["040", "042", "111", "190", "057", "010"]
    recs = []
    for i in range(n):
        j = i + shift
        day = dt.date.fromisoformat(date) + dt.timedelta(days=j % 3)
        recs.append(
            mk.record(
                sid,
                None if j % 11 == 10 else day.isoformat(),
                actors[j % 4],
                actors[(j * 3 + 1) % 5],
                cameo=codes[j % len(codes)],
                index=i,
                sentence=f"Sentence {j} met someone.",
                confidence=0.5 + (j % 5) / 10,
            )
        )
        if j % 7 == 3:
            recs[-1]["modality"] = "historical"  # background, not the story's news
    return recs


def test_a_new_store_has_empty_rollups_that_answer(mem_store, monkeypatch):
    assert rollup.present(mem_store) and rollup.usable(mem_store)
    assert_consistent(mem_store, monkeypatch)


def test_rollups_follow_inserts_merges_and_replaced_stories(mem_store, mk, monkeypatch):
    write_batch(
        mem_store,
        [mk.story("a"), mk.story("b")],
        _records(mk, "a", "2021-01-05", 12) + _records(mk, "b", "2021-02-01", 9, shift=3),
    )
    deduplicate(mem_store)
    assert_consistent(mem_store, monkeypatch)
    events = mem_store.scalar("SELECT count(*) FROM events")
    # a later story reports the same events a day later: de-duplication merges them into the existing events
    write_batch(mem_store, [mk.story("c")], _records(mk, "c", "2021-01-06", 12))
    assert rollup.usable(mem_store)  # pending mentions are not events yet: the rollups still match
    deduplicate(mem_store)
    assert mem_store.scalar("SELECT count(*) FROM events") < events + 12
    assert mem_store.scalar("SELECT max(mentions) FROM events") > 1
    assert_consistent(mem_store, monkeypatch)
    # a changed story replaces its events (deleted in write_batch, re-clustered by de-duplication)
    write_batch(mem_store, [mk.story("a", "changed text")], _records(mk, "a", "2021-03-01", 5, shift=1))
    have, want = recount(mem_store)
    assert have == want
    assert not rollup.in_order(mem_store)  # rows were appended; the month answer sorts until dedup
    assert answers(mem_store) == base_answers(mem_store, monkeypatch)
    deduplicate(mem_store)
    assert rollup.in_order(mem_store)
    assert_consistent(mem_store, monkeypatch)
    # new parameters: a full re-clustering rebuilds the rollups
    from eventwire.store import DedupParams

    deduplicate(mem_store, DedupParams(window_days=0, directed=True))
    assert_consistent(mem_store, monkeypatch)


def test_the_monthly_cross_tab_is_read_in_storage_order(mem_store, mk, monkeypatch):
    write_batch(mem_store, [], _records(mk, "a", "2021-01-05", 30) + _records(mk, "b", "2021-05-30", 30, shift=7))
    deduplicate(mem_store)
    assert rollup.in_order(mem_store)
    fast = aggregate(mem_store, by="month")
    assert fast.num_rows > 10
    assert rows(fast) == base_answers(mem_store, monkeypatch)["monthly"][0]
    # a connection that does not keep insertion order sorts instead
    mem_store.execute("SET preserve_insertion_order = false")
    assert not rollup.in_order(mem_store)
    assert rows(aggregate(mem_store, by="month")) == rows(fast)


def test_stale_or_missing_rollups_are_not_used(mem_store, mk, monkeypatch):
    write_batch(mem_store, [], _records(mk, "a", "2021-01-05", 10))
    deduplicate(mem_store)
    before = answers(mem_store)
    # an event written past the store's write path: the rollups no longer count every event
    mem_store.execute(
        "INSERT INTO events SELECT * REPLACE ('v-extra' AS event_id) FROM events "
        "WHERE date IS NOT NULL AND source_country IS NOT NULL AND target_country IS NOT NULL ORDER BY event_id LIMIT 1"
    )
    assert not rollup.usable(mem_store)
    after = answers(mem_store)
    assert after == base_answers(mem_store, monkeypatch) and after != before
    mem_store.execute("DROP TABLE rollup_month")
    assert not rollup.present(mem_store) and answers(mem_store) == after


def test_queries_on_base_tables_only_give_the_rollup_answers(mem_store, mk, tmp_path):
    """The Parquet contract: a connection with only the base tables as views (no meta, no rollups) answers
    the same."""
    write_batch(mem_store, [], _records(mk, "a", "2021-01-05", 20) + _records(mk, "b", "2021-12-30", 10, shift=2))
    deduplicate(mem_store)
    want = answers(mem_store)
    con = duckdb.connect()
    for table in ("events", "event_mentions", "mentions"):
        pq = tmp_path / f"{table}.parquet"
        mem_store.execute(f"COPY {table} TO '{pq}' (FORMAT parquet)")
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{pq}')")
    bare = Store(con, ":memory:", read_only=True)
    assert not rollup.present(bare)
    assert answers(bare) == want
    con.close()


def test_an_older_store_is_migrated_with_its_rollups_counted(db_path, mk, monkeypatch):
    with open_store(db_path) as st:
        write_batch(st, [], _records(mk, "a", "2021-01-05", 15))
        deduplicate(st)
        want = base_answers(st, monkeypatch)
        for name in rollup.ROLLUPS:  # what a version 2 store looks like
            st.execute(f"DROP TABLE {name}")
        st.execute("DELETE FROM meta WHERE key LIKE 'rollup_%'")
        st.set_meta("schema_version", "2")
    with open_store(db_path) as st:
        assert st.schema_version == 3
        assert_consistent(st, monkeypatch)
        assert answers(st) == want


def test_rerun_and_resumed_run_keep_the_rollups(coder, mk, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(mk.corpus, corpus)
    db = tmp_path / "events.duckdb"
    run_corpus([str(corpus)], db, coder=coder, count=False)
    with open_store(db) as st:
        assert st.scalar("SELECT count(*) FROM events") > 0
        assert_consistent(st, monkeypatch)
        first = answers(st)
    run_corpus([str(corpus)], db, coder=coder, count=False)  # re-run: nothing changes
    with open_store(db) as st:
        assert_consistent(st, monkeypatch)
        assert answers(st) == first
    # a run killed before its de-duplication (only some stories, no events for them), then resumed
    resumed = tmp_path / "resumed.duckdb"
    part = tmp_path / "part"
    part.mkdir()
    for f in sorted(corpus.glob("*.txt"))[:4]:
        shutil.copy(f, part / f.name)
    run_corpus([str(part)], resumed, coder=coder, count=False, dedup=False)
    with open_store(resumed) as st:
        assert_consistent(st, monkeypatch)
    run_corpus([str(corpus)], resumed, coder=coder, count=False)
    with open_store(resumed) as st:
        assert_consistent(st, monkeypatch)
        assert {k: v[0] for k, v in answers(st).items()} == {k: v[0] for k, v in first.items()}
    # an edited story replaces its events on the next run
    edited = sorted(corpus.glob("*.txt"))[0]
    edited.write_text(edited.read_text("utf-8") + "\nMoscow criticised Baku on Monday.\n", "utf-8")
    run_corpus([str(corpus)], db, coder=coder, count=False)
    with open_store(db) as st:
        assert_consistent(st, monkeypatch)


def test_the_fast_sql_chaining_gives_the_python_clusters(mem_store, mk):
    """De-duplication chains keys with one place country in SQL; forcing every key through ``cluster`` gives
    the same events and links."""
    recs = _records(mk, "a", "2021-01-05", 40) + _records(mk, "b", "2021-01-07", 40, shift=5)
    loc = mk.place("Baku", "AZE")
    for i, r in enumerate(recs):
        if i % 3 == 0:
            r["location"] = loc
    write_batch(mem_store, [], recs)
    deduplicate(mem_store)
    fast = (
        mem_store.execute("SELECT * FROM events ORDER BY event_id"),
        mem_store.execute("SELECT * FROM event_mentions ORDER BY ALL"),
    )
    # undated copies (events of their own) in two more place countries: no key qualifies for the SQL path
    for country in ("RUS", "GEO"):
        mem_store.execute(
            "INSERT INTO mentions SELECT * REPLACE ('x' || ? || mention_id AS mention_id, NULL AS date, "
            "? AS location_country) FROM mentions WHERE mention_id NOT LIKE 'x%'",
            [country, country],
        )
    deduplicate(mem_store, full=True)
    mem_store.execute("DELETE FROM mentions WHERE mention_id LIKE 'x%'")
    mem_store.execute("DELETE FROM event_mentions WHERE mention_id LIKE 'x%'")
    mem_store.execute("DELETE FROM events WHERE event_id NOT IN (SELECT event_id FROM event_mentions)")
    slow = (
        mem_store.execute("SELECT * FROM events ORDER BY event_id"),
        mem_store.execute("SELECT * FROM event_mentions ORDER BY ALL"),
    )
    assert slow[1] == fast[1]
    assert [r for r in slow[0]] == [r for r in fast[0]]
    assert len(fast[0]) > 10
