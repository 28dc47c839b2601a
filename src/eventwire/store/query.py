"""Queries over a store, as plain functions returning pyarrow Tables (``.to_pandas()`` for pandas).

``level="events"`` asks the de-duplicated events, ``level="mentions"`` the raw event mentions; both
tables share the column names the filters use (``date``, ``source_code``, ``source_country``,
``source_sectors``, ``target_*``, ``cameo``, ``root``, ``quad_class``, ``plover_event``,
``evidence_text``, ``goldstein``).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pyarrow as pa

from ..errors import error
from . import rollup
from .db import Store
from .filters import Filters as Filters  # re-exported: the filters are part of the query API
from .filters import like_escape
from .filters import where as where  # re-exported for export.py

LEVELS = ("events", "mentions")
PERIODS = ("day", "week", "month", "quarter", "year")


def _table(level: str) -> str:
    if level not in LEVELS:
        raise error("E521", detail=f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    return level


def find(
    store: Store, filters: Filters | None = None, *, level: str = "events", limit: int | None = None, columns: str = "*"
) -> pa.Table:
    """Events (or mentions) matching ``filters``, by date then id."""
    t = _table(level)
    w, args = where(filters or Filters(), level)
    key = "event_id" if level == "events" else "mention_id"
    lim = f" LIMIT {int(limit)}" if limit else ""
    return store.arrow(f"SELECT {columns} FROM {t} WHERE {w} ORDER BY date NULLS LAST, {key}{lim}", args)


def _actor(role: str) -> str:
    return f"coalesce({role}_country, {role}_code, '---')"


def aggregate(
    store: Store,
    filters: Filters | None = None,
    *,
    by: str = "month",
    level: str = "events",
    dyad: bool = True,
    quad: bool = True,
) -> pa.Table:
    """Counts and Goldstein sums per period (``day``/``week``/``month``/...) × dyad × quad class.

    Columns: ``period`` (first day of the period), ``dyad`` (``SRC-TGT`` by country code, falling back to
    the actor code), ``quad_class``, ``events`` (rows counted), ``mentions`` (for events: their mentions),
    ``goldstein_sum``, ``goldstein_mean``.  With ``filters.undirected`` dyads are order-insensitive.
    """
    if by not in PERIODS:
        raise error("E521", detail=f"aggregation period must be one of {', '.join(PERIODS)}, not {by!r}")
    t = _table(level)
    f = filters or Filters()
    w, args = where(f, level)
    # group on the raw columns and build the dyad label per group, not per row (much faster)
    inner = [f"date_trunc('{by}', date) AS period"]
    src, tgt = _actor("source"), _actor("target")
    # a rollup (the events counted per day or month × dyad × quad class) gives the same answer from fewer rows
    r = rollup.choose(store, f, level, by)
    if r is not None:
        t, (w, args) = r, rollup.where(f)
        exact = rollup.exact(f, by, dyad=dyad, quad=quad)
        if exact is not None and rollup.in_order(store):
            # the rollup's news rows are this answer's rows, stored in this order: read them as they are
            q = " quad_class," if quad else ""
            return store.arrow(
                f"SELECT period, dyad,{q} events, mentions, goldstein_sum, goldstein_sum / events AS goldstein_mean "
                f"FROM {exact} WHERE period IS NOT NULL AND {w}",
                args,
            )
        inner = [f"date_trunc('{by}', period) AS period"]
        src, tgt = "coalesce(src, '---')", "coalesce(tgt, '---')"
    outer = ["CAST(period AS DATE) AS period"]
    order = ["period"]
    if dyad:
        a, b = src, tgt
        if f.undirected:
            a, b = f"least({a}, {b})", f"greatest({a}, {b})"
        inner += [f"{a} AS _a", f"{b} AS _b"]
        outer.append("_a || '-' || _b AS dyad")
        order += ["_a", "_b"]
    if quad:
        inner.append("quad_class")
        outer.append("quad_class")
        order.append("quad_class")
    # as few aggregates as possible: the mean is computed from the sum, mentions of mentions = rows
    inner_m = ", CAST(sum(mentions) AS BIGINT) AS mentions" if level == "events" else ""
    outer_m = "mentions" if level == "events" else "events AS mentions"
    counts = f"count(*) AS events{inner_m}, sum(goldstein) AS goldstein_sum FROM {t} WHERE date IS NOT NULL"
    if r is not None:
        counts = (
            "CAST(sum(events) AS BIGINT) AS events, CAST(sum(mentions) AS BIGINT) AS mentions, "
            f"sum(goldstein_sum) AS goldstein_sum FROM {t} WHERE period IS NOT NULL"
        )
    sql = (
        f"SELECT {', '.join(outer)}, events, {outer_m}, goldstein_sum, "
        f"goldstein_sum / events AS goldstein_mean FROM ("
        f"SELECT {', '.join(inner)}, {counts} AND {w} GROUP BY ALL) ORDER BY {', '.join(order)}"
    )
    return store.arrow(sql, args)


def top_actors(
    store: Store, filters: Filters | None = None, *, n: int = 20, level: str = "events", by: str = "code"
) -> pa.Table:
    """The ``n`` actors (``by="code"`` full actor code, ``"country"``) in most events, as source or target."""
    t = _table(level)
    w, args = where(filters or Filters(), level)
    col = "code" if by == "code" else "country"
    sql = (
        f"WITH a AS (SELECT source_{col} AS actor, goldstein FROM {t} WHERE {w} "
        f"UNION ALL SELECT target_{col} AS actor, goldstein FROM {t} WHERE {w}) "
        "SELECT actor, count(*) AS events, sum(goldstein) AS goldstein_sum FROM a WHERE actor IS NOT NULL "
        "GROUP BY actor ORDER BY events DESC, actor LIMIT ?"
    )
    return store.arrow(sql, args + args + [int(n)])


def top_dyads(store: Store, filters: Filters | None = None, *, n: int = 20, level: str = "events") -> pa.Table:
    """The ``n`` dyads with most events (order-insensitive with ``filters.undirected``)."""
    t = _table(level)
    f = filters or Filters()
    w, args = where(f, level)
    a, b = _actor("source"), _actor("target")
    r = rollup.choose(store, f, level, "year")  # a month rollup when the dates cover whole months
    if r is not None:
        a, b = "coalesce(src, '---')", "coalesce(tgt, '---')"
    if f.undirected:
        a, b = f"least({a}, {b})", f"greatest({a}, {b})"
    if r is not None:
        w, args = rollup.where(f)
        sql = (
            f"SELECT _a || '-' || _b AS dyad, events, goldstein_sum, cooperation, events - cooperation AS conflict "
            f"FROM (SELECT {a} AS _a, {b} AS _b, CAST(sum(events) AS BIGINT) AS events, "
            "sum(goldstein_sum) AS goldstein_sum, "
            "CAST(coalesce(sum(events) FILTER (WHERE quad_class <= 2), 0) AS BIGINT) AS cooperation "
            f"FROM {r} WHERE src IS NOT NULL AND tgt IS NOT NULL AND {w} GROUP BY ALL) "
            "ORDER BY events DESC, dyad LIMIT ?"
        )
        return store.arrow(sql, args + [int(n)])
    # group on the raw columns, label the groups (not the rows)
    sql = (
        f"SELECT _a || '-' || _b AS dyad, events, goldstein_sum, cooperation, events - cooperation AS conflict "
        f"FROM (SELECT {a} AS _a, {b} AS _b, count(*) AS events, sum(goldstein) AS goldstein_sum, "
        f"count(*) FILTER (WHERE quad_class <= 2) AS cooperation FROM {t} "
        f"WHERE (source_code IS NOT NULL OR source_country IS NOT NULL) "
        f"AND (target_code IS NOT NULL OR target_country IS NOT NULL) AND {w} "
        "GROUP BY ALL) ORDER BY events DESC, dyad LIMIT ?"
    )
    return store.arrow(sql, args + [int(n)])


def stats(store: Store) -> dict[str, int]:
    """Row counts of the main tables."""
    out = {}
    for t in ("stories", "mentions", "events", "event_mentions", "actors", "rejects", "runs"):
        out[t] = int(store.scalar(f"SELECT count(*) FROM {t}") or 0)
    return out


# -- pages, groups, places, actors and stories (the HTTP API asks these; see docs/api.md) ---------------
SortKey = tuple[_dt.date | None, str]
GROUPS = (*PERIODS, "source", "target", "dyad", "country", "root", "quad", "plover")
_KEY = {"events": "event_id", "mentions": "mention_id"}
# columns of an event's representative mention (the most confident, then the earliest), as rep_<name>
REP_COLUMNS = (
    "mention_id",
    "story_id",
    "sentence_index",
    "date_text",
    "source_text",
    "source_start",
    "source_end",
    "target_text",
    "target_start",
    "target_end",
    "evidence_start",
    "evidence_end",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "modality",
    "rule",
    "plover_context",
    "location_admin1",
    "location_precision",
)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def events_by_id(store: Store, ids: list[str]) -> pa.Table:
    """The events ``ids`` (in that order) with the ``rep_*`` columns of each one's representative mention —
    the mention whose sentence, trigger and spans describe it (the most confident, then the earliest, as
    in ``dedup``).  Every lookup is by id with constant lists, so the store's id indexes answer it."""
    if not ids:
        return store.arrow("SELECT * FROM events LIMIT 0")
    mids = [
        str(r[0])
        for r in store.execute(f"SELECT mention_id FROM event_mentions WHERE event_id IN ({_marks(len(ids))})", ids)
    ] or [""]
    rep = ", ".join(f"m.{c} AS rep_{c}" for c in REP_COLUMNS)
    sql = (
        f"WITH p AS MATERIALIZED (SELECT * FROM events WHERE event_id IN ({_marks(len(ids))})), "
        f"m AS MATERIALIZED (SELECT confidence, date, {', '.join(REP_COLUMNS)} FROM mentions "
        f"WHERE mention_id IN ({_marks(len(mids))})), "
        f"l AS MATERIALIZED (SELECT * FROM event_mentions WHERE event_id IN ({_marks(len(ids))})), "
        "r AS (SELECT l.event_id, arg_min(m.mention_id, struct_pack("
        "a := (coalesce(m.modality, '') <> 'asserted')::INTEGER, c := -coalesce(m.confidence, 0), "
        "d := m.date, i := m.mention_id)) AS rep FROM l JOIN m USING (mention_id) GROUP BY l.event_id) "
        f"SELECT p.*, {rep} FROM p LEFT JOIN r USING (event_id) LEFT JOIN m ON m.mention_id = r.rep"
    )
    return _in_order(store.arrow(sql, ids + mids + ids), "event_id", ids)


