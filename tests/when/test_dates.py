"""Event dates: expressions in the event's clause resolved against the story date (2019-10-08, a Tuesday)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.mentions import EventMention
from eventwire.story import Story
from eventwire.when import event_dates, find_expressions

D = dt.date(2019, 10, 8)


def _event(doc, trigger: str) -> EventMention:
    tok = next(t for t in doc if t.text == trigger)
    s = tok.sent
    return EventMention(0, s.start_char, s.end_char, "010", None, None, tok.idx, tok.idx + len(tok), tok.i, "t")


def _date(nlp, text: str, trigger: str, story_date: dt.date | None = D) -> tuple[dt.date | None, str | None]:
    doc = nlp(text)
    ev = _event(doc, trigger)
    (when,) = event_dates(doc, Story(id="t", text=text, date=story_date), [ev])
    return when.date, when.text


CASES = [
    ("The two leaders spoke by phone on Monday.", "spoke", dt.date(2019, 10, 7), "on Monday"),
    ("The two leaders spoke by phone on Tuesday.", "spoke", D, "on Tuesday"),
    ("The two leaders spoke by phone last Tuesday.", "spoke", dt.date(2019, 10, 1), "last Tuesday"),
    ("The envoy will travel to Minsk on Friday.", "travel", dt.date(2019, 10, 11), "on Friday"),
    ("Militants stormed a checkpoint yesterday.", "stormed", dt.date(2019, 10, 7), "yesterday"),
    ("Militants stormed a checkpoint last week.", "stormed", dt.date(2019, 10, 1), "last week"),
    ("Militants stormed a checkpoint last month.", "stormed", dt.date(2019, 9, 8), "last month"),
    ("Militants stormed a checkpoint on March 3.", "stormed", dt.date(2019, 3, 3), "on March 3"),
    ("Militants stormed a checkpoint on 3 March 2017.", "stormed", dt.date(2017, 3, 3), "on 3 March 2017"),
    ("Militants stormed a checkpoint on December 3.", "stormed", dt.date(2018, 12, 3), "on December 3"),
    ("Militants stormed a checkpoint four days ago.", "stormed", dt.date(2019, 10, 4), "four days ago"),
    ("Militants stormed a checkpoint earlier this month.", "stormed", D, "earlier this month"),
    ("Militants stormed a checkpoint today.", "stormed", D, "today"),
    ("Militants stormed a checkpoint in the north.", "stormed", D, None),
]


@pytest.mark.parametrize("text,trigger,date,date_text", CASES, ids=[c[0][:40] for c in CASES])
def test_dates(nlp, text, trigger, date, date_text) -> None:
    assert _date(nlp, text, trigger) == (date, date_text)


def test_date_of_the_events_own_clause(nlp) -> None:
    text = "The ministry said on Monday that militants stormed a checkpoint last week."
    assert _date(nlp, text, "said") == (dt.date(2019, 10, 7), "on Monday")
    assert _date(nlp, text, "stormed") == (dt.date(2019, 10, 1), "last week")


def test_no_story_date(nlp) -> None:
    assert _date(nlp, "Police raided the office on Monday.", "raided", None) == (None, "on Monday")
    assert _date(nlp, "Police raided the office on May 2, 2018.", "raided", None) == (
        dt.date(2018, 5, 2),
        "on May 2, 2018",
    )
    assert _date(nlp, "Police raided the office.", "raided", None) == (None, None)


def test_expressions_do_not_overlap() -> None:
    xs = find_expressions("on March 3, 2019 and on Friday")
    assert [x[2] for x in xs] == ["mdy", "weekday"]
    assert find_expressions("He may go. They met in May.")[0][2] == "month"


def test_reported_future(nlp) -> None:
    text = "The airline said it would suspend flights until December 20."
    assert _date(nlp, text, "suspend") == (dt.date(2019, 12, 20), "December 20")


HISTORICAL = [
    ("Rebels attacked the garrison in 1998.", "attacked", None, "in 1998"),
    ("Rebels attacked the garrison back in 2012.", "attacked", None, "back in 2012"),
    ("Rebels attacked the garrison in 2019.", "attacked", D, None),  # the story's own year says nothing
    ("Rebels attacked the garrison in March 2017.", "attacked", None, "in March 2017"),
    ("A court jailed the activist on May 3, 2016.", "jailed", dt.date(2016, 5, 3), "on May 3, 2016"),
    ("When the general seized power in 2004, soldiers arrested hundreds of activists.", "arrested", None, "in 2004"),
    ("Troops were sent in to quell mutinies in the 1980s.", "sent", None, "in the 1980s"),
    ("The general was tried over a 1991 crackdown which killed 14 civilians.", "killed", None, "1991"),
    (
        "Police arrested the activist, who was first detained in 2015, on Monday.",
        "arrested",
        dt.date(2019, 10, 7),
        "on Monday",
    ),
    ("The 2015 accord collapsed on Monday when rebels attacked army positions.", "attacked", D, None),
]


@pytest.mark.parametrize("text,trigger,date,date_text", HISTORICAL, ids=[c[0][:40] for c in HISTORICAL])
def test_historical_years(nlp, text, trigger, date, date_text) -> None:
    """An explicit earlier year dates a background event (date null, the words kept); not the story date."""
    assert _date(nlp, text, trigger) == (date, date_text)
