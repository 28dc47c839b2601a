"""Step 6 — subordinate events: an event in a purpose or participle clause of another coded event ("staged
protests to demand ...", "opened fire, killing ...", or of the event a coded governing word governs: "are due
to meet on Friday to discuss ...") is dropped in favour of the main one, which takes its
target when it has none ("sent an emissary to meet the Georgian government"). A participle that
reports a second, different material act is kept ("police raided the offices, arresting 10 protesters": a
raid and arrests); acts of one kind stay one event ("opened fire, killing", "protested, blocking roads"). A
clause with its own subject that names who did what a sourceless main event reports replaces it ("two officers
were injured when protesters threw firebombs at them"); a clause with another actor as its subject is an event
of its own ("X stepped down after the United States threatened a crackdown"). An event noun that a verb frame
names as its object ("questioned Beijing's commitment to the deal") is what that act judges: dropped. A demand,
criticism or rejection as the purpose of people gathering is a demonstration ("thousands gathered to denounce X").

READS: ``s.cands`` and their triggers' dependency relations.
ADDS: ``s.cands`` without the subordinate events (their targets lent to main events without one).
"""

from __future__ import annotations

from typing import Any

from ..actors import fill
from ..arguments import load_rules
from ..grammar import SUBORDINATE_DEPS
from ..roles import roles
from ..state import Candidate, DocState, SentenceWork
from .verb_places import gathering_purpose_clause

READS: tuple[str, ...] = ("cands",)
ADDS: tuple[str, ...] = ("cands",)

SIDE_EVENT_MARGIN = 0.1  # a kept subordinate event is less sure than the main event it hangs on


def run(st: DocState, s: SentenceWork) -> None:
    """Drop the candidates whose trigger hangs (advcl, xcomp, acl, pcomp) on another candidate's trigger."""
    s.cands = drop_subordinate(st, s.cands)
    s.cands = [c for c in s.cands if not _alleging_verb(st, c, s.cands)]
    for c in s.cands:
        _gathering_purpose(st, c)


def _gathering_purpose(st: DocState, c: Candidate) -> None:
    """ "Thousands gathered in Tahrir Square to denounce the government": a demand, criticism or rejection that is
    the purpose of people gathering (an infinitive or a participle on a gathering verb not coded itself:
    "gathered ... demanding civilian rule") is a demonstration aimed
    at its target if it has one, by the gathering's people or, for an uncoded crowd, the place it gathered in."""
    v = c.trigger
    h = v.head
    if not gathering_purpose_clause(st, v) or c.code[:2] not in st.c.gathering_purpose_roots:
        return
    if any(set(a.sectors) & st.c.authority_sectors for a in c.sources):
        return  # "ministers gathered in Geneva to reject the proposal": a meeting, no demonstration
    if c.code[:2] != st.c.protest_root:  # "gathered to protest", "to strike": a protest of its own kind
        c.code = st.c.demonstration
    c.rule = f"{c.rule}/gathered"
    if not c.sources:
        c.sources = fill(st, ("in", "at", "outside"), roles(st, h))[0]


def _alleging_verb(st: DocState, c: Candidate, cands: list[Candidate]) -> bool:
    """ "Niue alleged that Jordan violated ...": the allegation verb's own accusation without a target is the
    accusation its content gives (with the accused as target)."""
    if c.targets:
        return False
    for a in cands:
        if (
            a.code == c.code
            and a.rule.startswith("modality.yaml:allegation")
            and {x.code for x in c.sources} <= {x.code for x in a.sources}
            and c.trigger.i in {t.i for t in a.trigger.ancestors}
        ):
            st.note(f"  drop {c.code} at '{c.trigger.text}': the accusation is coded from what was alleged")
            return True
    return False


def drop_subordinate(st: DocState, cands: list[Candidate]) -> list[Candidate]:
    if len(cands) < 2:
        return cands
    by_trigger: dict[int, list[Candidate]] = {}
    for c in cands:
        by_trigger.setdefault(c.trigger.i, []).append(c)
    for c in cands:  # "were due to meet on Friday to discuss ...": a clause of the governed event's too
        if c.complement is not None and c.complement.i not in by_trigger:
            by_trigger[c.complement.i] = [c]
    replaced: set[int] = set()  # ids of main events a clause with the agent replaces
    keep = []
    for c in cands:
        t = c.trigger
        if _named_object(st, t, by_trigger):
            st.note(f"  drop {c.code} at '{t.text}': the thing the event at '{t.head.text}' is about")
            continue
        if _aim_phrase(st, t, by_trigger):
            st.note(f"  drop {c.code} at '{t.text}': the aim of the event at '{t.head.head.text}'")
            continue
        if t.dep_ in SUBORDINATE_DEPS and t.head.i in by_trigger and t.head.i != t.i:
            mains = by_trigger[t.head.i]
            side = (
                "a second act beside the event at"
                if _second_act(st, c, mains)
                else "a clause with an actor of its own beside"
                if _own_actor_clause(c, mains)
                else None
            )
            if side:
                st.note(f"  keep {c.code} at '{t.text}': {side} '{t.head.text}'")
                c.conf = min(c.conf, min(m.conf for m in mains) - SIDE_EVENT_MARGIN)  # the main one leads
            elif _agent_clause(st, c, mains):
                st.note(f"  keep {c.code} at '{t.text}': the clause names who did what '{t.head.text}' reports")
                hit = [a for m in mains for a in m.targets]  # the casualties, not the place of their convoy
                if not c.targets or (all(not a.sectors for a in c.targets) and any(a.sectors for a in hit)):
                    c.targets = hit
                replaced.update(id(m) for m in mains)
            else:
                st.note(f"  drop {c.code} at '{t.text}': subordinate to the event at '{t.head.text}'")
                _lend_target(st, c, mains)
                continue
        keep.append(c)
    return [c for c in keep if id(c) not in replaced]


