"""Acceptance: the AZERTAC story of 8 October 2019 (../shared/examples)."""

from __future__ import annotations

import pytest

from eventwire.ingest import read_paths
from eventwire.mentions import ActorIndex
from eventwire.story import Story


@pytest.fixture(scope="module")
def analysis(coder, shared):
    path = shared / "examples" / "azertac-2019-10-08.txt"
    items = [s for s in read_paths([str(path)]) if isinstance(s, Story)]
    assert len(items) == 1
    story = items[0]
    assert story.text.lstrip().startswith("Azerbaijan")
    return coder.analyze(story)


def _covering(analysis, needle: str, nth: int = 1):
    text = analysis.story.text
    i = -1
    for _ in range(nth):
        i = text.find(needle, i + 1)
        assert i >= 0, f"{needle!r} not found {nth} times"
    return [m for m in analysis.actors if m.start <= i and i + len(needle) <= m.end]


def test_hasanov_is_aze_gov_mil(analysis) -> None:
    ms = _covering(analysis, "Zakir Hasanov")
    assert ms and ms[0].country == "AZE" and {"GOV", "MIL"} <= set(ms[0].sectors)
    assert ms[0].name == "Zakir Hasanov"
    # the phrase's head is the title, found by the event coder through the subject token
    assert analysis.doc[ms[0].head].text == "Minister"


def test_petrov_is_rus_jud(analysis) -> None:
    for nth in (1, 2):
        ms = _covering(analysis, "Valery Petrov", nth)
        assert ms and ms[0].country == "RUS" and "JUD" in ms[0].sectors, (nth, ms)


def test_later_mentions_keep_codes(analysis) -> None:
    ms = _covering(analysis, "Zakir Hasanov", 2)
    assert ms and ms[0].country == "AZE" and {"GOV", "MIL"} <= set(ms[0].sectors)
    ms = _covering(analysis, "minister", 2)  # "The minister emphasized the importance ..."
    assert ms and ms[0].country == "AZE"


def test_conflict_gives_arm_and_aze(analysis) -> None:
    ms = _covering(analysis, "Armenia-Azerbaijan")
    text = analysis.story.text
    parts = [m for m in analysis.actors if text.find("Armenia-Azerbaijan") <= m.start < text.find("Nagorno")]
    assert {m.code for m in parts} == {"ARM", "AZE"}
    assert ms == [] or all(m.code in ("ARM", "AZE") for m in ms)


def test_no_garbage_codes(analysis) -> None:
    for m in analysis.actors:
        assert m.code is None or (len(m.code) % 3 == 0 and m.code.isupper()), m
        assert analysis.story.text[m.start : m.end] == m.text


def test_two_countries_resolve_to_aze_and_rus(analysis) -> None:
    ms = _covering(analysis, "the two countries")
    assert {m.country for m in ms} == {"AZE", "RUS"}
    assert len({m.group for m in ms}) == 1


def test_token_lookup(analysis) -> None:
    idx = ActorIndex(analysis.actors)
    head_tokens = [t.i for t in analysis.doc if t.text == "Hasanov"]
    assert all(idx.at(i) for i in head_tokens)
