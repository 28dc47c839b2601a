"""Corpus-run benchmark: ``eventwire run`` (1 and 2 workers) against ``eventwire code``, and a re-run.

    python benchmarks/store_run.py                       # 400 stories of ../shared/data/ngec_synthetic_plover
    python benchmarks/store_run.py --limit 1000 --batch-size 32
    python benchmarks/store_run.py --corpus my/stories/  # any corpus eventwire reads

Each command runs in a fresh process, as a user would run it (the wall time includes loading the
pipeline).  Figures are printed, not asserted; the machine's load average is printed with them.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGEC = ROOT.parent / "shared" / "data" / "ngec_synthetic_plover" / "gpt_synthetic_events_2023-10-19_19.csv"


def subset(src: Path, n: int, out: Path) -> Path:
    """The first ``n`` rows of a CSV corpus (written to a temporary file, never into the repository)."""
    csv.field_size_limit(10_000_000)
    with open(src, newline="", encoding="utf-8") as f, open(out, "w", newline="", encoding="utf-8") as g:
        r = csv.reader(f)
        w = csv.writer(g)
        for i, row in enumerate(r):
            if i > n:
                break
            w.writerow(row)
    return out


def timed(label: str, cmd: list[str], n: int) -> float:
    t0 = time.perf_counter()
    res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    if res.returncode not in (0, 1):
        sys.exit(f"{label} failed:\n{res.stderr[-2000:]}")
    last = res.stderr.strip().splitlines()[-1] if res.stderr.strip() else ""
    print(f"{label:28s} {dt:7.1f} s  {n / dt:7.1f} stories/s   [{last[:110]}]")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="a corpus to run (default: a subset of the NGEC CSV)")
    ap.add_argument("--limit", type=int, default=400, help="stories taken from the NGEC CSV")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    ew = [sys.executable, "-m", "eventwire.cli.main"]
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if args.corpus:
            corpus = args.corpus
            n = sum(1 for _ in __import__("eventwire").read_paths([str(corpus)]))
        else:
            corpus = subset(NGEC, args.limit, tmp / "subset.csv")
            n = args.limit
        print(f"{n} stories from {corpus}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        bs = ["--batch-size", str(args.batch_size)]
        timed("code (1 process)", ew + ["code", str(corpus), "--no-progress", *bs, "-o", os.devnull], n)
        timed("run --workers 1", ew + ["run", str(corpus), "--db", str(tmp / "w1.duckdb"), "--no-progress", *bs], n)
        timed(
            "run --workers 2",
            ew + ["run", str(corpus), "--db", str(tmp / "w2.duckdb"), "--no-progress", "--workers", "2", *bs],
            n,
        )
        timed("re-run (all stored)", ew + ["run", str(corpus), "--db", str(tmp / "w1.duckdb"), "--no-progress", *bs], n)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
