"""What fuzzing (`python fuzz/run.py`) and the hostile inputs found, kept as regression tests. Each test names
the fuzz target and seed input that found it (``python fuzz/run.py --target T --seed 0 --only I``)."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.ingest import read_paths
from eventwire.ingest.walk import read_stream
from eventwire.story import Reject, Story


def test_dates_far_in_the_future_or_past_resolve_to_none_not_an_error() -> None:
    # fuzz: --target dates --only 2 (ValueError: year 10000 is out of range, in when.py)
    from eventwire import when

    for phrase, story_date in (("next month", dt.date.max), ("next year", dt.date.max), ("last Friday", dt.date.min)):
        for _, _, kind, m in when.find_expressions(f"They met {phrase}."):
            assert when.resolve(kind, m, story_date, False) is None or kind == "weekday"


def test_a_lone_surrogate_does_not_stop_the_rest_of_the_batch(coder: Any) -> None:
    # fuzz: --target coder --only 0 (spaCy's UnicodeEncodeError ended the parse stream: every later story of
    # the batch became an E900 StopIteration reject)
    stories = [
        Story(id="bad", text="Police arrested \udc80 protesters."),
        Story(id="ok", text="Russia criticized Georgia."),
    ]
    records, rejects = coder.code_batch(stories)
    assert not rejects
    assert {r["story_id"] for r in records} == {"bad", "ok"}  # (ingest replaces lone surrogates: see below)


def test_record_fields_with_lone_surrogates_can_be_written_out(tmp_path: Path) -> None:
    # fuzz: --target jsonl --only 429 (a "\udfff" escape in an extra field made the story unwritable)
    line = json.dumps({"id": "s\ud800", "text": "Police arrested protesters.", "x": {"k\udfff": ["\ud800"]}})
    (story,) = list(read_stream(io.BytesIO(line.encode()), "t.jsonl", "jsonl", None))
    assert isinstance(story, Story) and story.id == "s\ufffd"
    json.dumps(story.to_dict(), ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("[" * 5000, "E125"),  # RecursionError
        ("1" * 5000, "E125"),  # ValueError: int with more than 4,300 digits
        ('{"id": ["a", "b"], "text": "Police arrested protesters."}', "E123"),  # was stringified as an id
        ('{"id": "t", "text": "Police arrested protesters.", "title": {"x": 1}}', "E123"),
        ('{"id": "n", "text": 12345}', "E113"),
        ('{"id": "d", "text": "Police arrested protesters.", "date": "2021-02-30"}', "E121"),
    ],
)
def test_json_lines_that_used_to_crash_or_pass_silently_are_rejected(line: str, code: str) -> None:
    good = '{"id": "good", "text": "Russia criticized Georgia."}'
    items = list(read_stream(io.BytesIO(f"{good}\n{line}\n{good}\n".encode()), "t.jsonl", "jsonl", None))
    assert [type(i).__name__ for i in items] == ["Story", "Reject", "Story"]
    assert isinstance(items[1], Reject) and items[1].code == code and items[1].origin == "t.jsonl:2"


def test_a_utf16_csv_is_read_and_old_mac_line_ends_are_rows(tmp_path: Path) -> None:
    # hostile inputs: a UTF-16 CSV had every line rejected (E103); a CSV with lone CRs was one bad row (E116)
    (tmp_path / "u.csv").write_bytes(
        codecs.BOM_UTF16_LE + 'id,text\r\na,"Police arrested protesters."\r\n'.encode("utf-16-le")
    )
    (tmp_path / "m.csv").write_bytes(b"id,text\rb,Russia criticized Georgia.\rc,Iran urged talks.\r")
    items = list(read_paths([str(tmp_path / "u.csv"), str(tmp_path / "m.csv")]))
    assert [i.id for i in items if isinstance(i, Story)] == ["a", "b", "c"]


def test_a_csv_field_past_the_csv_modules_limit_rejects_its_row_only(tmp_path: Path) -> None:
    # the csv module's field limit raised csv.Error in the middle of the field; the rest was read as rows
    field = "word " * 1_100_000
    (tmp_path / "big.csv").write_text(f'id,text\nbig,"{field}\nmore {field}"\nok,Iran urged talks.\n', "utf-8")
    items = list(read_paths([str(tmp_path / "big.csv")]))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [("Reject", "E111"), ("Story", None)]


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    # hostile inputs: the origin kept surrogate escapes and `--rejects` could not be written
    import os

    name = tmp_path / os.fsdecode(b"caf\xe9.pdf")
    name.write_bytes(b"%PDF")
    (r,) = list(read_paths([str(tmp_path)]))
    assert isinstance(r, Reject) and r.code == "E104" and r.origin.endswith("caf\\xe9.pdf")
    json.dumps(r.to_dict(), ensure_ascii=False).encode("utf-8")


def test_a_jsonl_file_without_records_is_reported(tmp_path: Path) -> None:
    # hostile inputs: a JSONL of blank lines gave nothing at all, neither a story nor a reject
    (tmp_path / "blank.jsonl").write_bytes(b"\n \r\n\n")
    (r,) = list(read_paths([str(tmp_path / "blank.jsonl")]))
    assert isinstance(r, Reject) and r.code == "E110"


def test_a_sqlite_file_given_as_store_is_refused_without_a_download(tmp_path: Path) -> None:
    # store faults: DuckDB tried to download its sqlite extension to open the file (E510 without network)
    from eventwire.errors import StoreError
    from eventwire.store import open_store

    db = tmp_path / "x.duckdb"
    db.write_bytes(b"SQLite format 3\x00" + bytes(4096))
    with pytest.raises(StoreError) as e:
        open_store(db)
    assert e.value.code == "E502" and "another format" in e.value.message


def test_a_petrarch_macro_that_names_itself_is_expanded_once() -> None:
    # fuzz: --target dictionaries --only 5065 (RecursionError in the agents converter's macro expansion)
    from eventwire.actors.petrarch import convert_agents

    conv = convert_agents(["!GUARD! = GUARD, !GUARD!S\n", "CITY_!GUARD! [~COP]\n"], "agents.txt")
    assert conv.entries and "city guard" in conv.entries[0]["terms"]


def test_a_dictionary_with_a_giant_integer_is_a_coded_yaml_error(tmp_path: Path) -> None:
    # fuzz: --target dictionaries --only 20273 (ValueError from int() past Python's 4,300-digit limit)
    from eventwire.actors.data_files import read_yaml
    from eventwire.errors import DictionaryError

    path = tmp_path / "actors.yaml"
    path.write_text("- {name: X, code: " + "7" * 4804 + "}\n", "utf-8")
    with pytest.raises(DictionaryError) as e:
        read_yaml("actors.yaml", path)
    assert e.value.code == "E302" and "actors.yaml" in str(e.value)
