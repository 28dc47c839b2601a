"""Rollups: the de-duplicated events counted per day and per month × directed dyad × quad class.

``rollup_day`` and ``rollup_month`` hold, per ``(period, src, tgt, quad_class)``, the ``events``, the sum of their
``mentions`` and ``goldstein_sum``; ``src``/``tgt`` are an actor's country code, else its actor code (``NULL`` when
the event has neither), ``dyad`` is the label the queries show (``SRC-TGT``, ``---`` for a missing side), and
undated events have a ``NULL`` period.  They are written in the same transactions that change ``events``:
de-duplication and the deletion of replaced stories record the groups of the events they delete or insert
(``touch``) and then recount exactly those groups (``refresh``); a full de-duplication rebuilds them
(``rebuild``).  Both are kept in the order of the monthly cross-tab (period, source label, target label, quad
class): a date range then reads few row groups, and the directed monthly cross-tab is ``rollup_month`` read
in storage order, without grouping or sorting (``meta.rollup_sorted`` says the order holds; the end of each
de-duplication restores it after rows were appended).

They are optional: a query uses a rollup only when the table exists and covers every event (``usable``:
``meta.rollup_events`` equals the row count of ``events``), else it reads ``events`` and gives the same
answer — so a store written by hand, a store that predates them, or Parquet views that have only the base
tables all keep working.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import TYPE_CHECKING, Any

from ..record import BACKGROUND_MODALITIES

if TYPE_CHECKING:  # db imports schema, which takes the rollups' SQL from here
    from .db import Store
    from .filters import Filters

# name → (period, whether the quad class is a key); the others are counted from rollup_day and kept in the
# order of the answer they give (``exact``)
ROLLUPS = {"rollup_day": ("day", True), "rollup_month": ("month", True), "rollup_day_dyad": ("day", False)}
DERIVED = ("rollup_month", "rollup_day_dyad")
KEY = ("period", "src", "tgt", "quad_class")
_META = "rollup_events"  # the number of events the rollups count (to detect a stale or partial rollup)
_SORTED = "rollup_sorted"  # "1" when the DERIVED rollups are stored in answer order with one row per label


def _key(name: str) -> tuple[str, ...]:
    return KEY if ROLLUPS[name][1] else KEY[:3]


def _ddl(name: str) -> str:
    quad = ", quad_class TINYINT" if ROLLUPS[name][1] else ""
    return (
        f"CREATE TABLE IF NOT EXISTS {name} (period DATE, src VARCHAR, tgt VARCHAR, dyad VARCHAR{quad}, "
        "background BOOLEAN, events BIGINT, mentions BIGINT, goldstein_sum DOUBLE)"
    )


DDL = tuple(_ddl(name) for name in ROLLUPS)
_LABEL = "coalesce(src, '---') || '-' || coalesce(tgt, '---') AS dyad"
_BACKGROUND = ", ".join(f"'{m}'" for m in BACKGROUND_MODALITIES)


def _events(keys: str | None) -> str:
    """Each event's day, directed dyad (country, else actor code), quad class and whether it is background
    (no mention of it is news: ``Filters.background``); only the events of the day groups in ``keys``."""
    e = (
        "SELECT event_id, date AS period, coalesce(source_country, source_code) AS src, "
        "coalesce(target_country, target_code) AS tgt, quad_class, mentions, goldstein FROM events"
    )
    if keys:
        e = f"SELECT * FROM ({e}) e {_semi(keys, 'e')}"
    return (
        f"WITH e AS MATERIALIZED ({e}), news AS (SELECT DISTINCT l.event_id FROM event_mentions l "
        "SEMI JOIN e USING (event_id) JOIN mentions m USING (mention_id) "
        f"WHERE coalesce(m.modality, '') NOT IN ({_BACKGROUND})) "
        "SELECT e.*, n.event_id IS NULL AS background FROM e LEFT JOIN news n USING (event_id)"
    )


def _days(keys: str | None = None) -> str:
    """The day rows of the events (of the day groups in the table ``keys``)."""
    return (
        f"SELECT period, src, tgt, {_LABEL}, quad_class, background, count(*) AS events, "
        "CAST(sum(mentions) AS BIGINT) AS mentions, sum(goldstein) AS goldstein_sum "
        f"FROM ({_events(keys)}) GROUP BY period, src, tgt, quad_class, background"
    )


def _derived(name: str, keys: str | None = None) -> str:
    """The rows of a DERIVED rollup counted from ``rollup_day`` (only its groups in the table ``keys``)."""
    period, quad = ROLLUPS[name]
    p = "period" if period == "day" else f"CAST(date_trunc('{period}', period) AS DATE) AS period"
    q = ", quad_class" if quad else ""
    d = f"SELECT {p}, src, tgt, dyad{q}, background, events, mentions, goldstein_sum FROM rollup_day"
    join = _semi(keys, "d", _key(name)) if keys else ""
    return (
        f"SELECT period, src, tgt, any_value(dyad) AS dyad{q}, background, "
        "CAST(sum(events) AS BIGINT) AS events, CAST(sum(mentions) AS BIGINT) AS mentions, "
        f"sum(goldstein_sum) AS goldstein_sum FROM ({d}) d {join} GROUP BY period, src, tgt{q}, background"
    )


def _order(name: str = "rollup_day") -> str:
    """The answer's order (``aggregate``: period, source label, target label, quad class)."""
    q = ", quad_class" if ROLLUPS[name][1] else ""
    return f"ORDER BY period, coalesce(src, '---'), coalesce(tgt, '---'){q}, background"


