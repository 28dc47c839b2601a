"""Sub-steps of a verb (``verbs.py``): targets and sources from places and topics.

READS: the verb's draft (roles, light noun, sources), the actor index (``actors.py``), the location and topic
prepositions (``words.yaml``, ``arguments.yaml``), the material, casualty and protest roots (``codes.yaml``).
ADDS: ``d.targets``/``d.ttok`` of words or an attitude from what they are about ("concern over the coup in
Niger", "called for peace in Yemen"); who is at an object place ("a camp for X refugees") and the place of a
material event ("reimposed blockades in X"); victims given as a number are people of the place they were hit
in; ``d.sources``/``d.stok`` of an uncoded crowd from the place it protests in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...mentions import ActorMention
from ..actors import actors_at, fill, span_mention, town_place
from ..arguments import load_rules
from ..grammar import NOUN_POS
from ..roles import noun_roles
from ..roles import roles as roles_of
from ..state import DocState, GovernorDraft, SentenceWork, VerbDraft


def foreign_place(
    st: DocState, r: dict[str, list[Any]], sources: list[ActorMention], preps: tuple[str, ...] = ()
) -> tuple[list[ActorMention], Any]:
    """The actor a location phrase of ``r`` (or a phrase of ``preps`` after those) names when it is of another
    country than every source."""
    own = {a.country for a in sources if a.country}
    if not own:
        return [], None
    for p in (*st.w.location_preps, *preps):
        for t in r.get(p, ()):
            place = [a for a in st.idx.at(t.i) or town_place(st, t) if a.country and a.country not in own]
            if place:  # "launched an operation in Jenin": a town the gazetteer places
                return place, t
    return [], None


def topic_target(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """Words or an attitude without a target aimed at what they are about: the actor in the topic phrase
    ("voiced anger at Israel's raids"), else a place of another country than the source's ("expressed
    concern over the coup in Niger")."""
    rules = load_rules()
    if d.targets or not d.sources or not any(d.code.startswith(r) for r in rules.topic_roots):
        return True
    r = d.roles if d.noun is None else {**d.roles, **noun_roles(st, d.noun)}
    for p in rules.topic_preps:
        for t in r.get(p, ()):
            if t.pos_ not in NOUN_POS:
                continue
            # an object that is an actor would be the frame's own target: only what it is about counts
            got = [a for a in actors_at(st, t) if a not in d.sources] if p != "obj" else []
            tok = t
            # "concern over the coup in Niger"; "called for an end to the fighting in Sudan", "for an inquiry
            # into the killings in Tigray": one phrase down
            for u in [t, *(x for q in ("to", "of", "into") for x in noun_roles(st, t).get(q, ()))]:
                if not got:
                    got, tok = foreign_place(st, noun_roles(st, u), d.sources)
            if got:
                d.targets, d.ttok = got, tok
                return True
    _appeal_place(st, d, r, rules.topic_preps)
    return True


