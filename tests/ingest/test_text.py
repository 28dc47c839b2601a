"""Plain-text stories: header line, title, dateline, body, dates and ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest import normalize, read_paths, read_text_story
from eventwire.ingest.dates import DateHint
from eventwire.story import Story

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_header_with_dateline() -> None:
    raw = (FIX / "header_dateline.txt").read_text("utf-8")
    s = read_text_story(raw, origin="f.txt")
    assert s.date == dt.date(2021, 4, 12)
    assert (s.place, s.agency, s.dateline) == ("Ganja", "AZERTAC", "Ganja, April 12, AZERTAC")
    assert s.text.startswith("Georgia`s Minister") and s.text.endswith("two countries.")
    assert raw[s.meta["body_offset"] :].startswith(s.text)  # offsets map back to the file
    assert len(normalize(s.text)) == len(s.text) and "Georgia's" in normalize(s.text)


def test_header_date_beats_dateline_date() -> None:
    s = read_text_story("date 2019-10-09\nMOSCOW, October 8 (TASS) - Russia sent a note.")
    assert s.date == dt.date(2019, 10, 9) and s.place == "Moscow" and s.text == "Russia sent a note."


def test_dateline_takes_year_from_header_line_variants() -> None:
    s = read_text_story(" DATE: 2018-03-01T10:00:00Z  PARIS, March 1 (AFP) -\n\nFrance and Mali met.")
    assert s.date == dt.date(2018, 3, 1) and s.place == "Paris" and s.agency == "AFP"
    assert s.text == "France and Mali met."


def test_dateline_year_from_metadata_year_and_turn_of_year() -> None:
    s = read_text_story("MOSCOW, Dec. 31 (TASS) - Russia sent a note.", date=DateHint(year=2021, month=1))
    assert s.date == dt.date(2020, 12, 31)
    s = read_text_story("MOSCOW, June 6 (TASS) - Russia sent a note.", date=DateHint(year=2021))
    assert s.date == dt.date(2021, 6, 6)


def test_dateline_without_year_keeps_month_day_in_meta() -> None:
    s = read_text_story("PARIS, Jan 5 (AFP) - France urged calm.")
    assert s.date is None and (s.meta["dateline_month"], s.meta["dateline_day"]) == (1, 5)


def test_dateline_country_in_meta() -> None:
    s = read_text_story("KABUL, Afghanistan (AP) — Taliban envoys arrived.")
    assert s.place == "Kabul" and s.meta["dateline_country"] == "Afghanistan" and s.agency == "AP"
    assert s.text == "Taliban envoys arrived."


def test_title_then_dateline() -> None:
    s = read_text_story((FIX / "titled.txt").read_text("utf-8"))
    assert s.title == "Ministers agree on border crossing"
    assert (s.place, s.agency) == ("Ulaanbaatar", "Xinhua")
    assert s.text.startswith("Mongolia and Kazakhstan")


def test_crlf_title_and_dateline_on_its_own_line() -> None:
    s = read_text_story("Talks resume in Geneva\r\n\r\nWASHINGTON (Reuters) -\r\nThe talks resumed on Monday.\r\n")
    assert (s.title, s.place, s.agency, s.text) == (
        "Talks resume in Geneva",
        "Washington",
        "Reuters",
        "The talks resumed on Monday.",
    )


def test_no_title_and_no_dateline_are_invented() -> None:
    s = read_text_story((FIX / "plain.txt").read_text("utf-8"))
    assert s.title is None and s.dateline is None and s.place is None
    assert s.text.startswith("Russia, China agree")


@pytest.mark.parametrize(
    "first",
    [
        "Officials said the talks would resume.",  # ends with a period: a sentence
        "Talks",  # one word
        "A soldier guards the gate in Aden. PHOTO/Staff Photographer",  # two sentences: a caption
        "May 12, 2016",  # only a date
        'The envoy said talks would go on "as long as needed."',  # a quoted sentence
        "In Aden, Yemen -",  # ends with a dash
        "Officials in both capitals said that",  # continues in the next paragraph
    ],
)
def test_title_is_conservative(first: str) -> None:
    rest = "the two delegations" if first.endswith("that") else "The two delegations"
    s = read_text_story(f"{first}\n\n{rest} met again on Monday in the capital for more talks.")
    assert s.title is None and s.text.startswith(first)


def test_byline_line_is_kept_out_of_the_text() -> None:
    s = read_text_story(
        "Talks resume in Geneva\n\nBy Ana Lopez and Tom Reed\n\nGENEVA (Reuters) - Diplomats met again on Monday."
    )
    assert (s.title, s.meta["byline"], s.place) == ("Talks resume in Geneva", "By Ana Lopez and Tom Reed", "Geneva")
    assert s.text == "Diplomats met again on Monday."
    s = read_text_story("By the time the talks ended, both sides had left.")
    assert "byline" not in s.meta and s.text.startswith("By the time")


def test_shared_azertac_example(shared: Path) -> None:
    items = list(read_paths([str(shared / "examples" / "azertac-2019-10-08.txt")]))
    assert len(items) == 1 and isinstance(items[0], Story)
    s = items[0]
    assert s.date == dt.date(2019, 10, 8)
    assert (s.place, s.agency) == ("Baku", "AZERTAC")
    assert s.text.startswith("Azerbaijan")
    assert "AZERTAC" not in s.text


def test_ids_are_stable_content_hashes() -> None:
    a = read_text_story("date 2020-01-01\nChile and Peru met.")
    b = read_text_story("date 2020-01-01\n\nChile and Peru met.\n")
    c = read_text_story("date 2020-01-02\nChile and Peru met.")
    assert a.id == b.id != c.id and a.id.startswith("s-")
    assert read_text_story("Chile and Peru met.", story_id="x-1").id == "x-1"


def test_bad_header_date_and_empty_body() -> None:
    with pytest.raises(InputError) as e:
        read_text_story("date 2019-02-30 Baku\n\nText.", origin="f.txt")
    assert e.value.code == "E121" and e.value.where == "f.txt"
    with pytest.raises(InputError) as e:
        read_text_story("date 2021-04-02 Tbilisi, April 2, AZERTAC\n\n   \n")
    assert e.value.code == "E110"
    with pytest.raises(InputError) as e:
        read_text_story("MOSCOW, June 6 (TASS) -")
    assert e.value.code == "E110"
