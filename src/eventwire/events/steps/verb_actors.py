"""Sub-steps of a verb (``verbs.py``): its source and target actors.

READS: the verb's draft (frame slots, roles, light noun, culprit), the actor index (``actors.py``), the
phrases on the verb's object, the responsibility codes (``codes.yaml``).
ADDS: ``d.sources``/``d.stok`` and ``d.targets``/``d.ttok``: from the frame's slots; from phrases on the
object ("denied entry to X", "received assurances from X", "an agreement with the EU", "plants in Iran");
the target of a claimed event ("claimed responsibility for the attack on X"); the object of a violent event's
purpose clause ("opened fire to disperse X"); an uncoded group subject; both parties of "between". No event for a
weak verb without a target. (Targets from places and topics: ``verb_places.py``.)
"""

from __future__ import annotations

from typing import Any

from ...mentions import ActorMention
from ..actors import (
    actors_at,
    authors,
    exchange_party,
    fill,
    home_victims,
    inner_event_target,
    not_self,
    span_mention,
    town_place,
    uncoded,
    uncoded_count,
    uncoded_name,
    uncoded_pronoun,
)
from ..adjustments import inner_target, threat_target
from ..arguments import load_rules, media_only
from ..grammar import NOUN_POS, ROLE_SLOTS_ALL, VERB_POS
from ..headline_verbs import noun_verb
from ..match import match_noun
from ..modality import denies_its_object, in_reported_speech
from ..roles import noun_roles, obj_roles, roles
from ..state import DocState, SentenceWork, VerbDraft
from .statements import content_actor, is_media
from .verb_places import foreign_place


