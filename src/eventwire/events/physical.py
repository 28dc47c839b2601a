"""Disasters and accidents are not attacks: a physical cause without a human agent.

Compiled once from ``data/physical.yaml`` (physical causes, cause verbs, attack markers). Read by the
``story_context`` step for every candidate of a guarded root (``codes.yaml``: ``physical_guard``) that has no
coded source:

* **linked cause** — the event's agent is a physical cause: the subject of its verb or of the clause it is a
  participle of ("the blast injured 30", "an earthquake struck Turkey, killing 20"), the noun the victims fell
  in ("were killed in an explosion", "died in a fire"), or a "when / after / as" clause of the event whose
  subject is a cause or whose verb is a cause verb ("were killed when a gas explosion ripped through ...",
  "died after the bridge collapsed");
* **disaster story** — casualties without a cause in a story that already reported a disaster (a linked cause
  in an earlier sentence) and names no attack marker anywhere ("The death toll rose to 40", said in a story
  about a factory fire).

An attack marker in the sentence ("bomb", "militants", "shelling", "air strike", "set on fire") keeps the
event, and so does a coded source (an actor who did it) unless the cause is the event's own subject
(``subject_cause``: "the accident forced the evacuation ..., killing two").

READS: the parse around the trigger, the story's lemmas. ADDS: a reason why the event is no attack, or ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .._data import load_yaml
from .grammar import NOUN_POS, VERB_POS

PACKAGE = "eventwire.events"
# relations of a clause that tell when or why the casualties happened ("killed when ...", "died after ...")
_TIME_CLAUSE = ("advcl",)
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = ("that", "which")
_UP = ("advcl", "xcomp", "conj", "acl", "oprd", "acomp")  # from a participle or conjunct up to its clause


@dataclass(frozen=True, slots=True)
class PhysicalRules:
    """The compiled ``physical.yaml``."""

    causes: frozenset[str]
    vehicles: frozenset[str]
    cause_verbs: frozenset[str]
    casualties: frozenset[str]
    markers: frozenset[str]
    pairs: frozenset[frozenset[str]]


@lru_cache(maxsize=1)
def load_rules() -> PhysicalRules:
    data = load_yaml(PACKAGE, "physical.yaml")  # shapes: schema/data/events-physical.schema.json

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    return PhysicalRules(
        causes=words("causes"),
        vehicles=words("vehicles"),
        cause_verbs=words("cause_verbs"),
        casualties=words("casualty_words"),
        markers=words("attack_markers"),
        pairs=frozenset(frozenset(str(p).lower().split()) for p in data["attack_pairs"]),
    )


def _lem(t: Any) -> str:
    return str(t.lemma_).lower()


def marker(tokens: Any, rules: PhysicalRules) -> str | None:
    """The first attack marker among ``tokens`` (a lemma of the list, or a linked pair: "air strike",
    "set fire"), or ``None``."""
    for t in tokens:
        low = _lem(t)
        if low in rules.markers or str(t.lower_) in rules.markers:
            return str(t.text)
        h = t.head
        if h.i != t.i and h.dep_ == "prep" and t.dep_ == "pobj":
            h = h.head  # "set on fire": the preposition links the pair
        if h.i != t.i and frozenset((low, _lem(h))) in rules.pairs:
            return f"{h.text} {t.text}" if h.i < t.i else f"{t.text} {h.text}"
    return None


def _cause_noun(t: Any, rules: PhysicalRules) -> Any | None:
    """``t`` or the noun it stands for when that is a physical cause ("gas explosion", "a series of
    blasts", "the collapse of a dam")."""
    level = [t]
    for _ in range(2):
        nxt = []
        for x in level:
            if x.pos_ in NOUN_POS and _lem(x) in rules.causes:
                return x
            for c in x.children:
                if c.dep_ == "compound" or (c.dep_ == "prep" and _lem(c) == "of"):
                    nxt.extend([c] if c.dep_ == "compound" else [p for p in c.children if p.dep_ == "pobj"])
        level = nxt
    return next((x for x in level if x.pos_ in NOUN_POS and _lem(x) in rules.causes), None)


def _vehicle(t: Any, rules: PhysicalRules) -> bool:
    return bool(t.pos_ in NOUN_POS and _lem(t) in rules.vehicles)


def _clause_cause(v: Any, rules: PhysicalRules, vehicles: bool = False) -> str | None:
    """A physical cause that is the subject of clause ``v``, or its verb a cause verb ("the bus crashed");
    ``vehicles``: a vehicle subject counts too ("killed when a car drove into the crowd")."""
    for c in v.children:
        if c.dep_ in _SUBJECTS:
            if _lem(c) in _RELATIVE and v.dep_ == "relcl" and v.head.i != v.i:
                c = v.head  # "a failure that killed 16": the noun the relative clause describes
            n = c if vehicles and _vehicle(c, rules) else _cause_noun(c, rules)
            # "the devastation from the typhoon continues": the cause named in the subject's phrase
            phrase = [m for p in c.children if p.dep_ == "prep" and _lem(p) in ("from", "of", "by") for m in p.children]
            n = n or next((x for m in phrase if m.dep_ == "pobj" and (x := _cause_noun(m, rules)) is not None), None)
            if n is not None:
                return f"'{n.text}' is the subject of '{v.text}'"
    if v.pos_ in VERB_POS and _lem(v) in rules.cause_verbs:
        return f"'{v.text}' names what failed or struck"
    return None


def linked_cause(trigger: Any, rules: PhysicalRules) -> str | None:
    """Why a physical cause is the agent of the event at ``trigger`` (see the module docstring), or ``None``."""
    if trigger.pos_ in NOUN_POS and _cause_noun(trigger, rules) is not None:
        return f"the event noun '{trigger.text}' is a physical cause"
    clauses = [trigger]
    t = trigger
    if trigger.dep_ == "relcl":  # "the cyclone flattened the coast, and hundreds who were killed ...": the clause of
        t = next((a for a in trigger.ancestors if a.pos_ in VERB_POS and a.dep_ != "prep"), trigger)  # the noun
        clauses.append(t)
    for _ in range(4):  # "..., killing 20": the participle's clause; "was killed and 30 injured": the first verb
        if t.dep_ in _UP and t.head.i != t.i:
            t = t.head  # "leaving 300 homeless and killing two": through the adjective too
            if t.pos_ in VERB_POS:
                clauses.append(t)
            elif t.pos_ in NOUN_POS and _cause_noun(t, rules) is not None:  # "a blast at a depot, wounding five"
                return f"'{trigger.text}' describes the physical cause '{t.text}'"
        else:
            break
    # "seven were killed and 20 wounded in the blast": the phrase on a conjoined verb names the cause too
    clauses += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ in VERB_POS]
    for v in clauses:
        why = _clause_cause(v, rules) or _cause_phrase(v, rules)
        if why:
            return why
        hurt = _lem(trigger) in rules.casualties  # a vehicle that ran into people: an accident's casualties
        for c in v.children:
            # "killed when a bus crashed", "killed after being run over in a traffic accident"
            times = [c] if c.dep_ in _TIME_CLAUSE and c.pos_ in VERB_POS else []
            if c.dep_ in _TIME_CLAUSE and c.pos_ in NOUN_POS and (_cause_noun(c, rules) or hurt and _vehicle(c, rules)):
                return f"'{c.text}' in the clause of the event is a physical cause"  # "when a truck ploughed into"
            if c.dep_ == "prep" and _lem(c) in _CAUSE_PREPS:
                times = [p for p in c.children if p.dep_ == "pcomp" and p.pos_ in VERB_POS]
            for tc in times:
                why = _clause_cause(tc, rules, vehicles=hurt) or _cause_phrase(tc, rules)
                if why:
                    return f"{why} (the clause '{tc.text}' of the event)"
    return None


