#!/usr/bin/env python3
"""Throughput: eventwire (``code_stories``, 1 and 2 processes) against the bare spaCy pipeline.

Reads the synthetic wire stories of ``../shared/data/ngec_synthetic_plover`` (4,500 stories of about
205 words), then, in one run and on the same texts:

  (a) bare spaCy: the same components eventwire uses (``eventwire.nlp.load(model, accelerated=False)``:
      stock spaCy, NER excluded) and ``nlp.pipe``; and the same with the compiled attribute_ruler and the
      doc-at-a-time lemmatizer eventwire installs (``accelerated=True``: identical output, faster), which
      isolates the cost of eventwire's own stages;
  (b) eventwire: ``pipeline.code_stories`` (what ``eventwire code`` runs) with 1 worker (a pre-loaded
      ``Coder``, so model loading is excluded as for spaCy), once with the trigger pre-filter off and once
      on (``Coder(prefilter=...)``: sentences without a possible trigger word skip the models; the share of
      sentences and tokens it skips is printed), and with N worker processes (pool start-up and
      per-process model loading included; the note gives the rate without the start-up, measured
      separately by starting the same pool with no work);
  (c) bare spaCy in N processes, fed the same batches through the same kind of pool: the reference for
      eventwire's N-process rate (two processes share the machine's memory bandwidth and caches, so
      neither reaches twice its one-process rate).

Prints a table (stories/s, sentences/s, events) and the ratios eventwire(1 process) / bare spaCy (stock;
issue 13's target is >= 0.9) and / bare spaCy with eventwire's accelerated components, without and with
the pre-filter.
Figures, not pass/fail: run on a quiet machine.

    python benchmarks/throughput.py --limit 1000
    python benchmarks/throughput.py --workers 1,2 --repeat 2 --json
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
DEFAULT_CSV = SHARED / "data" / "ngec_synthetic_plover" / "gpt_synthetic_events_2023-10-19_19.csv"


def read_texts(path: Path, limit: int | None) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    texts: list[str] = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            t = (row.get("text") or "").strip()
            if t:
                texts.append(t)
            if limit and len(texts) >= limit:
                break
    return texts


def bare_spacy(model: str, texts: list[str], batch_size: int, accelerated: bool = False) -> dict[str, Any]:
    """spaCy alone with eventwire's components: stock (spaCy's own attribute_ruler and lemmatizer), or
    with the compiled matcher and lemmatizer call eventwire installs (``accelerated``: the same output,
    faster)."""
    from eventwire import nlp as ew_nlp

    nlp = ew_nlp.load(model, accelerated=accelerated)
    list(nlp.pipe(texts[:20], batch_size=batch_size))  # warm-up
    t0, c0 = time.perf_counter(), time.process_time()
    sentences = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        sentences += sum(1 for _ in doc.sents)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "mode": "bare spaCy, accelerated" if accelerated else "bare spaCy (stock)",
        "workers": 1,
        "stories": len(texts),
        "sentences": sentences,
        "seconds": dt,
        "cpu_seconds": cpu,
        "events": None,
        "components": list(nlp.pipe_names),
        "bare": True,
        "accelerated": accelerated,
    }


_BARE_NLP: Any = None


def _bare_init(model: str) -> None:
    global _BARE_NLP
    from eventwire import nlp as ew_nlp

    _BARE_NLP = ew_nlp.load(model, accelerated=False)


def _bare_work(texts: list[str]) -> int:
    return sum(sum(1 for _ in doc.sents) for doc in _BARE_NLP.pipe(texts, batch_size=len(texts) or 1))


def bare_spacy_pool(model: str, texts: list[str], workers: int, batch_size: int) -> dict[str, Any]:
    """Bare spaCy in ``workers`` processes, fed batches the way ``code_stories`` feeds eventwire: the
    reference for eventwire's multi-process rate (pool start-up included, as for eventwire)."""
    import multiprocessing as mp

    ctx = mp.get_context("forkserver" if os.name == "posix" else "spawn")
    chunks = [texts[i : i + batch_size] for i in range(0, len(texts), batch_size)]
    t0 = time.perf_counter()
    with ctx.Pool(workers, initializer=_bare_init, initargs=(model,)) as pool:
        sentences = sum(pool.imap(_bare_work, chunks))
    dt = time.perf_counter() - t0
    return {
        "mode": f"bare spaCy (stock, {workers} proc)",
        "workers": workers,
        "stories": len(texts),
        "sentences": sentences,
        "seconds": dt,
        "events": None,
        "bare": True,
    }


