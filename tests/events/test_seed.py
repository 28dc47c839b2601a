"""Acceptance on the seed story (../shared/examples/azertac-2019-10-08.txt), through the whole pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.ingest import read_paths
from eventwire.record import validate
from eventwire.story import Story


def test_seed_story(coder: Any, shared: Path) -> None:
    (story,) = [s for s in read_paths([str(shared / "examples" / "azertac-2019-10-08.txt")]) if isinstance(s, Story)]
    analysis = coder.analyze(story)
    meeting = story.text.index("has met with")
    consult = [
        r
        for r in analysis.records
        if r["root"] == "04"
        and {(r["source"] or {}).get("country"), (r["target"] or {}).get("country")} == {"AZE", "RUS"}
    ]
    assert consult, [(r["cameo"], r["source"], r["target"]) for r in analysis.records]
    r = consult[0]
    codes = {r["source"]["code"], r["target"]["code"]}
    assert any(c.startswith("AZE") and ("GOV" in c or "MIL" in c) for c in codes)
    assert any(c.startswith("RUS") and "JUD" in c for c in codes)
    assert r["evidence"]["start"] <= meeting < r["evidence"]["end"]
    assert r["date"] == "2019-10-08"
    assert not [x for x in analysis.records if x["root"] in ("18", "19", "20")]
    for rec in analysis.records:
        validate(rec)
