"""Exports: Parquet, CSV, JSONL, GDELT TSV, PLOVER JSON."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from eventwire.errors import StoreError
from eventwire.store import Filters, deduplicate, export, write_batch
from eventwire.store.export import GDELT_COLUMNS


@pytest.fixture
def store(mem_store, mk):
    aze, rus = mk.actor("Azerbaijani envoy", "AZE", "GOV", "ELI"), mk.actor("Moscow", "RUS")
    stories = [
        mk.story("s1", "one", date="2021-03-16", agency="AZERTAC"),
        mk.story("s2", "two", date="2021-03-16", agency="TASS"),
        mk.story("s3", "three", date="2021-04-01"),
    ]
    recs = [
        mk.record(
            "s1",
            "2021-03-16",
            aze,
            rus,
            sentence="The envoy met\tMoscow officials.",
            location=mk.place("Moscow", "RUS", 55.75, 37.62),
        ),
        mk.record("s2", "2021-03-16", rus, aze, cameo="042"),
        mk.record("s3", "2021-04-01", rus, None, cameo="010", sentence="Moscow made a statement."),
    ]
    write_batch(mem_store, stories, recs)
    deduplicate(mem_store)
    return mem_store


def test_parquet_and_csv(store, tmp_path):
    n = export(store, "parquet", tmp_path / "ev.parquet")
    t = pq.read_table(tmp_path / "ev.parquet")
    assert n == t.num_rows == 2 and "mentions" in t.column_names
    n = export(store, "csv", tmp_path / "m.csv", level="mentions", filters=Filters(root="04"))
    rows = list(csv.DictReader(open(tmp_path / "m.csv", encoding="utf-8")))
    assert n == len(rows) == 2 and json.loads(rows[0]["source_sectors"]) in (["GOV", "ELI"], [])
    with pytest.raises(StoreError, match="needs a file"):
        export(store, "parquet", None)


def test_jsonl_events_list_their_mentions(store, tmp_path, capsys):
    export(store, "jsonl", None)
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e["mentions"] for e in events] == [2, 1]
    assert len(events[0]["mention_ids"]) == 2 and events[0]["date"] == "2021-03-16"


def test_gdelt_tsv(store, tmp_path):
    export(store, "gdelt", tmp_path / "g.tsv", level="mentions")
    lines = (tmp_path / "g.tsv").read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    assert tuple(header) == GDELT_COLUMNS
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    assert len(rows) == 3
    r = rows[0]
    assert r["SQLDATE"] == "20210316" and r["MonthYear"] == "202103" and r["Year"] == "2021"
    assert r["EventRootCode"] == "04" and r["QuadClass"] == "1" and r["Actor1Type2Code"] in ("ELI", "")
    assert {rows[0]["Actor1CountryCode"], rows[1]["Actor1CountryCode"]} == {"AZE", "RUS"}
    moscow = [x for x in rows if x["ActionGeo_FullName"] == "Moscow"]
    assert moscow and moscow[0]["ActionGeo_Lat"] == "55.75"
    export(store, "gdelt", tmp_path / "e.tsv")
    ev = (tmp_path / "e.tsv").read_text("utf-8").splitlines()
    assert dict(zip(header, ev[1].split("\t"), strict=True))["NumMentions"] == "2"


def test_plover_json(store, capsys):
    export(store, "plover", None, level="mentions")
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(recs) == 2  # the 010 statement has no PLOVER category
    r = next(x for x in recs if x["event_loc"])
    for key in (
        "id",
        "date",
        "actor",
        "recipient",
        "event",
        "mode",
        "event_loc",
        "event_text",
        "quad_code",
        "event_scale",
        "text_info",
        "cite_info",
        "coder",
        "coded_date",
    ):
        assert key in r
    assert r["event"] == ["CONSULT"] and r["actor"][0]["code"] == "AZE" and r["recipient"][0]["code"] == "RUS"
    assert r["actor"][0]["sector"] == "GOVELI" and r["event_loc"]["country_code"] == "RUS"
    assert r["cite_info"]["publication"] == "AZERTAC" and r["link"].startswith("v-")
    export(store, "plover", None)
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(events) == 1 and len(events[0]["event_text"]) == 2
