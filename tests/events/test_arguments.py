"""Who an event needs on its sides (events/arguments.py) and where its arguments are found (issue 13).

Unit tests on hand-made actor mentions for the rules of ``arguments.py``, and whole-pipeline tests (actors
from the actor coder) for the codes of the actors each construction gives. More sentences, one per
construction family, are in tests/golden/events_arguments.jsonl.
"""

from __future__ import annotations

from typing import Any

from eventwire.events import arguments
from eventwire.events.frames import Frame
from eventwire.events.state import Candidate
from eventwire.mentions import ActorMention


def _actor(code_country: str | None, *sectors: str) -> ActorMention:
    return ActorMention(0, 1, 0, 1, 0, "x", country=code_country, sectors=tuple(sectors))


def _cand(code: str, sources: list[ActorMention], targets: list[ActorMention]) -> Candidate:
    f = Frame(code=code, lemma="sign", kind="verb", rule="test")
    return Candidate(f, code, None, "test", sources, targets)


def _events(coder: Any, text: str) -> list[tuple[str, str | None, str | None]]:
    from eventwire.story import Story

    evs = coder.analyze(Story(id="t", text=text)).events
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in evs]


def test_a_state_or_a_public_sector_is_political_a_company_is_not() -> None:
    assert arguments.political(_actor("TUR"))
    assert arguments.political(_actor("TUR", "GOV"))
    assert arguments.political(_actor(None, "OPP"))
    assert not arguments.political(_actor("TUR", "BUS"))
    assert not arguments.political(_actor(None, "BUS"))
    assert not arguments.political(_actor(None))


def test_a_deal_between_companies_is_no_political_event_but_one_with_a_government_is() -> None:
    deal = arguments.load_rules()
    assert "BUS" in deal.private_sectors
    assert arguments.private_only(_cand("057", [_actor("USA", "BUS")], [_actor("TUR", "BUS")]))
    assert arguments.private_only(_cand("057", [], [_actor("TUR", "BUS")]))
    assert arguments.private_only(_cand("057", [_actor("BRA", "GOV")], [_actor("BRA", "BUS")])) is None
    assert arguments.private_only(_cand("057", [_actor("EGY", "BUS")], [_actor("CHN")])) is None


def test_a_company_reducing_its_dealings_is_commercial_whoever_the_target() -> None:
    assert arguments.private_only(_cand("160", [_actor("EGY", "BUS")], [_actor("CHN")]))
    assert arguments.private_only(_cand("160", [_actor("EGY", "GOV")], [_actor("CHN")])) is None


def test_violence_against_a_company_stays_an_event() -> None:
    kept = sorted(arguments.load_rules().private_kept_roots)
    assert kept, "some roots must stay events whoever they hit"
    assert arguments.private_only(_cand(kept[0] + "0", [], [_actor("NGA", "BUS")])) is None


def test_only_intergovernmental_parties_are_collectives() -> None:
    assert arguments.collective([_actor("IGO", "GOV", "MIL", "NAT")])
    assert not arguments.collective([_actor("ISR", "GOV")])
    assert not arguments.collective([])


def test_collective_meeting_has_the_organisation_as_source_and_no_target(coder: Any) -> None:
    got = _events(coder, "Arab League foreign ministers met in Cairo on Sunday.")
    got += _events(coder, "NATO defence ministers gathered in Brussels and met on Thursday.")
    assert got and all(code.startswith("04") and (src or "").startswith("IGO") for code, src, _ in got), got


def test_a_cabinet_meeting_alone_stays_internal(coder: Any) -> None:
    assert not [e for e in _events(coder, "The Japanese cabinet met on Tuesday.") if e[0].startswith("04")]


def test_a_phone_call_is_041_in_both_directions(coder: Any) -> None:
    got = _events(coder, "The Egyptian and Jordanian foreign ministers spoke by phone on Saturday.")
    assert ("041", "EGYGOV", "JORGOV") in got and ("041", "JORGOV", "EGYGOV") in got, got


