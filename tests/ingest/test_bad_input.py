"""Every bad input becomes a Reject with a code, an origin naming file (and line) and a clear reason;
reading goes on with the next line or file."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from eventwire.ingest import MAX_STORY_CHARS, read_paths
from eventwire.story import Reject, Story

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "ingest"
GOOD = '{"id": "ok", "text": "Ghana and Togo reopened their border."}\n'


def read(*paths: Path | str, **kw: str) -> list[Story | Reject]:
    return list(read_paths([str(p) for p in paths], **kw))


def only_reject(items: list[Story | Reject]) -> Reject:
    assert len(items) == 1 and isinstance(items[0], Reject), items
    return items[0]


def test_missing_file_then_reading_goes_on(tmp_path: Path) -> None:
    items = read(tmp_path / "nope.txt", FIX / "plain.txt")
    assert isinstance(items[0], Reject) and items[0].code == "E101"
    assert items[0].origin.endswith("nope.txt") and "no such file" in items[0].reason
    assert isinstance(items[1], Story)


def test_a_name_too_long_for_the_os_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    items = read(tmp_path / ("x" * 300), FIX / "plain.txt")
    assert isinstance(items[0], Reject) and items[0].code == "E101" and "too long" in items[0].reason
    assert isinstance(items[1], Story)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "locked.txt"
    p.write_text("Chile and Peru met.", "utf-8")
    real_open = open

    def deny(file, *a, **kw):  # type: ignore[no-untyped-def]
        if str(file) == str(p):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **kw)

    monkeypatch.setattr("builtins.open", deny)
    r = only_reject(read(p))
    assert r.code == "E101" and "Permission denied" in r.reason and r.origin == str(p)


def test_dangling_symlink_in_folder(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    assert only_reject(read(tmp_path)).code == "E101"


def test_invalid_json_line_is_rejected_alone(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text(GOOD + '{"id": "bad", "text": "unterminated\n' + GOOD.replace("ok", "ok2"), "utf-8")
    items = read(p)
    assert [type(i).__name__ for i in items] == ["Story", "Reject", "Story"]
    r = items[1]
    assert isinstance(r, Reject) and r.code == "E114" and r.origin == f"{p}:2" and "invalid JSON" in r.reason


def test_invalid_first_json_line(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "bad", "text": \n' + GOOD, "utf-8")
    items = read(p)
    assert [type(i).__name__ for i in items] == ["Reject", "Story"]
    assert items[0].code == "E114" and items[0].origin == f"{p}:1"  # type: ignore[union-attr]


def test_blank_lines_are_skipped_but_not_counted_as_rejects(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text("\n  \n" + GOOD + "\n", "utf-8")
    (s,) = read(p)
    assert isinstance(s, Story) and s.origin_line == 3


@pytest.mark.parametrize(
    ("record", "code", "words"),
    [
        ({"id": "r1", "title": "No text here"}, "E112", "no 'text'"),
        ({"id": "r2", "text": None}, "E112", "no 'text'"),
        ({"id": "r3", "text": 42}, "E113", "not a string"),
        ({"id": "r4", "text": ""}, "E110", "empty story"),
        ({"id": "r5", "text": "   \n "}, "E110", "empty story"),
        ({"id": "r6", "text": "Chile and Peru met.", "date": "next Tuesday"}, "E121", "invalid date"),
        ({"id": "r7", "text": "PARIS, Jan 5 (AFP) - "}, "E110", "after the header and dateline"),
    ],
)
def test_bad_records(tmp_path: Path, record: dict, code: str, words: str) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text(json.dumps(record) + "\n" + GOOD, "utf-8")
    items = read(p)
    assert isinstance(items[1], Story)
    r = items[0]
    assert isinstance(r, Reject) and r.code == code and words in r.reason
    assert r.origin == f"{p}:1" and r.story_id == record["id"]


def test_json_values_that_are_not_objects(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text('"just a string"\n[1, {"id": "x", "text": "Chile and Peru met."}]\n', "utf-8")
    items = read(p)
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [
        ("Reject", "E115"),
        ("Reject", "E115"),
        ("Story", None),
    ]


def test_broken_json_document_resynchronises(tmp_path: Path) -> None:
    p = tmp_path / "s.json"
    p.write_text('{\n  "id": "a",\n  "text": oops\n}\n{\n  "id": "b",\n  "text": "Chile and Peru met."\n}\n', "utf-8")
    items = read(p)
    assert isinstance(items[0], Reject) and items[0].code == "E114" and items[0].origin == f"{p}:1"
    assert "line 3" in items[0].reason
    assert isinstance(items[1], Story) and items[1].id == "b" and items[1].origin_line == 5


CP1252 = "date 2020-05-01\nThe caf\u00e9 owners in Montr\u00e9al met the mayor \u2013 again.".encode("cp1252")


def test_wrong_encoding_is_rejected_with_position(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes(CP1252)
    r = only_reject(read(p))
    assert r.code == "E103" and "not valid UTF-8" in r.reason and "line 2, column 8" in r.reason
    assert "0xE9" in r.reason and "EVENTWIRE_FALLBACK_ENCODING" in r.reason


def test_fallback_encoding_by_argument_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes(CP1252)
    (s,) = read(p, fallback_encoding="cp1252")
    assert isinstance(s, Story) and "caf\u00e9" in s.text and "\u2013" in s.text
    assert s.meta["encoding"] == "cp1252"
    monkeypatch.setenv("EVENTWIRE_FALLBACK_ENCODING", "cp1252")
    (s,) = read(p)
    assert isinstance(s, Story) and "Montr\u00e9al" in s.text


def test_unknown_fallback_encoding_is_an_error() -> None:
    from eventwire.errors import InputError

    with pytest.raises(InputError) as e:
        read(FIX / "plain.txt", fallback_encoding="no-such-codec")
    assert e.value.code == "E103"


def test_wrong_encoding_in_jsonl_and_csv_rejects_only_that_line(tmp_path: Path) -> None:
    j = tmp_path / "s.jsonl"
    j.write_bytes(GOOD.encode() + '{"id": "l", "text": "Montr\u00e9al"}\n'.encode("cp1252") + GOOD.encode())
    items = read(j)
    assert [type(i).__name__ for i in items] == ["Story", "Reject", "Story"]
    assert items[1].code == "E103" and items[1].origin == f"{j}:2"  # type: ignore[union-attr]
    c = tmp_path / "s.csv"
    c.write_bytes(
        b"id,text\na,Chile and Peru met.\n"
        + "b,Montr\u00e9al mayor met.\n".encode("cp1252")
        + b"c,Ghana and Togo met.\n"
    )
    items = read(c)
    assert [type(i).__name__ for i in items] == ["Story", "Reject", "Story"]
    r = items[1]
    assert isinstance(r, Reject) and r.code == "E103" and r.origin == f"{c}:3" and r.story_id == "b"


def test_empty_files(tmp_path: Path) -> None:
    for name, data in [
        ("empty.txt", b""),
        ("blank.txt", b" \n\n "),
        ("empty.html", b""),
        ("header-only.txt", b"date 2020-01-01 Baku, January 1, AZERTAC\n"),
    ]:
        (tmp_path / name).write_bytes(data)
        r = only_reject(read(tmp_path / name))
        assert r.code == "E110" and r.origin == str(tmp_path / name) and "empty" in r.reason


def test_empty_jsonl_and_folder(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_bytes(b"")
    r = only_reject(read(tmp_path / "e.jsonl"))  # nothing in it: reported, never passed over in silence
    assert r.code == "E110" and "no records" in r.reason
    empty = tmp_path / "dir"
    empty.mkdir()
    r = only_reject(read(empty))
    assert r.code == "E105" and "no story files" in r.reason


def test_too_long_story(tmp_path: Path) -> None:
    big = "Chile and Peru met again. " * (5_000_000 // 26)  # ~5 MB
    (tmp_path / "big.txt").write_text(big, "utf-8")
    r = only_reject(read(tmp_path / "big.txt"))
    assert r.code == "E111" and "too long" in r.reason and f"{MAX_STORY_CHARS:,}" in r.reason
    (tmp_path / "big.jsonl").write_text(json.dumps({"id": "big", "text": big}) + "\n" + GOOD, "utf-8")
    items = read(tmp_path / "big.jsonl")
    assert isinstance(items[0], Reject) and items[0].code == "E111" and items[0].story_id == "big"
    assert isinstance(items[1], Story)
    # 1.2 M characters in fewer than 4 MB of bytes: rejected on its length in characters
    (tmp_path / "mid.txt").write_text("x" * (MAX_STORY_CHARS + 1), "utf-8")
    assert only_reject(read(tmp_path / "mid.txt")).code == "E111"


def test_binary_files(tmp_path: Path) -> None:
    blob = bytes(range(256)) * 8
    for name in ("photo.txt", "data.jsonl", "rows.csv", "page.html", "noext"):
        (tmp_path / name).write_bytes(blob)
        r = only_reject(read(tmp_path / name))
        assert r.code == "E102" and "binary" in r.reason and r.origin == str(tmp_path / name)


def test_corrupt_gzip(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(b"this is not gzip at all")
    full = gzip.compress((FIX / "stories.jsonl").read_bytes())
    (tmp_path / "b.jsonl.gz").write_bytes(full[: len(full) // 2])
    items = read(tmp_path / "a.txt.gz", tmp_path / "b.jsonl.gz")
    assert [getattr(i, "code", None) for i in items if isinstance(i, Reject)] == ["E106", "E106"]


def test_unsupported_file_in_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 not a story")
    (tmp_path / "a.txt").write_text("Chile and Peru met.", "utf-8")
    items = read(tmp_path)
    assert isinstance(items[0], Story)
    r = items[1]
    assert isinstance(r, Reject) and r.code == "E104" and "'.pdf'" in r.reason


def test_csv_problems(tmp_path: Path) -> None:
    (tmp_path / "notext.csv").write_text("id,body\n1,Chile and Peru met.\n", "utf-8")
    r = only_reject(read(tmp_path / "notext.csv"))
    assert r.code == "E112" and "no 'text' column" in r.reason and r.origin.endswith("notext.csv:1")
    (tmp_path / "extra.csv").write_text("id,text\n1,Chile met Peru.,surplus\n2,Peru met Chile.\n", "utf-8")
    items = read(tmp_path / "extra.csv")
    assert isinstance(items[0], Reject) and items[0].code == "E116" and items[0].origin.endswith(":2")
    assert isinstance(items[1], Story)


def test_html_without_text_and_without_extractor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "blank.html").write_text(
        "<html><head><title>Blank</title></head><body><script>var x = 1;</script><img src='x.png'></body></html>",
        "utf-8",
    )
    r = only_reject(read(tmp_path / "blank.html"))
    assert r.code == "E117" and "no main text" in r.reason
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    r = only_reject(read(FIX / "page.html"))
    assert r.code == "E118" and "trafilatura" in r.reason and r.origin == str(FIX / "page.html")


def test_input_codes_of_the_catalogue_are_documented_in_the_ingest_guide() -> None:
    from eventwire.errors import CATALOGUE, InputError

    doc = (ROOT / "docs" / "ingest.md").read_text("utf-8")
    codes = [c for c, d in CATALOGUE.items() if d.kind is InputError and c not in ("E100", "E150")]
    assert codes
    for code in codes:
        assert f"`{code}`" in doc, f"{code} is not in docs/ingest.md"


def test_unreadable_subfolder_is_reported_and_the_rest_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text("Chile and Peru met.", "utf-8")
    (tmp_path / "z.txt").write_text("Ghana and Togo met.", "utf-8")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Story", "Reject"]
    r = items[1]
    assert isinstance(r, Reject) and r.code == "E101" and r.origin.endswith("locked")
    assert "Permission denied" in r.reason


def test_linked_folders_are_read_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "s.txt").write_text("Chile and Peru met.", "utf-8")
    (tmp_path / "b-link").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    items = read(tmp_path)
    assert len(items) == 1 and isinstance(items[0], Story)
