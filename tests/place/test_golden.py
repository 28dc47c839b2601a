"""Golden place sentences (tests/golden/places.jsonl): hand-built events, expected location fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.place import Locator

from .helpers import run_case

GOLDEN = Path(__file__).resolve().parents[1] / "golden"

LINES = (GOLDEN / "places.jsonl").read_text("utf-8").splitlines()
CASES = [json.loads(line) for line in LINES if line.strip()]


@pytest.fixture(scope="module")
def locator() -> Locator:
    return Locator()


def test_enough_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_place(nlp, locator, case) -> None:
    loc = run_case(nlp, locator, case)
    want = case["expect"]
    if want is None:
        assert loc is None, loc
        return
    assert loc is not None
    for k, v in want.items():
        assert loc[k] == v, (k, loc)
    if loc["source"] == "sentence":
        assert loc["start"] is not None and case["text"][loc["start"] : loc["end"]]
    else:
        assert loc["start"] is None
