"""Read the argument slots (roles) of a predicate or an event noun from the dependency parse.

READS: the parse of the predicate's clause, the document's lemmas, the actor index (headline subjects), the
word lists (relative pronouns, "as"-role verbs, causative and gerund-action verbs) and the noun classes.
ADDS: ``Roles`` — slot name ("subj", "obj", "iobj", "oprd", "poss", "amod", "compound", or a preposition) ->
the tokens filling it. Passives are undone (the agent is the subject, the passive subject the object), an
elliptical or headline subject is recovered, and a missing subject is inherited from the governing clause.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .grammar import NOUN_POS, VERB_POS, Roles, free_relative, front_of
from .headline_verbs import headline_list, headline_passive, headline_roles, headline_sentence, noun_verb
from .objects import double_object, raised_object
from .state import DocState
from .subjects import group_member, inherited_subject, relative_subject


def roles(st: DocState, v: Any) -> Roles:
    """Argument slots of a predicate: subj, obj, iobj and one slot per preposition."""
    if noun_verb(st, v):  # "Iraq summons Turkish envoy": a headline verb the parser read as a noun
        return headline_roles(st, v)
    r, passive = _child_slots(st, v)
    if (
        not passive
        and v.tag_ == "VBN"
        and "subj" in r
        and not any(c.dep_ in ("aux", "auxpass") for c in v.children)
        and ((v.dep_ == "conj" and any(c.dep_ == "auxpass" for c in v.head.children)) or st.lem(v.head) == "with")
    ):
        # an elliptical passive: "five were killed and dozens injured", "with thousands wounded"
        r["obj"] = r.pop("subj") + r.get("obj", [])
        passive = True
    elif not passive and "obj" not in r and "subj" in r and headline_passive(st, v):
        # a headline drops "is": "Opposition Party Outlawed", "Three NGOs Banned for Foreign Ties"
        r["obj"] = r.pop("subj")
        passive = True
    if passive and "subj" not in r and "by" in r and any(c.dep_ == "auxpass" for c in v.children):
        r["subj"] = r["by"]  # "were granted asylum by Sweden": the agent parsed as a plain "by" phrase
    if passive and "subj" not in r:  # "Reporter shot and killed by masked gunmen": conjoined participles share it
        near = [u for u in v.conjuncts if abs(u.i - v.i) == 2]  # "shot and killed by X" (not "held and later freed")
        by = [p for u in near for c in u.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if by:
            r["subj"] = by
    if (
        "obj" not in r
        and v.dep_ == "xcomp"
        and v.tag_ == "VBN"
        and (passive or not any(c.dep_ in ("aux", "nsubj") for c in v.children))
    ):
        # "two journalists were reported killed", "protesters were seen being detained by police": the
        # passive subject of the verb of perception or report is the one the participle's act was done to
        shared = [c for c in v.head.children if c.dep_ == "nsubjpass"]
        if shared:
            r["obj"] = shared
            passive = True
    vbn = v.tag_ == "VBN" or (v.tag_ == "VBD" and v.dep_ == "acl" and headline_sentence(v))  # "X sent to jail"
    if "obj" not in r and v.dep_ in ("acl", "relcl") and vbn and not misparsed_main_verb(st, v):
        r["obj"], passive = [group_member(st, v.head)], True  # the participle's noun is not also its agent
    _subject(st, v, r, passive)
    headline_list(st, v, r)
    npadv = [c for c in v.children if c.dep_ == "npadvmod" and c.i > v.i and st.idx.at(c.i)]
    if "obj" not in r and not passive and npadv and headline_sentence(v):  # "expels French ambassador"
        r["obj"] = npadv[:1]
    gap = (r.get("obj") or [None])[0]
    if v.dep_ == "relcl" and not passive and v.head.i < v.i and any(c.dep_ == "nsubj" for c in v.children):
        if gap is None or (st.lem(gap) in st.w.relative_pronouns and gap.i < v.i):
            r["obj"] = [v.head]  # "the party leaders he met on Tuesday", "the town that the rebels seized"
    if "obj" not in r and not passive:
        shared = _shared_object(v)
        if shared:
            r["obj"] = shared  # "condemned and rejected X's claims": both verbs take the object
    if "obj" not in r and not passive and "as" in r and st.lem(v) not in st.w.as_role_verbs:
        # "rejected as baseless accusations by X", "condemned as unacceptable the remarks of Y": the
        # parser makes the object the "as" phrase when the predicate adjective comes first
        moved = [
            t
            for t in r["as"]
            if t.pos_ == "NOUN"
            and any(c.dep_ == "amod" and c.i < t.i for c in t.children)
            and (
                t.tag_ == "NNS"
                or any(c.dep_ in ("prep", "acl", "ccomp") for c in t.children)
                or any(c.dep_ == "det" and st.lem(c) == "the" for c in t.children)
            )
        ]
        if moved:
            r["obj"] = moved
    return r


def _child_slots(st: DocState, v: Any) -> tuple[Roles, bool]:
    """The slots filled by the predicate's own dependents, and whether it is passive."""
    r: Roles = {}
    passive = False
    for c in v.children:
        d = c.dep_
        if d == "nsubj" or d == "csubj":
            r.setdefault("subj", []).append(c)
        elif d == "nsubjpass":
            passive = True
            r.setdefault("obj", []).append(c)
        elif d == "dobj" and "obj" in r and st.lem(c) in st.insults and c.i > r["obj"][0].i:
            r.setdefault("oprd", []).append(c)  # "labelled the vote a sham" parsed as two objects
        elif d == "dobj":
            r.setdefault("obj", []).append(c)
            for a in c.children:  # "branded the minister a disgrace": an indefinite apposition (or a second object
                if (  # parsed under the first: "called the US decision a violation of international law")
                    a.dep_ in ("appos", "dobj")
                    and a.pos_ == "NOUN"
                    and any(x.dep_ == "det" and x.lower_ in ("a", "an") for x in a.children)
                ):
                    r.setdefault("oprd", []).append(a)
            pred = _trailing_reproach(st, c)
            if pred is not None:
                r.setdefault("oprd", []).append(pred)
        elif d == "dative":
            if c.pos_ == "ADP":
                r.setdefault(st.lem(c), []).extend(p for p in c.children if p.dep_ == "pobj")
            else:
                r.setdefault("iobj", []).append(c)
        elif d == "agent":
            passive = True
            r.setdefault("subj", []).extend(p for p in c.children if p.dep_ == "pobj")
            _agent_name_phrases(st, c, r)
        elif d == "prep" or (d == "prt" and any(p.dep_ == "pobj" for p in c.children)):
            _prep_slots(st, c, r)
        if d in ("prep", "prt", "advmod"):  # "pulled out of the talks", "walked away from": the inner one
            for q in c.children:
                if q.dep_ == "prep" and q.i == c.i + 1:
                    r.setdefault(st.lem(q), []).extend(p for p in q.children if p.dep_ == "pobj")
        elif d == "auxpass":
            passive = True
        elif d in ("ccomp", "xcomp") and c.pos_ == "NOUN" and any(_small_predicate(st, x) for x in c.children):
            # "called the Russian move a provocation" parsed as a clause "move [a] provocation": a small clause
            r.setdefault("obj", []).append(c)
            r.setdefault("oprd", []).extend(x for x in c.children if _small_predicate(st, x))
        elif d == "oprd" or (d in ("ccomp", "xcomp") and c.pos_ == "NOUN"):
            r.setdefault("oprd", []).append(c)  # "called the premier a liar"
            if st.lem(c) in st.w.act_nouns:  # "called the sanctions an act of war"
                r["oprd"] += _of_objects(c)
        elif d == "ccomp" and any(x.dep_ == "dobj" and x.tag_ == "WP" for x in c.children):
            # "denounced what it called Algeria's hostile campaign": the thing so called is the object
            r.setdefault("obj", []).extend(x for x in c.children if x.dep_ == "oprd")
        elif d == "ccomp" and any(x.dep_ == "mark" and st.lem(x) in st.w.whether_marks for x in c.children):
            # "is investigating whether Hungary broke its rules": the one the question is about
            r.setdefault("whether", []).extend(x for x in c.children if x.dep_ in ("nsubj", "nsubjpass"))
        elif d in ("advcl", "acl") and _for_subject(c):  # "approved a loan for Egypt to buy wheat": Egypt's
            r.setdefault("for", []).extend(_for_subject(c))
        elif d == "ccomp" and c.pos_ == "ADJ":
            # a small clause ("found the minister guilty", "declared the party illegal"): its subject is the object
            r.setdefault("obj", []).extend(x for x in c.children if x.dep_ == "nsubj")
            if st.lem(c) in st.insults:  # "branded the statement provocative"
                r.setdefault("oprd", []).append(c)
    by = next((c for c in v.children if c.dep_ == "agent"), None)
    agent = [p for p in by.children if p.dep_ == "pobj"] if by is not None else []
    nsubj = [c for c in v.children if c.dep_ == "nsubj"]
    # "protests led to his overthrow by X": the agent belongs to an event noun between the verb and "by"
    noun_agent = by is not None and any(
        c.dep_ == "prep" and v.i < c.i < by.i and any(p.dep_ == "pobj" and st.lem(p) in st.p.nouns for p in c.children)
        for c in v.children
    )
    if agent and nsubj and "obj" not in r and not noun_agent:
        # "Two Administrators Beheaded by Insurgents": a headline drops "were"; the subject is the object
        r["obj"] = nsubj
        r["subj"] = agent
    if "obj" not in r and st.lem(v) in st.w.raising_verbs:
        raised_object(v, r)
    if "iobj" not in r and st.lem(v) in st.w.ditransitive_verbs:
        double_object(st, v, r)
    return r, passive


