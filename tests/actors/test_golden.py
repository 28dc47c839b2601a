"""Golden actor tests: tests/golden/actors*.jsonl (our own sentences) → expected coded actors.

Each line: ``text`` (optional ``date``, ``place``) and ``expect``: a list of checks on the mentions that
cover the n-th occurrence (``nth``, default 1) of ``text``: ``code`` (``null``: no coded mention there),
``country`` (``null``: none with a country), ``sectors``, ``name``. ``same_group`` lists codes whose
mentions must share one group.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from eventwire.story import Story

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CASES = [
    json.loads(line)
    for p in sorted(GOLDEN.glob("actors*.jsonl"))
    for line in p.read_text("utf-8").splitlines()
    if line.strip()
]


def test_enough_golden_cases() -> None:
    assert len(CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES)


def locate(text: str, needle: str, nth: int) -> tuple[int, int]:
    hits = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)]
    assert len(hits) >= nth, f"{needle!r} occurs {len(hits)} times in the case text"
    return hits[nth - 1]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden(coder, case) -> None:
    story = Story(
        id=case["id"],
        text=case["text"],
        place=case.get("place"),
        date=dt.date.fromisoformat(case["date"]) if case.get("date") else None,
    )
    mentions = coder.analyze(story).actors
    shown = [(m.text, m.code, m.rule) for m in mentions]
    for exp in case["expect"]:
        s, e = locate(case["text"], exp["text"], exp.get("nth", 1))
        cands = [m for m in mentions if m.start <= s and e <= m.end]
        if "code" in exp:
            if exp["code"] is None:
                assert not [m for m in cands if m.code], f"{exp['text']!r} should be uncoded; got {shown}"
            else:
                assert exp["code"] in [m.code for m in cands], f"{exp} not in {shown}"
        if "country" in exp:
            if exp["country"] is None:
                assert not [m for m in cands if m.country], f"{exp['text']!r} should have no country; {shown}"
            else:
                hit = [m for m in cands if m.country == exp["country"]]
                assert hit, f"{exp} not in {shown}"
                if "sectors" in exp:
                    assert list(hit[0].sectors) == exp["sectors"], f"{exp} vs {shown}"
        if "name" in exp:
            assert exp["name"] in [m.name for m in cands], f"{exp} vs {[(m.text, m.name) for m in cands]}"
    if "same_group" in case:
        groups = {m.group for m in mentions if m.code in case["same_group"]}
        assert len(groups) == 1 and None not in groups, f"not one group: {[(m.code, m.group) for m in mentions]}"
