"""``GET /api/v1/stories/{story_id}``."""

from __future__ import annotations

from typing import Any

from ..helpers import assert_error


def test_a_story_has_its_metadata_sentences_and_event_spans(client: Any) -> None:
    body = client.get("/api/v1/stories/t-meeting").json()
    story = body["story"]
    assert story["id"] == "t-meeting" and story["title"] == "Ministers meet in Baku"
    assert story["date"] == "2024-03-11" and story["agency"] == "AZERTAC" and story["text"] is None
    assert [s["index"] for s in body["sentences"]] == [0, 1]
    for e in body["events"]:
        ev = e["evidence"]
        sentence = next(s for s in body["sentences"] if s["index"] == e["sentence_index"])
        assert ev["text"] == sentence["text"] and ev["start"] == sentence["start"]
        assert ev["text"][ev["spans"]["trigger"]["start"] : ev["spans"]["trigger"]["end"]] == ev["trigger"]["text"]
        assert e["dedup_event_id"].startswith("v-")
    assert "met" in {e["evidence"]["trigger"]["text"] for e in body["events"]}


def test_unknown_story_is_404(client: Any) -> None:
    assert_error(client.get("/api/v1/stories/no-such-story"), 404, "E708")
