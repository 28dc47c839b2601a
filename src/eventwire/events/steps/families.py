"""Step 2 — governing words: a verb, adjective or noun of a ``modality.yaml`` family (intent, appeal, demand, reject,
threaten) with an event complement ("plans to visit", "refused to meet", "is ready to withdraw", "called for talks",
"demanded that X release ...", "warned it would impose sanctions"). The complement's code is mapped to the family's
code and the complement is not coded again. Families nest ("refused to commit to aid" → reject aid).

READS: ``s.triggers``, the modality families, the complement (``complements.py``), the governors (negation,
modality, questions, reported speech and obligations: ``governors.py``), the actors (``actors.py``), the
false-friend guards and the adjustments (orders to one's own forces, administrative sanctions, visits).
ADDS: candidates to ``s.cands``; the governing word and its complement to ``s.consumed``, the complement to
``s.governed``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...mentions import ActorMention
from .. import modality as _mod
from ..actors import actors_at, authors, exchange_party, fill, uncoded
from ..adjustments import inner_target, ordered_action, threat_target, visit_abroad
from ..emit import emit, main_conf
from ..frames import Family, Frame
from ..governors import blocked, obligation, reported
from ..grammar import GOV_POS, NOUN_POS, VERB_POS
from ..headline_verbs import governed_verb
from ..match import match_verb
from ..roles import noun_roles, roles, subject_roles
from ..state import Candidate, DocState, GovernorDraft, SentenceWork
from ..subjects import gerund_activity
from ..tables import load_complement_rules
from .complements import bare_conjuncts, complement, other_subject, owners_between
from .family_gates import (
    abandoned_plan,
    ceased_force,
    disaster_advice,
    kept_open,
    not_a_manner,
    not_a_question,
    not_anonymity,
    not_asserted_claim,
    not_convened,
    not_false_friend,
    not_quoted_command,
    not_ruled_out,
    raised_possibility,
)
from .verb_places import foreign_place, governed_protest_target
from .verb_references import conjunct_targets, earlier_agents, refers_back

READS: tuple[str, ...] = ("triggers",)
ADDS: tuple[str, ...] = ("cands", "consumed", "governed")


def run(st: DocState, s: SentenceWork) -> None:
    """Code every governing word among the triggers ("in order to protest" is a purpose, not an order)."""
    for t in s.triggers:
        if (
            (t.pos_ in GOV_POS or t.pos_ in NOUN_POS)
            and st.lem(t) in st.m.by_lemma
            and (t.pos_ == "ADJ" or st.lem(t) not in st.m.by_lemma[st.lem(t)].adjectives)  # not the verb "open"
            and t.i not in s.consumed
            and not (t.dep_ == "pobj" and t.head.lower_ == "in" and t.lower_ == "order")
            and not _phone_call(st, t)
            and (not_ruled_out(st, t) if st.m.by_lemma[st.lem(t)].name == "unruled" else not _phrasal(st, t))
            and not gerund_activity(st, t)  # a governing gerund after a preposition (as for a verb: verbs.py)
            and not (t.pos_ in NOUN_POS and st.lem(t) in st.media)  # "told the press that ...": the media
        ):
            code_governor(st, s, t, st.m.by_lemma[st.lem(t)])


def _phrasal(st: DocState, t: Any) -> bool:
    """ "called off the talks", "pushed back the rebels": a particle (``ungoverning_particles``) makes the verb
    another verb; so does one the parser read as a preposition when a phrasal frame with it fits ("called in
    the army")."""
    if t.pos_ not in VERB_POS or not any(st.lem(c) in st.w.ungoverning_particles for c in t.children):
        return False
    if any(c.dep_ == "prt" and st.lem(c) in st.w.ungoverning_particles for c in t.children):
        return True
    m = match_verb(st, t)
    return m is not None and m[0].prt in st.w.ungoverning_particles


def _phone_call(st: DocState, t: Any) -> bool:
    """ "Macron called Putin to discuss the grain deal": a call to a named person, not "called on X to ..."."""
    return (
        t.pos_ in VERB_POS
        and st.lem(t) in st.w.telephone_verbs
        and not any(
            c.dep_ in ("prep", "prt")
            and st.lem(c) in ("on", "upon", "for")
            and not any(st.lem(p) in st.w.time_words for p in c.children)  # "called Putin on Friday"
            for c in t.children
        )
        and any(c.dep_ == "dobj" and any(m.kind == "person" for m in st.idx.at(c.i)) for c in t.children)
    )


def code_governor(st: DocState, s: SentenceWork, g: Any, fam: Family) -> None:
    """The family's event for governing word ``g``: complement, then the sub-steps, then emit."""
    comp = complement(st, g, fam, s.consumed)
    if comp is None:
        return
    s.consumed.add(comp.tok.i)
    s.governed.add(comp.tok.i)
    s.consumed.add(g.i)
    for c in bare_conjuncts(g):  # "threatened to kill us, kill our children": the list of what is threatened
        s.consumed.add(c.i)
        s.governed.add(c.i)
    d = GovernorDraft(g, fam, comp, label=f"{fam.name} '{g.text}' + '{comp.tok.text}'")
    for step in GOVERNOR_STEPS:
        if not step(st, d):
            if d.release:  # the governing verb's own frames may still code it
                s.consumed.discard(g.i)
            return
    frame = comp.frame or Frame(code=d.code, lemma=st.lem(g), kind="verb", rule=d.rule)
    recip = bool(comp.frame and comp.frame.recip and (d.fam.name == "intent" or d.fam.keep))
    emit(
        st,
        Candidate(
            frame,
            d.code,
            g,
            d.rule,
            d.sources,
            d.targets,
            d.modality,
            main_conf(g, 0.75),
            recip=recip,
            complement=comp.tok,
        ),
        d.label,
        s.cands,
    )


def not_blocked(st: DocState, d: GovernorDraft) -> bool:
    """No event when the governing word is negated or hypothetical (unless it states a reported obligation:
    "X announced that Y must agree to ..."), or its complement is negated."""
    why = None if d.kept_open or d.abandoned else blocked(st, d.gov)  # "did not rule out X": kept open
    g = d.gov
    on_verb = g.head.pos_ in VERB_POS and not d.abandoned  # "dropped plans to ...": the verb gives the plan up
    if not why and g.pos_ in NOUN_POS and g.dep_ in ("dobj", "nsubjpass") and on_verb:
        why = blocked(st, g.head)  # "did not repeat Abe's offer for talks": the offer's verb is negated
    if why and why.startswith("modal") and obligation(st, d.gov) is not None:
        why = None
    if why == _mod.CONDITIONAL_MAIN and d.fam.name in ("threaten", "intent"):
        # "threatened a strike if no deal is reached": a threat is conditional by nature; "promised to renew
        # the bombing campaign if talks fail": a conditional promise of a hostile act is a threat (CAMEO)
        base = d.comp.special or d.comp.base or (d.comp.frame.code if d.comp.frame else "")
        if d.fam.name == "intent" and base[:2] not in st.c.cooperative_roots and "threaten" in st.m.families:
            d.fam = st.m.families["threaten"]
        st.note(f"  {d.label}: a conditional {d.fam.name}")
        why = None
    if not why:
        for c in d.comp.tok.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and st.lem(c) in st.m.negations):
                why = f"complement negated by '{c.text}'"
        wish = d.fam.name == "intent" and st.lem(d.gov) in st.w.want_verbs and other_subject(st, d.gov, d.comp.tok)
        advice = st.lem(d.gov) in st.w.advisory_verbs  # "advised citizens not to travel": an advisory
        if why and (d.fam.name in ("appeal", "demand") or wish) and d.comp.tok.pos_ in VERB_POS and not advice:
            # "appealed to X not to extradite him", "demanded that Y not interfere": still an appeal or a
            # demand, to refrain, coded with the family's own code
            st.note(f"  {d.label}: an {d.fam.name} to refrain ({why})")
            d.refrain, why = True, None
    if why:
        st.note(f"  {d.label}: no event ({why})")
        return False
    return True


