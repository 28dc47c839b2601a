"""``/api/v1/mentions``: the raw records, linked to their events."""

from __future__ import annotations

from typing import Any

from ..helpers import assert_error


def test_mentions_are_the_stored_records_with_their_event(client: Any) -> None:
    body = client.get("/api/v1/mentions", params={"limit": 1000}).json()
    items = body["items"]
    assert body["next"] is None and len(items) >= 6
    events = {e["event_id"] for e in client.get("/api/v1/events").json()["items"]}
    for m in items:
        assert m["event_id"] == m["mention_id"] and m["dedup_event_id"] in events
        assert m["evidence"]["trigger"]["text"] and "spans" in m["evidence"]
    assert {m["story_id"] for m in items} >= {"t-meeting", "t-meeting-2", "t-arrest"}


def test_mentions_filter_and_page_like_events(client: Any) -> None:
    two = client.get("/api/v1/mentions", params={"text": "discussed"}).json()["items"]
    assert two and all("discussed" in m["evidence"]["text"] for m in two)
    first = client.get("/api/v1/mentions", params={"limit": 2}).json()
    second = client.get("/api/v1/mentions", params={"limit": 2, "cursor": first["next"]}).json()
    assert not {m["mention_id"] for m in first["items"]} & {m["mention_id"] for m in second["items"]}
    event_cursor = client.get("/api/v1/events", params={"limit": 1}).json()["next"]
    assert_error(client.get("/api/v1/mentions", params={"cursor": event_cursor}), 422, "E712")