def mentions_by_id(store: Store, ids: list[str]) -> pa.Table:
    """The mentions ``ids`` (in that order), each with the id of its de-duplicated event (``dedup_event_id``)."""
    if not ids:
        return store.arrow("SELECT *, NULL::VARCHAR AS dedup_event_id FROM mentions LIMIT 0")
    sql = (
        f"SELECT p.*, l.event_id AS dedup_event_id FROM (SELECT * FROM mentions WHERE mention_id IN "
        f"({_marks(len(ids))})) p LEFT JOIN (SELECT * FROM event_mentions WHERE mention_id IN "
        f"({_marks(len(ids))})) l USING (mention_id)"
    )
    return _in_order(store.arrow(sql, ids + ids), "mention_id", ids)


def _in_order(tbl: pa.Table, key: str, ids: list[str]) -> pa.Table:
    pos = {k: i for i, k in enumerate(tbl.column(key).to_pylist())}
    return tbl.take(pa.array([pos[i] for i in ids if i in pos], pa.int64()))


def page(
    store: Store,
    filters: Filters | None = None,
    *,
    level: str = "events",
    limit: int = 100,
    after: SortKey | None = None,
) -> tuple[pa.Table, SortKey | None]:
    """One page of events (or mentions), newest first: by date descending (undated last), then id.

    Keyset pagination: ``after`` is the sort key ``(date, id)`` of the last row of the previous page, so a
    page never shifts when rows are added before it.  Returns the rows and the key of the next page
    (``None`` after the last).  Events carry their representative mention's ``rep_*`` columns
    (``events_by_id``), mentions the id of their de-duplicated event (``mentions_by_id``).

    Three steps, so that a page of a large store reads little: the date of the row just past the page
    (a sort of one small column), the ids of the page among the rows from that date on, then the rows by id.
    """
    t = _table(level)
    key = _KEY[level]
    w, args = where(filters or Filters(), level)
    if after is not None:
        d, ident = after
        if d is None:
            w += f" AND date IS NULL AND {key} > ?"
            args += [ident]
        else:
            w += f" AND (date < ? OR (date = ? AND {key} > ?) OR date IS NULL)"
            args += [d, d, ident]
    edge = store.scalar(
        f"SELECT date FROM {t} WHERE {w} ORDER BY date DESC NULLS LAST LIMIT 1 OFFSET {int(limit)}", args
    )
    if edge is not None:
        w += " AND date >= ?"
        args += [edge]
    keys = store.execute(
        f"SELECT {key}, date FROM {t} WHERE {w} ORDER BY date DESC NULLS LAST, {key} LIMIT {int(limit) + 1}", args
    )
    ids = [str(k[0]) for k in keys[:limit]]
    tbl = events_by_id(store, ids) if level == "events" else mentions_by_id(store, ids)
    nxt: SortKey | None = None
    if len(keys) > limit:
        last = keys[limit - 1]
        nxt = (last[1], str(last[0]))
    return tbl, nxt


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One de-duplicated event with its representative mention's ``rep_*`` columns, or ``None``."""
    rows = events_by_id(store, [event_id]).to_pylist()
    return rows[0] if rows else None


