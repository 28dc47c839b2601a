"""Emit: keep a candidate event, split it into (source, target) events, and drop repeated casualty reports.

READS: a candidate's actors and code; for ``dedup_casualties`` the story's events and the casualty roots
(``codes.yaml``).
ADDS: the candidate to the sentence's list (``emit``: only with an actor, and not a one-party meeting);
``EventMention`` records, one per (source, target) pair (``to_events``); the story's events without repeats
of perpetrator-less violence (``dedup_casualties``). Each decision is a line of the trace.
"""

from __future__ import annotations

from typing import Any

from ..mentions import ActorMention, EventMention
from . import arguments
from .confidence import calibrate, path_length
from .state import Candidate, DocState, Trace
from .tables import load_codes, load_words


def main_conf(t: Any, conf: float) -> float:
    """Events of the main clause (or of the clause a speech verb reports) get a small bonus."""
    if t.dep_ == "ROOT" or (t.dep_ in ("ccomp", "conj") and t.head.dep_ == "ROOT"):
        return conf + 0.05
    return conf


def emit(st: DocState, c: Candidate, label: str, cands: list[Candidate]) -> None:
    """Add ``c`` to ``cands`` when it has an actor and is not a meeting with only one party."""
    if not c.sources and not c.targets:
        st.note(f"  {label}: no event (code {c.code} by {c.rule}: no source or target actor)")
        return
    if (
        c.recip
        and c.code.startswith(st.c.consult_root)
        and not c.targets
        and len({a.code for a in c.sources}) < 2
        and not arguments.collective(c.sources)  # "NATO defence ministers met": a collective's meeting
    ):
        st.note(
            f"  {label}: no event (code {c.code}: a meeting with only one party, e.g. a cabinet meeting, is internal)"
        )
        return
    acts = [*c.sources, *c.targets]
    if (
        c.sources
        and c.targets
        and len({a.code for a in acts}) == 1
        and all(a.sectors and a.kind != "person" for a in acts)  # two ministers of one cabinet are two actors
        and c.code[:2] in st.c.cooperative_roots
    ):
        # "troops backed by tanks": one actor's cooperation with itself is no event between actors
        st.note(f"  {label}: no event (code {c.code} by {c.rule}: source and target are one actor)")
        return
    own = {a.country for a in c.sources if a.country and a.sectors}
    if (
        own
        and c.targets
        and c.code[:2] in st.c.own_country_guard_roots
        and all(t.country in own and not t.sectors for t in c.targets)
    ):
        # "the Norwegian government sent police to aid the rescue in western Norway": help for one's own country
        st.note(f"  {label}: no event (code {c.code} by {c.rule}: cooperation with the source's own country)")
        return
    why = advisory(st, c)  # "the CDC warned Americans to avoid travel": a public advisory
    if why:
        st.note(f"  {label}: no event (code {c.code} by {c.rule}: {why})")
        return
    why = arguments.private_only(c) or arguments.reporters_at_work(c)  # commercial news; a reporter's visit
    if why:
        st.note(f"  {label}: no event (code {c.code} by {c.rule}: {why})")
        return
    if not c.recip and not c.targets and len({a.country or a.code for a in c.sources}) >= 2 and _each_other(st, c):
        c.recip = True  # "Armenia and Azerbaijan accused each other of shelling": both directions
    if (
        not c.recip
        and not c.targets
        and c.code[:2] in st.c.mutual_roots
        and c.code not in st.c.third_party_codes
        and _two_sides(st, c.sources)
        and not any(c.trigger.doc[a.head].head.lower_ in ("from", "by") for a in c.sources)
    ):  # "Greece and Turkey pledged to ease tensions": compound parties of a cooperative act, to each other (not
        # "received backing from X and Y": givers of a target the text does not code)
        c.recip = True
        st.note(f"  {label}: the parties of a cooperative act without a target act toward each other")
    st.note(f"  {label}: code {c.code} by {c.rule} (src={names(c.sources)}, tgt={names(c.targets)})")
    cands.append(c)


def _two_sides(st: DocState, parties: list[ActorMention]) -> bool:
    """The parties are two sides: of two countries or more, or a state and a non-state group of one country
    ("Ethiopia and Tigray rebels agreed to cease hostilities"; not "the government and the army")."""
    if len({a.country or a.code for a in parties}) >= 2:
        return True
    state = any(not a.sectors or set(a.sectors) & st.c.state_sectors for a in parties)
    return state and any(a.sectors and not set(a.sectors) & st.c.state_sectors for a in parties)