def _agent_name_phrases(st: DocState, by: Any, r: Roles) -> None:
    """ "sanctions imposed by the EU on Russia": the "on" or "against" phrase the parser hung on the agent's name
    (after the coded name, naming a party itself: not "the Commission on the Status of Women") is the verb's."""
    for p in by.children:
        ends = [m.tok_end for m in st.idx.at(p.i)] if p.dep_ == "pobj" and p.pos_ == "PROPN" else []
        for q in p.children if ends else ():
            if q.dep_ != "prep" or st.lem(q) not in ("on", "against") or q.i < max(ends):
                continue
            named = (m for o in q.children if o.dep_ == "pobj" for m in st.idx.at(o.i) if m.head == o.i)
            if any(m.rule.startswith("dict:") for m in named):  # a name of the dictionaries
                _prep_slots(st, q, r)


def _trailing_reproach(st: DocState, obj: Any) -> Any | None:
    """ "called the decision of Montserrat unacceptable", "called the Montserrat decision 'unacceptable'": the
    small parser hangs a predicate adjective of reproach (the ``insult`` class) that ends the object's phrase on
    the object (an ``amod`` after it) or inside it (a ``pobj``); it is the verb's object predicate."""
    last = max((t for t in obj.subtree if not t.is_punct), key=lambda t: t.i, default=obj)
    while last.dep_ == "conj" and last.head.i > obj.i:  # "'unacceptable' and 'totally unacceptable'"
        last = last.head
    if last.i <= obj.i or last.pos_ != "ADJ" or st.lem(last) not in st.insults:
        return None
    return last if last.dep_ in ("amod", "pobj", "acomp") else None


