"""``eventwire explain`` on a sentence and on a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from eventwire.cli.main import cli


def test_explain_sentence(coder: Any) -> None:
    res = CliRunner().invoke(cli, ["explain", "Russia and China held talks in Beijing. Russia did not attack Ukraine."])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "parse:" in out and "actors:" in out and "frames:" in out
    assert "046" in out and "lightverbs.yaml:hold" in out
    assert "negated" in out


def test_explain_file_json(coder: Any, tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text("Iran plans to visit China.\n", "utf-8")
    res = CliRunner().invoke(cli, ["explain", str(f), "--json", "--no-parse"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert rows[0]["parse"] is None and rows[0]["events"][0]["cameo"] == "036"
    assert rows[0]["decisions"]


def test_explain_a_text_longer_than_a_file_name(coder: Any) -> None:
    text = "Kenya signed an agreement with Tunisia on Tuesday. " * 8  # > 255 bytes: no file name the OS accepts
    res = CliRunner().invoke(cli, ["explain", text, "--no-parse"])
    assert res.exit_code == 0, res.output
    assert "057" in res.stdout
