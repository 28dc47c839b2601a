"""``eventwire actors PATH...``."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventwire.cli.main import cli


def test_actors_table_and_jsonl(tmp_path, coder, monkeypatch) -> None:
    import eventwire.pipeline as pipeline

    monkeypatch.setattr(pipeline, "Coder", lambda *a, **k: coder)  # reuse the session's loaded coder
    p = tmp_path / "story.txt"
    p.write_text("Ecuador's defence minister met Colombian army officers in Quito.\n", "utf-8")
    r = CliRunner().invoke(cli, ["actors", str(p)])
    assert r.exit_code == 0, r.output
    assert "ECUGOVMIL" in r.output and "COLMIL" in r.output and "dict:countries.yaml:" in r.output
    r = CliRunner().invoke(cli, ["actors", str(p), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines() if line.startswith("{")]
    first = rows[0]
    assert first["code"] == "ECUGOVMIL" and first["text"] == "Ecuador's defence minister"
    assert first["start"] == 0 and first["rule"].startswith("dict:")


def test_actors_nothing_to_read(tmp_path) -> None:
    p = tmp_path / "empty.txt"
    p.write_text("", "utf-8")
    r = CliRunner().invoke(cli, ["actors", str(p)])
    assert r.exit_code == 1
