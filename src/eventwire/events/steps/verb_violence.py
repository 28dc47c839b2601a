"""Sub-steps of a verb (``verbs.py``): violence — who attacked, what was attacked, and false friends.

READS: the verb's draft (violent frame, roles, actors, tokens the actors were found at), the violent event
nouns of the victims' verb ("died in a Taliban ambush"), the false-friend guards (``falsefriends.py``), the
armed-action roots (``codes.yaml``).
ADDS: the attacker as source ("a rocket was fired at Israel from Gaza", "five were killed in an Israeli air
strike", with the event noun's more exact code; a violent subject noun whose code the verb takes is consumed),
the object's own target ("fought a war against Iraq"); ends
the verb with no event for a victims' verb without an attacker and for false friends ("the crisis hit the
economy", "fired 500 workers", "the country battles to prevent the outbreak").
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..actors import actors_at, fill
from ..adjustments import state_itself
from ..frames import Frame
from ..grammar import NOUN_POS, VERB_POS, Roles
from ..match import match_noun, match_verb
from ..roles import event_nouns, noun_roles, roles
from ..state import DocState, SentenceWork, VerbDraft
from .verb_places import casualty_verbs


def attacker(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """The source of violence told from the victims' side: the place it came from, or the actor of the
    violent event noun the victims fell in."""
    f, r, v = d.frame, d.roles, d.trigger
    if f.violent and not d.sources and "from" in r and any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        # "a rocket was fired at Israel from Gaza", "the town was shelled from across the border": the
        # place the violence came from is its source
        frm, _ = fill(st, ("from",), r)
        d.sources = [a for a in frm if a not in d.targets]
    fell_in = _fell_in(st, d) if f.violent and d.noun is None else []
    if d.sources and d.code == f.code and d.code.endswith("0"):
        # "U.S. forces killed a commander in a drone strike": the more exact kind of the force the victims fell in
        kinds = [nf for nf, _ in fell_in if not nf.code.endswith("0") and nf.code[:2] == d.code[:2]]
        if kinds:
            d.code, d.rule = kinds[0].code, f"{d.rule}+{kinds[0].rule}"
    for nf, nr in fell_in:
        # "five were killed in an Israeli air strike", "died in a Taliban ambush": the attacker is the
        # actor of the violent event noun the victims fell in, and its code is the more exact one
        if d.sources:
            break
        acts = [a for a in fill(st, ("poss", "amod", "compound", "by"), nr)[0] if a not in d.targets]
        if not acts and nf.recip:  # "two soldiers were killed in clashes with militants": the other side
            acts = [a for a in fill(st, ("with",), nr)[0] if a not in d.targets]
        if acts:
            d.sources = acts
            if d.code == f.code and nf.code[:2] >= d.code[:2]:
                d.code, d.rule = nf.code, f"{d.rule}+{nf.rule}"
    if f.violent and d.noun is None and not d.sources:
        # "two soldiers were wounded when militants fired on their patrol": the attacker of the clause the
        # victims fell in
        # "were killed and 50 wounded when militants attacked": a clause hung on a conjoined victims' verb
        near = [*v.children, *(x for j in v.children if j.dep_ == "conj" for x in j.children)]
        for c in near + ([*v.head.children] if v.dep_ == "conj" else []):
            mv = match_verb(st, c) if c.dep_ == "advcl" and c.pos_ in VERB_POS else None
            if mv is not None and mv[0].violent:
                d.sources = [a for a in fill(st, ("subj",), mv[1])[0] if a not in d.targets]
                exact = mv[0].code[:2] >= d.code[:2] or mv[0].code in st.c.exact_attack_codes or d.code.endswith("0")
                if d.sources and d.code == f.code and exact:  # "... when a suicide bomber blew up a car": 183
                    d.code, d.rule = mv[0].code, f"{d.rule}+{mv[0].rule}"
                if d.sources:
                    break
    for nf, nr in fell_in:
        # "gunmen killed 13 in an attack on Kyiv": whom that event noun was aimed at
        if d.targets:
            break
        d.targets = [a for a in fill(st, nf.tgt, nr)[0] if a not in d.sources]
    _subject_event(st, s, d)
    if f.violent and not f.src and not d.sources:
        st.note(
            f"  {d.label} [{f.rule}]: no event (the victims' verb needs the attacker's event noun: "
            "'died in a X ambush')"
        )
        return False
    return True


def _fell_in(st: DocState, d: VerbDraft) -> list[tuple[Frame, Roles]]:
    """The violent event nouns the victims fell in ("killed in an Israeli air strike", "during an attack on X",
    "killed X with a drone strike": also the phrase the parser hung on the object), with their roles; a strike
    of a state or its forces that killed is force ("killed in an Israeli strike", no labour strike)."""
    r, out = d.roles, []
    on_obj = [t for o in r.get("obj", ()) for p in ("in", "with") for t in noun_roles(st, o).get(p, ())]
    for n0 in [*r.get("in", ()), *r.get("during", ()), *r.get("with", ()), *on_obj]:
        for n, nr0 in event_nouns(st, n0):  # "killed in a series of attacks by militants": the attacks
            mn = match_noun(st, n) if n.pos_ in NOUN_POS else None
            if mn is not None and not mn[0].violent:
                own = fill(st, ("poss", "amod", "compound"), mn[1])[0]
                if n0.head.lower_ != "during" and armed_strike(st, mn[0].code, n, own, named=True):
                    mn = (replace(mn[0], code=st.c.state_strike, violent=True, rule=mn[0].rule + "/state"), mn[1])
            if mn is not None and mn[0].violent:
                out.append((mn[0], {**nr0, **mn[1]}))  # with the head's "by" ("a wave of X by Y")
                break
    return out


def _subject_event(st: DocState, s: SentenceWork, d: VerbDraft) -> None:
    """ "Israeli air strikes killed 20 people", "a car bomb killed five", "Shelling in Dhaka kills six": the subject
    is the violent event itself (a noun, or a gerund subject), and its code the more exact one."""
    f, r, v = d.frame, d.roles, d.trigger
    stok = d.stok if d.stok is not None else next(iter(r.get("subj", ())), None)  # "Airstrikes killed 20 in X"
    if f.violent and d.code == f.code and stok is not None and stok.tag_ == "VBG" and stok.dep_ == "csubj":
        mv = match_verb(st, stok)  # "Shelling in Dhaka kills six children": the gerund's more exact force
        if mv is not None and mv[0].violent and mv[0].code[:2] == d.code[:2] and not mv[0].code.endswith("0"):
            d.code, d.rule = mv[0].code, f"{d.rule}+{mv[0].rule}"
    if f.violent and d.code == f.code and stok is not None and stok.pos_ in NOUN_POS:
        # "Israeli air strikes killed 20 people", "a car bomb killed five": the subject is the violent event
        # itself, and its code is the more exact one
        mn = match_noun(st, stok)
        exact = mn is not None and (mn[0].code[:2] >= d.code[:2] or mn[0].code in st.c.exact_attack_codes)
        if mn is not None and mn[0].violent and exact:
            d.code, d.rule = mn[0].code, f"{d.rule}+{mn[0].rule}"
            if d.sources:  # one incident: the noun is not coded again on its own ("strikes on X killed ...")
                s.consumed.add(stok.i)
        elif mn is not None and not mn[0].violent and st.lem(v) in st.w.aiming_verbs:
            # "the new US sanctions target Russian banks", "the probe targeted three NGOs": the act aimed is
            # the subject's own (sanctions, an investigation), not force
            d.code, d.rule = mn[0].code, f"{d.rule}+{mn[0].rule}"


def agentless(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Five killed, 90 hurt in violence in Indian capital", "three policemen were wounded in Kandahar": generic
    force (190) with no attacker named, and none implied by an event of war the victims fell in ("in an air
    strike", "in clashes", "in shelling", "when tanks shelled the town") nor by soldiers as the victims
    (``war_victim_sectors``), is an assault by unknown hands (``agentless_assault``, 180); with such an event of
    an exact kind the victims' verb takes its code ("five were killed in an air strike": 195)."""
    if d.code != d.frame.code or d.code != st.c.aerial_root + "0" or not d.frame.violent:
        return True
    if d.sources or d.roles.get("subj") or d.noun is not None:
        return True
    if any(set(a.sectors) & st.c.war_victim_sectors for a in d.targets):
        return True  # "ten soldiers were killed in Ukraine": casualties of war
    v = d.trigger
    near = casualty_verbs(v)  # "killed and dozens injured in clashes", "Four killed, 30 wounded in clashes"
    for u in near:
        for c in u.children:
            mv = match_verb(st, c) if c.dep_ == "advcl" and c.pos_ in VERB_POS else None
            if mv is not None and mv[0].violent:
                return True  # "... were killed when tanks shelled the town"
    for n0 in [
        t for u in near for p in ("in", "during", "by") for t in (d.roles if u is v else roles(st, u)).get(p, ())
    ]:
        if any(p.dep_ == "prep" and st.lem(p) == "by" and actors_at(st, p) for p in n0.children):
            return True  # "killed in a crackdown by Soviet troops": an attacker named
        cues = [c for c in n0.children if c.dep_ == "compound" and c.pos_ in NOUN_POS]
        for n, _ in [*event_nouns(st, n0), *((c, {}) for c in cues)]:  # "in Karachi clashes - police" misparsed
            mn = match_noun(st, n) if n.pos_ in NOUN_POS else None
            if mn is not None and mn[0].violent and not mn[0].code.endswith("0"):
                d.code, d.rule = mn[0].code, f"{d.rule}+{mn[0].rule}"  # "killed in an air strike": its code
                return True
            if st.lem(n) in st.w.generic_attack_nouns and not any(
                c.dep_ in ("amod", "compound") for c in n.children if actors_at(st, c)
            ):
                continue  # "killed in a targeted attack in Nairobi": by unknown hands
            if (mn is not None and mn[0].violent) or st.lem(n) in st.aggression:
                return True  # "killed in clashes", "killed in Israeli shelling"
    d.code, d.rule = st.c.agentless_assault, d.rule + "/agentless"
    return True


