"""Metric arithmetic and sentence scoring on hand-built predictions (expected values computed by hand)."""

from __future__ import annotations

import pytest

from eventwire.evaluate import metrics
from eventwire.evaluate.gold import GoldEvent, GoldSentence, GoldSet
from eventwire.evaluate.predict import Prediction
from eventwire.evaluate.report import render
from eventwire.evaluate.score import choose, score
from eventwire.events import plover


def rec(code: str, src: str | None = None, tgt: str | None = None, conf: float = 0.5, start: int = 0) -> dict:
    """A minimal event record, as far as scoring reads it."""

    def actor(c: str | None) -> dict | None:
        return None if c is None else {"code": c, "country": c[:3]}

    return {
        "cameo": code,
        "root": code[:2],
        "plover": plover.project(code),
        "confidence": conf,
        "source": actor(src),
        "target": actor(tgt),
        "rule": "test",
        "evidence": {"trigger": {"start": start, "end": start + 3, "text": "xyz"}},
    }


def sent(i: int, *events: GoldEvent) -> GoldSentence:
    return GoldSentence(id=f"s{i}", text=f"sentence {i}", origin=f"test:{i}", events=list(events))


# -- pure arithmetic ----------------------------------------------------------------------------------
def test_prf_and_empty_denominators():
    assert metrics.prf(2, 5, 4) == {
        "tp": 2,
        "predicted": 5,
        "gold": 4,
        "precision": 0.4,
        "recall": 0.5,
        "f1": pytest.approx(4 / 9),
    }
    assert metrics.prf(0, 0, 3)["precision"] is None and metrics.prf(0, 0, 3)["f1"] is None
    assert metrics.prf(0, 2, 3)["f1"] == 0.0
    assert metrics.accuracy([])["value"] is None


def test_set_prf_is_micro():
    s = metrics.set_prf([({1, 2}, {2, 3}), ({4}, set()), (set(), {5})])
    assert (s["tp"], s["predicted"], s["gold"]) == (1, 3, 3)
    assert s["f1"] == pytest.approx(1 / 3)


def test_per_class_and_confusion():
    pairs = [("0", "0"), ("1", "1"), ("3", "4"), ("4", "4"), ("4", "3")]
    pc = metrics.per_class(pairs)
    assert pc["classes"]["4"]["precision"] == 0.5 and pc["classes"]["4"]["recall"] == 0.5
    assert pc["classes"]["3"]["f1"] == 0.0
    assert pc["macro_f1"] == pytest.approx((1 + 1 + 0 + 0.5) / 4)
    c = metrics.confusion([("04", "04"), ("17", "none"), ("03", "04")])
    assert c["labels"] == ["03", "04", "17", "none"]
    assert c["matrix"] == {"04": {"04": 1}, "17": {"none": 1}, "03": {"04": 1}}


# -- choosing the sentence's label --------------------------------------------------------------------
def test_choose_highest_confidence_then_first_trigger():
    a, b, c = rec("043", conf=0.9, start=30), rec("190", conf=0.5, start=0), rec("042", conf=0.9, start=10)
    assert choose([a, b, c], "cameo") is c
    assert choose([], "cameo") is None
    # PLOVER gold: records without a PLOVER category are not candidates
    assert choose([rec("010", conf=0.99), b], "plover") is b
    assert choose([rec("010")], "plover") is None


