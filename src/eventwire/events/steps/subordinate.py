"""Step 6 — subordinate events: an event in a purpose or participle clause of another coded event ("staged
protests to demand ...", "opened fire, killing ...") is dropped in favour of the main one.

READS: ``s.cands`` and their triggers' dependency relations.
ADDS: ``s.cands`` without the subordinate events.
"""

from __future__ import annotations

from ..grammar import SUBORDINATE_DEPS
from ..state import Candidate, DocState, SentenceWork

READS: tuple[str, ...] = ("cands",)
ADDS: tuple[str, ...] = ("cands",)


def run(st: DocState, s: SentenceWork) -> None:
    """Drop the candidates whose trigger hangs (advcl, xcomp, acl, pcomp) on another candidate's trigger."""
    s.cands = drop_subordinate(st, s.cands)


def drop_subordinate(st: DocState, cands: list[Candidate]) -> list[Candidate]:
    if len(cands) < 2:
        return cands
    triggers = {c.trigger.i for c in cands}
    keep = []
    for c in cands:
        t = c.trigger
        if t.dep_ in SUBORDINATE_DEPS and t.head.i in triggers and t.head.i != t.i:
            st.note(f"  drop {c.code} at '{t.text}': subordinate to the event at '{t.head.text}'")
            continue
        keep.append(c)
    return keep