def source_roles(st: DocState, d: GovernorDraft) -> bool:
    """The roles giving the source: the governing word's subject; for a noun ("Russia's decision to ...")
    its possessor, or the support verb's subject ("renewed its demand that ..."); "X faces pressure from Y
    to ...": Y asks X."""
    g, fam = d.gov, d.fam
    d.groles = subject_roles(st, g, stative=fam.name not in ("appeal", "demand"))
    if g.pos_ in NOUN_POS and g.head.i != g.i:
        nr = noun_roles(st, g)
        own = [t for k in ("poss", "compound", "amod") for t in nr.get(k, []) if actors_at(st, t)]
        support = g.head.head if g.dep_ == "pobj" and g.head.head.i != g.head.i else g.head
        clause_any = fam.name in load_complement_rules().clause_any
        if not own and not clause_any:  # "criticised the decision by Washington to withdraw": Washington's;
            # "welcomed an offer from Ethiopia to mediate": Ethiopia's
            own = [t for k in ("by", "from") for t in nr.get(k, []) if actors_at(st, t)]
        if not own and not clause_any and st.lem(support) in st.stances:
            st.note(f"  {fam.name} '{g.text}': no event (no one's {g.text} but a stance on it by '{support.text}')")
            return False  # "Hungary backed the plan to lift sanctions": not Hungary's plan
        if not own and clause_any:
            # "X faces pressure from Y to ...", "came under demands by Y that ...": Y asks X
            own = [t for k in ("from", "by") for t in nr.get(k, []) if actors_at(st, t)]
            if own:
                d.received = roles(st, support).get("subj", [])
            elif st.lem(support) in st.responses:
                # "accepted an invitation to visit X", "rejected calls to resign": the subject answers
                # an appeal made by someone else (the support verb's own event codes the answer)
                st.note(
                    f"  {fam.name} '{g.text}': no event (an appeal answered by "
                    f"'{support.text}', not made by its subject)"
                )
                return False
        if own and st.lem(support) in st.responses:  # "Kenya accepted Ethiopia's invitation": Kenya was invited
            d.answered = roles(st, support).get("subj", [])
        d.groles = {**d.groles, "subj": own or roles(st, support).get("subj", [])}
    return True


