"""Is a coded event right, and does its ``confidence`` say how often events like it are: reliability and ECE.

"Right" (the outcome the confidence calibration predicts; docs/evaluation.md):

- CAMEO gold (PETRARCH XML, eventwire JSONL): some gold event of the sentence has the event's CAMEO root,
  and the event's source and target countries (first three characters of the actor code) agree with the
  gold's where the gold names that actor; a sentence whose gold has no event makes every event wrong;
- PLOVER gold: the same with the PLOVER event in place of the root; events without a PLOVER category
  (roots 01, 02 ...) cannot be compared and are left out;
- penta gold (no actor codes): the event's penta class is the sentence's class and, when the gold comes
  with its token-tag file (``--spans``), the event's source and target overlap the gold's source and target
  spans (a reciprocal span counts for either) where the gold marks them.

The reliability table puts events into ``bins`` equal-width confidence bins ([0, 0.1), ... [0.9, 1.0]) and
gives each bin's count, mean confidence and accuracy (share right); the expected calibration error is
``ECE = Σ_b (n_b / N) · |accuracy_b − confidence_b|``.

The dev split for fitting (``held_out``) is by a hash of the sentence's text (lower-cased, white space
collapsed), not of its id: the dev sets share sentences (PLOVER GSR and the ConfliBERT test set both come
from the CAMEO manual), and the same sentence must fall on the same side in every set.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from ..record import EventRecord
from .gold import GoldEvent
from .labels import actor_code, country, gold_label, pred_label
from .spans import overlaps

BINS = 10
HELD_OUT_SHARE = 0.3


def text_key(text: str) -> str:
    """The sentence as the split sees it: lower-cased, white space collapsed."""
    return " ".join(text.lower().split())


def text_hash(text: str, salt: str = "") -> int:
    """A stable integer hash of the sentence's text (``salt`` gives independent hashes, e.g. for CV folds)."""
    return int(hashlib.sha1((salt + text_key(text)).encode("utf-8")).hexdigest()[:12], 16)


def held_out(text: str, share: float = HELD_OUT_SHARE) -> bool:
    """True when the sentence belongs to the held-out split (about ``share`` of the sentences)."""
    return text_hash(text) % 1000 < round(share * 1000)


def _actor_ok(pred: str | None, gold: Sequence[str]) -> bool:
    return not gold or country(pred) in {country(g) for g in gold}


def event_right(rec: EventRecord, events: Sequence[GoldEvent], kind: str) -> bool | None:
    """Whether ``rec`` is right for a sentence with gold ``events`` (see the module docstring); ``None`` when
    the gold cannot judge it (a PLOVER sentence and an event without a PLOVER category)."""
    if kind == "penta":
        p = pred_label(rec, "penta")
        return any(
            gold_label(e, "penta") == p
            and (not e.source_spans or overlaps(rec["source"], e.source_spans))
            and (not e.target_spans or overlaps(rec["target"], e.target_spans))
            for e in events
        )
    family = "plover" if kind == "plover" else "root"
    if kind == "plover" and not rec.get("plover"):
        return None
    p = pred_label(rec, family)
    src, tgt = actor_code(rec, "source"), actor_code(rec, "target")
    return any(gold_label(e, family) == p and _actor_ok(src, e.sources) and _actor_ok(tgt, e.targets) for e in events)


def reliability(pairs: Iterable[tuple[float, bool]], bins: int = BINS) -> dict[str, Any]:
    """The reliability table and ECE of (confidence, right) pairs.

    ``{"events", "accuracy", "mean_confidence", "ece", "bins": [{"lo", "hi", "count", "confidence",
    "accuracy"}]}``; an empty bin has ``None`` confidence and accuracy, and with no pair at all the
    figures are ``None``.
    """
    if bins < 1:
        raise ValueError("bins must be at least 1")
    n = [0] * bins
    conf = [0.0] * bins
    hits = [0] * bins
    for c, right in pairs:
        c = min(1.0, max(0.0, float(c)))
        b = min(int(c * bins), bins - 1)
        n[b] += 1
        conf[b] += c
        hits[b] += bool(right)
    total = sum(n)
    rows = [
        {
            "lo": round(b / bins, 6),
            "hi": round((b + 1) / bins, 6),
            "count": n[b],
            "confidence": conf[b] / n[b] if n[b] else None,
            "accuracy": hits[b] / n[b] if n[b] else None,
        }
        for b in range(bins)
    ]
    ece = sum(n[b] / total * abs(hits[b] / n[b] - conf[b] / n[b]) for b in range(bins) if n[b]) if total else None
    return {
        "events": total,
        "accuracy": sum(hits) / total if total else None,
        "mean_confidence": sum(conf) / total if total else None,
        "ece": ece,
        "bins": rows,
    }


def render(cal: dict[str, Any], title: str = "calibration") -> str:
    """The reliability table as text (empty bins left out)."""

    def f(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.3f}"

    lines = [
        f"{title}: {cal['events']} events, accuracy {f(cal['accuracy'])}, mean confidence "
        f"{f(cal['mean_confidence'])}, ECE {f(cal['ece'])}",
        "  confidence   count  mean conf  accuracy",
    ]
    for b in cal["bins"]:
        if b["count"]:
            lines.append(
                f"  {b['lo']:.1f}-{b['hi']:.1f}    {b['count']:>6}  {f(b['confidence']):>9}  {f(b['accuracy']):>8}"
            )
    return "\n".join(lines) + "\n"


def markdown(cal: dict[str, Any]) -> str:
    """The reliability table as a Markdown table (for docs/evaluation.md)."""
    rows = ["| confidence | events | mean confidence | accuracy |", "|---|---:|---:|---:|"]
    for b in cal["bins"]:
        if b["count"]:
            rows.append(f"| {b['lo']:.1f}–{b['hi']:.1f} | {b['count']} | {b['confidence']:.3f} | {b['accuracy']:.3f} |")
    return "\n".join(rows) + "\n"
