"""Sub-step of a verb (``verbs.py``): the target of an act that answers another clause.

READS: the verb's draft (code, sources, targets), its adverbial clauses and their subordinators (``words.yaml``
``cause_marks``), the answering roots (``codes.yaml`` ``root_groups.answering``), the actor index.
Also (``disaster_emergency``) ends an emergency or curfew declared for a disaster or an epidemic (``codes.yaml``
``emergency``, the physical causes of ``physical.yaml``).
ADDS: ``d.targets``/``d.ttok`` of criticism, a rejection, a threat or cut ties that name no target but say what
they answer: "Japan lodged a protest after a Chinese navy ship entered its waters" (CHN), "Ankara recalled its
ambassador when Israel stormed the camp" (ISR) — the subject of that clause, when it is not the source's own.
"""

from __future__ import annotations

from typing import Any

from ...actors.codes import INTERNATIONAL
from .. import physical
from ..actors import actors_at
from ..grammar import VERB_POS
from ..state import DocState, SentenceWork, VerbDraft


def cause_target(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """Step: READS the draft and the trigger's adverbial clauses; ADDS the answered clause's subject as target."""
    if d.targets or not d.sources or d.code[:2] not in st.c.answering_roots:
        return True
    own = {a.country for a in d.sources if a.country}
    for c in d.trigger.children:
        if c.dep_ != "advcl" or c.pos_ not in VERB_POS:
            continue
        if not any(m.dep_ in ("mark", "advmod") and st.lem(m) in st.w.cause_marks for m in c.children):
            continue
        for x in c.children:
            if x.dep_ in ("nsubj", "nsubjpass", "agent"):
                toks = [p for p in x.children if p.dep_ == "pobj"] if x.dep_ == "agent" else [x]
                got = [a for t in toks for a in actors_at(st, t) if a not in d.sources and a.country not in own]
                if got:
                    d.targets, d.ttok = got, toks[0]
                    return True
    return True


def public_advice(st: DocState, code: str, sources: list[Any], targets: list[Any]) -> bool:
    """Is ``code`` the generic code of a ``disaster_advice`` root by a state, addressed to no one or to the public
    at home?"""
    own = {a.country for a in sources if a.country}
    if not own or own & INTERNATIONAL:
        return False  # "the WHO called on countries to boost their readiness": an international body's appeal
    return (
        code[:2] in st.c.disaster_advice_roots
        and code == code[:2] + "0"
        and all((not a.country or a.country in own) and set(a.sectors) <= st.c.private_people_sectors for a in targets)
    )


def disaster_emergency(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Vanuatu declared a state of emergency after Cyclone Pam", "Italy declared an emergency over the coronavirus
    outbreak", "Japan urges telecommuting to curb coronavirus": an emergency or curfew declared, or an appeal made
    at home, for a disaster or an epidemic (a physical cause in the verb's phrases) is disaster response, no
    event."""
    if d.code not in st.c.emergency_codes and not public_advice(st, d.code, d.sources, d.targets):
        return True
    cause = physical.cause_in(d.trigger, physical.load_rules())
    if cause is None:
        return True
    st.note(f"  {d.label} [{d.frame.rule}]: no event (a measure or advice for '{cause.text}': disaster response)")
    s.consumed.add(d.trigger.i)  # nor a statement "declared"
    return False
