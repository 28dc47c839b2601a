"""A known person with dated roles in a story without a date takes the latest role, and the rule says so.

Regression test of issue 14 ("a known person with dated roles and a story without a date falls back to the
bare country"): the latest role is the one by date (an open-ended period, else the one that ended last),
whatever order a dictionary lists the periods in, and the mention's rule ends in ``:latest-role``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors import ActorCoder
from eventwire.actors.entries import Entry, Period
from eventwire.story import Story


def _person(mentions, text: str):
    return next(m for m in mentions if m.text == text)


@pytest.mark.parametrize(
    "text, who, code",
    [
        ("Zelensky asked allies for more air defence systems.", "Zelensky", "UKRGOV"),
        ("Vladimir Putin said the talks would go on.", "Vladimir Putin", "RUSGOV"),
    ],
)
def test_undated_story_takes_the_latest_role(coder, text, who, code) -> None:
    m = _person(coder.analyze(Story(id="u", text=text)).actors, who)
    assert m.code == code
    assert m.rule.startswith("dict:persons.yaml:") and m.rule.endswith(":latest-role")


def test_dated_story_names_no_latest_role(coder) -> None:
    story = Story(id="d", text="Bill Clinton said the talks would go on.", date=dt.date(2019, 5, 1))
    m = _person(coder.analyze(story).actors, "Bill Clinton")
    assert m.code == "USAELI" and not m.rule.endswith(":latest-role")


def test_latest_period_is_by_date_not_by_listing() -> None:
    old = Period(dt.date(2009, 1, 20), dt.date(2017, 1, 20), "FRA", ("GOV",))
    new = Period(dt.date(2017, 1, 21), None, "FRA", ("ELI",))
    closed = Period(dt.date(2017, 1, 21), dt.date(2020, 5, 1), "FRA", ("LEG",))
    assert Entry("person", "X", "t:1", periods=(new, old)).latest_period() is new
    assert Entry("person", "X", "t:1", periods=(closed, old)).latest_period() is closed
    assert Entry("person", "X", "t:1", periods=(new, old)).person_code(None) == ("FRA", ("ELI",))
    assert Entry("person", "X", "t:1", default=old).latest_period() is None


def test_user_dictionary_listing_the_newest_role_first(tmp_path: Path, nlp) -> None:
    p = tmp_path / "people.yaml"
    p.write_text(
        "- names: [Mara Veltin]\n"
        "  periods:\n"
        "    - {from: 2017-01-21, to: null, country: FRA, sectors: [ELI]}\n"
        "    - {from: 2009-01-20, to: 2017-01-20, country: FRA, sectors: [GOV]}\n"
        "  default: {country: FRA, sectors: []}\n",
        "utf-8",
    )
    actors = ActorCoder(extra=[p])
    text = "Mara Veltin said the talks would go on."
    m = _person(actors.code(nlp(text), Story(id="v", text=text)), "Mara Veltin")
    assert m.code == "FRAELI" and m.rule == "dict:people.yaml:1:latest-role"
    dated = Story(id="v", text=text, date=dt.date(2012, 3, 1))
    m = _person(actors.code(nlp(text), dated), "Mara Veltin")
    assert m.code == "FRAGOV" and m.rule == "dict:people.yaml:1"
