"""The store functions the API stands on (``eventwire.store.query`` / ``export``): keyset pages, groups,
escaping, the time limit, streamed exports."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventwire.errors import StoreError
from eventwire.store import open_store
from eventwire.store import query as q
from eventwire.store.export import stream


def test_like_escape_makes_wildcards_literal() -> None:
    assert q.like_escape("50%_a\\b") == "50\\%\\_a\\\\b"
    f = q.Filters(text="50%", place="Bak*")
    w, args = q.where(f, "mentions")
    assert "ESCAPE" in w and args == ["Bak%", "%50\\%%"]


def test_pages_follow_the_sort_key(built_store: Path, app: object) -> None:
    st = app.state.ew.store.cursor()  # type: ignore[attr-defined]
    try:
        every, nxt = q.page(st, limit=1000)
        assert nxt is None
        keys = [(r["date"], r["event_id"]) for r in every.to_pylist()]
        assert keys == sorted(keys, key=lambda k: (-(k[0] or dt.date.min).toordinal(), k[1]))
        first, key = q.page(st, limit=2)
        rest, _ = q.page(st, limit=1000, after=key)
        assert first.column("event_id").to_pylist() + rest.column("event_id").to_pylist() == [k[1] for k in keys]
        assert "rep_trigger_start" in first.column_names
        m, _ = q.page(st, level="mentions", limit=3)
        assert "dedup_event_id" in m.column_names and m.num_rows == 3
    finally:
        st.close()


def test_group_counts_checks_its_groups(app: object) -> None:
    st = app.state.ew.store.cursor()  # type: ignore[attr-defined]
    try:
        t = q.group_counts(st, by=["quarter", "plover"], level="mentions")
        assert t.column_names[:2] == ["quarter", "plover"] and sum(t.column("count").to_pylist()) >= 6
        for bad in (["month", "month"], [], ["nope"], ["day", "week", "month"]):
            with pytest.raises(StoreError) as e:
                q.group_counts(st, by=bad)
            assert e.value.code == "E521"
        with pytest.raises(StoreError):
            q.where(q.Filters(cameo="04%"))
    finally:
        st.close()


def test_time_limit_interrupts_a_query_and_the_store_goes_on(tmp_path: Path) -> None:
    with open_store(tmp_path / "t.duckdb") as store:
        cur = store.cursor()
        with pytest.raises(StoreError) as e, cur.time_limit(0.2):
            cur.execute("SELECT count(*) FROM range(20000000000) t(x) WHERE x % 7 = 3")
        assert e.value.code == "E511"
        cur.close()
        with store.time_limit(5):
            assert store.scalar("SELECT 42") == 42


def test_streamed_parquet_is_one_readable_file(app: object) -> None:
    st = app.state.ew.store.cursor()  # type: ignore[attr-defined]
    try:
        data = b"".join(stream(st, "parquet", level="events"))
        assert pq.read_table(io.BytesIO(data)).num_rows == q.stats(st)["events"]
        with pytest.raises(StoreError):
            stream(st, "xlsx")
    finally:
        st.close()
