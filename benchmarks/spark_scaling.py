"""Spark scaling: ``eventwire spark-run`` at ``local[1]`` and ``local[2]`` against ``eventwire run --workers 1``
and ``--workers 2`` on the same corpus, with the peak memory of each Python worker.

    python benchmarks/spark_scaling.py                    # 10,000 stories (the NGEC synthetic stories, repeated)
    python benchmarks/spark_scaling.py --stories 1000     # smaller
    python benchmarks/spark_scaling.py --only spark       # only the Spark runs

Corpus: the 4,500 synthetic wire stories of ``../shared/data/ngec_synthetic_plover/`` (set ``EVENTWIRE_SHARED``
when ``shared`` is elsewhere), repeated with new ids until ``--stories`` are reached, written as JSONL to a
temporary folder (never into the repository).  Each command runs in a fresh process, as a user runs it: the
wall time includes starting Spark (JVM, Python workers) or the process pool and loading the spaCy pipeline in
every worker.  Peak RSS is sampled from ``/proc`` every 0.2 s for every process of the command's tree: the
Python workers (Spark's ``pyspark.daemon`` children; the pool processes of ``run``), the JVM, the driver.
Prints one JSON object; figures are measured, never asserted.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
NGEC = SHARED / "data" / "ngec_synthetic_plover" / "gpt_synthetic_events_2023-10-19_19.csv"


def build_corpus(n: int, out: Path) -> Path:
    """``n`` JSONL records from the NGEC stories, repeated with new ids (``ngec-<row>-r<round>``)."""
    csv.field_size_limit(10_000_000)
    with open(NGEC, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if (r.get("text") or "").strip()]
    with open(out, "w", encoding="utf-8") as g:
        for i in range(n):
            r = rows[i % len(rows)]
            rec = {"id": f"ngec-{i % len(rows)}-r{i // len(rows)}", "text": r["text"], "title": r.get("title")}
            g.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", encoding="utf-8") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(d))
    return kids


def _rss_kb(pid: int) -> tuple[int, str]:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            rss = next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return 0, ""
    return rss, cmd


class Sampler(threading.Thread):
    """Peak RSS of every process under ``root``, with its command line."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.peaks, self.cmds = root, dict[int, int](), dict[int, str]()
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            kids = _children()
            todo, seen = [self.root], set()
            while todo:
                p = todo.pop()
                if p in seen:
                    continue
                seen.add(p)
                rss, cmd = _rss_kb(p)
                if rss:
                    self.peaks[p] = max(self.peaks.get(p, 0), rss)
                    self.cmds.setdefault(p, cmd)
                todo.extend(kids.get(p, []))
            time.sleep(0.2)


def _kind(pid: int, root: int, cmd: str) -> str:
    if "java" in cmd.split(" ", 1)[0] or "org.apache.spark" in cmd:
        return "jvm"
    if pid == root:
        return "driver"
    if "pyspark.daemon" in cmd or "pyspark.worker" in cmd or "multiprocessing" in cmd or "python" in cmd:
        return "python_worker"
    return "other"


def measure(label: str, cmd: list[str], n: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        sys.exit(f"{label} failed:\n{err[-3000:]}")
    by_kind: dict[str, list[int]] = {}
    for pid, kb in sampler.peaks.items():
        by_kind.setdefault(_kind(pid, proc.pid, sampler.cmds.get(pid, "")), []).append(kb)
    workers = sorted(by_kind.get("python_worker", []), reverse=True)
    summary = err.strip().splitlines()[-1] if err.strip() else ""
    res = {
        "label": label,
        "stories": n,
        "wall_s": round(wall, 1),
        "stories_per_s": round(n / wall, 2),
        "peak_rss_mb": {
            "driver": round(max(by_kind.get("driver", [0])) / 1024),
            "jvm": round(max(by_kind.get("jvm", [0])) / 1024),
            "python_workers": [round(kb / 1024) for kb in workers[:4]],
        },
        "summary": summary[:200],
    }
    print(json.dumps(res), file=sys.stderr)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=10_000)
    ap.add_argument("--only", choices=["spark", "run"], help="only the Spark runs or only `eventwire run`")
    ap.add_argument("--cores", default="1,2", help="local[N] / --workers N values")
    args = ap.parse_args()
    if not NGEC.is_file():
        sys.exit(f"corpus not found: {NGEC} (set EVENTWIRE_SHARED)")
    ew = [sys.executable, "-m", "eventwire.cli.main"]
    cores = [int(c) for c in args.cores.split(",")]
    results = []
    with tempfile.TemporaryDirectory(prefix="ew-spark-bench-") as d:
        tmp = Path(d)
        corpus = build_corpus(args.stories, tmp / "corpus.jsonl")
        for n in cores:
            if args.only != "run":
                cmd = [*ew, "spark-run", str(corpus), "--out", str(tmp / f"out{n}"), "--master", f"local[{n}]"]
                results.append(measure(f"spark-run local[{n}]", [*cmd, "--partitions", str(4 * n)], args.stories))
            if args.only != "spark":
                cmd = [*ew, "run", str(corpus), "--db", str(tmp / f"run{n}.duckdb"), "--workers", str(n)]
                results.append(measure(f"run --workers {n}", [*cmd, "--no-count", "--no-progress"], args.stories))
    load = os.getloadavg()
    print(json.dumps({"stories": args.stories, "cpus": os.cpu_count(), "loadavg": load, "results": results}, indent=1))


if __name__ == "__main__":
    main()
