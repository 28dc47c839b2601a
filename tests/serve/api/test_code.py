"""``POST /api/v1/code``: coding without storing."""

from __future__ import annotations

from typing import Any

from ..helpers import assert_error

MEETING = "Azerbaijan's Foreign Minister Jeyhun Bayramov met Georgian Foreign Minister Ilia Darchiashvili in Baku."


def test_a_posted_text_codes_the_ministers_meeting_and_stores_nothing(client: Any) -> None:
    before = client.get("/api/v1/health").json()
    r = client.post("/api/v1/code", json={"text": MEETING, "date": "2024-05-06"})
    assert r.status_code == 200, r.text
    body = r.json()
    meeting = next(e for e in body["events"] if e["cameo"].startswith("04"))
    assert meeting["source"]["code"] == "AZEGOV" and meeting["date"] == "2024-05-06"
    text = body["stories"][0]["text"]
    trig = meeting["evidence"]["trigger"]
    assert text[trig["start"] : trig["end"]] == "met" and body["rejects"] == []
    after = client.get("/api/v1/health").json()
    assert (after["events"], after["mentions"], after["stories"]) == (
        before["events"],
        before["mentions"],
        before["stories"],
    )


def test_text_goes_through_ingest_like_a_story_file(client: Any) -> None:
    text = "date 2024-02-01 Baku, February 1, AZERTAC\n\n" + MEETING
    body = client.post("/api/v1/code", json={"text": text}).json()
    story = body["stories"][0]
    assert story["date"] == "2024-02-01" and story["text"] == MEETING and story["agency"] == "AZERTAC"
    assert body["events"][0]["date"] == "2024-02-01"


def test_records_are_coded_and_bad_ones_rejected(client: Any) -> None:
    body = client.post(
        "/api/v1/code",
        json={
            "stories": [
                {"id": "a", "text": MEETING, "date": "2024-05-06"},
                {"id": "b", "text": ""},
                {"id": "c"},
                {"id": "d", "text": "Police arrested three journalists in Ganja.", "date": "2024-05-07"},
            ]
        },
    ).json()
    assert {e["story_id"] for e in body["events"]} == {"a", "d"}
    assert {(r["story_id"], r["code"]) for r in body["rejects"]} == {("b", "E110"), ("c", "E112")}
    assert any(e["cameo"] == "173" for e in body["events"])


def test_bad_bodies_answer_in_the_error_shape(client: Any) -> None:
    assert_error(
        client.post("/api/v1/code", content=b'{"text": ', headers={"content-type": "application/json"}), 400, "E704"
    )
    assert_error(client.post("/api/v1/code", json={"text": "x", "stories": []}), 422, "E703")
    assert_error(client.post("/api/v1/code", json={}), 422, "E703")
    assert_error(client.post("/api/v1/code", json={"text": 5}), 422, "E703")
    assert_error(client.post("/api/v1/code", json={"txt": "x"}), 422, "E703")
    assert_error(client.post("/api/v1/code", json={"stories": [{"text": "x"}] * 101}), 413, "E709")
    bad_date = client.post("/api/v1/code", json={"text": MEETING, "date": "yesterday"}).json()
    assert bad_date["events"] == [] and bad_date["rejects"][0]["code"] == "E121"