def sources(st: DocState, d: GovernorDraft) -> bool:
    """The sources; an intent about another actor's action is a prediction ("expects Y to cut rates": no
    event) or, for a wish ("X wants Y to pay"), an appeal from X to Y."""
    g, comp = d.gov, d.comp
    d.sources, d.stok = fill(st, ("subj",), d.groles)
    subj = d.groles.get("subj") or []
    if not d.sources and subj and subj[0].pos_ in NOUN_POS and st.g.impersonal(subj[0]):
        # "the conflict has pushed 300,000 people to seek refuge", "the spread has threatened to ...": no one
        st.note(f"  {d.label}: no event (an impersonal subject '{subj[0].text}' asks or threatens no one)")
        return False
    if not d.sources and st.lem(g) in st.w.rule_verbs:
        st.note(f"  {d.label}: no event (what a rule requires, no one's demand)")
        return False
    hostile = (comp.base or "")[:2] not in st.c.cooperative_roots  # not "preparing for a visit by X": X visits it
    if d.fam.name in _OWN_ACT_FAMILIES and comp.tok.pos_ in NOUN_POS and d.sources and hostile:
        by = [a for t in noun_roles(st, comp.tok).get("by", ()) for a in actors_at(st, t)]
        same = [
            a
            for a in by
            for m in d.sources
            if a.code == m.code or (a.country == m.country and not (a.sectors and m.sectors))
        ]
        if by and not same:  # "could not rule out attacks by militants" (the army's own country's militants too)
            st.note(f"  {d.label}: no event (an act by another party, '{by[0].text}': no intent of the subject's)")
            return False
    other = other_subject(st, g, comp.tok) if d.fam.name == "intent" else None
    if other is not None:
        others = [a for a in actors_at(st, other) if a not in d.sources]
        mine = {a.country or a.code for a in d.sources}
        if others and not d.sources and st.lem(g) in st.w.forecast_words and _passive(g):
            d.sources = others  # "the summit is expected to see Iran and Iraq sign a deal": their planned act
        elif others and not any((a.country or a.code) in mine for a in others):
            if st.lem(g) not in st.w.want_verbs or "appeal" not in st.m.families:
                st.note(f"  {d.label}: no event (a prediction or hope about another actor's action)")
                return False
            d.fam, d.targets = st.m.families["appeal"], others  # "X wants Y to pay": X appeals to Y
            d.label = f"appeal '{g.text}' + '{comp.tok.text}'"
    return True


