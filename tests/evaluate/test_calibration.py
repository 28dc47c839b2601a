"""Calibration measures (reliability, ECE, what "right" means, the split), the fit, and actor span scores."""

from __future__ import annotations

import math
from typing import Any

import pytest

from eventwire.errors import EvalError
from eventwire.evaluate import calibration, fit
from eventwire.evaluate.gold import GoldEvent
from eventwire.evaluate.readers._common import occurrences
from eventwire.evaluate.spans import span_hit


def test_ece_of_a_hand_made_example() -> None:
    # 10 bins [0, 0.1) ... [0.9, 1.0]; 1.0 falls in the last one
    pairs = [
        (0.25, False),  # bin 0.2-0.3: mean conf 0.25, accuracy 0 → gap 0.25
        (0.25, False),
        (0.35, True),  # bin 0.3-0.4: mean 0.35, accuracy 1 → gap 0.65
        (0.9, True),  # bin 0.9-1.0: mean 0.95, accuracy 0.5 → gap 0.45
        (1.0, False),
    ]
    cal = calibration.reliability(pairs)
    assert cal["events"] == 5
    assert cal["accuracy"] == pytest.approx(2 / 5)
    assert cal["mean_confidence"] == pytest.approx((0.25 + 0.25 + 0.35 + 0.9 + 1.0) / 5)
    assert cal["ece"] == pytest.approx((2 * 0.25 + 1 * 0.65 + 2 * 0.45) / 5)
    rows = {(b["lo"], b["hi"]): b for b in cal["bins"]}
    assert len(cal["bins"]) == 10
    assert rows[(0.2, 0.3)]["count"] == 2 and rows[(0.2, 0.3)]["accuracy"] == 0.0
    assert rows[(0.9, 1.0)]["count"] == 2 and rows[(0.9, 1.0)]["confidence"] == pytest.approx(0.95)
    assert rows[(0.0, 0.1)]["count"] == 0 and rows[(0.0, 0.1)]["accuracy"] is None


def test_a_perfectly_calibrated_set_has_ece_zero_and_an_empty_one_has_none() -> None:
    pairs = [(0.75, True)] * 3 + [(0.75, False)] + [(0.05, False)] * 4
    assert calibration.reliability(pairs)["ece"] == pytest.approx(0.05 * 4 / 8)
    assert calibration.reliability([(0.5, True), (0.5, False)])["ece"] == pytest.approx(0.0)
    empty = calibration.reliability([])
    assert empty["ece"] is None and empty["events"] == 0 and empty["accuracy"] is None
    with pytest.raises(ValueError):
        calibration.reliability([], bins=0)


def test_reliability_renders_as_text_and_markdown() -> None:
    cal = calibration.reliability([(0.25, False), (0.85, True)])
    text = calibration.render(cal, "t")
    assert "ECE 0.200" in text and "0.2-0.3" in text and "0.8-0.9" in text and "0.0-0.1" not in text
    md = calibration.markdown(cal)
    assert md.splitlines()[0].startswith("| confidence |") and "| 0.8–0.9 | 1 | 0.850 | 1.000 |" in md


def _rec(code: str, src: str | None, tgt: str | None, plover: str | None = "X") -> dict[str, Any]:
    def a(c: str | None) -> dict[str, Any] | None:
        return None if c is None else {"code": c, "start": 0, "end": 1}

    return {
        "cameo": code,
        "source": a(src),
        "target": a(tgt),
        "plover": None if plover is None else {"event": plover, "mode": None},
    }


def test_right_for_cameo_gold_is_root_and_actor_countries() -> None:
    gold = [GoldEvent(cameo="042", root="04", sources=("USAGOV",), targets=("CHN",))]
    assert calibration.event_right(_rec("040", "USA", "CHNGOV"), gold, "cameo") is True  # root, countries
    assert calibration.event_right(_rec("051", "USA", "CHN"), gold, "cameo") is False  # root differs
    assert calibration.event_right(_rec("042", "USA", "RUS"), gold, "cameo") is False  # target differs
    assert calibration.event_right(_rec("042", "USA", None), gold, "cameo") is False  # target missing
    no_target = [GoldEvent(root="04", sources=("USA",))]
    assert calibration.event_right(_rec("042", "USAGOV", "RUS"), no_target, "cameo") is True  # not checked
    assert calibration.event_right(_rec("042", "USA", "CHN"), [], "cameo") is False  # gold: no event


def test_right_for_plover_and_penta_gold() -> None:
    gold = [GoldEvent(plover="AGREE", sources=("HUN", "ROU"))]
    assert calibration.event_right(_rec("030", "ROUGOV", None, "AGREE"), gold, "plover") is True
    assert calibration.event_right(_rec("030", "SRB", None, "AGREE"), gold, "plover") is False
    assert calibration.event_right(_rec("010", "HUN", None, None), gold, "plover") is None  # cannot judge
    penta = [GoldEvent(penta=4)]
    assert calibration.event_right(_rec("173", None, "AZE"), penta, "penta") is True
    assert calibration.event_right(_rec("040", "AZE", "TUR"), penta, "penta") is False


def test_the_split_is_by_sentence_text_and_stable() -> None:
    a = "Police arrested three protesters in Ganja."
    assert calibration.held_out(a) == calibration.held_out("  police ARRESTED three   protesters in Ganja. ")
    texts = [f"Sentence number {i} of the test." for i in range(2000)]
    share = sum(map(calibration.held_out, texts)) / len(texts)
    assert 0.25 < share < 0.35
    assert calibration.text_hash(a) != calibration.text_hash(a, "cv")


def _sample(feats: dict[str, float], right: bool, i: int) -> fit.Sample:
    return fit.Sample("t", f"sentence {i}", feats, right, False, feats.get("heuristic", 0.5))


