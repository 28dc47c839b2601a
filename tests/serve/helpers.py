"""Shared by the serve tests: the stories of the session store, the token, the error-shape check."""

from __future__ import annotations

from typing import Any

TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

STORIES: list[dict[str, Any]] = [
    {
        "id": "t-meeting",
        "date": "2024-03-11",
        "title": "Ministers meet in Baku",
        "source": "AZERTAC",
        "text": "BAKU, March 11 (AZERTAC) - Azerbaijan's Foreign Minister Jeyhun Bayramov met Georgian Foreign "
        "Minister Ilia Darchiashvili in Baku on Monday. The two ministers discussed transport links and "
        "regional security.",
    },
    {
        "id": "t-meeting-2",
        "date": "2024-03-12",
        "title": "Bayramov and Darchiashvili hold talks",
        "source": "Trend",
        "text": "Azerbaijani Foreign Minister Jeyhun Bayramov held talks with his Georgian counterpart Ilia "
        "Darchiashvili in Baku on Monday, the ministry said.",
    },
    {
        "id": "t-arrest",
        "date": "2024-03-15",
        "title": "Activists detained",
        "source": "Interpressnews",
        "text": "TBILISI, March 15 - Georgian police arrested twelve opposition activists in Tbilisi on Friday, "
        "the Interior Ministry said.",
    },
    {
        "id": "t-protest",
        "date": "2024-04-02",
        "title": "Farmers rally",
        "source": "Armenpress",
        "text": "YEREVAN, April 2 - Thousands of Armenian farmers protested against the new land tax in Yerevan "
        "on Tuesday.",
    },
    {
        "id": "t-shelling",
        "date": "2024-05-07",
        "title": "Kharkiv shelled",
        "source": "Ukrinform",
        "text": "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, killing two civilians, Ukrainian "
        "officials said.",
    },
]

NEW_STORY = {
    "id": "t-new",
    "date": "2024-06-03",
    "title": "Talks in Ankara",
    "text": "Turkish Foreign Minister Hakan Fidan met Azerbaijani Foreign Minister Jeyhun Bayramov in "
    "Ankara on Monday.",
}


def assert_error(resp: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is ``status`` in the one error shape (with ``code``); returns the error object."""
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}, body
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert "Traceback" not in resp.text
    if code is not None:
        assert body["error"]["code"] == code, body
    return dict(body["error"])