def object_target(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "fought a war against Iraq", "launched a campaign on the rebels": the object's own target."""
    if d.frame.violent and not d.targets and d.ttok is not None and d.ttok.dep_ == "dobj":
        for c in d.ttok.children:
            if c.dep_ == "prep" and st.lem(c) in ("against", "on", "with"):
                for p in c.children:
                    acts = actors_at(st, p) if p.dep_ == "pobj" else []
                    if acts and not d.targets:
                        d.targets, d.ttok = acts, p
    return True


def false_friends(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """No event when the violence is a false friend (abstract target or cause, a dismissal, a metaphor, an
    effort "to ..."), unless an earlier step changed the code."""
    f, v, ttok, stok = d.frame, d.trigger, d.ttok, d.stok
    why = (
        st.g.violent_target(f, ttok, bool(ttok is not None and st.idx.at(ttok.i)))
        or st.g.violent_subject(f, stok, bool(stok is not None and st.idx.at(stok.i)))
        or (st.g.dismissal(f, v) if d.noun is None else None)
    )
    if (
        not why
        and f.violent
        and not d.targets
        and st.lem(v) in st.g.metaphor_verbs
        and "obj" not in d.roles
        and any(_effort(st, c) for c in v.children)
    ):
        why = f"'{v.text} to ...' is an effort, not violence"  # "the country battles to prevent ..."
    if not why and f.violent and not d.targets and st.lem(v) in st.g.metaphor_verbs and "obj" not in d.roles:
        why = _struggle_for(st, v)  # "has been fighting for her life", "battling for survival"
    if why and d.code == f.code:
        st.note(f"  {d.label} [{f.rule}]: no event (false friend: {why})")
        return False
    if (
        not d.sources
        and d.code[:2] in st.c.impersonal_guard_roots
        and stok is not None
        and stok.pos_ in NOUN_POS
        and st.g.impersonal(stok)
    ):  # "the spread of the outbreak has threatened to send thousands to hospital"
        st.note(f"  {d.label} [{f.rule}]: no event (an impersonal subject '{stok.text}')")
        return False
    return True


def _struggle_for(st: DocState, v: Any) -> str | None:
    """ "fighting for her life", "battle for their rights": what one fights for is neither an actor nor a
    place or thing fought over ("fought for control of the town", "fighting for Islamic State" are fighting)."""
    for c in v.children:
        if c.dep_ != "prep" or st.lem(c) != "for":
            continue
        for p in c.children:
            if p.dep_ != "pobj" or actors_at(st, p) or st.g.is_physical(p) or st.lem(p) in st.w.time_words:
                continue  # "fought for hours"
            inner = [q for o in p.children if st.lem(o) == "of" for q in o.children if q.dep_ == "pobj"]
            if any(actors_at(st, q) or st.g.is_physical(q) or q.pos_ == "PROPN" for q in inner):
                continue  # "for control of the town", "for control of Aleppo"
            return f"'{v.text} for {p.text}' is a struggle for something, not violence"
    return None


def _effort(st: DocState, c: Any) -> bool:
    """An infinitive complement that is no armed action: "battles to prevent the outbreak" (but "fought
    to take the town", "battled to retake the base" are fighting)."""
    if c.dep_ not in ("xcomp", "advcl") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
        return False
    mv = match_verb(st, c) if c.pos_ in VERB_POS else None
    if mv is not None and (mv[0].violent or mv[0].code[:2] in st.c.armed_action_roots):
        return False
    return not any(o.dep_ == "dobj" and st.lem(o) in st.g.physical for o in c.children)


def state_strike(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Israel carried out strikes in Gaza", "Russian forces continued their strikes": a strike by a state or its
    forces is force (``codes.yaml`` state_strike), not a labour strike."""
    if d.noun is None or d.code != st.c.labour_strike:
        return True
    own = [a for t in d.roles.get("subj", ()) for a in st.idx.at(t.i) if a in d.sources]  # not a crowd's place
    if own and armed_strike(st, d.code, d.noun, d.sources):
        d.code, d.rule = st.c.state_strike, d.rule + "/state"
    return True


def armed_strike(st: DocState, code: str, noun: Any, sources: list[Any], named: bool = False) -> bool:
    """Is a labour strike (``code``) of a ``strike_nouns`` noun without a labour strike's own modifier (the
    noun frames' ``mod`` of that code: "a general strike", "a rail strike") one by states or their forces only?
    ``named``: a state named by its adjective counts too (a strike that killed: "in an Israeli strike")."""
    if code != st.c.labour_strike or st.lem(noun) not in st.w.strike_nouns:
        return False
    labour = {m for f in st.p.nouns.get(st.lem(noun), ()) if f.code == code and f.mods for m in f.mods}
    if any(c.dep_ in ("amod", "compound") and st.lem(c) in labour for c in noun.children):
        return False
    return bool(sources) and all(
        set(a.sectors) & st.c.force_sectors or state_itself(st, a) or (named and a.kind == "country" and not a.sectors)
        for a in sources
    )
