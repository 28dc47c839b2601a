"""The subject a clause without one inherits from the clause it depends on.

READS: the parse above the predicate, the document's lemmas, the actor index (a document's own author), the word
lists (relative pronouns, instrument, causative and gerund-action verbs, clause prepositions, attempt nouns) and
the ``documents`` noun class. ADDS: the subject token (``inherited_subject``), used by ``roles`` for a predicate
without a subject of its own: a participle's noun, a document's author, a controlling subject, a causer, the
subject of the clause a preposition or an attempt noun ties the predicate to.
"""

from __future__ import annotations

from typing import Any

from . import modality as _mod
from .grammar import NOUN_POS, VERB_POS
from .headline_verbs import headline_sentence, noun_verb, subject_before
from .state import DocState


def inherited_subject(st: DocState, v: Any) -> Any | None:
    """The subject of a predicate without one, from the clause it depends on: a participle's noun, the
    author of a document ("issued a statement condemning X"), a controlling subject ("X is expected to
    visit"), the causer ("police let free four students")."""
    t = v
    for _ in range(4):
        d = t.dep_
        h = t.head
        if h.i == t.i:
            return None
        step = _inherit_step(st, t, d, h)
        if step is not _UP:
            if isinstance(step, _Climb):
                t = step.tok
                continue
            return step
        if d == "acomp" and t.pos_ == "ADJ":
            pass
        elif d not in ("conj", "xcomp", "advcl"):
            return None
        if (
            d == "advcl"
            and t.tag_ not in ("VBG", "VBN")
            and not any(c.dep_ == "aux" and c.lemma_ == "to" for c in t.children)
        ):
            return None
        obj = next((c for c in h.children if c.dep_ == "dobj"), None)
        control = st.lem(h) in st.w.object_control_verbs and st.lem(h) not in st.m.by_lemma
        if d in ("xcomp", "advcl") and obj is not None and control and _to_infinitive(t) and st.idx.at(obj.i):
            return obj  # "the standoff forced Kenya to close the border": Kenya closes it (not "sent aid to help")
        if d == "xcomp" and obj is not None and st.lem(h) not in st.w.instrument_verbs:
            return None  # object control ("urged X to ..."): the governing word's; "used batons to ...": the subject
        if d in ("xcomp", "advcl") and st.lem(h) in st.w.object_control_verbs and _to_infinitive(t):
            passive = next((c for c in h.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                return passive  # "X was appointed by the UN to lead the talks": X leads
        for c in h.children:
            if c.dep_ == "nsubj":
                if st.lem(c) in st.w.relative_pronouns and h.dep_ == "relcl" and h.head.i != h.i:
                    return h.head  # "demonstrators who tried to attack the police": the demonstrators
                return c
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
        if d == "xcomp" and (t.tag_ == "VBG" or _to_infinitive(t)):
            # "X is expected to visit", "X was forced to withdraw", "X were seen firing rockets": X
            for c in h.children:
                if c.dep_ == "nsubjpass":
                    return c
        t = h
    return None


def relative_subject(st: DocState, v: Any) -> Any:
    """The subject of relative clause ``v`` whose own subject is a relative pronoun: the noun it describes, or,
    for the provision of a law the sentence enacts ("passed a law that would outlaw X"), the enactor."""
    h = v.head
    if _mod.enacted_provision(v, st.w.law_nouns, st.w.enact_verbs):
        return next((c for c in h.head.children if c.dep_ == "nsubj"), h)
    return h


def group_member(st: DocState, n: Any) -> Any:
    """ "the journalist was among those arrested", "X was one of five people detained": the subject of the copula
    is the member of the group a participle describes, and the one the act was done to (else the group itself)."""
    h = n.head
    if st.lem(h) == "of" and st.lem(h.head) == "one":  # "one of five people detained"
        h = h.head
    if not ((st.lem(h) == "among" and h.dep_ == "prep") or (st.lem(h) == "one" and h.dep_ == "attr")):
        return n
    if st.lem(h.head) not in st.w.copulas:
        return n
    return next((c for c in h.head.children if c.dep_ == "nsubj"), n)


def gerund_activity(st: DocState, g: Any) -> bool:
    """ "accused X of planning to attack Y", "his role in seeking talks": a gerund after a preposition
    (``gerund_preps``) names an activity, it does not report one (unless ``gerund_reports``)."""
    return g.dep_ == "pcomp" and g.tag_ == "VBG" and st.lem(g.head) in st.w.gerund_preps and not gerund_reports(st, g)


def gerund_reports(st: DocState, g: Any) -> bool:
    """ "resorted to throwing stones", "joined the president in congratulating X": a gerund after "to" or "in"
    under one of these verbs (``gerund_action_verbs``, ``gerund_in_verbs``), or after "of" under a process noun
    ("began the process of withdrawing its forces": ``process_nouns``), reports the action; after other
    prepositions it names an activity."""
    if g.dep_ != "pcomp":
        return False
    prep, gov = st.lem(g.head), st.lem(g.head.head)
    # "will begin the process of withdrawing some of its forces": the process is the act
    return (
        (prep == "to" and gov in st.w.gerund_action_verbs)
        or (prep == "in" and gov in st.w.gerund_in_verbs)
        or (prep == "of" and gov in st.w.process_nouns)
    )


def _to_infinitive(t: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


class _Climb:
    """Continue the search for an inherited subject from ``tok``."""

    __slots__ = ("tok",)

    def __init__(self, tok: Any) -> None:
        self.tok = tok


_UP = object()  # no special construction: climb through conj/xcomp/advcl/acomp as usual


def _dropped_copula(st: DocState, t: Any, d: str, h: Any) -> Any:
    """A headline drops "is": "EU ready for talks with Britain" (the noun before the adjective), "Merz says critical
    of ECB policy", "India says opposed to sanctions" (the speaker); a progressive read as "be" with an attribute;
    ``_UP`` otherwise."""
    if (
        d in ("advmod", "acomp", "ccomp", "oprd")
        and st.lem(h) in st.m.speech
        and (t.pos_ == "ADJ" or (d == "ccomp" and headline_sentence(t)))
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
    ):
        return next((c for c in h.children if c.dep_ == "nsubj"), None)
    if d == "amod" and t.pos_ == "ADJ" and h.i < t.i and h.pos_ in NOUN_POS and headline_sentence(t):
        return h
    if d in ("attr", "acomp") and t.tag_ == "VBG" and st.lem(h) == "be":
        # "Qatar is mediating between X and Y": a progressive the parser read as "be" with an attribute
        return next((c for c in h.children if c.dep_ == "nsubj"), None)
    return _UP


def _phrase_verb(st: DocState, h: Any) -> Any | None:
    """The verb whose object holds the place phrase of ``h`` through nouns that are no actors ("blocked roads in the
    capital"), or ``None`` (a noun on the way names an actor or an event: "attacked protesters in the square
    demanding X" — the protesters demand; "a campaign of protests around the country demanding X")."""
    if st.idx.at(h.i) or st.lem(h) in st.w.party_nouns or st.lem(h) in st.people:
        return None  # "the possibility of the two nations providing aid": the nations provide it
    n = h
    for _ in range(4):
        up = n.head.head if n.dep_ == "pobj" else n.head if n.dep_ == "dobj" else None
        if up is None or up.i == n.i:
            return None
        if up.pos_ in VERB_POS:
            return up if n is not h else None  # one noun at least between (the direct case is the rule above)
        if up.pos_ not in NOUN_POS or st.idx.at(up.i) or st.lem(up) in st.p.nouns:
            return None  # an actor, or an event noun the participle may describe ("protests across X demanding")
        n = up
    return None


def _inherit_step(st: DocState, t: Any, d: str, h: Any) -> Any:
    """The special constructions of ``inherited_subject``: a subject token, ``None`` (no subject), a
    ``_Climb`` to go on from another token, or ``_UP`` for the ordinary climb."""
    if d == "acl" and t.tag_ == "VBG" and h.pos_ in NOUN_POS and st.lem(h) in st.documents:
        step = _document_author(st, h)
        if step is not _UP:
            return step
    if (
        d == "acl"
        and t.tag_ == "VBG"
        and h.dep_ == "pobj"
        and h.head.head.pos_ in VERB_POS
        and h.head.head.i != h.head.i
    ):
        t = h.head.head  # "a car ploughed into a parade, injuring ...": the agent of the motion
        if t.dep_ == "acl":
            return t.head
        return _Climb(t)
    if d == "acl" and t.tag_ == "VBG" and h.dep_ == "pobj" and h.pos_ in NOUN_POS and st.lem(h) not in st.p.nouns:
        verb = _phrase_verb(st, h)
        if verb is not None:  # "demonstrators blocked roads in the capital demanding X": the demonstrators
            s = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return s if s is not None else _Climb(verb)
    step = _dropped_copula(st, t, d, h)
    if step is not _UP:
        return step
    if d == "pcomp" and st.lem(h) == "as" and h.head.pos_ in VERB_POS:
        # "X was quoted as saying ...": the passive subject says it
        s = next((c for c in h.head.children if c.dep_ == "nsubjpass"), None)
        if s is not None:
            return s
    if d == "pcomp" and st.lem(h) == "by" and h.head.pos_ in VERB_POS:
        t = h.head  # "retaliated by expelling diplomats": the one who retaliated
        s = next((c for c in t.children if c.dep_ == "nsubj"), None)
        return s if s is not None else _Climb(t)
    step = _prep_clause_step(st, t, d, h)
    if step is not _UP:
        return step
    if d == "pcomp" and gerund_reports(st, t):
        gv = h.head  # "resorted to throwing stones", "joined X in condemning Y": the one who resorted, joined
        s = next((c for c in gv.children if c.dep_ == "nsubj"), None)
        return s if s is not None or gv.dep_ != "acl" else gv.head
    if d in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        # "Norway became the first country to recognize X", "Spain was among the first nations to sign it": the
        # subject of the copula
        if h.dep_ == "attr" and st.lem(h.head) in st.w.copulas:
            s = next((c for c in h.head.children if c.dep_ == "nsubj"), None)
            if s is not None:
                return s
        m = group_member(st, h)
        if m is not h:
            return m
    if d == "relcl" or (d == "acl" and t.tag_ in ("VBG", "VBD")):
        return h
    if d == "acl" and _mod.headline_infinitive(t):
        return h  # "Chinese president to visit Nepal"
    if (
        d == "ccomp"
        and st.lem(h) in st.w.causative_verbs
        and t.pos_ in VERB_POS | {"ADJ"}
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    ):
        for c in h.children:  # "police let free four students"
            if c.dep_ == "nsubj":
                return c
        return None
    return _UP


def _document_author(st: DocState, h: Any) -> Any:
    """The author of document noun ``h`` that a gerund hangs on: "issued a statement condemning X", "said in a
    statement demanding ...": the issuer; "would not recognize a Security Council resolution calling for ...":
    the one the document names as its own; a headline's "NGO in Jerusalem Issues Statement Condemning
    Government" (the parser made the verb a compound of the noun): the headline verb's subject."""
    if h.head.i == h.i or h.head.pos_ not in VERB_POS | {"ADP"}:
        for c in h.children:
            if c.dep_ == "compound" and c.i < h.i and noun_verb(st, c):
                found = subject_before(st, c)
                return c.doc[found[0].tok_end - 1] if found else _UP
        return _UP
    own = next((c for c in h.children if c.dep_ in ("poss", "compound") and st.idx.at(c.i)), None)
    if own is not None:
        return own
    gv = h.head.head if h.head.pos_ == "ADP" else h.head
    s = next((c for c in gv.children if c.dep_ == "nsubj"), None)
    if s is not None:
        return s
    if gv.pos_ in VERB_POS and gv.i != gv.head.i:
        return _Climb(gv)
    return h


def _prep_clause_step(st: DocState, t: Any, d: str, h: Any) -> Any:
    """A clause under a preposition of the main verb shares its subject: "After evacuating 200 people,
    Canada flew ..." (``clause_preps``), "police used teargas in an attempt to disperse protesters"
    (``attempt_nouns``; not "in their attempt to": whose, the possessor says); a gerund of a process noun ("will
    begin the process of withdrawing": ``process_nouns``) the one who begins it. ``_UP`` when none."""
    if d == "pcomp" and st.lem(h) == "of" and st.lem(h.head) in st.w.process_nouns and h.head.head.pos_ in VERB_POS:
        # "Canada will begin the process of withdrawing ...": the one who begins it
        return next((c for c in h.head.head.children if c.dep_ == "nsubj"), None)
    if (
        d == "acl"
        and st.lem(h) in st.w.attempt_nouns
        and not any(c.dep_ == "poss" for c in h.children)
        and h.dep_ == "pobj"
        and h.head.head.pos_ in VERB_POS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    ):
        v = h.head.head
        s = next((c for c in v.children if c.dep_ == "nsubj"), None)
        return s if s is not None else _Climb(v)
    if d == "pcomp" and st.lem(h) in st.w.clause_preps and h.dep_ == "prep" and h.head.pos_ in VERB_POS:
        v = h.head
        s = next((c for c in v.children if c.dep_ == "nsubj"), None)
        s = s if s is not None else next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        return s if s is not None else _Climb(v)
    return _UP
