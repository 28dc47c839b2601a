"""The app as a whole: one error shape for every status, body limit, timeouts, headers, CORS, docs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.store import query as q

from .helpers import assert_error

ROUTES = [
    "/api/v1/events",
    "/api/v1/events/{event_id}",
    "/api/v1/events/{event_id}/explain",
    "/api/v1/mentions",
    "/api/v1/aggregate",
    "/api/v1/places",
    "/api/v1/actors",
    "/api/v1/stories/{story_id}",
    "/api/v1/code",
    "/api/v1/stories",
    "/api/v1/jobs/{job_id}",
    "/api/v1/export",
    "/api/v1/health",
]


def test_unknown_routes_and_methods_answer_in_the_error_shape(client: Any) -> None:
    assert_error(client.get("/api/v1/nope"), 404, "E701")
    assert_error(client.get("/nope/../../etc/passwd"), 404)
    err = assert_error(client.delete("/api/v1/events"), 405, "E702")
    assert "GET" in err["message"]
    assert_error(client.get("/api/v1/code"), 405, "E702")


def test_a_body_over_the_limit_is_413_before_it_is_read(store_copy: Path, make_client: Any) -> None:
    client = make_client(store_copy, max_body_bytes=1000)
    big = {"text": "x" * 2000}
    assert_error(client.post("/api/v1/code", json=big), 413, "E705")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 200
        yield b'"}'

    assert_error(
        client.post("/api/v1/code", content=chunks(), headers={"content-type": "application/json"}), 413, "E705"
    )
    ok = client.post("/api/v1/code", json={"text": "Police arrested three protesters in Ganja."})
    assert ok.status_code == 200


def test_a_slow_query_is_stopped_with_503(store_copy: Path, make_client: Any, monkeypatch: Any) -> None:
    client = make_client(store_copy, query_timeout_s=0.3)

    def slow(st: Any, *a: Any, **k: Any) -> Any:
        st.execute("SELECT count(*) FROM range(20000000000) t(x) WHERE x % 7 = 3")
        raise AssertionError("not stopped")

    monkeypatch.setattr(q, "places", slow)
    err = assert_error(client.get("/api/v1/places"), 503, "E511")
    assert "0.3 s" in err["message"]
    assert client.get("/api/v1/health").status_code == 200  # the server goes on


def test_an_unexpected_error_is_500_without_a_traceback(client: Any, monkeypatch: Any) -> None:
    def boom(*a: Any, **k: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(q, "places", boom)
    r = client.get("/api/v1/places", params={"limit": 77})  # a request no test asked before (not cached)
    err = assert_error(r, 500, "E799")
    assert "secret" not in r.text and "RuntimeError" in err["message"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_read_answers_are_kept_until_the_store_changes(client: Any, monkeypatch: Any) -> None:
    cache = client.app.state.ew.cache
    first = client.get("/api/v1/aggregate", params={"by": "year"}).json()
    monkeypatch.setattr(q, "group_counts", lambda *a, **k: (_ for _ in ()).throw(AssertionError("not cached")))
    hits = cache.hits
    assert client.get("/api/v1/aggregate", params={"by": "year"}).json() == first and cache.hits == hits + 1
    cache.changed()
    assert_error(client.get("/api/v1/aggregate", params={"by": "year"}), 500, "E799")


def test_catalogue_errors_map_to_http_statuses() -> None:
    from eventwire.errors import error
    from eventwire.serve.errors import status_of

    assert status_of(error("E521", detail="bad filter")) == 422
    assert status_of(error("E512", holder="")) == 503 and status_of(error("E511", seconds=1)) == 503
    assert status_of(error("E110", detail="empty")) == 422 and status_of(error("E201", model="x", reason="y")) == 503
    assert status_of(error("E510", reason="x")) == 500 and status_of(error("E707", detail="x")) == 401


def test_every_response_has_the_security_headers_and_no_cors_by_default(client: Any) -> None:
    for r in (
        client.get("/api/v1/health"),
        client.get("/nope"),
        client.get("/docs"),
        client.get("/"),
        client.get("/api/v1/events", params={"limit": 0}),
        client.get("/api/v1/health", headers={"Origin": "http://evil.example"}),
    ):
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/api/v1/events", headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in pre.headers


def test_cors_only_for_the_given_origin(store_copy: Path, make_client: Any) -> None:
    client = make_client(store_copy, cors_origin="http://localhost:3000")
    r = client.get("/api/v1/health", headers={"Origin": "http://localhost:3000"})
    assert r.headers["access-control-allow-origin"] == "http://localhost:3000"
    r = client.get("/api/v1/health", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_docs_work_offline(client: Any) -> None:
    html = client.get("/docs").text
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs and all(ref.startswith("/docs-static/") for ref in refs)
    assert "<script>" not in html  # no inline script: the CSP allows none
    for ref in refs:
        r = client.get(ref)
        assert r.status_code == 200 and len(r.content) > 100, ref
    init = client.get("/docs-static/eventwire-docs.js").text
    assert "validatorUrl: null" in init and "openapi.json" in init
    assert client.get("/redoc").status_code == 404


def test_openapi_describes_every_endpoint_with_models(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    assert set(ROUTES) <= set(spec["paths"])
    for path in ROUTES:
        for method, op in spec["paths"][path].items():
            ok = op["responses"].get("200") or op["responses"].get("202")
            assert ok, (method, path)
            if path != "/api/v1/export":
                assert "$ref" in str(ok["content"]["application/json"]["schema"]), (method, path)
            assert "ErrorResponse" in str(op["responses"]), (method, path)
    assert "HTTPBearer" in str(spec["paths"]["/api/v1/stories"]["post"].get("security"))


def test_health_reports_the_store_and_model(client: Any, built_store: Path) -> None:
    h = client.get("/api/v1/health").json()
    assert h["status"] == "ok" and h["store"] == str(built_store) and h["writes"] is True
    assert h["events"] >= 4 and h["stories"] == 5 and h["model"] and h["schema_version"] >= 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "gdelt", "plover", "parquet"])
def test_exports_stream_the_same_rows_as_the_cli(client: Any, built_store: Path, tmp_path: Path, fmt: str) -> None:
    from eventwire.store.export import export
    from eventwire.store.query import Filters

    r = client.get("/api/v1/export", params={"format": fmt, "level": "mentions", "quad": 4})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    out = tmp_path / f"cli.{fmt}"
    st = client.app.state.ew.store.cursor()  # the server holds the file: export through its connection
    try:
        export(st, fmt, out, level="mentions", filters=Filters(quad=4))
    finally:
        st.close()
    assert r.content == out.read_bytes() or fmt == "parquet"
    if fmt == "parquet":
        import io

        import pyarrow.parquet as pq

        assert pq.read_table(io.BytesIO(r.content)).equals(pq.read_table(out))


def test_export_refuses_unknown_formats(client: Any) -> None:
    assert_error(client.get("/api/v1/export", params={"format": "xlsx"}), 422, "E703")
