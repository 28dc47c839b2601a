"""Load test of ``eventwire serve`` on loopback: requests/s and latency percentiles per endpoint.

    python benchmarks/serve_load.py                                   # 1,000,000 mentions, 16 clients, 30 s
    python benchmarks/serve_load.py --events 200000 --seconds 15 --json
    python benchmarks/serve_load.py --db big.duckdb --keep            # build once, reuse with --db

1. A store of ``--events`` synthetic mentions (``store_insert.synthetic_mentions``, plus places, triggers and
   PLOVER codes) is de-duplicated by the store's own ``deduplicate`` into events.
2. ``eventwire serve`` runs it in a child process on 127.0.0.1 (a free port; no other address is ever
   used), and ``--clients`` concurrent clients (asyncio + httpx) send a mix of requests for ``--seconds``
   seconds (at most ``--max-requests``): event pages with and without filters, the next page by cursor, one
   event, the monthly series of one dyad, the monthly × quad timeline, the top dyads, places, actors.
3. ``POST /api/v1/code`` is compared with the in-process ``Coder.code_batch`` (what ``eventwire code``
   runs) on the same ``--code-texts`` texts, in batches of 32, model loading excluded on both sides.

Printed (or ``--json``): per endpoint requests, requests/s, p50/p95/p99 in ms, errors.  The issue's
targets at 1M events: monthly dyad aggregate p95 < 250 ms, events page p95 < 100 ms, /code >= 0.8x.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_insert import COUNTRIES, synthetic_mentions  # noqa: E402

from eventwire.store import deduplicate, open_store  # noqa: E402

HOST = "127.0.0.1"  # loopback only
PLACES = [
    ("Baku", "AZE", 40.38, 49.89),
    ("Moscow", "RUS", 55.75, 37.62),
    ("Kyiv", "UKR", 50.45, 30.52),
    ("Ankara", "TUR", 39.93, 32.86),
    ("Tehran", "IRN", 35.69, 51.39),
    ("Tbilisi", "GEO", 41.69, 44.83),
    ("Yerevan", "ARM", 40.18, 44.51),
    ("Washington", "USA", 38.9, -77.04),
    ("Beijing", "CHN", 39.9, 116.4),
    ("Paris", "FRA", 48.86, 2.35),
    ("Berlin", "DEU", 52.52, 13.4),
    ("London", "GBR", 51.51, -0.13),
]
SENTENCE = "The two sides met for talks on trade."


def build_store(db: Path, n: int) -> None:
    """``n`` synthetic mentions with places and triggers, de-duplicated into events."""
    t0 = time.perf_counter()
    chunk = 500_000
    with open_store(db) as st:
        for i in range(0, n, chunk):
            t = _with_places(synthetic_mentions(min(chunk, n - i), seed=i, offset=i), seed=i)
            with st.registered("_b", t), st.transaction():
                st.execute("INSERT INTO mentions SELECT * FROM _b")
        st.execute(
            "INSERT INTO stories (story_id, content_hash, status, date, agency, title, n_mentions) "
            "SELECT story_id, story_id, 'coded', min(date), 'Bench', 'Story ' || story_id, count(*) "
            "FROM mentions GROUP BY story_id"
        )
        t1 = time.perf_counter()
        r = deduplicate(st)
        st.execute("CHECKPOINT")
    print(
        f"store: {n:,} mentions loaded in {t1 - t0:.1f} s, de-duplicated into {r['events']:,} events in "
        f"{time.perf_counter() - t1:.1f} s",
        file=sys.stderr,
    )


def _with_places(t: pa.Table, seed: int) -> pa.Table:
    rng = np.random.default_rng(seed + 1)
    n = t.num_rows
    k = rng.integers(0, len(PLACES) + 4, n)  # about a quarter without a place
    has = k < len(PLACES)
    kk = np.where(has, k, 0)

    def col(j: int, typ: pa.DataType) -> pa.Array:
        vals = np.array([p[j] for p in PLACES], dtype=object)[kk]
        return pa.array([v if h else None for v, h in zip(vals, has, strict=True)], typ)

    repl = {
        "location_name": col(0, pa.string()),
        "location_country": col(1, pa.string()),
        "lat": col(2, pa.float64()),
        "lon": col(3, pa.float64()),
        "evidence_start": pa.array(np.zeros(n, dtype=np.int32)),
        "evidence_end": pa.array(np.full(n, len(SENTENCE), dtype=np.int32)),
        "trigger_text": pa.array(["met"] * n),
        "trigger_start": pa.array(np.full(n, 14, dtype=np.int32)),
        "trigger_end": pa.array(np.full(n, 17, dtype=np.int32)),
        "modality": pa.array(["asserted"] * n),
        "sentence_index": pa.array(rng.integers(0, 5, n).astype(np.int32)),
        "plover_event": pc.if_else(pc.equal(t.column("root"), "04"), "CONSULT", None),
    }
    for name, arr in repl.items():
        i = t.schema.get_field_index(name)
        t = t.set_column(i, t.schema.field(i), arr.cast(t.schema.field(i).type))
    return t


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, timeout: float, cache: int) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable,
        "-m",
        "eventwire.cli.main",
        "serve",
        "--db",
        str(db),
        "--host",
        HOST,
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--query-timeout",
        str(timeout),
        "--cache-entries",
        str(cache),
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "EVENTWIRE_TOKEN": ""}
    )
    import httpx

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/v1/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("the server did not start")


def request_mix(ids: list[str], cursor: str | None, rng: random.Random) -> tuple[str, str]:
    """(endpoint label, path) of one request, drawn from the mix."""
    a, b = rng.sample(COUNTRIES[:12], 2)
    choices: list[tuple[str, str, float]] = [
        ("events page", "/api/v1/events?limit=100", 3),
        ("events page, actor filter", f"/api/v1/events?limit=100&actor={a}", 2),
        ("events page, dyad + root", f"/api/v1/events?limit=50&dyad={a}-{b}&undirected=true&root=04", 1),
        ("events next page", f"/api/v1/events?limit=100&cursor={cursor}" if cursor else "/api/v1/events", 1),
        ("event by id", f"/api/v1/events/{rng.choice(ids)}", 2),
        ("aggregate month, one dyad", f"/api/v1/aggregate?by=month&dyad={a}-{b}&undirected=true", 2),
        ("aggregate month x quad", "/api/v1/aggregate?by=month,quad", 1),
        ("top dyads", "/api/v1/aggregate?by=dyad&undirected=true&top=10", 1),
        ("places", "/api/v1/places?limit=500", 1),
        ("actors prefix", f"/api/v1/actors?prefix={a[:2]}", 1),
    ]
    label, path, _ = rng.choices(choices, weights=[c[2] for c in choices])[0]
    return label, path


async def load(base: str, clients: int, seconds: float, max_requests: int) -> dict[str, Any]:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        first = (await c.get("/api/v1/events?limit=200")).json()
        ids = [e["event_id"] for e in first["items"]] or ["v-none"]
        cursor = first["next"]
    lat: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    sent = 0
    t_end = time.monotonic() + seconds

    async def client(k: int) -> None:
        nonlocal sent
        rng = random.Random(k)
        async with httpx.AsyncClient(base_url=base, timeout=60) as c:
            while time.monotonic() < t_end and sent < max_requests:
                sent += 1
                label, path = request_mix(ids, cursor, rng)
                t0 = time.perf_counter()
                r = await c.get(path)
                lat.setdefault(label, []).append(time.perf_counter() - t0)
                if r.status_code != 200:
                    errors[label] = errors.get(label, 0) + 1

    t0 = time.monotonic()
    await asyncio.gather(*(client(k) for k in range(clients)))
    wall = time.monotonic() - t0
    out: dict[str, Any] = {}
    for label, xs in sorted(lat.items()):
        q = statistics.quantiles(xs, n=100, method="inclusive") if len(xs) > 1 else [xs[0]] * 99
        out[label] = {
            "requests": len(xs),
            "rps": round(len(xs) / wall, 1),
            "p50_ms": round(1000 * q[49], 1),
            "p95_ms": round(1000 * q[94], 1),
            "p99_ms": round(1000 * q[98], 1),
            "errors": errors.get(label, 0),
        }
    return {
        "wall_s": round(wall, 1),
        "requests": sum(len(x) for x in lat.values()),
        "rps": round(sum(len(x) for x in lat.values()) / wall, 1),
        "endpoints": out,
    }


def code_texts(n: int) -> list[dict[str, Any]]:
    rng = random.Random(7)
    names = ["Azerbaijan", "Russia", "Turkey", "Georgia", "Armenia", "Iran", "Ukraine", "France"]
    verbs = ["met the foreign minister of", "accused", "signed an agreement with", "criticized", "praised"]
    out = []
    for i in range(n):
        a, b = rng.sample(names, 2)
        text = (
            f"The president of {a} {rng.choice(verbs)} {b} on Monday. Police arrested {rng.randint(2, 40)} "
            f"protesters in the capital of {b}, officials said. The two sides agreed to hold talks next month."
        )
        out.append({"id": f"bench-{i}", "text": text, "date": "2024-05-06"})
    return out


def bench_code(base: str, n: int, rounds: int = 3) -> dict[str, Any]:
    """Stories/s of ``POST /api/v1/code`` and of the in-process ``Coder.code_batch`` on the same batches,
    alternating ``rounds`` times and keeping the best of each (a shared machine's load changes by the second)."""
    import httpx

    from eventwire.ingest.records import record_to_story
    from eventwire.pipeline import Coder

    recs = code_texts(n)
    batches = [recs[i : i + 32] for i in range(0, n, 32)]
    coder = Coder()
    api_s, cli_s, n_api, n_cli = [], [], 0, 0
    with httpx.Client(base_url=base, timeout=600) as c:
        c.post("/api/v1/code", json={"stories": recs[:2]})  # loads the server's model
        coder.code_batch([record_to_story(r, origin_file="<bench>", origin_line=1) for r in recs[:2]])  # type: ignore[misc]
        for _ in range(rounds):
            t0 = time.perf_counter()
            n_api = sum(len(c.post("/api/v1/code", json={"stories": b}).json()["events"]) for b in batches)
            api_s.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            n_cli = 0
            for b in batches:
                stories = [record_to_story(r, origin_file="<bench>", origin_line=i) for i, r in enumerate(b, 1)]
                n_cli += len(coder.code_batch(stories)[0])  # type: ignore[arg-type]
            cli_s.append(time.perf_counter() - t0)
    return {
        "texts": n,
        "rounds": rounds,
        "api_stories_per_s": round(n / min(api_s), 1),
        "coder_stories_per_s": round(n / min(cli_s), 1),
        "ratio": round(min(cli_s) / min(api_s), 2),
        "events_api": n_api,
        "events_coder": n_cli,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000, help="synthetic mentions in the generated store")
    ap.add_argument("--db", help="use (or build, when missing) this store file")
    ap.add_argument("--keep", action="store_true", help="keep the generated store")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--code-texts", type=int, default=128, help="texts for the /code comparison (0: skip)")
    ap.add_argument("--query-timeout", type=float, default=30.0)
    ap.add_argument("--cache-entries", type=int, default=512, help="the server's answer cache (0: off)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.clients < 1 or args.seconds <= 0 or args.seconds > 600:
        raise SystemExit("--clients >= 1 and 0 < --seconds <= 600")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "serve-load.duckdb"
        if not db.exists():
            build_store(db, args.events)
        port = free_port()
        proc = start_server(db, port, args.query_timeout, args.cache_entries)
        base = f"http://{HOST}:{port}"
        try:
            result = {
                "events_requested": args.events,
                "clients": args.clients,
                "seconds": args.seconds,
                "cache_entries": args.cache_entries,
                "load": asyncio.run(load(base, args.clients, args.seconds, args.max_requests)),
            }
            import httpx

            result["health"] = httpx.get(f"{base}/api/v1/health").json()
            if args.code_texts:
                result["code"] = bench_code(base, args.code_texts)
        finally:
            proc.terminate()
            proc.wait(30)
        if args.keep and not args.db:
            keep = Path.cwd() / db.name
            db.replace(keep)
            print(f"store kept at {keep}", file=sys.stderr)
    _report(result, args.json)


def _report(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, indent=2))
        return
    h, ld = result["health"], result["load"]
    print(
        f"store: {h['events']:,} events, {h['mentions']:,} mentions; {result['clients']} clients, "
        f"cache {result['cache_entries']}, "
        f"{ld['wall_s']} s: {ld['requests']:,} requests, {ld['rps']} requests/s"
    )
    print(f"{'endpoint':<28} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for label, e in ld["endpoints"].items():
        print(
            f"{label:<28} {e['requests']:>8} {e['rps']:>7} {e['p50_ms']:>8} {e['p95_ms']:>8} {e['p99_ms']:>8} "
            f"{e['errors']:>6}"
        )
    if "code" in result:
        c = result["code"]
        print(
            f"POST /api/v1/code: {c['api_stories_per_s']} stories/s; Coder.code_batch: "
            f"{c['coder_stories_per_s']} stories/s; ratio {c['ratio']} ({c['texts']} texts)"
        )


if __name__ == "__main__":
    main()