def _sorted_sql() -> str:
    # the storage order is the answer's order only when no two (src, tgt) pairs share a label (NULL and an
    # actor coded '---' would) and DuckDB keeps insertion order
    return (
        f"INSERT OR REPLACE INTO meta SELECT '{_SORTED}', CASE WHEN "
        "CAST(current_setting('preserve_insertion_order') AS BOOLEAN) AND NOT EXISTS "
        "(SELECT 1 FROM rollup_month WHERE src = '---' OR tgt = '---') THEN '1' ELSE '0' END"
    )


def _semi(keys: str, alias: str, key: tuple[str, ...] = KEY) -> str:
    on = " AND ".join(f"{alias}.{c} IS NOT DISTINCT FROM k.{c}" for c in key)
    return f"SEMI JOIN {keys} k ON ({on})"


def build_sql() -> tuple[str, ...]:
    """The statements that create and fill the rollups of a store (the schema migration to version 3)."""
    return (
        *DDL,
        f"INSERT INTO rollup_day SELECT * FROM ({_days()}) {_order()}",
        *(f"INSERT INTO {name} SELECT * FROM ({_derived(name)}) {_order(name)}" for name in DERIVED),
        f"INSERT OR REPLACE INTO meta SELECT '{_META}', CAST(count(*) AS VARCHAR) FROM events",
        _sorted_sql(),
    )


def present(store: Store) -> bool:
    """Whether this connection has the rollup tables (and the ``meta`` table that says what they cover)."""
    names = [*ROLLUPS, "meta"]
    marks = ", ".join("?" * len(names))
    n = store.scalar(
        f"SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name IN ({marks})", names
    )
    return int(n or 0) == len(names)


def usable(store: Store) -> bool:
    """Whether the rollups exist and count exactly the events of ``events`` (else: read ``events``)."""
    if not present(store):
        return False
    covered = store.meta(_META)
    return covered is not None and int(covered) == int(store.scalar("SELECT count(*) FROM events") or 0)


def _mark(store: Store) -> None:
    store.set_meta(_META, str(int(store.scalar("SELECT count(*) FROM events") or 0)))


def rebuild(store: Store) -> None:
    """Recount both rollups from ``events`` (inside the caller's transaction, if any)."""
    for name in ROLLUPS:
        store.execute(f"DROP TABLE IF EXISTS {name}")
    for sql in build_sql():
        store.execute(sql)


def touch(store: Store, ids_sql: str) -> None:
    """Remember the day groups of the events selected by ``ids_sql`` (a query of ``event_id``): call it before
    deleting events and after inserting them, then ``refresh``."""
    if not present(store):
        return
    store.execute(
        "CREATE TEMP TABLE IF NOT EXISTS _ew_touched (period DATE, src VARCHAR, tgt VARCHAR, quad_class TINYINT)"
    )
    store.execute(
        "INSERT INTO _ew_touched SELECT DISTINCT date, coalesce(source_country, source_code), "
        f"coalesce(target_country, target_code), quad_class FROM events WHERE event_id IN ({ids_sql})"
    )


