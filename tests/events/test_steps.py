"""The event coder as named steps: the step list, what each step reads and adds, and the data they read."""

from __future__ import annotations

import ast
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import eventwire.events as events_pkg
from eventwire.errors import DictionaryError
from eventwire.events import EventCoder, cameo, steps, tables
from eventwire.events.coder import GIVEN, STEPS, SentenceCoder
from eventwire.mentions import ActorIndex
from eventwire.story import Story

EVENTS = Path(events_pkg.__file__).resolve().parent
SCHEMAS = Path(events_pkg.__file__).resolve().parents[1] / "schema" / "data"
STEP_NAMES = ["triggers", "families", "verbs", "obligations", "nouns", "subordinate", "story_context", "statements"]


def test_the_coder_declares_its_steps_in_order() -> None:
    assert [m.__name__.rsplit(".", 1)[-1] for m in STEPS] == STEP_NAMES
    assert all(m.__name__.startswith(steps.__name__ + ".") for m in STEPS)


@pytest.mark.parametrize("step", STEPS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_each_step_declares_what_it_reads_and_adds(step: Any) -> None:
    for name in ("READS", "ADDS"):
        value = getattr(step, name)
        assert isinstance(value, tuple) and value and all(isinstance(x, str) and x for x in value), name
    assert callable(step.run)
    doc = step.__doc__ or ""
    assert "READS:" in doc and "ADDS:" in doc


def test_a_step_reads_only_what_the_sentence_starts_with_or_an_earlier_step_added() -> None:
    have = set(GIVEN)
    for step in STEPS:
        missing = set(step.READS) - have
        assert not missing, f"{step.__name__} reads {sorted(missing)} before any step adds it"
        have |= set(step.ADDS)


def test_every_module_of_the_coder_says_what_it_reads_and_adds() -> None:
    helpers = ["roles", "actors", "match", "governors", "adjustments", "emit"]
    paths = [EVENTS / f"{h}.py" for h in helpers] + sorted((EVENTS / "steps").glob("[!_]*.py"))
    for path in paths:
        doc = ast.get_docstring(ast.parse(path.read_text("utf-8"))) or ""
        assert "READS:" in doc and "ADDS:" in doc, path.name


def _run_recorded(monkeypatch: pytest.MonkeyPatch, nlp: Any, text: str) -> list[str]:
    ran: list[str] = []
    for step in STEPS:
        real = step.run

        def recorded(st: Any, s: Any, _real: Any = real, _name: str = step.__name__) -> None:
            ran.append(_name.rsplit(".", 1)[-1])
            _real(st, s)

        monkeypatch.setattr(step, "run", recorded)
    ec = EventCoder()
    doc = nlp(text)
    sc = SentenceCoder(ec.patterns, ec.guards, ActorIndex([]), None)
    for sent in doc.sents:
        sc.code_sentence(sent)
    return ran


def test_the_coder_runs_the_steps_in_order(monkeypatch: pytest.MonkeyPatch, nlp: Any) -> None:
    assert _run_recorded(monkeypatch, nlp, "Russia and China held talks in Beijing.") == STEP_NAMES


def test_a_sentence_without_a_trigger_stops_after_the_first_step(monkeypatch: pytest.MonkeyPatch, nlp: Any) -> None:
    assert _run_recorded(monkeypatch, nlp, "The weather was fine.") == ["triggers"]


def test_the_steps_code_a_sentence_end_to_end(coder: Any) -> None:
    got = {
        (e["cameo"], e["source"]["code"], e["target"]["code"])
        for e in coder.analyze(Story(id="s", text="Russia and China held talks in Beijing.")).records
    }
    assert got == {("046", "RUS", "CHN"), ("046", "CHN", "RUS")}


# -- the data the steps read --------------------------------------------------------------------------------


def test_the_word_lists_load() -> None:
    w = tables.load_words()
    assert {"monday", "sunday", "may", "december", "weekend", "behalf"} <= w.time_words  # calendar + time nouns
    assert w.time_nouns < w.time_words and len(w.time_words - w.time_nouns) == 12 + 7
    assert "on" in w.temporal_preps and "off" in w.adverb_particles  # YAML booleans kept as words
    assert w.location_preps[0] == "in" and isinstance(w.inner_target_preps, tuple)  # order kept
    for name in w.__dataclass_fields__:
        assert getattr(w, name), name


def test_the_codes_load_and_are_codebook_codes() -> None:
    c = tables.load_codes()
    assert c.accusation == "112" and c.claim_responsibility == "015" and "19" in c.alleged_violence_roots
    for name in c.__dataclass_fields__:
        value = getattr(c, name)
        values = [value] if isinstance(value, str) else sorted(value)
        assert values, name
        if not name.endswith("_sectors"):
            assert all(cameo.is_code(v) for v in values), name


def test_the_complement_rules_load() -> None:
    r = tables.load_complement_rules()
    assert r.slots("appeal") == ("for",) and r.slots("no-such-family") == ("obj",)
    assert "demand" in r.clause_any and "threaten" in r.clause_future


@pytest.mark.parametrize(
    "name,kind",
    [("words.yaml", "events-words"), ("codes.yaml", "events-codes"), ("complements.yaml", "events-complements")],
)
def test_the_new_data_files_name_and_follow_their_schema(name: str, kind: str) -> None:
    text = resources.files("eventwire.events").joinpath("data", name).read_text("utf-8")
    assert f"# schema: {kind}" in text.split("\n\n", 1)[0]  # in the header comment
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load(text)
    jsonschema.validate(data, schema)
    bad = dict(data)
    bad[next(iter(bad))] = 7
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


@pytest.mark.parametrize(
    "loader,bad",
    [
        ("load_words", {"time_nouns": ["day"]}),
        (
            "load_codes",
            {
                **yaml.safe_load(resources.files("eventwire.events").joinpath("data", "codes.yaml").read_text("utf-8")),
                "codes": {"accusation": "999"},
            },
        ),
    ],
)
def test_a_bad_table_is_an_error(monkeypatch: pytest.MonkeyPatch, loader: str, bad: Any) -> None:
    load = getattr(tables, loader)
    monkeypatch.setattr(tables, "load_yaml", lambda package, name: bad)
    load.cache_clear()
    try:
        with pytest.raises(DictionaryError):
            load()
    finally:
        load.cache_clear()


def test_no_cameo_code_literal_in_the_coder() -> None:
    """CAMEO codes are data (codes.yaml) or the codebook (cameo.py)."""
    allowed = {"cameo.py"}
    literal = re.compile(r"""["'][0-9]{2,4}["']""")
    for path in [*EVENTS.glob("*.py"), *(EVENTS / "steps").glob("*.py")]:
        if path.name in allowed:
            continue
        hits = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if literal.search(line)]
        assert not hits, f"{path.name}: lines {hits}"


def test_the_coder_modules_and_functions_stay_small() -> None:
    for path in [*EVENTS.glob("*.py"), *(EVENTS / "steps").glob("*.py")]:
        text = path.read_text("utf-8")
        assert text.count("\n") < 500, path.name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno is not None and node.end_lineno - node.lineno < 80, f"{path.name}:{node.name}"
