"""Calibrated event confidence: the probability that a coded event is right.

An event's ``confidence`` is ``sigmoid(intercept + Σ weight(feature))`` over the named features below, with
the weights fitted on the dev gold sets by ``benchmarks/calibrate.py`` (logistic regression, i.e.
multi-feature Platt scaling) and stored in ``data/calibration.yaml``. "Right" means: the CAMEO root (or the
PLOVER event, or the penta class, for gold that has only those) and both actors (their countries, where the
gold names them) agree with a gold event of the sentence — the exact definition is in docs/evaluation.md.

Features of an ``EventMention`` (``features``), each a name (``prefix=value``) with value 1, except
``heuristic``, the coder's hand-set score:

- ``origin``: how the event was found — ``verb``, ``light`` (light verb + event noun), ``noun``, ``family``
  (a governing word: intent, appeal, demand, reject, threaten ...), ``obligation``, ``future``,
  ``conditional``, ``statement`` (the speech-verb fallback); ``family``: the family's name;
- ``quad``: the quad class of the CAMEO code (one weight per root fitted worse in cross-validation: too
  few events per root); ``modality``: asserted, intended, reported, historical ...;
- ``source`` / ``target``: actor certainty — ``none``, ``dict`` (coded from a dictionary), ``memory``
  (a pronoun or short reference resolved through the story), ``fallback`` (a role word, place or context
  gave only a country); ``source_sectorless`` / ``target_sectorless`` (code is a country only) and
  ``source_nocountry`` / ``target_nocountry`` (no country: ``---``);
- ``source_path`` / ``target_path``: dependency-path length from the trigger to the actor's head
  (``p1``, ``p2``, ``p3``, ``p4`` = 4 or more, ``far`` = not in the trigger's tree);
- ``siblings``: events coded in the sentence (``n1``, ``n2``, ``n3`` = 3 or more).

A weight for a feature name the coder never produces is an error (E340) — the file and this module must
agree; features the file has no weight for count 0.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._data import load_yaml, load_yaml_file
from ..errors import error
from ..mentions import ActorMention, EventMention
from . import cameo

PACKAGE = "eventwire.events"
FILE = "calibration.yaml"
# The feature prefixes ``features`` produces (a weight's name is ``prefix`` or ``prefix=value``).
PREFIXES = frozenset(
    {
        "heuristic",
        "origin",
        "family",
        "quad",
        "modality",
        "source",
        "target",
        "source_sectorless",
        "target_sectorless",
        "source_nocountry",
        "target_nocountry",
        "source_path",
        "target_path",
        "siblings",
    }
)
_NAME = re.compile(r"^([a-z_]+)(?:=([a-z0-9_.-]+))?$")
_MAX_DEPTH = 64


@dataclass(frozen=True, slots=True)
class Calibration:
    """A fitted calibration: intercept, weights per feature name, and the clip range of the probability."""

    intercept: float
    weights: Mapping[str, float]
    clip: tuple[float, float] = (0.01, 0.99)
    where: str = FILE

    def logit(self, feats: Mapping[str, float]) -> float:
        return self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())

    def probability(self, feats: Mapping[str, float]) -> float:
        """The calibrated probability of ``feats`` (a ``features`` dict), clipped to ``clip``."""
        z = self.logit(feats)
        p = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
        lo, hi = self.clip
        return min(hi, max(lo, p))


# -- features ------------------------------------------------------------------------------------------------
def origin(rule: str, kind: str) -> tuple[str, str | None]:
    """(origin, family name or ``None``) of an event from its rule and frame kind (see the module docstring)."""
    if rule.startswith("modality.yaml:"):
        part = rule.split(":", 2)[1].split("+", 1)[0]
        if part == "speech":
            return "statement", None
        if part == "obligation":
            return "obligation", None
        if part.endswith("future"):
            return "future", None
        if part.startswith("conditional"):
            return "conditional", None
        return "family", part
    return (kind if kind in ("verb", "light", "noun") else "verb"), None


def certainty(actor: ActorMention | None) -> str:
    """How the actor was coded: ``none``, ``dict``, ``memory`` or ``fallback``."""
    if actor is None:
        return "none"
    head = actor.rule.split(":", 1)[0]
    if head in ("dict", "dictionary"):
        return "dict"
    if head == "memory":
        return "memory"
    return "fallback"


def _bucket(path: int | None, prefix: str, top: int) -> str:
    if path is None:
        return "far"
    return f"{prefix}{min(max(path, 1), top)}"


def features(ev: EventMention) -> dict[str, float]:
    """The named features of ``ev`` (see the module docstring); absent features are 0."""
    org, fam = origin(ev.rule, ev.kind)
    out: dict[str, float] = {
        "heuristic": float(ev.heuristic),
        f"origin={org}": 1.0,
        f"quad={cameo.quad_class(ev.cameo)}": 1.0,
        f"modality={ev.modality}": 1.0,
        f"siblings={_bucket(ev.siblings, 'n', 3)}": 1.0,
    }
    if fam:
        out[f"family={fam}"] = 1.0
    for role, actor, path in (("source", ev.source, ev.source_path), ("target", ev.target, ev.target_path)):
        out[f"{role}={certainty(actor)}"] = 1.0
        if actor is None:
            continue
        if not actor.sectors:
            out[f"{role}_sectorless"] = 1.0
        if not actor.country or actor.country == "---":
            out[f"{role}_nocountry"] = 1.0
        out[f"{role}_path={_bucket(path, 'p', 4)}"] = 1.0
    return out


def path_length(trigger: Any, actor: ActorMention | None) -> int | None:
    """Edges on the dependency path from the ``trigger`` token to ``actor``'s head token; ``None`` without an
    actor or when the head is not in the trigger's tree (another sentence)."""
    if actor is None:
        return None
    doc = trigger.doc
    if not 0 <= actor.head < len(doc):
        return None
    depth: dict[int, int] = {}
    t = trigger
    for d in range(_MAX_DEPTH):
        depth[t.i] = d
        if t.head.i == t.i:
            break
        t = t.head
    a = doc[actor.head]
    for d in range(_MAX_DEPTH):
        if a.i in depth:
            return depth[a.i] + d
        if a.head.i == a.i:
            return None
        a = a.head
    return None


