"""Turn argument tokens into actor mentions.

READS: the actor index (the actor coder's mentions), the gazetteer (towns the actor coder left as places), the
parse below and around an argument, the word lists (search prepositions, pronouns), the ``people`` and
``culpable`` noun classes, modality's speech verbs.
ADDS: the actors of a slot (``fill``), with the token they were found at. When no mention covers the
argument token, its subtree is searched breadth-first through compound, amod, poss, appos, ``of``/``from``
phrases and ``led by`` agents (not the patron of "U.N.-backed"); conjoined actors (and comma lists parsed as
appositions) are all returned.
An uncoded pronoun in reported speech stands for the speaker; an uncoded plural people noun, else an unresolved
third-person pronoun, becomes an uncoded mention when the event has no actor at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..actors.places import PlaceCountries
from ..actors.recognize import patron
from ..actors.words import ADMIN_WORDS, REGION_WORDS
from ..mentions import ActorMention
from . import modality as _mod
from .grammar import NOUN_POS, SEARCH_DEPS, VERB_POS, Roles
from .roles import noun_roles
from .state import DocState

_PLACES = PlaceCountries()  # the process-wide gazetteer, read on first use


def actors_at(st: DocState, tok: Any) -> list[ActorMention]:
    """The actor mentions for an argument token: its own mention, else the nearest in its subtree;
    conjoined arguments add theirs."""
    got = st.actor_cache.get(tok.i)
    if got is not None:
        return got
    found = [m for m in st.idx.at(tok.i) if m.attribution is None]  # a reporter is no actor of the event
    if not found:
        _search_subtree(st, tok, found)
    st.actor_cache[tok.i] = found  # guards against cycles through conj below
    kids = list(tok.children)
    for m in st.idx.at(tok.i):  # "Barack Obama and Vladimir Putin" parsed with the conjunct on "Obama"
        if m.tok_end - m.tok_start > 1:
            kids += [
                c
                for t in tok.doc[m.tok_start : m.tok_end]
                if t.i != tok.i
                for c in t.children
                if c.dep_ == "conj" and not m.tok_start <= c.i < m.tok_end
            ]
    for t in tok.subtree if found else ():  # "Trump and Indian Prime Minister Modi": "Trump" parsed as a modifier
        if t.i < tok.i and t.dep_ in ("amod", "compound") and any(c.dep_ == "cc" for c in t.children):
            if any(c.dep_ == "conj" for c in t.children):
                found.extend(m for m in st.idx.at(t.i) if m not in found and m.attribution is None)
    for c in kids:
        if c.dep_ == "appos" and found and _list_appos(st, c, found):
            for m in actors_at(st, c):  # "Britain, Cuba, and Mexico met": a list parsed as apposition
                if m not in found:
                    found.append(m)
        if c.dep_ == "conj" and c.pos_ in NOUN_POS | {"PRON"} and not _described_by_possessor(st, c):
            for m in actors_at(st, c):
                if m not in found:
                    found.append(m)
    return found


def _search_subtree(st: DocState, tok: Any, found: list[ActorMention]) -> None:
    """Add to ``found`` the mentions of the nearest level (up to 4 down) of the argument's subtree."""
    level = [tok]
    if tok.pos_ in NOUN_POS and st.lem(tok) in st.p.nouns:
        # "condemned the killing of its soldiers by Hamas", "the bombing of the embassy by militants killed
        # four": an event noun with an agent stands for that agent, not for the people it was done to
        level = _agent_of_act(st, tok) or level
    for _ in range(4):
        nxt: list[Any] = []
        for t in level:
            for c in t.children:
                if c.dep_ not in SEARCH_DEPS and not _claim_clause(st, c) and not _claimed(st, t, c):
                    continue
                if patron(c.doc, c.i):
                    continue  # "supported the U.N.-backed commission": the patron is not what was supported
                if t.dep_ == "acl" and c.dep_ != "agent" and not _origin(st, t, c) and not _claimed(st, t, c):
                    continue  # through a participle only to its agent: "a delegation led by X"
                if t.dep_ == "acl" and c.dep_ == "agent" and _done_to(st, t):
                    continue  # not "rescued 50 girls kidnapped by Boko Haram": the girls, not their captors
                if c.dep_ == "prep" and st.lem(c) not in st.w.search_preps and not _partner(st, t, c):
                    continue
                nxt.append(c)
        for c in nxt:
            between = c.dep_ == "pobj" and st.lem(c.head) == "between"  # "between Israel and the UAE": both
            for x in (c, *c.conjuncts) if between else (c,):
                found.extend(m for m in st.idx.at(x.i) if m not in found and m.attribution is None)
        if found or not nxt:
            break
        level = nxt