def mentions_of(store: Store, event_id: str) -> pa.Table:
    """The mentions of one event, each with ``dedup_event_id`` and its story's ``story_title``,
    ``story_agency`` and ``story_url``."""
    mids = [str(r[0]) for r in store.execute("SELECT mention_id FROM event_mentions WHERE event_id = ?", [event_id])]
    if not mids:
        return store.arrow("SELECT * FROM mentions LIMIT 0")
    return store.arrow(
        f"SELECT m.*, ? AS dedup_event_id, s.title AS story_title, s.agency AS story_agency, "
        f"s.url AS story_url FROM (SELECT * FROM mentions WHERE mention_id IN ({_marks(len(mids))})) m "
        "LEFT JOIN stories s ON s.story_id = m.story_id "
        "ORDER BY m.date NULLS LAST, m.story_id, m.sentence_index, m.mention_id",
        [event_id, *mids],
    )


def _group_sql(g: str, i: int, undirected: bool) -> tuple[list[str], str, list[str]]:
    """(inner select items, outer select item, order keys) of group ``g``: group on raw columns, label
    the groups (not the rows)."""
    if g in PERIODS:
        return [f"date_trunc('{g}', date) AS _k{i}"], f'CAST(_k{i} AS DATE) AS "{g}"', [f"_k{i}"]
    a, b = _actor("source"), _actor("target")
    if g == "dyad":
        if undirected:
            a, b = f"least({a}, {b})", f"greatest({a}, {b})"
        return [f"{a} AS _k{i}a", f"{b} AS _k{i}b"], f"_k{i}a || '-' || _k{i}b AS dyad", [f"_k{i}a", f"_k{i}b"]
    expr = {
        "source": a,
        "target": b,
        "country": "location_country",
        "root": "root",
        "quad": "quad_class",
        "plover": "plover_event",
    }[g]
    return [f"{expr} AS _k{i}"], f'_k{i} AS "{g}"', [f"_k{i}"]


