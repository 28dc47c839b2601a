"""The fuzz harness: ``python fuzz/run.py [--target NAME|all] --inputs N [--seed S] [--json]``.

Each target runs ``N`` inputs, input ``i`` generated from ``random.Random(f"{target}:{seed}:{i}")``
(deterministic: the same command finds the same crashes). A crash is an exception that is not an eventwire
error with a code (``EventwireError``), or a coded reject E900 that hides one. With ``--json`` one line per
target is printed: ``{"target", "inputs", "crashes", "seconds"}`` plus the distinct crash signatures with the
index of the first input that raised each (``--target T --only I`` replays one input and shows its traceback).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
import traceback
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))

from targets import BATCHED, TARGETS  # noqa: E402

from eventwire.errors import EventwireError  # noqa: E402

CODER_BATCH = 64


def _signature(e: BaseException) -> str:
    tb = traceback.extract_tb(e.__traceback__)
    frame = next((f for f in reversed(tb) if "/eventwire/" in f.filename), tb[-1] if tb else None)
    where = f"{Path(frame.filename).name}:{frame.lineno}" if frame else "?"
    return f"{type(e).__name__} at {where}: {str(e)[:120]}"


def run_target(name: str, inputs: int, seed: int, only: int | None = None) -> dict[str, Any]:
    crashes = 0
    found: dict[str, int] = {}
    t0 = time.monotonic()
    done = 0
    if name in BATCHED:
        fn = BATCHED[name]
        for b in range(0, inputs, CODER_BATCH):
            if only is not None and not b <= only < b + CODER_BATCH:
                continue
            rng = random.Random(f"{name}:{seed}:{b}")
            size = min(CODER_BATCH, inputs - b)
            try:
                done += fn(rng, size)  # type: ignore[operator]
            except EventwireError:
                done += size
            except Exception as e:  # noqa: BLE001 - the harness counts every crash
                done += size
                crashes += 1
                found.setdefault(_signature(e), b)
                if only is not None:
                    traceback.print_exc()
    else:
        fn1 = TARGETS[name]
        for i in range(inputs) if only is None else (only,):
            try:
                fn1(random.Random(f"{name}:{seed}:{i}"))
            except EventwireError:
                pass
            except Exception as e:  # noqa: BLE001 - the harness counts every crash
                crashes += 1
                found.setdefault(_signature(e), i)
                if only is not None:
                    traceback.print_exc()
            done += 1
    return {
        "target": name,
        "inputs": done,
        "crashes": crashes,
        "seconds": round(time.monotonic() - t0, 1),
        "seed": seed,
        "first": found,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--target", default="all", help="a target name or 'all': " + ", ".join([*TARGETS, *BATCHED]))
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only", type=int, default=None, help="replay one input (its index) and print the traceback")
    ap.add_argument("--json", action="store_true", help="one JSON line per target")
    args = ap.parse_args(argv)
    names = [*TARGETS, *BATCHED] if args.target == "all" else args.target.split(",")
    unknown = [n for n in names if n not in TARGETS and n not in BATCHED]
    if unknown:
        ap.error(f"unknown target(s): {', '.join(unknown)}")
    logging.disable(logging.CRITICAL)  # trafilatura and others log about bad pages: not crashes
    warnings.simplefilter("ignore")
    total = 0
    for name in names:
        res = run_target(name, args.inputs, args.seed, args.only)
        total += res["crashes"]
        if args.json:
            print(json.dumps(res, ensure_ascii=False), flush=True)
        else:
            print(f"{name}: {res['inputs']} inputs, {res['crashes']} crashes, {res['seconds']} s", flush=True)
            for sig, i in res["first"].items():
                print(f"  first at input {i}: {sig}", flush=True)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
