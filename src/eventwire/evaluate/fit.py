"""Fitting the confidence calibration (``events/confidence.py``) on dev gold sets: samples, logistic fit, file.

``samples`` codes a gold set and turns every scorable event into a ``Sample``: its named features, whether it
is right (``calibration.event_right``) and its side of the split (``calibration.held_out``). ``fit`` is an
L2-regularised logistic regression (Newton's method, the intercept not penalised) whose regularisation is
chosen by cross-validated log loss on the fit split (folds by sentence-text hash); ``to_yaml`` writes the
calibration file. ``benchmarks/calibrate.py`` runs it all on the dev sets.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import yaml

from ..errors import error
from ..events.confidence import Calibration, features
from ..pipeline import Coder
from ..story import Reject
from . import calibration
from .gold import GoldSet
from .predict import story_for

L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
FOLDS = 5
CLIP = (0.01, 0.99)
Array = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Sample:
    """One coded event of a dev sentence: what the calibration sees and whether the event is right."""

    set: str  # gold format of the set it came from
    text: str  # the sentence (for the split and the CV folds)
    feats: dict[str, float]
    right: bool
    held_out: bool
    heuristic: float  # the coder's hand-set score


def samples(gold: GoldSet, coder: Coder, *, batch_size: int = 64, rejects: list[Reject] | None = None) -> list[Sample]:
    """Code every sentence of ``gold`` and return one ``Sample`` per event the gold can judge (sentences the
    coder rejects are added to ``rejects``)."""
    out: list[Sample] = []
    sents = gold.sentences
    rejected: list[Reject] = [] if rejects is None else rejects
    for lo in range(0, len(sents), batch_size):
        stories = [story_for(n, s, gold.path) for n, s in enumerate(sents[lo : lo + batch_size], start=lo)]
        for a in coder.analyze_batch(stories, rejected):
            sent = sents[int(a.story.id.removeprefix("gold-"))]
            for ev, rec in zip(a.events, a.records, strict=True):
                right = calibration.event_right(rec, sent.events, gold.kind)
                if right is None:
                    continue
                out.append(
                    Sample(
                        gold.format,
                        sent.text,
                        features(ev),
                        right,
                        calibration.held_out(sent.text),
                        float(ev.heuristic),
                    )
                )
    return out


def _matrix(rows: Sequence[dict[str, float]], names: Sequence[str]) -> Array:
    idx = {n: i + 1 for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, 0] = 1.0
    for r, feats in enumerate(rows):
        for k, v in feats.items():
            if k in idx:
                x[r, idx[k]] = v
    return x


def _sigmoid(z: Array) -> Array:
    out: Array = 1.0 / (1.0 + np.exp(-np.clip(z, -35.0, 35.0)))
    return out


def _newton(x: Array, y: Array, l2: float, iterations: int = 100) -> Array:
    """Weights (intercept first) minimising log loss + l2/2 · |w|² (intercept not penalised)."""
    d = x.shape[1]
    reg = np.full(d, l2)
    reg[0] = 1e-6
    w = np.zeros(d)
    for _ in range(iterations):
        p = _sigmoid(x @ w)
        grad = x.T @ (p - y) + reg * w
        hess = (x.T * (p * (1.0 - p))) @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w = w - step
        if float(np.max(np.abs(step))) < 1e-9:
            break
    return w


def log_loss(probs: Sequence[float], rights: Sequence[bool]) -> float | None:
    """Mean negative log-likelihood of ``rights`` under ``probs`` (``None`` when empty)."""
    if not probs:
        return None
    eps = 1e-12
    return -sum(math.log(max(p, eps) if r else max(1.0 - p, eps)) for p, r in zip(probs, rights, strict=True)) / len(
        probs
    )


def brier(probs: Sequence[float], rights: Sequence[bool]) -> float | None:
    """Mean squared difference between probability and outcome (``None`` when empty)."""
    if not probs:
        return None
    return sum((p - float(r)) ** 2 for p, r in zip(probs, rights, strict=True)) / len(probs)


def fit_l2(train: Sequence[Sample], l2: float) -> Calibration:
    """The logistic calibration of ``train`` with regularisation ``l2``."""
    names = sorted({k for s in train for k in s.feats})
    x = _matrix([s.feats for s in train], names)
    y = np.array([float(s.right) for s in train])
    w = _newton(x, y, l2)
    weights = {n: round(float(w[i + 1]), 4) for i, n in enumerate(names) if abs(float(w[i + 1])) >= 5e-5}
    return Calibration(round(float(w[0]), 4), weights, CLIP, "fit")


def cross_validate(train: Sequence[Sample], grid: Sequence[float] = L2_GRID, folds: int = FOLDS) -> dict[float, float]:
    """Mean held-out log loss per ``l2`` over ``folds`` folds (by sentence-text hash) of ``train``."""
    fold = [calibration.text_hash(s.text, "cv") % folds for s in train]
    out: dict[float, float] = {}
    for l2 in grid:
        losses: list[float] = []
        for k in range(folds):
            tr = [s for s, f in zip(train, fold, strict=True) if f != k]
            te = [s for s, f in zip(train, fold, strict=True) if f == k]
            if not tr or not te:
                continue
            model = fit_l2(tr, l2)
            loss = log_loss([model.probability(s.feats) for s in te], [s.right for s in te])
            if loss is not None:
                losses.append(loss * len(te))
        out[l2] = sum(losses) / len(train)
    return out


def fit(train: Sequence[Sample], grid: Sequence[float] = L2_GRID) -> tuple[Calibration, float, dict[float, float]]:
    """(calibration, chosen l2, CV log loss per l2) for the fit split ``train``; E610 when it is empty."""
    if not train or len({s.right for s in train}) < 2:
        raise error("E610", detail="the fit split needs right and wrong events")
    cv = cross_validate(train, grid)
    best = min(cv, key=lambda k: (cv[k], k))
    return fit_l2(train, best), best, cv


def noise_ece(probs: Sequence[float], draws: int = 500, seed: int = 0) -> tuple[float, float] | None:
    """(median, 95th percentile) of the ECE a *perfectly* calibrated model would show on events with these
    probabilities: outcomes drawn at random with each probability, ``draws`` times. An ECE within this range
    cannot be told from sampling noise; ``None`` without events."""
    if not probs:
        return None
    rng = np.random.default_rng(seed)
    p = np.array(probs)
    eces = sorted(
        float(calibration.reliability(zip(probs, (rng.random(len(p)) < p).tolist(), strict=True))["ece"] or 0.0)
        for _ in range(draws)
    )
    return eces[draws // 2], eces[min(draws - 1, int(draws * 0.95))]


def measure(model: Calibration, test: Sequence[Sample]) -> dict[str, object]:
    """Reliability (bins, ECE), log loss and Brier score of ``model`` on ``test``, the heuristic's ECE and the
    ECE range of sampling noise (``noise_ece``)."""
    probs = [model.probability(s.feats) for s in test]
    rights = [s.right for s in test]
    rel = calibration.reliability(zip(probs, rights, strict=True))
    heur = calibration.reliability((s.heuristic, s.right) for s in test)
    return {
        **rel,
        "log_loss": log_loss(probs, rights),
        "brier": brier(probs, rights),
        "heuristic_ece": heur["ece"],
        "noise_ece": noise_ece(probs),
    }


def to_yaml(model: Calibration, *, sets: Sequence[str], events: int, l2: float, held: dict[str, object]) -> str:
    """The calibration file's text (header comment, schema line, the fitted numbers)."""

    def r(v: object) -> float | None:
        return None if v is None else round(float(v), 4)  # type: ignore[arg-type]

    data = {
        "method": "logistic",
        "intercept": model.intercept,
        "weights": dict(sorted(model.weights.items())),
        "clip": list(model.clip),
        "fit": {
            "script": "benchmarks/calibrate.py",
            "sets": list(sets),
            "split": f"sentence-text hash, {round(calibration.HELD_OUT_SHARE * 100)}% held out",
            "events": events,
            "l2": l2,
        },
        "held_out": {
            "events": int(held["events"]),  # type: ignore[call-overload]
            "accuracy": r(held["accuracy"]),
            "ece": r(held["ece"]),
            "heuristic_ece": r(held["heuristic_ece"]),
            "log_loss": r(held["log_loss"]),
            "brier": r(held["brier"]),
        },
    }
    head = (
        "# The calibration of event confidence, read by events/confidence.py: confidence = sigmoid(intercept +\n"
        "# the weights of the event's features), clipped. Written by benchmarks/calibrate.py from the dev\n"
        "# gold sets (do not edit by hand: rerun the script). docs/evaluation.md explains it.\n"
        "# schema: events-calibration\n"
    )
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