_OWN_ACT_FAMILIES = ("intent", "unruled", "possibility")  # the subject's own act: planned, kept open, raised


def reported_obligation(st: DocState, d: GovernorDraft) -> bool:
    """ "X said Norway should help broker a truce": X appeals to Norway."""
    oblig = obligation(st, d.gov)
    if oblig is not None:
        fam_o, speaker = oblig
        d.targets = d.sources
        d.sources, _ = fill(st, ("subj",), roles(st, speaker))
        d.fam = fam_o
    return True


def own_effort(st: DocState, d: GovernorDraft) -> bool:
    """ "Washington has been pushing to improve relations with Taiwan": a verb of pressing with a to-clause and no
    one pressed (``striving_verbs``) is the subject's own effort, coded as its intent, not an appeal."""
    g = d.gov
    if (
        d.fam.name == "appeal"
        and st.lem(g) in st.w.striving_verbs
        and d.comp.tok.dep_ in ("xcomp", "advcl")
        and not any(c.dep_ in ("dobj", "dative", "nsubjpass", "auxpass") for c in g.children)  # not "X was pressed"
        and not any(c.dep_ == "nsubj" or st.lem(c) == "for" for c in d.comp.tok.children)  # "for X to return"
        and not any(p.dep_ == "prep" and st.lem(p) == "for" and p.i < d.comp.tok.i for p in g.children)
        and "intent" in st.m.families
    ):
        d.fam = st.m.families["intent"]
        d.label = f"intent '{g.text}' + '{d.comp.tok.text}'"
    return True


def _passive(g: Any) -> bool:
    """ "was expected to", "is likely to": the governor reports someone else's view, not its subject's plan."""
    return g.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in g.children)


def not_forecast(st: DocState, d: GovernorDraft) -> bool:
    """No event for someone else's forecast of a hostile or unfriendly act ("protesters were expected to clash with
    police", "the two sides are almost certain to call off the talks"): a passive or adjectival governor of
    ``forecast_words`` reports no intent of the actors; a planned cooperative act keeps its intent ("the envoy is
    expected to visit Kabul": 036)."""
    g = d.gov
    if d.fam.name != "intent" or st.lem(g) not in st.w.forecast_words or d.refrain:
        return True
    if not _passive(g):
        return True
    base = d.comp.special or d.comp.base or d.fam.default
    if base[:2] in st.c.cooperative_roots:
        return True
    st.note(f"  {d.label}: no event (a forecast of '{d.comp.tok.text}', not its actors' intent)")
    return False


def family_code(st: DocState, d: GovernorDraft) -> bool:
    """The code: the special pair's, else the complement's code mapped through the family."""
    comp = d.comp
    d.code = d.fam.default if d.refrain else comp.special or st.m.family_code(d.fam, comp.base or d.fam.default)
    d.rule = f"modality.yaml:{d.fam.name}:{st.lem(d.gov)}+{comp.rule}"
    return True