def group_counts(
    store: Store,
    filters: Filters | None = None,
    *,
    by: tuple[str, ...] | list[str] = ("month",),
    level: str = "events",
    top: int | None = None,
    limit: int = 100_000,
) -> pa.Table:
    """Counts and Goldstein sum and mean grouped by one or two of ``GROUPS``.

    ``day|week|month|quarter|year`` (first day of the period; undated rows left out), ``source`` /
    ``target`` (country code, else actor code, ``---`` when missing), ``dyad`` (``SRC-TGT`` of those,
    sorted with ``filters.undirected``), ``country`` (the location's), ``root``, ``quad``, ``plover``.
    Columns: one per group, ``count``, ``mentions``, ``goldstein_sum``, ``goldstein_mean``.  ``top=N``
    keeps the N largest groups (largest first); otherwise groups come in key order, at most ``limit``.
    """
    by = list(by)
    if not 1 <= len(by) <= 2 or len(set(by)) != len(by) or any(g not in GROUPS for g in by):
        raise error("E521", detail=f"group by one or two different names of {', '.join(GROUPS)}, not {by!r}")
    t = _table(level)
    f = filters or Filters()
    w, args = where(f, level)
    inner, outer, keys = [], [], []
    for i, g in enumerate(by):
        a, b, c = _group_sql(g, i, f.undirected)
        inner += a
        outer.append(b)
        keys += c
    dated = "date IS NOT NULL AND " if any(g in PERIODS for g in by) else ""
    inner_m = "CAST(sum(mentions) AS BIGINT)" if level == "events" else "count(*)"
    order = ("count DESC, " if top else "") + ", ".join(f"{k} NULLS LAST" for k in keys)
    n = int(top) if top else int(limit)
    sql = (
        f"SELECT {', '.join(outer)}, count, mentions, goldstein_sum, goldstein_sum / count AS goldstein_mean "
        f"FROM (SELECT {', '.join(inner)}, count(*) AS count, {inner_m} AS mentions, "
        f"sum(goldstein) AS goldstein_sum FROM {t} WHERE {dated}{w} GROUP BY ALL) ORDER BY {order} LIMIT {n}"
    )
    return store.arrow(sql, args)