def pool_startup_bare(model: str, workers: int) -> float:
    import multiprocessing as mp

    ctx = mp.get_context("forkserver" if os.name == "posix" else "spawn")
    t0 = time.perf_counter()
    with ctx.Pool(workers, initializer=_bare_init, initargs=(model,)) as pool:
        pool.map(_bare_work, [[] for _ in range(workers)], chunksize=1)
    return time.perf_counter() - t0


def eventwire_run(
    model: str, texts: list[str], workers: int, batch_size: int, coder: Any = None, prefilter: bool = False
) -> dict[str, Any]:
    from eventwire.pipeline import code_stories
    from eventwire.story import Story, content_id

    stories = [Story(id=content_id(t), text=t) for t in texts]
    events = done = rejected = 0
    t0, c0 = time.perf_counter(), time.process_time()
    it = code_stories(
        iter(stories), model=model, workers=workers, batch_size=batch_size, coder=coder, prefilter=prefilter
    )
    for res in it:
        events += len(res.records)
        done += res.stories
        rejected += len(res.rejects)
    t1, cpu = time.perf_counter(), time.process_time() - c0
    return {
        "mode": f"eventwire code ({workers} proc{', prefilter' if prefilter else ''})",
        "workers": workers,
        "prefilter": prefilter,
        "stories": done,
        "sentences": None,
        "seconds": t1 - t0,
        "cpu_seconds": cpu if workers == 1 else None,  # a pool's work is not this process's CPU time
        "events": events,
        "rejected": rejected,
    }


def prefilter_share(coder: Any, texts: list[str]) -> Any:
    """The sentences and tokens the pre-filter skips on ``texts`` (its own sentence split; not timed)."""
    from eventwire import prefilter
    from eventwire.ingest.normalize import normalize

    total = prefilter.Stats()
    for t in texts:
        total.add(prefilter.stats(coder.prefilter.prepare(normalize(t))))
    return total