def _shared_object(v: Any) -> list[Any]:
    """The direct objects of a verb conjoined right after ``v`` ("condemned and rejected the claims"), when
    only a conjunction (or an adverb) stands between them and the second verb has no subject of its own."""
    for c in v.children:
        if c.dep_ != "conj" or c.pos_ not in VERB_POS or c.i <= v.i:
            continue
        between = v.doc[v.i + 1 : c.i]
        if not between or not all(t.dep_ in ("cc", "advmod", "punct") for t in between):
            continue
        if any(x.dep_ in ("nsubj", "nsubjpass", "auxpass") for x in c.children):
            continue
        return [o for o in c.children if o.dep_ == "dobj"]
    return []


def _small_predicate(st: DocState, x: Any) -> bool:
    """``x`` is the predicate of a small clause parsed under its subject noun: "move [a] provocation" (an
    object, or a reproach the parser hangs as a modifier: "branded Beijing's move a provocation")."""
    return x.dep_ == "dobj" or (x.dep_ in ("npadvmod", "appos", "attr") and st.lem(x) in st.insults)


def _of_objects(n: Any) -> list[Any]:
    """The objects of the "of" phrases of noun ``n``."""
    return [p for x in n.children if x.dep_ == "prep" and x.lower_ == "of" for p in x.children if p.dep_ == "pobj"]


