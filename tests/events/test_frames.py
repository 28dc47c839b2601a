"""The pattern data files load, compile and validate."""

from __future__ import annotations

from importlib import resources

import pytest

from eventwire._data import load_text
from eventwire.errors import DictionaryError
from eventwire.events import EventCoder, cameo, frames


def test_all_pattern_files_are_loaded() -> None:
    p = frames.load()
    folder = resources.files("eventwire.events").joinpath("data")
    expected = sorted(
        f.name
        for f in folder.iterdir()
        if f.name.endswith(".yaml") and f.name.startswith(("verbs", "nouns", "lightverbs", "modality"))
    )
    assert sorted(p.files) == expected
    assert {"verbs.yaml", "nouns.yaml", "lightverbs.yaml", "modality.yaml"} <= set(p.files)


def test_every_code_is_a_cameo_code() -> None:
    p = frames.load()
    all_frames = (
        [f for fs in p.verbs.values() for f in fs]
        + [f for fs in p.nouns.values() for f in fs]
        + [f for fs in p.light.values() for f in fs]
    )
    assert all(cameo.is_code(f.code) for f in all_frames)
    for fam in p.modality.families.values():
        assert cameo.is_code(fam.default) and all(cameo.is_code(c) for c in fam.map.values())


def test_all_twenty_roots_are_covered() -> None:
    p = frames.load()
    codes = {f.code for fs in list(p.verbs.values()) + list(p.nouns.values()) + list(p.light.values()) for f in fs}
    codes |= {c for fam in p.modality.families.values() for c in fam.map.values()}
    codes |= set(p.modality.speech.values())
    assert {c[:2] for c in codes} >= set(cameo.ROOTS)
    for must in ("040", "041", "042", "043", "044", "045", "046", "057", "063", "173"):
        assert must in codes, must


def test_frames_are_sorted_most_specific_first() -> None:
    p = frames.load()
    for fs in p.verbs.values():
        specs = [f.specificity for f in fs]
        assert specs == sorted(specs, reverse=True)
    shoot = p.verbs["shoot"]
    assert shoot[0].prt == "down"


def test_rules_name_file_and_lemma() -> None:
    p = frames.load()
    assert p.verbs["meet"][0].rule.startswith("verbs.yaml:meet")
    assert p.light[("hold", "talk")][0].rule.startswith("lightverbs.yaml:hold")


def test_yaml_booleans_are_read_as_prepositions() -> None:
    # YAML 1.1 reads a bare `on` as true: the compiler maps it back to the preposition
    p = frames.load()
    assert "on" in p.light[("impose", "sanction")][0].tgt


def test_trigger_lemmas() -> None:
    ec = EventCoder()
    assert {"meet", "attack", "hold", "say", "refuse", "talk"} <= ec.trigger_lemmas
    assert ec.has_trigger(["the", "attack"])
    assert not ec.has_trigger(["the", "weather", "be", "fine"])


def test_bad_code_is_a_dictionary_error() -> None:
    comp = frames._Compiler()
    with pytest.raises(DictionaryError) as e:
        comp.frame("verb", "meet", {"code": "999"}, "verbs_test.yaml")
    assert "verbs_test.yaml" in str(e.value) and "999" in str(e.value)


def test_unknown_key_and_class_are_errors() -> None:
    # an unknown pattern key is caught by the verbs schema at load (file, line and field in the message)
    with pytest.raises(DictionaryError) as e:
        load_text("# schema: events-verbs\nverbs:\n  meet:\n    code: '040'\n    target: obj\n", "verbs_test.yaml")
    assert "verbs_test.yaml:5" in str(e.value) and "target" in str(e.value)
    comp = frames._Compiler()
    with pytest.raises(DictionaryError):
        comp.frame("verb", "meet", {"code": "040", "obj": "@no_such_class"}, "verbs_test.yaml")
