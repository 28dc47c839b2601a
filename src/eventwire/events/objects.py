"""Objects the small parser hides (``roles.py``): the receiver of a verb of giving (two direct objects, a
person before the object noun, the subject of a passive that keeps its object) and the party a bare-infinitive
complement is about ("help Vietnam build a port").

READS: the predicate's children and the roles read so far, the actor index and the people nouns.
ADDS: ``iobj`` and ``obj`` slots to those roles.
"""

from __future__ import annotations

from typing import Any

from .grammar import NOUN_POS, Roles
from .state import DocState


def raised_object(v: Any, r: Roles) -> None:
    """ "help Vietnam build a port", "helping the nation of Cape Verde work" (a VBP without aux or mark): the subject
    of a bare-infinitive complement clause is the party helped (not "help people still coping")."""
    raised = [
        x
        for c in v.children
        if c.dep_ == "ccomp"
        and (c.tag_ == "VB" or (c.tag_ == "VBP" and not any(m.dep_ in ("aux", "mark") for m in c.children)))
        for x in c.children
        if x.dep_ == "nsubj" and x.i > v.i
    ]
    if raised:
        r["obj"] = raised


def double_object(st: DocState, v: Any, r: Roles) -> None:
    """The receiver of a verb of giving that the small parser did not mark as a dative: two direct objects
    ("denied the inspectors access": the first), the subject of the object noun ("granted the UN inspectors
    access") or a person before it ("offered the dissident asylum", "granted a British journalist permission");
    in a passive with an object kept, its subject ("Kenya was granted a loan by the IMF")."""
    objs = [o for o in r.get("obj", ()) if o.dep_ == "dobj"]
    got = [o for o in r.get("obj", ()) if o.dep_ == "nsubjpass"]
    if got and objs:  # "Macron was given a warm welcome by Xi", "Kenya was granted a loan": the passive subject
        r["iobj"], r["obj"] = got, objs
        return
    if not objs:  # "denied the inspectors access" parsed as a clause "inspectors [have] access"
        objs = [c for c in v.children if c.dep_ == "ccomp" and c.pos_ == "NOUN"]
        if not any(x.dep_ == "nsubj" for o in objs for x in o.children):
            return
        r["obj"] = objs
    if len(objs) == 2 and objs[0].i < objs[1].i and objs[0].pos_ in NOUN_POS:
        r["iobj"] = objs[:1]
        r["obj"] = [o for o in r["obj"] if o is not objs[0]]
        return
    for o in objs[:1]:
        for c in o.children:
            if c.i > o.i or c.pos_ not in NOUN_POS | {"ADJ"} or c.dep_ not in ("nsubj", "compound", "amod"):
                continue
            whom = c.dep_ == "nsubj" or st.lem(c) in st.people
            whom = whom or any(m.kind in ("person", "group") for m in st.idx.at(c.i))
            # "the Afghan interpreters asylum": a common noun whose own phrase names a party
            named = [t for t in o.doc[o.left_edge.i : c.i + 1] if st.idx.at(t.i)]
            if whom or (c.pos_ == "NOUN" and c.dep_ == "compound" and named):
                # the receiver's own words, else the modifier that names its party, parsed on the object noun
                r["iobj"] = [c] if whom or any(st.idx.at(x.i) for x in c.subtree) else named[-1:]
                return
