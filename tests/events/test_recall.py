"""Recall constructions (round 3), on hand-made actor mentions (independent of the actor coder).

Each test names a family of expressions, not one sentence: comma lists, passive control, existential
participles, document participles, deverbal nouns under support verbs, wishes about another actor, appeals
for hostile action, weighing an option, objectless force posture.
"""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.events import EventCoder, frames

from .stub_actors import stub_actors


@pytest.fixture(scope="module")
def ec() -> EventCoder:
    return EventCoder()


def code(nlp: Any, ec: EventCoder, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    events = ec.code(doc, None, stub_actors(doc))  # type: ignore[arg-type]
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in events]


def test_comma_list_of_countries_is_every_party(nlp: Any, ec: EventCoder) -> None:
    got = set(code(nlp, ec, "Britain, Cuba, and Mexico met on Friday."))  # parsed Britain -appos- Cuba -conj- Mexico
    assert {("040", "GBR", "CUB"), ("040", "MEX", "GBR"), ("040", "CUB", "MEX")} <= got


def test_passive_control_subject(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "The Kenyan president is expected to visit Somalia next week.")
    assert [g[0] for g in got] == ["036"] and got[0][2] == "SOM" and got[0][1] is not None


def test_existential_participle_is_an_event(nlp: Any, ec: EventCoder) -> None:
    # with no attacker named, the kind of force is the shelling's (artillery, 194)
    assert [g[0] for g in code(nlp, ec, "There were dozens of Syrian civilians wounded in the shelling.")] == ["194"]


def test_document_participle_speaks_for_its_author(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Egypt issued a statement condemning Israel.") == [("111", "EGY", "ISR")]


@pytest.mark.parametrize(
    "text,want",
    [
        ("Norway announced the suspension of aid to Mali.", ("162", "NOR", "MLI")),
        ("Kenya ordered the withdrawal of its troops from Somalia.", ("0874", "KEN", "SOM")),
        ("Jordan approved the lifting of sanctions on Syria.", ("085", "JOR", "SYR")),
    ],
)
def test_support_verb_with_deverbal_noun(nlp: Any, ec: EventCoder, text: str, want: tuple[str, str, str]) -> None:
    assert want in code(nlp, ec, text)


def test_deverbal_noun_whose_object_fits_no_pattern_gives_nothing(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Kenya announced the suspension of the football league.") == []


def test_wish_about_another_actor_is_an_appeal(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Iran wants Iraq to release the prisoners.")
    assert got == [("0253", "IRN", "IRQ")]  # the release has not happened: no 0841


def test_prediction_about_another_actor_is_no_event(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Iran expects Iraq to release the prisoners.") == []


def test_appeal_for_sanctions_is_hostile_to_their_target(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Poland called for sanctions against Belarus.") == [("1312", "POL", "BLR")]


def test_weighing_an_option_is_014(nlp: Any, ec: EventCoder) -> None:
    assert [g[0] for g in code(nlp, ec, "Chad is considering sending troops to Mali.")] == ["014"]


def test_force_posture_needs_forces_or_no_object(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "The Kenyan opposition mobilized its supporters.") == []
    assert [g[0] for g in code(nlp, ec, "Armenia mobilized its troops.")] == ["154"]


def test_no_object_marker_compiles() -> None:
    mob = frames.load().verbs["mobilize"][0]
    assert mob.obj is not None and "-" in mob.obj


def test_two_country_exercise_is_joint(nlp: Any, ec: EventCoder) -> None:
    got = set(code(nlp, ec, "Greece and Cyprus began naval drills."))
    assert ("062", "GRC", "CYP") in got and ("062", "CYP", "GRC") in got
    assert [g[0] for g in code(nlp, ec, "Greece began naval drills.")] == ["150"]


def test_uncoded_group_subject_keeps_the_event(nlp: Any, ec: EventCoder) -> None:
    doc = nlp("Masked tribesmen attacked the convoy near the border.")
    events = ec.code(doc, None, stub_actors(doc))  # type: ignore[arg-type]
    assert [(e.cameo, e.source.text if e.source else None, e.source.code if e.source else "x") for e in events] == [
        ("190", "Masked tribesmen", None)
    ]
    assert code(nlp, ec, "Prices attacked the convoy.") == []  # not a people noun: no actor, no event