# -- the fitted parameters -----------------------------------------------------------------------------------
def parse(data: Mapping[str, Any], where: str) -> Calibration:
    """A ``Calibration`` from the (schema-valid) data of a calibration file; E340/E341 when it does not fit
    this module (an unknown feature name, a bad clip range)."""
    weights: dict[str, float] = {}
    for name, w in (data.get("weights") or {}).items():
        m = _NAME.match(str(name))
        if not m or m.group(1) not in PREFIXES:
            raise error("E340", where=where, name=name, known=", ".join(sorted(PREFIXES)))
        weights[str(name)] = float(w)
    lo, hi = (float(x) for x in data.get("clip", (0.01, 0.99)))
    if not 0.0 <= lo < hi <= 1.0:
        raise error("E341", where=where, lo=lo, hi=hi)
    return Calibration(float(data["intercept"]), weights, (lo, hi), where)


def load(path: str | Path | None = None) -> Calibration:
    """The calibration of ``path`` (a file with the ``events-calibration`` header), or the package's own."""
    if path is None:
        return _default()
    return parse(load_yaml_file(path), str(path))


_OVERRIDE: list[Calibration] = []  # set by ``override`` (the fitting script codes without the shipped file)


def override(model: Calibration | None) -> None:
    """Use ``model`` instead of the package's file in this process (``None``: back to the file). The fitting
    script codes the dev sets with a neutral model, so a stale or broken file never stops a refit."""
    _OVERRIDE[:] = [model] if model is not None else []


def _default() -> Calibration:
    return _OVERRIDE[0] if _OVERRIDE else _packaged()


@lru_cache(maxsize=1)
def _packaged() -> Calibration:
    return parse(load_yaml(PACKAGE, FILE), f"eventwire/events/data/{FILE}")


def calibrate(events: Sequence[EventMention], model: Calibration | None = None) -> list[EventMention]:
    """Set ``siblings`` and the calibrated ``confidence`` of the events of one sentence; returns them."""
    m = model or _default()
    for ev in events:
        ev.siblings = len(events)
        ev.confidence = round(m.probability(features(ev)), 3)
    return list(events)
