"""Sub-step of a verb (``verbs.py``): parties named by reference — an event noun the story told before ("Museveni
welcomed the visit": the visitor), a decision of the other clause's subject in a headline ("Japan to release
Fukushima water, China slams plan": Japan), the party of a conjoined clause ("Iran slams US sanctions, threatens
retaliation": the US), the parties of a deal a third party mediated ("Israel and Hamas reached a ceasefire
mediated by Egypt": Egypt mediated between them), the country an arrival the act is the purpose of was in ("a team
from Moscow arrived in Bahrain to begin cooperation": Bahrain), the reporter owning "its" positions ("Azerbaijan
said Armenian forces shelled its positions"), and the court a passive verdict implies ("was sentenced in Tehran").

READS: the verb's draft (code, sources, object), the story's earlier events (``DocState.earlier``), the decision
nouns, hosting, deal, arrival and sentencing verbs and owner pronouns (``words.yaml``), the reaction roots, codes
and sector groups (``codes.yaml``).
ADDS: ``d.targets`` when the verb had none; ``d.sources`` (a court mention) for a passive verdict with no agent.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...mentions import ActorMention
from .. import modality as _mod
from ..actors import actors_at, span_mention
from ..grammar import NOUN_POS, VERB_POS, after_open_quote
from ..headline_verbs import headline_sentence
from ..state import DocState, GovernorDraft, SentenceWork, VerbDraft


def earlier_agent(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Museveni welcomed the visit", "Kyiv condemned the attack": praise, criticism or a rejection of a definite
    event noun with no party of its own is aimed at the agent of the story's latest event of that kind (of
    another country than the speaker)."""
    reaction = d.code[:2] in st.c.referring_reaction_roots or d.code in st.c.referring_praise_codes
    if d.targets or not d.sources or not reaction:
        return True
    for o in d.roles.get("obj", ()):
        decision = st.lem(o) in st.w.decision_nouns or _quoted(o)
        if decision and headline_sentence(o) and not any(actors_at(st, t) for t in o.subtree):
            # "Japan to release Fukushima water, China slams plan", "Togo president declares win, opponent slams
            # 'masquerade'": the other clause's subject
            d.targets = _other_clause_subject(st, d)
            if d.targets:
                return True
        if not refers_back(st, o):
            continue
        d.targets = earlier_agents(st, o, d.sources)
        if d.targets:
            st.note(f"  {d.label}: '{o.text}' refers back to the story's event by {d.targets[0].text}")
        return True
    return True


def earlier_agents(st: DocState, n: Any, sources: list[ActorMention]) -> list[ActorMention]:
    """The agents of the story's latest event of the kind the noun ``n`` names (any of its frames' roots: "the
    strike", air or labour), of another country than ``sources``."""
    roots = dict.fromkeys(f.code[:2] for f in st.p.nouns.get(st.lem(n), ()))
    made = next((st.earlier[r][0] for r in roots if r in st.earlier), [])
    own = {a.country for a in sources if a.country}
    return [a for a in made if a.country and a.country not in own]


def _other_clause_subject(st: DocState, d: VerbDraft) -> list[ActorMention]:
    """The coded subject of the clause joined to the verb's (its advcl, conj or parataxis, or the clause it is one
    of), another party than the verb's sources."""
    v = d.trigger
    # (a clause before it that the parser made its content: "Georgia's ruling party sweeps vote, opposition slams")
    near = [
        c
        for c in v.children
        if (c.dep_ in ("advcl", "conj", "parataxis") or (c.dep_ == "ccomp" and c.i < v.i)) and c.pos_ in VERB_POS
    ]
    near += [v.head] if v.dep_ in ("advcl", "conj", "parataxis") and v.head.i != v.i else []
    own = {a.code for a in d.sources}
    for u in near:
        subj = [a for c in u.children if c.dep_ == "nsubj" for a in actors_at(st, c)]
        if subj and all(a.country and a.code not in own for a in subj):  # "..., opponent slams": at home too
            return subj
    return []


def _quoted(n: Any) -> bool:
    """ "slams 'masquerade'": a noun phrase in quotes (a word the speaker used)."""
    return after_open_quote(n.doc, n.left_edge.i)


def refers_back(st: DocState, n: Any) -> bool:
    """ "the accusation", "this visit": an event noun with a definite determiner and no party of its own."""
    if n.pos_ not in NOUN_POS or st.lem(n) not in st.p.nouns:
        return False
    if not any(c.dep_ == "det" and st.lem(c) in _DEFINITE for c in n.children):
        return False
    return not any(actors_at(st, t) for t in n.subtree if t.i != n.i)