def test_the_logistic_fit_recovers_the_rates_of_its_features() -> None:
    data: list[fit.Sample] = []
    for i in range(400):
        verb = i % 2 == 0
        right = (i // 2) % 5 != 0 if verb else (i // 2) % 5 == 0  # verbs right 80 %, nouns 20 %
        data.append(_sample({"origin=verb" if verb else "origin=noun": 1.0}, right, i))
    model = fit.fit_l2(data, 0.01)
    assert model.probability({"origin=verb": 1.0}) == pytest.approx(0.8, abs=0.01)
    assert model.probability({"origin=noun": 1.0}) == pytest.approx(0.2, abs=0.01)
    best, l2, cv = fit.fit(data, grid=(0.01, 100.0))
    assert l2 == 0.01 and cv[0.01] < cv[100.0]  # a strong penalty pulls both towards 0.5: worse log loss
    held = fit.measure(best, data)
    assert held["ece"] == pytest.approx(0.0, abs=0.02) and held["log_loss"] == pytest.approx(
        -(0.8 * math.log(0.8) + 0.2 * math.log(0.2)), abs=0.01
    )


def test_fit_needs_right_and_wrong_events() -> None:
    with pytest.raises(EvalError) as e:
        fit.fit([_sample({"origin=verb": 1.0}, True, i) for i in range(10)])
    assert e.value.code == "E610"


def test_the_written_file_loads_back(tmp_path) -> None:
    from eventwire.events import confidence

    data = [_sample({"origin=verb": 1.0, "heuristic": 0.1 * (i % 10)}, i % 3 != 0, i) for i in range(60)]
    model = fit.fit_l2(data, 1.0)
    held = fit.measure(model, data)
    p = tmp_path / "calibration.yaml"
    p.write_text(fit.to_yaml(model, sets=["t"], events=60, l2=1.0, held=held), "utf-8")
    back = confidence.load(p)
    assert back.intercept == model.intercept and dict(back.weights) == dict(model.weights)


def test_span_hits_exact_and_overlap() -> None:
    text = "Senior Hungarian and Romanian officials agreed on Wednesday."
    assert occurrences(text, "Romanian") == ((21, 29),)
    assert occurrences(text, "romanian officials") == ((21, 39),)  # case-insensitive fallback
    gold = GoldEvent(plover="AGREE", source_spans=((7, 16), (21, 29)))
    exact = {"source": {"start": 7, "end": 16}, "target": None}
    wide = {"source": {"start": 0, "end": 39}, "target": None}
    off = {"source": {"start": 40, "end": 46}, "target": None}
    assert span_hit(text, exact, gold, "source") == (True, True)
    assert span_hit(text, wide, gold, "source") == (False, True)
    assert span_hit(text, off, gold, "source") == (False, False)
    assert span_hit(text, None, gold, "source") == (False, False)
    assert span_hit(text, exact, gold, "target") is None  # no gold span
    the = "The United States will remove irritants."
    gold_us = GoldEvent(plover="CONCEDE", source_spans=((4, 17),))
    assert span_hit(the, {"source": {"start": 0, "end": 17}}, gold_us, "source") == (True, True)


def test_right_for_penta_gold_with_spans_needs_the_actors_too() -> None:
    gold = [GoldEvent(penta=4, source_spans=((0, 6),), target_spans=((14, 21),))]
    ok = {"cameo": "190", "source": {"code": "---REB", "start": 0, "end": 6}, "target": {"start": 14, "end": 30}}
    assert calibration.event_right(ok, gold, "penta") is True
    wrong_target = {**ok, "target": {"start": 25, "end": 30}}
    assert calibration.event_right(wrong_target, gold, "penta") is False
    assert calibration.event_right({**ok, "target": None}, gold, "penta") is False
    only_source = [GoldEvent(penta=4, source_spans=((0, 6),))]
    assert calibration.event_right({**ok, "target": None}, only_source, "penta") is True


def test_noise_ece_is_the_ece_of_perfect_calibration_and_shrinks_with_more_events() -> None:
    few = fit.noise_ece([0.7] * 30)
    many = fit.noise_ece([0.7] * 3000)
    assert few is not None and many is not None
    assert 0.0 <= few[0] <= few[1] and many[1] < few[0]  # more events, less noise
    assert fit.noise_ece([0.7] * 30) == few  # seeded: the same figures every run
    assert fit.noise_ece([]) is None


@pytest.mark.slow
def test_the_fitting_script_refits_on_the_dev_sets(shared, coder, tmp_path, capsys) -> None:
    import importlib.util
    import json
    from pathlib import Path

    import yaml

    from eventwire.events import confidence

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "calibrate.py"
    spec = importlib.util.spec_from_file_location("calibrate_script", path)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "calibration.yaml"
    try:
        assert script.main(["--shared", str(shared), "--out", str(out), "--json"]) == 0
    finally:
        confidence.override(None)  # the script codes with a neutral model; back to the shipped file
    report = json.loads(capsys.readouterr().out)
    assert report["sets"] == ["plover-gsr", "penta-tsv", "petr"] and report["events"]["held_out"] > 100
    held = report["held_out"]
    assert held["ece"] < held["heuristic_ece"]  # calibrated beats the hand-set score on unseen sentences
    assert held["ece"] <= held["noise_ece"][1] + 0.05  # near what chance allows a perfect model
    model = confidence.load(out)  # the written file loads and says what it was fitted on
    assert model.weights and "origin=verb" in model.weights
    written = yaml.safe_load(out.read_text("utf-8"))
    assert written["held_out"]["ece"] == round(held["ece"], 4) and written["fit"]["sets"] == report["sets"]