def _aim_phrase(st: DocState, t: Any, by_trigger: dict[int, list[Candidate]]) -> bool:
    """ "X and Y sign a trade deal in a renewed push for economic cooperation": an effort noun ("push", "bid",
    "drive") in a phrase on another coded event names that event's aim, not an act of its own."""
    p = t.head
    return (
        t.dep_ == "pobj"
        and st.lem(t) in st.generic
        and p.dep_ == "prep"
        and p.head.i != t.i
        and p.head.i in by_trigger
        and not any(c.trigger.i == t.i for c in by_trigger[p.head.i])
    )


def _named_object(st: DocState, t: Any, by_trigger: dict[int, list[Candidate]]) -> bool:
    """ "questioned Beijing's commitment to the deal": an event noun that is the object a verb frame of words or
    attitudes (``arguments.yaml`` ``topic_roots``) names (``obj:``) is what that act judges, not an act of its own."""
    if t.dep_ != "dobj" or t.head.i == t.i or t.head.i not in by_trigger:
        return False
    judging = load_rules().topic_roots  # words and attitudes: "hosted talks between X and Y" hosts real talks
    return any(
        m.frame.kind == "verb"
        and any(m.code.startswith(r) for r in judging)
        and m.frame.obj is not None
        and st.lem(t) in m.frame.obj
        for m in by_trigger[t.head.i]
    )


def _own_actor_clause(c: Candidate, mains: list[Candidate]) -> bool:
    """ "X stepped down after the United States threatened a crackdown": an adverbial clause with a subject
    of its own, another actor than the main events' sources, reports an event of its own."""
    t = c.trigger
    if t.dep_ != "advcl" or not c.sources or not _named_subject(t):
        return False
    own = {a.code for a in c.sources}
    return all(m.sources and own.isdisjoint(a.code for a in m.sources) for m in mains)


def _named_subject(t: Any) -> bool:
    """The clause at ``t`` has a subject of its own that is no pronoun: a pronoun ("when they blew themselves
    up") is too often resolved to the wrong party to name an actor of its own."""
    return any(x.dep_ == "nsubj" and x.pos_ != "PRON" for x in t.children)


def _agent_clause(st: DocState, c: Candidate, mains: list[Candidate]) -> bool:
    """ "two officers were injured when protesters threw firebombs at them": a clause of force with a subject of
    its own that names the agent the main events (casualties without a source) lack."""
    t = c.trigger
    force = (*st.c.violent_roots, st.c.protest_root, st.c.violent_repression[:2])
    return (
        t.dep_ == "advcl"
        and bool(c.sources)
        and c.code[:2] in force
        and _named_subject(t)
        and all(_lacks_agent(m, c) and not m.recip and m.code[:2] in st.c.violent_roots for m in mains)
    )


def _lacks_agent(m: Candidate, c: Candidate) -> bool:
    """The main event ``m`` has no source but the one it took from the clause ``c`` ("4 injured as police turn on
    protesters": the police)."""
    return not m.sources or {a.code for a in m.sources} <= {a.code for a in c.sources}


def _second_act(st: DocState, c: Candidate, mains: list[Candidate]) -> bool:
    """A participle ("..., arresting 10 protesters") whose material act differs in kind (its code) from every main
    one: not a purpose ("to demand"), not one more act of violence or of protest."""
    t = c.trigger
    if t.dep_ != "advcl" or t.tag_ != "VBG" or any(x.dep_ in ("aux", "mark") for x in t.children):
        return False
    mat, protest = st.c.material_roots, st.c.protest_root

    def force(x: Candidate) -> bool:  # violence, also when used on a crowd ("opened fire on the crowd": 175)
        return x.frame.code[:2] in st.c.violent_roots or x.code[:2] in st.c.violent_roots

    root = c.code[:2]
    if root not in mat or root == protest:
        return False
    for m in mains:
        mr = m.code[:2]
        if mr not in mat or mr == protest or m.code == c.code or (force(m) and force(c)):
            return False
    return True


def _lend_target(st: DocState, c: Candidate, mains: list[Candidate]) -> None:
    """The subordinate clause names whom a main event without a target is aimed at: "sent an emissary to meet
    the Georgian government" (the visit is to the government), "gunmen opened fire, killing five villagers"."""
    if not c.targets:
        return
    src = {a.code for a in c.sources}
    at = {(a.tok_start, a.tok_end) for a in c.sources}  # the same words given a country by the main event's place
    for m in mains:
        same = src & {a.code for a in m.sources} or at & {(a.tok_start, a.tok_end) for a in m.sources}
        if m.targets or m.recip or (src and not same):
            continue
        if {a.code for a in c.targets} & {a.code for a in m.sources}:
            continue
        if not src and {a.country for a in c.targets} & {a.country for a in m.sources if a.country}:
            continue  # "threatens retaliation after (its) diplomats expelled": the victim, not the one threatened
        m.targets = list(c.targets)
        named = ", ".join(a.text for a in c.targets)
        st.note(f"  {m.code} at '{m.trigger.text}': target from '{c.trigger.text}' ({named})")