def targets(st: DocState, d: GovernorDraft) -> bool:
    """The targets, from the first place that has any: the threatened of a demanded threat, the asker of a
    received demand, the subject of a demanded clause, the addressee, the complement's own target."""
    comp, fam = d.comp, d.fam
    clause_any = load_complement_rules().clause_any
    if d.code[:2] == st.c.threaten_root and fam.name in clause_any and comp.frame is not None:
        # "called for sanctions against X", "urged the UN to strike Y": hostile to the complement's target
        t2, _ = fill(st, comp.frame.tgt, comp.roles)
        if t2 and all(a.rule == "sentence-country" for a in t2) and fill(st, fam.addressee, d.groles)[0]:
            # "India told Canada to withdraw diplomats": the addressee's own people, a demand made to it
            d.code, t2 = fam.default, []
        if t2:
            d.targets = t2
    if not d.targets and d.received:
        d.targets, _ = fill(st, ("subj",), {"subj": d.received})
    if not d.targets and fam.name == "reject":  # "rejected Egypt's call for talks": the one who called
        d.targets = [a for a in owners_between(st, d.gov, comp.tok) if a not in d.sources]
    governed = governed_verb(st, d.gov)  # "Sweden demands China release bookseller X": the parse hides the clause
    if (
        not d.targets
        and fam.name in clause_any
        and (_own_subject(comp.tok) or (governed is not None and governed.i == comp.tok.i))
    ):
        d.targets, _ = fill(st, ("subj",), roles(st, comp.tok))  # "demanded that Israel withdraw"
    if not d.targets and fam.name in clause_any and comp.tok.dep_ in ("advcl", "xcomp"):
        # "called for Caracas to free ...", parsed with "Caracas" as the object of "for"
        fors = [
            o
            for p in d.gov.children
            if p.dep_ == "prep" and st.lem(p) == "for" and p.i < comp.tok.i
            for o in p.children
            if o.dep_ == "pobj"
        ]
        d.targets, _ = fill(st, ("subj",), {"subj": fors})
    if not d.targets:
        d.targets, _ = fill(st, fam.addressee, d.groles)
    if not d.targets and fam.name in clause_any and comp.frame is not None and comp.tok.pos_ in NOUN_POS:
        # "called for the withdrawal of Syrian forces from Lebanon", "demanded a Russian apology": who is
        # asked is who would act, the event noun's own source
        d.targets, _ = fill(st, comp.frame.src, comp.roles)
        d.targets = [t for t in d.targets if t not in d.sources]
    if not d.targets and comp.frame is not None:
        d.targets, _ = fill(st, comp.frame.tgt, comp.roles)
        held = next((comp.roles[s] for s in comp.frame.tgt if comp.roles.get(s)), comp.roles.get("obj", []))
        if not d.targets and d.sources and held and held[0].pos_ == "NOUN" and comp.tok.pos_ in VERB_POS:
            # "plans to sign an accord with X", "wants to inspect sites in X", "threatened to pull out of the
            # agreement with X": the object (or the target phrase) names whom it concerns
            d.targets, _ = inner_target(st, held[0], comp.base or comp.frame.code)
    if not d.targets and comp.frame is not None and comp.tok.pos_ in NOUN_POS:
        # "declines humanitarian assistance to Western Sahara": the noun's target phrase hung on the governing verb
        preps = [x for x in comp.frame.tgt if x not in ("obj", "subj", "iobj", "poss", "of")]
        d.targets = [a for a in fill(st, preps, d.groles)[0] if a not in d.sources]
    if not d.targets and comp.tok.pos_ in NOUN_POS:
        # "demanded Israel's withdrawal", "rejected accusations by X", "rejected an Australian ultimatum"
        d.targets, _ = fill(st, ("poss", "by", "from", "amod", "compound"), comp.roles)
        if not d.targets and d.sources:  # "rejected the accusations made by the UN"
            d.targets = authors(st, comp.tok)
    d.targets = [t for t in d.targets if t not in d.sources]
    if not d.targets and d.sources and d.code[:2] in st.c.cooperative_roots:
        d.targets = exchange_party(st, [d.gov, comp.tok], d.sources)  # "agreed to disarm in return for X's ..."
    if not d.targets and fam.name in clause_any and comp.tok.pos_ in NOUN_POS:
        d.targets = _asked_place(st, d)
    if not d.targets and d.sources and comp.frame is not None and comp.frame.violent:
        # "plans (threatened) a military operation in northern Syria": a place abroad is the target
        d.targets, _ = foreign_place(st, comp.roles, d.sources)
    if not d.targets and d.code[:2] == st.c.threaten_root:  # "threatened to strike unless X rescinds ..."
        d.targets, _ = threat_target(st, d.gov, comp.tok, d.sources)
    if (comp.base or "")[:2] == st.c.force_posture_root:  # "plans to send troops to the region": not at its own
        own = {a.country for a in d.sources if a.country}
        d.targets = [
            t for t in d.targets if not ((not t.country or t.country in own) and set(t.sectors) & st.c.force_sectors)
        ]
    if not d.targets and d.sources and fam.name == "reject" and refers_back(st, comp.tok):
        # "Cairo accused Addis Ababa of stalling. Ethiopia rejected the accusation": the one who made it
        d.targets = earlier_agents(st, comp.tok, d.sources)
    if not d.targets and d.answered:  # "Kenya accepted Ethiopia's invitation to attend the summit": Kenya
        d.targets = [a for a in fill(st, ("subj",), {"subj": d.answered})[0] if a not in d.sources]
    if not d.sources and not d.targets and d.stok is not None:
        d.sources = uncoded(st, d.stok)  # "Sunni leaders demanded that ..."
    return True