def _talks_partners(st: DocState, objs: list[Any]) -> list[Any]:
    """The objects of the "with" phrases of the talks nouns among ``objs`` ("in talks with Lebanon"; not "at a
    press conference with X": words to the press)."""
    return [
        p
        for o in objs
        if st.lem(o) in st.talks and not any(st.lem(m) in ("press", "news") for m in o.children if m.i < o.i)
        for w in o.children
        if w.dep_ == "prep" and st.lem(w) == "with"
        for p in w.children
        if p.dep_ == "pobj"
    ]


def _prep_slots(st: DocState, c: Any, r: Roles) -> None:
    """The slot of preposition ``c``; coordinated prepositions share their object: "flights to and from
    China" fills both "to" and "from" with China."""
    objs = [p for p in c.children if p.dep_ in ("pobj", "pcomp") and not free_relative(p)]
    # "fired tear gas at farmers marching on the capital": a clause parsed as the object, its subject meant
    objs = [
        next((s for s in p.children if s.dep_ == "nsubj" and s.i < p.i), p) if p.dep_ == "pcomp" else p for p in objs
    ]
    if st.lem(c) == "as":  # "described the drills as provocative", "... as an act of war": the predicate
        objs += [a for a in c.children if a.dep_ in ("amod", "acomp") and a.pos_ == "ADJ"]
        objs += [p for o in list(objs) if st.lem(o) in st.w.act_nouns for p in _of_objects(o)]
    conj = [q for q in c.children if q.dep_ == "conj" and q.pos_ == "ADP"]
    shared = objs or [p for q in conj for p in q.children if p.dep_ == "pobj"]
    r.setdefault(st.lem(c), []).extend(shared)
    if st.lem(c) == "in" and front_of(shared):  # "gathered in front of the parliament": outside it
        r.setdefault("outside", []).extend(front_of(shared))
    partners = _talks_partners(st, shared) if st.lem(c) in ("in", "during", "at") else []
    if partners:  # "won concessions in talks with the government": the partner's "with"
        r.setdefault("with", []).extend(partners)
    n = c.doc[c.i - 1] if c.i else c  # "sent troops to the border with Somalia", "quit the deal with X"
    partner = st.lem(n) in st.w.partner_nouns or st.lem(n) in st.agreements  # "with" hung on the verb
    if st.lem(c) == "with" and n.dep_ == "pobj" and n.head.head.i == c.head.i and partner:
        r.setdefault(st.lem(n.head), []).extend(shared)  # belongs to the partner noun before it
    if st.lem(c) == "by" and n.dep_ == "dobj" and n.head.i == c.head.i and any(st.idx.at(x.i) for x in shared):
        r.setdefault("obj", []).extend(shared)  # "backed the proposal by Colombia": the object's author
    for q in conj:
        r.setdefault(st.lem(q), []).extend([p for p in q.children if p.dep_ == "pobj"] or shared)