def from_slots(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """Sources and targets from the frame's slots; "X is guilty of violating ...": X; a target phrase that
    hangs on the object ("withdrew from the talks with X", "fired shells at targets in Hebron"); a medium spoken
    to by a verb without an object is a channel, the actor in what was said the target ("complained to AP that
    Honduras ...")."""
    f, r = d.frame, d.roles
    d.sources, d.stok = fill(st, f.src, r)
    if d.culprit:  # "X is guilty of violating the truce": X violated it
        d.sources, d.stok = d.culprit, None
    d.targets, d.ttok = fill(st, f.tgt, r)
    finite = any(c.dep_ == "nsubj" for c in d.trigger.children)  # not "to allow X to ...": a purpose
    if not d.targets and "obj" in f.tgt and st.lem(d.trigger) in st.w.permission_verbs and finite:
        # "Turkey allowed Swedish officials to visit ...": the one allowed, parsed as the subject of the infinitive
        let = [x for c in d.trigger.children if c.dep_ in ("ccomp", "xcomp") for x in c.children if x.dep_ == "nsubj"]
        got, tok = fill(st, ("obj",), {"obj": let})
        if got:
            d.targets, d.ttok = got, tok
    if not d.targets and d.noun is not None and f.from_noun:  # "announced a suspension of attacks against X"
        d.targets = [a for a in inner_event_target(st, d.noun) if a not in d.sources]
    if not d.targets:  # "offers humanitarian support to Sao Paulo": a town the gazetteer places, as the receiver
        towns = [t for p in f.tgt if p in st.w.place_target_preps for t in r.get(p, ()) if t.pos_ == "PROPN"]
        own = {a.country for a in d.sources if a.country}
        got = [a for t in towns for a in town_place(st, t) if a.country not in own]  # a town at home: no party
        if got:
            d.targets, d.ttok = got[:1], towns[0]
    if d.targets and all(a in d.sources for a in d.targets) and r.get("obj"):
        # "Kenya Denounces Actions By Uganda": a headline parsed as one phrase holds its subject inside the object;
        # the object's own "by" / "of" phrase names the other party
        t2, tt2 = fill(st, st.w.search_preps, obj_roles(st, r["obj"]))
        t2 = [a for a in t2 if a not in d.sources]
        if t2 or noun_verb(st, d.trigger) or not f.recip:  # "Brazil Air Force Bombs Training Camp": no other party
            d.targets, d.ttok = t2, tt2  # (nor co-agents of a participle: "the talks, mediated by Qatar and Egypt")
    if d.targets and d.ttok is not None and d.ttok.dep_ == "pobj" and st.lem(d.ttok.head) == "to" and not r.get("obj"):
        # "complained to AP that X ...": a channel (not "denied visas to journalists": a verb with its own object)
        if d.code[:2] in st.c.spoken_roots and is_media(st, d.ttok):
            d.targets, d.ttok = fill(st, [x for x in f.tgt if x != "to"], r)
            if not d.targets:
                d.targets = content_actor(st, d.trigger, d.sources)
    if not d.targets and d.code[:2] in st.c.complaint_roots and any(c.dep_ == "ccomp" for c in d.trigger.children):
        d.targets = content_actor(st, d.trigger, d.sources)  # "complained that Ukraine was mistreating ..."
    if not d.targets and (f.obj is not None or f.preps or r.get("obj")) and d.noun is None:
        # "denied entry to X", "withdrew from the talks with X", "mediated a truce between X and Y": the phrase
        # hangs on the object
        preps = [x for x in f.tgt if x not in ROLE_SLOTS_ALL]
        # the object the frame matched, or a thing ("mediated a truce between X and Y")
        held = [o for o in r.get("obj", []) if f.obj is not None or (o.pos_ == "NOUN" and not st.idx.at(o.i))]
        held += [t for p, _ in f.preps for t in r.get(p, []) if t.pos_ in NOUN_POS or t.dep_ == "pcomp"]
        if preps and held:
            t2, tt2 = fill(st, preps, obj_roles(st, held))
            mods = [x for x in f.tgt if x in st.w.party_modifier_slots]  # "quit the Colombian peace talks"
            if not t2 and mods:
                t2, tt2 = fill(st, mods, obj_roles(st, held))
                t2 = [a for a in t2 if a.code not in {b.code for b in d.sources}]
            if not t2 and d.sources and held[-1].pos_ == "NOUN" and held[-1].dep_ == "pobj":
                t2, tt2 = inner_target(st, held[-1], f.code)  # "fired shells at targets in Hebron"
                t2 = [a for a in t2 if a not in d.sources]
            if t2:
                d.targets, d.ttok = t2, tt2
    if not d.targets and f.recip and "with" in f.tgt and d.noun is None:
        # not "spoke at a press conference with X"
        preps = [k for k in r if k not in ROLE_SLOTS_ALL and k not in st.w.location_preps]
        held = [*r.get("obj", []), *[t for k in preps for t in r[k]]]
        party, tok = _party_in_object(st, held, d.sources)
        if party:
            d.targets, d.ttok = party, tok
    return True


def _party_in_object(st: DocState, objs: list[Any], sources: list[ActorMention]) -> tuple[list[ActorMention], Any]:
    """ "negotiated an end to the war with the Mozambican government", "negotiated an end to the fighting with
    X": the other party of a two-sided act in a "with" phrase deeper in the object or a prepositional phrase."""
    for o in objs:
        for t in o.subtree:
            if t.dep_ == "prep" and st.lem(t) == "with":
                for p in t.children:
                    got = [a for a in actors_at(st, p) if a not in sources] if p.dep_ == "pobj" else []
                    if got:
                        return got, p
    return [], None


def double_object(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "sent the Houthis missiles", "sold Taiwan fighter jets": the recipient of a verb of giving that the
    parser read as a compound of the object. Only for a frame with a dative recipient that matched its object
    as a thing (a light noun or the frame's object list), with the object phrase right after the verb and no
    "to" phrase; a common noun inside the object's own actor phrase is no recipient ("mobilised army
    reservists")."""
    f, r = d.frame, d.roles
    if d.targets or "iobj" not in f.tgt or r.get("to") or r.get("iobj"):
        return True
    objs = r.get("obj", [])
    obj = d.noun if f.kind == "light" else objs[0] if objs and f.obj is not None else None
    if obj is None or obj.dep_ != "dobj":
        return True
    v = d.trigger
    first = obj.left_edge.i + (1 if obj.left_edge.dep_ == "det" else 0)
    # "sent the Houthis missiles": a compound of the object; "sent Kyiv more tanks": a first object
    inner = [x for x in obj.children if x.dep_ in ("compound", "nmod") and x.left_edge.i == first and x.i < obj.i]
    before = [c for c in v.children if c.dep_ == "dobj" and c.i < obj.i and c.left_edge.i == v.i + 1]
    if before and before[-1].right_edge.i + 1 == obj.left_edge.i:
        inner = before[-1:]
    elif obj.left_edge.i != v.i + 1:
        return True
    for x in inner[:1]:
        got = [a for a in actors_at(st, x) if a not in d.sources]
        if got and (x.pos_ == "PROPN" or not any(a.tok_end > obj.i for a in got)):  # not "army reservists"
            d.targets, d.ttok = got, x
    return True


def from_object(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """A source phrase on the object ("received assurances from X"); the target of a claimed event; the
    actor an object noun concerns or is located at ("endorsed an agreement with the EU")."""
    f, r = d.frame, d.roles
    if not d.sources and r.get("obj") and d.noun is None and any(x not in ROLE_SLOTS_ALL for x in f.src):
        # "received assurances from X": the source's phrase hangs on the object
        s2, st2 = fill(st, [x for x in f.src if x not in ROLE_SLOTS_ALL], obj_roles(st, r["obj"]))
        if s2:
            d.sources, d.stok = [a for a in s2 if a not in d.targets], st2
    ttok = d.ttok
    if d.code[:3] in st.c.responsibility_codes:  # "denied allegations that it backed X": the denier is no target
        d.targets = not_self(st, d.targets, d.sources)
        if ttok is None and not f.tgt:  # "al Shabaab claimed the attack on X": the event claimed is the object
            ttok = (r.get("obj") or [None])[0]
    if not d.targets and d.code[:3] in st.c.responsibility_codes and ttok is not None and ttok.pos_ in NOUN_POS:
        # "claimed responsibility for the attack on X": the target of the event claimed
        inner = match_noun(st, ttok)
        if inner is not None:
            d.targets, _ = fill(st, inner[0].tgt, inner[1])
    if (
        not d.targets
        and d.sources
        and d.noun is None
        and "obj" in f.tgt
        and ttok is not None
        and ttok.pos_ == "NOUN"
        and (ttok.dep_ == "dobj" or noun_verb(st, d.trigger))  # (a headline's object: "visits class at X")
    ):
        # "endorsed an agreement with the EU", "inspected refineries in Iran": the object is no actor,
        # the actor it is about or located at is in its own phrase
        t2, tt2 = inner_target(st, ttok, f.code)
        if not t2 and f.code[:2] in st.c.material_roots:  # "inspected plants in Iran" with "in" on the verb
            for p in st.w.location_preps:
                for t in r.get(p, ()):
                    t2 = t2 or [a for a in st.idx.at(t.i) if a not in d.sources]
        if not t2:  # "condemned the coup in Niger", "welcomed the elections in Zambia": where it happened
            t2, tt2 = foreign_place(st, noun_roles(st, ttok), d.sources)
        if t2 and not any(a in d.sources for a in t2):
            d.targets, d.ttok = t2, tt2
    if not d.targets and d.sources:
        # "ratifies treaty signed by Macedonia", "condemned the attack carried out by Hamas": the object's author
        for o in [*r.get("obj", ()), *([d.noun] if d.noun is not None else [])]:
            if st.lem(o) not in st.p.nouns and st.lem(o) not in st.agreements:
                continue  # not "could not meet the deadline set by the IMF": a requirement, no act of the IMF
            deal = o is d.noun and st.lem(d.trigger) in st.w.deal_verbs  # "reached a truce mediated by X": no party
            by = [a for a in authors(st, o, mediators=not deal) if a not in d.sources]
            if by:
                d.targets, d.ttok = by, o
                break
    if not d.targets and d.sources and d.code[:2] in (st.c.appeal_root, st.c.demand_root):
        # "sought an IMF loan", "requested Chinese aid": the actor the asked-for thing is to come from
        for o in [*r.get("obj", ()), *r.get("for", ())]:
            own = [a for c in o.children if c.dep_ in ("compound", "amod", "poss") for a in st.idx.at(c.i)]
            own = [a for a in own if a not in d.sources and a.attribution is None]
            if own and o.pos_ in NOUN_POS:
                d.targets, d.ttok = own[:1], o
                break
    return True


def exchange_target(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Iran agreed to curb enrichment in exchange for sanctions relief from the United States": a cooperative
    act with no target is aimed at the other side of the bargain."""
    if not d.targets and d.sources and d.code[:2] in st.c.cooperative_roots:
        chain = [d.trigger]
        while len(chain) < 4 and (x := next((c for c in chain[-1].children if c.dep_ == "xcomp"), None)) is not None:
            chain.append(x)  # "agree to stop fighting in return for ...": the phrase on the last verb of the chain
        d.targets = exchange_party(st, chain, d.sources)
    return True


def told_addressee(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Vietnam's prime minister told his Japanese counterpart that Hanoi wanted closer ties": a cooperative act
    without a target, in what a speaker told someone, is aimed at the one told (not a news medium)."""
    if d.targets or not d.sources or d.code[:2] not in st.c.cooperative_roots:
        return True
    sp = in_reported_speech(d.trigger, st.m.speech)
    if sp is None or st.lem(sp) not in st.w.telling_verbs:
        return True
    r = roles(st, sp)
    told, tok = fill(st, ("iobj", "obj", "to"), {k: [t for t in r.get(k, ()) if not is_media(st, t)] for k in r})
    own = {a.code for a in d.sources}
    if told and not any(a.code in own for a in told):
        d.targets, d.ttok = told, tok
    return True


def denied_accuser(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "X accused Y of war crimes, a charge Y denies": the denial of a charge set in apposition to the clause
    before it (which the parser hangs on the denial) is aimed at that clause's subject, the accuser."""
    if d.targets or not d.sources or d.code not in st.c.responsibility_codes:
        return True
    if st.lem(d.trigger) not in st.w.denial_verbs:
        return True
    v = d.trigger
    clauses = [c for c in v.children if c.dep_ == "ccomp" and denies_its_object(c, v)]
    n = v.head
    if v.dep_ == "relcl" and n.left_edge.i > 0 and n.doc[n.left_edge.i - 1].text == ",":  # "..., a charge X denies"
        clauses += [x for x in n.ancestors if any(c.dep_.startswith("nsubj") for c in x.children)][:1]
    for c in clauses:
        d.targets, d.ttok = fill(st, ("subj",), roles(st, c))
        d.targets = [a for a in d.targets if a not in d.sources]
    return True


def purpose_target(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "opened fire to disperse the demonstrators", "used tear gas to break up a rally of X", "staged a hunger
    strike to protest X's decision": a violent, coercive or protest event without a target is aimed at the
    object of its purpose clause (also one on its object: "sent an emissary to meet with X"), or at whom its
    purpose phrase names ("walked out in protest at X's plan")."""
    rules = load_rules()
    if d.targets or d.code[:2] not in rules.purpose_roots:
        return True
    if d.frame.recip and len({a.code for a in d.sources}) > 1:
        return True  # "X and Y agreed a no-fly zone to prevent Z from attacking": with each other
    heads = [d.trigger] if d.noun is None else [d.trigger, d.noun]  # "went on strike in protest at X"
    heads += [o for o in d.roles.get("obj", ()) if o.pos_ in NOUN_POS]  # "sent an emissary to meet X"
    kids = [c for h in heads for c in h.children]
    for c in kids:
        got: list[ActorMention] = []
        attempt = _attempt_clause(st, c) if c.dep_ == "prep" and st.lem(c) == "in" else None
        if (
            c.dep_ in ("advcl", "xcomp", "acl", "relcl")  # "an envoy to meet X" is often read as relcl
            and c.pos_ in VERB_POS
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            cr = roles(st, c)
            got, tok = fill(st, rules.purpose_clause_slots, cr)
            if not got and cr.get("obj"):  # "promised to deliver a message to Putin": on the object
                got, tok = fill(st, ("to", "with"), obj_roles(st, cr["obj"]))
        elif attempt is not None:  # "fired rubber bullets in an attempt to disperse X"
            got, tok = fill(st, rules.purpose_clause_slots, roles(st, attempt))
        elif c.dep_ == "prep" and st.lem(c) == "in":
            nouns = [n for n in c.children if n.dep_ == "pobj" and st.lem(n) in rules.purpose_nouns]
            if nouns:
                nr = noun_roles(st, nouns[0])
                for p in kids:  # "in protest at X" with "at" parsed on the verb
                    if p.dep_ == "prep" and p.i == nouns[0].i + 1 and st.lem(p) in rules.purpose_noun_preps:
                        nr.setdefault(st.lem(p), []).extend(o for o in p.children if o.dep_ == "pobj")
                got, tok = fill(st, rules.purpose_noun_preps, nr)
        got = [a for a in got if a not in d.sources]
        if d.code[:2] == st.c.consult_root:  # "opening up negotiations to form another government": no partner
            got = [a for a in got if a.code not in {x.code for x in d.sources}]
        if got:
            d.targets, d.ttok = got, tok
            break
    return True


def _attempt_clause(st: DocState, prep: Any) -> Any | None:
    """The infinitive of "in an attempt / a bid / an effort to VERB" under ``prep``, or ``None``."""
    for n in prep.children:
        if n.dep_ == "pobj" and st.lem(n) in st.w.attempt_nouns:
            for c in n.children:
                if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    return c
    return None


def threatened(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """A threat without a target ("threatened to punish X", "threatened to strike unless X withdraws"): whom
    its threatened action or its condition names."""
    if not d.targets and d.code[:2] == st.c.threaten_root:
        got, tok = threat_target(st, d.noun if d.noun is not None else d.trigger, None, d.sources)
        if got:
            d.targets, d.ttok = got, tok
    return True


def named_person(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "The court sentenced Barlet to 21 years", "Weinstein was convicted": a person the coder has no entry for,
    named as the one arrested, tried, convicted, expelled, abducted or released, is a civilian (of the one
    country of the sources, else of none) — an actor for the triple, not an uncoded name."""
    if d.targets or d.code not in st.c.person_target_codes and d.code[:3] not in st.c.person_target_codes:
        return True
    slots = dict.fromkeys(("obj", *d.frame.tgt))  # "Smith faces charges of fraud": the frame's target subject
    for o in [o for slot in slots for o in d.roles.get(slot, ()) if o.i != d.trigger.i]:
        if o.pos_ != "PROPN" or not o.text[:1].isupper() or st.idx.at(o.i) or st.lem(o) in st.w.time_words:
            continue
        if st.lem(o) in st.p.nouns:  # "Will Begin Investigation of ...": a title-case event noun, no name
            continue
        left = min([o.i, *[c.i for c in o.children if c.dep_ == "compound" and c.pos_ == "PROPN"]])
        countries = {a.country for a in d.sources if a.country}
        d.targets = [
            span_mention(
                o.doc[left : o.i + 1],
                o.i,
                kind="person",
                rule="events:named-person-target",
                country=countries.pop() if len(countries) == 1 else None,
                sectors=tuple(st.c.person_target_sectors),
            )
        ]
        d.ttok = o
        break
    return True


def uncoded_party(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "striking miners kept up their sit-in", "they were arrested": an uncoded group subject, else an unresolved
    pronoun subject or object, when the event has no actor; counted victims of a home armed group ("Niger bandits
    kill 75") or of police ("Kinshasa police charge dozens")."""
    if d.sources and not d.targets and d.ttok is not None:
        d.targets = home_victims(st, d.sources, d.ttok, d.code)
    if d.sources or d.targets:
        return True
    if d.stok is not None:
        d.sources = uncoded(st, d.stok)
    if d.sources or d.code[:2] not in st.c.pronoun_party_roots:
        return True
    if d.stok is not None:
        d.sources = uncoded_pronoun(st, d.stok)
    if not d.sources and d.ttok is not None:
        # "two of the suspects were arrested", "they were arrested", "seven were killed"
        d.targets = uncoded(st, d.ttok) or uncoded_pronoun(st, d.ttok) or uncoded_count(st, d.ttok)
    return True


def speaker_party(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Peru said the accord with Chile will be signed next week": an agentless passive of a cooperative act
    that a coded speaker reports has the speaker for its party (not "police said two men were arrested")."""
    v = d.trigger
    if (
        d.sources
        or d.code[:2] not in st.c.speaker_party_roots
        or not any(c.dep_ == "auxpass" for c in v.children)
        or any(c.dep_ == "agent" for c in v.children)
        or any(
            actors_at(st, c) or any(p.dep_ == "poss" for p in c.children) for c in v.children if c.dep_ == "nsubjpass"
        )
    ):
        return True  # "until their demands are met": the speaker's demands are met by someone else
    sp = in_reported_speech(v, st.m.speech)
    clause = v.head if v.dep_ == "conj" else v
    if sp is not None and clause.dep_ == "ccomp" and clause.head.i == sp.i:  # what is said, not a clause in it
        speakers, _ = fill(st, ("subj",), roles(st, sp))
        others = {a.country for a in d.targets}
        d.sources = [a for a in speakers if not a.country or a.country not in others]
    return True


def parties_from(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "officials from Seoul and Washington held a meeting": the countries a two-sided act's subject comes
    from are its parties."""
    if d.targets or not d.frame.recip or d.stok is None:
        return True
    own = {a.country for a in d.sources if a.country}
    extra: list[ActorMention] = []
    for p in d.stok.children:
        if p.dep_ == "prep" and st.lem(p) == "from":
            for t in p.children:
                if t.dep_ == "pobj":
                    extra += [a for a in actors_at(st, t) if a.country and a.country not in own and a not in extra]
    if extra:
        # a subject coded only from the context ("officials" of the sentence's country) is the parties it names
        guessed = all(a.rule in _CONTEXT_RULES or a.rule.startswith("memory") for a in d.sources)
        d.sources = extra if guessed else [*d.sources, *extra]
    return True


_CONTEXT_RULES = ("sentence-country", "role")


def reporter_subject(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "A CNN reporter who visited Kabul said ...": a visit or meeting whose subject is a news medium (marked as
    the reporter, so no actor of the event) is reporting, not a political event."""
    if d.sources or d.stok is None or d.code[:2] != st.c.consult_root:
        return True
    if media_only(st.idx.at(d.stok.i)):
        st.note(f"  {d.label} [{d.frame.rule}]: no event (a reporter's visit or meeting is reporting)")
        return False
    return True


def not_a_vote(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Voters Reject Referendum on Peace Process", "voters approved the new constitution": a people's vote on a
    ballot (``electorate_words``, ``ballot_nouns``) is an election or referendum result, no event."""
    subj = [c for c in d.trigger.children if c.dep_ == "nsubj" and st.lem(c) in st.w.electorate_words]
    if subj and any(st.lem(o) in st.w.ballot_nouns for o in d.roles.get("obj", ())):
        st.note(f"  {d.label} [{d.frame.rule}]: no event (a vote's result)")
        return False
    return True


def needs_target(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """Weak verbs ("help", "back", "supply") are coded only with a target actor (a reciprocal one also with two
    parties as its subject: "Eritrea and China worked together"); a threat issued that names the
    threatened act needs none ("militants issued a threat to restrict access to sea lanes"). Patterns marked
    ``need: src`` ("faced criticism from X") are coded only with a source actor."""
    named_act = d.noun is not None and any(
        c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in d.noun.children
    )
    if d.frame.need_src and not d.sources:
        st.note(f"  {d.label} [{d.frame.rule}]: no event (this pattern is coded only with a source actor)")
        return False
    mutual = d.frame.recip and len({a.code for a in d.sources}) >= 2  # "X and Y worked together": each other
    if d.frame.need_tgt and not d.targets and not mutual and not (named_act and d.code[:2] == st.c.threaten_root):
        d.targets, d.ttok = _named_target(st, d)  # "warned Gen. Khalil Ibrahim against running": a named party
        if not d.targets:
            st.note(f"  {d.label} [{d.frame.rule}]: no event (this verb is coded only with a target actor)")
            return False
    return True


def _named_target(st: DocState, d: VerbDraft) -> tuple[list[ActorMention], Any]:
    """An uncoded proper name in the frame's own target slot, as the target of verbal conflict
    (``named_target`` roots)."""
    if d.code[:2] not in st.c.named_target_roots:
        return [], None
    for slot in d.frame.tgt:
        for tok in d.roles.get(slot, ()):
            got = uncoded_name(st, tok)
            if got:
                return got, tok
    return [], None


def between(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """A reciprocal frame with "between X and Y": both parties are sources."""
    recip_toks = d.roles.get("between")
    if d.frame.recip and recip_toks:
        parties: list[ActorMention] = []
        for t in recip_toks:
            parties.extend(a for a in actors_at(st, t) if a not in parties)
        if len(parties) >= 2:
            d.sources, d.targets = parties, []
    return True


def foreign_envoys(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Madagascar expels dozens of diplomats": envoys a state expels or cuts ties with are another country's; the
    sentence's country the actor coder gave them (the state's own) is no target."""
    if d.code != st.c.expelled_envoys:
        return True
    own = {a.country for a in d.sources if a.country}
    d.targets = [a for a in d.targets if not (a.rule == "sentence-country" and a.country in own)]
    return True