def _own_subject(x: Any) -> bool:
    """A complement clause with its own subject: "demanded that Israel withdraw", "called for Burma to
    institute reforms" (an infinitive with "for" and a subject)."""
    if x.dep_ in ("ccomp", "acl"):
        return True
    return x.dep_ == "advcl" and any(c.dep_ == "nsubj" for c in x.children)


def departure_order(st: DocState, d: GovernorDraft) -> bool:
    """ "ordered the French ambassador to leave the country", "asked the UN mission to leave": an order or a request
    to another party's envoys, inspectors, peacekeepers or mission to leave is their expulsion (161, 1662,
    1661, 166: ``codes.yaml``), not a demand; the people ordered out stay the target."""
    if d.refrain or d.fam.name not in _ORDERS or st.lem(d.comp.tok) not in st.w.departure_verbs:
        return True
    left = [c for c in d.comp.tok.children if c.dep_ == "dobj"]
    if any(not st.idx.at(c.i) and st.lem(c) not in st.w.state_nouns for c in left):
        return True  # "told to leave his post": a post left, not a country ("to leave Russia", "the country")
    heads = {st.lem(t) for t in d.groles.get("obj", ())}
    cls = st.p.classes
    for group, code in (
        ("envoys", st.c.expelled_envoys),
        ("inspectors", st.c.expelled_inspectors),
        ("peacekeepers", st.c.expelled_peacekeepers),
        ("diplomat", st.c.expelled_mission),
        ("organisation", st.c.expelled_mission),
    ):
        if heads & cls.get(group, frozenset()) and d.targets:
            d.code, d.rule = code, f"{d.rule}/expulsion:@{group}"
            return True
    return True


_ORDERS = ("demand", "appeal")  # the families of "ordered / told / asked X to leave"


