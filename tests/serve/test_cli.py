"""``eventwire serve``: the options, the token sources, the defaults (uvicorn is not started here)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.cli.serve import read_token
from eventwire.errors import ServeError
from eventwire.store.db import DEFAULT_DB


def test_the_token_comes_from_the_file_then_the_environment(tmp_path: Path, monkeypatch: Any) -> None:
    f = tmp_path / "token"
    f.write_text("s3cret-token\n")
    f.chmod(0o600)
    monkeypatch.setenv("EVENTWIRE_TOKEN", "from-env")
    assert read_token(str(f)) == "s3cret-token"
    assert read_token(None) == "from-env"
    monkeypatch.delenv("EVENTWIRE_TOKEN")
    assert read_token(None) is None
    f.write_text("  \n")
    with pytest.raises(ServeError) as e:
        read_token(str(f))
    assert e.value.code == "E713"
    with pytest.raises(ServeError):
        read_token(str(tmp_path / "missing"))


def test_serve_builds_the_app_and_runs_uvicorn_on_loopback(tmp_path: Path, monkeypatch: Any) -> None:
    import uvicorn

    seen: dict[str, Any] = {}

    def fake_run(app: Any, **kw: Any) -> None:
        seen.update(kw, app=app, info=app.state.ew.settings)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    db = tmp_path / "new.duckdb"
    r = CliRunner().invoke(
        cli,
        [
            "serve",
            "--db",
            str(db),
            "--port",
            "8199",
            "--max-body-bytes",
            "1234",
            "--cors-origin",
            "http://localhost:3000",
            "--query-timeout",
            "0",
        ],
    )
    assert r.exit_code == 0, r.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8199
    s = seen["info"]
    assert (s.token, s.max_body_bytes, s.cors_origin, s.query_timeout_s) == (None, 1234, "http://localhost:3000", None)
    assert s.url == "http://127.0.0.1:8199" and "writes disabled" in r.output
    assert db.exists() and not Path(f"{db}.serve.json").exists()  # created, and released at the end


def test_serve_reports_an_unreadable_token_file_cleanly(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.duckdb"), "--token-file", str(tmp_path / "nope")])
    assert r.exit_code == 3 and "E713" in r.output and "Traceback" not in r.output
    assert os.path.exists(tmp_path / "x.duckdb") is False


def test_serve_parquet_serves_a_dataset_read_only(
    tmp_path: Path, monkeypatch: Any, built_store: Path, dataset_writer: Any
) -> None:
    import shutil

    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(settings=app.state.ew.settings))
    copy = Path(shutil.copy(built_store, tmp_path / "coded.duckdb"))
    out = dataset_writer(copy, tmp_path / "out")
    monkeypatch.chdir(tmp_path)  # where the default store (--db) would be created
    r = CliRunner().invoke(cli, ["serve", "--parquet", str(out), "--port", "8198"])
    assert r.exit_code == 0, r.output
    assert seen["settings"].parquet and seen["settings"].db_path == str(out)
    assert "read-only" in r.output and not (tmp_path / DEFAULT_DB).exists()


def test_serve_parquet_names_a_folder_that_is_no_dataset(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["serve", "--parquet", str(tmp_path)])
    assert r.exit_code != 0 and "E544" in r.output and "Traceback" not in r.output
