"""The server holds the store: ``eventwire run`` and ``eventwire query`` on it fail at once, naming the server,
without a traceback or a damaged file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb

from eventwire.store.db import open_store, server_file, server_info, translate

from .helpers import TOKEN


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "EVENTWIRE_TOKEN": ""},
    )


def test_run_on_a_held_store_names_the_server_and_its_api(store_copy: Path, corpus: Path, make_client: Any) -> None:
    client = make_client(store_copy, token=TOKEN, url="http://127.0.0.1:8123")
    indexes = client.app.state.ew.read(lambda st: st.execute("SELECT index_name FROM duckdb_indexes()"))
    assert {"ew_events_event_id", "ew_mentions_mention_id"} <= {r[0] for r in indexes}
    info = server_info(store_copy)
    assert info is not None and info["pid"] == os.getpid() and info["url"] == "http://127.0.0.1:8123"
    before = client.get("/api/v1/health").json()
    for args in (["run", str(corpus), "--db", str(store_copy)], ["query", "--db", str(store_copy)]):
        r = _cli(*args)
        assert r.returncode == 3, r.stderr
        assert "E512" in r.stderr and f"process {os.getpid()}" in r.stderr and "127.0.0.1:8123" in r.stderr
        assert "POST /api/v1/stories" in r.stderr and "Traceback" not in r.stderr
    assert client.get("/api/v1/health").json() == before
    client.app.state.ew.close()
    assert not server_file(store_copy).exists()
    with open_store(store_copy, read_only=True) as st:  # intact, free again, without the server's indexes
        assert st.scalar("SELECT count(*) FROM events") == before["events"]
        assert st.execute("SELECT index_name FROM duckdb_indexes()") == []


def test_a_stale_info_file_is_ignored(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    server_file(db).write_text(json.dumps({"pid": 2**22 + 12345, "url": "http://127.0.0.1:1"}))
    assert server_info(db) is None
    lock = duckdb.IOException('Could not set lock on file "x.duckdb": Conflicting lock is held in python (PID 77)')
    assert translate(lock, str(db)).code == "E501"
    server_file(db).write_text(json.dumps({"pid": os.getpid(), "url": None}))
    e = translate(duckdb.IOException(f"Conflicting lock is held in python (PID {os.getpid()})"), str(db))
    assert e.code == "E512" and f"process {os.getpid()})" in e.message
