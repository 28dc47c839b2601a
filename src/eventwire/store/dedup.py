"""De-duplication: event mentions that report the same real-world event become one event.

The rule (all tunable through ``DedupParams``):

* **same dyad** — the actors of both mentions are the same at ``actor_level`` (``country``: country code,
  falling back to the full actor code; ``code``: the full CAMEO actor code), in either order unless
  ``directed`` (A→B and B→A are one dyad "up to reciprocity");
* **compatible codes** — same CAMEO root (``code_level="root"``), same full code (``"code"``) or same quad
  class (``"quad"``);
* **same date window** — mentions are chained in date order: a mention joins an event when its date is
  within ``window_days`` of the event's latest mention (so a story a day late still joins);
* **compatible location** — with ``location="country"`` two mentions are compatible unless both name a
  location country and they differ; ``"ignore"`` drops the test.

Mentions without a date are events of their own.  An event's id is a hash of its dedup key and its
earliest mention, so identical data gives identical ids.

Incremental: mentions without a link in ``event_mentions`` are *pending* (new, or left over when a
changed story deleted the event they were in).  ``deduplicate`` re-clusters every mention of each dedup
key that has a pending mention — the same result as clustering the whole store, at the cost of the
affected keys only.  A change of parameters re-clusters the whole store.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import asdict, dataclass

import pyarrow as pa

from ..errors import error
from . import rollup
from .db import Store


@dataclass(frozen=True, slots=True)
class DedupParams:
    window_days: int = 1
    actor_level: str = "country"  # country | code
    directed: bool = False
    code_level: str = "root"  # root | code | quad
    location: str = "country"  # country | ignore

    def __post_init__(self) -> None:
        if self.window_days < 0:
            raise error("E520", detail="dedup window must be 0 days or more")
        if self.actor_level not in ("country", "code"):
            raise error("E520", detail=f"dedup actor level must be country or code, not {self.actor_level!r}")
        if self.code_level not in ("root", "code", "quad"):
            raise error("E520", detail=f"dedup code level must be root, code or quad, not {self.code_level!r}")
        if self.location not in ("country", "ignore"):
            raise error("E520", detail=f"dedup location test must be country or ignore, not {self.location!r}")

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)


def key_sql(p: DedupParams, alias: str = "m") -> str:
    """The SQL expression of a mention's dedup key (dyad | code part)."""

    def side(role: str) -> str:
        if p.actor_level == "code":
            return f"coalesce({alias}.{role}_code, '')"
        return f"coalesce({alias}.{role}_country, {alias}.{role}_code, '')"

    a, b = side("source"), side("target")
    dyad = f"{a} || '>' || {b}" if p.directed else f"least({a}, {b}) || '~' || greatest({a}, {b})"
    part = {"root": f"{alias}.root", "code": f"{alias}.cameo", "quad": f"CAST({alias}.quad_class AS VARCHAR)"}[
        p.code_level
    ]
    return f"({dyad} || '|' || coalesce({part}, ''))"


@dataclass(slots=True)
class _Cluster:
    key: str
    first_date: _dt.date | None
    first_id: str
    last: _dt.date | None
    countries: set[str]
    members: list[str]


def cluster(rows: pa.Table, p: DedupParams) -> list[_Cluster]:
    """Greedy date chaining of mentions sorted by (key, date, mention_id); see the module docstring."""
    keys = rows.column("k").to_pylist()
    dates = rows.column("date").to_pylist()
    ids = rows.column("mention_id").to_pylist()
    countries = rows.column("location_country").to_pylist()
    out: list[_Cluster] = []
    open_: list[_Cluster] = []
    current = None
    window = _dt.timedelta(days=p.window_days)
    check_loc = p.location == "country"
    for k, d, mid, c in zip(keys, dates, ids, countries, strict=True):
        if k != current:
            current, open_ = k, []
        if d is None:
            out.append(_Cluster(k, None, mid, None, set(), [mid]))
            continue
        open_ = [cl for cl in open_ if cl.last is not None and d - cl.last <= window]
        home = None
        for cl in reversed(open_):
            if not check_loc or c is None or not cl.countries or c in cl.countries:
                home = cl
                break
        if home is None:
            home = _Cluster(k, d, mid, d, set(), [])
            open_.append(home)
            out.append(home)
        home.members.append(mid)
        home.last = d
        if c is not None:
            home.countries.add(c)
    return out


