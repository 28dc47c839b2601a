"""Constructions of the event coder, on hand-made actor mentions (independent of the actor coder)."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.events import EventCoder

from .stub_actors import stub_actors


@pytest.fixture(scope="module")
def ec() -> EventCoder:
    return EventCoder()


def code(nlp: Any, ec: EventCoder, text: str) -> list[tuple[str, str | None, str | None, str]]:
    doc = nlp(text)
    events = ec.code(doc, None, stub_actors(doc))  # type: ignore[arg-type]
    return [
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None, e.modality) for e in events
    ]


def test_light_verb_reciprocal_both_directions(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Russia and China held talks in Beijing on Monday.")
    assert ("046", "RUS", "CHN", "asserted") in got and ("046", "CHN", "RUS", "asserted") in got


def test_meet_with_one_direction(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "The Russian minister met with the Turkish envoy.")
    assert [g[:3] for g in got] == [("040", "RUSGOV", "TURGOV")]


def test_passive_agent_is_source(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Five soldiers were killed by rebels.")
    assert got[0][:3] == ("190", "---REB", "---MIL")


def test_compound_actors_one_event_per_pair(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Germany condemned Russia and Belarus.")
    assert {g[:3] for g in got} == {("111", "DEU", "RUS"), ("111", "DEU", "BLR")}


def test_reported_speech_codes_the_embedded_event(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Iran said Israel attacked Syria.")
    assert got == [("190", "ISR", "SYR", "reported")]  # the statement 010 is dropped: something better exists


def test_statement_only_when_nothing_better(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Iran said Israel was the main issue.") == [("010", "IRN", "ISR", "asserted")]


def test_attribution_only_statements_are_not_events(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Iran said the weather was fine.") == []  # nobody the statement is about
    assert code(nlp, ec, "Israel was the main issue, Iran said.") == []  # an attribution clause


def test_an_attribution_that_reproaches_or_accuses_is_an_event(nlp: Any, ec: EventCoder) -> None:
    assert [g[:3] for g in code(nlp, ec, "Israel was the main danger, Iran said.")] == [("111", "IRN", "ISR")]
    assert [g[:3] for g in code(nlp, ec, "Israel is lying, Iran said.")] == [("112", "IRN", "ISR")]


def test_negation_and_conditional_give_nothing(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Russia did not attack Ukraine.") == []
    # the attack in the if-clause is not coded; the future answer is a conditional threat (rule 18)
    assert [g[:3] for g in code(nlp, ec, "If Iran attacks Israel, the US will respond.")] == [("130", "USA", "IRN")]
    assert code(nlp, ec, "Russia could attack Ukraine.") == []


def test_conditional_future_is_a_threat(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Nigeria will withdraw its peacekeepers from Chad unless the rebels agree to a ceasefire.")
    assert [g[:3] for g in got] == [("136", "NGA", "TCD")]  # the unless-clause itself is not coded


def test_refusal_is_reject(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Turkey refused to meet the Iranian envoy.")
    assert got[0][:3] == ("125", "TUR", "IRNGOV")


def test_intent_and_future(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Iran plans to visit China.")[0] == ("036", "IRN", "CHN", "intended")
    assert code(nlp, ec, "Iranian forces will visit Iraq.")[0][0] == "036"


def test_threat_family(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Russia threatened to impose sanctions on Turkey.")[0][:3] == ("1312", "RUS", "TUR")


def test_appeal_family_with_addressee(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "The US urged Russia to release the prisoners.")[0][:3] == ("0253", "USA", "RUS")


@pytest.mark.parametrize(
    "text",
    [
        "The fight against crime continues in Mexico.",
        "Protesters attacked the policy of the government.",
        "The Ukrainian war of words with Russia escalated.",
        "The conflict is the main threat to Azerbaijan.",
        "The drought killed thousands of cattle in Kenya.",
    ],
)
def test_false_friends_are_not_violence(nlp: Any, ec: EventCoder, text: str) -> None:
    assert not [g for g in code(nlp, ec, text) if g[0][:2] in ("18", "19", "20")]


def test_struck_a_deal_and_shot_down_a_proposal(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Armenia struck a deal with Georgia.")[0][:3] == ("057", "ARM", "GEO")
    got = code(nlp, ec, "The Kenyan parliament shot down a proposal by the government.")
    assert got and got[0][0] == "120"


def test_nominal_event_needs_both_sides(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "The talks between Armenia and Azerbaijan ended.")
    assert {g[:3] for g in got} == {("046", "ARM", "AZE"), ("046", "AZE", "ARM")}
    assert code(nlp, ec, "The attack happened at night.") == []


def test_event_fields(nlp: Any, ec: EventCoder) -> None:
    doc = nlp("Hello there. Police arrested five protesters in Baku.")
    (ev,) = ec.code(doc, None, stub_actors(doc))  # type: ignore[arg-type]
    assert ev.sentence_index == 1
    assert doc.text[ev.sentence_start : ev.sentence_end] == "Police arrested five protesters in Baku."
    assert doc.text[ev.trigger_start : ev.trigger_end] == "arrested" and doc[ev.trigger_tok].text == "arrested"
    assert ev.rule.startswith("verbs.yaml:arrest") and 0 < ev.confidence < 1


def test_explain_gives_reasons(nlp: Any, ec: EventCoder) -> None:
    doc = nlp("Russia did not attack Ukraine. Iran plans to visit China.")
    events, traces = ec.explain(doc, stub_actors(doc))
    assert len(traces) == 2
    assert any("negated" in line for line in traces[0])
    assert any("036" in line for line in traces[1]) and len(events) == 1


def test_meeting_in_a_third_country(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Armenia and Azerbaijan met in Moscow.")
    assert {g[:3] for g in got} == {("044", "ARM", "AZE"), ("044", "AZE", "ARM")}
    assert code(nlp, ec, "Armenia met Azerbaijan in Baku.")[0][0] == "040"  # Baku is a party's own capital


def test_weak_verbs_need_a_target_actor(nlp: Any, ec: EventCoder) -> None:
    assert code(nlp, ec, "Turkey helped to reduce prices.") == []
    assert code(nlp, ec, "Turkey helped Syria.")[0][:3] == ("070", "TUR", "SYR")


def test_a_partial_repeat_of_an_incident_in_one_sentence_is_dropped(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Police in Lagos fired tear gas and dispersed the protesters.")
    assert [g[:3] for g in got if g[0].startswith("17")] == [("175", "---COP", "---OPP")]


def test_acts_of_one_verbal_root_with_other_codes_are_kept(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "The Kenyan president resigned and accepted a request from parliament to stay on.")
    assert any(g[0] == "0831" for g in got)


def test_conjoined_verbs_of_one_act_give_the_more_exact_code_once(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Gunmen shot and killed a journalist outside his home.")
    assert [g[0] for g in got if g[0].startswith("19")] == ["193"]


def test_a_violent_subject_noun_and_its_verb_are_one_incident(nlp: Any, ec: EventCoder) -> None:
    got = code(nlp, ec, "Russian shelling of Armenia killed four soldiers.")
    assert [g[:2] for g in got if g[0].startswith("19")] == [("194", "RUS")]


def test_a_pronoun_after_a_clause_with_its_own_subject_is_not_the_speaker(nlp: Any, ec: EventCoder) -> None:
    # "he" is the bomber of the clause "the bomber shouted ...", not Egypt, the speaker
    got = code(nlp, ec, "Egypt said the bomber shouted slogans before he attacked Israel.")
    assert got and all(src != "EGY" for _, src, _, _ in got)
    # "it" cannot be "the talks": still the speaker
    got = code(nlp, ec, "Kenya said the talks failed because it attacked Somalia.")
    assert ("190", "KEN", "SOM", "reported") in got