def pool_startup(model: str, workers: int, prefilter: bool = False) -> float:
    """Seconds to start a pool of ``workers`` processes that have each loaded the pipeline (no coding)."""
    import multiprocessing as mp

    from eventwire import pipeline

    ctx = mp.get_context("forkserver" if os.name == "posix" else "spawn")
    t0 = time.perf_counter()
    with ctx.Pool(workers, initializer=pipeline._init_worker, initargs=(model, False, None, prefilter)) as pool:
        pool.map(pipeline._work, [[] for _ in range(workers)], chunksize=1)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="the NGEC synthetic stories CSV")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N stories")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: eventwire's configured model)")
    ap.add_argument("--workers", default="1,2", help="comma-separated eventwire worker counts (default 1,2)")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run bare spaCy and eventwire (1 process) N times, alternating; keep the best",
    )
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument(
        "--no-bare-pool",
        action="store_true",
        help="skip the bare spaCy run with N processes (the reference for eventwire's N-process rate)",
    )
    ap.add_argument(
        "--prefilter",
        choices=("both", "on", "off"),
        default="both",
        help="eventwire (1 process) with the trigger pre-filter off and on (both, default), or one of them; "
        "the N-process runs use it when 'on' or 'both'",
    )
    args = ap.parse_args(argv)

    from eventwire.config import resolve_model
    from eventwire.pipeline import Coder

    if not args.csv.is_file():
        print(f"throughput: corpus not found: {args.csv} (set EVENTWIRE_SHARED)", file=sys.stderr)
        return 2
    model = resolve_model(args.model)
    texts = read_texts(args.csv, args.limit)
    coder = Coder(model, prefilter=False)
    fcoder = Coder(model, prefilter=True)
    share = prefilter_share(fcoder, texts)
    pf_modes = {"both": [False, True], "on": [True], "off": [False]}[args.prefilter]
    workers = [int(x) for x in args.workers.split(",") if x.strip()]
    best: dict[str, dict[str, Any]] = {}
    for _ in range(max(1, args.repeat)):  # alternate the single-process runs so drift hits both alike
        runs = [bare_spacy(model, texts, args.batch_size), bare_spacy(model, texts, args.batch_size, True)]
        if 1 in workers:
            for pf in pf_modes:
                runs.append(eventwire_run(model, texts, 1, args.batch_size, fcoder if pf else coder, pf))
        for r in runs:
            if r["mode"] not in best or r["seconds"] < best[r["mode"]]["seconds"]:
                best[r["mode"]] = r
    rows = list(best.values())
    n_sent = rows[0]["sentences"]
    for w in workers:
        if w > 1:
            if not args.no_bare_pool:
                r = bare_spacy_pool(model, texts, w, args.batch_size)
                r["startup_seconds"] = pool_startup_bare(model, w)
                rows.append(r)
            r = eventwire_run(model, texts, w, args.batch_size, prefilter=pf_modes[-1])
            r["startup_seconds"] = pool_startup(model, w, pf_modes[-1])
            rows.append(r)
    for r in rows:
        r["sentences"] = n_sent  # the same texts, the same parse: the same sentences
        r["stories_per_s"] = r["stories"] / r["seconds"]
        r["sentences_per_s"] = n_sent / r["seconds"]
        if "startup_seconds" in r and r["seconds"] > r["startup_seconds"]:
            net = r["seconds"] - r["startup_seconds"]
            r["net_stories_per_s"], r["net_sentences_per_s"] = r["stories"] / net, n_sent / net
    stock = next(r for r in rows if r.get("bare") and r["workers"] == 1 and not r["accelerated"])
    fast = next(r for r in rows if r.get("bare") and r["workers"] == 1 and r["accelerated"])
    ones = [r for r in rows if not r.get("bare") and r["workers"] == 1]
    ratios = {
        ("prefilter" if r["prefilter"] else "no_prefilter"): {
            "to_spacy": r["stories_per_s"] / stock["stories_per_s"],
            "to_accelerated_spacy": r["stories_per_s"] / fast["stories_per_s"],
            "to_spacy_cpu": stock["cpu_seconds"] / r["cpu_seconds"],
        }
        for r in ones
    }
    skipped = {
        "sentences": share.sentences,
        "skipped_sentences": share.skipped_sentences,
        "share_sentences_skipped": share.share_skipped,
        "tokens": share.tokens,
        "skipped_tokens": share.skipped_tokens,
        "share_tokens_skipped": share.skipped_tokens / share.tokens if share.tokens else 0.0,
    }
    if args.json:
        print(
            json.dumps(
                {
                    "model": model,
                    "corpus": str(args.csv),
                    "cpus": os.cpu_count(),
                    "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
                    "rows": rows,
                    "prefilter_skipped": skipped,
                    "ratios_eventwire_1proc": ratios,
                },
                indent=2,
            )
        )
        return 0
    load = f" · load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"model {model} · {len(texts)} stories · {n_sent} sentences · {os.cpu_count()} CPUs{load}")
    print(f"{'run':<36} {'seconds':>8} {'CPU s':>8} {'stories/s':>10} {'sentences/s':>12} {'events':>8}  note")
    for r in rows:
        note = ""
        if "net_stories_per_s" in r:
            note = (
                f"without the {r['startup_seconds']:.1f}s pool start-up: {r['net_stories_per_s']:.1f} "
                f"stories/s, {r['net_sentences_per_s']:.1f} sentences/s"
            )
        ev = "" if r["events"] is None else str(r["events"])
        cpu = "" if r.get("cpu_seconds") is None else f"{r['cpu_seconds']:.2f}"
        print(
            f"{r['mode']:<36} {r['seconds']:>8.2f} {cpu:>8} {r['stories_per_s']:>10.1f} "
            f"{r['sentences_per_s']:>12.1f} {ev:>8}  {note}"
        )
    print(
        f"pre-filter: {share.skipped_sentences} of {share.sentences} sentences skipped ({share.share_skipped:.1%}; "
        f"its own sentence split), {share.skipped_tokens} of {share.tokens} tokens "
        f"({skipped['share_tokens_skipped']:.1%})"
    )
    for name, rr in ratios.items():
        label = "with the pre-filter" if name == "prefilter" else "without the pre-filter"
        print(
            f"ratio eventwire (1 process, {label}) / bare spaCy (stock): {rr['to_spacy']:.2f}  (target >= 0.90; "
            f"in CPU time {rr['to_spacy_cpu']:.2f}); / bare spaCy with eventwire's accelerated components: "
            f"{rr['to_accelerated_spacy']:.2f}"
        )
    for w in workers:
        b = next((r for r in rows if r.get("bare") and r["workers"] == w), None)
        e = next((r for r in rows if not r.get("bare") and r["workers"] == w and w > 1), None)
        if b and e:
            print(
                f"ratio eventwire ({w} processes) / bare spaCy (stock, {w} processes): "
                f"{b['seconds'] / e['seconds']:.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
