"""Each input format: JSONL, JSON, PLOVER stream, CSV/TSV, HTML, folders, .gz and stdin."""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
from pathlib import Path

import pytest

from eventwire.ingest import read_paths
from eventwire.story import Reject, Story

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def stories(*paths: str | Path) -> list[Story]:
    items = list(read_paths([str(p) for p in paths]))
    assert all(isinstance(i, Story) for i in items), [str(i) for i in items if isinstance(i, Reject)]
    return items  # type: ignore[return-value]


def test_jsonl() -> None:
    a, b, c = stories(FIX / "stories.jsonl")
    assert (a.id, a.date, a.title, a.url, a.language) == (
        "j-1",
        dt.date(2020, 3, 3),
        "Kenya recalls envoy",
        "https://news.example.org/kenya-envoy",
        "en",
    )
    assert (a.place, a.agency, a.dateline) == ("Nairobi", "Reuters", "NAIROBI, March 3 (Reuters) -")
    assert a.text.startswith("Kenya recalled")
    assert (a.origin_file, a.origin_line) == (str(FIX / "stories.jsonl"), 1)
    assert (b.id, b.date, b.agency, b.origin_line) == ("j-2", dt.date(2020, 3, 2), "Andina", 3)  # datetime
    assert c.date is None and c.meta["extra"] == {"extra_field": 7}


def test_json_array() -> None:
    a, b = stories(FIX / "stories.json")
    assert (a.id, b.id) == ("a-1", "a-2") and b.date == dt.date(2018, 2, 15)
    assert (a.meta["record_index"], b.meta["record_index"]) == (0, 1)


def test_plover_stream_of_pretty_printed_objects() -> None:
    a, b = stories(FIX / "plover_stream.jsonl")
    assert (a.id, a.title, a.agency, a.language, a.url) == (
        "P-1",
        "Lithuania expels diplomat",
        "Reuters",
        "en",
        "https://news.example.org/p1",
    )
    assert a.text == ("Lithuania expelled a Belarusian diplomat on Tuesday.\n\nThe foreign ministry gave no reason.")
    assert (a.origin_line, b.origin_line) == (1, 7)


def test_csv_with_multiline_field() -> None:
    a, b = stories(FIX / "stories.csv")
    assert (a.id, a.place, a.agency, a.title, a.origin_line) == ("c-1", "Dhaka", "AFP", "Border posts closed", 2)
    assert a.text.startswith("Bangladesh closed")
    assert (b.id, b.agency, b.language, b.origin_line) == ("c-2", "EFE", "es", 3)
    assert "\non Wednesday" in b.text


def test_csv_without_id_gets_content_hash_and_tsv(tmp_path: Path) -> None:
    p = tmp_path / "s.tsv"
    p.write_text("text\tdate\nGhana and Togo reopened their border.\t2021\n", "utf-8")
    (s,) = stories(p)
    assert s.id.startswith("s-") and s.date is None


def test_html_page() -> None:
    (s,) = stories(FIX / "page.html")
    assert s.title == "Chad and Niger sign security pact"
    assert s.date == dt.date(2022, 6, 21)
    assert s.url == "https://news.example.org/chad-niger-pact"
    assert (s.place, s.agency) == ("Ndjamena", "Reuters")
    assert s.text.startswith("Chad and Niger signed") and "Copyright" not in s.text and "Home" not in s.text


@pytest.mark.parametrize("name", ["stories.jsonl", "stories.csv", "header_dateline.txt", "page.html", "stories.json"])
def test_gzip_reads_like_the_plain_file(name: str, tmp_path: Path) -> None:
    gz = tmp_path / (name + ".gz")
    with open(FIX / name, "rb") as src, gzip.open(gz, "wb") as dst:
        shutil.copyfileobj(src, dst)
    plain = [(s.id, s.text, s.date, s.place, s.agency, s.origin_line) for s in stories(FIX / name)]
    zipped = [(s.id, s.text, s.date, s.place, s.agency, s.origin_line) for s in stories(gz)]
    assert zipped == plain
    assert all(s.origin_file == str(gz) for s in stories(gz))


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    shutil.copy(FIX / "titled.txt", tmp_path / "a.txt")
    shutil.copy(FIX / "stories.jsonl", tmp_path / "b" / "c" / "x.jsonl")
    shutil.copy(FIX / "plain.txt", tmp_path / "b" / "story-no-extension")
    shutil.copy(FIX / "plain.txt", tmp_path / ".hidden.txt")
    shutil.copy(FIX / "plain.txt", tmp_path / ".git" / "x.txt")
    items = list(read_paths([str(tmp_path)]))
    assert [Path(i.origin_file).name for i in items if isinstance(i, Story)] == [
        "a.txt",
        "story-no-extension",
        "x.jsonl",
        "x.jsonl",
        "x.jsonl",
    ]
    assert not any(isinstance(i, Reject) for i in items)


def test_paths_keep_input_order() -> None:
    items = stories(FIX / "plain.txt", FIX / "stories.json", FIX / "titled.txt")
    assert [Path(s.origin_file).name for s in items] == ["plain.txt", "stories.json", "stories.json", "titled.txt"]


def test_utf8_bom_and_utf16_bom(tmp_path: Path) -> None:
    text = (FIX / "header_dateline.txt").read_text("utf-8")
    (tmp_path / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "bom16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + (FIX / "stories.jsonl").read_bytes())
    a, b, *js = stories(tmp_path / "bom8.txt", tmp_path / "bom16.txt", tmp_path / "bom.jsonl")
    assert a.text == b.text and a.date == b.date and a.place == "Ganja" and "\ufeff" not in a.text
    assert [s.id for s in js] == ["j-1", "j-2", "j-3"]