def _claim_clause(st: DocState, c: Any) -> bool:
    """ "investigating allegations that Rwanda backs the rebels": the content clause of a claim noun."""
    return (
        c.dep_ in ("acl", "ccomp")
        and st.lem(c.head) in st.claims
        and any(m.dep_ == "mark" and st.lem(m) == "that" for m in c.children)
    )


def _claimed(st: DocState, t: Any, c: Any) -> bool:
    """... whose subject is the one the claim is about."""
    return t.dep_ in ("acl", "ccomp") and _claim_clause(st, t) and c.dep_ == "nsubj"


def _partner(st: DocState, t: Any, c: Any) -> bool:
    """ "to a joint exercise with Togo", "to the border with Ukraine": the other side of a shared thing;
    "welcomed the deal between Israel and the UAE": the parties of an event noun a verb acts on."""
    if st.lem(c) == "between":  # not in a purpose clause: "deployed to oversee a ceasefire between X and Y"
        return (
            t.dep_ == "dobj"
            and t.pos_ in NOUN_POS
            and st.lem(t) in st.p.nouns
            and t.head.dep_ not in ("advcl", "xcomp", "acl", "relcl")
        )
    return st.lem(c) == "with" and st.lem(t) in st.w.partner_nouns


def _done_to(st: DocState, t: Any) -> bool:
    """A participle of force or coercion ("kidnapped", "killed", "detained" by X): what it describes suffered
    the act, and does not stand for its agent (as "a delegation led by X" does)."""
    roots = st.c.alleged_violence_roots - {st.c.force_posture_root}  # 17-20, not troops "deployed by X"
    if st.lem(t.head) in st.gear:
        return False  # "missiles fired by Russia": the weapon stands for whoever used it
    own = [f for f in st.p.verbs.get(st.lem(t), ()) if f.noun is None and not f.from_noun and not f.prt]
    return any(f.code[:2] in roots for f in own)  # (not "lead away": a phrasal frame)


def _origin(st: DocState, t: Any, c: Any) -> bool:
    """ "rockets fired from Gaza": the "from" phrase of a participle of sending names who sent the thing."""
    return c.dep_ == "prep" and st.lem(c) == "from" and st.lem(t) in st.w.origin_participles and t.tag_ == "VBN"


def _by(st: DocState, t: Any, after: int = -1) -> list[Any]:
    return [c for c in t.children if (c.dep_ == "agent" or (c.dep_ == "prep" and st.lem(c) == "by")) and c.i > after]


def _agent_of_act(st: DocState, n: Any) -> list[Any]:
    """The "by" phrase of event noun ``n``, wherever the parser put it: on the noun, on its "of" object ("the
    arrest of [a reporter by police]") or, for an object of an active verb, on the verb ("criticized the
    arrest of the journalist [by police]")."""
    by = _by(st, n) or [
        b for c in n.children if c.dep_ == "prep" and st.lem(c) == "of" for p in c.children for b in _by(st, p)
    ]
    if not by and n.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in n.head.children):
        by = [c for c in _by(st, n.head, n.i) if c.dep_ == "prep"]
    return by


def _described_by_possessor(st: DocState, c: Any) -> bool:
    """ "The UAE, Saudi Arabia's neighbor and Arab powerhouse, ...": a common noun after a comma that only a
    possessor's mention codes describes the head (an apposition the parser made a conjunct), it adds no actor."""
    return bool(
        c.pos_ == "NOUN"
        and not st.idx.at(c.i)
        and c.i > 0
        and c.doc[c.left_edge.i - 1].text == ","
        and any(k.dep_ == "poss" and st.idx.at(k.i) for k in c.children)
    )


