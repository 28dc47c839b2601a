#!/usr/bin/env python3
"""Document-level check on the NGEC synthetic wire stories: does eventwire find each story's event type?

``../shared/data/ngec_synthetic_plover`` holds 4,500 LM-written wire stories of about 205 words, each with
one PLOVER event type (the type of the headline that prompted it; no actors). The stories the sealed check
sets drew sentences from are left out. A deterministic sample (``--limit``, ``--seed``) is coded whole, as
``eventwire code`` codes a story, and scored three ways:

- **lede label**: the PLOVER type of the story's first current event (``modality`` not historical, habitual
  or hypothetical) against the story's type: accuracy and macro-F1 over the 16 types, with a per-type table;
- **found anywhere**: the story's type is among the types of its current events (recall of the main event);
- **silent stories**: stories with no current event at all.

Figures, not pass/fail; the labels are pseudo-labels (the prompt's type), so read the table, not only the mean.

    python benchmarks/story_labels.py --limit 800
    python benchmarks/story_labels.py --limit 4500 --json
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
CSV = SHARED / "data" / "ngec_synthetic_plover" / "gpt_synthetic_events_2023-10-19_19.csv"
SEALED = [ROOT / "benchmarks" / "sealed" / "gold.jsonl", ROOT / "benchmarks" / "sealed" / "gold2.jsonl"]
NOT_CURRENT = {"historical", "habitual", "hypothetical"}


def sealed_stories() -> set[int]:
    """Row numbers of the NGEC stories the sealed sets drew from."""
    used: set[int] = set()
    for path in SEALED:
        if path.exists():
            for line in path.open(encoding="utf-8"):
                ref = json.loads(line)
                if ref.get("corpus") == "ngec":
                    used.add(int(ref["story"]))
    return used


def sample(limit: int, seed: int) -> list[tuple[int, str, str]]:
    """(row, text, label) of ``limit`` stories outside the sealed sets, in a fixed random order."""
    csv.field_size_limit(sys.maxsize)
    with CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    used = sealed_stories()
    pool = [i for i in range(len(rows)) if i not in used and rows[i]["text"].strip()]
    random.Random(seed).shuffle(pool)
    return [(i, rows[i]["text"], rows[i]["label"]) for i in pool[:limit]]


def score(gold: list[str], lede: list[str | None], found: list[set[str]]) -> dict[str, Any]:
    labels = sorted(set(gold))
    per: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, lede, strict=True) if g == lab and p == lab)
        pred = sum(1 for p in lede if p == lab)
        sup = sum(1 for g in gold if g == lab)
        prec = tp / pred if pred else 0.0
        rec = tp / sup if sup else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        anywhere = sum(1 for g, s in zip(gold, found, strict=True) if g == lab and lab in s) / sup
        per[lab] = {"precision": prec, "recall": rec, "f1": f1, "support": sup, "found_anywhere": anywhere}
    n = len(gold)
    return {
        "stories": n,
        "lede_accuracy": sum(1 for g, p in zip(gold, lede, strict=True) if g == p) / n,
        "lede_macro_f1": sum(v["f1"] for v in per.values()) / len(per),
        "found_anywhere": sum(1 for g, s in zip(gold, found, strict=True) if g in s) / n,
        "silent": sum(1 for s in found if not s) / n,
        "per_label": per,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=800)
    ap.add_argument("--seed", type=int, default=20261205)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not CSV.exists():
        print(f"no corpus at {CSV} (set EVENTWIRE_SHARED)", file=sys.stderr)
        return 2
    from eventwire.pipeline import Coder
    from eventwire.story import Story

    stories = sample(args.limit, args.seed)
    coder = Coder(None)
    gold: list[str] = []
    lede: list[str | None] = []
    found: list[set[str]] = []
    for k in range(0, len(stories), 32):
        batch = stories[k : k + 32]
        records, _ = coder.code_batch([Story(id=str(i), text=t) for i, t, _ in batch])
        by_story: dict[str, list[Any]] = {}
        for r in records:
            if r["modality"] not in NOT_CURRENT and r.get("plover"):
                by_story.setdefault(r["story_id"], []).append(r)
        for i, _, label in batch:
            evs = sorted(by_story.get(str(i), []), key=lambda r: r["evidence"]["trigger"]["start"])
            gold.append(label)
            lede.append(evs[0]["plover"]["event"] if evs else None)
            found.append({r["plover"]["event"] for r in evs})
    report = score(gold, lede, found)
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"NGEC synthetic stories: {report['stories']} (seed {args.seed}; sealed stories left out)")
    print(f"lede label accuracy {report['lede_accuracy']:.3f}  macro-F1 {report['lede_macro_f1']:.3f}")
    print(f"story type among its current events {report['found_anywhere']:.3f}; silent stories {report['silent']:.3f}")
    print(f"{'type':<11} {'prec':>6} {'recall':>6} {'F1':>6} {'found':>6} {'n':>5}")
    for lab, v in sorted(report["per_label"].items(), key=lambda kv: -kv[1]["support"]):
        print(
            f"{lab:<11} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['found_anywhere']:6.3f} "
            f"{int(v['support']):5d}"
        )
    print("lede types predicted:", dict(Counter(p or "-" for p in lede).most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
