"""Aggregate queries over a large store: the monthly dyad × quad-class cross-tab, a daily country-pair count
and the top 20 dyads of one year, each through the store's public query functions (what ``eventwire query``
and ``eventwire serve`` call).

    python benchmarks/store_aggregate.py --events 1000000 --json
    python benchmarks/store_aggregate.py --events 10000000 --json            # the issue's figure
    python benchmarks/store_aggregate.py --events 10000000 --db big.duckdb   # keep (and reuse) the store

The store is generated, deterministic for a ``--seed``, and written the way ``eventwire run`` writes one:

* **mentions** (all columns of the ``mentions`` table) and their **stories** are inserted in bulk, from
  numpy draws: ~250 ISO countries plus international actors with Zipf frequencies (rank^-1.2), sector
  mixes, 15 % of events without a target, 45 % domestic, the others with a big power (Zipf) or a
  neighbour (a Zipf-distributed step along the actor list), CAMEO codes drawn by root (consultations,
  statements and appeals most frequent) with their names, Goldstein values, quad classes and PLOVER
  categories, 20 years of dates (2005-2024) with a volume that grows over time, one to several reports
  per event (the same day or the next), 1-6 mentions per story, agencies, places;
* then the store's own ``deduplicate(store, full=True)`` clusters the mentions into **events** and
  fills the rollups, exactly as at the end of ``eventwire run``;
* heavy dyads chain their daily reports into long events, so N drawn events give fewer than N stored
  ones (at 10M, 1.5 draws per event give 0.7 events).  Before writing anything the generator counts, in
  numpy, the chains the draws would make (same country-level dyad and root, dates a day apart; a lower
  bound, since the location test only splits them further) and draws more until they reach N; if the
  store still has too few events, it adds mentions and de-duplicates again.  It then drops whole surplus
  events (with their mentions and stories; dropping a cluster never changes another) and runs
  ``deduplicate`` once more (it finds nothing to do: the events are those de-duplication makes of the
  mentions kept).

Each query runs once to warm up, then ``--runs`` times (default 5); the JSON line gives each median and
min in ms, the result rows, the layout used (``rollup_month``/``rollup_day`` or ``events``) and the
generation time.  ``--base`` also times the same queries on the base table (rollups ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pycountry

from eventwire.events import cameo, plover
from eventwire.store import Filters, aggregate, deduplicate, open_store, rollup, top_dyads
from eventwire.store.db import Store
from eventwire.store.schema import MENTION_COLUMNS

HEAD = "USA CHN RUS GBR ISR IRN FRA DEU IND UKR TUR JPN PAK AFG IRQ SYR PSE KOR PRK EGY SAU AUS CAN BRA MEX NGA ZAF"
INTERNATIONAL = ["IGOUNO", "IGOEU", "IGONATO", "IGOAU", "NGO", "MNC", "IGOWTO", "NGOHRI"]
SECTORS = ["", "GOV", "MIL", "COP", "OPP", "BUS", "CVL", "REB", "MED", "JUD", "LEG", "ELI", "GOVMIL"]
SECTOR_W = [30, 30, 8, 6, 4, 4, 6, 3, 3, 2, 2, 2, 2]
ROOT_W = {
    "01": 12, "02": 6, "03": 7, "04": 20, "05": 8, "06": 3, "07": 3, "08": 2, "09": 1, "10": 2,
    "11": 7, "12": 3, "13": 3, "14": 2, "15": 1, "16": 1, "17": 7, "18": 4, "19": 8, "20": 0.5,
}  # fmt: skip
AGENCIES = ["Reuters", "AFP", "AP", "TASS", "Xinhua", "AZERTAC", "Anadolu", "BBC", "Al Jazeera", "DPA", "Kyodo"]
SENTENCES = [f"{a} {v} {b} on {d}." for a in ("Officials", "The minister", "Troops", "Protesters", "The envoy")
             for v in ("met", "criticised", "urged", "attacked", "praised", "accused")
             for b in ("their counterparts", "the government", "rebels")
             for d in ("Tuesday", "Friday")]  # fmt: skip
MEMORY = "6GB"  # DuckDB's limit while generating (it spills to disk beyond it): the machine is shared
START = dt.date(2005, 1, 1)
DAYS = (dt.date(2025, 1, 1) - START).days


def _zipf(k: int, s: float) -> np.ndarray:
    w: np.ndarray = 1.0 / np.arange(1, k + 1) ** s
    out: np.ndarray = w / w.sum()
    return out


def _actors() -> tuple[list[str | None], list[str]]:
    """(country or None, country-position code) of every actor family, most frequent first."""
    head = HEAD.split()
    rest = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in head)
    countries: list[str | None] = [*head, *rest]
    # the international families rank among the big countries
    for i in range(len(INTERNATIONAL)):
        countries.insert(8 + 4 * i, None)
    codes = [c if c else "" for c in countries]
    it = iter(INTERNATIONAL)
    codes = [c or next(it) for c in codes]
    return countries, codes


def _codes() -> tuple[list[str], np.ndarray]:
    table = cameo.table()
    codes, weights = [], []
    for root, w in ROOT_W.items():
        mine = sorted(c for c in table if c[:2] == root)
        codes += mine
        weights += list(w * _zipf(len(mine), 1.3))
    p = np.array(weights)
    return codes, p / p.sum()


def draw(n_events: int, seed: int, first_id: int, first_story: int) -> tuple[pa.Table, int]:
    """Mentions of ``n_events`` generated events as an Arrow table of draws (integers, dates, floats), and the
    number of stories used."""
    rng = np.random.default_rng(seed)
    countries, _ = _actors()
    k = len(countries)
    src = rng.choice(k, n_events, p=_zipf(k, 1.2))
    # another actor: half the time a big one (Zipf), half a "neighbour" (a Zipf-distributed step away)
    power = rng.choice(k, n_events, p=_zipf(k, 1.4))
    step = rng.choice(np.arange(1, k), n_events, p=_zipf(k - 1, 1.6)) * rng.choice([-1, 1], n_events)
    other = np.where(rng.random(n_events) < 0.5, power, (src + step) % k)
    kind = rng.random(n_events)  # < 0.15 no target, < 0.60 domestic, else another actor
    tgt = np.where(kind < 0.15, -1, np.where(kind < 0.60, src, other))
    sect_p = np.array(SECTOR_W, float) / sum(SECTOR_W)
    s_sec = rng.choice(len(SECTORS), n_events, p=sect_p)
    t_sec = rng.choice(len(SECTORS), n_events, p=sect_p)
    codes, p_code = _codes()
    code = rng.choice(len(codes), n_events, p=p_code)
    # volume grows over the 20 years: half uniform, half with a density rising linearly
    u = rng.random(n_events)
    day = np.where(rng.random(n_events) < 0.5, u * DAYS, np.sqrt(u) * DAYS).astype(np.int32)
    undated = rng.random(n_events) < 0.01
    # where: half the events name a place, in the dyad's first (more prominent) country
    place = np.where(rng.random(n_events) < 0.5, np.where(tgt >= 0, np.minimum(src, tgt), src), -1)
    reports = np.minimum(rng.geometric(0.6, n_events), 8)
    ev = np.repeat(np.arange(n_events), reports)
    m = ev.size
    late = (rng.random(m) < 0.3) & (np.arange(m) != np.searchsorted(ev, ev))  # a later report, a day late
    mday = day[ev] + late.astype(np.int32)
    # stories: mentions of the same day, 1-6 to a story
    order = np.lexsort((rng.random(m), mday))
    size = rng.integers(1, 7, m)
    story_of_pos = np.repeat(np.arange(m), size)[:m]
    story = np.empty(m, np.int64)
    story[order] = first_story + story_of_pos
    sent = np.zeros(m, np.int32)
    sent[order] = np.arange(m) - np.searchsorted(story_of_pos, story_of_pos)
    dated = np.where(undated[ev], -1, mday).astype(np.int32)
    # a story's date: its first mention's (so that dropping some of its mentions later leaves it unchanged)
    sday = np.empty(m, np.int32)
    sday[order] = dated[order][np.searchsorted(story_of_pos, story_of_pos)]
    tbl = pa.table(
        {
            "i": pa.array(np.arange(first_id, first_id + m)),
            "story": pa.array(story),
            "sentence": pa.array(sent),
            "day": pa.array(dated),
            "sday": pa.array(sday),
            "src": pa.array(src[ev].astype(np.int32)),
            "tgt": pa.array(tgt[ev].astype(np.int32)),
            "s_sec": pa.array(s_sec[ev].astype(np.int32)),
            "t_sec": pa.array(t_sec[ev].astype(np.int32)),
            "code": pa.array(code[ev].astype(np.int32)),
            "place": pa.array(place[ev].astype(np.int32)),
            "conf": pa.array(np.round(rng.uniform(0.5, 0.95, m), 2)),
            "sent_text": pa.array(rng.integers(0, len(SENTENCES), m).astype(np.int32)),
        }
    )
    return tbl, int(story_of_pos[-1]) + 1 if m else 0


def chains(tbl: pa.Table) -> int:
    """A lower bound of the events ``deduplicate`` makes of the drawn mentions: chains of the same undirected
    country-level dyad and CAMEO root whose dates are at most a day apart, plus the undated mentions."""
    roots = np.array([int(c[:2]) for c in _codes()[0]], np.int64)
    k = len(_actors()[0])
    src = tbl.column("src").to_numpy().astype(np.int64)
    tgt = tbl.column("tgt").to_numpy().astype(np.int64)
    tgt = np.where(tgt < 0, k, tgt)
    key = (np.minimum(src, tgt) * (k + 1) + np.maximum(src, tgt)) * 32 + roots[tbl.column("code").to_numpy()]
    day = tbl.column("day").to_numpy()
    dated = day >= 0
    key, day = key[dated], day[dated]
    order = np.lexsort((day, key))
    key, day = key[order], day[order]
    new = np.ones(key.size, bool)
    new[1:] = (key[1:] != key[:-1]) | (day[1:] - day[:-1] > 1)
    return int((~dated).sum() + new.sum())


def _first_draw(n_events: int, seed: int, log: Callable[[str], None]) -> tuple[pa.Table, int]:
    """The first draw: the smallest draw size (within 3 %) whose chains reach ``n_events``."""
    lo, hi = n_events, int(n_events * 1.5)  # chains <= draws: each draw is one dyad, root and day (+1)
    tbl, stories = draw(hi, seed * 1000, 0, 0)
    while (got := chains(tbl)) < n_events:
        log(f"  {hi:,} draws → ≥ {got:,} events: too few")
        lo, hi = hi, int(hi * max(1.1, min(2.0, 1.1 * n_events / max(got, 1))))
        tbl, stories = draw(hi, seed * 1000, 0, 0)
    while hi - lo > 0.03 * hi:
        mid = (lo + hi) // 2
        cand = draw(mid, seed * 1000, 0, 0)
        if chains(cand[0]) >= n_events:
            hi, (tbl, stories) = mid, cand
        else:
            lo = mid
    log(f"  drawing {hi:,} events ({tbl.num_rows:,} mentions), ≥ {chains(tbl):,} after de-duplication")
    return tbl, stories


def _dims(st: Store) -> None:
    countries, codes = _actors()
    st.execute("CREATE OR REPLACE TEMP TABLE _g_actor (i INTEGER, country VARCHAR, code VARCHAR)")
    st.execute("INSERT INTO _g_actor SELECT * FROM (SELECT unnest(range(?)) AS i, unnest(?), unnest(?))",
               [len(codes), countries, codes])  # fmt: skip
    st.execute("CREATE OR REPLACE TEMP TABLE _g_sector (i INTEGER, sec VARCHAR, list VARCHAR[])")
    st.execute("INSERT INTO _g_sector SELECT unnest(range(?)), unnest(?), unnest(?)",
               [len(SECTORS), SECTORS, [[s[j:j + 3] for j in range(0, len(s), 3)] for s in SECTORS]])  # fmt: skip
    table = cameo.table()
    cams = _codes()[0]
    pl = [plover.project(c) or {} for c in cams]
    st.execute("CREATE OR REPLACE TEMP TABLE _g_code (i INTEGER, cameo VARCHAR, name VARCHAR, root VARCHAR, "
               "quad TINYINT, gold DOUBLE, pev VARCHAR, pmode VARCHAR)")  # fmt: skip
    st.execute(
        "INSERT INTO _g_code SELECT unnest(range(?)), unnest(?), unnest(?), unnest(?), unnest(?), unnest(?), "
        "unnest(?), unnest(?)",
        [len(cams), cams, [table[c].name for c in cams], [table[c].root for c in cams],
         [table[c].quad_class for c in cams], [table[c].goldstein for c in cams],
         [p.get("event") for p in pl], [p.get("mode") for p in pl]],
    )  # fmt: skip
    st.execute("CREATE OR REPLACE TEMP TABLE _g_text (i INTEGER, text VARCHAR)")
    st.execute("INSERT INTO _g_text SELECT unnest(range(?)), unnest(?)", [len(SENTENCES), SENTENCES])


_MENTION_SQL = """
SELECT 'e-' || md5('m' || CAST(g.i AS VARCHAR))[:16] AS mention_id,
       's-' || md5('s' || CAST(g.story AS VARCHAR))[:16] AS story_id,
       g.sentence AS sentence_index,
       CASE WHEN g.day >= 0 THEN DATE '2005-01-01' + g.day END AS date, NULL AS date_text,
       CASE WHEN g.sday >= 0 THEN DATE '2005-01-01' + g.sday END AS story_date,
       sa.code || ss.sec AS source_text, NULL AS source_name, sa.code || ss.sec AS source_code,
       sa.country AS source_country, ss.list AS source_sectors,
       0 AS source_start, 10 AS source_end,
       ta.code || ts.sec AS target_text, NULL AS target_name, ta.code || ts.sec AS target_code,
       ta.country AS target_country, CASE WHEN ta.i IS NOT NULL THEN ts.list END AS target_sectors,
       CASE WHEN ta.i IS NOT NULL THEN 20 END AS target_start, CASE WHEN ta.i IS NOT NULL THEN 30 END AS target_end,
       c.cameo, c.name AS cameo_name, c.root, c.quad AS quad_class, c.gold AS goldstein,
       c.pev AS plover_event, c.pmode AS plover_mode, NULL AS plover_context,
       CASE WHEN pa.i IS NOT NULL THEN 'Capital of ' || pa.code END AS location_name, pa.country AS location_country,
       NULL AS location_admin1, CASE WHEN pa.i IS NOT NULL THEN (g.place % 170) - 85.0 END AS lat,
       CASE WHEN pa.i IS NOT NULL THEN (g.place * 7 % 360) - 180.0 END AS lon,
       CASE WHEN pa.i IS NOT NULL THEN 'place' END AS location_precision,
       CASE WHEN pa.i IS NOT NULL THEN 'sentence' END AS location_source, NULL AS location_start, NULL AS location_end,
       t.text AS evidence_text, 0 AS evidence_start, length(t.text) AS evidence_end,
       split_part(t.text, ' ', 2) AS trigger_text, 4 AS trigger_start, 10 AS trigger_end,
       'asserted' AS modality, g.conf AS confidence, 'bench.rule' AS rule, NULL AS extra