# -- whole reports ------------------------------------------------------------------------------------
def test_score_cameo_gold():
    gold = GoldSet(
        "g",
        "jsonl",
        "cameo",
        [
            sent(1, GoldEvent(cameo="042", root="04", sources=("FIN",), targets=("EST",))),
            sent(
                2,
                GoldEvent(cameo="0311", root="03", sources=("PRT",), targets=("ESP",)),
                GoldEvent(cameo="0311", root="03", sources=("ESP",), targets=("PRT",)),
            ),
            sent(3),
            sent(4, GoldEvent(cameo="173", root="17", targets=("MLTCRM",))),
        ],
    )
    preds = [
        Prediction([rec("043", "FIN", "EST", 0.9), rec("190", "FIN", "EST", 0.5)]),
        Prediction([rec("0311", "ESP", "PRT", 0.7, start=10), rec("0311", "PRT", "ESP", 0.7, start=5)]),
        Prediction([rec("010", conf=0.3)]),
        Prediction([]),
    ]
    r, errors = score(gold, preds)
    assert r["counts"] == {
        "sentences": 4,
        "gold_events": 4,
        "predicted_events": 5,
        "sentences_without_prediction": 1,
        "rejected": 0,
        "no_event_sentences": 1,
        "no_event_sentences_with_prediction": 1,
    }
    acc = {k: (v["correct"], v["total"]) for k, v in r["accuracy"].items()}
    assert acc == {"code": (1, 3), "root": (2, 3), "quad": (2, 3), "penta": (2, 3)}
    act = {k: (v["correct"], v["total"]) for k, v in r["actors"].items()}
    assert act == {"source_code": (2, 2), "source_country": (2, 2), "target_code": (2, 3), "target_country": (2, 3)}
    t = r["triples"]["code"]
    assert (t["tp"], t["predicted"], t["gold"]) == (2, 5, 4)
    assert t["precision"] == 0.4 and t["recall"] == 0.5 and t["f1"] == pytest.approx(4 / 9)
    t = r["triples"]["root"]
    assert (t["tp"], t["predicted"], t["gold"]) == (3, 5, 4) and t["f1"] == pytest.approx(2 / 3)
    t = r["triples"]["country"]  # same as "code" here: every actor code is a bare country or sector code
    assert (t["tp"], t["predicted"], t["gold"]) == (2, 5, 4)
    assert r["classes"]["root"]["macro_f1"] == pytest.approx(2 / 3)
    assert r["confusion"]["matrix"] == {"04": {"04": 1}, "03": {"03": 1}, "17": {"none": 1}}
    assert [e["id"] for e in errors] == ["s3", "s4"]
    text = render(r)
    assert "exact CAMEO code" in text and "0.333" in text and "confusion (CAMEO root" in text


def test_score_plover_gold():
    gold = GoldSet(
        "g",
        "plover-gsr",
        "plover",
        [
            sent(1, GoldEvent(plover="AGREE", sources=("NOR", "DNK"))),
            sent(2, GoldEvent(plover="REQUEST", sources=("CHL",), targets=("PER",))),
        ],
    )
    preds = [
        Prediction([rec("036", "NORGOV", None, 0.6), rec("010", conf=0.9)]),
        Prediction([rec("020", "CHL", "PER", 0.8)]),
    ]
    r, errors = score(gold, preds)
    assert r["accuracy"]["plover"]["correct"] == 1 and r["accuracy"]["plover"]["total"] == 2
    assert r["counts"]["sentences_without_prediction"] == 1
    assert {k: (v["correct"], v["total"]) for k, v in r["actors"].items()} == {
        "source_country": (1, 2),
        "target_country": (0, 1),
    }
    t = r["triples"]["plover"]
    assert (t["tp"], t["predicted"], t["gold"]) == (1, 1, 3) and t["f1"] == pytest.approx(0.5)
    assert r["confusion"]["matrix"] == {"AGREE": {"AGREE": 1}, "REQUEST": {"none": 1}}
    assert [e["id"] for e in errors] == ["s2"]


def test_score_penta_gold_no_event_is_class_0():
    labels = [0, 1, 3, 4, 4]
    gold = GoldSet("g", "penta-tsv", "penta", [sent(i, GoldEvent(penta=p)) for i, p in enumerate(labels)])
    preds = [
        Prediction([]),
        Prediction([rec("036")]),
        Prediction([rec("190")]),
        Prediction([rec("190")]),
        Prediction([rec("112")]),
    ]
    r, _ = score(gold, preds)
    assert (r["accuracy"]["penta"]["correct"], r["accuracy"]["penta"]["total"]) == (3, 5)
    assert r["classes"]["penta"]["macro_f1"] == pytest.approx(0.625)
    assert r["actors"] == {} and r["triples"] == {}
    assert r["counts"]["sentences_without_prediction"] == 1