def places(store: Store, filters: Filters | None = None, *, level: str = "events", n: int = 500) -> pa.Table:
    """The ``n`` places with most events (those with coordinates): ``name``, ``country``, ``lat``, ``lon``,
    ``count``, ``goldstein_mean``."""
    t = _table(level)
    w, args = where(filters or Filters(), level)
    sql = (
        f"SELECT location_name AS name, location_country AS country, lat, lon, count(*) AS count, "
        f"avg(goldstein) AS goldstein_mean FROM {t} WHERE lat IS NOT NULL AND lon IS NOT NULL AND {w} "
        "GROUP BY ALL ORDER BY count DESC, name NULLS LAST, country NULLS LAST LIMIT ?"
    )
    return store.arrow(sql, args + [int(n)])


def actor_counts(store: Store, prefix: str = "", *, n: int = 20, level: str = "events") -> pa.Table:
    """Actor codes that start with ``prefix`` (case-insensitive), as source or target: ``code``, ``name``
    (the most frequent actor name with that code), ``count`` (events), most frequent first."""
    t = _table(level)
    pat = like_escape(prefix.strip().upper()) + "%"
    sql = (
        f"WITH a AS (SELECT source_code AS code, source_name AS name FROM {t} "
        f"WHERE source_code LIKE ? ESCAPE '\\' UNION ALL SELECT target_code, target_name FROM {t} "
        "WHERE target_code LIKE ? ESCAPE '\\') "
        "SELECT code, mode(name) AS name, count(*) AS count FROM a GROUP BY code "
        "ORDER BY count DESC, code LIMIT ?"
    )
    return store.arrow(sql, [pat, pat, int(n)])


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """The stored row of one story (its metadata: the store keeps no story text), or ``None``."""
    rows = store.arrow("SELECT * FROM stories WHERE story_id = ?", [story_id]).to_pylist()
    return rows[0] if rows else None


def story_mentions(store: Store, story_id: str) -> pa.Table:
    """The mentions of one story in text order, each with the ``event_id`` of its de-duplicated event."""
    return store.arrow(
        "SELECT m.*, l.event_id FROM mentions m LEFT JOIN event_mentions l USING (mention_id) "
        "WHERE m.story_id = ? ORDER BY m.sentence_index, m.trigger_start, m.mention_id",
        [story_id],
    )
