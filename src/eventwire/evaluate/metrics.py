"""The arithmetic of evaluation: accuracy, precision/recall/F1, per-class scores, macro-F1, confusion.

Pure functions over counts and (gold, predicted) label pairs; no knowledge of gold formats or records.
Every ratio with an empty denominator is ``None`` (reported as "n/a"), never 0 or 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

NONE = "none"  # the predicted label of a sentence with no (usable) predicted event


def ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def accuracy(pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """``{"correct", "total", "value"}`` for (gold, predicted) label pairs."""
    correct = sum(1 for g, p in pairs if g == p)
    return {"correct": correct, "total": len(pairs), "value": ratio(correct, len(pairs))}


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    """Precision, recall and F1 from true positives and the predicted and gold totals."""
    p = ratio(tp, n_pred)
    r = ratio(tp, n_gold)
    f1 = None if p is None or r is None else (0.0 if p + r == 0 else 2 * p * r / (p + r))
    return {"tp": tp, "predicted": n_pred, "gold": n_gold, "precision": p, "recall": r, "f1": f1}


def set_prf(items: Iterable[tuple[set[Any], set[Any]]]) -> dict[str, Any]:
    """Micro precision/recall/F1 over per-item (gold set, predicted set) pairs (e.g. event triples)."""
    tp = n_pred = n_gold = 0
    for gold, pred in items:
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
    return prf(tp, n_pred, n_gold)


def per_class(pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Per-class precision/recall/F1/support and macro-F1.

    Macro-F1 averages the F1 of the classes that occur in the gold (support > 0); a class with no
    prediction has F1 0. Predicted labels that are never gold (e.g. ``none``) lower the precision of
    nothing and the recall of the gold class they replaced.
    """
    gold_n = Counter(g for g, _ in pairs)
    pred_n = Counter(p for _, p in pairs)
    tp_n = Counter(g for g, p in pairs if g == p)
    classes: dict[str, Any] = {}
    for label in sorted(gold_n):
        s = prf(tp_n[label], pred_n[label], gold_n[label])
        classes[label] = {
            "precision": s["precision"],
            "recall": s["recall"],
            "f1": s["f1"] if s["f1"] is not None else 0.0,
            "support": gold_n[label],
            "predicted": pred_n[label],
        }
    f1s = [c["f1"] for c in classes.values()]
    return {"classes": classes, "macro_f1": (sum(f1s) / len(f1s)) if f1s else None}


def confusion(pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Confusion counts ``matrix[gold][predicted]`` and the sorted label list (``none`` last)."""
    matrix: dict[str, dict[str, int]] = {}
    labels: set[str] = set()
    for g, p in pairs:
        matrix.setdefault(g, {})
        matrix[g][p] = matrix[g].get(p, 0) + 1
        labels.update((g, p))
    ordered = sorted(labels - {NONE}) + ([NONE] if NONE in labels else [])
    return {"labels": ordered, "matrix": matrix}
