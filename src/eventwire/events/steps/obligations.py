"""Step 4 — reported obligations without a frame: "X said Y must <any action>" is a demand (an appeal for
"should") from X to Y, even when the action has no frame of its own.

READS: the sentence's verbs (not only triggers) with an obligation auxiliary (``modality.yaml``:
``obligation_aux``), ``s.consumed`` and ``s.cands`` (a verb already coded is skipped), the speaker
(``governors.obligation_speaker``), the actors.
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
    if raw and not targets:
        return  # "X said it must ...": an obligation for itself
    rule = f"modality.yaml:obligation:{fam_name}+{st.lem(v)}"
    f = Frame(code=fam.default, lemma=st.lem(v), kind="verb", rule=rule, conf=0.6)
    emit(st, Candidate(f, fam.default, v, rule, sources, targets, "asserted", 0.6), f"obligation '{v.text}'", s.cands)
