"""Golden sentences (tests/golden/events*.jsonl, our own sentences): text → expected events.

Each line: ``text``; ``events`` (each ``code`` = a CAMEO code or prefix such as a root, optional ``source`` /
``target`` country, or ``source_code`` / ``target_code``: the whole actor code); ``absent_roots`` (roots that must
not be coded); optional ``absent_events`` (events of the same shape that must not be coded: a wrong actor for a
code); ``construction`` (what it tests).
A line with no expected events and no absent roots would test nothing, so every negative case lists the
roots it must not produce. Run through the whole pipeline (actors from the actor coder).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def _cases() -> list[Any]:
    out = []
    for path in sorted(GOLDEN.glob("events*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                out.append(pytest.param(case, id=f"{path.stem}:{n}:{case.get('construction', '')}"))
    return out


CASES = _cases()


def _matches(ev: Any, want: dict[str, Any]) -> bool:
    if not ev.cameo.startswith(want["code"]):
        return False
    for role in ("source", "target"):
        country = want.get(role)
        if country is None:
            continue
        actor = getattr(ev, role)
        if actor is None or actor.country != country:
            return False
    for role in ("source", "target"):  # a whole actor code, sectors included ("EGY", not "EGYCVL")
        code = want.get(f"{role}_code")
        if code is not None and (getattr(ev, role) is None or getattr(ev, role).code != code):
            return False
    return True


def _show(events: list[Any]) -> str:
    return (
        "; ".join(
            f"{e.cameo} {e.source.code if e.source else '-'}->{e.target.code if e.target else '-'} [{e.rule}]"
            for e in events
        )
        or "(no events)"
    )


def test_enough_golden_sentences() -> None:
    assert len(CASES) >= 150
    roots: dict[str, int] = {}
    for p in CASES:
        for e in p.values[0]["events"]:
            roots[e["code"][:2]] = roots.get(e["code"][:2], 0) + 1
    assert all(roots.get(f"{r:02d}", 0) >= 5 for r in range(1, 21)), roots


@pytest.mark.parametrize("case", CASES)
def test_golden(coder: Any, case: dict[str, Any]) -> None:
    from eventwire.story import Story

    assert case["events"] or case["absent_roots"], "a golden case must expect something"
    analysis = coder.analyze(Story(id="golden", text=case["text"]))
    events = analysis.events
    for want in case["events"]:
        assert any(_matches(e, want) for e in events), f"missing {want}; got {_show(events)}"
    for root in case["absent_roots"]:
        assert not any(e.cameo.startswith(root) for e in events), f"unexpected root {root}: {_show(events)}"
    for bad in case.get("absent_events", ()):
        assert not any(_matches(e, bad) for e in events), f"unexpected {bad}: {_show(events)}"
