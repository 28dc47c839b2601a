"""The tables the coder's steps read, from data files, as typed frozen objects (each loaded once per process).

* ``Words`` (``data/words.yaml``): word lists, one field per key ("stative_verbs", "ordinals", ...); the
  month and weekday names come from the package's shared calendar (``eventwire.words``).
* ``Codes`` (``data/codes.yaml``): the CAMEO codes, roots and actor sector groups the steps test or emit, each
  named for what it is for; every code and root is checked against the codebook (``cameo.py``).
* ``ComplementRules`` (``data/complements.yaml``): where a governing word finds its event complement.

No CAMEO code is written in the steps' Python: they read ``Codes``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from .._data import load_yaml
from ..errors import EventwireError, error
from ..words import calendar
from . import cameo

PACKAGE = "eventwire.events"
# Lists whose order matters (slots tried in turn): kept as tuples.
ORDERED_WORDS = frozenset({"inner_target_preps", "location_preps", "people_endings"})


def _err(msg: str, name: str) -> EventwireError:
    return error("E320", where=f"events/data/{name}", problem=msg)


@dataclass(frozen=True, slots=True)
class Words:
    """The word lists of ``words.yaml`` (lower-cased lemmas); ``time_words`` joins the month and weekday
    names of the shared calendar (``eventwire/data/calendar.yaml``) and the other time nouns."""

    time_nouns: frozenset[str]
    search_preps: frozenset[str]
    relative_pronouns: frozenset[str]
    blame_verbs: frozenset[str]
    exchange_nouns: frozenset[str]
    self_pronouns: frozenset[str]
    reciprocal_pronouns: frozenset[str]
    telling_verbs: frozenset[str]
    mandative_verbs: frozenset[str]
    harm_nouns: frozenset[str]
    generic_attack_nouns: frozenset[str]
    place_target_preps: frozenset[str]
    speaker_pronouns: frozenset[str]
    speaker_object_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    party_nouns: frozenset[str]
    relief_verbs: frozenset[str]
    background_preps: frozenset[str]
    sequel_nouns: frozenset[str]
    example_preps: frozenset[str]
    engaged_verbs: frozenset[str]
    act_nouns: frozenset[str]
    wrongdoing_verbs: frozenset[str]
    causing_verbs: frozenset[str]
    resulting_verbs: frozenset[str]
    convening_verbs: frozenset[str]
    witness_verbs: frozenset[str]
    time_clause_marks: frozenset[str]
    purpose_passives: frozenset[str]
    safety_verbs: frozenset[str]
    anonymity_words: frozenset[str]
    adjectival_participles: frozenset[str]
    belief_verbs: frozenset[str]
    accusation_words: frozenset[str]
    state_passives: frozenset[str]
    organisation_nouns: frozenset[str]
    topic_nouns: frozenset[str]
    partitive_pronouns: frozenset[str]
    own_possessives: frozenset[str]
    armed_forces_extra: frozenset[str]
    as_role_verbs: frozenset[str]
    causative_verbs: frozenset[str]
    gerund_action_verbs: frozenset[str]
    gerund_in_verbs: frozenset[str]
    adverb_particles: frozenset[str]
    gerund_preps: frozenset[str]
    stative_verbs: frozenset[str]
    ordinals: frozenset[str]
    negating_verbs: frozenset[str]
    abandoning_verbs: frozenset[str]
    failing_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    conditional_modals: frozenset[str]
    polite_wish_verbs: frozenset[str]
    law_nouns: frozenset[str]
    enact_verbs: frozenset[str]
    ability_adjectives: frozenset[str]
    asking_verbs: frozenset[str]
    question_words: frozenset[str]
    intransitive_event_verbs: frozenset[str]
    instrument_verbs: frozenset[str]
    embargo_nouns: frozenset[str]
    attribution_verbs: frozenset[str]
    clause_future_aux: frozenset[str]
    want_verbs: frozenset[str]
    verbal_attack_verbs: frozenset[str]
    verbal_channels: frozenset[str]
    gathering_verbs: frozenset[str]
    departure_verbs: frozenset[str]
    count_nouns: frozenset[str]
    belief_adjectives: frozenset[str]
    decision_nouns: frozenset[str]
    crowd_heads: frozenset[str]
    crowd_clash_nouns: frozenset[str]
    protest_words: frozenset[str]
    state_nouns: frozenset[str]
    convened_nouns: frozenset[str]
    news_nouns: frozenset[str]
    passive_occurrence_verbs: frozenset[str]
    poll_shares: frozenset[str]
    complaint_verbs: frozenset[str]
    verdict_verbs: frozenset[str]
    inner_target_preps: tuple[str, ...]
    location_preps: tuple[str, ...]
    whether_marks: frozenset[str]
    process_nouns: frozenset[str]
    cause_marks: frozenset[str]
    possibility_verbs: frozenset[str]
    attempt_verbs: frozenset[str]
    people_endings: tuple[str, ...]
    strike_nouns: frozenset[str]
    target_nouns: frozenset[str]
    temporal_preps: frozenset[str]
    meeting_purpose_preps: frozenset[str]
    announcing_verbs: frozenset[str]
    clause_preps: frozenset[str]
    negating_preps: frozenset[str]
    absence_nouns: frozenset[str]
    helping_verbs: frozenset[str]
    assertive_demands: frozenset[str]
    attempt_nouns: frozenset[str]
    telephone_verbs: frozenset[str]
    impersonal_causes: frozenset[str]
    aerial_agents: frozenset[str]
    aerial_units: frozenset[str]
    permission_verbs: frozenset[str]
    necessity_verbs: frozenset[str]
    proof_verbs: frozenset[str]
    rule_verbs: frozenset[str]
    request_nouns: frozenset[str]
    object_control_verbs: frozenset[str]
    ditransitive_verbs: frozenset[str]
    origin_participles: frozenset[str]
    forecast_words: frozenset[str]
    scene_verbs: frozenset[str]
    partner_nouns: frozenset[str]
    sequel_adverbs: frozenset[str]
    raising_verbs: frozenset[str]
    assault_verbs: frozenset[str]
    speech_topic_preps: frozenset[str]
    victim_preps: frozenset[str]
    hostile_aims: frozenset[str]
    receiving_verbs: frozenset[str]
    striving_verbs: frozenset[str]
    aiming_verbs: frozenset[str]
    hosting_verbs: frozenset[str]
    deal_verbs: frozenset[str]
    party_modifier_slots: frozenset[str]
    sentencing_verbs: frozenset[str]
    owner_pronouns: frozenset[str]
    headline_clause_marks: frozenset[str]
    electorate_words: frozenset[str]
    ballot_nouns: frozenset[str]
    ungoverning_particles: frozenset[str]
    copulas: frozenset[str]
    describing_copulas: frozenset[str]
    arrival_verbs: frozenset[str]
    protest_crowds: frozenset[str]
    protest_events: frozenset[str]
    occurrence_verbs: frozenset[str]
    ongoing_words: frozenset[str]
    violent_turn_words: frozenset[str]
    advisory_verbs: frozenset[str]
    time_words: frozenset[str]  # not a key of words.yaml: the calendar's months and weekdays | time_nouns


@lru_cache(maxsize=1)
def load_words() -> Words:
    """Read ``words.yaml``: every field of ``Words`` must be there, and nothing else."""
    name = "words.yaml"
    data = load_yaml(PACKAGE, name)  # shapes: schema/data/events-words.schema.json
    wanted = {f.name for f in fields(Words)} - {"time_words"}
    if set(data) != wanted:
        raise _err(f"missing keys {sorted(wanted - set(data))}, unknown keys {sorted(set(data) - wanted)}", name)
    kw: dict[str, Any] = {}
    for key, value in data.items():
        words = [w.lower() for w in value]
        kw[key] = tuple(words) if key in ORDERED_WORDS else frozenset(words)
    cal = calendar()
    kw["time_words"] = frozenset(cal.months) | frozenset(cal.weekdays) | kw["time_nouns"]
    return Words(**kw)


@dataclass(frozen=True, slots=True)
class Codes:
    """The CAMEO codes, roots and sector groups of ``codes.yaml``, by purpose (see the comments there)."""

    statement_root: str
    appeal_root: str
    consult_root: str
    demand_root: str
    threaten_root: str
    protest_root: str
    aerial_root: str
    aid_root: str
    force_posture_root: str
    material_roots: frozenset[str]
    alleged_violence_roots: frozenset[str]
    armed_action_roots: frozenset[str]
    cooperative_roots: frozenset[str]
    unconditional_roots: frozenset[str]
    not_ordered_action_roots: frozenset[str]
    casualty_roots: frozenset[str]
    home_force_roots: frozenset[str]
    incident_roots: frozenset[str]
    sports_violence_roots: frozenset[str]
    physical_guard_roots: frozenset[str]
    violent_roots: frozenset[str]
    repression_roots: frozenset[str]
    impersonal_guard_roots: frozenset[str]
    mutual_roots: frozenset[str]
    answering_roots: frozenset[str]
    complaint_roots: frozenset[str]
    gathering_purpose_roots: frozenset[str]
    disaster_advice_roots: frozenset[str]
    referring_reaction_roots: frozenset[str]
    conjunct_target_roots: frozenset[str]
    reaction_roots: frozenset[str]
    speaker_party_roots: frozenset[str]
    named_target_roots: frozenset[str]
    pronoun_party_roots: frozenset[str]
    spoken_roots: frozenset[str]
    own_country_guard_roots: frozenset[str]
    claim_responsibility: str
    accusation: str
    verbal_attack: str
    evaluated_praise: str
    administrative_sanction: str
    meet: str
    meet_third_location: str
    visit: str
    military_show: str
    joint_military: str
    military_retreat: str
    violent_repression: str
    foreign_restriction: str
    violent_protest: str
    aerial_strike: str
    private_assault: str
    agentless_assault: str
    unarmed_violence: str
    official_protest: str
    demonstration: str
    labour_strike: str
    state_strike: str
    humanitarian_aid: str
    expelled_envoys: str
    expelled_inspectors: str
    halted_talks: str
    expelled_peacekeepers: str
    expelled_mission: str
    responsibility_codes: frozenset[str]
    referring_praise_codes: frozenset[str]
    alleged_wrong_codes: frozenset[str]
    aerial_destruction_codes: frozenset[str]
    arrival_codes: frozenset[str]
    detention_codes: frozenset[str]
    exact_attack_codes: frozenset[str]
    person_target_codes: frozenset[str]
    crowd_riot_codes: frozenset[str]
    third_party_codes: frozenset[str]
    emergency_codes: frozenset[str]
    political_sectors: frozenset[str]
    authority_sectors: frozenset[str]
    force_sectors: frozenset[str]
    state_sectors: frozenset[str]
    private_people_sectors: frozenset[str]
    war_victim_sectors: frozenset[str]
    crowd_sectors: frozenset[str]
    court_sectors: frozenset[str]
    protester_sectors: frozenset[str]
    street_sectors: frozenset[str]
    counterpart_sectors: frozenset[str]
    diplomatic_sectors: frozenset[str]
    person_target_sectors: frozenset[str]
    armed_group_sectors: frozenset[str]
    police_sectors: frozenset[str]


# section of codes.yaml -> (suffix of the Codes field, what each value is)
_CODE_SECTIONS = {
    "roots": ("_root", "root"),
    "root_groups": ("_roots", "roots"),
    "codes": ("", "code"),
    "code_groups": ("_codes", "codes"),
    "sectors": ("_sectors", "sectors"),
}


def _checked(value: Any, kind: str, where: str, name: str) -> str | frozenset[str]:
    """A code, a root, or a set of them (checked against the codebook); a set of sector codes."""
    items = list(value) if kind in ("roots", "codes", "sectors") else [value]
    for x in items:
        if kind in ("root", "roots") and x not in cameo.ROOTS:
            raise _err(f"'{where}': {x!r} is no CAMEO root", name)
        if kind in ("code", "codes") and not cameo.is_code(x):
            raise _err(f"'{where}': unknown CAMEO code {x!r}", name)
    return frozenset(items) if kind in ("roots", "codes", "sectors") else items[0]


@lru_cache(maxsize=1)
def load_codes() -> Codes:
    """Read ``codes.yaml``: every field of ``Codes`` must be there, and nothing else."""
    name = "codes.yaml"
    data = load_yaml(PACKAGE, name)  # shapes: schema/data/events-codes.schema.json
    kw: dict[str, Any] = {}
    for section, (suffix, kind) in _CODE_SECTIONS.items():
        for key, value in data[section].items():
            kw[f"{key}{suffix}"] = _checked(value, kind, f"{section}/{key}", name)
    wanted = {f.name for f in fields(Codes)}
    if set(kw) != wanted:
        raise _err(f"missing entries {sorted(wanted - set(kw))}, unknown entries {sorted(set(kw) - wanted)}", name)
    return Codes(**kw)


@dataclass(frozen=True, slots=True)
class ComplementRules:
    """``complements.yaml``: families taking any complement clause, families taking a future one, and the
    slots of each family's event-noun complement (``("obj",)`` for a family not listed)."""

    clause_any: frozenset[str]
    clause_future: frozenset[str]
    future_governors: frozenset[str]
    act_families: frozenset[str]
    noun_slots: dict[str, tuple[str, ...]]

    def slots(self, family: str) -> tuple[str, ...]:
        return self.noun_slots.get(family, ("obj",))


@lru_cache(maxsize=1)
def load_complement_rules() -> ComplementRules:
    """Read ``complements.yaml``."""
    name = "complements.yaml"
    data = load_yaml(PACKAGE, name)  # shapes: schema/data/events-complements.schema.json
    return ComplementRules(
        clause_any=frozenset(data["clause_any"]),
        clause_future=frozenset(data["clause_future"]),
        future_governors=frozenset(data["future_governors"]),
        act_families=frozenset(data["act_families"]),
        noun_slots={str(k): tuple(v) for k, v in data["noun_slots"].items()},
    )