def _list_appos(st: DocState, a: Any, found: list[ActorMention]) -> bool:
    """An "apposition" that is the next item of a comma list: a proper name that is itself followed by
    a conjunct ("Britain, Cuba, and Mexico"), naming an actor of another country than the head."""
    if a.pos_ != "PROPN" or a.head.pos_ != "PROPN":
        return False
    mine = st.idx.at(a.i)
    heads = {m.country or m.code for m in found}
    if not mine or any((m.country or m.code) in heads for m in mine):
        return False
    if any(c.dep_ == "conj" for c in a.children):
        return True
    # "Russia, China ...": two bare country names side by side are a list, not an apposition
    return all(m.code == m.country for m in [*mine, *found])


def fill(st: DocState, slots: Iterable[str], r: Roles) -> tuple[list[ActorMention], Any | None]:
    """Actors of the first slot that has any; also the token they were found at (else the first
    token seen), for the guards."""
    first_tok = None
    for s in slots:
        for tok in r.get(s, ()):
            if first_tok is None:
                first_tok = tok
            acts = actors_at(st, tok)
            if not acts and _relative_passive(st, tok):
                acts = actors_at(st, tok.head.head)  # "an activist who was detained in Uganda": the activist
            if not acts and tok.pos_ == "PRON" and (s == "subj" or st.lem(tok) in st.w.speaker_object_pronouns):
                acts = speaker_for(st, tok)  # "X said Y fired at it": the speaker
            if acts:
                if s == "subj":  # "Russia, China sign ...": every subject token of a headline list
                    for more in r.get(s, ())[1:]:
                        acts = acts + [a for a in actors_at(st, more) if a not in acts]
                return acts, tok
    return [], first_tok


def _relative_passive(st: DocState, tok: Any) -> bool:
    """The relative pronoun subject of a passive told as done ("who was detained", "who had been jailed", "who is
    being investigated"; not a state: "which is opposed to ...", "that are occupied")."""
    v = tok.head
    return (
        tok.dep_ == "nsubjpass"
        and v.dep_ == "relcl"
        and st.lem(tok) in st.w.relative_pronouns
        and any(a.dep_ in ("aux", "auxpass") and a.lower_ in ("was", "were", "been", "being") for a in v.children)
    )


def speaker_for(st: DocState, pron: Any) -> list[ActorMention]:
    """An uncoded pronoun subject inside reported speech stands for the speaker: "Chile says it is
    ready to ..." (the actor coder may resolve pronouns itself; this is the fallback)."""
    if st.lem(pron) not in st.w.speaker_pronouns:
        return []
    h = pron.head
    while h.pos_ not in VERB_POS and h.head.i != h.i:  # "fired at it": from the preposition to its verb
        h = h.head
    sp = _mod.in_reported_speech(h, st.m.speech)
    if sp is None or _nearer_subject(h, sp, pron):
        return []
    for c in sp.children:
        if c.dep_ == "nsubj":
            return actors_at(st, c)
    return []


_SINGULAR, _PLURAL = ("NN", "NNP"), ("NNS", "NNPS")


def _nearer_subject(h: Any, sp: Any, pron: Any) -> bool:
    """ "the ministry said the attacker shouted slogans when he detonated a bomb": a clause between the pronoun's
    verb ``h`` and the speech verb ``sp`` whose subject is a noun of the pronoun's number offers that noun, not
    the speaker (not "said the talks failed because it refused ...": "it" is not the talks)."""
    number = _PLURAL if pron.lower_ in ("they", "them") else _SINGULAR if pron.lower_ in ("he", "she", "it") else ()
    t = h
    while t.head.i != t.i and t.head.i != sp.i:
        t = t.head
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in number for c in t.children):
            return True
    return False


