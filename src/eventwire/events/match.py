"""Match the compiled frames (``frames.py``) against a predicate: light-verb pairs, verb frames, event nouns.

READS: the verb, light-verb and noun frames, the predicate's roles (``roles.py``), the sentence's lemmas
(a light frame needs one of its event nouns in the sentence), the time words (a time phrase is no argument)
and the adverbial particles.
ADDS: the best frame for a verb — ``(frame, roles, light-verb noun or None)`` — or for an event noun —
``(frame, roles)``. Light-verb pairs come first ("held talks", "launched an attack"), then the verb's own
frames, most specific first (particle, object class, required prepositions, subject class).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..words import calendar
from .actors import actors_at, town_place
from .frames import Frame
from .grammar import NOUN_POS, PRT_DEPS, ROLE_KEYS, Roles
from .headline_verbs import noun_verb
from .roles import event_nouns, noun_roles, obj_heads, obj_roles, roles
from .state import DocState

STATE_NAMED = "<state>"  # the object lemma a frame lists to take a state named by its name


def prep_ok(st: DocState, r: Roles, prep: str, allowed: frozenset[str] | None) -> bool:
    """The frame's required preposition has an object (of the allowed lemmas); "on Saturday" is no argument."""
    toks = [t for t in r.get(prep, ()) if st.lem(t) not in st.w.time_words]
    if not toks:
        return False
    toks += [c for t in toks for c in t.children if c.dep_ == "conj"]  # "for military, economic aid"
    toks += [  # "died in a wave of bombings": the event noun a quantity head stands for
        p
        for t in toks
        if st.lem(t) in st.quantity
        for c in t.children
        if c.dep_ == "prep" and st.lem(c) == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return allowed is None or any(st.lem(t) in allowed for t in toks)


def has_prt(st: DocState, v: Any, prt: str) -> bool:
    """The particle or bound preposition of a phrasal frame. A preposition after the direct object or
    with a time expression is an adjunct: "called the premier a liar on Sunday" is not "call on"."""
    dobj_at = min((c.i for c in v.children if c.dep_ == "dobj"), default=None)
    for c in v.children:
        if c.dep_ not in PRT_DEPS or st.lem(c) != prt:
            continue
        if c.dep_ == "prep":
            if dobj_at is not None and dobj_at < c.i and prt not in st.w.adverb_particles:
                continue
            if any(p.dep_ == "pobj" and st.lem(p) in st.w.time_words for p in c.children):
                continue
        return True
    return False


def bare_ok(st: DocState, v: Any) -> bool:
    """Frames without a particle do not apply to "called off" when "call off" has frames."""
    needed = st.p.prts.get(st.lem(v))
    if not needed:
        return True
    return not any(c.dep_ == "prt" and st.lem(c) in needed for c in v.children)


def light_frames(st: DocState, v: Any, noun: Any, slot: str = "obj") -> list[Frame]:
    """The light-verb frames of (verb, noun) with the noun in ``slot``, particle checked."""
    bare = bare_ok(st, v)
    return [
        f
        for f in st.p.light.get((st.lem(v), st.lem(noun)), ())
        if slot in f.via and (has_prt(st, v, f.prt) if f.prt else bare)
    ]


def _month(t: Any) -> bool:
    """A capitalised month name without an article ("in March", "since May"): a date."""
    return bool(
        t.text[:1].isupper() and t.lower_ in calendar().all_months and not any(c.dep_ == "det" for c in t.children)
    )


def match_light(st: DocState, v: Any, r: Roles) -> tuple[Frame, Roles, Any] | None:
    """The first light-verb frame whose event noun is the verb's object (or sits in a "via" slot)."""
    slots = [("obj", o) for o in r.get("obj", ())]
    # "provided photographs and other intelligence": a conjoined object may be the event noun
    slots += [("obj", c) for o in r.get("obj", ()) for c in o.children if c.dep_ == "conj" and c.pos_ in NOUN_POS]
    slots += [(p, t) for p in st.via for t in r.get(p, ())]
    # "responded to the visit with military drills": the means phrase the parser hung on the "to" object
    slots += [
        ("with", w)
        for t in r.get("to", ())
        for p in t.children
        if p.dep_ == "prep" and st.lem(p) == "with" and "with" in st.via
        for w in p.children
        if w.dep_ == "pobj"
    ]
    # "the reforms carried out in ...": a description; "a curfew imposed by the army": the participle's act
    # (only for a subject or object: "gave in to demands made by X", "was the target of raids carried out by X"
    # name an act in passing, the background of the sentence's event)
    agent = v.dep_ == "acl" and any(c.dep_ == "agent" for c in v.children) and v.head.dep_ != "pobj"
    described = v.head if not noun_verb(st, v) and not agent else None
    for slot, o in slots:
        if (o.pos_ not in NOUN_POS and not (o.pos_ == "NUM" and st.lem(o) in st.quantity)) or (
            described is not None and o.i == described.i
        ):
            continue
        if slot != "obj" and _month(o):  # "took power in March": a date, not a march
            continue
        nouns = list(event_nouns(st, o))
        if len(nouns) > 1 and st.lem(o) in st.quantity:  # "$5 million in aid": the inner noun first
            # ... and the sum keeps the inner noun's phrases: "pledged 500 million euros in aid to X"
            nouns = nouns[1:] + [(o, nouns[1][1])]
        for n, nroles in nouns:
            lf = light_frames(st, v, n, slot)
            if not lf:
                continue
            merged: Roles = dict(r)
            for k, toks in nroles.items():
                if k not in ("poss", "amod", "compound", "of"):
                    # the verb's phrase first, then the noun's: "imposed restrictions on trade with X on Monday"
                    merged[k] = [*merged.get(k, ()), *(t for t in toks if t not in merged.get(k, ()))]
            for f in lf:  # "accepted the demands of the miners": the noun's own of/poss as a target slot
                for k in ("of", "poss", "compound", "amod"):  # "banned opposition rallies": the compound's
                    if k in f.tgt and k in nroles:
                        merged.setdefault(k, nroles[k])
            for f in lf:
                got = _light_frame(st, f, slot, n, merged, nroles)
                if got is not None:
                    return got, merged, n
    return None


def _light_frame(st: DocState, f: Frame, slot: str, n: Any, merged: Roles, nroles: Roles) -> Frame | None:
    """The light frame ``f`` as it applies (code from the noun frame for frames without their own code), or
    ``None`` when its prepositions, modifiers or noun frame do not fit. Fills ``merged``'s subject from the
    noun's modifiers when the verb has none."""
    if not all(prep_ok(st, merged, p, a) or (p == "of" and prep_ok(st, nroles, p, a)) for p, a in f.preps):
        return None  # (the noun's own "of": "approved the sale of F-16 jets to Turkey")
    if f.need_tgt and any(
        a is None and p in f.tgt and not any(actors_at(st, t) for t in merged.get(p, ())) for p, a in f.preps
    ):
        return None  # "held drills with live ammunition": a partner frame needs an actor there, else the next frame
    if f.mods is not None and not any(st.lem(t) in f.mods for t in modifiers(nroles)):
        return None
    if f.from_noun:  # the noun's prepositions may hang from the verb: "carried out a strike on"
        mn = match_noun(st, n, {**{k: v for k, v in merged.items() if k not in ROLE_KEYS}, **nroles})
        if mn is None:
            return None  # "announced the suspension of trading", "began the game": no pattern fits
        nf = mn[0]
        f = replace(
            f,
            code=nf.code,
            violent=nf.violent,
            recip=f.recip or nf.recip,
            need_tgt=f.need_tgt or nf.need_tgt,
            need_src=f.need_src or nf.need_src,
            tgt=tuple(dict.fromkeys(f.tgt + nf.tgt)),
            rule=f"{f.rule}={nf.rule}",
        )
    # "launched a rescue operation", "peacekeeping operations"
    if f.violent and (st.g.idiom(n, verb=f.lemma) or st.g.benign(n)):
        return None
    if slot != "obj" and "obj" not in f.tgt:  # "engaged peacekeepers in a firefight"
        f = replace(f, tgt=f.tgt + ("obj",))
    # not for a passive's person ("the Pakistani leader was released"): the modifiers name the target
    passive_target = n.dep_ == "nsubjpass" and st.lem(n) not in st.p.nouns and "obj" in f.tgt
    if "subj" not in merged and not passive_target:
        for k in ("poss", "amod", "compound", "by"):  # "the visit by X to Y was postponed": X
            if k in nroles:
                merged["subj"] = nroles[k]
                break
    if f.subj is not None and not _subj_ok(st, {"subj": merged.get("subj", [])}, f.subj):
        return None  # "took up positions" is a show of force by armed men, not "the minister took a position"
    return f


def match_verb(st: DocState, v: Any, light: bool = True) -> tuple[Frame, Roles, Any | None] | None:
    """The best frame for verb ``v``: (frame, roles, light-verb noun or None); ``light=False``: the verb's
    own frames only."""
    lemma = st.lem(v)
    own = st.p.verbs.get(lemma, ())
    # a light frame needs one of its event nouns in the verb's sentence ("held talks"): most
    # sentences with "have", "make" or "take" have none, and need no argument analysis at all
    nouns = st.p.light_nouns.get(lemma) if light else None
    light_possible = nouns is not None and not (
        st.sent_span[0] <= v.i < st.sent_span[1] and nouns.isdisjoint(st.sent_lemmas)
    )
    if not own and not light_possible:
        return None
    r = roles(st, v)
    got = match_light(st, v, r) if light_possible else None
    if got is not None:
        return got
    objs = r.get("obj") or []
    bare = bare_ok(st, v)
    heads = [n for o in objs for n in obj_heads(st, o)]  # "a pair of Tunisians": the people counted
    obj_lemmas = {st.lem(n) for n in heads}
    # a compound's two words name the object as one ("petrol bombs": "petrol bomb", not a bomb)
    obj_lemmas |= {
        f"{st.lem(c)} {st.lem(n)}" for n in heads for c in n.children if c.dep_ == "compound" and c.i == n.i - 1
    }
    named = any(o.pos_ in NOUN_POS for o in r.get("oprd", ()))  # "called Yazov a legend" (not "left five dead")
    if not named and any(_people(st, o, m) for o in heads for m in st.idx.at(o.i)):
        obj_lemmas.add("person")  # "Putin called Poroshenko", "four Americans"
    if any(town_place(st, n) or any(m.rule == "place" for m in st.idx.at(n.i)) for n in heads):
        obj_lemmas.add("town")  # "captured Bakhmut": a town the gazetteer knows is a town
    if any(m.kind == "country" and not m.sectors for o in heads for m in st.idx.at(o.i) if m.head == o.i):
        obj_lemmas.add(STATE_NAMED)  # "Morocco recognised Israel": a state named (frames list it as "<state>")
    for f in own:
        if f.prt:
            if not has_prt(st, v, f.prt):
                continue
        elif not bare:
            continue
        lemmas = obj_lemmas
        if f.prt and f.obj is not None and not objs and f.prt in f.tgt:  # "looked into the killings" (tgt [obj, into])
            lemmas = {st.lem(n) for c in v.children if c.dep_ == "prep" and st.lem(c) == f.prt for n in _pobjs(st, c)}
        if f.obj is not None and not (
            ("-" in f.obj and not objs) or ("*" in f.obj and objs) or not lemmas.isdisjoint(f.obj)
        ):
            continue  # obj: ["-", ...] also allows no direct object ("the army mobilized"); ["*"]: any object
        if f.preps and not all(prep_ok(st, r, p, a) or prep_ok(st, obj_roles(st, objs), p, a) for p, a in f.preps):
            continue
        if f.subj is not None and not _subj_ok(st, r, f.subj):
            continue
        return f, r, None
    return None


def _pobjs(st: DocState, prep: Any) -> list[Any]:
    return [n for o in prep.children if o.dep_ == "pobj" for n in obj_heads(st, o)]


def _people(st: DocState, o: Any, m: Any) -> bool:
    """The object is a person: a coded person's name, or a plural demonym ("released four Americans")."""
    private = set(m.sectors) <= st.c.private_people_sectors
    return bool(m.kind == "person" or (o.tag_ in ("NNS", "NNPS") and m.country and private))


def _subj_ok(st: DocState, r: Roles, allowed: frozenset[str]) -> bool:
    """The subject (the object of an agentless passive: "peacekeepers were deployed") is one of
    ``allowed``, by its head, a modifier ("peacekeeping troops") or an "of" noun ("a batch of monitors")."""
    toks = r.get("subj") or r.get("obj") or []
    # "workers announced they will strike": a pronoun subject of a clause stands for the subject of the verb above
    toks = [*toks, *(s for t in toks if t.pos_ == "PRON" for s in _governing_subjects(t))]
    for t in toks:
        heads = [
            t,
            *[p for c in t.children if c.dep_ == "prep" and st.lem(c) == "of" for p in c.children if p.dep_ == "pobj"],
        ]
        for h in heads:
            if st.lem(h) in allowed or any(c.dep_ in ("compound", "amod") and st.lem(c) in allowed for c in h.children):
                return True
    return False


def _governing_subjects(t: Any) -> list[Any]:
    """The subjects of the verb that governs the clause of pronoun ``t`` ("workers announced | they will strike")."""
    v = t.head
    if t.dep_ not in ("nsubj", "nsubjpass") or v.dep_ not in ("ccomp", "xcomp", "advcl") or v.head.i == v.i:
        return []
    return [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]


def modifiers(r: Roles) -> list[Any]:
    """A noun's compound and adjective modifiers, and the adjectives of its compounds ("a joint infrastructure
    project": "joint" hung on "infrastructure")."""
    comps = r.get("compound", [])
    return [*comps, *r.get("amod", []), *(a for c in comps for a in c.children if a.dep_ == "amod" and a.i < c.i)]


def match_noun(st: DocState, n: Any, r: Roles | None = None) -> tuple[Frame, Roles] | None:
    """The first noun frame of ``n`` whose modifiers and prepositions fit."""
    r = noun_roles(st, n) if r is None else r
    for f in st.p.nouns.get(st.lem(n), ()):
        if f.mods is not None and not any(st.lem(t) in f.mods for t in modifiers(r)):
            continue
        if all(prep_ok(st, r, p, a) for p, a in f.preps):
            return f, r
    return None
