"""``/api/v1/events``, ``/events/{id}`` and ``/events/{id}/explain`` over the session store."""

from __future__ import annotations

from typing import Any

from ..helpers import assert_error

FIELDS = {
    "event_id",
    "date",
    "source",
    "target",
    "cameo",
    "cameo_name",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "location",
    "confidence",
    "modality",
    "rule",
    "evidence",
    "story_id",
    "mention_count",
}


def _events(client: Any, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/api/v1/events", params=params)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def test_actor_aze_returns_the_ministers_meeting_with_its_evidence(client: Any) -> None:
    items = _events(client, actor="AZE")
    meeting = next(e for e in items if e["root"] == "04")
    assert FIELDS <= set(meeting)
    assert meeting["source"]["code"].startswith("AZE") and meeting["target"]["country"] == "GEO"
    assert meeting["location"]["name"] == "Baku" and meeting["date"] == "2024-03-11"
    ev = meeting["evidence"]
    assert "met" in ev["text"] and ev["trigger"]["text"] == "met"
    spans = ev["spans"]
    assert ev["text"][spans["trigger"]["start"] : spans["trigger"]["end"]] == "met"
    assert ev["text"][spans["source"]["start"] : spans["source"]["end"]] == meeting["source"]["text"]
    assert ev["text"][spans["target"]["start"] : spans["target"]["end"]] == meeting["target"]["text"]
    assert meeting["rule"] and meeting["modality"] == "asserted"
    # two stories report the meeting: one de-duplicated event with their mentions
    assert meeting["mention_count"] >= 2 and meeting["story_count"] == 2


def test_events_come_newest_first_and_every_filter_narrows(client: Any) -> None:
    every = _events(client)
    dates = [e["date"] for e in every]
    assert dates == sorted(dates, reverse=True) and len(every) >= 4
    assert {e["root"] for e in _events(client, root="19")} == {"19"}
    assert {e["cameo"] for e in _events(client, cameo="17")} == {"173"}
    assert {e["quad_class"] for e in _events(client, quad=4)} == {4}
    assert all(e["date"] >= "2024-04-01" for e in _events(client, **{"from": "2024-04-01"}))
    assert all(e["date"] <= "2024-03-31" for e in _events(client, to="2024-03-31"))
    assert [e["location"]["name"] for e in _events(client, place="tbilisi")] == ["Tbilisi"]
    assert [e["location"]["name"] for e in _events(client, place="Tbil*")] == ["Tbilisi"]
    assert len(_events(client, dyad="GEO-AZE")) == 0 < len(_events(client, dyad="GEO-AZE", undirected=True))
    assert _events(client, country="UKR")[0]["plover"]["event"]
    assert all(e["confidence"] >= 0.8 for e in _events(client, min_confidence=0.8))
    assert _events(client, text="shelled")[0]["cameo"].startswith("19")
    assert _events(client, sector="COP")[0]["source"]["code"] == "GEOCOP"


def test_like_wildcards_in_text_and_place_are_literal(client: Any) -> None:
    assert _events(client, text="%") == [] and _events(client, text="_") == []
    assert _events(client, place="%") == [] and _events(client, place="_aku") == []
    assert _events(client, text="\\") == []


def test_keyset_pages_walk_every_event_once(client: Any) -> None:
    every = [e["event_id"] for e in _events(client)]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 1}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/api/v1/events", params=params).json()
        seen += [e["event_id"] for e in body["items"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert seen == every


def test_limit_is_bounded_and_bad_cursors_are_refused(client: Any) -> None:
    err = assert_error(client.get("/api/v1/events", params={"limit": 100000}), 422, "E703")
    assert err["detail"][0]["loc"] == ["query", "limit"]
    assert_error(client.get("/api/v1/events", params={"limit": 0}), 422, "E703")
    assert_error(client.get("/api/v1/events", params={"cursor": "not-a-cursor"}), 422, "E712")
    mention_cursor = client.get("/api/v1/mentions", params={"limit": 1}).json()["next"]
    assert_error(client.get("/api/v1/events", params={"cursor": mention_cursor}), 422, "E712")
    assert_error(client.get("/api/v1/events", params={"actor": "not a code"}), 422, "E703")
    assert_error(client.get("/api/v1/events", params={"dyad": "AZE"}), 422, "E703")
    assert_error(client.get("/api/v1/events", params={"root": "42"}), 422, "E703")
    assert_error(client.get("/api/v1/events", params={"from": "2024-13-01"}), 422, "E703")


def test_one_event_has_every_mention_and_unknown_ids_are_404(client: Any) -> None:
    meeting = next(e for e in _events(client, actor="AZE") if e["root"] == "04")
    r = client.get(f"/api/v1/events/{meeting['event_id']}")
    assert r.status_code == 200
    body = r.json()
    assert {k: body[k] for k in FIELDS} == {k: meeting[k] for k in FIELDS}
    mentions = body["mentions"]
    assert len({m["story_id"] for m in mentions}) == 2
    for m in mentions:
        assert m["dedup_event_id"] == meeting["event_id"] and m["rule"] and m["modality"]
        assert m["story"]["title"] and m["evidence"]["spans"]["trigger"] is not None
        span = m["evidence"]["spans"]["trigger"]
        assert m["evidence"]["text"][span["start"] : span["end"]] == m["evidence"]["trigger"]["text"]
    assert_error(client.get("/api/v1/events/v-0000000000000000"), 404, "E708")
    assert_error(client.get("/api/v1/events/v-0000000000000000/explain"), 404, "E708")


def test_explain_traces_the_evidence_sentence(client: Any) -> None:
    meeting = next(e for e in _events(client, actor="AZE") if e["root"] == "04")
    body = client.get(f"/api/v1/events/{meeting['event_id']}/explain").json()
    assert body["sentence"] == meeting["evidence"]["text"] and body["mention_id"] == meeting["mention_id"]
    trace = "\n".join(body["trace"])
    assert "actors:" in trace and "frames:" in trace and "040" in trace and "'met'" in trace