def uncoded(st: DocState, tok: Any) -> list[ActorMention]:
    """An uncoded group subject ("Islamic fundamentalists", "Sunnis", "angry youths") when the event has
    no coded actor at all: a mention without an actor code (kind ``group``), so the event is kept and the
    words are there for review. Only plural people nouns and group names of the ``people`` class, counted
    parties ("the two countries", "both sides": ``party_nouns``) and a body with its article ("the group",
    "the movement": ``organisation_nouns``)."""
    if tok.pos_ in ("NUM", "PRON") and (tok.pos_ == "NUM" or st.lem(tok) in st.w.partitive_pronouns):
        of = [p for c in tok.children if c.dep_ == "prep" and st.lem(c) == "of" for p in c.children if p.dep_ == "pobj"]
        return uncoded(st, of[0]) if of else []  # "one of the suspects", "some of the protesters"
    if tok.pos_ not in NOUN_POS or st.idx.at(tok.i):
        return []
    counted = st.lem(tok) in st.w.party_nouns and any(
        c.dep_ == "nummod" or (c.dep_ in ("det", "predet") and st.lem(c) == "both") for c in tok.children
    )  # "the two countries", "both sides"
    # "the group threatened to resume attacks", "the movement rejected the proposal": a body the story named
    body = st.lem(tok) in st.w.organisation_nouns and any(c.dep_ == "det" for c in tok.children)
    if not ((st.lem(tok) in st.people or counted) and tok.tag_ in ("NNS", "NNPS")) and not body:
        return []
    left = min([tok.i, *[c.i for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "nummod")]])
    return [span_mention(tok.doc[left : tok.i + 1], tok.i, kind="group", rule="events:uncoded-group-subject")]


def uncoded_count(st: DocState, tok: Any) -> list[ActorMention]:
    """Victims given only as a number ("seven were killed", "two were arrested", "kills dozens"): the people of the
    one country the sentence names ("a car bomb ripped through a market in Mogadishu, killing 20": SOM CVL), else
    an uncoded group mention of the number."""
    counted = tok.pos_ == "NUM" or st.lem(tok) in st.w.count_nouns
    if not counted or st.idx.at(tok.i) or any(c.dep_ == "prep" and st.lem(c) == "of" for c in tok.children):
        return []
    named = {a.country for t in tok.sent for a in st.idx.at(t.i) if a.country}
    if len(named) == 1:
        crowd, span = tuple(sorted(st.c.crowd_sectors)), tok.doc[tok.i : tok.i + 1]
        rule = "events:counted-people"
        return [span_mention(span, tok.i, kind="group", rule=rule, country=named.pop(), sectors=crowd)]
    return [span_mention(tok.doc[tok.i : tok.i + 1], tok.i, kind="group", rule="events:uncoded-count")]


def home_victims(st: DocState, sources: list[ActorMention], tok: Any, code: str) -> list[ActorMention]:
    """ "Niger bandits kill 75", "Somali gunmen killed 20 in a market", "Kinshasa police charge dozens": people given
    only as a number, killed by an armed group or arrested or charged by the police of the one country its sentence
    names, are that country's people (not "Israeli strikes killed 20": a state's force strikes abroad)."""
    home = st.c.armed_group_sectors if code[:2] in st.c.casualty_roots else st.c.police_sectors
    if code[:2] not in st.c.casualty_roots and code[:2] not in st.c.home_force_roots:
        return []
    if not sources or not all(a.country and home & set(a.sectors) for a in sources):
        return []
    if any(a not in sources and a.sectors for t in tok.sent for a in st.idx.at(t.i)):
        return []  # "police dispersed the demonstrators, arresting 12": the counted are the party named
    got = uncoded_count(st, tok)
    return got if got and got[0].country and {got[0].country} == {a.country for a in sources} else []


def uncoded_pronoun(st: DocState, tok: Any) -> list[ActorMention]:
    """A third-person pronoun for people that nothing resolved ("they were arrested in the capital", in a sentence
    coded alone): an uncoded mention, so the event is kept with its words when it has no actor at all."""
    if tok.pos_ != "PRON" or st.lem(tok) not in st.w.person_pronouns or st.idx.at(tok.i):
        return []
    kind = "group" if st.lem(tok) in ("they", "them") else "person"
    return [span_mention(tok.doc[tok.i : tok.i + 1], tok.i, kind=kind, rule="events:uncoded-pronoun")]


