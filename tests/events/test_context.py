"""Real-news precision rules: credits and headline lists, sports, casualty reports, passive appeals."""

from __future__ import annotations

from typing import Any

from eventwire.events.context import StoryContext
from eventwire.story import Story


def _events(coder: Any, text: str) -> list[Any]:
    return coder.analyze(Story(id="t", text=text)).events


def test_credit_names_no_actor(coder: Any) -> None:
    text = "REUTERS/Danish Okafor Police detained dozens of protesters in Lagos on Sunday."
    events = _events(coder, text)
    assert events
    credit_end = text.index(" Police")
    for e in events:
        for a in (e.source, e.target):
            assert a is None or a.start >= credit_end, (e.cameo, a.text)


def test_headline_list_gives_no_events(coder: Any) -> None:
    text = (
        "Police detained two activists in Nairobi on Monday.\n\nRelated Coverage Rebels kill five soldiers "
        "in northern Mali"
    )
    events = _events(coder, text)
    assert [e.cameo[:3] for e in events] == ["173"]


def test_boilerplate_spans(nlp: Any) -> None:
    doc = nlp("Slideshow (4 Images) Mandatory Credit: Jane Roe-USA TODAY Sports The mayor resigned.")
    ctx = StoryContext.of(doc)
    assert ctx.in_boilerplate(0, 5)
    assert ctx.in_boilerplate(doc.text.index("Jane"), doc.text.index("Jane") + 4)
    assert not ctx.in_boilerplate(doc.text.index("mayor"), doc.text.index("mayor") + 5)


def test_sports_story_flag(nlp: Any) -> None:
    sports = nlp(
        "The pitcher threw a scoreless inning. The team won the game 4-2 as the league leaders "
        "extended their run. The coach praised the squad after the match."
    )
    news = nlp(
        "Rebels attacked an army post on Monday. The defence minister said the team of "
        "investigators would report within a week."
    )
    assert StoryContext.of(sports).sports_story
    assert not StoryContext.of(news).sports_story


def test_casualties_without_perpetrator_once_per_story(coder: Any) -> None:
    text = (
        "At least six people were killed and dozens were injured in clashes in the Kenyan capital on "
        "Monday. Police said six people had been killed in the clashes."
    )
    violent = [e for e in _events(coder, text) if e.cameo.startswith(("18", "19", "20"))]
    assert len(violent) == 1 and violent[0].source is None


def test_casualties_with_perpetrator_are_kept(coder: Any) -> None:
    text = "Five villagers were killed in the north on Monday. Rebels killed three soldiers near the border on Tuesday."
    violent = [e for e in _events(coder, text) if e.cameo.startswith(("18", "19"))]  # 180: no attacker named
    assert len(violent) == 2


def test_passive_appeal_has_no_source(coder: Any) -> None:
    events = _events(coder, "Kenyan opposition supporters were urged to join the boycott.")
    assert events and all(e.source is None for e in events if e.cameo.startswith("02"))


def test_political_attack_is_criticism_but_armed_attack_is_not(coder: Any) -> None:
    verbal = _events(coder, "The Kenyan opposition leader attacked the interior minister in parliament.")
    armed = _events(coder, "Kenyan police attacked the opposition leader's convoy.")
    assert [e.cameo for e in verbal] == ["111"]
    assert any(e.cameo.startswith("19") for e in armed)


def test_the_protests_told_before_keep_their_actors(coder: Any) -> None:
    text = (
        "Thousands of teachers marched through Lima on Monday against the pension reform. "
        "The protests continued into the night."
    )
    events = _events(coder, text)
    later = [e for e in events if e.sentence_index == 1]
    assert later and later[0].cameo == "141" and later[0].source is not None
    assert later[0].source.country == "PER"


def test_the_protests_alone_name_no_one(coder: Any) -> None:
    assert not _events(coder, "The protests continued into the night.")
