"""``/api/v1/aggregate``, ``/api/v1/places`` and ``/api/v1/actors``."""

from __future__ import annotations

from typing import Any

from ..helpers import assert_error


def test_monthly_counts_by_quad_add_up_to_the_events(client: Any) -> None:
    body = client.get("/api/v1/aggregate", params={"by": "month,quad"}).json()
    assert body["by"] == ["month", "quad"] and not body["truncated"]
    n_events = len(client.get("/api/v1/events").json()["items"])
    assert sum(i["count"] for i in body["items"]) == n_events
    march = [i for i in body["items"] if i["month"] == "2024-03-01"]
    assert {i["quad"] for i in march} == {1, 4}
    for i in body["items"]:
        assert abs(i["goldstein_mean"] * i["count"] - i["goldstein_sum"]) < 1e-9


def test_top_dyads_and_other_groups(client: Any) -> None:
    top = client.get("/api/v1/aggregate", params={"by": "dyad", "top": 2, "undirected": True}).json()["items"]
    assert len(top) == 2 and top[0]["count"] >= top[1]["count"]
    dyads = client.get("/api/v1/aggregate", params={"by": "dyad", "undirected": True}).json()["items"]
    assert "AZE-GEO" in {i["dyad"] for i in dyads}
    roots = client.get("/api/v1/aggregate", params={"by": "root", "actor": "AZE"}).json()["items"]
    assert [(i["root"], i["count"]) for i in roots] == [("04", 1)]
    by_place = client.get("/api/v1/aggregate", params={"by": "country,year"}).json()["items"]
    assert {i["country"] for i in by_place} >= {"AZE", "GEO", "UKR"}
    mentions = client.get("/api/v1/aggregate", params={"by": "source", "level": "mentions"}).json()
    assert mentions["level"] == "mentions" and sum(i["count"] for i in mentions["items"]) >= 6


def test_bad_groupings_are_422(client: Any) -> None:
    for by in ("decade", "month,month", "month,quad,root", ""):
        assert_error(client.get("/api/v1/aggregate", params={"by": by}), 422, "E703")
    assert_error(client.get("/api/v1/aggregate", params={"top": 0}), 422, "E703")


def test_places_for_the_map(client: Any) -> None:
    items = client.get("/api/v1/places").json()["items"]
    baku = next(p for p in items if p["name"] == "Baku")
    assert baku["country"] == "AZE" and abs(baku["lat"] - 40.4) < 0.2 and baku["count"] == 1
    assert [p["name"] for p in client.get("/api/v1/places", params={"actor": "UKR"}).json()["items"]] == ["Kharkiv"]
    assert len(client.get("/api/v1/places", params={"limit": 1}).json()["items"]) == 1


def test_actors_by_prefix_for_autocomplete(client: Any) -> None:
    items = client.get("/api/v1/actors", params={"prefix": "ge"}).json()["items"]
    codes = [i["code"] for i in items]
    assert codes and all(c.startswith("GEO") for c in codes) and "GEOGOV" in codes
    gov = next(i for i in items if i["code"] == "GEOGOV")
    assert gov["name"] == "Ilia Darchiashvili" and gov["count"] >= 1
    assert client.get("/api/v1/actors", params={"prefix": "%"}).json()["items"] == []
    assert len(client.get("/api/v1/actors", params={"limit": 2}).json()["items"]) == 2
