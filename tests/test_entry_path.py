"""One entry path: ``code_text()``, the CLI and the process pool read a story through the same ingest."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import eventwire
from eventwire.cli.main import cli

# our own wire story: a dateline with an agency, a capital that is no actor, then the body
WIRE = (
    "TBILISI, May 14 (Interpressnews) - Georgia's Prime Minister Irakli Kobakhidze met with Armenian Prime "
    "Minister Nikol Pashinyan in Tbilisi on Tuesday. The two leaders discussed border trade.\n\n"
    "Police detained three activists near the parliament building, the interior ministry said.\n"
)


def _key(rec: dict[str, object]) -> str:
    return json.dumps(rec, sort_keys=True)


def test_code_text_reads_the_dateline_like_a_file(tmp_path: Path) -> None:
    story = tmp_path / "wire.txt"
    story.write_text(f"date 2024-05-14\n{WIRE}", "utf-8")
    res = CliRunner().invoke(cli, ["code", str(story)])
    assert res.exit_code == 0, res.output
    from_file = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    from_api = eventwire.code_text(f"date 2024-05-14\n{WIRE}")
    assert from_file, "the story has events"
    assert sorted(map(_key, from_api)) == sorted(map(_key, from_file))


def test_dateline_place_is_not_an_actor_and_gives_no_extra_event() -> None:
    recs = eventwire.code_text(WIRE, date="2024-05-14")
    assert recs
    # the dateline is metadata: no event starts at offset 0 with the capital as its actor
    for r in recs:
        for side in ("source", "target"):
            actor = r[side]
            assert not (actor and actor["text"] == "TBILISI"), r
    meetings = [r for r in recs if r["evidence"]["trigger"]["text"] == "met"]
    assert len(meetings) == 1 and meetings[0]["source"]["code"] == "GEOGOV"


def test_date_argument_is_the_publication_date_when_the_text_gives_none() -> None:
    recs = eventwire.code_text("Police detained three activists in Yerevan on Tuesday.", date="2024-05-16")
    assert recs and recs[0]["date"] == "2024-05-14"  # the Tuesday before the story's date
