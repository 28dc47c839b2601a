"""``POST /api/v1/stories`` and ``GET /api/v1/jobs/{id}``: the token rules, the writer, idempotence."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .helpers import AUTH, NEW_STORY, STORIES, TOKEN, assert_error


def _wait(client: Any, job_id: str, timeout: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/v1/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return dict(job)
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")


def test_writes_need_a_configured_token_and_the_right_one(store_copy: Path, make_client: Any) -> None:
    closed = make_client(store_copy, token=None)
    err = assert_error(closed.post("/api/v1/stories", json={"stories": [NEW_STORY]}, headers=AUTH), 403, "E706")
    assert "--token-file" in err["message"] and "EVENTWIRE_TOKEN" in err["message"]
    closed.app.state.ew.close()
    client = make_client(store_copy, token=TOKEN)
    r = client.post("/api/v1/stories", json={"stories": [NEW_STORY]})
    assert_error(r, 401, "E707")
    assert r.headers["www-authenticate"].startswith("Bearer")
    assert_error(
        client.post("/api/v1/stories", json={"stories": [NEW_STORY]}, headers={"Authorization": "Bearer wrong"}),
        401,
        "E707",
    )
    assert_error(
        client.post("/api/v1/stories", json={"stories": [NEW_STORY]}, headers={"Authorization": f"Basic {TOKEN}"}),
        401,
        "E707",
    )
    # the token is checked before the body: no token, bad body → 401, not 422
    assert_error(client.post("/api/v1/stories", json={"nonsense": 1}), 401, "E707")


def test_posted_stories_are_coded_stored_and_a_repeat_adds_nothing(store_copy: Path, make_client: Any) -> None:
    client = make_client(store_copy, token=TOKEN)
    before = client.get("/api/v1/health").json()
    assert client.get("/api/v1/events", params={"place": "Ankara"}).json()["items"] == []  # (kept in the cache)
    r = client.post("/api/v1/stories", json={"stories": [NEW_STORY, {"id": "t-empty", "text": ""}]}, headers=AUTH)
    assert r.status_code == 202, r.text
    accepted = r.json()
    assert accepted["status"] == "queued" and accepted["stories"] == 2
    assert r.headers["location"] == accepted["url"] == f"/api/v1/jobs/{accepted['job_id']}"
    job = _wait(client, accepted["job_id"])
    assert job["status"] == "done", job
    assert (job["coded"], job["skipped"], job["rejected"]) == (1, 0, 1) and job["mentions"] >= 1
    assert [(x["story_id"], x["code"]) for x in job["rejects"]] == [("t-empty", "E110")]
    after = client.get("/api/v1/health").json()
    # an input reject (no text) has no story row, as with `run`
    assert after["stories"] == before["stories"] + 1 and after["events"] > before["events"]
    ankara = client.get("/api/v1/events", params={"place": "Ankara"}).json()["items"]
    assert ankara and ankara[0]["story_id"] == "t-new" and ankara[0]["root"] == "04"
    # the same stories again, and one already coded by `run`: nothing is added
    again = client.post("/api/v1/stories", json={"stories": [NEW_STORY, STORIES[0]]}, headers=AUTH).json()
    job2 = _wait(client, again["job_id"])
    assert (job2["status"], job2["coded"], job2["skipped"]) == ("done", 0, 2)
    final = client.get("/api/v1/health").json()
    assert (final["events"], final["mentions"], final["stories"]) == (
        after["events"],
        after["mentions"],
        after["stories"],
    )


def test_a_text_can_be_posted_and_the_run_is_recorded(store_copy: Path, make_client: Any) -> None:
    client = make_client(store_copy, token=TOKEN)
    text = "Georgian Foreign Minister Ilia Darchiashvili met Armenian Foreign Minister Ararat Mirzoyan in Yerevan."
    job = _wait(
        client, client.post("/api/v1/stories", json={"text": text, "date": "2024-07-01"}, headers=AUTH).json()["job_id"]
    )
    assert (job["status"], job["coded"]) == ("done", 1)
    runs = client.app.state.ew.read(
        lambda st: st.execute("SELECT status, inputs, stories_coded FROM runs ORDER BY started_at DESC LIMIT 1")
    )
    assert runs[0][0] == "done" and job["job_id"] in runs[0][1] and runs[0][2] == 1


def test_pages_do_not_shift_when_events_are_added(store_copy: Path, make_client: Any) -> None:
    client = make_client(store_copy, token=TOKEN)
    first = client.get("/api/v1/events", params={"limit": 2}).json()
    rest_before = client.get("/api/v1/events", params={"limit": 100, "cursor": first["next"]}).json()["items"]
    # a newer event lands before the first page
    job = _wait(client, client.post("/api/v1/stories", json={"stories": [NEW_STORY]}, headers=AUTH).json()["job_id"])
    assert job["status"] == "done"
    rest_after = client.get("/api/v1/events", params={"limit": 100, "cursor": first["next"]}).json()["items"]
    assert [e["event_id"] for e in rest_after] == [e["event_id"] for e in rest_before]
    newest = client.get("/api/v1/events", params={"limit": 1}).json()["items"][0]
    assert newest["story_id"] == "t-new"


def test_unknown_jobs_are_404_and_too_many_stories_413(store_copy: Path, make_client: Any) -> None:
    client = make_client(store_copy, token=TOKEN, max_job_stories=2)
    assert_error(client.get("/api/v1/jobs/j-nope"), 404, "E708")
    assert_error(client.post("/api/v1/stories", json={"stories": [NEW_STORY] * 3}, headers=AUTH), 413, "E709")
