"""``eventwire serve --parquet DIR``: the API over a Parquet dataset of ``spark-run`` answers as it does over
the store it was written from, reads only the partitions of a request's date range, and refuses writes (E714)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .helpers import AUTH, STORIES, TOKEN, assert_error


@pytest.fixture(scope="module")
def parquet_client(
    built_store: Path, tmp_path_factory: pytest.TempPathFactory, dataset_writer: Callable[[Path, Path], Path]
) -> Iterator[TestClient]:
    from eventwire.serve import create_app

    base = tmp_path_factory.mktemp("serve-parquet")
    copy = Path(shutil.copy(built_store, base / "events.duckdb"))  # the session's server holds the store
    out = dataset_writer(copy, base / "out")
    app = create_app(out, parquet=True, token=TOKEN)
    yield TestClient(app, raise_server_exceptions=False)
    app.state.ew.close()


READS = [
    ("/api/v1/events", {}),
    ("/api/v1/events", {"actor": "AZE", "limit": 1}),
    ("/api/v1/mentions", {}),
    ("/api/v1/aggregate", {"by": "month,quad"}),
    ("/api/v1/aggregate", {"by": "dyad", "top": 3, "undirected": True}),
    ("/api/v1/aggregate", {"by": "day", "from": "2024-03-01", "to": "2024-03-31"}),
    ("/api/v1/events", {"from": "2024-04-01", "to": "2024-12-31"}),
    ("/api/v1/places", {}),
    ("/api/v1/actors", {"prefix": "A"}),
]


@pytest.mark.parametrize(("path", "params"), READS)
def test_reads_answer_as_over_the_store(
    client: Any, parquet_client: TestClient, path: str, params: dict[str, Any]
) -> None:
    mine, theirs = parquet_client.get(path, params=params), client.get(path, params=params)
    assert mine.status_code == theirs.status_code == 200
    assert mine.json() == theirs.json()


def test_an_event_and_a_story_by_id(client: Any, parquet_client: TestClient) -> None:
    event = client.get("/api/v1/events", params={"limit": 1}).json()["items"][0]["event_id"]
    assert parquet_client.get(f"/api/v1/events/{event}").json() == client.get(f"/api/v1/events/{event}").json()
    story = f"/api/v1/stories/{STORIES[0]['id']}"
    assert parquet_client.get(story).json() == client.get(story).json()


def test_the_mentions_export_is_the_same(client: Any, parquet_client: TestClient) -> None:
    params = {"level": "mentions", "format": "jsonl"}
    mine = [json.loads(line) for line in parquet_client.get("/api/v1/export", params=params).text.splitlines()]
    theirs = [json.loads(line) for line in client.get("/api/v1/export", params=params).text.splitlines()]
    assert mine == theirs and mine


def test_a_date_range_reads_views_of_its_partitions_only(parquet_client: TestClient) -> None:
    state = parquet_client.app.state.ew  # type: ignore[attr-defined]
    r = parquet_client.get("/api/v1/aggregate", params={"by": "month", "from": "2024-04-01", "to": "2024-04-30"})
    assert [i["month"] for i in r.json()["items"]] == ["2024-04-01"]
    views = [v for (lo, hi), v in state._pruned.items() if str(lo) == "2024-04-01" and str(hi) == "2024-04-30"]
    assert len(views) == 1
    sql = views[0].scalar("SELECT sql FROM duckdb_views() WHERE view_name = 'events'")
    assert '("month" >= 4)' in sql and '("month" <= 4)' in sql


def test_writes_are_refused_and_health_says_so(parquet_client: TestClient) -> None:
    body = {"stories": [{"id": "new", "text": "Georgian police arrested two activists."}]}
    r = parquet_client.post("/api/v1/stories", json=body, headers=AUTH)
    assert_error(r, 403, "E714")
    assert "read-only" in r.json()["error"]["message"]
    health = parquet_client.get("/api/v1/health").json()
    assert health["writes"] is False and health["events"] > 0
    assert_error(parquet_client.get("/api/v1/jobs/nope"), 404, "E708")