def _each_other(st: DocState, c: Candidate) -> bool:
    """Is the object of the trigger (or of its preposition) a reciprocal pronoun ("each other", "one another", "both
    accused the other")?"""
    objs = [x for x in c.trigger.children if x.dep_ in ("dobj", "prep", "dative")]
    objs += [x for p in objs if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj"]
    return any(" ".join(w.lower_ for w in _core(x)) in st.w.reciprocal_pronouns for x in objs if x.dep_ != "prep")


def _core(x: Any) -> list[Any]:
    """The words of ``x``'s phrase without its prepositional phrases and clauses ("the other of supporting X": "the
    other"; "one another for the clashes": "one another"), in text order."""
    out, todo = [], [x]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ not in ("prep", "relcl", "acl", "punct")]
    return sorted(out, key=lambda t: t.i)


def advisory(st: DocState, c: Candidate) -> str | None:
    """Why ``c`` is a public advisory, or ``None``: a verb of advice (``advisory_verbs``: "advised", "warned")
    with an infinitive, or any appeal to keep safe (``safety_verbs``: "stay indoors"), addressed to people
    ("citizens", "Americans", "residents"), not to a state or a group."""
    t = c.trigger
    if not c.targets:
        return None
    comps = [
        x for x in t.children if x.dep_ in ("xcomp", "ccomp", "advcl") and any(a.lower_ == "to" for a in x.children)
    ]
    if not comps:
        return None
    if st.lem(t) not in st.w.advisory_verbs and not any(st.lem(x) in st.w.safety_verbs for x in comps):
        return None  # "called on residents to stay indoors" (``safety_verbs``) is advice too
    for a in c.targets:
        tok = t.doc[a.head]
        people = set(a.sectors) <= st.c.private_people_sectors and tok.tag_ in ("NNS", "NNPS")
        if not people:
            return None
    return "advice to people, a public advisory"


def names(acts: list[ActorMention]) -> str:
    """The actors as the trace shows them: "text[CODE]", comma-separated, or "-"."""
    if not acts:
        return "-"
    return ",".join(f"{a.text}[{a.code or '?'}]" for a in acts)


def pairs(c: Candidate) -> list[tuple[ActorMention | None, ActorMention | None]]:
    """(source, target) pairs of a candidate: conjoined actors give one pair each; a reciprocal frame with
    several subjects and no target gives both directions (among more than ``max_mutual_parties`` parties each
    party once, with no other party: a multilateral event)."""
    # "Iran and Saudi Arabia agreed to reopen embassies": a state body with no country of its own is no other party
    # of two subjects of different countries, who act toward each other ("held talks with rebels" still is)
    state = load_codes().state_sectors
    stateless = len({a.country for a in c.sources if a.country}) >= 2 and all(
        t.country is None and t.sectors and set(t.sectors) <= state for t in c.targets
    )
    if c.recip and (not c.targets or stateless) and len(c.sources) >= 2:
        if len(c.sources) > arguments.load_rules().max_mutual_parties:  # multilateral: each party once
            return [(a, None) for a in c.sources]
        return [(a, b) for a in c.sources for b in c.sources if a is not b and (a.code is None or a.code != b.code)]
    self_pronouns = load_words().self_pronouns
    srcs: list[ActorMention | None] = list(c.sources) or [None]
    tgts: list[ActorMention | None] = list(c.targets) or [None]
    out: list[tuple[ActorMention | None, ActorMention | None]] = []
    mixed = len({a.country for a in c.targets}) > 1 or len({a.country for a in c.sources}) > 1
    for s in srcs:
        for t in tgts:
            if s is not None and s is t:
                continue
            if (
                s is not None
                and t is not None
                and s.code is not None
                and s.code == t.code
                and t.text.lower() in self_pronouns
            ):
                continue  # "X said it ...": the pronoun is X itself
            if (
                s is not None
                and t is not None
                and s.country
                and s.country == t.country
                and (s.group is not None or (t.group is not None and mixed))  # (a place of its own is a target:
                # "shut down the internet in Ethiopia's Tigray region")
                and not t.sectors
            ):
                continue  # "X urged the parties (X's country and Y) to ...": not an event with itself
            if s is None and t is None:
                continue
            out.append((s, t))
    return out


def to_events(sentence_index: int, sent: Any, cands: list[Candidate]) -> list[EventMention]:
    """The ``EventMention`` records of a sentence's candidates, one per distinct (code, source, target)."""
    out: list[EventMention] = []
    seen: set[tuple[str, Any, Any]] = set()
    for c in cands:
        for s, t in pairs(c):
            key = (c.code, _akey(s), _akey(t))
            if key in seen:
                continue
            seen.add(key)
            conf = c.conf * (1.0 if s is not None else 0.8) * (1.0 if t is not None else 0.85)
            tok = c.trigger
            out.append(
                EventMention(
                    sentence_index=sentence_index,
                    sentence_start=sent.start_char,
                    sentence_end=sent.end_char,
                    cameo=c.code,
                    source=s,
                    target=t,
                    trigger_start=tok.idx,
                    trigger_end=tok.idx + len(tok.text),
                    trigger_tok=tok.i,
                    rule=c.rule,
                    confidence=round(min(conf, 0.99), 3),
                    modality=c.modality,
                    notes=list(c.notes),
                    kind=c.frame.kind,
                    heuristic=round(min(conf, 0.99), 3),
                    source_path=path_length(tok, s),
                    target_path=path_length(tok, t),
                )
            )
    return calibrate(out)  # confidence: the calibrated probability (events/confidence.py)