def refresh(store: Store, *, resort: bool = True) -> None:
    """Recount the groups recorded by ``touch`` (days, then their months) from ``events``; a no-op without
    rollups.  Rewritten groups are appended; ``resort`` puts ``rollup_month`` back in cross-tab order (the end
    of de-duplication does it: a few hundred ms per million rows), else it is marked unsorted until then."""
    if not present(store):
        return
    touched = store.scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = '_ew_touched' AND temporary")
    if touched:
        store.execute("CREATE OR REPLACE TEMP TABLE _ew_tday AS SELECT DISTINCT * FROM _ew_touched")
        store.execute(
            f"DELETE FROM rollup_day WHERE rowid IN (SELECT r.rowid FROM rollup_day r {_semi('_ew_tday', 'r')})"
        )
        store.execute(f"INSERT INTO rollup_day {_days('_ew_tday')}")
        for name in DERIVED:
            period, quad = ROLLUPS[name]
            p = "period" if period == "day" else f"CAST(date_trunc('{period}', period) AS DATE) AS period"
            cols = ", ".join((p, *_key(name)[1:]))
            store.execute(f"CREATE OR REPLACE TEMP TABLE _ew_tkeys AS SELECT DISTINCT {cols} FROM _ew_tday")
            store.execute(
                f"DELETE FROM {name} WHERE rowid IN (SELECT r.rowid FROM {name} r "
                f"{_semi('_ew_tkeys', 'r', _key(name))})"
            )
            store.execute(f"INSERT INTO {name} {_derived(name, '_ew_tkeys')}")
        for name in ("_ew_touched", "_ew_tday", "_ew_tkeys"):
            store.execute(f"DROP TABLE IF EXISTS {name}")
        store.set_meta(_SORTED, "0")
    if resort and store.meta(_SORTED) != "1":
        for name in DERIVED:
            store.execute(f"CREATE OR REPLACE TEMP TABLE _ew_rm AS SELECT * FROM {name}")
            store.execute(f"DELETE FROM {name}")
            store.execute(f"INSERT INTO {name} SELECT * FROM _ew_rm {_order(name)}")
            store.execute("DROP TABLE _ew_rm")
        store.execute(_sorted_sql())
    _mark(store)


def in_order(store: Store) -> bool:
    """Whether the DERIVED rollups are stored in answer order (see the module docstring) and DuckDB returns
    rows in storage order (``preserve_insertion_order``, its default)."""
    return store.meta(_SORTED) == "1" and bool(
        store.scalar("SELECT CAST(current_setting('preserve_insertion_order') AS BOOLEAN)")
    )


def month_aligned(d_from: _dt.date | None, d_to: _dt.date | None) -> bool:
    """Whether a date range covers whole months (so ``rollup_month`` answers it)."""
    if d_from is not None and d_from.day != 1:
        return False
    return d_to is None or (d_to + _dt.timedelta(days=1)).day == 1


# -- answering queries from a rollup ------------------------------------------------------------------------
_ANSWERABLE = frozenset({"date_from", "date_to", "undirected", "quad", "background"})  # the filters a rollup can apply


def choose(store: Store, f: Filters, level: str, by: str = "day") -> str | None:
    """The rollup that answers a query of the events grouped by ``by`` (a period) under ``f``, or ``None``
    (then the query reads the base table): only the filters a rollup keeps (dates, quad class, undirected)."""
    if level != "events":
        return None
    for fld in dataclasses.fields(f):
        if fld.name not in _ANSWERABLE and getattr(f, fld.name) != fld.default:
            return None
    if f.quad is not None and not 1 <= int(f.quad) <= 4:
        return None  # the base query reports the bad value
    if not usable(store):
        return None
    if by in ("month", "quarter", "year") and month_aligned(f.date_from, f.date_to):
        return "rollup_month"
    return "rollup_day"


def where(f: Filters) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause of a rollup for the filters ``choose`` accepted."""
    parts, args = ["TRUE"], list[Any]()
    if f.date_from:
        parts.append("period >= ?")
        args.append(f.date_from)
    if f.date_to:
        parts.append("period <= ?")
        args.append(f.date_to)
    if f.quad is not None:
        parts.append("quad_class = ?")
        args.append(int(f.quad))
    if not f.background:
        parts.append("NOT background")
    return " AND ".join(parts), args


def exact(f: Filters, by: str, *, dyad: bool, quad: bool) -> str | None:
    """The DERIVED rollup whose rows (news only) are the answer of ``aggregate(by=by, dyad=dyad, quad=quad)``
    under ``f`` (filters ``choose`` accepted), in the answer's order, or ``None``."""
    if not dyad or f.undirected or f.background:
        return None
    if by == "month" and quad and month_aligned(f.date_from, f.date_to):
        return "rollup_month"
    if by == "day" and not quad and f.quad is None:
        return "rollup_day_dyad"
    return None