def complement_needs_target(st: DocState, d: GovernorDraft) -> bool:
    """A complement coded only with a target actor has a common-noun object and no target ("plans to release
    treated water"): no event, as for the verb alone (an unknown name may still be an actor: kept)."""
    f = d.comp.frame
    objs = d.comp.roles.get("obj", [])
    if f is not None and f.need_tgt and not d.targets and d.comp.special is None and objs and objs[0].pos_ == "NOUN":
        st.note(f"  {d.label} [{f.rule}]: no event (the complement is coded only with a target actor)")
        return False
    return True


def modality(st: DocState, d: GovernorDraft) -> bool:
    """The family's modality; an asserted one in reported speech is reported, a future one intended ("said he
    would ask the State Department to review ...": no appeal made yet)."""
    d.modality = d.fam.modality
    if d.modality == "asserted" and d.gov.pos_ in VERB_POS and _mod.future(d.gov, st.m):
        if not d.sources and any(c.dep_ == "auxpass" for c in d.gov.children):
            st.note(f"  {d.label}: no event (a future passive with no one asking: a forecast)")
            return False  # "bets that the Fed will be pressed to cut rates"
        d.modality = "intended"
        if d.fam.name in load_complement_rules().act_families and "intent" in st.m.families:
            d.code = st.m.family_code(st.m.families["intent"], d.code)  # "will halt the bombing": an intent
    elif d.modality == "asserted" and reported(st, d.gov):
        d.modality = "reported"
    return True


def _asked_place(st: DocState, d: GovernorDraft) -> list[ActorMention]:
    """ "called for a ceasefire in Liberia", "demanded political changes in Saudi Arabia": the place asked;
    "called for an inquiry into the killings in Tigray": the place of what is to be investigated."""
    inner = [x for u in d.comp.roles.get("into", ()) for x in noun_roles(st, u).get("in", ())]
    places = [*d.comp.roles.get("in", ()), *inner]
    return [a for t in places for a in st.idx.at(t.i) if a.country and a not in d.sources]


# The governing word's journey after its complement is found; a sub-step returning False ends it (no event).
GOVERNOR_STEPS: tuple[Callable[[DocState, GovernorDraft], bool], ...] = (
    raised_possibility,  # "raised the possibility of talks": an intent; "saw little prospect of talks": none
    ceased_force,  # "stopped shelling the town": de-escalation; "stopped paying": none
    kept_open,  # "did not rule out military action": an intent (a threat); "ruled out talks": the verb's own
    abandoned_plan,  # "dropped plans to impose a curfew": a concession
    not_anonymity,  # "asked not to be named": a source's condition, no appeal
    not_quoted_command,  # 'chanted "stop killing us"': a slogan, not the chanters' own act
    not_asserted_claim,  # "insisted that its troops had not crossed": a claim, no demand
    not_convened,  # "called a meeting to discuss ...": the meeting's purpose
    not_a_manner,  # "signed a deal in a push for cooperation": the signing's purpose
    not_blocked,  # negated, hypothetical, complement negated
    not_false_friend,  # a violent complement with an abstract target
    not_a_question,  # "asked whether ..."
    source_roles,  # subject, possessor, support verb's subject, "pressure from Y"
    sources,  # ... and predictions/wishes about another actor
    reported_obligation,  # "X said Y should ...": X appeals to Y
    not_forecast,  # "protesters were expected to clash with police": a forecast, no threat
    own_effort,  # "pushing to improve relations": the subject's own intent
    family_code,  # the complement's code mapped through the family
    targets,
    conjunct_targets,  # "China condemns Japan over island visit, demands apology": of Japan too
    governed_protest_target,  # "threatened to crush the protests": at the protesters
    departure_order,  # "ordered the ambassador to leave": an expulsion
    disaster_advice,  # "urges telecommuting to curb coronavirus": public-health advice
    complement_needs_target,  # "plans to release treated water"
    modality,
    ordered_action,  # an order to one's own forces, an administrative sanction (adjustments.py)
    visit_abroad,  # a partner-less meeting in another country (adjustments.py)
)
