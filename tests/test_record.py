"""The event record: built from an EventMention, CAMEO facts filled in, validated by the schema."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.errors import SchemaError
from eventwire.events import cameo, plover
from eventwire.mentions import ActorMention, EventMention
from eventwire.record import build_record, event_id, validate
from eventwire.story import Story

TEXT = "Turkey's foreign minister met his Greek counterpart in Athens on Monday."


def _mention(text: str, start: int, end: int, country: str, sectors: tuple[str, ...]) -> ActorMention:
    return ActorMention(
        start=start,
        end=end,
        tok_start=0,
        tok_end=1,
        head=0,
        text=text[start:end],
        country=country,
        sectors=sectors,
        rule="test",
    )


def _event(code: str = "040") -> EventMention:
    src = _mention(TEXT, 0, 25, "TUR", ("GOV",))
    tgt = _mention(TEXT, 30, 50, "GRC", ("GOV",))
    return EventMention(
        sentence_index=0,
        sentence_start=0,
        sentence_end=len(TEXT),
        cameo=code,
        source=src,
        target=tgt,
        trigger_start=26,
        trigger_end=29,
        trigger_tok=4,
        rule="test:meet",
    )


def test_record_fields_and_schema() -> None:
    story = Story(id="s1", text=TEXT, date=dt.date(2024, 5, 6))
    rec = build_record(story, _event("043"))
    validate(rec)
    assert rec["cameo"] == "043" and rec["root"] == "04" and rec["quad_class"] == 1
    assert rec["goldstein"] == pytest.approx(cameo.lookup("043").goldstein)
    assert rec["plover"]["event"] == "CONSULT" and rec["plover"]["mode"] == "visit"
    assert rec["source"]["code"] == "TURGOV" and rec["target"]["country"] == "GRC"
    assert rec["evidence"]["trigger"]["text"] == "met"
    assert rec["date"] == "2024-05-06"
    assert rec["event_id"] == event_id("s1", _event("043"))


@pytest.mark.parametrize(
    "code,quad,penta",
    [
        ("010", 1, 0),
        ("0233", 1, 0),
        ("036", 1, 1),
        ("057", 1, 1),
        ("061", 2, 2),
        ("0874", 2, 2),
        ("112", 3, 3),
        ("138", 3, 3),
        ("145", 4, 4),
        ("163", 4, 3),
        ("173", 4, 4),
        ("190", 4, 4),
        ("202", 4, 4),
    ],
)
def test_quad_and_penta(code: str, quad: int, penta: int) -> None:
    info = cameo.lookup(code)
    assert (info.quad_class, info.penta_class) == (quad, penta)


def test_every_root_in_table_and_goldstein_range() -> None:
    t = cameo.table()
    assert {c.root for c in t.values()} == set(cameo.ROOTS)
    assert all(-10 <= c.goldstein <= 10 for c in t.values())
    assert cameo.lookup("190").goldstein == -10.0


def test_plover_null_for_statements_and_appeals() -> None:
    assert plover.project("010") is None
    assert plover.project("0211") is None
    assert plover.project("1823")["event"] == "ASSAULT"


def test_schema_rejects_bad_record() -> None:
    story = Story(id="s1", text=TEXT, date=None)
    rec = build_record(story, _event())
    rec["cameo"] = "43"
    rec["quad_class"] = 7
    with pytest.raises(SchemaError) as e:
        validate(rec)
    assert e.value.code == "E401"


def test_unknown_code_is_an_error() -> None:
    from eventwire.errors import DictionaryError

    with pytest.raises(DictionaryError):
        cameo.lookup("999")


def test_typed_record_and_json_schema_describe_the_same_fields() -> None:
    from eventwire.record import ActorRecord, EventRecord, LocationRecord, schema

    s = schema()
    assert list(EventRecord.__annotations__) == list(s["properties"])
    assert set(s["required"]) <= EventRecord.__required_keys__
    assert set(ActorRecord.__annotations__) == set(s["$defs"]["actor"]["properties"])
    loc = next(x for x in s["properties"]["location"]["anyOf"] if x.get("type") == "object")
    assert set(LocationRecord.__required_keys__ | LocationRecord.__optional_keys__) == set(loc["properties"])
    assert set(loc["required"]) == LocationRecord.__required_keys__