_CAUSE_PREPS = ("in", "during", "after", "by", "from", "following", "amid")


def _cause_phrase(v: Any, rules: PhysicalRules) -> str | None:
    """A physical cause in a phrase of ``v`` ("were killed in an explosion", "died after the collapse", the
    passive's agent: "was killed by an explosion")."""
    for c in v.children:
        if c.dep_ in ("prep", "agent") and _lem(c) in _CAUSE_PREPS:
            for p in c.children:
                n = _cause_noun(p, rules) if p.dep_ == "pobj" else None
                if n is not None:
                    return f"'{c.text} {n.text}': a physical cause"
    return None


def subject_cause(trigger: Any, rules: PhysicalRules) -> str | None:
    """Why the trigger's own subject (or that of the clause it is a participle of) is a physical cause ("the
    accident forced ..., killing two"): whatever else the coder took for a source, the agent is no actor."""
    t = trigger
    for _ in range(4):
        why = _clause_cause(t, rules) if t.pos_ in VERB_POS else None
        if why and "subject" in why:
            return why
        if t.dep_ in _UP and t.head.i != t.i:
            t = t.head
        else:
            return None
    return None


def reports_disaster(sent: Any, rules: PhysicalRules) -> bool:
    """True when a casualty word of ``sent`` has a linked physical cause and the sentence no attack marker
    ("A gas explosion ripped through a mine, killing 12 miners")."""
    return marker(sent, rules) is None and any(
        _lem(t) in rules.casualties and linked_cause(t, rules) is not None for t in sent
    )


def no_attack(trigger: Any, sent: Any, disaster_story: bool, rules: PhysicalRules) -> tuple[str, bool] | None:
    """(why, linked) when a sourceless violent event at ``trigger`` is a disaster or an accident rather than an
    attack, else ``None``: a physical cause linked to it (``linked`` True) and no attack marker in the
    sentence, or (``linked`` False) a story that already reported a disaster and names no attack marker."""
    if marker(sent, rules) is not None:
        return None
    why = linked_cause(trigger, rules)
    if why:
        return why, True
    if disaster_story:
        return "the story reports a disaster or an accident and names no attack or attacker", False
    return None


def cause_in(head: Any, rules: PhysicalRules) -> Any | None:
    """The first physical cause noun in the phrases of ``head`` ("declared an emergency after the cyclone", "urges
    telecommuting to curb coronavirus"), or ``None``."""
    return next((t for t in head.subtree if t.pos_ in NOUN_POS and _lem(t) in rules.causes), None)