def _akey(a: ActorMention | None) -> Any:
    if a is None:
        return None
    return a.code or ("@", a.start)


def dedup_casualties(events: list[EventMention], trace: Trace | None = None) -> list[EventMention]:
    """Violence without a coded perpetrator ("at least five people were killed in clashes") is one report:
    kept once per story for each (root, victim country), an unknown victim country matching any; repeats
    (captions, the lead restated, "... and 90 were injured") are dropped. Events with a source are kept."""
    casualty_roots = load_codes().casualty_roots
    seen: list[tuple[str, str | None]] = []
    out: list[EventMention] = []
    for ev in events:
        root = ev.cameo[:2]
        if ev.source is not None or root not in casualty_roots:
            out.append(ev)
            continue
        c = ev.target.country if ev.target is not None else None
        if any(r == root and (c is None or sc is None or sc == c) for r, sc in seen):
            if trace is not None and 0 <= ev.sentence_index < len(trace.sentences):
                trace.sentences[ev.sentence_index].append(
                    f"drop {ev.cameo} at '{ev.trigger_tok}': the same violence without a perpetrator was "
                    "already reported in the story"
                )
            continue
        seen.append((root, c))
        out.append(ev)
    return out


def drop_partial_repeats(events: list[EventMention], trace: Trace | None = None, doc: Any = None) -> list[EventMention]:
    """One sentence's events without a target (or without a source) that repeat another of its events of the
    same root (``incident_roots``; else the same code) and the same source (target) that names both sides are
    that event told again ("police fired tear gas and struggled to disperse the crowds": one repression, of the
    crowds): dropped. So is the less exact of two conjoined verbs of one such root and the same two sides
    ("a reporter was shot and killed by gunmen": one shooting, 193, not also 190)."""
    if len(events) < 2:  # most sentences: nothing to compare
        return events
    if doc is not None:
        events = _conjoined_repeats(events, doc, trace)
    incident = load_codes().incident_roots
    whole = {(_kind(ev, incident), _akey(ev.source), _akey(ev.target)) for ev in events if ev.source and ev.target}
    if not whole:
        return events
    out = []
    for ev in events:
        root, s, t = _kind(ev, incident), _akey(ev.source), _akey(ev.target)
        repeat = (t is None and s is not None and any(w[:2] == (root, s) for w in whole)) or (
            s is None and t is not None and any(w[0] == root and w[2] == t for w in whole)
        )
        if not repeat:
            out.append(ev)
        elif trace is not None and 0 <= ev.sentence_index < len(trace.sentences):
            trace.sentences[ev.sentence_index].append(
                f"drop {ev.cameo} at '{ev.trigger_tok}': a part of the sentence's event of the same root naming "
                "both sides"
            )
    return out


def _kind(ev: EventMention, incident: frozenset[str]) -> str:
    return ev.cameo[:2] if ev.cameo[:2] in incident else ev.cameo


def _conjoined_repeats(events: list[EventMention], doc: Any, trace: Trace | None) -> list[EventMention]:
    incident = load_codes().incident_roots
    drop: set[int] = set()
    for i, a in enumerate(events):
        for j, b in enumerate(events[i + 1 :], i + 1):
            if i in drop or j in drop or a.cameo[:2] != b.cameo[:2] or a.cameo[:2] not in incident:
                continue
            if _akey(a.source) != _akey(b.source) or _akey(a.target) != _akey(b.target) or a.source is None:
                continue
            ta, tb = doc[a.trigger_tok], doc[b.trigger_tok]
            if not ((ta.dep_ == "conj" and ta.head.i == tb.i) or (tb.dep_ == "conj" and tb.head.i == ta.i)):
                continue
            loser = i if _exactness(b.cameo) > _exactness(a.cameo) else j  # a tie keeps the first
            drop.add(loser)
            ev = events[loser]
            if trace is not None and 0 <= ev.sentence_index < len(trace.sentences):
                trace.sentences[ev.sentence_index].append(
                    f"drop {ev.cameo} at '{ev.trigger_tok}': a conjoined verb of the same act, coded more exactly"
                )
    return [ev for k, ev in enumerate(events) if k not in drop]


def _exactness(code: str) -> tuple[bool, int]:
    """A code that names the act (not a root's generic "...0") and the longer one is more exact."""
    return not code.endswith("0"), len(code)
