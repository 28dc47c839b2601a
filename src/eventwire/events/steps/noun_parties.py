"""Who takes part in a nominal event when its own phrases do not say (``steps/nouns.py``): the parties a
meeting noun brings together, a "between" phrase hung on the noun's time or place, a hyphenated pair before the
noun ("Russia-Ukraine talks"), the subject of the clause a meeting is the time or purpose of, the subject of a
verb of being in the event ("X is in talks with Y").

READS: the parse around the noun, the actor index, the word lists (``convening_verbs``, ``time_words``,
``temporal_preps``, ``meeting_purpose_preps``, ``engaged_verbs``).
ADDS: nothing (helpers that return actor mentions).
"""

from __future__ import annotations

from typing import Any

from ...mentions import ActorMention
from ..actors import actors_at, fill
from ..grammar import NOUN_POS, VERB_POS
from ..headline_verbs import headline_sentence
from ..roles import roles
from ..state import DocState


def convened(st: DocState, n: Any) -> list[ActorMention]:
    """The parties a meeting noun brings together ("the summit brought together politicians from Albania and
    Kosovo", "the meeting gathered elders of Kenya and Somalia"; ``convening_verbs``): every coded actor of the
    verb's object, when there are two or more; none under a modal ("will bring together")."""
    v = n.head
    if n.dep_ != "nsubj" or v.pos_ not in VERB_POS or any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children):
        return []  # "will bring together": not yet (a modal's meeting is no meeting)
    words = {st.lem(c) for c in v.children if c.dep_ in ("prt", "advmod")}
    if not any(o.split()[0] == st.lem(v) and set(o.split()[1:]) <= words for o in st.w.convening_verbs):
        return []
    found: list[ActorMention] = []
    for o in v.children:
        if o.dep_ == "dobj":
            for t in o.subtree:
                found.extend(a for a in st.idx.at(t.i) if a not in found and a.attribution is None)
    # "officials from the United States": the officials, not also the country inside their phrase
    found = [a for a in found if not any(_inside(n.doc, a, b) for b in found)]
    return found if len({a.code for a in found}) >= 2 else []


def _inside(doc: Any, a: ActorMention, b: ActorMention) -> bool:
    """``a`` is a bare country in the phrase of ``b``, coded with it ("officials from the United States")."""
    return (
        not a.sectors and a.country == b.country and b.head != a.head and b.head in {x.i for x in doc[a.head].ancestors}
    )


def nested_between(st: DocState, n: Any) -> list[Any]:
    """The parties of a "between" phrase the parser hung on the time or the place of the noun ("fighting in
    recent days between the army and the militia", "talks in Geneva between X and Y"; not "an agreement for
    peace between X and Y", whose peace is between them)."""
    return [
        b
        for p in n.children
        if p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj" and (st.lem(o) in st.w.time_words or o.pos_ == "PROPN")  # a time, a named place
        for q in o.children
        if q.dep_ == "prep" and q.lower_ == "between"
        for b in q.children
        if b.dep_ == "pobj"
    ]


def hyphen_pair(st: DocState, n: Any) -> list[ActorMention]:
    """The parties of a noun modified by two actors joined by a hyphen ("Israel-Gaza ceasefire", "Russia-Ukraine
    talks", "the US-China trade talks"): the actors of the modifiers just before the noun, when a hyphen joins
    them and they are of two countries or more."""
    run = []
    for t in reversed(n.doc[n.sent.start : n.i]):
        if t.dep_ not in ("compound", "amod", "nmod", "punct") or not (t.i < t.head.i <= n.i):
            break
        run.append(t)
    if not any(t.text in ("-", "\u2013") for t in run):
        return []
    found: list[ActorMention] = []
    for t in reversed(run):
        found.extend(a for a in st.idx.at(t.i) if a not in found)
    return found if len({a.country or a.code for a in found}) >= 2 else []


def prep_word(st: DocState, p: Any) -> str:
    """A preposition's word: "following" is tagged a verb, and its lemma "follow" is no preposition."""
    return p.lower_ if p.lower_ == "following" else st.lem(p)


def clause_subject(st: DocState, n: Any) -> list[ActorMention]:
    """The subject of the clause a meeting noun is the time or purpose of ("after talks with Y, X said ...",
    "during his visit to Y, X signed ...", "X sat down for talks with Y"): the meeting's other party."""
    p = n.head
    preps = st.w.temporal_preps | st.w.meeting_purpose_preps  # "sat down for talks with Modi"
    if n.dep_ != "pobj" or prep_word(st, p) not in preps or p.head.pos_ not in VERB_POS:
        return []
    return fill(st, ("subj",), roles(st, p.head))[0]


def engaged_subject(st: DocState, n: Any) -> list[ActorMention]:
    """The subject of a verb of being in the event ``n`` names in its "in" phrase ("Sudan is in talks with
    the IMF", "the two sides were locked in talks", "engaged in negotiations with X"); a headline's root noun
    ("Saudi Arabia in talks with Israel")."""
    p = n.head
    root = p.head.dep_ == "ROOT" or (p.head.head.dep_ == "ROOT" and p.head.head.pos_ not in VERB_POS)  # "Exclusive:"
    if n.dep_ == "pobj" and st.lem(p) == "in" and root and p.head.pos_ in NOUN_POS:
        if headline_sentence(n):  # "Saudi Arabia in talks with Israel - sources": a headline drops "is"
            return [a for a in actors_at(st, p.head) if a.attribution is None]
    if n.dep_ != "pobj" or st.lem(p) != "in" or p.dep_ != "prep" or st.lem(p.head) not in st.w.engaged_verbs:
        return []
    v = p.head
    if v.dep_ in ("acomp", "xcomp", "oprd") and not any(c.dep_.startswith("nsubj") for c in v.children):
        v = v.head  # "X and Y remain locked in talks"
    r = roles(st, v)
    passive = any(c.dep_ == "auxpass" for c in v.children)
    return fill(st, ("subj",), r)[0] or (fill(st, ("obj",), r)[0] if passive else [])


def fighting_subject(st: DocState, n: Any) -> list[ActorMention]:
    """The subject of an active clause that a fight with another party is the setting of ("Rebels suffered heavy
    losses in clashes with the Congolese army", "the army lost ground in fighting with the rebels"): the fight's
    other party (not under a verb with frames of its own, "were killed in clashes with X": that verb's event)."""
    p, v = n.head, n.head.head
    if n.dep_ != "pobj" or st.lem(p) != "in" or v.pos_ not in VERB_POS or st.lem(v) in st.p.verbs:
        return []
    if v.dep_ == "relcl" or st.lem(v) in st.w.resulting_verbs or any(c.dep_ == "auxpass" for c in v.children):
        return []  # "the march, which ended in clashes with police": what it resulted in
    return fill(st, ("subj",), roles(st, v))[0]