def _event_id(cl: _Cluster) -> str:
    return "v-" + hashlib.sha1(f"{cl.key}\x1f{cl.first_id}".encode()).hexdigest()[:16]


def deduplicate(store: Store, params: DedupParams | None = None, *, full: bool = False) -> dict[str, int]:
    """Bring ``events`` / ``event_mentions`` up to date with ``mentions`` (one transaction).

    Returns ``{"mentions": re-clustered mentions, "events": events written}``.
    """
    p = params or DedupParams()
    stored = store.meta("dedup_params")
    if stored is not None and stored != p.to_json():
        full = True
    key = key_sql(p)
    with store.transaction():
        if full:
            store.execute("DELETE FROM event_mentions")
            store.execute("DELETE FROM events")
            store.execute(
                f"CREATE OR REPLACE TEMP TABLE _ew_cand AS SELECT m.mention_id, {key} AS k, "
                "m.date, m.location_country FROM mentions m"
            )
        else:
            store.execute(
                f"CREATE OR REPLACE TEMP TABLE _ew_keys AS SELECT DISTINCT {key} AS k "
                "FROM mentions m WHERE NOT EXISTS "
                "(SELECT 1 FROM event_mentions l WHERE l.mention_id = m.mention_id)"
            )
            if not store.scalar("SELECT count(*) FROM _ew_keys"):
                store.set_meta("dedup_params", p.to_json())
                store.execute("DROP TABLE IF EXISTS _ew_keys")
                rollup.refresh(store)  # restores the month rollup's order after replaced stories
                return {"mentions": 0, "events": 0}
            store.execute(
                f"CREATE OR REPLACE TEMP TABLE _ew_cand AS SELECT m.mention_id, {key} AS k, "
                f"m.date, m.location_country FROM mentions m "
                f"WHERE {key} IN (SELECT k FROM _ew_keys)"
            )
            store.execute(
                "CREATE OR REPLACE TEMP TABLE _ew_dead AS SELECT DISTINCT l.event_id FROM "
                "event_mentions l JOIN _ew_cand c USING (mention_id)"
            )
            rollup.touch(store, "SELECT event_id FROM _ew_dead")
            store.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM _ew_dead)")
            store.execute("DELETE FROM event_mentions WHERE event_id IN (SELECT event_id FROM _ew_dead)")
            store.execute("DROP TABLE IF EXISTS _ew_dead")
            store.execute("DROP TABLE IF EXISTS _ew_keys")
        # keys whose mentions no place test can split are chained in SQL (gaps and islands, the same result
        # as ``cluster``); the others go through ``cluster`` in Python
        simple = "TRUE" if p.location == "ignore" else "count(DISTINCT location_country) <= 1"
        store.execute(f"CREATE OR REPLACE TEMP TABLE _ew_simple AS SELECT k FROM _ew_cand GROUP BY k HAVING {simple}")
        store.execute(_CHAIN_SQL.format(window=int(p.window_days)))
        rows = store.arrow(
            "SELECT * FROM _ew_cand c WHERE NOT EXISTS (SELECT 1 FROM _ew_simple s WHERE s.k = c.k) "
            "ORDER BY k, date NULLS LAST, mention_id"
        )
        clusters = cluster(rows, p)
        link_m: list[str] = []
        link_e: list[str] = []
        for cl in clusters:
            eid = _event_id(cl)
            link_m.extend(cl.members)
            link_e.extend([eid] * len(cl.members))
        links = pa.table({"mention_id": pa.array(link_m, pa.string()), "event_id": pa.array(link_e, pa.string())})
        with store.registered("_ew_plinks", links):
            store.execute("INSERT INTO _ew_links SELECT mention_id, event_id FROM _ew_plinks")
        n_links, n_events = store.execute("SELECT count(*), count(DISTINCT event_id) FROM _ew_links")[0]
        store.execute("INSERT INTO event_mentions SELECT mention_id, event_id FROM _ew_links")
        store.execute(_EVENTS_SQL.format(key=key))
        if full and rollup.present(store):
            rollup.rebuild(store)
        elif not full:
            rollup.touch(store, "SELECT event_id FROM _ew_links")
            rollup.refresh(store)
        for t in ("_ew_links", "_ew_simple", "_ew_cand"):
            store.execute(f"DROP TABLE IF EXISTS {t}")
        store.set_meta("dedup_params", p.to_json())
    return {"mentions": int(n_links), "events": int(n_events)}


