"""The batch function: stories in, records and rejects out; order kept; bad stories never stop a batch."""

from __future__ import annotations

import datetime as dt

from eventwire import code_text
from eventwire.ingest import MAX_STORY_CHARS
from eventwire.pipeline import code_stories
from eventwire.record import validate
from eventwire.story import Reject, Story


def _stories() -> list[Story]:
    return [
        Story(id="a", text="Ukraine's president met the French foreign minister in Kyiv.", date=dt.date(2024, 2, 1)),
        Story(id="empty", text="   "),
        Story(id="huge", text="word " * (MAX_STORY_CHARS // 5 + 1)),
        Story(id="b", text="Police arrested dozens of protesters in Tbilisi on Sunday.", date=dt.date(2024, 2, 2)),
    ]


def test_code_batch_rejects_and_continues(coder) -> None:
    records, rejects = coder.code_batch(_stories())
    assert {r.story_id for r in rejects} == {"empty", "huge"}
    assert all(isinstance(r, Reject) and r.reason for r in rejects)
    assert {r.code for r in rejects} == {"E110", "E111"}
    assert {rec["story_id"] for rec in records} == {"a", "b"}  # both good stories coded, nothing else
    for rec in records:
        validate(rec)


def test_code_stories_keeps_order_and_passes_ingest_rejects(coder) -> None:
    items: list[Story | Reject] = [Reject(origin="x.jsonl:3", reason="invalid JSON")] + _stories()
    results = list(code_stories(items, coder=coder, batch_size=2))
    rejects = [r for res in results for r in res.rejects]
    assert rejects[0].origin == "x.jsonl:3"
    assert sum(res.stories for res in results) == 2
    story_order = [rec["story_id"] for res in results for rec in res.records]
    assert story_order == sorted(story_order)  # "a" events before "b" events


def test_evidence_offsets_point_into_story(coder) -> None:
    text = "Ukraine`s president met the French foreign minister in Kyiv on Monday."
    story = Story(id="c", text=text, date=dt.date(2024, 2, 7))
    a = coder.analyze(story)
    for m in a.actors:
        assert text[m.start : m.end] == m.text
    for rec in a.records:
        ev = rec["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert text[ev["trigger"]["start"] : ev["trigger"]["end"]] == ev["trigger"]["text"]


def test_code_text_public_api() -> None:
    recs = code_text("Egypt condemned the bombing of a school.", date="2024-01-05")
    assert recs, "a condemnation is an event"
    for r in recs:
        validate(r)
        assert r["date"] == "2024-01-05"


def test_capital_hit_by_an_attack_is_a_place_not_the_government(coder) -> None:
    hit = coder.analyze(Story(id="k", text="Russian missiles struck Kyiv on Monday.", date=dt.date(2024, 3, 4)))
    attack = [r for r in hit.records if r["root"] in ("18", "19")]
    assert attack and attack[0]["target"]["code"] == "UKR"
    assert attack[0]["location"]["name"] in ("Kyiv", "Kiev") and attack[0]["location"]["country"] == "UKR"
    warn = coder.analyze(Story(id="w", text="Turkey warned Damascus against a new offensive."))
    assert any((r["target"] or {}).get("code") == "SYRGOV" for r in warn.records)
    assert all((r["location"] or {}).get("name") != "Damascus" for r in warn.records)