def uncoded_name(st: DocState, tok: Any) -> list[ActorMention]:
    """A proper name the dictionaries do not know ("accused Khalil Ibrahim of fraud", "warned the Ansar Front"):
    an uncoded mention of the whole name, so a verb that needs a target keeps its event with the words. Not a
    date word; a town's name in a party's place is a party too (the gazetteer knows many surnames as towns:
    "Perez")."""
    if tok.pos_ != "PROPN" or st.idx.at(tok.i) or st.lem(tok) in st.w.time_words:
        return []
    left = min([tok.i, *[c.i for c in tok.children if c.dep_ in ("compound", "det") and c.i < tok.i]])
    if tok.doc[left].dep_ == "det":
        left += 1
    span = tok.doc[left : tok.i + 1]
    if any(st.idx.at(t.i) for t in span):
        return []
    return [span_mention(span, tok.i, kind="entity", rule="events:uncoded-name")]


def town_place(st: DocState, tok: Any) -> list[ActorMention]:
    """A town or province the actor coder left as a place ("protests broke out in Delhi", "thousands marched in
    Karachi"): its country from the gazetteer, when the name is clear about it (``actors/places.py``)."""
    if tok.lower_ in ADMIN_WORDS and tok.i > tok.sent.start:  # "in Zamfara state", "in Idlib province"
        name = tok.doc[tok.i - 1]
        return town_place(st, name) if name.dep_ == "compound" and name.head.i == tok.i else []
    if tok.pos_ != "PROPN" or st.idx.at(tok.i):
        return []
    left = tok.i
    while left > tok.sent.start and tok.doc[left - 1].pos_ == "PROPN" and tok.doc[left - 1].head.i == tok.i:
        left -= 1
    span = tok.doc[left : tok.i + 1]
    if span.text.lower() in REGION_WORDS:  # "seized a tanker in Gulf": a world region, no town
        return []
    if _prefix(tok) and not _PLACES.own_name(span.text):
        return []  # "in Pre-dawn Massacre" (Title Case): a prefix, not a spelling of Prato
    c = _PLACES.country(span.text)
    if not c:
        return []
    return [span_mention(span, tok.i, kind="country", rule="events:town-place", country=c)]


def _prefix(tok: Any) -> bool:
    """Is ``tok`` joined by a hyphen to a word ("Pre-dawn", "Anti-War", "Kharkiv-based")?"""
    doc = tok.doc
    return (
        tok.i + 2 < len(doc)
        and not tok.whitespace_
        and doc[tok.i + 1].text == "-"
        and not doc[tok.i + 1].whitespace_
        and doc[tok.i + 2].is_alpha
    )


def span_mention(
    span: Any, head: int, *, kind: str, rule: str, country: str | None = None, sectors: tuple[str, ...] = ()
) -> ActorMention:
    """An actor mention the event coder makes for words the actor coder left alone (an uncoded group, a person
    without a dictionary entry): ``span`` is the spaCy span, ``head`` its head token."""
    return ActorMention(
        start=span.start_char,
        end=span.end_char,
        tok_start=span.start,
        tok_end=span.end,
        head=head,
        text=span.text,
        name=span.text if kind == "person" else None,
        country=country,
        sectors=sectors,
        kind=kind,
        rule=rule,
    )


def not_self(st: DocState, targets: list[ActorMention], sources: list[ActorMention]) -> list[ActorMention]:
    """Targets other than the sources, a pronoun coded as a source's own actor included ("X said it must")."""
    codes = {a.code for a in sources if a.code}
    return [t for t in targets if t not in sources and not (t.text.lower() in st.w.self_pronouns and t.code in codes)]


def responsible(st: DocState, n: Any) -> list[ActorMention] | None:
    """The actors of a copula subject held responsible for the event ``n`` ("X is responsible for the
    killings", "X are guilty of violating the truce", "X was behind the attack"), or ``None``."""
    p = n.head
    if n.dep_ not in ("pobj", "pcomp") or p.pos_ != "ADP":
        return None
    a = p.head
    if st.lem(p) == "behind" and st.lem(a) in st.w.copulas:
        cop = a
    elif (
        st.lem(p) in ("for", "of")
        and a.pos_ == "ADJ"
        and st.lem(a) in st.culpable
        and a.dep_ == "acomp"
        and st.lem(a.head) in st.w.copulas
    ):
        cop = a.head
    else:
        return None
    subj = [c for c in cop.children if c.dep_ == "nsubj"]
    acts = fill(st, ("subj",), {"subj": subj})[0] if subj else []
    return acts or None


