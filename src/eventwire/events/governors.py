"""What governs a predicate: negation, allegation and denial, hypotheticals, reported speech, reported
obligations and questions (the parse checks themselves are in ``modality.py``).

READS: the parse above the predicate, the modality tables (``modality.yaml``: negations, modal auxiliaries,
speech verbs, obligation auxiliaries), the ``claim``/``message`` noun classes and the word lists (negating,
denial, asking and question words).
ADDS: a reason why the predicate gives no event (``blocked``), whether it is reported speech, the (family,
speaker) of a reported obligation ("X said Y must ..."), the verb whose subject states an obligation, and
whether a governing "ask" puts a question rather than a request.
"""

from __future__ import annotations

from typing import Any

from . import modality as _mod
from .frames import Family
from .grammar import VERB_POS
from .state import Complement, DocState


def blocked(st: DocState, t: Any) -> str | None:
    """Why ``t`` reports no event: negated, the content of an allegation or denial, or hypothetical."""
    why = _mod.negated(t, st.m, st.w.negating_verbs)
    if why:
        return why
    why = _mod.in_allegation(t, st.claims, st.w.denial_verbs, st.w.news_nouns)
    if why:
        return why
    return _mod.hypothetical(t, st.m)


def reported(st: DocState, t: Any) -> bool:
    """``t`` sits in the complement clause of a speech verb ("X said Y attacked Z")."""
    return _mod.in_reported_speech(t, st.m.speech) is not None


def question(st: DocState, g: Any, comp: Complement) -> bool:
    """ "asked whether ...", "asked how ...", a sentence-opening "Asked about ..., X said": a question
    put (usually by reporters), not a request."""
    if g.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in g.children):
        return True
    x = comp.tok
    return any(
        c.dep_ in ("mark", "advmod", "nsubj", "dobj") and st.lem(c) in st.w.question_words and c.i < x.i
        for c in x.children
    )


def obligation(st: DocState, g: Any) -> tuple[Family, Any] | None:
    """(family, speaker) when ``g`` (or its copula) carries a reported "must"/"should"."""
    for t in (g, g.head) if g.pos_ == "ADJ" else (g,):
        for c in t.children:
            fam_name = st.m.obligation.get(st.lem(c)) if c.dep_ == "aux" else None
            if fam_name and fam_name in st.m.families:
                speaker = _mod.in_reported_speech(t, st.m.speech)
                if speaker is not None:
                    return st.m.families[fam_name], speaker
    return None


def obligation_speaker(st: DocState, v: Any) -> Any | None:
    """The verb whose subject states an obligation: a speech verb ("X said Y must ..."), or the verb
    issuing a message noun whose content clause holds it ("issued a reminder to Y that it must ...")."""
    sp = _mod.in_reported_speech(v, st.m.speech)
    if sp is not None:
        return sp
    h = v.head
    if (
        v.dep_ in ("acl", "ccomp")
        and h.pos_ == "NOUN"
        and st.lem(h) in st.messages
        and h.dep_ in ("dobj", "nsubjpass")
        and h.head.pos_ in VERB_POS
    ):
        return h.head
    return None


def failed(st: DocState, n: Any) -> Any | None:
    """The verb of ``failing_verbs`` whose subject event noun ``n`` failed or ended ("the talks collapsed", "the
    truce broke down"), not negated ("the truce has not collapsed"), else ``None``."""
    v = n.head
    if n.dep_ != "nsubj" or v.pos_ not in VERB_POS or any(c.dep_ == "neg" for c in v.children):
        return None
    prt = next((st.lem(c) for c in v.children if c.dep_ in ("prt", "advmod") and c.i == v.i + 1), "")
    return v if st.lem(v) in st.w.failing_verbs or f"{st.lem(v)} {prt}" in st.w.failing_verbs else None
