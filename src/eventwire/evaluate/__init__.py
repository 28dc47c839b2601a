"""Evaluation against gold files: readers per gold format, scoring, the report (``eventwire eval``).

from eventwire.evaluate import evaluate_file
report, errors = evaluate_file("gold.jsonl", "jsonl")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..pipeline import Coder
from .gold import GoldEvent, GoldSentence, GoldSet
from .predict import Prediction, predict
from .readers import FORMATS, read_gold
from .report import render
from .score import score

__all__ = [
    "FORMATS",
    "GoldEvent",
    "GoldSentence",
    "GoldSet",
    "Prediction",
    "evaluate",
    "evaluate_file",
    "predict",
    "read_gold",
    "render",
    "score",
]


def evaluate(gold: GoldSet, coder: Coder, *, limit: int | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Code the gold sentences (the first ``limit`` when given) with ``coder`` and score them."""
    if limit is not None:
        gold = GoldSet(gold.path, gold.format, gold.kind, gold.sentences[:limit], gold.skipped, gold.skipped_events)
    preds = predict(coder, gold.sentences, origin=gold.path)
    report, errors = score(gold, preds)
    report["model"] = coder.model
    return report, errors


def evaluate_file(
    path: str | Path,
    fmt: str,
    *,
    coder: Coder | None = None,
    model: str | None = None,
    limit: int | None = None,
    spans: str | Path | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Read ``path`` in gold format ``fmt`` (with the ``spans`` file of a penta TSV), code it and score it:
    (report dict, sentence errors)."""
    gold = read_gold(path, fmt, spans=spans)
    return evaluate(gold, coder or Coder(model), limit=limit)
