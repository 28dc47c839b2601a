"""The serve tests' store: five short stories written here, coded into a DuckDB store by ``run_corpus`` once
per session, and FastAPI test clients over it (skipped when the ``serve`` extra is not installed)."""

from __future__ import annotations

import json
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install -e '.[serve]')")
with warnings.catch_warnings():  # newer starlette prefers httpx2; httpx works the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from .helpers import STORIES, TOKEN


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve-corpus") / "stories.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in STORIES), "utf-8")
    return path


@pytest.fixture(scope="session")
def built_store(corpus: Path, tmp_path_factory: pytest.TempPathFactory, coder: Any) -> Path:
    """A store coded by ``eventwire run`` (``run_corpus``) from the stories above; never written again."""
    from eventwire.runner import run_corpus

    db = tmp_path_factory.mktemp("serve-store") / "events.duckdb"
    stats = run_corpus([str(corpus)], db, coder=coder, count=False)
    assert stats.coded == len(STORIES) and stats.mentions > 0
    return db


@pytest.fixture(scope="session")
def app(built_store: Path, coder: Any) -> Iterator[Any]:
    from eventwire.serve import create_app

    a = create_app(built_store, token=TOKEN, coder=coder)
    yield a
    a.state.ew.close()


@pytest.fixture(scope="session")
def client(app: Any) -> TestClient:
    """A client of the read-only tests' server (its store is never written)."""
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def store_copy(built_store: Path, tmp_path: Path) -> Path:
    """A private copy of the built store, for tests that write or hold it."""
    db = tmp_path / "events.duckdb"
    shutil.copy(built_store, db)
    return db


@pytest.fixture
def make_client(coder: Any) -> Iterator[Any]:
    """``make_client(db, **create_app options)`` → a client of a new server; closed after the test."""
    from eventwire.serve import create_app

    apps: list[Any] = []

    def make(db: Path | str, **kw: Any) -> TestClient:
        kw.setdefault("coder", coder)
        a = create_app(db, **kw)
        apps.append(a)
        return TestClient(a, raise_server_exceptions=False)

    yield make
    for a in apps:
        a.state.ew.close()
