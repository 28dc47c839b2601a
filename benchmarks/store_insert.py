"""Store benchmark: insert rate of coded batches, de-duplication time, and aggregate query latency.

    python benchmarks/store_insert.py                      # insert rate + 1,000,000 synthetic events
    python benchmarks/store_insert.py --events 10000000    # the 10M figure
    python benchmarks/store_insert.py --dedup              # also time de-duplication of 1M mentions

Figures are printed, not asserted.  Synthetic rows: 60 countries with Zipf-like weights (40 % domestic
events), 10 sector mixes, 10 years of dates, all CAMEO codes; the monthly dyad aggregate is
``eventwire.store.aggregate(store, by="month")`` (period ×
dyad × quad class, counts and Goldstein sums) over the whole table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from eventwire.events import cameo
from eventwire.store import Filters, aggregate, deduplicate, open_store, top_dyads, write_batch
from eventwire.store.schema import MENTION_COLUMNS, arrow_schema
from eventwire.story import Story

COUNTRIES = [
    "AZE",
    "RUS",
    "UKR",
    "TUR",
    "IRN",
    "GEO",
    "ARM",
    "USA",
    "CHN",
    "FRA",
    "DEU",
    "GBR",
    "ISR",
    "PSE",
    "SYR",
    "IRQ",
    "EGY",
    "IND",
    "PAK",
    "AFG",
    "NGA",
    "KEN",
    "ETH",
    "SDN",
    "LBY",
    "MLI",
    "BRA",
    "MEX",
    "COL",
    "VEN",
    "JPN",
    "KOR",
    "PRK",
    "TWN",
    "VNM",
    "PHL",
    "IDN",
    "MMR",
    "THA",
    "SAU",
    "YEM",
    "QAT",
    "ARE",
    "JOR",
    "LBN",
    "KAZ",
    "UZB",
    "BLR",
    "POL",
    "ROU",
    "HUN",
    "SRB",
    "GRC",
    "ITA",
    "ESP",
    "CAN",
    "AUS",
    "ZAF",
    "COD",
    "SOM",
]
SECTORS = ["", "GOV", "MIL", "GOVMIL", "OPP", "BUS", "CVL", "REB", "ELI", "MED"]


def synthetic_mentions(n: int, seed: int, offset: int = 0) -> pa.Table:
    rng = np.random.default_rng(seed)
    codes = sorted(cameo.table())
    info = [cameo.table()[c] for c in codes]
    ci = rng.integers(0, len(codes), n)
    # event data is skewed: a few countries appear in most events (Zipf-like weights by rank)
    w = 1.0 / np.arange(1, len(COUNTRIES) + 1)
    w /= w.sum()
    s_c = rng.choice(len(COUNTRIES), n, p=w)
    t_c = np.where(rng.random(n) < 0.4, s_c, rng.choice(len(COUNTRIES), n, p=w))  # 40 % domestic
    s_s, t_s = rng.integers(0, len(SECTORS), n), rng.integers(0, len(SECTORS), n)
    base = dt.date(2015, 1, 1).toordinal()
    days = rng.integers(0, 3650, n)
    country = np.array(COUNTRIES, dtype=object)
    sector = np.array(SECTORS, dtype=object)
    cols: dict[str, pa.Array] = {}
    ids = np.arange(offset, offset + n)
    cols["mention_id"] = pa.array([f"e-{i:016x}" for i in ids])
    cols["story_id"] = pa.array([f"s-{i // 4:016x}" for i in ids])
    dates = pa.array([dt.date.fromordinal(base + int(d)) for d in days], pa.date32())
    cols["date"] = dates
    cols["story_date"] = dates
    cols["source_country"] = pa.array(country[s_c])
    cols["target_country"] = pa.array(country[t_c])
    cols["source_code"] = pa.array(country[s_c] + sector[s_s])
    cols["target_code"] = pa.array(country[t_c] + sector[t_s])
    cols["cameo"] = pa.array([codes[i] for i in ci])
    cols["root"] = pa.array([info[i].root for i in ci])
    cols["quad_class"] = pa.array([info[i].quad_class for i in ci], pa.int8())
    cols["goldstein"] = pa.array([info[i].goldstein for i in ci], pa.float64())
    cols["evidence_text"] = pa.array(["The two sides met for talks on trade."] * n)
    cols["confidence"] = pa.array(rng.random(n))
    cols["rule"] = pa.array(["bench"] * n)
    schema = arrow_schema(MENTION_COLUMNS)
    arrays = [cols.get(f.name, pa.nulls(n, f.type)) for f in schema]
    return pa.Table.from_arrays([a.cast(f.type) for a, f in zip(arrays, schema, strict=True)], schema=schema)


def mentions_as_events(t: pa.Table) -> pa.Table:
    """The same rows shaped as de-duplicated events (one mention each), for query latency."""
    n = t.num_rows
    return pa.table(
        {
            "event_id": t.column("mention_id"),
            "dedup_key": pa.nulls(n, pa.string()),
            "date": t.column("date"),
            "date_last": t.column("date"),
            "source_code": t.column("source_code"),
            "source_country": t.column("source_country"),
            "source_sectors": pa.nulls(n, pa.list_(pa.string())),
            "source_name": pa.nulls(n, pa.string()),
            "target_code": t.column("target_code"),
            "target_country": t.column("target_country"),
            "target_sectors": pa.nulls(n, pa.list_(pa.string())),
            "target_name": pa.nulls(n, pa.string()),
            "cameo": t.column("cameo"),
            "cameo_name": pa.nulls(n, pa.string()),
            "root": t.column("root"),
            "quad_class": t.column("quad_class"),
            "goldstein": t.column("goldstein"),
            "plover_event": pa.nulls(n, pa.string()),
            "plover_mode": pa.nulls(n, pa.string()),
            "location_name": pa.nulls(n, pa.string()),
            "location_country": pa.nulls(n, pa.string()),
            "lat": pa.nulls(n, pa.float64()),
            "lon": pa.nulls(n, pa.float64()),
            "evidence_text": t.column("evidence_text"),
            "mentions": pa.array(np.ones(n, dtype=np.int32)),
            "stories": pa.array(np.ones(n, dtype=np.int32)),
            "sources": pa.array(np.ones(n, dtype=np.int32)),
            "source_names": pa.nulls(n, pa.list_(pa.string())),
            "first_report": t.column("date"),
            "last_report": t.column("date"),
            "confidence": t.column("confidence"),
        }
    )


def record_of(i: int, story_id: str) -> dict:
    src, tgt = COUNTRIES[i % 60], COUNTRIES[(i * 7 + 3) % 60]
    return {
        "event_id": f"e-bench-{i}",
        "story_id": story_id,
        "sentence_index": i % 5,
        "date": "2020-05-01",
        "date_text": None,
        "story_date": "2020-05-01",
        "source": {
            "text": src,
            "name": None,
            "code": src + "GOV",
            "country": src,
            "sectors": ["GOV"],
            "start": 0,
            "end": 3,
        },
        "target": {"text": tgt, "name": None, "code": tgt, "country": tgt, "sectors": [], "start": 10, "end": 13},
        "cameo": "040",
        "cameo_name": "Consult",
        "root": "04",
        "quad_class": 1,
        "goldstein": 1.0,
        "plover": {"event": "CONSULT", "mode": None, "context": None},
        "location": None,
        "evidence": {
            "text": "A met B in C on Tuesday for talks.",
            "start": 0,
            "end": 34,
            "trigger": {"text": "met", "start": 2, "end": 5},
        },
        "modality": "asserted",
        "confidence": 0.7,
        "rule": "bench",
    }


def bench_insert(db: Path, batches: int, batch_size: int, per_story: int) -> None:
    with open_store(db) as st:
        before = st.scalar("SELECT count(*) FROM mentions")
        t0 = time.perf_counter()
        n = 0
        for b in range(batches):
            stories = [Story(id=f"s-{b}-{k}", text="x" * 1200) for k in range(batch_size)]
            recs = [
                record_of(b * 10_000 + k * per_story + j, s.id) for k, s in enumerate(stories) for j in range(per_story)
            ]
            write_batch(st, stories, recs)
            n += len(recs)
        dt_ = time.perf_counter() - t0
    print(
        f"insert into a store of {before:,} mentions: {batches} batches × {batch_size} stories × "
        f"{per_story} events = {n:,} mentions in "
        f"{dt_:.2f} s → {n / dt_:,.0f} mentions/s, {batches * batch_size / dt_:,.0f} stories/s, "
        f"{1000 * dt_ / batches:.1f} ms per batch transaction"
    )


def bench_aggregate(folder: Path, n_events: int, dedup: bool) -> None:
    db = folder / f"agg-{n_events}.duckdb"
    chunk = 1_000_000
    with open_store(db) as st:
        t0 = time.perf_counter()
        for i in range(0, n_events, chunk):
            t = synthetic_mentions(min(chunk, n_events - i), seed=i, offset=i)
            with st.registered("_b", t), st.transaction():
                st.execute("INSERT INTO mentions SELECT * FROM _b")
                if not dedup:
                    with st.registered("_e", mentions_as_events(t)):
                        st.execute("INSERT INTO events SELECT * FROM _e")
        print(f"load: {n_events:,} synthetic mentions (+ events) in {time.perf_counter() - t0:.1f} s")
        if dedup:
            t0 = time.perf_counter()
            r = deduplicate(st)
            print(f"dedup: {r['mentions']:,} mentions → {r['events']:,} events in {time.perf_counter() - t0:.1f} s")
        st.execute("CHECKPOINT")
    with open_store(db, read_only=True) as st:
        for level in ("events", "mentions"):
            times = []
            rows = 0
            for _ in range(7):
                t0 = time.perf_counter()
                rows = aggregate(st, by="month", level=level).num_rows
                times.append(time.perf_counter() - t0)
            print(
                f"monthly dyad × quad aggregate over {n_events:,} {level}: median "
                f"{1000 * statistics.median(times):.0f} ms (min {1000 * min(times):.0f} ms), {rows:,} rows"
            )
        for label, f in (
            ("dyad AZE-RUS undirected", Filters(dyad="AZE-RUS", undirected=True)),
            ("text 'talks' + root 04", Filters(text="talks", root="04")),
        ):
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                aggregate(st, f, by="month", level="mentions")
                times.append(time.perf_counter() - t0)
            ms = 1000 * statistics.median(times)
            print(f"  filtered monthly aggregate ({label}) over mentions: {ms:.0f} ms")
        t0 = time.perf_counter()
        top_dyads(st, n=20)
        print(f"  top 20 dyads over events: {1000 * (time.perf_counter() - t0):.0f} ms")
    print(f"  store size: {db.stat().st_size / 1e6:,.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, nargs="*", default=[1_000_000])
    ap.add_argument("--batches", type=int, default=50)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--per-story", type=int, default=5)
    ap.add_argument("--dedup", action="store_true", help="cluster the mentions (else events = mentions)")
    ap.add_argument("--dir", help="where to put the benchmark stores (default: a temporary folder)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as d:
        folder = Path(d)
        bench_insert(folder / "insert.duckdb", args.batches, args.batch_size, args.per_story)
        for n in args.events:
            bench_aggregate(folder, n, args.dedup)
            bench_insert(folder / f"agg-{n}.duckdb", args.batches, args.batch_size, args.per_story)


if __name__ == "__main__":
    main()
