"""Step 4 — reported obligations and intentions without a frame: "X said Y must <any action>" is a demand (an
appeal for "should") from X to Y, and "X said it / its country would <any action>" a statement of intent
(family ``intent``, 030) by X, even when the action has no frame of its own.

READS: the sentence's verbs (not only triggers) with an obligation or future auxiliary (``modality.yaml``:
``obligation_aux``, ``future_aux``; reported "would"), ``s.consumed`` and ``s.cands`` (a verb already coded is
skipped), the speaker (``governors.obligation_speaker``), the actors, the state sectors (``codes.yaml``).
ADDS: candidates to ``s.cands``.
"""

from __future__ import annotations

from typing import Any

from .. import modality as _mod
from ..actors import fill, not_self
from ..emit import emit
from ..frames import Frame
from ..governors import obligation_speaker
from ..grammar import VERB_POS
from ..match import match_verb
from ..roles import roles
from ..state import Candidate, DocState, SentenceWork

READS: tuple[str, ...] = ("sentence", "consumed", "cands")
ADDS: tuple[str, ...] = ("cands",)


def run(st: DocState, s: SentenceWork) -> None:
    """Code every verb with an obligation auxiliary that nothing else coded and that has no frame."""
    if not st.m.obligation:
        return
    sent, doc = s.sent, s.sent.doc
    pos = st.cols.pos if st.cols is not None else []
    for t in (doc[i] for i in range(sent.start, sent.end) if pos[i] in VERB_POS):
        if (
            t.i not in s.consumed
            and not any(c.trigger.i == t.i for c in s.cands)
            and any(c.dep_ == "aux" and st.lem(c) in st.m.obligation for c in t.children)
            and match_verb(st, t) is None
        ):
            bare_obligation(st, s, t)
        elif (
            t.i not in s.consumed
            and not any(c.trigger.i == t.i for c in s.cands)
            and any(c.dep_ == "aux" for c in t.children)
            and _mod.future(t, st.m)
            and not (t.dep_ == "xcomp" and st.lem(t.head) in st.m.aspect_verbs)  # "will continue to take measures"
            and match_verb(st, t) is None
        ):
            if _mod.conditional(t, st.m) == _mod.CONDITIONAL_MAIN:
                bare_response(st, s, t)
            else:
                bare_intent(st, s, t)


def bare_obligation(st: DocState, s: SentenceWork, v: Any) -> None:
    """ "X said Y must <any action>": a demand (appeal for "should") from X to Y, even when the action
    has no frame of its own."""
    fam_name = next(st.m.obligation[st.lem(c)] for c in v.children if c.dep_ == "aux" and st.lem(c) in st.m.obligation)
    speaker = obligation_speaker(st, v)
    fam = st.m.families.get(fam_name)
    if speaker is None or fam is None or any(c.dep_ == "neg" for c in v.children):
        return
    if st.lem(v) in st.w.stative_verbs or _mod.conditional(v, st.m):
        return
    sroles = roles(st, speaker)
    sources, _ = fill(st, ("subj",), sroles)
    raw, _ = fill(st, ("subj",), roles(st, v))
    targets = not_self(st, raw, sources) or fill(st, ("to", "iobj"), sroles)[0]
    if not targets:
        return  # "X said it must ...": an obligation for itself; "the agreement must ...": asked of no one
    rule = f"modality.yaml:obligation:{fam_name}+{st.lem(v)}"
    f = Frame(code=fam.default, lemma=st.lem(v), kind="verb", rule=rule, conf=0.6)
    emit(st, Candidate(f, fam.default, v, rule, sources, targets, "asserted", 0.6), f"obligation '{v.text}'", s.cands)


def bare_intent(st: DocState, s: SentenceWork, v: Any) -> None:
    """ "The president said the country would hold a referendum": a state's statement of what it or its own
    country will do is an intent (the ``intent`` family's default), even when the action has no frame. Not
    for negated, conditional, stative or speech verbs, nor for what another actor will do (a prediction)."""
    fam = st.m.families.get("intent")
    speaker = _mod.in_reported_speech(v, st.m.speech)
    if fam is None or speaker is None or any(c.dep_ == "neg" for c in v.children):
        return
    lem = st.lem(v)
    if lem in st.w.stative_verbs or lem in st.m.speech or _mod.conditional(v, st.m) or _mod.hypothetical(v, st.m):
        return
    if lem in st.w.wrongdoing_verbs or lem in st.w.negating_verbs:  # "would violate the deal", "will skip the
        return  # meeting": no intent to cooperate
    sroles = roles(st, speaker)
    sources, _ = fill(st, ("subj",), sroles)
    raw, _ = fill(st, ("subj",), roles(st, v))
    state = st.c.state_sectors
    if not sources or not raw or not all(a.country and (not a.sectors or set(a.sectors) & state) for a in sources):
        return
    if not all(any(r.code == a.code or (r.country == a.country and not r.sectors) for a in sources) for r in raw):
        return  # "X said Y would ...": a prediction about another actor (its own country, a bare state, is itself)
    targets = not_self(st, fill(st, ("to", "iobj"), sroles)[0], sources)
    rule = f"modality.yaml:intent:future+{lem}"
    f = Frame(code=fam.default, lemma=lem, kind="verb", rule=rule, conf=0.55)
    emit(st, Candidate(f, fam.default, v, rule, sources, targets, fam.modality, 0.55), f"intent '{v.text}'", s.cands)


def bare_response(st: DocState, s: SentenceWork, v: Any) -> None:
    """ "If Iran attacks, the United States will respond": a future answer to another actor's hostile act in
    an if / unless clause is a threat (the ``threaten`` family's default) against that actor, even when the
    answer has no frame of its own."""
    fam = st.m.families.get("threaten")
    if fam is None or any(c.dep_ == "neg" for c in v.children) or st.lem(v) in st.w.stative_verbs:
        return
    cond = _mod.condition_clause(v, st.m)
    mv = match_verb(st, cond) if cond is not None and cond.pos_ in VERB_POS else None
    if cond is None or mv is None or mv[0].code[:2] not in st.c.armed_action_roots:
        return
    sources, _ = fill(st, ("subj",), roles(st, v))
    targets = not_self(st, fill(st, ("subj",), mv[1])[0], sources)
    if not sources or not targets:
        return
    rule = f"modality.yaml:conditional-threaten+{st.lem(v)}"
    f = Frame(code=fam.default, lemma=st.lem(v), kind="verb", rule=rule, conf=0.55)
    emit(st, Candidate(f, fam.default, v, rule, sources, targets, fam.modality, 0.55), f"response '{v.text}'", s.cands)