def exchange_party(st: DocState, heads: list[Any], sources: list[ActorMention]) -> list[ActorMention]:
    """The other side of a bargain: the actor of what is given "in return for" or "in exchange for" ("the rebels
    agreed to disarm in return for an amnesty from the government", "in return for Niger's concessions")."""
    for h in heads:
        for p in h.children:
            if p.dep_ != "prep" or st.lem(p) != "in":
                continue
            for r in p.children:
                if r.dep_ != "pobj" or st.lem(r) not in st.w.exchange_nouns:
                    continue
                for f in r.children:
                    if f.dep_ == "prep" and st.lem(f) == "for":
                        got = [a for o in f.children if o.dep_ == "pobj" for a in actors_at(st, o) if a not in sources]
                        if got:
                            return got
    return []


def authors(st: DocState, o: Any, mediators: bool = True) -> list[ActorMention]:
    """Who a clause on noun ``o`` says did it: "the attack carried out by Hamas", "the strikes, which were
    launched by Turkish jets", "the raids that Turkish jets carried out", "the resolution the EU adopted", "the
    raid, which it blamed on Kurdish militants", "the strikes, which it said were carried out by X". Without
    ``mediators``, not the third party who brokered it ("reached a ceasefire mediated by Egypt": no party)."""
    out: list[ActorMention] = []
    for v in o.children:
        if not mediators and st.lem(v) in st.w.hosting_verbs:
            continue
        if v.dep_ == "relcl" and st.lem(v) in st.m.speech:
            v = next((c for c in v.children if c.dep_ == "ccomp" and c.pos_ in VERB_POS), v)
        elif not (v.dep_ in ("relcl", "acl") and (v.tag_ == "VBN" or v.dep_ == "relcl" or _that_clause(v))):
            continue
        for c in v.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and st.lem(v) in st.w.blame_verbs and st.lem(c) == "on"):
                out += [a for p in c.children if p.dep_ == "pobj" for a in actors_at(st, p)]
            elif (
                c.dep_ == "nsubj"
                and v.tag_ != "VBN"
                and st.lem(c) not in st.w.relative_pronouns
                and not any(x.dep_ == "dobj" and st.lem(x) not in st.w.relative_pronouns for x in v.children)
            ):
                out += actors_at(st, c)  # "the raids that Turkish jets carried out" (not "that killed X")
    return out


def _that_clause(v: Any) -> bool:
    """ "the incursion that Israeli troops staged": a relative clause the parser read as a "that" clause."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children)


def inner_event_target(st: DocState, n: Any) -> list[ActorMention]:
    """ "a suspension of attacks against government forces", "a halt to rocket attacks on Israel": the target of the
    event noun in a noun's "of" or "to" phrase."""
    for c in n.children:
        if c.dep_ != "prep" or st.lem(c) not in ("of", "to"):
            continue
        for o in c.children:
            if o.dep_ == "pobj" and o.pos_ in NOUN_POS and st.lem(o) in st.p.nouns:
                got = fill(st, ("against", "on", "with", "at"), noun_roles(st, o))[0]
                if got:
                    return got
    return []


def on_strike_holder(st: DocState, n: Any) -> list[ActorMention]:
    """ "Jailed activist on hunger strike", "half of Chad's teachers now out on strike": the party a strike noun
    in an "on" phrase hangs on (not under a verb: "went on strike" is a support verb's)."""
    if st.lem(n) not in st.w.strike_nouns or n.dep_ != "pobj" or st.lem(n.head) != "on":
        return []
    h = n.head.head
    h = h.head if h.lower_ == "out" and h.head.i != h.i else h
    return [] if h.pos_ in VERB_POS or h.i == n.i else actors_at(st, h)


def as_states(targets: list[ActorMention]) -> list[ActorMention]:
    """The states of an embargo's targets: "an entry ban on travellers from China" is on China (a country's private
    people stand for it, ``adjustments.on_foreign_state``)."""
    return [replace(a, sectors=()) for a in targets]