_DEFINITE = frozenset({"the", "this", "these", "that", "those"})


def conjunct_target(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Iran slams US sanctions, threatens retaliation", "Samoa accuses Lesotho of trade violations, vows WTO
    case": words or a threat with no party of their own, in a clause conjoined to one whose object names a party
    of another country, are aimed at that party (``conjunct_target`` roots); force against a crowd with no target
    of its own is aimed at the street people the conjoined clause's object names (``street`` sectors)."""
    if not d.targets and d.sources and d.code[:2] in st.c.conjunct_target_roots:
        d.targets = conjoined_object(st, d.trigger, d.sources)
    if not d.targets and d.sources and d.code == st.c.violent_repression:
        # "police chased the protesters away and fired tear gas": at the crowd of the conjoined clause
        crowd = [a for o in _crowd_objects(d.trigger) for a in actors_at(st, o) if a not in d.sources]
        d.targets = [a for a in crowd if st.c.street_sectors & {*a.sectors}]
    return True


def conjunct_targets(st: DocState, d: GovernorDraft) -> bool:
    """The same for a governing word's event ("China condemns Japan over island visit, demands apology")."""
    if not d.targets and d.sources and d.code[:2] in st.c.conjunct_target_roots:
        d.targets = conjoined_object(st, d.gov, d.sources)
    return True


def conjoined_object(st: DocState, v: Any, sources: list[ActorMention]) -> list[ActorMention]:
    """The parties of another country than ``sources`` that the object of the verb ``v`` is conjoined to names,
    when ``v`` has no subject of its own (the two clauses share it)."""
    own = {a.country for a in sources if a.country}
    return [a for o in _conjoined_objects(v) for a in actors_at(st, o) if a.country and own and a.country not in own]


def _conjoined_objects(v: Any) -> list[Any]:
    """The direct objects of the verb that verb ``v`` is conjoined to, when ``v`` has no subject of its own."""
    if v.dep_ != "conj" or v.head.pos_ not in VERB_POS or _own_subject(v):
        return []
    return [c for c in v.head.children if c.dep_ == "dobj"]


def _crowd_objects(v: Any) -> list[Any]:
    """The objects (direct, or after "with", "at", "against") of the verbs conjoined to verb ``v`` on either side
    that share its subject ("chased the protesters and fired tear gas", "fired tear gas and clashed with them")."""
    verbs = [c for c in v.children if c.dep_ == "conj" and c.pos_ in VERB_POS and not _own_subject(c)]
    if v.dep_ == "conj" and v.head.pos_ in VERB_POS and not _own_subject(v):
        verbs.append(v.head)
    out = []
    for c in (c for x in verbs for c in x.children):
        if c.dep_ == "dobj":
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in _AT_CROWD:
            out += [o for o in c.children if o.dep_ == "pobj"]
    return out


def _own_subject(v: Any) -> bool:
    return any(c.dep_.startswith("nsubj") for c in v.children)


_AT_CROWD = frozenset({"with", "at", "against"})


def mediated_parties(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Israel and Hamas reached a ceasefire mediated by Egypt", "the rivals signed a deal brokered by Qatar": a
    third party's mediating participle (``hosting_verbs``) on the object of a verb making the deal (``deal_verbs``)
    is aimed at that verb's subjects, the parties of the deal."""
    v = d.trigger
    if d.targets or not d.sources or v.dep_ != "acl" or st.lem(v) not in st.w.hosting_verbs:
        return True
    n = v.head
    if n.dep_ != "dobj" or n.head.pos_ not in VERB_POS or st.lem(n.head) not in st.w.deal_verbs:
        return True
    subj = [c for c in n.head.children if c.dep_ == "nsubj"]
    own = {b.code for b in d.sources}
    parties: list[ActorMention] = []
    for a in (a for x in subj for a in actors_at(st, x)):
        if a.code not in own and a not in parties:
            parties.append(a)
    if parties:
        d.targets, d.ttok = parties, subj[0]
    return True


def arrival_purpose(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "A team from Moscow arrived in Bahrain to begin cooperation", "the envoy visited Kabul to hold talks": the
    act an arrival (``arrival_verbs``) is for is aimed at the country arrived in, when it is not the doer's own."""
    v = d.trigger
    if d.targets or not d.sources or v.dep_ not in ("advcl", "xcomp") or st.lem(v.head) not in st.w.arrival_verbs:
        return True
    if not any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children):
        return True
    own = {a.country for a in d.sources}
    preps = [c for c in v.head.children if c.dep_ == "prep" and st.lem(c) in st.w.place_target_preps]
    places = [c for c in v.head.children if c.dep_ == "dobj"]  # "visited Kabul"
    places += [p for c in preps for p in c.children if p.dep_ == "pobj"]  # "arrived in Bahrain"
    got = [a for p in places for a in actors_at(st, p) if a.country and a.country not in own and not a.sectors]
    if got:
        d.targets, d.ttok = got[:1], places[0]
    return True


def implied_court(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Weinstein was found guilty of rape", "an Australian writer was sentenced to death in Beijing": a verdict
    or sentence in the passive with no agent (``sentencing_verbs``) was passed by a court (``court`` sectors) of the
    place the clause names, else of the country of everyone sentenced; the mention is the place, or the verb."""
    v = d.trigger
    if d.sources or not d.targets or st.lem(v) not in st.w.sentencing_verbs:
        return True
    if v.tag_ == "VBN" and (named := _court_named(st, v)):  # "convicted of war crimes at the ICC"
        d.sources = [named]
        d.rule += "/court-named"
        return True
    if not any(c.dep_ == "auxpass" for c in v.children) or any(c.dep_ == "agent" for c in v.children):
        return True
    if v.dep_ in ("relcl", "acl"):  # "deported to Congo, where he was convicted of ...": a description
        return True
    subj = {t.i for c in v.children if c.dep_ == "nsubjpass" for t in c.subtree}  # not "a writer in Paris"
    preps = [c for c in v.subtree if c.dep_ == "prep" and st.lem(c) in st.w.location_preps and c.i not in subj]
    where = [p for c in preps for p in c.children if p.dep_ == "pobj"]  # "convicted of spying in Tehran"
    places = [(p, a) for p in where for a in actors_at(st, p) if a.country and not a.sectors]
    convicted = {a.country for a in d.targets}
    if places:
        tok, country = places[0][0], places[0][1].country
    elif len(convicted) == 1 and None not in convicted:
        tok, country = v, next(iter(convicted))
    else:
        return True
    court, words = tuple(sorted(st.c.court_sectors)), v.doc[tok.i : tok.i + 1]
    implied = span_mention(words, tok.i, kind="organization", rule="events:implied-court", country=country)
    d.sources = [replace(implied, sectors=court)]
    d.rule += "/implied-court"
    return True


def _court_named(st: DocState, v: Any) -> ActorMention | None:
    """The court a verdict was passed at or before ("at the International Criminal Court", "before a UN tribunal",
    "in a Kenyan court"): a court actor in the verb's own place phrase, or in that of what it was for ("convicted of
    war crimes at the ICC", as the parser often hangs it)."""
    for c in v.children:
        if c.dep_ != "prep":
            continue
        for p in (p for p in c.children if p.dep_ == "pobj"):
            heads = [p] if st.lem(c) in st.w.location_preps or st.lem(c) == "before" else []
            if st.lem(c) == "of":
                heads = [
                    q for x in p.children if x.dep_ == "prep" and st.lem(x) in ("at", "before") for q in x.children
                ]
            for a in (a for h in heads if h.dep_ == "pobj" for a in actors_at(st, h)):
                if st.c.court_sectors & set(a.sectors):
                    return a
    return None


def owner_speaker(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Azerbaijan said Armenian forces shelled its positions", "Israel said Hezbollah fired rockets at its towns":
    violence with no target on what "its" or "their" owns (``owner_pronouns``), in a clause reported by a party of
    another country than the attacker's, is aimed at that party."""
    if d.targets or not d.sources or d.code[:2] not in st.c.violent_roots:
        return True
    hit = [o for k in ("obj", "at", "on", "against") for o in d.roles.get(k, ())]
    if not any(c.dep_ == "poss" and c.lower_ in st.w.owner_pronouns for o in hit for c in o.children):
        return True
    say = _mod.in_reported_speech(d.trigger, st.m.speech)
    own = {a.country for a in d.sources}
    subj = [c for c in say.children if c.dep_ == "nsubj"] if say is not None else []
    speaker = [a for c in subj for a in actors_at(st, c) if a.country and a.country not in own]
    if speaker:
        d.targets, d.ttok = speaker[:1], subj[0]
    return True
