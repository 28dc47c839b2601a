"""The general verbs of events/data/verbs_more.yaml code as their CAMEO names say (own sentences)."""

from __future__ import annotations

import pytest

from eventwire.events.frames import load
from eventwire.story import Story

CASES = [
    ("The rebels in Mali laid down their weapons.", "0873"),
    ("Canada froze the assets of three Iranian banks.", "163"),
    ("Kenya coordinated with Uganda on border security.", "060"),
    ("The Greek government backed down after the strikes.", "080"),
    ("The Turkish minister hit out at Germany over the ruling.", "111"),
    ("Norwegian police rescued twelve migrants off the coast.", "073"),
    ("Peru opposed the Chilean proposal.", "120"),
    ("Ecuador complied with the Colombian request.", "080"),
    ("Nepal lobbied India for more fuel.", "020"),
    ("Gunmen torched a police station in Lagos.", "1712"),
    ("The Indian government blocked the sale of the port.", "129"),
]


def test_file_is_loaded():
    assert "verbs_more.yaml" in load().files


@pytest.mark.parametrize(("text", "code"), CASES)
def test_general_verbs(coder, text, code):
    records = coder.analyze(Story(id="t", text=text)).records
    assert code in [r["cameo"] for r in records], [(r["cameo"], r["rule"]) for r in records]


def test_phrasal_verbs_are_not_their_bare_verb(coder):
    """ "hit out at" is criticism, not a blow; "back down" is yielding, not support."""
    roots = {r["root"] for r in coder.analyze(Story(id="t", text=CASES[4][0])).records}
    assert not roots & {"18", "19", "20"}
    codes = {r["cameo"] for r in coder.analyze(Story(id="t", text=CASES[3][0])).records}
    assert "051" not in codes
