"""ALL-CAPS and all-lower-case text is written in normal case for the parser (actors/recase.py), and the
speakers of wire headlines and the sources that report an event are marked (actors/attribution.py)."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.actors import ActorCoder
from eventwire.story import Story


@pytest.fixture(scope="module")
def recase() -> Any:
    return ActorCoder().recase


@pytest.mark.parametrize(
    "text",
    [
        "Armenia's prime minister met the Georgian president in Yerevan.",
        "Talks with the U.S. and NATO went on. Police said so.",
        "",
        "12 345 -- !",
    ],
)
def test_normal_case_text_is_left_as_it_is(recase: Any, text: str) -> None:
    assert recase(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "KENYA'S FOREIGN MINISTER MEETS UGANDAN PRESIDENT IN KAMPALA\n\nThe ministers met on Monday.",
        "police detained twelve activists in minsk on saturday. the u.s. embassy said so.",
        "ÉLYSÉE SAYS FRANCE WILL SEND TROOPS TO MALI",
    ],
)
def test_recased_text_keeps_every_offset(recase: Any, text: str) -> None:
    out = recase(text)
    assert len(out) == len(text)
    assert out.lower() == text.lower()


def test_a_title_case_headline_lowers_small_role_and_event_words_only() -> None:
    from eventwire.pipeline import Coder

    recase = Coder().actors.recase  # the pipeline tells the recaser the event coder's trigger lemmas
    text = "Gendarmes Detain Dozens Of Protesters Near Abidjan, Says Tembo Okafor\n\nThe report was denied."
    out = recase(text)
    assert len(out) == len(text)
    assert out.startswith("Gendarmes detain dozens of protesters near Abidjan, says Tembo Okafor\n")
    assert out.endswith("The report was denied.")


def test_a_title_case_noun_after_a_lowered_modifier_is_no_name() -> None:
    from eventwire.pipeline import Coder

    recase = Coder().actors.recase
    out = recase("Militias Hand Back Looted Property After Truce With Army in Kivu")
    assert out == "Militias hand back looted property after truce with army in Kivu"


def test_a_headline_with_one_lower_case_verb_is_still_title_case() -> None:
    from eventwire.pipeline import Coder

    recase = Coder().actors.recase
    out = recase("Kenya asks Uganda for Military, Humanitarian Aid Amid Border Crisis")
    assert out.startswith("Kenya asks Uganda for military, humanitarian aid amid border")
    plain = "Kenya asks Uganda for Military Aid in a Letter to the Ambassador."  # a sentence: left alone
    assert recase(plain) == plain


def test_a_title_case_line_without_the_event_words_keeps_unknown_names() -> None:
    recase = ActorCoder().recase  # no trigger lemmas given: only small words and role words are lowered
    out = recase("Minister Kwame Asante Visits Port Harcourt With Police Chief")
    assert out == "Minister Kwame Asante Visits Port Harcourt with police chief"


def test_a_shouted_headline_gets_the_names_the_dictionaries_know(recase: Any) -> None:
    out = recase("CHINESE TROOPS CROSS INTO BHUTAN, NEW DELHI SAYS\n\nThe report could not be verified.")
    assert out.startswith("Chinese troops cross into Bhutan, New Delhi says\n")
    assert out.endswith("The report could not be verified.")


def test_a_shouted_sentence_inside_normal_text_is_recased_alone(recase: Any) -> None:
    out = recase("Officials met on Monday. SYRIA REJECTS THE PLAN. Talks went on.")
    assert out == "Officials met on Monday. Syria rejects the plan. Talks went on."


def test_lower_case_text_gets_capitals_for_names_weekdays_and_sentence_starts(recase: Any) -> None:
    out = recase("the german chancellor flew to warsaw on friday. she met nato officials.")
    assert out == "The German chancellor flew to Warsaw on Friday. She met NATO officials."


def test_acronyms_that_are_also_words_stay_words(recase: Any) -> None:
    assert recase("they told us they can wait.") == "They told us they can wait."
    assert recase("OFFICIALS TOLD US THEY CAN WAIT") == "Officials told us they can wait"
    assert recase("US WARNS IRAN OVER DRONES").startswith("US warns Iran")


def _actors(text: str, nlp: Any) -> list[Any]:
    coder = ActorCoder()
    doc = nlp(coder.recase(text))
    return coder.code(doc, Story(id="t", text=text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Bolivia will not pay the debt - finance minister", "finance minister"),
        ("Seoul to expand drills with Washington \u2014 defence ministry", "defence ministry"),
        ("Ankara to reopen the border crossing: foreign ministry", "foreign ministry"),
        ("Lula: Brazil will not join the sanctions against Venezuela", "Lula"),
    ],
)
def test_a_headline_speaker_is_marked_and_kept_apart(nlp: Any, text: str, speaker: str) -> None:
    mentions = _actors(text, nlp)
    marked = [m for m in mentions if m.attribution == "speaker"]
    assert [m.text for m in marked] == [speaker]
    assert all(m.attribution is None for m in mentions if m not in marked)


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia will not pay the debt, the finance minister said.",
        "The talks - the first since May - were held in Oslo by Norwegian officials.",
        "Officials in Quito said talks with Peru - the main partner - would resume.",
    ],
)
def test_a_body_sentence_has_no_headline_speaker(nlp: Any, text: str) -> None:
    assert not [m for m in _actors(text, nlp) if m.attribution == "speaker"]


@pytest.mark.parametrize(
    ("text", "reporter"),
    [
        ("Saudi jets struck Houthi positions near Sanaa, according to the Yemeni defence ministry.", "ministry"),
        ("Iraqi police arrested six suspects in Basra, state television reported.", "state television"),
        ("The official news agency KCNA reported that North Korean troops fired artillery shells.", "KCNA"),
    ],
)
def test_a_reporting_source_is_marked(nlp: Any, text: str, reporter: str) -> None:
    mentions = _actors(text, nlp)
    marked = [m for m in mentions if m.attribution == "reporting"]
    assert any(reporter in m.text for m in marked), [(m.text, m.attribution) for m in mentions]
    actors = [m for m in mentions if m.sectors and m.sectors[0] in ("MIL", "COP")]  # of the reported event
    assert actors and all(m.attribution is None for m in actors)


def test_an_official_who_speaks_is_no_reporting_source(nlp: Any) -> None:
    mentions = _actors("The Egyptian foreign ministry said Ethiopia had violated the agreement.", nlp)
    assert all(m.attribution is None for m in mentions)


def test_a_title_case_line_keeps_the_word_that_opens_a_place_name() -> None:
    from eventwire.pipeline import Coder

    recase = Coder().actors.recase
    out = recase("Rioters Torch Cars in New Jersey Over Police Shooting")
    assert out == "Rioters torch cars in New Jersey over police shooting"
    assert recase("Senate Passes New Sanctions Bill Against Moscow").startswith("Senate passes new sanctions")