def test_the_caller_of_a_received_call_is_the_source(coder: Any) -> None:
    got = _events(coder, "The Qatari emir received a telephone call from the Turkish president.")
    assert [e for e in got if e[0] == "041"] == [("041", "TURGOV", "QATGOV")], got


def test_a_meeting_in_person_stays_040(coder: Any) -> None:
    got = _events(coder, "The Austrian and Swiss foreign ministers spoke in Vienna on Monday.")
    assert got and all(code == "040" for code, _, _ in got), got


def test_a_news_agency_relaying_is_neither_source_nor_speaker(coder: Any) -> None:
    got = _events(coder, "The official KCNA news agency said North Korean troops had fired at South Korean soldiers.")
    assert [e for e in got if e[0].startswith("19")], got
    assert not [e for e in got if e[0].startswith("01")], got
    assert all(not (src or "").endswith("MED") for _, src, _ in got), got


def test_an_information_minister_speaking_is_a_political_speaker(coder: Any) -> None:
    got = _events(coder, "Syria's information minister said Turkey faced a difficult year.")
    assert any(code.startswith("01") and src == "SYRGOVMED" and tgt == "TUR" for code, src, tgt in got), got


def test_coordinated_prepositions_share_their_object(coder: Any) -> None:
    got = _events(coder, "Kuwait suspended all flights to and from Iran on Monday.")
    assert any(code.startswith("16") and src == "KWT" and tgt == "IRN" for code, src, tgt in got), got


def test_an_attack_by_a_on_b_takes_the_target_hung_on_the_agent(coder: Any) -> None:
    got = _events(coder, "The attack by Somali militants on a Kenyan army base was repelled.")
    assert ("190", "SOMREB", "KENMIL") in got, got


def test_an_event_in_the_sources_own_country_takes_no_place_target(coder: Any) -> None:
    got = _events(coder, "The Kenyan government condemned the violence in Nairobi.")
    assert [e for e in got if e[0] == "111"] == [("111", "KENGOV", None)], got
    got = _events(coder, "Norway condemned the violence in Sudan.")
    assert ("111", "NOR", "SDN") in got, got


def test_a_where_clause_names_the_place_of_its_event(coder: Any) -> None:
    got = _events(coder, "Two soldiers were wounded in Niger, where Chad has deployed troops.")
    assert any(code.startswith("15") and src == "TCD" and tgt == "NER" for code, src, tgt in got), got


def test_rejecting_a_proposal_targets_its_author(coder: Any) -> None:
    got = _events(coder, "Serbia rejected a proposal from Croatia on the border.")
    assert any(code.startswith("12") and src == "SRB" and tgt == "HRV" for code, src, tgt in got), got


def test_co_mediators_do_not_mediate_toward_each_other(coder: Any) -> None:
    events = _events(coder, "A truce brokered by Qatar and Egypt came into force on Friday.")
    assert ("045", "QAT", None) in events and ("045", "EGY", None) in events
    assert not any(src in ("QAT", "EGY") and tgt in ("QAT", "EGY") for _, src, tgt in events)


def test_parties_of_a_cooperative_act_still_act_toward_each_other(coder: Any) -> None:
    events = _events(coder, "Ghana and Togo pledged to reopen their border.")
    assert any(src == "GHA" and tgt == "TGO" for code, src, tgt in events if code.startswith("03"))


def test_crowd_of_the_place_riots_when_no_party_is_named(coder: Any) -> None:
    """A riot or crowd clash with no party named is by the people of its place (CVL), not the state."""
    got = _events(coder, "Rioting broke out in Kampala after the vote.")
    assert ("145", "UGACVL", None) in got, got
    protest = _events(coder, "Protests erupted in Kampala after the vote.")
    assert all(src != "UGACVL" for _, src, _ in protest), protest  # a peaceful protest keeps its place
