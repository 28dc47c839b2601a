"""Sub-step of the governing words (``families.py``): find the event a governing word governs.

READS: the governing word's parse (xcomp, infinitival advcl, content clause of a noun, ccomp, object and
prepositional slots), the complement rules (``complements.yaml``: which families take which clauses, where
their event noun sits), the verb, light-verb and noun frames (``match.py``), the ``special`` pairs of
``modality.yaml`` and nested governing families.
ADDS: a ``Complement`` — the complement token, its frame and roles and base code (or a fixed special code) —
and marks a light verb's noun or a nested governing word as consumed (not coded again).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...mentions import ActorMention
from ..actors import fill
from ..frames import Family
from ..grammar import GOV_POS, NOUN_POS, VERB_POS, Roles
from ..headline_verbs import governed_verb, noun_verb
from ..match import light_frames, match_noun, match_verb
from ..roles import event_nouns, noun_roles, roles
from ..state import Complement, DocState
from ..tables import load_complement_rules


def complement(st: DocState, g: Any, fam: Family, consumed: set[int], depth: int = 0) -> Complement | None:
    """The event complement of a governing word, if any (nested governors are followed)."""
    groles = roles(st, g)
    if g.pos_ in VERB_POS and groles.get("oprd"):
        return None  # "called the Kosovo move illegal / a provocation": name-calling, no appeal for the move
    x, give_up = _clause(st, g, fam)
    if give_up:
        return None
    x = governed_verb(st, g) or x  # "demands Iran release detained climber": the parse hides the clause
    if x is not None:
        got = _from_clause(st, g, fam, x, consumed, depth) or _joined_act(st, g, fam, x, consumed, depth)
        if got is not None:
            return got
    if st.lem(g) in fam.infinitive_only:
        return None  # "told a rally that ...": no event noun either
    return _from_slots(st, g, groles, fam, consumed)


def _joined_act(st: DocState, g: Any, fam: Family, x: Any, consumed: set[int], depth: int) -> Complement | None:
    """ "scheduled to give a speech and meet dissidents": when the first complement ``x`` is no event, the act
    joined to it by "and" (no subject of its own; not "vow to restore order, declare truce": a headline's own act)."""
    if not any(k.dep_ == "cc" for k in x.children):
        return None
    for c in x.children:
        if c.dep_ == "conj" and c.pos_ in VERB_POS and not any(k.dep_.startswith("nsubj") for k in c.children):
            got = _from_clause(st, g, fam, c, consumed, depth)
            if got is not None:
                return got
    return None


def other_subject(st: DocState, g: Any, x: Any) -> Any | None:
    """The subject of a verbal complement when it is not the governor's own: "wants Uganda to pay"
    (a "to"-clause with its own subject, or an object-controlled complement "would like Chile to ...")."""
    if x.pos_ not in VERB_POS:
        return None
    if x.dep_ == "ccomp":  # "hopes X would be indicted": X is no more the hoper's own action
        return next(
            (c for c in x.children if c.dep_ in ("nsubj", "nsubjpass") and st.lem(c) not in st.w.relative_pronouns),
            None,
        )
    if x.dep_ == "xcomp":
        return next((c for c in g.children if c.dep_ == "dobj" and c.i < x.i), None)
    return None


def _clause(st: DocState, g: Any, fam: Family) -> tuple[Any | None, bool]:
    """The complement clause of ``g`` (``None`` if none), and whether ``g`` governs nothing at all."""
    rules = load_complement_rules()
    x = next((c for c in g.children if c.dep_ == "xcomp" and c.pos_ in GOV_POS), None)
    if x is None and g.pos_ in GOV_POS:  # "have sworn to fight" parsed as an infinitival advcl
        x = next(
            (
                c
                for c in g.children
                if c.dep_ == "advcl"
                and c.i > g.i
                and c.pos_ in VERB_POS
                and any(a.dep_ == "aux" and a.lemma_ == "to" for a in c.children)
                and not _governing_object(st, g, c)
            ),
            None,
        )
    if x is None and g.pos_ in VERB_POS and st.lem(g) in st.w.want_verbs:
        # "does not want the rebels fighting alongside the army": the gerund of its object is what is wanted
        objs = [o for o in g.children if o.dep_ == "dobj"]
        gerunds = [c for c in g.children if c.dep_ == "ccomp"]
        gerunds += [a for o in objs for a in o.children if a.dep_ == "acl"]
        x = next((c for c in gerunds if c.tag_ == "VBG"), None)
    if x is None and g.pos_ in NOUN_POS:
        x, give_up = _noun_clause(st, g, fam)
        if give_up:
            return None, True
    if x is None and fam.name in rules.clause_any | rules.clause_future and st.lem(g) not in fam.infinitive_only:
        for c in g.children:
            if c.dep_ == "ccomp" and c.pos_ in VERB_POS and not _attribution(st, c):
                aux = {st.lem(a) for a in c.children if a.dep_ == "aux"}
                if (
                    fam.name in rules.clause_any
                    or aux & st.w.clause_future_aux
                    or (fam.name == "intent" and "to" in aux and other_subject(st, g, c) is not None)
                    or (fam.name not in rules.future_governors and _governs_future(st, c))
                ):
                    x = c
                    break
    return x, False


def _governing_object(st: DocState, g: Any, c: Any) -> bool:
    """ "declined a request from Peru to discuss ...": a governing noun object before the infinitive governs it."""
    return any(o.dep_ == "dobj" and o.i < c.i and o.pos_ in NOUN_POS and st.lem(o) in st.m.by_lemma for o in g.children)


def _governs_future(st: DocState, c: Any) -> bool:
    """ "warned Y that it plans to invade": the clause's verb governs an act to come (``future_governors``)."""
    fam = st.m.by_lemma.get(st.lem(c))
    return (
        fam is not None
        and fam.name in load_complement_rules().future_governors
        and any(x.dep_ == "xcomp" and x.pos_ in VERB_POS for x in c.children)
    )


def _attribution(st: DocState, c: Any) -> bool:
    """ "X demanded the withdrawal ..., diplomats quoted a declaration as saying": a speech verb set off by a
    comma is the story's attribution that the parser hung on the governing word, not its complement."""
    left = c.left_edge
    comma = (left.i > 0 and c.doc[left.i - 1].text == ",") or any(p.text == "," and p.i < c.i for p in c.children)
    return comma and (st.lem(c) in st.m.speech or st.lem(c) in st.w.attribution_verbs)


def _noun_clause(st: DocState, g: Any, fam: Family) -> tuple[Any | None, bool]:
    """The content clause of a governing noun ("the decision to withdraw", "its demand that X ..."), and
    whether the noun governs nothing (not an object, or its support verb codes its own event)."""
    if g.dep_ not in ("dobj", "nsubjpass", "pobj") or st.lem(g.head) in st.m.by_lemma:
        return None, True
    if any(
        f.code[:2] != fam.default[:2] and not (f.from_noun and match_noun(st, g) is None)
        for f in light_frames(st, g.head, g, "obj")
    ):  # (not "renewed its call for Y to ...": a call is a phone call only with "phone")
        return None, True  # "accepted demands that ...": the support verb's own event (a concession)
    x = next(
        (
            c
            for c in g.children
            if c.dep_ in ("acl", "ccomp", "relcl", "advcl")
            and c.pos_ in VERB_POS
            and not any(s.dep_ in ("nsubj",) and st.lem(s) in st.w.relative_pronouns for s in c.children)
            and (c.dep_ not in ("acl", "advcl") or _to_or_that(c))
        ),
        None,
    )  # "a decision hailed by X" is a description, "the decision to withdraw", "its call for Y to withdraw" govern
    if x is None and g.dep_ == "dobj":
        # "renewed its call on Athens to demilitarise the islands": the parser hangs the infinitive on the verb
        x = next((c for c in g.head.children if c.dep_ == "advcl" and c.i > g.i and _bare_infinitive(c)), None)
    if x is None and g.dep_ == "dobj" and fam.name in load_complement_rules().clause_any:
        # "reiterated its demand on Monday that X ...": the parser hangs the clause on the verb
        x = next(
            (
                c
                for c in g.head.children
                if c.dep_ == "ccomp"
                and c.i > g.i
                and c.pos_ in VERB_POS
                and any(m.dep_ == "mark" and st.lem(m) == "that" for m in c.children)
            ),
            None,
        )
    return x, False


_OWNERS = ("from", "of", "by")  # "a demand from the US president": who made it, no addressee


def _to_or_that(c: Any) -> bool:
    return any(a.dep_ in ("aux", "mark") and a.lower_ in ("to", "that") for a in c.children)


def _bare_infinitive(c: Any) -> bool:
    """A "to" infinitive with no subject or subordinator of its own ("in order to", "for X to" are not)."""
    return (
        c.pos_ in VERB_POS
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(a.dep_ in ("mark", "nsubj", "nsubjpass") for a in c.children)
    )


def _special_object(st: DocState, g: Any, x: Any) -> str | None:
    """The special pair of the governor and the object of a complement verb without a frame of its own: "promised
    to hold elections" as "promised elections" (``special``: ``promise+election``)."""
    if x.pos_ not in VERB_POS:
        return None
    pairs = [(st.lem(g), st.lem(c)) for c in x.children if c.dep_ == "dobj"]
    return next((st.m.special[k] for k in pairs if k in st.m.special), None)


def _from_clause(st: DocState, g: Any, fam: Family, x: Any, consumed: set[int], depth: int) -> Complement | None:
    """The complement in clause ``x``: its verb frame, a nested governing word's complement, a special
    pair, or (demands, threats) an action without a frame of its own."""
    mv = match_verb(st, x) if x.pos_ in VERB_POS or noun_verb(st, x) else None
    special = st.m.special.get((st.lem(g), st.lem(x))) or (_special_object(st, g, x) if mv is None else None)
    if mv is not None:
        f, r, light_noun = mv
        if light_noun is not None:
            consumed.add(light_noun.i)
        return Complement(x, f, r, special, f.code, f.rule)
    inner_fam = st.m.by_lemma.get(st.lem(x))
    if inner_fam is not None and any(c.dep_ == "neg" for c in x.children):
        return None  # "insisted that the expulsion was not aimed at Egypt": the inner word says it is not so
    if inner_fam is not None and depth < 2:
        inner = complement(st, x, inner_fam, consumed, depth + 1)
        acts = inner_fam.name in load_complement_rules().act_families
        if inner is not None and acts and not any((inner.base or "").startswith(k) for k in inner_fam.map):
            inner = None  # "demanded that Singapore stop sending arms": no act of the family (no force ceased)
        if inner is not None:
            consumed.add(x.i)
            if fam.keep or acts:
                # "decided to seek cooperation": the inner family still applies; "agreed to stop attacking"
                inner = replace(inner, base=st.m.family_code(inner_fam, inner.base or inner_fam.default))
            return replace(inner, rule=f"{inner_fam.name}:{st.lem(x)}+{inner.rule}")
    if special:
        return Complement(x, None, {}, special, None, st.lem(x))
    # "the march was expected to see protesters clash with police"; "vowed to continue supporting X", "to keep
    # providing aid" (an aspect verb of going on, stative: not "prepared to resume shelling", a preparation)
    going_on = st.lem(x) in st.m.aspect_verbs and st.lem(x) in st.w.stative_verbs
    if (st.lem(x) in st.w.scene_verbs or going_on) and depth < 2:
        seen = next((c for c in x.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in VERB_POS), None)
        if seen is not None:
            return _from_clause(st, g, fam, seen, consumed, depth + 1)
    stative = st.w.stative_verbs
    if (
        fam.name in load_complement_rules().clause_any
        and x.pos_ in VERB_POS
        and (
            x.dep_ == "xcomp"
            or g.pos_ in VERB_POS
            or any(c.dep_ == "nsubj" for c in x.children)
            or fill(st, [a for a in fam.addressee if g.pos_ in VERB_POS or a not in _OWNERS], roles(st, g))[0]
        )
        and (x.dep_ == "xcomp" or st.lem(x) not in stative)
    ):  # "insisted it was premature"
        # "ordered Belarus to close the border", "its call on Beijing to respect the ruling": a demand or an
        # appeal to the one addressed even when the action has no frame
        return Complement(x, None, roles(st, x), None, None, st.lem(x))
    other = other_subject(st, g, x) if fam.name == "intent" and st.lem(x) not in stative else None
    if other is not None and st.idx.at(other.i):
        # "the EU wants Britain to respect the protocol": a wish for another actor's act, an appeal even with no
        # frame (not "hoped the lifting of martial law would lead to ...")
        return Complement(x, None, roles(st, x), None, None, st.lem(x))
    if (
        fam.name == "threaten"
        and x.dep_ == "ccomp"
        and x.pos_ in VERB_POS
        and st.lem(x) not in stative
        and fill(st, ("subj", "obj"), roles(st, x))[0]
    ):
        # "warned that police will stop ...": an actor's announced action is a threat; "warned that
        # cases will increase" is not
        return Complement(x, None, roles(st, x), None, None, st.lem(x))
    return None


def _planned_act(st: DocState, g: Any, fam: Family, n: Any, consumed: set[int]) -> Complement | None:
    """ "declined Pyongyang's proposal to hold talks", "rejected calls to resign": what a rejected governing
    noun's infinitive proposes is what is rejected."""
    if fam.name != "reject" or n.pos_ not in NOUN_POS or st.lem(n) not in st.m.by_lemma:
        return None
    x = next((c for c in n.children if c.dep_ == "acl" and _bare_infinitive(c)), None)
    return None if x is None else _from_clause(st, g, fam, x, consumed, 1)


def _through_possibility(st: DocState, nouns: Any) -> list[tuple[Any, bool]]:
    """A noun of the ``possibility`` family in a governing word's slot stands for what it holds possible ("did not
    exclude the possibility of sanctions", "of sending troops", "rejected the possibility of talks"): its "of"
    object, with True (a gerund there is the complement)."""
    out = []
    for n in nouns:
        fam = st.m.by_lemma.get(st.lem(n))
        if fam is not None and fam.name == "possibility" and n.pos_ in NOUN_POS:
            of = [o for p in n.children if st.lem(p) == "of" for o in p.children if o.dep_ in ("pobj", "pcomp")]
            out += [(o, True) for o in of]
        else:
            out.append((n, False))
    return out


def _from_slots(st: DocState, g: Any, groles: Roles, fam: Family, consumed: set[int]) -> Complement | None:
    """The complement in the governing word's noun slots: a gerund ("committed to easing import rules") or
    an event noun ("called for talks", "rejected the proposal"); ``groles`` are the governing word's roles."""
    for slot in load_complement_rules().slots(fam.name):
        if slot == "in" and g.pos_ in VERB_POS:
            continue  # "interested in expanding trade", "interest in talks"; not "agreed in talks to ..."
        if slot == "on" and not any(c.dep_ == "nsubj" for c in g.children):
            continue  # "plans on visiting X"; not "skeptical over Moscow's will to agree on limiting ..." (whose?)
        for n0, through in _through_possibility(st, groles.get(slot, ())):
            if (
                n0.pos_ in VERB_POS
                and n0.dep_ == "pcomp"
                and n0.tag_ == "VBG"
                and (through or slot not in ("obj", "for"))  # "commitment to the people for holding ...": none
                and n0.i == n0.head.i + 1
            ):  # not "with both sides talking tough": that has its own subject
                # "committed to easing import rules", "opposed to holding talks": a gerund complement
                mv = match_verb(st, n0)
                if mv is not None:
                    if mv[2] is not None:
                        consumed.add(mv[2].i)
                    return Complement(n0, mv[0], mv[1], None, mv[0].code, mv[0].rule)
                if fam.name in ("intent", "reject") and st.lem(n0) not in st.w.stative_verbs:
                    return Complement(n0, None, roles(st, n0), None, None, st.lem(n0))
                continue
            if n0.pos_ not in NOUN_POS or (n0.i == g.head.i and not noun_verb(st, g)):
                continue  # "the rally planned by X": a description (not "Sweden demands China release X")
            planned = _planned_act(st, g, fam, n0, consumed)
            if planned is not None:
                return planned
            if fam.name == "reject" and st.lem(n0) in st.w.request_nouns:  # "rejected calls for a ceasefire"
                # (the "for" phrase may hang on the verb: "declined a request from Chile for a meeting")
                fors = [*n0.children, *(c for c in g.children if c.i > n0.i)]
                asked = [p for c in fors if st.lem(c) == "for" for p in c.children if p.dep_ == "pobj"]
                n0 = asked[0] if asked and asked[0].pos_ in NOUN_POS else n0
            for n, nroles in event_nouns(st, n0):
                if light_frames(st, g, n, slot):
                    return None  # "ordered an investigation": the light verb codes it
                special = st.m.special.get((st.lem(g), st.lem(n)))
                mn = match_noun(st, n, nroles)
                if mn is not None and mn[0].code[:2] == st.c.aid_root and st.lem(g) in st.w.receiving_verbs:
                    return None  # "sought more aid from the EU": an appeal for aid (verbs.yaml), not a pledge
                if mn is not None:
                    return Complement(n, mn[0], mn[1], special, mn[0].code, mn[0].rule)
                if special:
                    return Complement(n, None, nroles, special, None, st.lem(n))
    return None


def bare_conjuncts(g: Any) -> list[Any]:
    """Bare verbs the parser joined to a tensed governing word ("threatened to kill us, kill our children"):
    more of its complement, no acts of their own (no subject, no auxiliary)."""
    if g.tag_ == "VB":
        return []
    out, todo = [], [g]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and c.tag_ == "VB" and not any(k.dep_.startswith(("nsubj", "aux")) for k in c.children):
                out.append(c)
                todo.append(c)
    return out


def owners_between(st: DocState, gov: Any, tok: Any) -> list[ActorMention]:
    """The actors owning ("X's", "by X", "from X", "a Russian proposal") a noun between a governing word and its
    complement, or the verb's requesting object when the parser hung the complement on the verb ("declined a
    request from Chile for a meeting")."""
    nouns = []
    if gov.i in {a.i for a in tok.ancestors}:
        n = tok.head
        while n.i != gov.i:
            nouns.append(n)
            n = n.head
    nouns += [o for o in gov.children if o.dep_ == "dobj" and o.i < tok.i and st.lem(o) in st.w.request_nouns]
    for n in nouns:
        if n.pos_ in NOUN_POS:
            got, _ = fill(st, ("poss", "by", "from", "amod", "compound"), noun_roles(st, n))
            if got:
                return got
    return []