FROM _g g JOIN _g_actor sa ON sa.i = g.src JOIN _g_sector ss ON ss.i = g.s_sec
LEFT JOIN _g_actor ta ON ta.i = g.tgt LEFT JOIN _g_sector ts ON ts.i = g.t_sec AND g.tgt >= 0
JOIN _g_code c ON c.i = g.code LEFT JOIN _g_actor pa ON pa.i = g.place AND pa.country IS NOT NULL
JOIN _g_text t ON t.i = g.sent_text
"""


def _insert_mentions(st: Store, tbl: pa.Table) -> None:
    names = ", ".join(f'"{c[0]}"' for c in MENTION_COLUMNS)
    with st.registered("_g", tbl):
        st.execute(f"INSERT INTO mentions ({names}) {_MENTION_SQL}")


def _write_stories(st: Store) -> None:
    """The ``stories`` and ``actors`` rows of the stored mentions, as ``write_batch`` makes them."""
    st.execute("DELETE FROM stories")
    st.execute(
        "INSERT INTO stories (story_id, content_hash, status, date, agency, title, n_chars, n_mentions, run_id, "
        "coded_at) SELECT story_id, md5(story_id)[:20], 'coded', any_value(story_date), "
        f"list_extract(?, CAST(1 + hash(story_id) % {len(AGENCIES)} AS BIGINT)), 'Story ' || story_id, 1200, count(*), "
        "'bench', TIMESTAMP '2025-01-01 00:00:00' FROM mentions GROUP BY story_id",
        [AGENCIES],
    )
    st.execute("DELETE FROM actors")
    st.execute(
        'INSERT INTO actors (story_id, start, "end", text, name, code, country, sectors, roles) '
        "SELECT story_id, s, e, any_value(t), NULL, c, any_value(k), any_value(sec), "
        "list_sort(list(DISTINCT role)) FROM ("
        "SELECT story_id, source_start s, source_end e, source_text t, source_code c, source_country k, "
        "source_sectors sec, 'source' AS role FROM mentions UNION ALL "
        "SELECT story_id, target_start, target_end, target_text, target_code, target_country, target_sectors, "
        "'target' FROM mentions WHERE target_code IS NOT NULL) GROUP BY story_id, s, e, c"
    )


def generate(st: Store, n_events: int, seed: int, log: Callable[[str], None]) -> dict[str, Any]:
    t0 = time.perf_counter()
    st.execute(f"SET memory_limit = '{MEMORY}'")
    _dims(st)
    events, next_id, next_story, part = 0, 0, 0, 0
    while events < n_events:
        if part == 0:
            tbl, stories = _first_draw(n_events, seed, log)
        else:
            want = max(int((n_events - events) * 2.0), 1000)
            tbl, stories = draw(want, seed * 1000 + part, next_id, next_story)
        with st.transaction():
            _insert_mentions(st, tbl)
            _write_stories(st)
        next_id += tbl.num_rows
        next_story += stories + 1
        part += 1
        deduplicate(st, full=True)
        events = int(st.scalar("SELECT count(*) FROM events"))
        log(f"  pass {part}: {next_id:,} mentions → {events:,} events ({time.perf_counter() - t0:.0f} s)")
    with st.transaction():
        # keep n_events whole events (by a hash of their id), drop the rest with their mentions
        st.execute(
            "CREATE OR REPLACE TEMP TABLE _g_drop AS SELECT event_id FROM events "
            f"ORDER BY hash(event_id), event_id OFFSET {int(n_events)}"
        )
        st.execute(
            "DELETE FROM mentions WHERE mention_id IN (SELECT l.mention_id FROM event_mentions l "
            "SEMI JOIN _g_drop d ON l.event_id = d.event_id)"
        )
        st.execute("DELETE FROM event_mentions WHERE event_id IN (SELECT event_id FROM _g_drop)")
        st.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM _g_drop)")
        _write_stories(st)
        if rollup.present(st):
            rollup.rebuild(st)
    deduplicate(st)  # nothing pending: the store is what ``eventwire run`` would leave
    st.execute("CHECKPOINT")
    return {
        "events": int(st.scalar("SELECT count(*) FROM events")),
        "mentions": int(st.scalar("SELECT count(*) FROM mentions")),
        "stories": int(st.scalar("SELECT count(*) FROM stories")),
        "generate_s": round(time.perf_counter() - t0, 1),
    }


def queries(year: int) -> dict[str, Callable[[Store], pa.Table]]:
    one_year = Filters(date_from=dt.date(year, 1, 1), date_to=dt.date(year, 12, 31))
    return {
        # eventwire query --agg month
        "monthly_dyad_quad": lambda st: aggregate(st, by="month"),
        # eventwire query --agg day --no-quad --from Y-01-01 --to Y-12-31
        "daily_country_pairs_1y": lambda st: aggregate(st, one_year, by="day", quad=False),
        # eventwire query --top dyads -n 20 --from Y-01-01 --to Y-12-31
        "top20_dyads_1y": lambda st: top_dyads(st, one_year, n=20),
    }


def timed(st: Store, fn: Callable[[Store], pa.Table], runs: int) -> dict[str, Any]:
    rows = fn(st).num_rows  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(st)
        times.append(1000 * (time.perf_counter() - t0))
    return {"median_ms": round(statistics.median(times), 1), "min_ms": round(min(times), 1), "rows": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--year", type=int, default=2023, help="the one-year window of the daily and top-20 queries")
    ap.add_argument("--db", help="store file to create (or reuse, if it exists); default: a temporary one")
    ap.add_argument("--base", action="store_true", help="also time the queries on the base table")
    ap.add_argument("--json", action="store_true", help="one JSON line instead of text")
    args = ap.parse_args()

    def log(msg: str) -> None:
        if not args.json:
            print(msg, flush=True)

    with tempfile.TemporaryDirectory() as d:
        db = Path(args.db) if args.db else Path(d) / "agg.duckdb"
        out: dict[str, Any] = {"events_asked": args.events, "seed": args.seed, "db": str(db)}
        if not db.exists():
            with open_store(db) as st:
                out.update(generate(st, args.events, args.seed, log))
        with open_store(db, read_only=True) as st:
            out["events"] = int(st.scalar("SELECT count(*) FROM events"))
            out["rollups"] = rollup.usable(st)
            out["store_mb"] = round(db.stat().st_size / 1e6)
            for name, fn in queries(args.year).items():
                out[name] = timed(st, fn, args.runs)
                log(f"{name}: {out[name]}")
            if args.base:
                real = rollup.usable
                rollup.usable = lambda store: False
                try:
                    for name, fn in queries(args.year).items():
                        out[f"{name}_base"] = timed(st, fn, args.runs)
                        log(f"{name} (base table): {out[f'{name}_base']}")
                finally:
                    rollup.usable = real
    print(json.dumps(out) if args.json else f"store: {out}")


if __name__ == "__main__":
    main()