def _subject(st: DocState, v: Any, r: Roles, passive: bool) -> None:
    """Recover the subject: the noun a relative clause describes, a headline's leading names, or the
    subject inherited from the governing clause."""
    subj = r.get("subj")
    if subj and st.lem(subj[0]) in st.w.relative_pronouns and v.dep_ == "relcl":
        r["subj"] = [relative_subject(st, v)]
    elif subj and _partitive_absolute(st, v, subj[0]):
        # "police responded with shields, with some using tear gas": some of the police
        r["subj"] = [c for c in v.head.head.children if c.dep_ == "nsubj"] or subj
    lead = [c for c in v.children if c.dep_ == "npadvmod" and c.i < v.i and c.pos_ == "PROPN"]
    if "subj" not in r and not passive:  # the small parser sometimes makes a leading name an npadvmod
        if lead:
            r["subj"] = lead
        else:  # headlines: "Kenya, Tanzania sign deal" parsed as dep/compound of the verb
            names = [  # "Mali junta expels French ambassador": a coded common noun too
                c
                for c in v.children
                if c.dep_ in ("dep", "compound", "nmod")
                and c.i < v.i
                and (c.pos_ == "PROPN" or headline_sentence(v))
                and st.idx.at(c.i)
            ]
            if names:
                r["subj"] = names
    elif lead := lead or [c for c in v.children if c.dep_ == "dep" and c.i < v.i and c.pos_ == "PROPN"]:
        if (
            "subj" in r
            and lead[0].i + 1 < len(lead[0].doc)
            and lead[0].nbor(1).text == ","
            and lead[0].i < r["subj"][0].i
            and st.idx.at(lead[0].i)
        ):
            r["subj"] = lead[:1] + r["subj"]  # headline list "Russia, China sign deal", "Putin, Xi hold talks"
    if "subj" not in r and not passive and misparsed_main_verb(st, v):
        r["subj"] = [v.head]  # "Israeli air strikes killed 20 people"
    if (
        "subj" not in r
        and "obj" not in r
        and not passive
        and v.dep_ in ("conj", "dep")
        and v.tag_ in ("VBN", "VBD")
        and headline_passive(st, v.head)
        and not any(c.dep_ == "dobj" for c in v.head.children)
    ):
        r["obj"] = [c for c in v.head.children if c.dep_ == "nsubj"]  # "Turkish Mayor Kidnapped, Killed"
        return
    if "subj" not in r and not passive:
        s = inherited_subject(st, v)
        if s is not None:
            r["subj"] = [s]
    if passive and "obj" not in r and v.dep_ == "conj":
        # "two men were detained and later released by police", "Reporter Shot and Killed by Gunmen": the
        # passive conjunct shares the first one's passive subject
        h = v.head
        shared = [c for c in h.children if c.dep_ == "nsubjpass"]
        if not shared and headline_passive(st, h):
            shared = [c for c in h.children if c.dep_ == "nsubj"]
        if shared:
            r["obj"] = shared
    if passive and "subj" not in r:
        # "was shot and wounded by police", "were detained and later released by the army": conjoined passives
        # share the agent
        agent = _conjunct_agent(st, v)
        if agent:
            r["subj"] = agent
    clause = v.head.head if v.dep_ == "pcomp" else v.head
    if (
        passive
        and "obj" not in r
        and v.dep_ in ("pcomp", "advcl")
        and clause.pos_ in VERB_POS
        and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in v.children)
    ):
        # "were held in Accra after being arrested", "was freed after being detained": the passive gerund's
        # subject is the subject of the clause it depends on
        shared = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if shared:
            r["obj"] = shared


