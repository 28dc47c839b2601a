"""Headline triples: how many hand-coded events of a day's wire headlines eventwire finds, root and actors right.

Issue 13 asks for exact triple recall >= 0.70 on recent wire headlines. The gold is
``sealed/headlines.jsonl``: every distinct headline (``citeInfo.title``) of the 230 Reuters stories of 25 February
2020 in ``../shared`` (227 after dropping repeats that differ only in case and punctuation), coded by hand before
eventwire was run on any of them, by the conventions of ``sealed/README.md`` read for headlines: the present tense
reports a past event, "to V" announces a plan (the intent code), a trailing "- SOURCE" or ": SOURCE" or a leading
"SPEAKER:" names who said it. 51 headlines hold 52 gold events; the other 176 (markets, companies, sport, case
counts, routine health measures) hold none. Each headline carries ``part``: ``read`` (even record numbers, whose
misses may be read while writing rules) or ``blind`` (odd record numbers: score only, never read).

``--set ngec``: ``sealed/ngec_headlines.jsonl``, 60 headlines drawn from the NGEC corpus (the first line of a row's
``prompt``: the real headline template the synthetic story was written from, with random countries filled in;
``random.Random(20261287)`` over the rows, distinct headlines of four words or more), coded by hand before eventwire
was run on them (54 hold 60 events). All blind: score only, never read.

    python benchmarks/headlines.py [--set reuters|ngec] [--part read|blind|all] [--errors] [--lower|--upper]

Scores: exact triples (source code, target code, full CAMEO code) and root triples (source country, target country,
CAMEO root) as micro precision / recall over every gold and predicted event of the news (not history or habits);
the penta class of each headline (the chosen event, as ``sealed_eval.py``); and the share of no-event headlines
that got an event. Without ``../shared`` (or ``$EVENTWIRE_SHARED``) the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

import sealed_eval as se

SETS = {"reuters": se.HERE / "sealed" / "headlines.jsonl", "ngec": se.HERE / "sealed" / "ngec_headlines.jsonl"}


def ngec_titles(path: Path) -> list[str]:
    """Headline by data row of the NGEC corpus: the first line of its ``prompt`` (the headline the synthetic
    story was written from, with its country filled in)."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        return [row["prompt"].split("\n")[0].strip() for row in csv.DictReader(f)]


def titles(path: Path) -> list[str]:
    """Headline by record number of the Reuters stream (``citeInfo.title``)."""
    return [str(obj["citeInfo"].get("title") or "") for obj in se.reuters_records(path)]


def load(data: Path, part: str, which: str = "reuters") -> tuple[list[se.Item], list[str]]:
    heads = titles(data / se.CORPORA["reuters"]) if which == "reuters" else ngec_titles(data / se.CORPORA["ngec"])
    items, drifted = [], []
    for line in SETS[which].read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if part != "all" and g["part"] != part:
            continue
        t = heads[g["record"]] if g["record"] < len(heads) else ""
        if hashlib.sha1(t.encode("utf-8")).hexdigest() != g["sha1"]:
            drifted.append(g["id"])
        else:
            items.append(se.Item(g, t))
    return items, drifted


def prf(tp: int, npred: int, ngold: int) -> str:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} / {r:.3f} / {f:.3f}  ({tp}/{npred}/{ngold})"


def report(items: list[se.Item]) -> list[str]:
    lines = []
    for exact, name in ((True, "exact triples (src, tgt, code)"), (False, "root triples (countries, root)")):
        tp = npred = ngold = 0
        for it in items:
            g_set, p_set = se.triples(it, exact)
            tp, npred, ngold = tp + len(g_set & p_set), npred + len(p_set), ngold + len(g_set)
        lines.append(f"{name:34} P / R / F1 {prf(tp, npred, ngold)}")
    gold_labels, pred_labels = [], []
    for it in items:
        r = se.chosen(it)
        pred = se.penta(str(r["cameo"])) if r else se.NONE
        pred_labels.append(pred)
        gold_labels.append(se.gold_label(it.ref["events"], pred, "penta") if it.ref["events"] else se.NONE)
    n = len(items)
    acc = sum(g == p for g, p in zip(gold_labels, pred_labels, strict=True)) / n if n else 0.0
    f1s = []
    for lab in ("0", "1", "2", "3", "4", se.NONE):
        tp = sum(g == p == lab for g, p in zip(gold_labels, pred_labels, strict=True))
        npred, ngold = pred_labels.count(lab), gold_labels.count(lab)
        if npred or ngold:
            f1s.append(2 * tp / (npred + ngold))
    lines.append(f"penta class accuracy {acc:.3f}  macro-F1 (labels present) {sum(f1s) / len(f1s):.3f}")
    quiet = [it for it in items if not it.ref["events"]]
    noisy = sum(1 for it in quiet if se.news(it))
    lines.append(f"no-event headlines given an event  {noisy}/{len(quiet)}")
    return lines


def errors(items: list[se.Item]) -> list[str]:
    out = []
    for it in items:
        gold, pred = se.triples(it, True)
        if gold != pred:
            out.append(f"{it.ref['id']}: {it.text}\n    gold {sorted(gold)}\n    pred {sorted(pred)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=tuple(SETS), default="reuters", help="the Reuters day (default) or NGEC headlines")
    ap.add_argument("--part", choices=("read", "blind", "all"), default="all")
    ap.add_argument("--errors", action="store_true", help="list headlines whose exact triples differ")
    ap.add_argument("--lower", action="store_true", help="code the headlines lower-cased")
    ap.add_argument("--upper", action="store_true", help="code the headlines upper-cased")
    ap.add_argument("--shared", help="the shared folder (default: $EVENTWIRE_SHARED, else ../shared)")
    args = ap.parse_args(argv)
    data = se.shared_data(args.shared)
    if not (data / se.CORPORA["reuters"]).exists():
        print(f"no shared data at {data}: nothing to score")
        return 0
    items, drifted = load(data, args.part, args.set)
    for it in items if args.upper else ():
        it.text = it.text.upper()
    se.code_all(items, args.lower)
    with_events = [it for it in items if it.ref["events"]]
    print(
        f"{args.set} headlines ({args.part}): {len(items)}, {len(with_events)} with"
        f" {sum(len(i.ref['events']) for i in items)} gold events, {len(drifted)} drifted"
        f"{', lower-cased' if args.lower else ''}{', upper-cased' if args.upper else ''}"
    )
    print("all headlines:")
    print("\n".join("  " + s for s in report(items)))
    print("headlines with gold events:")
    print("\n".join("  " + s for s in report(with_events)[:-1]))
    if args.errors:
        print("\n".join(errors(items)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
