"""Who an event needs on its sides: a political actor, a collective party for a one-party meeting, and a
speaker that makes the news rather than relays it.

Compiled once from ``data/arguments.yaml``. Read by ``emit.py`` (every candidate) and by the statements step:

* **private events** — a candidate whose every actor is private (coded only with a private sector such as
  BUS, or uncoded) is commercial news, not a political event: "Boeing signed a deal with Turkish Airlines",
  "the bank declined to comment", "the carrier suspended flights". CAMEO codes business actors, so one
  political actor on either side keeps the event ("the government signed a contract with Embraer"); violence
  and protest stay events whoever does them (``private_kept_roots``: "traders shut their shops in protest"),
  and a private source reducing its dealings stays commercial whoever the target ("Bamboo Airways suspends
  flights to Seoul", ``private_source_roots``).
* **collective meetings** — a meeting with one party and no target is internal ("the cabinet met") unless the
  party is a collective of states ("NATO defence ministers met in Brussels", "G7 leaders met"): then it is
  an event of that actor with no second party.
* **reporters at work** — a visit or meeting whose every source is a news medium ("a Reuters photographer who
  visited Tashkent") is reporting, not a political event.
* **relays** — a news medium ("Xinhua", "Iranian state television", "the official news agency KCNA") that
  reports what others did is not itself making a statement; an official of a ministry of information is.

READS: the actor mentions of a candidate (their codes and sectors), the lemmas of a speaker's words.
ADDS: a reason why a candidate is no political event (``private_only``, ``reporters_at_work``), whether a
meeting's one party is a collective (``collective``), whether a speaker relays the news (``relays``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .._data import load_yaml
from ..mentions import ActorMention
from .state import Candidate, DocState
from .tables import load_codes

PACKAGE = "eventwire.events"


@dataclass(frozen=True, slots=True)
class ArgumentRules:
    """The compiled ``arguments.yaml``."""

    private_sectors: frozenset[str]
    private_kept_roots: frozenset[str]
    private_source_roots: frozenset[str]
    collective_prefixes: tuple[str, ...]
    relay_sectors: frozenset[str]
    relay_officials: frozenset[str]
    purpose_roots: frozenset[str]
    purpose_clause_slots: tuple[str, ...]
    purpose_nouns: frozenset[str]
    purpose_noun_preps: tuple[str, ...]
    threat_action_slots: tuple[str, ...]
    threat_conditions: frozenset[str]
    topic_roots: frozenset[str]
    topic_preps: tuple[str, ...]
    beneficiary_preps: tuple[str, ...]
    place_relatives: frozenset[str]
    carrying_verbs: frozenset[str]
    place_roots: frozenset[str]
    territory_codes: frozenset[str]
    crowd_place_preps: tuple[str, ...]
    max_mutual_parties: int


@lru_cache(maxsize=1)
def load_rules() -> ArgumentRules:
    data = load_yaml(PACKAGE, "arguments.yaml")  # shapes: schema/data/events-arguments.schema.json
    return ArgumentRules(
        private_sectors=frozenset(data["private_sectors"]),
        private_kept_roots=frozenset(data["private_kept_roots"]),
        private_source_roots=frozenset(data["private_source_roots"]),
        collective_prefixes=tuple(data["collective_prefixes"]),
        relay_sectors=frozenset(data["relay_sectors"]),
        relay_officials=frozenset(str(w).lower() for w in data["relay_officials"]),
        purpose_roots=frozenset(data["purpose_roots"]),
        purpose_clause_slots=tuple(data["purpose_clause_slots"]),
        purpose_nouns=frozenset(data["purpose_nouns"]),
        purpose_noun_preps=tuple(data["purpose_noun_preps"]),
        threat_action_slots=tuple(data["threat_action_slots"]),
        threat_conditions=frozenset(data["threat_conditions"]),
        topic_roots=frozenset(data["topic_roots"]),
        topic_preps=tuple(data["topic_preps"]),
        beneficiary_preps=tuple(data["beneficiary_preps"]),
        place_relatives=frozenset(data["place_relatives"]),
        carrying_verbs=frozenset(data["carrying_verbs"]),
        place_roots=frozenset(data["place_roots"]),
        territory_codes=frozenset(data["territory_codes"]),
        crowd_place_preps=tuple(data["crowd_place_preps"]),
        max_mutual_parties=int(data["max_mutual_parties"]),
    )


def political(a: ActorMention) -> bool:
    """A coded actor that is not only private: a state (country, no sector) or any non-private sector."""
    if a.code is None:
        return False
    if not a.sectors:
        return True
    return not set(a.sectors) <= load_rules().private_sectors


def private_only(c: Candidate) -> str | None:
    """Why candidate ``c`` is no political event (every actor private or uncoded), or ``None``."""
    rules = load_rules()
    acts = [*c.sources, *c.targets]
    if c.code[:2] in rules.private_source_roots and c.sources and not any(political(a) for a in c.sources):
        if all(a.code for a in c.sources):  # "Bamboo Airways suspends flights to Seoul"
            return "a private source reducing its dealings is commercial news, not a political event"
    if not acts or c.code[:2] in rules.private_kept_roots or any(political(a) for a in acts):
        return None
    if not any(a.code for a in acts):
        return None  # uncoded group subjects ("masked tribesmen"): kept for review, as before
    return "no political actor on either side (commercial news, not a political event)"


def reporters_at_work(c: Candidate) -> str | None:
    """Why candidate ``c`` is a reporter's work, or ``None``: a visit or meeting (``consult`` root), or a
    gathering outside a building, whose every source is a news medium ("a Reuters photographer who visited
    Tashkent", "journalists met the minister", "reporters gathered outside the court")."""
    gathering = c.frame.rule.endswith("/gathering-outside")  # the frame's id, whatever steps add to the rule
    if (c.code[:2] != load_codes().consult_root and not gathering) or c.recip:
        return None
    if media_only(c.sources):
        return "a reporter's visit or meeting is reporting, not a political event"
    return None


def media_only(acts: list[ActorMention]) -> bool:
    """Every actor of ``acts`` (at least one) is a news medium (only ``relay_sectors``)."""
    relay = load_rules().relay_sectors
    return bool(acts) and all(a.sectors and set(a.sectors) <= relay for a in acts)


def collective(acts: list[ActorMention]) -> bool:
    """Every party is a collective of states ("EU foreign ministers", "NATO", "G7 leaders")."""
    prefixes = load_rules().collective_prefixes
    return bool(acts) and all(a.code is not None and a.code.startswith(prefixes) for a in acts)


def relays(st: DocState, acts: list[ActorMention], doc: Any) -> bool:
    """Every speaker is a news medium relaying the news ("Xinhua reported", "state television said"), not a
    political actor speaking (an information minister, a ministry spokesman)."""
    rules = load_rules()
    if not acts:
        return False
    for a in acts:
        if not rules.relay_sectors & set(a.sectors):
            return False
        if any(st.lem(doc[i]) in rules.relay_officials for i in range(a.tok_start, a.tok_end)):
            return False
    return True
