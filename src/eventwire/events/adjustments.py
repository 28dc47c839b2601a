"""Adjustments: the code or the actors of an event changed by who the actors are and where it happens.

READS: a verb's or governing word's draft event (code, rule, actors, roles), the actor index (places named
in "in"/"near" phrases), actor countries and sectors, the codes and sector groups of ``codes.yaml``, the word
lists (verbal-attack and arrival verbs, own possessives, location and inner-target prepositions).
ADDS: a changed code, rule or target:

* a meeting "in" a place of a third country is a meeting at a third location (044);
* a partner-less meeting or summit "in" another country is a visit there (042); a protest abroad with no
  target is aimed at the host country; arriving in one's own country is no visit or deployment;
* war games by forces of two countries are military cooperation (062);
* police or troops arresting, beating or firing on a protesting crowd use violent repression (175);
* "attacked" between two political actors is criticism (111);
* violence in the content of an allegation verb is an accusation (112) or a claim of responsibility (015)
  for the speaker's own side;
* an order to one's own forces codes the ordered action ("ordered the army to withdraw from X"); an order to
  stop given by an authority to a domestic non-state actor is an administrative sanction (172);
* an object noun that is no actor names the actor it concerns or, for material actions, the place it is in
  ("a deal with X", "refineries in Iran");
* a ban or restriction (172) on another state is an embargo (163): "China imposed a ban on Japanese
  seafood", "the EU announced a ban on Russian oil imports";
* a threat is aimed at whom its threatened action is aimed at ("threatened to punish X", "threatened to cut
  off power to X") or at the subject of its condition ("... unless X withdraws", "... if X imposes tariffs").
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..actors.codes import INTERNATIONAL
from ..mentions import ActorMention
from . import modality as _mod
from .actors import actors_at, as_states, fill
from .arguments import load_rules
from .frames import Family
from .grammar import NOUN_POS, VERB_POS, Roles
from .roles import noun_roles, roles
from .state import Complement, DocState, GovernorDraft, SentenceWork, VerbDraft

# -- helpers used by several steps ----------------------------------------------------------------------------


def inner_target(st: DocState, obj: Any, code: str) -> tuple[list[ActorMention], Any | None]:
    """The actor an object noun concerns ("a deal with X", "sanctions against X"), or for material
    actions the place it is in, named directly ("refineries in Iran", "positions near Aleppo")."""
    nr = noun_roles(st, obj)
    got, tok = fill(st, st.w.inner_target_preps, nr)
    if got or code[:2] not in st.c.material_roots:
        return got, tok
    for p in st.w.location_preps:
        for t in nr.get(p, ()):
            place = list(st.idx.at(t.i))
            if place:
                return place, t
    return [], None


def threat_target(
    st: DocState, g: Any, comp: Any | None, sources: list[ActorMention]
) -> tuple[list[ActorMention], Any | None]:
    """Whom a threat by governing word ``g`` is aimed at when its own slots name nobody: the target of the
    threatened action ``comp`` (an uncoded verb: "threatened to punish X", "to cut off power to X"), else the
    subject of a condition on ``g`` or ``comp`` ("... unless Israel rescinds", "... if Washington imposes")."""
    rules = load_rules()
    if comp is None:  # "threaten" coded alone, or "issued a threat": its infinitive or clause is the action
        deps = ("xcomp", "ccomp", "advcl", "acl") if g.pos_ in NOUN_POS else ("xcomp", "ccomp", "advcl")
        comp = next((c for c in g.children if c.dep_ in deps and c.pos_ in VERB_POS), None)
    if comp is not None and comp.dep_ == "ccomp" and not _own_act(st, comp, sources):
        comp = None  # "warned that growth would be constrained by ...": a prediction, not the threatened act
    if comp is not None and comp.pos_ in VERB_POS:
        r = roles(st, comp)
        got, tok = fill(st, rules.threat_action_slots, r)
        if not got:  # "to restrict access to Greek sea lanes": the object's own phrase names them
            preps = [p for p in rules.threat_action_slots if p not in ("obj", "iobj")]
            for o in r.get("obj", ())[:1]:
                got, tok = fill(st, preps, noun_roles(st, o))
        got = [a for a in got if a not in sources]
        if got:
            return got, tok
    for h in (g, comp):
        for c in h.children if h is not None else ():
            marked = any(m.dep_ == "mark" and st.lem(m) in rules.threat_conditions for m in c.children)
            if c.dep_ == "advcl" and (marked or _mod.condition_word(c, st.m) is not None):  # "should X refuse"
                got, tok = fill(st, ("subj",), {"subj": [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]})
                got = [a for a in got if a not in sources]
                if got:
                    return got, tok
    return [], None


def _own_act(st: DocState, comp: Any, sources: list[ActorMention]) -> bool:
    """The clause ``comp`` is the threatener's own act: its subject is a pronoun for it or one of its actors
    ("warned that it would retaliate against X", "X warned that X would ...")."""
    subj = next((c for c in comp.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if st.lem(subj) in st.w.self_pronouns:
        return True
    acts = actors_at(st, subj)
    return bool(acts) and all(a in sources or (a.code and a.code in {x.code for x in sources}) for a in acts)


def foreign_ban(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """A ban or restriction (172, an ``embargo_nouns`` light noun) on another state is an embargo (163): the
    target is a state (a country with no sector) of another country than every source's, or its private people
    ("an entry ban on travellers from China": on China); so is a verb's ban of another state's things ("banned 59
    Chinese apps")."""
    if d.noun is not None and on_foreign_state(st, d.code, d.noun, d.sources, d.targets):
        d.code, d.rule, d.targets = st.c.foreign_restriction, f"{d.rule}/foreign-state", as_states(d.targets)
    elif d.noun is None and d.code.startswith(st.c.administrative_sanction) and _foreign_goods(d.sources, d.targets):
        d.code, d.rule = st.c.foreign_restriction, f"{d.rule}/foreign-state"  # "banned 59 Chinese apps"
    return True


def _foreign_goods(sources: list[ActorMention], targets: list[ActorMention]) -> bool:
    """Every target is another state with no role, named by what of it was banned ("Chinese apps")."""
    own = {a.country for a in sources if a.country}
    return bool(own and targets and all(a.country and a.country not in own and not a.sectors for a in targets))


def on_foreign_state(st: DocState, code: str, noun: Any, sources: list[Any], targets: list[Any]) -> bool:
    """Is a ban or restriction (``code`` 172 of an ``embargo_nouns`` noun) one on another state or its private
    people (an embargo, 163; also the nominal "the EU's ban on Russian oil")?"""
    own = {a.country for a in sources if a.country}
    return bool(
        code == st.c.administrative_sanction
        and st.lem(noun) in st.w.embargo_nouns
        and own
        and targets
        and all(a.country and a.country not in own and set(a.sectors) <= st.c.private_people_sectors for a in targets)
    )


def visit_place(
    st: DocState, code: str, rule: str, r: Roles, sources: list[ActorMention], fam: Family | None
) -> tuple[list[ActorMention], str, str]:
    """A meeting with no partner held "in" another country ("attended a summit in Geneva", "talks in
    Doha"): a visit to that country (mapped through the governing family, if any)."""
    own = {a.country for a in sources if a.country}
    if not own or own <= INTERNATIONAL:  # "the cabinet met in Paris", "EU ministers met in Brussels": no travel
        return [], code, rule
    for tok in r.get("in", ()):
        place = [a for a in st.idx.at(tok.i) if a.country and a.country not in own]
        if place:
            new = st.m.family_code(fam, st.c.visit) if fam is not None else st.c.visit
            return place, new, rule + "/visit-place"
    return [], code, rule


def _third_location(
    st: DocState, code: str, rule: str, r: Roles, sources: list[ActorMention], targets: list[ActorMention]
) -> tuple[str, str]:
    """A meeting "in" a place of a third country is a meeting at a third location."""
    parties = {a.country for a in sources + targets if a.country}
    if len(parties) < 2:
        return code, rule
    for tok in r.get("in", ()):
        for a in st.idx.at(tok.i):
            if a.country and a.country not in parties:
                return st.c.meet_third_location, rule + "/third-location"
    return code, rule


def _political(st: DocState, a: ActorMention) -> bool:
    """A person or institution of politics, business, media or civil society, not a state as a whole and
    not an armed, police or criminal actor: "attacked" between two such actors is verbal."""
    return bool(a.sectors) and set(a.sectors) <= st.c.political_sectors


def _alleged(
    st: DocState, v: Any, sources: list[ActorMention], stok: Any | None
) -> tuple[str, list[ActorMention]] | None:
    """(code, speakers) when violence is the content of an allegation verb ("X claimed that Y shelled
    Z"): an accusation of Y by X, or X claiming responsibility when Y is X's own side ("its forces", or the
    same actor or state)."""
    sp = _mod.in_reported_speech(v, st.m.allegation)
    if sp is None:
        return None
    speakers, _ = fill(st, ("subj",), roles(st, sp))
    if not speakers:
        return None
    if stok is not None and any(c.dep_ == "poss" and c.lower_ in st.w.own_possessives for c in stok.children):
        return st.c.claim_responsibility, speakers  # "X claimed that its forces shot down ..."
    own = {a.code for a in speakers if a.code}
    state = st.c.state_sectors
    states = {a.country for a in speakers if a.country and set(a.sectors) <= state}
    if all(a.code in own or (a.country in states and set(a.sectors) <= state) for a in sources):
        return st.c.claim_responsibility, speakers
    return st.c.accusation, speakers


def _own_forces(
    st: DocState, g: Any, comp: Complement, groles: Roles, fam: Family, sources: list[ActorMention]
) -> list[ActorMention] | None:
    """The targets of the ordered action when an order goes to the source's own armed or police forces
    (or names no addressee: "ordered patrols by the police"), else ``None`` (an order to another actor
    is a demand)."""
    addr, atok = fill(st, fam.addressee, groles)
    if atok is not None and not addr and st.lem(atok) not in st.forces:
        return None  # "ordered it to discuss ...": an addressee that is no force
    if comp.tok.pos_ in NOUN_POS:
        addr += [a for a in fill(st, ("by",), comp.roles)[0] if a not in addr]
    mine = {a.country for a in sources if a.country}
    for a in addr:
        if not set(a.sectors) & st.c.force_sectors or (a.country and mine and a.country not in mine):
            return None
    assert comp.frame is not None
    targets, _ = fill(st, comp.frame.tgt, comp.roles)
    return [t for t in targets if t not in sources and t not in addr]


# -- a verb's adjustments (sub-steps of steps/verbs.py: each returns False when there is no event) -----------


def verbal_attack(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "the opposition leader attacked the prime minister", "came under attack from the opposition": politicians
    attack with words (not "attacked government offices": a physical target; not a crowd's attack)."""
    f, ttok = d.frame, d.ttok
    if not f.violent or d.code != f.code or st.lem(d.noun or d.trigger) not in st.w.verbal_attack_verbs:
        return True
    channel = any(  # "attacked Bloomberg on Twitter", "attacked the ruling party in a speech": words, whoever
        c.dep_ == "prep" and st.lem(c) in ("on", "in", "during") and st.lem(p) in st.w.verbal_channels
        for c in d.trigger.children
        for p in c.children
    )
    if (channel and d.sources and all(_political(st, a) for a in d.sources)) or (
        d.sources
        and d.targets
        and all(_political(st, a) for a in d.sources + d.targets)
        and not (d.stok is not None and st.lem(d.stok) in st.w.crowd_heads)
        and (ttok is None or (st.idx.at(ttok.i) and st.lem(ttok) not in st.places))
    ):
        d.code, d.rule = st.c.verbal_attack, f"{d.rule}/verbal:{'channel' if channel else 'political-actors'}"
        d.frame = replace(f, violent=False)
    return True


def not_a_poll(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "More than 60 percent of voters disapprove of the president", "half of Americans support sanctions": the
    opinion of a share of a people (a poll's finding) is no act; a share of an institution acts ("a majority of
    lawmakers approved the bill")."""
    v = d.trigger
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None and v.dep_ == "pobj" and st.lem(v.head) == "of":  # "60 percent of [voters disapprove]" misparsed
        subj = v.head.head
    if (
        subj is not None
        and st.lem(subj) in st.w.poll_shares
        and any(c.dep_ == "prep" and st.lem(c) == "of" for c in subj.children)
        and d.code[:2] not in st.c.material_roots
        and all(not a.sectors or set(a.sectors) <= st.c.private_people_sectors for a in d.sources)
    ):
        st.note(f"  {d.label} [{d.frame.rule}]: no event (a share of a people's opinion: a poll, not an act)")
        return False
    return True


def arrival_home(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Ethiopian peacekeepers arrived in Addis Ababa": arriving home is no visit or deployment; "Chinese
    tourists visited Japan": private people's travel is no political visit."""
    people = d.stok is not None and d.stok.tag_ in ("NNS", "NNPS") and all(not a.sectors for a in d.sources)
    if (
        d.code in st.c.arrival_codes
        and d.sources
        and (people or all(a.sectors and set(a.sectors) <= st.c.private_people_sectors for a in d.sources))
    ):  # "Americans who are visiting Cuba": a plural people, not the state
        st.note(f"  {d.label} [{d.frame.rule}]: no event (private people's travel)")
        return False
    if d.code in st.c.arrival_codes and st.lem(d.trigger) in st.w.arrival_verbs:
        home = {a.country for a in d.sources if a.country}
        d.targets = [t for t in d.targets if not t.country or t.country not in home]
        if not d.targets:
            st.note(f"  {d.label} [{d.frame.rule}]: no event (arrival in the source's own country)")
            return False
    return True


def home_deployment(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Iran is deploying a missile defence system to its capital": forces moved to a place of the source's own
    country are aimed at no one there (the place, a capital read as its government, is no target); the event
    stays, one-sided."""
    if d.code[:2] != st.c.force_posture_root or not d.targets or not d.sources:
        return True
    home = {a.country for a in d.sources if a.country}
    if home and all(t.kind == "country" and t.country in home for t in d.targets):
        st.note(f"  {d.label} [{d.frame.rule}]: forces moved within the source's own country: no target")
        d.targets = []
    return True


def protest_abroad(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Danish students held a rally in Ankara": a protest abroad is aimed at the host."""
    if (
        d.code[:2] == st.c.protest_root
        and not d.targets
        and d.sources
        and "against" not in d.roles
        and "over" not in d.roles
    ):
        d.targets, _, _ = visit_place(st, d.code, d.rule, d.roles, d.sources, None)
        if d.targets:
            d.rule += "/protest-place"
    return True


def meeting_place(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """A meeting in a third country's place (044); a partner-less meeting in another country: a visit."""
    f = d.frame
    if d.code == st.c.meet:
        d.code, d.rule = _third_location(st, d.code, d.rule, d.roles, d.sources, d.targets)
    if (
        f.code[:2] == st.c.consult_root
        and f.recip
        and not d.targets
        and len(d.sources) < 2
        and (d.code == f.code or d.modality == "intended")
    ):
        d.targets, d.code, d.rule = visit_place(
            st, d.code, d.rule, d.roles, d.sources, None if d.code == f.code else st.m.families.get("intent")
        )
    return True


def joint_exercise(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "French and Egyptian warships began war games": a joint exercise is military cooperation."""
    if d.code == st.c.military_show and not d.targets and len({a.country for a in d.sources if a.country}) >= 2:
        d.code, d.rule = st.c.joint_military, d.rule + "/joint"
        d.frame = replace(d.frame, recip=True)
    return True


def aerial_force(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "coalition jets conducted two strikes on IS positions", "warplanes bombed the town", "a UAV destroyed
    enemy targets": force or destruction by aircraft is an air strike (195)."""
    generic = d.code == st.c.aerial_root + "0" or d.code in st.c.aerial_destruction_codes
    if not generic or d.stok is None:  # generic force only: shelling (194) stays shelling
        return True
    mods = [c for c in d.stok.children if c.dep_ in ("compound", "amod")] if st.lem(d.stok) in st.w.aerial_units else []
    if any(st.lem(h) in st.w.aerial_agents for h in [d.stok, *mods]):  # "jets", "the air force"; not "air defences"
        d.code, d.rule = st.c.aerial_strike, d.rule + "/aerial"
    return True


def private_assault(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "two men attacked a Jewish student", "a mob attacked a trader": force by private people (``private_people``
    sectors) on people who are no force is an assault (182), not military force (190); force by other people in
    the street (``street`` sectors: workers, students, protesters) on anything is unconventional violence (180);
    only with an ``assault_verbs`` verb ("masked men fired on worshippers" is force)."""
    if d.code != st.c.aerial_root + "0" or not d.sources or not d.targets or d.frame.lemma not in st.w.assault_verbs:
        return True
    private = all(a.sectors and set(a.sectors) <= st.c.private_people_sectors for a in d.sources)
    if private and all(a.sectors and not set(a.sectors) & st.c.force_sectors for a in d.targets):
        d.code, d.rule = st.c.private_assault, d.rule + "/private"
    elif all(a.sectors and set(a.sectors) <= st.c.street_sectors for a in d.sources):
        # "illegal miners attacked a gold mine", "villagers attacked a Chinese-owned factory": unconventional
        d.code, d.rule = st.c.unarmed_violence, d.rule + "/unarmed"
    return True


def official_protest(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Japan protested the incursion", "the foreign ministry protested the arrest of its citizens": a state or
    its government protests with words, an official complaint (114), not a demonstration ("Iranians
    protested", "students protested" stay 141)."""
    if d.code != st.c.protest_root + "1" or not d.sources or d.frame.lemma not in st.w.complaint_verbs:
        return True
    if all(state_itself(st, a) for a in d.sources):
        d.code, d.rule = st.c.official_protest, d.rule + "/official"
    return True


def state_itself(st: DocState, a: ActorMention) -> bool:
    """A government ("the foreign ministry", "Beijing") or a country by its singular name ("Japan"), not its
    people ("Iranians", "the Japanese"); "both Latin American countries" are states."""
    if a.sectors:
        return set(a.sectors) <= st.c.diplomatic_sectors
    if st.doc is None or a.kind not in ("country", "region") or a.rule == "place":
        return False  # "thousands protested in Tbilisi": the place's people, not the state
    tok = st.doc[a.head]
    people = tok.lower_.endswith(st.w.people_endings)  # "Georgians" tagged as one name: its people
    return (a.kind == "country" and tok.tag_ == "NNP" and not people) or (
        tok.dep_ != "ROOT" and st.lem(tok.head) in st.w.state_nouns
    )


def relief_purpose(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "sent 3,000 police to aid the rescue", "deployed troops to help evacuate villagers": force sent for relief
    is humanitarian aid to another country (073), and domestic disaster response (no event) at home."""
    if d.code[:2] != st.c.force_posture_root:
        return True
    relief = [
        c
        for c in d.trigger.children
        if c.dep_ in ("advcl", "xcomp") and st.lem(c) in st.w.relief_verbs and any(a.lower_ == "to" for a in c.children)
    ]
    if not relief:
        return True
    own = {a.country for a in d.sources if a.country}
    whom = [*roles(st, relief[0]).get("obj", ())]  # "to help Turkey", "to help Turkey fight the fires"
    whom += [x for c in relief[0].children if c.dep_ in ("ccomp", "xcomp") for x in c.children if x.dep_ == "nsubj"]
    helped = [a for o in whom for a in actors_at(st, o)]
    d.targets = d.targets or [a for a in helped if a.country and a.country not in own]
    if any(a.country and a.country not in own for a in d.targets):
        d.code, d.rule = st.c.humanitarian_aid, d.rule + "/relief"
        return True
    st.note(f"  {d.label} [{d.frame.rule}]: no event (forces sent for relief at home: disaster response)")
    return False


def repression(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "troops opened fire on demonstrators", "police arrested dozens of protesters": force used by police or
    troops on a protesting crowd of their own country is violent repression (an arrested opposition leader,
    a crowd abroad, rebels firing on protesters or clashes keep their code)."""
    if (
        (d.code[:2] in st.c.repression_roots or d.code in st.c.detention_codes)
        and not d.frame.recip  # "police clashed with rioters": fighting on both sides
        and d.sources
        and d.targets
        and all(set(a.sectors) & st.c.force_sectors for a in d.sources)
        and all(st.lem(d.trigger.doc[t.head]) in st.w.protest_crowds | st.w.protest_events for t in d.targets)
        and len({a.country for a in d.sources + d.targets if a.country}) <= 1
    ):
        d.code, d.rule = st.c.violent_repression, f"{d.rule}/repression:protest-crowd"
    return True


def crowd_riot(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "protesters torched police vehicles", "rioters looted shops", "demonstrators smashed storefronts": property
    destroyed or seized by a protesting crowd is a violent protest (145), not a state's coercion."""
    if (
        d.code in st.c.crowd_riot_codes
        and d.stok is not None
        and st.lem(d.stok) in st.w.protest_crowds
        and not any(set(a.sectors) & st.c.force_sectors for a in d.sources)
    ):
        d.code, d.rule = st.c.violent_protest, f"{d.rule}/riot:crowd"
    return True


def alleged_violence(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "X claimed that Y shelled Z": X accuses Y; "X claimed that its forces shelled Z": X claims it."""
    wrong = d.code[:2] in st.c.alleged_violence_roots or d.code in st.c.alleged_wrong_codes
    if d.code == d.frame.code and wrong and d.sources and st.m.allegation:
        alleged = _alleged(st, d.trigger, d.sources, d.stok)
        if alleged is not None:
            code, speakers = alleged
            d.code = code
            d.rule = f"modality.yaml:allegation:{code}+{d.rule}"
            d.sources, d.targets = speakers, (d.sources if code == st.c.accusation else d.targets)
            d.frame = replace(d.frame, recip=False, violent=False)
    return True


# -- a governing word's adjustments (sub-steps of steps/families.py) ------------------------------------------


def ordered_action(st: DocState, d: GovernorDraft) -> bool:
    """An order to one's own forces codes the ordered action ("the president ordered troops to withdraw from
    X": his withdrawal from X); an authority ordering a domestic non-state actor to stop ("the government
    ordered the opposition newspaper to suspend publication") imposes an administrative sanction."""
    g, comp, fam = d.gov, d.comp, d.fam
    if fam.name != "demand" or st.lem(g) not in st.command:
        return True
    if comp.frame is not None and comp.base and d.sources and comp.base[:2] not in st.c.not_ordered_action_roots:
        ordered = _own_forces(st, g, comp, d.groles, fam, d.sources)
        if ordered is not None:
            d.code, d.targets = comp.base, ordered
            d.rule = f"modality.yaml:command:{st.lem(g)}+{comp.rule}"
    sources, targets = d.sources, d.targets
    if (
        st.lem(comp.tok) in st.stops
        and sources
        and targets
        and all(set(a.sectors) & st.c.authority_sectors for a in sources)
        and all(
            a.country
            and a.country in {s.country for s in sources}
            and set(a.sectors)
            and not set(a.sectors) & st.c.state_sectors
            for a in targets
        )
    ):
        d.code, d.rule = st.c.administrative_sanction, f"modality.yaml:command-stop:{st.lem(g)}+{comp.rule}"
    return True


def visit_abroad(st: DocState, d: GovernorDraft) -> bool:
    """ "will attend a forum in Geneva": a visit to Switzerland (through the governing family)."""
    comp = d.comp
    if (
        comp.base
        and comp.base[:2] == st.c.consult_root
        and comp.frame is not None
        and comp.frame.recip
        and not d.targets
        and len(d.sources) < 2
    ):
        d.targets, d.code, d.rule = visit_place(st, d.code, d.rule, comp.roles, d.sources, d.fam)
    return True