def own_people_abroad(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "China condemned the killing of its citizens in Pakistan", "Moscow criticised the expulsion of its
    diplomats from Poland": words about an act done to the speaker's own people are aimed at the foreign place
    it was done in (or that expelled them), not at the speaker's own."""
    t = d.ttok
    if t is None or not d.targets or not d.sources:
        return True
    own = {a.country for a in d.sources if a.country}
    n = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t
    if (
        not own
        or any(a.country not in own for a in d.targets)
        or not any(d.code.startswith(r) for r in load_rules().topic_roots)
        or n.pos_ not in NOUN_POS
        or st.lem(n) not in st.p.nouns
    ):
        return True
    for u in (n, *(st.doc[a.head] for a in d.targets)):
        got, tok = foreign_place(st, noun_roles(st, u), d.sources, ("from",))  # "expelled from Poland"
        if got:
            d.targets, d.ttok = got, tok
            break
    return True


def _appeal_place(st: DocState, d: VerbDraft, r: dict[str, list[Any]], preps: tuple[str, ...]) -> None:
    """ "called for peace in Yemen", "urged calm in Lebanon": the parser hangs the place on the verb; after the
    topic phrase a country named by a location phrase is where the topic is (a capital or a city there is the
    venue: "called for calm in Geneva")."""
    topic = [t.i for p in preps for t in r.get(p, ()) if t.pos_ in NOUN_POS]
    own = {a.country for a in d.sources if a.country}
    places = [t for p in st.w.location_preps for t in r.get(p, ()) if topic and t.i > min(topic)]
    for t in places:
        got = [a for a in actors_at(st, t) if a.kind == "country" and not a.sectors and a.country not in own]
        if got:
            d.targets, d.ttok = got, t
            return


def place_target(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """A material event without a target: who is at its object place ("attacked a camp for Congolese
    refugees"); the place a "where" clause describes ("Libya, where Ankara has sent troops"); for a light verb
    the place of another country than the source's it happened in ("Israel reimposed blockades in the West
    Bank"; a verb's own object place is ``from_object``'s)."""
    if d.targets or d.code[:2] not in st.c.material_roots:
        return True
    if d.frame.recip and len({a.code for a in d.sources}) > 1:
        return True  # "X and Y signed a truce in Cairo": each party is the other's target, not the venue
    rules = load_rules()
    for o in d.roles.get("obj", ()):
        # "ambushed a convoy carrying UN peacekeepers": the people the object carries
        carried = [x for c in o.children if c.dep_ == "acl" and st.lem(c) in rules.carrying_verbs for x in c.children]
        got = [a for x in carried if x.dep_ == "dobj" for a in actors_at(st, x) if a not in d.sources]
        if got:
            d.targets, d.ttok = got, o
            return True
        if st.lem(o) in st.places and not st.idx.at(o.i):
            got, tok = fill(st, rules.beneficiary_preps, noun_roles(st, o))
            got = [a for a in got if a not in d.sources]
            if got:
                d.targets, d.ttok = got, tok
                return True
    v = d.trigger
    if v.dep_ == "relcl" and any(c.dep_ == "advmod" and st.lem(c) in rules.place_relatives for c in v.children):
        own = {a.country for a in d.sources if a.country}
        place = [a for a in st.idx.at(v.head.i) if a.country and a.country not in own and a not in d.sources]
        if own and place:  # "Libya, where Ankara has sent troops": the event is aimed at the place
            d.targets, d.ttok = place, v.head
            return True
    own = {a.country for a in d.sources if a.country}
    if d.noun is None and own and d.code[:2] in st.c.violent_roots:
        # "Ukrainian drones hit an oil depot in Russia's Bryansk region": force on a thing in a foreign place
        objs = [o for o in d.roles.get("obj", ()) if o.pos_ in NOUN_POS and not st.idx.at(o.i)]
        got, tok = place_named(st, _location_phrases(st, d, objs), st.w.location_preps, d.sources)
        if got and all(a.country not in own for a in got):
            d.targets, d.ttok = got, tok
            return True
    if d.noun is not None:
        nr = noun_roles(st, d.noun)
        got, tok = foreign_place(st, {p: [*d.roles.get(p, ()), *nr.get(p, ())] for p in st.w.location_preps}, d.sources)
        if got:
            d.targets, d.ttok = got, tok
            return True
    if d.code[:2] in rules.place_roots:
        # "lifted the state of emergency in West Darfur", "imposed a curfew on towns in Kashmir": the place
        # the restriction or concession applies to, in the source's own country too
        near = [d.noun] if d.noun is not None else []
        near += [o for o in d.roles.get("obj", ()) if o.pos_ in NOUN_POS]
        got, tok = place_named(st, _location_phrases(st, d, near), st.w.location_preps, d.sources)
        if got:
            d.targets, d.ttok = got, tok
    if d.code in rules.territory_codes and not d.targets:
        # "seized control of Goma", "captured the town of Soledar": the place taken stands for its country
        objs = [o for o in d.roles.get("obj", ()) if o.pos_ in NOUN_POS]
        got, tok = place_named(
            st,
            {"obj": objs, "of": [t for o in objs for t in noun_roles(st, o).get("of", ())]},
            ("obj", "of"),
            d.sources,
        )
        state = any(set(a.sectors) & st.c.state_sectors for a in d.sources)
        if got and not (state and {a.country for a in got} <= {a.country for a in d.sources}):
            d.targets, d.ttok = got, tok  # not a state's own forces retaking a place of their own country
    return True


def _location_phrases(st: DocState, d: VerbDraft, nouns: list[Any]) -> dict[str, list[Any]]:
    """The verb's location phrases, then those of ``nouns`` (its light noun, its objects)."""
    return {
        p: [*d.roles.get(p, ()), *(t for n in nouns for t in noun_roles(st, n).get(p, ()))] for p in st.w.location_preps
    }


def place_named(
    st: DocState, r: dict[str, list[Any]], preps: tuple[str, ...], other: list[ActorMention], nested: bool = False
) -> tuple[list[ActorMention], Any]:
    """The actors with a country that the first of ``preps`` naming any in ``r`` names (not those in ``other``);
    ``nested``: a place noun also stands for the place of its own location phrase ("several cities in Iran")."""
    for p in preps:
        for t in r.get(p, ()):
            place = _country_at(st, t, other) or _modifier_place(st, t, other) or _attributed_place(st, t, other)
            if nested and not place and st.lem(t) in st.places:  # "spread to several cities in Iran"
                inner = noun_roles(st, t)
                place = [a for p2 in st.w.location_preps for x in inner.get(p2, ()) for a in _country_at(st, x, other)]
            if place:
                return place, t
    return [], None


def _country_at(st: DocState, t: Any, other: list[ActorMention]) -> list[ActorMention]:
    """The actors with a country at ``t`` (not in ``other``, not a reporter), else the town ``t`` names."""
    return [a for a in st.idx.at(t.i) if a.country and a not in other and a.attribution is None] or town_place(st, t)


def _modifier_place(st: DocState, t: Any, other: list[ActorMention]) -> list[ActorMention]:
    """ "in the Indian capital", "in Delhi clashes", "in a Nairobi slum": a place named by the noun's country
    adjective, capital or town."""
    attack = st.lem(t) in st.aggression  # "Israeli shelling": the attacker, no place
    for c in t.children:
        if c.dep_ in ("amod", "compound", "poss") and c.i < t.i:
            # "in the Indian capital", "at a Somali army base" (the army's country), "in Delhi clashes"
            got = [a for a in st.idx.at(c.i) if a.country and (a.kind == "capital" or not attack) and a not in other]
            got = got or town_place(st, c)
            if got:
                return got
    return []


def _attributed_place(st: DocState, t: Any, other: list[ActorMention]) -> list[ActorMention]:
    """ "in Indian capital - hospital official": a headline's trailing attribution parsed into the place phrase; the
    place is the country named before it."""
    if not any(a.attribution is not None for a in st.idx.at(t.i)):
        return []
    return [a for x in t.subtree if x.i < t.i for a in st.idx.at(x.i) if a.kind == "country" and a not in other][:1]


_GUESSED = ("sentence-country", "story-country")  # actor rules that take a country from the context


def counted_victims(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Seven were killed in clashes in Baghdad", "two were shot dead in Kabul", "Five killed, 90 hurt in violence
    in Indian capital": victims given only as a number are civilians of the place they were hit in (a country or
    capital the actor coder names there; the place of a conjoined casualty verb is theirs too)."""
    objs = d.roles.get("obj", ())
    if d.code[:2] not in st.c.casualty_roots or not objs or not all(_counted(st, o) for o in objs):
        return True
    own = {a.country for a in d.sources if a.country}
    if any(a.country and not (a.rule in _GUESSED and a.country in own) for a in d.targets):
        # "three people" coded as civilians with no country: theirs is the place's; so are victims the actor
        # coder gave the attacker's country from the sentence ("Israeli strikes on Gaza killed 12 people")
        return True
    v = d.trigger
    verbs = casualty_verbs(v)
    # "... were killed as a riot erupted in a Nairobi slum": the place of a clause of the same moment
    verbs += [u for u in v.children if u.dep_ == "advcl" and any(st.lem(m) in _MOMENT for m in u.children)]
    moment = [o for p in v.children if p.dep_ == "prep" and st.lem(p) in _MOMENT for o in p.children]
    verbs += [u for o in moment for u in o.children if u.dep_ in ("acl", "relcl")]  # parsed "as [a riot erupted]"
    places = [t for u in verbs for p in ("in", "at") for t in (roles_of(st, u) if u is not v else d.roles).get(p, ())]
    for n in [*d.roles.get("subj", ()), *moment]:  # "the attack on Kabul killed 20", "during a shootout in X"
        # "the shelling of Gaza"; "a Kabul bombing killed 20": a town named before the noun
        places += [t for p in ("on", "in", "of", "compound") for t in noun_roles(st, n).get(p, ())]
    places = [t for t in places if st.lem(t) not in st.gear]  # "in Israeli tank shelling": a weapon, no place
    got, tok = place_named(st, {"in": places}, ("in",), d.sources)
    for n in places if not got else ():  # the place of the event they fell in
        got, tok = place_named(st, noun_roles(st, n), st.w.location_preps, d.sources)
        if got:
            break
    if not got:  # "United Arab Emirates: Four killed in air strike": the country a headline opens with
        got = _label_country(st, v.doc, v.sent.start)
    if not got and v.sent.start >= 2 and v.doc[v.sent.start - 1].text == ":":
        got = _label_country(st, v.doc, v.doc[v.sent.start - 2].sent.start)  # "Kosovo:" parsed as a sentence of its own
    if got and d.targets:
        d.targets = [replace(a, country=got[0].country) for a in d.targets]
    elif got:
        c = got[0].country
        victims = [
            span_mention(
                v.doc[o.i : o.i + 1],
                o.i,
                kind="group",
                rule="events:counted-victims",
                country=c,
                sectors=tuple(sorted(st.c.person_target_sectors)),
            )
            for o in objs
        ]
        d.targets, d.ttok = victims, objs[0]
    return True


def _label_country(st: DocState, doc: Any, start: int) -> list[ActorMention]:
    """The country named by a label opening the sentence at ``start`` ("Kosovo: ...")."""
    got = [a for a in st.idx.at(start) if a.kind == "country" and a.tok_start == start]
    return got if got and got[0].tok_end < len(doc) and doc[got[0].tok_end].text == ":" else []


_MOMENT = frozenset({"as", "when", "after", "during", "while"})


def casualty_verbs(v: Any) -> list[Any]:
    """A victims' verb with the verbs that report the same casualties: its conjuncts ("were killed and dozens
    injured in X"), the verb it is conjoined to, and the participles of a headline's list ("Five killed, 90 hurt
    in X", "..., dozens hurt in X" parsed as participles)."""
    verbs = [v, *v.conjuncts, *([v.head] if v.dep_ == "conj" else [])]
    verbs += [u for u in v.sent if u.dep_ == "acl" and u.i != v.i and (u.head.pos_ == "NUM" or u.head.head.i == v.i)]
    return verbs


def _counted(st: DocState, o: Any) -> bool:
    """A number, a noun counted by one ("three people", "at least 12 civilians"), or a count noun ("kills dozens",
    "killed dozens of civilians")."""
    return o.pos_ == "NUM" or st.lem(o) in st.w.count_nouns or any(c.dep_ == "nummod" for c in o.children)


def crowd_place(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Thousands marched in Paris against the reform": a protest by an uncoded crowd is by people of the place
    it is held in, or of the place its place is part of ("through the streets of Khartoum"; also "took to the
    streets of Tbilisi": the place of the light verb's noun), or of its own place ("truck drivers in Brazil"); a
    crowd coded without a country ("demonstrators") takes the place's."""
    if any(a.country for a in d.sources):
        return True
    if d.code[:2] != st.c.protest_root:  # "protesters torched the Swedish embassy in Baghdad": where they were
        crowd = d.sources and all(a.sectors and set(a.sectors) <= st.c.protester_sectors for a in d.sources)
        hit = [*d.roles.get("obj", ()), *([d.ttok] if d.ttok is not None else [])]  # "set fire to the embassy in X"
        for o in hit if crowd else ():
            got, _ = place_named(st, noun_roles(st, o), st.w.location_preps, d.targets)
            if got:
                d.sources = [replace(a, country=got[0].country) for a in d.sources]
                break
        return True
    preps = (*st.w.location_preps, *load_rules().crowd_place_preps)
    got, tok = place_named(st, d.roles, preps, d.targets)
    for t in [] if got else [t for p in preps for t in d.roles.get(p, ())]:
        got, tok = place_named(st, noun_roles(st, t), ("of", "in"), d.targets)  # "through the streets of X"
        if got:
            break
    if not got and d.noun is not None:
        got, tok = place_named(st, noun_roles(st, d.noun), ("of", *st.w.location_preps), d.targets)
    if not got and d.stok is not None and d.stok.pos_ in NOUN_POS:  # "truck drivers in Brazil went on strike"
        got, tok = place_named(st, noun_roles(st, d.stok), st.w.location_preps, d.targets)
    if got and any(a.code for a in d.sources):  # "demonstrators (---OPP) gathered in Zagreb": Croatian ones
        d.sources = [replace(a, country=got[0].country) for a in d.sources]
    elif got:
        d.sources, d.stok = got, tok
    return True


def gathering_place(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Thousands gathered in Khartoum to demand civilian rule", "... in Khartoum demanding civilian rule": a
    demand, criticism, rejection or protest that is the purpose of a crowd gathering (uncoded, or coded without a
    country: "students") is by people of the place it gathered in (``steps/subordinate`` makes it the
    demonstration it is)."""
    v = d.trigger
    if any(a.country or set(a.sectors) & st.c.authority_sectors for a in d.sources):
        return True  # "ministers gathered in Geneva to reject ...": a meeting, not people of the place
    if d.code[:2] not in st.c.gathering_purpose_roots:
        return True
    if not gathering_purpose_clause(st, v):
        return True
    got, tok = place_named(st, roles_of(st, v.head), st.w.location_preps, d.targets)
    if got and any(a.code for a in d.sources):  # "students gathered in Dhaka to protest": Bangladeshi ones
        d.sources = [replace(a, country=got[0].country) for a in d.sources]
    elif got:
        d.sources, d.stok = got, tok
    return True


def gathering_purpose_clause(st: DocState, v: Any) -> bool:
    """``v`` is the purpose of a gathering: an infinitive or a participle on a gathering verb ("gathered to
    denounce", "gathered ... demanding")."""
    return (
        v.dep_ in ("advcl", "xcomp")
        and st.lem(v.head) in st.w.gathering_verbs
        and (v.tag_ == "VBG" or any(x.lower_ == "to" for x in v.children))
    )


def protest_target(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """ "Police fired tear gas at a rally in Nairobi", "troops broke up a demonstration in Minsk": force or coercion
    aimed at a protest (``protest_events``) with no party of its own is aimed at its protesters, of the place it is
    in (else of the source's own one country): KEN OPP, not the place or nothing."""
    if d.code[:2] not in st.c.armed_action_roots or not d.sources:
        return True
    # the first object of each slot that names whom an act is aimed at (not "smashed cars in protest", a manner;
    # not a later clause's noun the parse hung on the verb)
    slots = ("obj", "on", "at", "against", "upon", *(("to",) if d.code == st.c.violent_repression else ()))
    held = [d.roles[slot][0] for slot in slots if d.roles.get(slot)]  # "responded with tear gas to the march"
    ev = next((t for t in held if t.pos_ in NOUN_POS and st.lem(t) in st.w.protest_events), None)
    if ev is None:
        return True
    if any(a.kind != "country" or a.sectors for a in d.targets):
        return True  # "attacked a rally of the opposition party": a party of its own
    crowd = protest_crowd(st, ev, d.sources, d.targets)
    if crowd is not None:
        d.targets, d.ttok = [crowd], ev
    return True


def governed_protest_target(st: DocState, d: GovernorDraft) -> bool:
    """ "threatened to crush the protests", "vowed to break up the rallies in Minsk": force promised or threatened
    at a protest with no party of its own is aimed at its protesters (as ``protest_target``)."""
    comp = d.comp
    if d.targets or not d.sources or (comp.base or "")[:2] not in st.c.armed_action_roots:
        return True
    held = [comp.roles[slot][0] for slot in ("obj", "on", "at", "against") if comp.roles.get(slot)]
    ev = next((t for t in held if t.pos_ in NOUN_POS and st.lem(t) in st.w.protest_events), None)
    crowd = protest_crowd(st, ev, d.sources, []) if ev is not None else None
    if crowd is not None:
        d.targets = [crowd]
    return True


def protest_crowd(st: DocState, ev: Any, sources: list[ActorMention], at: list[ActorMention]) -> ActorMention | None:
    """The protesters of protest noun ``ev``, of the place it is in (``at``: the country actors it was aimed at,
    "a rally in Nairobi", or its own "in" phrase), else of the sources' own one country; not the sources
    themselves ("the opposition protests are crushed")."""
    places = {a.country for a in at if a.country}  # "a rally in Nairobi", "used tear gas on a rally in X"
    places |= {a.country for t in noun_roles(st, ev).get("in", ()) for a in town_place(st, t) if a.country}
    places |= {a.country for t in noun_roles(st, ev).get("in", ()) for a in st.idx.at(t.i) if a.country}
    own = {a.country for a in sources if a.country}
    country = next(iter(places)) if len(places) == 1 else (next(iter(own)) if len(own) == 1 and not places else None)
    span = ev.doc[ev.left_edge.i : ev.i + 1]
    protesters = tuple(sorted(st.c.protester_sectors))
    crowd = span_mention(span, ev.i, kind="group", rule="events:protest-crowd", country=country, sectors=protesters)
    return crowd if crowd.code not in {a.code for a in sources} else None