# Chaining in SQL for keys whose mentions have at most one location country (or when the place test is off):
# then every open cluster is compatible, so at most one is open and a mention starts a new event exactly when
# it has no date or comes more than ``window`` days after the previous mention of its key.
_CHAIN_SQL = """
CREATE OR REPLACE TEMP TABLE _ew_links AS
WITH s AS (
    SELECT c.mention_id, c.k, c.date,
           lag(c.date) OVER (PARTITION BY c.k ORDER BY c.date NULLS LAST, c.mention_id) AS prev
    FROM _ew_cand c SEMI JOIN _ew_simple USING (k)
), g AS (
    SELECT *, sum(CASE WHEN date IS NULL OR prev IS NULL OR date - prev > {window} THEN 1 ELSE 0 END)
              OVER (PARTITION BY k ORDER BY date NULLS LAST, mention_id ROWS UNBOUNDED PRECEDING) AS grp
    FROM s
)
SELECT mention_id,
       'v-' || sha1(k || chr(31) || first_value(mention_id)
                    OVER (PARTITION BY k, grp ORDER BY date NULLS LAST, mention_id))[:16] AS event_id
FROM g
"""


# The event row: counts over all its mentions; the description (actors, code, place, sentence) from its
# representative mention — a direct (asserted) report before a relayed, planned or background one, then the most
# confident, then the earliest, then the smallest id.
_EVENTS_SQL = """
INSERT INTO events
WITH g AS (
    SELECT l.event_id,
           arg_min(m.mention_id, struct_pack(a := (coalesce(m.modality, '') <> 'asserted')::INTEGER,
                                             c := -coalesce(m.confidence, 0), d := m.date,
                                             i := m.mention_id)) AS rep,
           any_value({key}) AS dedup_key,
           min(m.date) AS date, max(m.date) AS date_last,
           -- a report is a trigger in a sentence: the two directed records of a reciprocal verb
           -- ("X and Y met") are one mention of the event
           count(DISTINCT (m.story_id, m.sentence_index, m.trigger_start)) AS mentions,
           count(DISTINCT m.story_id) AS stories,
           count(DISTINCT s.agency) AS sources,
           list_sort(list(DISTINCT s.agency) FILTER (WHERE s.agency IS NOT NULL)) AS source_names,
           min(coalesce(s.date, m.story_date, m.date)) AS first_report,
           max(coalesce(s.date, m.story_date, m.date)) AS last_report,
           max(m.confidence) AS confidence,
           min(m.location_country) AS any_country
    FROM _ew_links l JOIN mentions m USING (mention_id) LEFT JOIN stories s ON s.story_id = m.story_id
    GROUP BY l.event_id
)
SELECT g.event_id, g.dedup_key, g.date, g.date_last,
       r.source_code, r.source_country, r.source_sectors, r.source_name,
       r.target_code, r.target_country, r.target_sectors, r.target_name,
       r.cameo, r.cameo_name, r.root, r.quad_class, r.goldstein, r.plover_event, r.plover_mode,
       r.location_name, coalesce(r.location_country, g.any_country), r.lat, r.lon, r.evidence_text,
       g.mentions, g.stories, g.sources, g.source_names, g.first_report, g.last_report, g.confidence
FROM g JOIN mentions r ON r.mention_id = g.rep
"""


def event_mentions(store: Store, event_id: str) -> pa.Table:
    """The raw mentions of one de-duplicated event."""
    return store.arrow(
        "SELECT m.* FROM event_mentions l JOIN mentions m USING (mention_id) "
        "WHERE l.event_id = ? ORDER BY m.date, m.mention_id",
        [event_id],
    )
