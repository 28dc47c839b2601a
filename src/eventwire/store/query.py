"""Queries over a store, as plain functions returning pyarrow Tables (``.to_pandas()`` for pandas).

``level="events"`` asks the de-duplicated events, ``level="mentions"`` the raw event mentions; both
tables share the column names the filters use (``date``, ``source_code``, ``source_country``,
``source_sectors``, ``target_*``, ``cameo``, ``root``, ``quad_class``, ``plover_event``,
``evidence_text``, ``goldstein``).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..errors import error
from .db import Store

LEVELS = ("events", "mentions")
PERIODS = ("day", "week", "month", "quarter", "year")
_CODE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$")


@dataclass(slots=True)
class Filters:
    """What to keep. Every field is optional; fields combine with AND.

    * ``actor`` — an actor code or its prefix (``AZEGOV`` matches ``AZEGOVMIL``), as source or target
    * ``country`` — a country code, as source or target; ``sector`` — a sector code of source or target
    * ``dyad`` — ``"AZE-RUS"``: source matches the first side and target the second (each side an actor
      code prefix or country); ``undirected=True`` accepts either order
    * ``cameo`` — a CAMEO code or prefix (``"04"``, ``"042"``); ``root`` — a root (``"04"``)
    * ``quad`` — quad class 1-4; ``plover`` — PLOVER event (``CONSULT``); ``text`` — words in the evidence
    """

    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    dyad: str | None = None
    undirected: bool = False
    cameo: str | None = None
    root: str | None = None
    quad: int | None = None
    plover: str | None = None
    text: str | None = None


def _code(v: str, what: str) -> str:
    v = v.strip().upper()
    if not _CODE.match(v):
        raise error("E521", detail=f"{what} {v!r} is not an actor code (3-letter groups, e.g. AZE or AZEGOV)")
    return v


def _side(role: str, v: str) -> tuple[str, list[Any]]:
    return (f"({role}_code LIKE ? OR {role}_country = ?)", [v + "%", v])


def where(f: Filters, level: str = "events") -> tuple[str, list[Any]]:
    """The SQL ``WHERE`` clause (without the keyword; ``TRUE`` when empty) and its parameters."""
    parts: list[str] = []
    args: list[Any] = []
    if f.date_from:
        parts.append("date >= ?")
        args.append(f.date_from)
    if f.date_to:
        parts.append("date <= ?")
        args.append(f.date_to)
    if f.actor:
        a = _code(f.actor, "actor")
        s1, a1 = _side("source", a)
        s2, a2 = _side("target", a)
        parts.append(f"({s1} OR {s2})")
        args += a1 + a2
    if f.country:
        c = _code(f.country, "country")
        parts.append("(source_country = ? OR target_country = ?)")
        args += [c, c]
    if f.sector:
        s = _code(f.sector, "sector")
        parts.append("(list_contains(source_sectors, ?) OR list_contains(target_sectors, ?))")
        args += [s, s]
    if f.dyad:
        sides = re.split(r"\s*[-–>,/]\s*", f.dyad.strip())
        if len(sides) != 2 or not all(sides):
            raise error("E521", detail=f"dyad {f.dyad!r} must be two actor codes joined by '-', e.g. AZE-RUS")
        a, b = (_code(x, "dyad side") for x in sides)
        sa, aa = _side("source", a)
        tb, ab = _side("target", b)
        if f.undirected:
            sb, ab2 = _side("source", b)
            ta, aa2 = _side("target", a)
            parts.append(f"(({sa} AND {tb}) OR ({sb} AND {ta}))")
            args += aa + ab + ab2 + aa2
        else:
            parts.append(f"({sa} AND {tb})")
            args += aa + ab
    if f.cameo:
        parts.append("cameo LIKE ?")
        args.append(f.cameo.strip() + "%")
    if f.root:
        parts.append("root = ?")
        args.append(f.root.strip().zfill(2))
    if f.quad is not None:
        parts.append("quad_class = ?")
        args.append(int(f.quad))
    if f.plover:
        parts.append("upper(plover_event) = ?")
        args.append(f.plover.strip().upper())
    if f.text:
        if level == "mentions":
            parts.append("evidence_text ILIKE ?")
        else:
            parts.append("event_id IN (SELECT l.event_id FROM event_mentions l JOIN mentions m "
                         "USING (mention_id) WHERE m.evidence_text ILIKE ?)")
        args.append("%" + f.text + "%")
    return (" AND ".join(parts) or "TRUE"), args


def _table(level: str) -> str:
    if level not in LEVELS:
        raise error("E521", detail=f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    return level


def find(store: Store, filters: Filters | None = None, *, level: str = "events", limit: int | None = None,
         columns: str = "*") -> pa.Table:
    """Events (or mentions) matching ``filters``, by date then id."""
    t = _table(level)
    w, args = where(filters or Filters(), level)
    key = "event_id" if level == "events" else "mention_id"
    lim = f" LIMIT {int(limit)}" if limit else ""
    return store.arrow(f"SELECT {columns} FROM {t} WHERE {w} ORDER BY date NULLS LAST, {key}{lim}", args)


def _actor(role: str) -> str:
    return f"coalesce({role}_country, {role}_code, '---')"


def aggregate(store: Store, filters: Filters | None = None, *, by: str = "month", level: str = "events",
              dyad: bool = True, quad: bool = True) -> pa.Table:
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
    outer = ["CAST(period AS DATE) AS period"]
    order = ["period"]
    if dyad:
        a, b = _actor("source"), _actor("target")
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
    sql = (f"SELECT {', '.join(outer)}, events, {outer_m}, goldstein_sum, "
           f"goldstein_sum / events AS goldstein_mean FROM ("
           f"SELECT {', '.join(inner)}, count(*) AS events{inner_m}, sum(goldstein) AS goldstein_sum "
           f"FROM {t} WHERE date IS NOT NULL AND {w} GROUP BY ALL) ORDER BY {', '.join(order)}")
    return store.arrow(sql, args)


def top_actors(store: Store, filters: Filters | None = None, *, n: int = 20, level: str = "events",
               by: str = "code") -> pa.Table:
    """The ``n`` actors (``by="code"`` full actor code, ``"country"``) in most events, as source or target."""
    t = _table(level)
    w, args = where(filters or Filters(), level)
    col = "code" if by == "code" else "country"
    sql = (f"WITH a AS (SELECT source_{col} AS actor, goldstein FROM {t} WHERE {w} "
           f"UNION ALL SELECT target_{col} AS actor, goldstein FROM {t} WHERE {w}) "
           "SELECT actor, count(*) AS events, sum(goldstein) AS goldstein_sum FROM a WHERE actor IS NOT NULL "
           "GROUP BY actor ORDER BY events DESC, actor LIMIT ?")
    return store.arrow(sql, args + args + [int(n)])


def top_dyads(store: Store, filters: Filters | None = None, *, n: int = 20,
              level: str = "events") -> pa.Table:
    """The ``n`` dyads with most events (order-insensitive with ``filters.undirected``)."""
    t = _table(level)
    f = filters or Filters()
    w, args = where(f, level)
    a, b = _actor("source"), _actor("target")
    if f.undirected:
        a, b = f"least({a}, {b})", f"greatest({a}, {b})"
    # group on the raw columns, label the groups (not the rows)
    sql = (f"SELECT _a || '-' || _b AS dyad, events, goldstein_sum, cooperation, events - cooperation AS conflict "
           f"FROM (SELECT {a} AS _a, {b} AS _b, count(*) AS events, sum(goldstein) AS goldstein_sum, "
           f"count(*) FILTER (WHERE quad_class <= 2) AS cooperation FROM {t} "
           f"WHERE (source_code IS NOT NULL OR source_country IS NOT NULL) "
           f"AND (target_code IS NOT NULL OR target_country IS NOT NULL) AND {w} "
           "GROUP BY ALL) ORDER BY events DESC, dyad LIMIT ?")
    return store.arrow(sql, args + [int(n)])


def stats(store: Store) -> dict[str, int]:
    """Row counts of the main tables."""
    out = {}
    for t in ("stories", "mentions", "events", "event_mentions", "actors", "rejects", "runs"):
        out[t] = int(store.scalar(f"SELECT count(*) FROM {t}") or 0)
    return out
