"""Calibrated confidence: features of an event, the dependency path, the model file and its loader."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from eventwire.errors import DictionaryError
from eventwire.events import confidence
from eventwire.events.confidence import Calibration, calibrate, certainty, features, origin, path_length
from eventwire.mentions import ActorMention, EventMention
from eventwire.story import Story

HEADER = "# test calibration\n# schema: events-calibration\n"


def _actor(rule: str, country: str | None = "AZE", sectors: tuple[str, ...] = ("GOV",), head: int = 0) -> ActorMention:
    return ActorMention(0, 5, head, head + 1, head, "Baku", country=country, sectors=sectors, rule=rule)


def _event(**kw: object) -> EventMention:
    base: dict[str, object] = dict(
        sentence_index=0,
        sentence_start=0,
        sentence_end=30,
        cameo="040",
        source=_actor("dict:countries.yaml"),
        target=None,
        trigger_start=5,
        trigger_end=8,
        trigger_tok=1,
        rule="verbs.yaml:meet/with",
        heuristic=0.8,
        source_path=1,
    )
    base.update(kw)
    return EventMention(**base)  # type: ignore[arg-type]


def test_origin_reads_the_rule_and_the_frame_kind() -> None:
    assert origin("verbs.yaml:meet/with", "verb") == ("verb", None)
    assert origin("lightverbs.yaml:hold+talk", "light") == ("light", None)
    assert origin("nouns.yaml:ceasefire", "noun") == ("noun", None)
    assert origin("modality.yaml:speech:say", "verb") == ("statement", None)
    assert origin("modality.yaml:obligation:demand+verbs.yaml:leave", "verb") == ("obligation", None)
    assert origin("modality.yaml:future+verbs.yaml:visit", "verb") == ("future", None)
    assert origin("modality.yaml:negated-future+verbs.yaml:visit", "verb") == ("future", None)
    assert origin("modality.yaml:conditional-threaten+verbs.yaml:attack", "verb") == ("conditional", None)
    assert origin("modality.yaml:intent:plan+verbs.yaml:visit", "verb") == ("family", "intent")


def test_actor_certainty_tells_dictionary_from_memory_and_fallbacks() -> None:
    assert certainty(None) == "none"
    assert certainty(_actor("dict:persons.yaml")) == "dict"
    assert certainty(_actor("memory:pronoun")) == "memory"
    assert certainty(_actor("sentence-country")) == "fallback"
    assert certainty(_actor("role:minister")) == "fallback"


def test_features_name_origin_root_actors_paths_and_siblings() -> None:
    ev = _event(target=_actor("role:police", country=None, sectors=("COP",), head=4), target_path=6, siblings=5)
    f = features(ev)
    assert f["heuristic"] == 0.8
    for name in (
        "origin=verb",
        "quad=1",
        "modality=asserted",
        "source=dict",
        "source_path=p1",
        "target=fallback",
        "target_nocountry",
        "target_path=p4",
        "siblings=n3",
    ):
        assert f[name] == 1.0, name
    assert "source_sectorless" not in f and "target_sectorless" not in f
    g = features(_event(source=None, source_path=None))
    assert g["source=none"] == 1.0 and not any(k.startswith("source_path") for k in g)
    far = features(_event(source_path=None))
    assert far["source_path=far"] == 1.0


def test_every_feature_name_is_one_the_loader_accepts() -> None:
    ev = _event(target=_actor("memory:it", sectors=()), target_path=2)
    model = confidence.parse({"intercept": 0.0, "weights": dict.fromkeys(features(ev), 0.1)}, "test")
    assert set(model.weights) == set(features(ev))


def test_probability_is_the_sigmoid_of_the_weighted_features_clipped() -> None:
    m = Calibration(-1.0, {"origin=verb": 2.0, "heuristic": 1.0}, (0.05, 0.95))
    assert m.probability({"origin=verb": 1.0, "heuristic": 0.5}) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert m.probability({"origin=noun": 1.0}) == pytest.approx(1 / (1 + math.exp(1.0)))  # no weight: 0
    assert m.probability({"origin=verb": 1.0, "heuristic": 100.0}) == 0.95
    assert m.probability({"heuristic": -100.0}) == 0.05


def test_calibrate_sets_siblings_and_a_probability() -> None:
    evs = [_event(), _event(cameo="173", heuristic=0.3)]
    m = Calibration(0.0, {"siblings=n2": -1.0, "heuristic": 2.0})
    out = calibrate(evs, m)
    assert [e.siblings for e in out] == [2, 2]
    assert out[0].confidence == round(1 / (1 + math.exp(-(-1.0 + 1.6))), 3)
    assert out[0].confidence > out[1].confidence


def test_the_shipped_calibration_loads_and_coded_events_are_probabilities(coder) -> None:
    model = confidence.load()
    assert model.weights and 0.0 <= model.clip[0] < model.clip[1] <= 1.0
    text = (
        "Police arrested three protesters in Ganja on Monday. Azerbaijan's foreign minister met his Turkish "
        "counterpart in Baku and said Ankara would send aid."
    )
    a = coder.analyze(Story(id="s", text=text))
    assert a.events
    for ev, rec in zip(a.events, a.records, strict=True):
        assert 0.0 <= ev.confidence <= 1.0 and rec["confidence"] == ev.confidence
        assert ev.confidence == round(model.probability(features(ev)), 3)
        assert ev.siblings >= 1 and ev.kind in ("verb", "light", "noun")


def test_path_length_follows_the_parse(nlp) -> None:
    doc = nlp("Police arrested three protesters in Ganja.")
    verb = next(t for t in doc if t.lemma_ == "arrest")
    police = next(t for t in doc if t.text == "Police")
    ganja = next(t for t in doc if t.text == "Ganja")
    assert path_length(verb, _actor("dict:x", head=police.i)) == 1
    assert path_length(verb, _actor("dict:x", head=ganja.i)) == 2  # arrested -> in -> Ganja
    assert path_length(verb, None) is None
    two = nlp("Police arrested three protesters. Ministers met in Baku.")
    met = next(t for t in two if t.lemma_ == "meet")
    assert path_length(met, _actor("dict:x", head=0)) is None  # another sentence


def _write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "calibration.yaml"
    p.write_text(HEADER + body, "utf-8")
    return p


def test_loader_reads_a_valid_file(tmp_path: Path) -> None:
    p = _write(tmp_path, "method: logistic\nintercept: 0.5\nweights:\n  origin=noun: -1.0\nclip: [0.1, 0.9]\n")
    m = confidence.load(p)
    assert m.intercept == 0.5 and m.weights == {"origin=noun": -1.0} and m.clip == (0.1, 0.9)


@pytest.mark.parametrize(
    ("body", "code", "needle"),
    [
        ("method: logistic\nweights: {}\n", "E332", "intercept"),
        ("method: isotonic\nintercept: 0\nweights: {}\n", "E332", "method"),
        ("method: logistic\nintercept: 0\nweights:\n  origin=verb: high\n", "E332", "origin=verb"),
        ("method: logistic\nintercept: 0\nweights:\n  shoe_size=p4: 1.0\n", "E340", "shoe_size"),
        ("method: logistic\nintercept: 0\nweights: {}\nclip: [0.9, 0.1]\n", "E341", "0.9"),
        ("method: logistic\nintercept: 0\nweights: {}\nbias: 1\n", "E332", "bias"),
    ],
)
def test_loader_rejects_a_bad_file_naming_the_problem(tmp_path: Path, body: str, code: str, needle: str) -> None:
    with pytest.raises(DictionaryError) as e:
        confidence.load(_write(tmp_path, body))
    assert e.value.code == code and needle in str(e.value)


def test_loader_needs_the_schema_header(tmp_path: Path) -> None:
    p = tmp_path / "calibration.yaml"
    p.write_text("method: logistic\nintercept: 0\nweights: {}\n", "utf-8")
    with pytest.raises(DictionaryError) as e:
        confidence.load(p)
    assert e.value.code == "E330"
