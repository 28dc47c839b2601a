"""End-to-end runs of ``eventwire code`` through the click command (in-process)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.record import validate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "baku-meeting.txt")


@pytest.fixture(scope="module")
def runner(coder) -> CliRunner:  # the coder fixture warms the model cache for the whole session
    return CliRunner()


def test_code_jsonl_validates(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", EXAMPLE])
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stdout.splitlines() if ln.strip()]
    for ln in lines:
        validate(json.loads(ln))
    assert "1 stories coded" in res.stderr


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_code_other_formats(runner: CliRunner, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"events.{fmt}"
    res = runner.invoke(cli, ["code", EXAMPLE, "--format", fmt, "--output", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text("utf-8")
    if fmt == "json":
        assert isinstance(json.loads(text), list)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert all(r["cameo"] and r["evidence"] for r in rows)
    else:
        assert text.splitlines()[0].split()[:4] == ["date", "source", "target", "cameo"]


def test_rejects_file_and_exit_code_when_nothing_read(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", "utf-8")
    rej = tmp_path / "rejects.jsonl"
    res = runner.invoke(cli, ["code", str(empty), "--rejects", str(rej)])
    assert res.exit_code == 1
    rows = [json.loads(x) for x in rej.read_text("utf-8").splitlines()]
    assert len(rows) == 1 and rows[0]["origin"].endswith("empty.txt") and rows[0]["reason"]
    assert "0 stories coded" in res.stderr and "1 rejected" in res.stderr


def test_bad_model_is_a_clean_error(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", EXAMPLE, "--model", "no_such_pipeline_xyz"])
    assert res.exit_code == 3
    assert "E201" in res.stderr and "no_such_pipeline_xyz" in res.stderr
    assert "Traceback" not in res.output


def test_version_and_help_with_examples(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["--version"])
    assert res.exit_code == 0 and "eventwire" in res.output
    for name, cmd in cli.commands.items():
        if cmd.hidden:
            continue
        res = runner.invoke(cli, [name, "--help"])
        assert res.exit_code == 0, name
        assert "Example" in res.output, f"`eventwire {name} --help` shows no example"


def test_usage_error_exit_code(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", EXAMPLE, "--format", "xml"])
    assert res.exit_code == 2


def test_workers_give_the_same_output_in_the_same_order(runner: CliRunner, tmp_path: Path) -> None:
    src = Path(EXAMPLE).read_text("utf-8")
    for i in range(4):
        (tmp_path / f"s{i}.txt").write_text(src.replace("Tuesday", f"Tuesday ({i})"), "utf-8")
    one = runner.invoke(cli, ["code", str(tmp_path), "--batch-size", "1"])
    two = runner.invoke(cli, ["code", str(tmp_path), "--batch-size", "1", "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert "4 stories coded" in two.stderr


def test_bad_model_with_workers_exits_cleanly(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", EXAMPLE, "--workers", "2", "--model", "no_such_pipeline_xyz"])
    assert res.exit_code == 3
    assert "E201" in res.stderr and "Traceback" not in res.stderr


def test_user_dictionaries_from_petrarch_import(runner: CliRunner, tmp_path: Path) -> None:
    fixture = ROOT / "tests" / "fixtures" / "actors" / "petrarch_sample.actors.txt"
    converted = tmp_path / "valdoria.yaml"
    res = runner.invoke(
        cli, ["dictionaries", "import-petrarch", str(fixture), "--kind", "actors", "-o", str(converted)]
    )
    assert res.exit_code == 0, res.output
    story = tmp_path / "story.txt"
    story.write_text("date 2024-05-02\n\nValdoria condemned the attack on its embassy.\n", "utf-8")
    plain = runner.invoke(cli, ["code", str(story)])
    extra = runner.invoke(cli, ["code", str(story), "--dictionaries", str(converted)])
    assert extra.exit_code == 0, extra.output
    codes = {json.loads(ln)["source"]["code"] for ln in extra.stdout.splitlines() if ln.strip()}
    assert "VLD" in codes
    assert "VLD" not in plain.stdout
