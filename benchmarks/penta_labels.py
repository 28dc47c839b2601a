"""Score eventwire's one-label-per-sentence penta class on hand-labelled samples of unseen NGEC sentences.

``benchmarks/sealed/penta_labels.jsonl`` holds, per sentence, only a reference into ``../shared`` (corpus, story row,
character offsets, SHA-1 of the sentence, as in ``gold.jsonl``) and one hand label: the penta class (0-4) of the
sentence's main current event, or ``none``, by the conventions of ``benchmarks/sealed/README.md``. No triples: these
are quick labels for watching generalisation between full gold draws. Samples U, V, W (session 11, seeds 20261225,
20261226, 20261227, 100/100/80 NGEC sentences; sentences the annotator could not decide are left out): V and W were
labelled before eventwire's output on them was read (their first scores are blind; see the README), U was read
while writing rules. Sample X (session 12, seed 20261228, 80 drawn) and sample Y (session 13, seed 20261250, 64
drawn, all kept) were labelled blind the same way, and so were Z, Q, R, P, L, K and J (sessions 14 to 19; the README
gives their seeds and blind scores). The macro-F1 figures average over the labels a sample has in its gold or its
predictions (Y has no class 2 sentence).

    python benchmarks/penta_labels.py [--sample U|V|W|X|Y|Z|Q|R|P|L|K|J] [--story] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "sealed" / "penta_labels.jsonl"
CLASSES = ["0", "1", "2", "3", "4", "none"]


def f1_table(gold: list[str], pred: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for lab in CLASSES:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == lab and g != lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--sample", help="only this sample (the id prefix: U, V, W, X, Y, Z, Q, R, P, L, K or J)")
    ap.add_argument("--story", action="store_true", help="code whole stories (default: each sentence alone)")
    ap.add_argument("--errors", action="store_true", help="list the sentences whose label is wrong (text shown)")
    ap.add_argument("--shared", help="the shared folder (default: $EVENTWIRE_SHARED, else ../shared)")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    import sealed_eval as se

    from eventwire.evaluate.score import choose

    data = se.shared_data(a.shared)
    if not all((data / rel).is_file() for rel in se.CORPORA.values()):
        print(f"penta_labels: the source corpora are not under {data}; nothing to score (skipped)")
        return 0
    refs = [json.loads(line) for line in LABELS.open(encoding="utf-8") if line.strip()]
    refs = [dict(r, events=[]) for r in refs if not a.sample or r["id"].startswith(a.sample)]
    labels = {r["id"]: r["label"] for r in refs}
    items, drifted = se.rebuild(refs, data)
    if a.story:
        se.code_stories(items, data, False)
    else:
        se.code_all(items, False)
    gold: list[str] = []
    pred: list[str] = []
    for it in items:
        c = choose(se.news(it), "cameo")  # type: ignore[arg-type]
        p = se.penta(str(c["cameo"])) if c else "none"
        gold.append(labels[it.ref["id"]])
        pred.append(p)
        if a.errors and p != gold[-1]:
            print(f"{it.ref['id']} gold {gold[-1]} predicted {p}: {it.text}")
    f1 = f1_table(gold, pred)
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0
    mode = "whole stories" if a.story else "sentences alone"
    print(f"penta labels{' ' + a.sample if a.sample else ''} ({mode}): {len(gold)} sentences, {len(drifted)} drifted")
    # macro-F1 over the labels the sample has (in its gold or its predictions): a class absent from both, as
    # class 2 from sample Y, says nothing and is not counted as 0
    seen = [c for c in CLASSES if c in gold or c in pred]
    seen5 = [c for c in seen if c != "none"]
    macro6 = sum(f1[c] for c in seen) / len(seen) if seen else 0.0
    macro5 = sum(f1[c] for c in seen5) / len(seen5) if seen5 else 0.0
    print(f"accuracy {acc:.3f}  macro-F1 6 labels {macro6:.3f}  classes 0-4 {macro5:.3f}")
    print("per class F1 " + " / ".join(f"{c} {f1[c]:.2f}" for c in CLASSES))
    print("gold", dict(Counter(gold)), "predicted", dict(Counter(pred)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
