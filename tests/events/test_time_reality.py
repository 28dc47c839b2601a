"""Time and reality of events (docs/events.md, rules 18-19): background history and habits get their own
modality, planned and possible events are not the accomplished act, disasters are not attacks across a story.
Our own sentences, through the whole pipeline with a story date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.evaluate.labels import candidates
from eventwire.events.time import YEARISH, load_rules
from eventwire.record import BACKGROUND_MODALITIES
from eventwire.store.filters import Filters, where
from eventwire.story import Story

DATE = dt.date(2021, 5, 18)


def _records(coder: Any, text: str, date: dt.date | None = DATE) -> list[Any]:
    return list(coder.analyze(Story(id="t", text=text, date=date)).records)


def _modalities(records: list[Any], root: str) -> set[str]:
    return {r["modality"] for r in records if r["cameo"].startswith(root)}


HISTORY = [
    ("Argentina invaded the Falkland Islands in 1982, and Britain sent a naval task force.", "19"),
    ("Soviet troops killed 14 Lithuanian civilians during a 1991 crackdown in Vilnius.", "19"),
    ("Police arrested the Malaysian opposition leader in the late 1990s.", "17"),
    ("Iraq invaded Kuwait three decades ago.", "19"),
    ("Last year Somali militants seized the port town of Kismayo.", "19"),
    ("The Kuwaiti minister recalled that Iraqi troops had occupied Kuwait.", "19"),
    ("Armenians marked the anniversary of the day Ottoman troops killed thousands of Armenians.", "19"),
    ("Israel has occupied the Golan Heights since the war of 1967.", "19"),
    ("Egypt and Israel signed a peace treaty on March 26, 1979.", "05"),
    ("Iran and Britain held talks in Geneva in April, 2015.", "04"),
    ("Soldiers shot dead five protesters in Khartoum in June, 2019.", "17"),
    ("Iraq's 1990 invasion of Kuwait ended in defeat.", "19"),
    ("Fourteen Lithuanians were killed in a 1991 crackdown by Soviet troops.", "19"),
    ("When the general seized power in 2014, Thai soldiers detained dozens of politicians.", "17"),
    ("Nepali police detained the former minister and jailed him in 2009 for fraud.", "17"),
    ("The emir was deposed in a palace coup in 1972 and later jailed by the new rulers.", "17"),
    ("Troops seized the capital in a bloodless coup in 2006.", "19"),
    ("Lima said the claims broke the existing agreements between Peru and Chile.", "05"),
    ("Previous talks between Sudan and South Sudan ended without a deal.", "04"),
    ("The long-standing talks between Peru and Chile resumed.", "04"),
    ("The guerrillas fought Portuguese troops in Angola in the 1960's.", "19"),
    ("Hungary previously said it would not attend the talks with Ukraine.", "12"),
    ("In the past, Georgian troops shelled villages in Abkhazia.", "19"),
    ("The Serbian party had in the past staged protests against Kosovo's independence.", "14"),
]


@pytest.mark.parametrize("text,root", HISTORY, ids=[h[0][:40] for h in HISTORY])
def test_background_history_is_coded_historical(coder: Any, text: str, root: str) -> None:
    recs = _records(coder, text)
    assert _modalities(recs, root) == {"historical"}, [(r["cameo"], r["modality"], r["date_text"]) for r in recs]


CURRENT = [
    ("Turkish troops shelled Kurdish positions in Syria on Tuesday.", "19"),
    ("Police arrested the opposition leader on May 12, 2021.", "17"),
    ("Kenya and Uganda signed a trade deal in March.", "05"),
    ("Kenya and Uganda signed a trade deal last month.", "05"),
    ("Iran said it would return to the 2015 nuclear deal with world powers.", "03"),
    ("In the past 24 hours, Georgian troops shelled villages in Abkhazia.", "19"),
    ("The Azerbaijani offensive, the largest operation in Karabakh since 2016, began on Tuesday.", "19"),
]


@pytest.mark.parametrize("text,root", CURRENT, ids=[h[0][:40] for h in CURRENT])
def test_news_of_the_story_stays_current(coder: Any, text: str, root: str) -> None:
    recs = _records(coder, text)
    mods = _modalities(recs, root)
    assert mods and not mods & set(BACKGROUND_MODALITIES), [(r["cameo"], r["modality"]) for r in recs]


def test_an_earlier_year_needs_the_story_date(coder: Any) -> None:
    text = "Russian forces attacked Georgian villages in 2008."
    assert _modalities(_records(coder, text), "19") == {"historical"}
    assert _modalities(_records(coder, text, dt.date(2008, 8, 9)), "19") == {"asserted"}


def test_a_bare_year_on_the_verb_is_history_in_an_undated_story(coder: Any) -> None:
    undated_history = [
        ("In 2012, the UN called on Ethiopia to free the journalists.", "02"),
        ("In March 2011, Bahraini police arrested dozens of Shi'ite protesters.", "17"),
        ("Eritrea and Ethiopia reached a border agreement in 2000 after the war.", "05"),
        ("Serb forces shelled the town in the summer of 1993.", "19"),
    ]
    for text, root in undated_history:
        assert _modalities(_records(coder, text, None), root) == {"historical"}, text
    # a year inside a noun phrase dates the noun; a full date may be the story's own day
    kept = [
        "The government, in power since 2012, is fighting the rebels.",
        "Kenya and Uganda signed a deal on May 2, 2012.",
        "Russia signed the 2015 agreement with Iran on Monday.",
    ]
    for text in kept:
        mods = {r["modality"] for r in _records(coder, text, None)}
        assert mods and not mods & set(BACKGROUND_MODALITIES), (text, mods)


HABITS = [
    ("Germany has always supported Ukraine.", "05"),
    ("China usually condemns Japanese visits to the Yasukuni shrine.", "11"),
    ("India and Pakistan regularly hold talks on sharing the Indus waters.", "04"),
    ("The foreign ministers of Brazil and Argentina meet every year in Brasilia.", "04"),
    ("Since then, Ethiopian soldiers have attacked villagers in Tigray.", "19"),
    ("Myanmar's army has since shelled villages near the Thai border.", "19"),
    ("Vietnam has repeatedly protested to China over the islands.", "1"),
    ("The crackdown has killed more than 3,000 Filipinos since Duterte took office.", "1"),
    ("Since March, Sudanese troops have shelled rebel villages in Darfur.", "19"),
    ("Since then, Colombian and Venezuelan officials have been holding talks on the border.", "04"),
    ("Egyptian police have detained hundreds of activists since last year.", "17"),
    ("Djibouti, which hosts a large French military base, condemned the coup in Niger.", "04"),
    ("Iran, which backs the Houthi rebels, denounced the air strikes on Yemen.", "05"),
]


@pytest.mark.parametrize(
    "text",
    [
        "Since Monday, Indian troops have shelled Pakistani positions near the border.",
        "For the past five weeks, U.S. troops have been conducting an offensive against Taliban fighters.",
    ],
)
def test_an_operation_of_the_story_days_is_not_a_habit(coder: Any, text: str) -> None:
    mods = {r["modality"] for r in _records(coder, text)}
    assert mods and "habitual" not in mods, mods


@pytest.mark.parametrize("text,root", HABITS, ids=[h[0][:40] for h in HABITS])
def test_habits_are_coded_habitual(coder: Any, text: str, root: str) -> None:
    recs = _records(coder, text)
    assert _modalities(recs, root) == {"habitual"}, [(r["cameo"], r["modality"]) for r in recs]


@pytest.mark.parametrize(
    "text",
    ["The rebels will keep shelling the airport in Aden.", "Houthi fighters will continue to attack Saudi ports."],
)
def test_a_future_of_a_verb_of_aspect_is_an_intent(coder: Any, text: str) -> None:
    recs = _records(coder, text)
    assert recs and all(r["root"] == "13" and r["modality"] == "intended" for r in recs), [
        (r["cameo"], r["modality"]) for r in recs
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Iraqi prime minister said he would ask Washington to withdraw its remaining troops.",
        "The African Union will urge both sides to respect the truce.",
    ],
)
def test_an_appeal_still_to_be_made_is_intended(coder: Any, text: str) -> None:
    recs = [r for r in _records(coder, text) if r["root"] == "02"]
    assert recs and all(r["modality"] == "intended" for r in recs), [(r["cameo"], r["modality"]) for r in recs]


def test_an_appeal_made_is_asserted(coder: Any) -> None:
    recs = [r for r in _records(coder, "The African Union urged both sides to respect the truce.") if r["root"] == "02"]
    assert recs and all(r["modality"] == "asserted" for r in recs), [(r["cameo"], r["modality"]) for r in recs]


def test_is_to_plus_a_verb_is_planned(coder: Any) -> None:
    recs = _records(coder, "The Chinese foreign minister is to visit Pretoria next week.")
    assert any(r["cameo"] == "036" and r["modality"] == "intended" for r in recs), [r["cameo"] for r in recs]
    assert not [r for r in recs if r["cameo"] == "042"]


def test_a_planned_nominal_event_is_an_intent(coder: Any) -> None:
    recs = _records(coder, "Moscow said talks were under way about a possible meeting between Putin and Erdogan.")
    assert any(r["cameo"] == "036" and r["modality"] == "intended" for r in recs), [r["cameo"] for r in recs]
    assert not [r for r in recs if r["cameo"] == "040"]


def test_an_event_inside_a_negated_noun_did_not_happen(coder: Any) -> None:
    recs = _records(coder, "Moscow said there were no discussions about a possible meeting between Putin and Erdogan.")
    assert not [r for r in recs if r["cameo"][:2] in ("03", "04")], [r["cameo"] for r in recs]


def test_background_events_are_not_scored_and_not_exported_by_default() -> None:
    recs: list[Any] = [{"modality": m, "plover": {"event": "ASSAULT"}} for m in ("asserted", *BACKGROUND_MODALITIES)]
    assert [r["modality"] for r in candidates(recs, "plover")] == ["asserted"]
    for level in ("events", "mentions"):
        sql, _ = where(Filters(), level)
        assert all(f"'{m}'" in sql for m in BACKGROUND_MODALITIES)
        sql, _ = where(Filters(background=True), level)
        assert sql == "TRUE"


def test_casualties_later_in_a_disaster_story_are_no_attack(coder: Any) -> None:
    story = (
        "A gas explosion ripped through a coal mine in northern China on Monday, killing 12 miners. "
        "Rescue teams searched the shafts through the night. At least 30 people were injured, officials said."
    )
    assert not [r for r in _records(coder, story) if r["root"] in ("18", "19", "20")]


def test_casualties_in_a_story_with_an_attack_stay_violence(coder: Any) -> None:
    story = (
        "Militants attacked a police post in northern Kenya on Monday. A fire broke out in a nearby market. "
        "At least 30 people were injured, officials said."
    )
    recs = _records(coder, story)
    assert any(r["root"] in ("18", "19") and r["source"] is None for r in recs), [
        (r["cameo"], r["source"]) for r in recs
    ]


def test_every_year_pattern_needs_a_year_so_a_sentence_without_one_skips_them() -> None:
    rules = load_rules()
    for p in (*rules.years, *rules.undated):
        assert "(?:19|20)\\d" in p.pattern, p.pattern  # each match holds what YEARISH finds
    assert YEARISH.search("in the 1990s") and YEARISH.search("on 2023-05-01") and not YEARISH.search("on Monday")
