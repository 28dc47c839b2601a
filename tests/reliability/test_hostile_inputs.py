"""`eventwire code` over a folder of hostile files exits 0 without a traceback, and every input read is either
coded or listed in --rejects with a code and a reason: coded + rejected = read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.ingest import read_paths
from eventwire.ingest.limits import set_max_story_bytes
from eventwire.story import Reject, Story

from .hostile import build


@pytest.fixture(autouse=True)
def default_limit() -> Iterator[None]:
    set_max_story_bytes(None)
    yield
    set_max_story_bytes(None)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "in"
    build(root)
    return root


def _code(paths: list[str], rejects: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    cmd = [sys.executable, "-m", "eventwire.cli.main", "code", *paths, "--rejects", str(rejects), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)


def test_a_folder_of_hostile_files_is_coded_or_rejected_with_reasons(hostile: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    paths = [str(hostile), str(empty)]
    items = list(read_paths(paths))
    stories = [i for i in items if isinstance(i, Story)]
    ingest_rejects = [i for i in items if isinstance(i, Reject)]
    codes = {r.code for r in ingest_rejects}
    # each kind of hostile input met its own reason
    assert {"E101", "E102", "E103", "E104", "E105", "E106", "E110", "E111", "E113", "E114", "E115"} <= codes
    assert {"E121", "E122", "E123", "E125"} <= codes
    assert {s.id for s in stories} >= {"ok-1", "surrogate", "u16", "small"}
    assert all("\ud800" not in s.text for s in stories)

    rejects = tmp_path / "rejects.jsonl"
    res = _code(paths, rejects, "--batch-size", "4")
    assert res.returncode == 0, res.stderr[-3000:]
    assert "Traceback" not in res.stderr, res.stderr[-3000:]
    listed = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert all(r["code"].startswith("E") and r["reason"] and r["origin"] for r in listed)
    summary = res.stderr.strip().splitlines()[-1]
    coded = int(summary.split("eventwire: ")[1].split(" stories coded")[0])
    assert f"{len(listed)} rejected" in summary
    assert coded + len(listed) == len(items), (summary, len(items))
    # the rejected are exactly the inputs ingest rejected (and none of the stories)
    assert sorted((r["origin"], r["code"]) for r in listed) == sorted((r.origin, r.code) for r in ingest_rejects)
    for line in res.stdout.splitlines():
        json.loads(line)  # every record is valid JSON (no lone surrogates, no broken output)


def test_every_file_of_the_folder_is_accounted_for(hostile: Path) -> None:
    items = list(read_paths([str(hostile)]))
    origins = {(i.origin_file if isinstance(i, Story) else i.origin.split(":")[0]) for i in items}
    for f in sorted(hostile.rglob("*")):
        if f.is_dir() or f.name.startswith("."):
            continue
        name = str(f).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")  # as origins show it
        assert name in origins, f


def test_a_story_over_the_limit_is_rejected_with_its_size_and_never_truncated(hostile: Path) -> None:
    items = list(read_paths([str(hostile / "nopunct.txt"), str(hostile / "sentences.txt")]))
    assert [type(i).__name__ for i in items] == ["Reject", "Reject"]
    for r in items:
        assert isinstance(r, Reject) and r.code == "E111"
        assert "1,000,000" in r.reason and "--max-story-bytes" in r.reason
    set_max_story_bytes(6_000_000)
    items = list(read_paths([str(hostile / "nopunct.txt"), str(hostile / "sentences.txt")]))
    assert [type(i).__name__ for i in items] == ["Story", "Story"]
    assert len(items[0].text) == 5_000_000  # type: ignore[union-attr]
    assert items[1].text.count(".") == 100_000  # type: ignore[union-attr]


def test_a_csv_field_of_20_mb_rejects_its_row_only(hostile: Path) -> None:
    items = list(read_paths([str(hostile / "bigfield.csv")]))
    assert [type(i).__name__ for i in items] == ["Reject", "Story"]
    assert items[0].code == "E111" and items[0].story_id == "huge"  # type: ignore[union-attr]


def test_a_decompression_bomb_is_stopped_at_the_cap(hostile: Path) -> None:
    (r,) = list(read_paths([str(hostile / "bomb.jsonl.gz")]))
    assert isinstance(r, Reject) and r.code == "E122" and "decompression bomb" in r.reason


def test_the_limit_is_checked_alike_by_ingest_and_the_coder(coder) -> None:  # type: ignore[no-untyped-def]
    text = ("Police arrested three protesters in Ganja. " * 30).strip()
    set_max_story_bytes(len(text.encode()) - 1)
    assert isinstance(next(read_paths_text(text)), Reject)
    _, rejects = coder.code_batch([Story(id="s", text=text)])
    assert [r.code for r in rejects] == ["E111"]
    set_max_story_bytes(len(text.encode()))
    assert isinstance(next(read_paths_text(text)), Story)
    records, rejects = coder.code_batch([Story(id="s", text=text)])
    assert not rejects and records


def read_paths_text(text: str):  # type: ignore[no-untyped-def]
    from eventwire.ingest.records import record_to_story

    yield record_to_story({"id": "s", "text": text}, origin_file="t.jsonl", origin_line=1)


def test_an_invalid_limit_is_a_coded_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.errors import InputError
    from eventwire.ingest.limits import max_story_bytes

    monkeypatch.setenv("EVENTWIRE_MAX_STORY_BYTES", "lots")
    set_max_story_bytes(None)
    monkeypatch.setenv("EVENTWIRE_MAX_STORY_BYTES", "lots")
    with pytest.raises(InputError) as e:
        max_story_bytes()
    assert e.value.code == "E124"
    monkeypatch.setenv("EVENTWIRE_MAX_STORY_BYTES", "2_000_000")
    set_max_story_bytes(None)
    monkeypatch.setenv("EVENTWIRE_MAX_STORY_BYTES", "2_000_000")
    assert max_story_bytes() == 2_000_000


def test_max_story_bytes_on_the_command_line(tmp_path: Path, coder) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from eventwire.cli.main import cli

    story = tmp_path / "s.txt"
    story.write_text("Police arrested three protesters in Ganja. " * 5, "utf-8")
    rejects = tmp_path / "rejects.jsonl"
    res = CliRunner().invoke(cli, ["code", str(story), "--max-story-bytes", "100", "--rejects", str(rejects)])
    assert res.exit_code == 1, res.output  # nothing coded
    (r,) = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert r["code"] == "E111" and "the limit is 100" in r["reason"]
    set_max_story_bytes(None)
    res = CliRunner().invoke(cli, ["code", str(story), "--max-story-bytes", "1000"])
    assert res.exit_code == 0 and "1 stories coded" in res.stderr
    res = CliRunner().invoke(cli, ["run", str(story), "--db", str(tmp_path / "e.duckdb"), "--max-story-bytes", "0"])
    assert res.exit_code == 2  # a usage error, before anything is read
