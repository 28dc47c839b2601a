"""Property-based tests (hypothesis, bounded): readers, dates, datelines, normalisation, segments, the coder
and the query filters never raise anything but a coded eventwire error, and keep their promises."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import CATALOGUE, EventwireError
from eventwire.ingest.dateline import match_dateline
from eventwire.ingest.dates import DateHint, parse_date_value
from eventwire.ingest.normalize import normalize
from eventwire.ingest.walk import gunzip, read_stream
from eventwire.record import validate
from eventwire.segments import cut_points
from eventwire.story import Reject, Story

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
any_text = st.text(st.characters(codec=None), max_size=300)  # every code point, lone surrogates included
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=12,
)


def _items_ok(items: list[Story | Reject]) -> None:
    for it in items:
        if isinstance(it, Reject):
            assert it.code in CATALOGUE and it.reason and it.code != "E900"
        else:
            json.dumps(it.to_dict(), ensure_ascii=False).encode("utf-8")  # writable: no lone surrogates


@FAST
@given(st.binary(max_size=600) | any_text.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_the_text_reader_codes_or_rejects_any_bytes_and_offsets_map_back(data: bytes) -> None:
    try:  # what read_stream raises, walk turns into one reject of the file
        items = list(read_stream(io.BytesIO(data), "t.txt", "text", None))
    except EventwireError as e:
        assert e.code in CATALOGUE
        return
    _items_ok(items)
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    for it in items:
        if isinstance(it, Story) and not decoded.startswith("\ufeff") and decoded.isascii():
            assert decoded[it.meta["body_offset"] :].startswith(it.text)


@FAST
@given(st.lists(json_values.map(json.dumps) | any_text, max_size=6), st.sampled_from(["\n", "\r\n", "\r"]))
def test_the_jsonl_reader_reports_every_bad_line_with_a_code(lines: list[str], nl: str) -> None:
    data = nl.join(lines).encode("utf-8", "surrogatepass")
    try:
        _items_ok(list(read_stream(io.BytesIO(data), "t.jsonl", "jsonl", None)))
    except EventwireError:
        pass


@FAST
@given(st.lists(st.lists(any_text, max_size=5), max_size=6), st.sampled_from([",", "\t"]))
def test_the_csv_reader_reports_every_bad_row_with_a_code(rows: list[list[str]], sep: str) -> None:
    text = "\n".join(sep.join(r) for r in [["id", "text", "date"], *rows])
    try:
        _items_ok(list(read_stream(io.BytesIO(text.encode("utf-8", "surrogatepass")), "t.csv", "csv", None)))
    except EventwireError:
        pass


@FAST
@given(st.binary(max_size=400), st.sampled_from(["text", "jsonl", "csv", "json"]))
def test_a_gzip_stream_of_any_bytes_is_read_or_refused(data: bytes, kind: str) -> None:
    import gzip
    import zlib

    packed = gzip.compress(data)[: len(data) % 7 * 5 or None]
    try:
        _items_ok(list(read_stream(gunzip(io.BytesIO(packed), len(packed), "t.gz"), "t.gz", kind, None)))
    except (EventwireError, gzip.BadGzipFile, EOFError, zlib.error):  # walk reports the last three as E106
        pass


@FAST
@given(json_values | st.dates() | st.datetimes())
def test_any_date_value_is_read_or_rejected_as_e121(value: Any) -> None:
    try:
        assert isinstance(parse_date_value(value), DateHint)
    except EventwireError as e:
        assert e.code == "E121"


PHRASES = ["on Tuesday", "last Friday", "next month", "next year", "3 weeks ago", "tomorrow", "Dec. 31", "in May"]


@FAST
@given(st.dates(), st.sampled_from(PHRASES), st.booleans())
def test_date_words_resolve_to_a_date_or_none_at_any_story_date(story_date: dt.date, phrase: str, fut: bool) -> None:
    from eventwire import when

    for _, _, kind, m in when.find_expressions(f"They met {phrase}."):
        d = when.resolve(kind, m, story_date, fut)
        assert d is None or isinstance(d, dt.date)


@FAST
@given(any_text, st.booleans())
def test_a_dateline_match_stays_inside_the_text(text: str, lenient: bool) -> None:
    d = match_dateline(text, lenient=lenient)
    if d is not None:
        assert 0 < d.end <= len(text)


@FAST
@given(any_text)
def test_normalisation_keeps_length_and_removes_lone_surrogates(text: str) -> None:
    out = normalize(text)
    assert len(out) == len(text)
    out.encode("utf-8")


@FAST
@given(st.text(alphabet=st.sampled_from("ab .\n!?"), max_size=3000), st.integers(20, 400))
def test_segments_cover_the_text_exactly_within_the_size(text: str, size: int) -> None:
    starts = cut_points(text, size)
    ends = [*starts[1:], len(text)]
    assert starts[0] == 0 and all(0 < b - a <= size for a, b in zip(starts, ends, strict=True) if a < len(text))


@SLOW
@given(st.lists(any_text.filter(str.strip), min_size=1, max_size=4))
def test_the_coder_codes_any_unicode_without_hidden_crashes(coder: Any, texts: list[str]) -> None:
    stories = [Story(id=f"h{i}", text=t) for i, t in enumerate(texts)]
    records, rejects = coder.code_batch(stories)
    assert all(r.code != "E900" for r in rejects), rejects
    by_id = {s.id: s for s in stories}
    for rec in records:
        validate(rec)  # type: ignore[arg-type]
        ev = rec["evidence"]
        assert normalize(by_id[rec["story_id"]].text)[ev["start"] : ev["end"]] == normalize(ev["text"])


@pytest.fixture(scope="module")
def small_store(coder: Any) -> Any:
    from eventwire import code_text
    from eventwire.store import open_store, write_batch

    store = open_store(":memory:")
    records = code_text("Police arrested three protesters in Ganja. Russia criticized Georgia.", date="2024-03-12")
    write_batch(store, [Story(id=records[0]["story_id"], text="x")], records)
    yield store
    store.close()


@SLOW
@given(
    st.dictionaries(
        st.sampled_from(["actor", "country", "sector", "dyad", "cameo", "root", "plover", "text", "place"]),
        any_text,
        max_size=4,
    ),
    st.sampled_from(["events", "mentions"]),
)
def test_query_filters_of_any_text_give_rows_or_e521(small_store: Any, fields: dict[str, str], level: str) -> None:
    from eventwire.store import query as q

    try:
        q.find(small_store, q.Filters(**fields), level=level)  # type: ignore[arg-type]
    except EventwireError as e:
        assert e.code.startswith("E5")
