"""Scoring predictions against the gold, sentence by sentence, into the evaluation report (a dict).

How a sentence's predicted label is chosen (documented in docs/evaluation.md):

- the *candidates* are the sentence's event records; for PLOVER gold only those with a PLOVER category
  (records of roots 01/02 and other codes PLOVER drops cannot match a PLOVER label and are ignored);
- the *chosen* event is the candidate with the highest ``confidence``; ties go to the event whose trigger
  comes first in the text, then to the lower CAMEO code;
- with no candidate the predicted label is ``none`` (always wrong), except for the penta class, where
  "no event" is read as class 0 (neutral: statements and appeals), the class ConfliBERT gives to
  sentences without cooperative or conflictual action.

Triples use every candidate, not only the chosen one. Actor span scores (``spans.py``) compare the chosen
event's actors with the gold's spans where the gold has them; the calibration section (``calibration.py``:
reliability bins and ECE) judges every event the gold can judge.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..record import EventRecord
from . import calibration, metrics
from .gold import GoldEvent, GoldSentence, GoldSet
from .labels import FAMILIES, PRIMARY, actor_code, candidates, choose, country, gold_label, pred_label
from .predict import Prediction
from .spans import span_hit

__all__ = ["FAMILIES", "PRIMARY", "actor_code", "candidates", "choose", "country", "gold_label", "pred_label", "score"]


def _match(events: Sequence[GoldEvent], chosen: EventRecord | None, family: str) -> GoldEvent | None:
    """The gold event the chosen prediction is compared with: same label first, then same actors."""
    scored = [e for e in events if gold_label(e, family) is not None]
    if not scored:
        return None
    p = pred_label(chosen, family)
    src, tgt = actor_code(chosen, "source"), actor_code(chosen, "target")

    def key(e: GoldEvent) -> tuple[int, int, int]:
        return (
            -(gold_label(e, family) == p),
            -(country(src) in {country(s) for s in e.sources}),
            -(country(tgt) in {country(t) for t in e.targets}),
        )

    return min(scored, key=key)


def triples(
    events: Sequence[GoldEvent], records: Sequence[EventRecord], kind: str, level: str
) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]]:
    """(gold triples, predicted triples) of one sentence.

    ``level`` ``code``: (source code, target code, CAMEO code); ``root``: the same with the root;
    ``country``: (source country, target country, CAMEO code); ``plover``: (source country, target
    country, PLOVER event). A missing actor is ``-``.
    """
    gold: set[tuple[str, str, str]] = set()
    pred: set[tuple[str, str, str]] = set()
    actor = country if level in ("plover", "country") else (lambda c: c)
    family = "code" if level == "country" else level
    for e in events:
        label = gold_label(e, family)
        if label is None:
            continue
        for s in e.sources or (None,):
            for t in e.targets or (None,):
                gold.add((actor(s) or "-", actor(t) or "-", label))
    for r in candidates(records, kind):
        pred.add((actor(actor_code(r, "source")) or "-", actor(actor_code(r, "target")) or "-", pred_label(r, family)))
    return gold, pred


def score(gold: GoldSet, predictions: Sequence[Prediction]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The report (a JSON-ready dict) and the list of sentence-level errors (for ``--errors``)."""
    kind = gold.kind
    families = FAMILIES[kind]
    pairs: dict[str, list[tuple[str, str]]] = {f: [] for f in families}
    actor_hits: dict[str, list[bool]] = {
        k: [] for k in ("source_code", "source_country", "target_code", "target_country")
    }
    levels = {"cameo": ("code", "root", "country"), "plover": ("plover",), "penta": ()}[kind]
    trip: dict[str, list[tuple[set[Any], set[Any]]]] = {lv: [] for lv in levels}
    span_hits: dict[str, list[bool]] = {
        k: [] for k in ("source_exact", "source_overlap", "target_exact", "target_overlap")
    }
    cal: list[tuple[float, bool]] = []
    errors: list[dict[str, Any]] = []
    n_pred_events = no_pred = rejected = no_event_sents = no_event_false = 0

    for s, p in zip(gold.sentences, predictions, strict=True):
        recs = p.records
        n_pred_events += len(recs)
        rejected += p.rejected is not None
        chosen = choose(recs, kind)
        no_pred += chosen is None
        for r in recs:
            right = calibration.event_right(r, s.events, kind)
            if right is not None:
                cal.append((float(r.get("confidence") or 0.0), right))
        for lv in levels:
            trip[lv].append(triples(s.events, recs, kind, lv))
        if not s.events:
            no_event_sents += 1
            no_event_false += bool(candidates(recs, kind))
            if candidates(recs, kind):
                errors.append(_error(s, p, chosen, kind, "event predicted where the gold has none"))
            continue
        wrong = False
        for f in families:
            m = _match(s.events, chosen, f)
            if m is None:
                continue
            g = gold_label(m, f)
            assert g is not None
            pairs[f].append((g, pred_label(chosen, f)))
            wrong |= f == PRIMARY[kind] and pairs[f][-1][0] != pairs[f][-1][1]
        m = _match(s.events, chosen, PRIMARY[kind])
        if m is not None:
            src, tgt = actor_code(chosen, "source"), actor_code(chosen, "target")
            if m.sources:
                if kind == "cameo":
                    actor_hits["source_code"].append(src in m.sources)
                actor_hits["source_country"].append(country(src) in {country(x) for x in m.sources})
            if m.targets:
                if kind == "cameo":
                    actor_hits["target_code"].append(tgt in m.targets)
                actor_hits["target_country"].append(country(tgt) in {country(x) for x in m.targets})
            for role in ("source", "target"):
                hit = span_hit(s.text, chosen, m, role)
                if hit is not None:
                    span_hits[f"{role}_exact"].append(hit[0])
                    span_hits[f"{role}_overlap"].append(hit[1])
        if wrong:
            errors.append(_error(s, p, chosen, kind, "wrong label" if chosen else "no event predicted"))

    primary = PRIMARY[kind]
    report: dict[str, Any] = {
        "gold": {
            "path": gold.path,
            "format": gold.format,
            "kind": kind,
            "sentences": len(gold.sentences),
            "skipped_records": gold.skipped,
            "skipped_codings": gold.skipped_events,
        },
        "counts": {
            "sentences": len(gold.sentences),
            "gold_events": sum(len(s.events) for s in gold.sentences),
            "predicted_events": n_pred_events,
            "sentences_without_prediction": no_pred,
            "rejected": rejected,
            "no_event_sentences": no_event_sents,
            "no_event_sentences_with_prediction": no_event_false,
        },
        "accuracy": {f: metrics.accuracy(pairs[f]) for f in families},
        "actors": {
            k: {"correct": sum(v), "total": len(v), "value": metrics.ratio(sum(v), len(v))}
            for k, v in actor_hits.items()
            if kind == "cameo" or k.endswith("country")
        }
        if kind != "penta"
        else {},
        "spans": {
            k: {"correct": sum(v), "total": len(v), "value": metrics.ratio(sum(v), len(v))}
            for k, v in span_hits.items()
            if v
        },
        "triples": {lv: metrics.set_prf(trip[lv]) for lv in levels},
        "classes": {f: metrics.per_class(pairs[f]) for f in families if f != "code"},
        "confusion": {"family": primary, **metrics.confusion(pairs[primary])},
        "calibration": calibration.reliability(cal),
    }
    return report, errors


def _brief(r: EventRecord) -> dict[str, Any]:
    return {
        "cameo": r.get("cameo"),
        "plover": r["plover"]["event"] if r["plover"] else None,
        "source": actor_code(r, "source"),
        "target": actor_code(r, "target"),
        "confidence": r.get("confidence"),
        "rule": r.get("rule"),
        "trigger": ((r.get("evidence") or {}).get("trigger") or {}).get("text"),
    }


def _error(s: GoldSentence, p: Prediction, chosen: EventRecord | None, kind: str, why: str) -> dict[str, Any]:
    gold = [
        {
            k: v
            for k, v in (
                ("cameo", e.cameo),
                ("root", e.root),
                ("plover", e.plover),
                ("penta", e.penta),
                ("sources", list(e.sources)),
                ("targets", list(e.targets)),
            )
            if v not in (None, [])
        }
        for e in s.events
    ]
    return {
        "id": s.id,
        "origin": s.origin,
        "why": why,
        "text": s.text,
        "gold": gold,
        "chosen": _brief(chosen) if chosen else None,
        "predicted": [_brief(r) for r in p.records],
        "rejected": p.rejected,
    }