def _conjunct_agent(st: DocState, v: Any) -> list[Any]:
    """The "by" agent of the passive participle joined to ``v`` under one auxiliary: "were [beaten] and
    [arrested by police]" (not two clauses: "the men imprisoned ... were released by X")."""
    near = [(v, c) for c in v.children if c.dep_ == "conj"] + ([(v.head, v)] if v.dep_ == "conj" else [])
    for first, second in near:
        if (
            first.tag_ != "VBN"
            or second.tag_ != "VBN"
            or not any(c.dep_ == "auxpass" for c in first.children)
            or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "npadvmod") for c in second.children)
            or any(c.dep_ == "advmod" and c.lower_ in st.w.sequel_adverbs for c in second.children)
        ):  # "arrested in May and later freed by a court": two acts, the court's only the second
            continue
        w = second if first is v else first
        agent = [p for c in w.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agent:
            return agent
    return []


def _partitive_absolute(st: DocState, v: Any, subj: Any) -> bool:
    """A partitive pronoun subject ("some", "many", not "some of X") of an absolute clause after "with" on the
    main verb."""
    return (
        subj.pos_ == "PRON"
        and st.lem(subj) in st.w.partitive_pronouns
        and not any(c.dep_ == "prep" for c in subj.children)
        and v.dep_ == "pcomp"
        and st.lem(v.head) == "with"
        and v.head.head.pos_ in VERB_POS
    )


def misparsed_main_verb(st: DocState, v: Any) -> bool:
    """ "Israeli air strikes killed 20 people", "20,000 people protested across the country": the small parser
    makes the verb a participle describing the sentence's root noun. Such a participle with a direct object,
    or of a verb that takes none (it cannot be passive), is the sentence's verb, and the noun its subject."""
    return bool(
        v.dep_ == "acl"
        and v.tag_ in ("VBN", "VBD")
        and v.head.dep_ == "ROOT"
        and v.head.pos_ in NOUN_POS
        and v.head.i < v.i
        and (any(c.dep_ == "dobj" for c in v.children) or st.lem(v) in st.w.intransitive_event_verbs)
        and not any(c.dep_ in ("aux", "auxpass", "agent") for c in v.children)
    )


def _for_subject(c: Any) -> list[Any]:
    """The subject of a "for X to ..." clause ``c``: the one the thing is for."""
    marked = any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
    return [x for x in c.children if x.dep_ == "nsubj"] if marked else []


def noun_roles(st: DocState, n: Any) -> Roles:
    """Slots of an event noun: poss, amod, compound and one per preposition (an "of" object's phrases too,
    and the partner of the relations it is about: "talks on ties with X")."""
    r: Roles = {}
    for c in n.children:
        d = c.dep_
        if d in ("poss", "amod", "compound"):
            r.setdefault(d, []).append(c)
        elif d == "nmod" and c.pos_ == "PROPN" and c.i < n.i:  # "the Iran nuclear deal": a name modifying it
            r.setdefault("compound", []).append(c)
        elif d == "prep":
            _prep_slots(st, c, r)
        elif d in ("advcl", "acl", "relcl"):  # "a credit line for Sri Lanka to buy fuel"
            r.setdefault("for", []).extend(_for_subject(c))
    # "the suspension of links with X": the of-object's phrases also count; so do the by-agent's, where the
    # parser hangs the target ("an attack by militants on a police post": "on" under "militants")
    # ("the arrest of the opposition leader by police": the agent hung on the of-object is the noun's)
    for o in [*r.get("of", ()), *r.get("by", ())]:
        for c in o.children:
            if c.dep_ == "prep" and st.lem(c) not in ("of", *r) and (st.lem(c) != "by" or o in r.get("of", ())):
                r[st.lem(c)] = [p for p in c.children if p.dep_ == "pobj"]
    # "talks on future ties with Britain", "talks on a trade deal with Australia": the partner of the relations
    # or of the agreement the event is about
    # (any topic of a two-sided event noun: "negotiations on a trade deal with X", "an accord on fishing rights with X")
    two_sided = st.lem(n) in st.agreements or any(f.recip for f in st.p.nouns.get(st.lem(n), ()))
    for o in [*r.get("on", ()), *r.get("about", ()), *r.get("over", ())]:
        if two_sided or st.lem(o) in st.relations or st.lem(o) in st.agreements or st.lem(o) in st.w.partner_nouns:
            for c in o.children:
                if c.dep_ == "prep" and st.lem(c) in ("with", "between") and st.lem(c) not in r:
                    r[st.lem(c)] = [p for p in c.children if p.dep_ == "pobj"]
    # "a ban on trade with Crimea": the parser hangs the partner on the ban; the trade's partner is its target
    if "with" in r and any(st.lem(o) in st.w.partner_nouns for o in r.get("on", ())):
        r["on"] = [*r["on"], *r["with"]]
    return r


def event_nouns(st: DocState, o: Any) -> Iterator[tuple[Any, Roles]]:
    """The token itself, and the event noun a quantity, partitive or generic head stands for: "20 tons of aid"
    → aid, "many of the rockets" → rockets, "a mediation effort" → mediation (with the head's prepositions)."""
    roles_ = noun_roles(st, o)
    yield o, roles_
    lo = st.lem(o)
    if lo in st.quantity or lo in st.w.partitive_pronouns or o.pos_ == "NUM":  # "many / two of the rockets"
        for p in [*roles_.get("of", ()), *roles_.get("in", ())]:  # "20 tons of aid", "$5 million in aid"
            if p.pos_ in NOUN_POS:
                inner = noun_roles(st, p)
                merged = dict(roles_)
                merged.update(inner)
                yield p, merged
                if st.lem(p) in st.quantity or st.lem(p) in st.generic:
                    for c in inner.get("compound", ()):
                        yield c, merged
    if lo in st.generic:
        for c in roles_.get("compound", ()):
            yield c, roles_


def obj_heads(st: DocState, o: Any) -> list[Any]:
    """The nouns an object stands for: itself (not a count noun's: "dozens of homes"), the event noun of a quantity
    or generic head, and for a name its common-noun modifier ("the Tigrayan capital Mekelle")."""
    out = [n for n, _ in event_nouns(st, o)]
    out = out[1:] if st.lem(o) in st.w.count_nouns and len(out) > 1 else out  # "burned dozens of homes": homes
    if o.pos_ == "PROPN":
        out += [c for c in o.children if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"]
        if o.dep_ == "appos" or o.head.pos_ == "NOUN" and o.dep_ == "compound":
            out.append(o.head)
    return out


def obj_roles(st: DocState, objs: list[Any]) -> Roles:
    """The noun slots of the objects, joined: where a phrase hangs on the object ("withdrew from the talks
    with X")."""
    r: Roles = {}
    for o in objs:
        for k, v in noun_roles(st, o).items():
            r.setdefault(k, []).extend(v)
    return r


def subject_roles(st: DocState, g: Any, stative: bool = True) -> Roles:
    """A governing word's roles: an adjective ("ready to") takes its copula's subject; a passive appeal, no source."""
    r = roles(st, g)
    if not stative and any(c.dep_ == "nsubjpass" for c in g.children):
        return r  # the passive subject is already the object (addressee) slot
    if "subj" not in r:  # stative passive: "Israel is opposed to ...", "is committed to ..."
        # not an event noun acted on: "a lawsuit brought by X was dismissed" (X did not dismiss it)
        sp = [c for c in g.children if c.dep_ == "nsubjpass" and st.lem(c) not in st.p.nouns]
        if sp:
            r["subj"] = sp
    if (g.pos_ == "ADJ" or g.dep_ == "acomp") and "subj" not in r and g.head.i != g.i:
        head_roles = roles(st, g.head)
        if "subj" in head_roles:
            r["subj"] = head_roles["subj"]
    return r
