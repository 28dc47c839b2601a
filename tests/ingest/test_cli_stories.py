"""``eventwire stories`` and the acceptance run of ``eventwire code`` on a folder with broken files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_stories_on_the_shared_example(shared: Path) -> None:
    res = CliRunner().invoke(cli, ["stories", str(shared / "examples" / "azertac-2019-10-08.txt")])
    assert res.exit_code == 0, res.output
    (line,) = res.stdout.splitlines()
    s = json.loads(line)
    assert (s["date"], s["place"], s["agency"]) == ("2019-10-08", "Baku", "AZERTAC")
    assert s["text"].startswith("Azerbaijan")
    assert "1 stories, 0 rejected" in res.stderr


def test_stories_from_stdin_jsonl() -> None:
    data = (
        '{"id": "in-1", "text": "BEIJING, March 3 (Xinhua) -- China and Laos signed a rail deal.", '
        '"date": "2021-03-03"}\n\n{"id": "in-2", "text": "Laos thanked China."}\n'
    )
    res = CliRunner().invoke(cli, ["stories", "-"], input=data)
    assert res.exit_code == 0, res.output
    a, b = (json.loads(x) for x in res.stdout.splitlines())
    assert (a["id"], a["place"], a["agency"], a["date"], a["origin_file"], a["origin_line"]) == (
        "in-1",
        "Beijing",
        "Xinhua",
        "2021-03-03",
        "<stdin>",
        1,
    )
    assert a["text"].startswith("China and Laos")
    assert (b["id"], b["origin_line"]) == ("in-2", 3)


def test_stories_from_stdin_plain_text() -> None:
    res = CliRunner().invoke(cli, ["stories", "-"], input="ANKARA (AA) - Turkey hosted talks on Monday.\n")
    assert res.exit_code == 0, res.output
    s = json.loads(res.stdout)
    assert (s["place"], s["agency"], s["text"]) == ("Ankara", "AA", "Turkey hosted talks on Monday.")


def test_stories_table_and_rejects_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", "utf-8")
    rej = tmp_path / "rejects.jsonl"
    res = CliRunner().invoke(
        cli, ["stories", str(FIX / "stories.jsonl"), str(bad), "--format", "table", "--rejects", str(rej)]
    )
    assert res.exit_code == 0, res.output
    header, rule, *rows = res.stdout.splitlines()
    assert header.split() == ["id", "date", "place", "agency", "text"] and len(rows) == 3
    assert rows[0].split()[:4] == ["j-1", "2020-03-03", "Nairobi", "Reuters"]
    (r,) = [json.loads(x) for x in rej.read_text("utf-8").splitlines()]
    assert r["code"] == "E114" and r["origin"] == f"{bad}:1" and r["reason"]
    assert f"rejected {bad}:1: [E114]" in res.stderr and "3 stories, 1 rejected" in res.stderr


def test_stories_exit_1_when_nothing_is_read(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["stories", str(tmp_path / "missing.txt")])
    assert res.exit_code == 1
    assert "E101" in res.stderr and "0 stories, 1 rejected" in res.stderr


def test_stories_fallback_encoding_option(tmp_path: Path) -> None:
    p = tmp_path / "old.txt"
    p.write_bytes("Officials in Bogot\u00e1 met.".encode("cp1252"))
    res = CliRunner().invoke(cli, ["stories", str(p)])
    assert res.exit_code == 1 and "E103" in res.stderr
    res = CliRunner().invoke(cli, ["stories", str(p), "--fallback-encoding", "cp1252"])
    assert res.exit_code == 0 and json.loads(res.stdout)["text"] == "Officials in Bogot\u00e1 met."


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """3 good stories (text, JSONL, CSV) and 3 broken files (bad JSON line, binary, empty)."""
    d = tmp_path / "inbox"
    (d / "wire").mkdir(parents=True)
    shutil.copy(FIX / "header_dateline.txt", d / "a-story.txt")
    (d / "wire" / "b.jsonl").write_text(
        '{"id": "b-1", "text": "NAIROBI, March 3 (Reuters) - Kenya and Uganda signed a trade agreement '
        'on Tuesday.", "date": "2020-03-03"}\n',
        "utf-8",
    )
    (d / "wire" / "c.csv").write_text(
        'id,text,date\nc-1,"Chile and Argentina agreed on Friday to build a new border bridge.",2019-05-10\n', "utf-8"
    )
    (d / "broken.jsonl").write_text('{"id": "x-1", "text": "never closed\n', "utf-8")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (d / "empty.txt").write_bytes(b"")
    return d


def test_code_folder_with_broken_files(coder, mixed_folder: Path, tmp_path: Path) -> None:
    rej = tmp_path / "rejects.jsonl"
    res = CliRunner().invoke(cli, ["code", str(mixed_folder), "--rejects", str(rej)])
    assert res.exit_code == 0, res.output
    assert "3 stories coded" in res.stderr and "3 rejected" in res.stderr
    rows = [json.loads(x) for x in rej.read_text("utf-8").splitlines()]
    by_code = {r["code"]: r for r in rows}
    assert set(by_code) == {"E114", "E102", "E110"}
    assert by_code["E114"]["origin"] == f"{mixed_folder / 'broken.jsonl'}:1"
    assert by_code["E102"]["origin"] == str(mixed_folder / "binary.txt")
    assert by_code["E110"]["origin"] == str(mixed_folder / "empty.txt")
    assert all(r["reason"] for r in rows)
    for line in res.stdout.splitlines():
        assert json.loads(line)["story_id"] in {"b-1", "c-1"} or json.loads(line)["story_id"].startswith("s-")
