"""Step 1 of the resolver: a ``Draft`` of each phrase — its span, the codes its own words give, and marks.

READS a ``Phrase`` (``recognize.group_units``: dictionary hits and name chains under one head), the parse,
the story date (dated persons and parties) and the lexicon (organisation names, roles the tagger made
adjectives). ADDS a ``Draft``: the span (widened to the head's own modifiers, trimmed at finite verbs and
line breaks), the countries its units name (each with the unit that named it), sectors in CAMEO order
(head first, then the other titles in text order; religion codes last; ELI for a former official),
organisation and region codes, the person names, and marks for the later steps: ``has_role``,
``collective``, ``fallback``, ``home`` (an ethnic group's country), ``place`` (a capital as a place),
``dropped`` (no actor: "military spheres", "the Baku meeting"). No context is read here: what a phrase
does not say itself is left to the later steps.

``draft_of`` reads as its steps: widen the span → read the units → mark the phrase (former, ethnic,
counted people, religion word) → a capital alone → a role that only modifies → generic roles give way →
the head's own reading of its modifiers (``heads.py``: an opponent, a people's forces, the head of a body) →
sector order → trim the span.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..nlp import text_of
from . import heads
from .codes import (
    CIVILIAN,
    FORMER_OFFICIAL,
    INTERNATIONAL,
    RELIGION_CODES,
    ROLE_CODES,
)
from .entries import Entry, Lexicon
from .heads import ROLE_KINDS
from .recognize import Phrase, Unit
from .sentence import Draft, Sentence, StoryState, add_codes
from .words import (
    CAPITAL_ACTOR_PREPOSITIONS,
    COORDINATORS,
    ETHNIC_IDS,
    FORMER_IDS,
    GIVEN_NAMES,
    NATIONAL,
    ONE,
    ORG_WORDS,
    PLACE_TARGET_VERBS,
    STANCE_PREFIXES,
    TIME_NOUNS,
)

COUNTRY_KINDS = frozenset({"country", "demonym", "capital", "seat", "igo", "person"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # tags of finite verbs: a phrase never takes one in
PLURAL_TAGS = ("NNS", "NNPS")
# where a capital is the government ("Moscow said", "talks with Tehran", "warned Ankara")
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "poss", "appos", "ROOT", "dative"})
MODIFIER_DEPS = ("compound", "amod", "nmod")


def has_break(doc: Any, lo: int, hi: int) -> bool:
    """Is there a line break in the text (and trailing space) of the tokens ``lo`` to ``hi - 1``?"""
    if hi <= lo:
        return False
    text = text_of(doc)
    return "\n" in text[doc[lo].idx : doc[hi].idx if hi < len(doc) else len(text)]


def _across_break(doc: Any, u: Unit, anchor: int) -> bool:
    """Is a line break between unit ``u`` and the phrase head? ("Yonhap via REUTERS\nThe church ...":
    a caption credit the parser glued to the next paragraph gives the church no code)."""
    lo, hi = (u.end - 1, anchor) if u.end <= anchor else (anchor, u.start)
    return has_break(doc, lo, hi)


def _stance_prefix(doc: Any, i: int) -> bool:
    """Is token ``i`` written right after "pro-" or "anti-" ("pro-Russian", "anti-American")?"""
    if i < 2:
        return False
    dash, pre = doc[i - 1], doc[i - 2]
    return bool(dash.text == "-" and not dash.whitespace_ and not pre.whitespace_ and pre.lower_ in STANCE_PREFIXES)


def _org_country(doc: Any, u: Unit, lex: Lexicon) -> str | None:
    """The country named inside an organisation's name chain ("Air Mauritius" -> MUS), if any."""
    words = [t.lower_ for t in doc[u.start : u.end]]
    for i in range(len(words)):
        for j in (i + 3, i + 2, i + 1):
            if j > len(words):
                continue
            for f in lex.forms.get(" ".join(words[i:j]), ()):
                if f.entry.kind in ("country", "demonym") and f.entry.country:
                    return f.entry.country
    return None


def split_coordinated(doc: Any, phrases: list[Phrase]) -> list[Phrase]:
    """ "Trump and Indian Prime Minister Narendra Modi": a person written before "and" that the parser
    hung inside another person's titles is a phrase of its own; so is a role coordinated with the role of
    the head ("Syria's government and rebel forces": the government, and the rebel forces) (before drafting;
    all phrases of the doc)."""
    out: list[Phrase] = []
    for p in phrases:
        if len(p.units) < 2:
            out.append(p)
            continue
        head = next((u for u in p.units if u.start <= p.anchor < u.end), None)
        k = next(
            (
                i
                for i, u in enumerate(p.units[:-1])
                if u is not head
                and u.end < len(doc)
                and doc[u.end].lower_ in COORDINATORS
                and (
                    u.kind in ("person", "name")
                    or _coordinated_roles(doc, u, p.units[i + 1], head)
                    or _group_beside_state(u, p.units[i + 1])
                )
            ),
            None,
        )
        if head is None or k is None or head.start <= p.units[k].start:
            out.append(p)
            continue
        if (
            head.kind not in ("person", "name")
            and not _coordinated_roles(doc, p.units[k], p.units[k + 1], head)
            and not _group_beside_state(p.units[k], p.units[k + 1])
        ):
            out.append(p)
            continue
        first = p.units[: k + 1]
        for u in first:
            u.anchor = p.units[k].root
        a = Phrase(p.units[k].root, first)
        if head.kind in ROLE_KINDS:  # the first role's span reaches the shared head: the clause finds both
            a.span = (a.start, p.end)
        out.append(a)
        out.append(Phrase(p.anchor, p.units[k + 1 :]))
    return out


def _group_beside_state(u: Unit, nxt: Unit) -> bool:
    """A named organisation before "and" and a state's name or adjective ("talks between the Taliban and U.S.
    envoys"): the organisation is a party of its own, not a second owner of the role after the state."""
    return u.kind == "igo" and nxt.kind in ("country", "demonym") and nxt.start == u.end + 1


def _coordinated_roles(doc: Any, u: Unit, nxt: Unit, head: Unit | None) -> bool:
    """``u`` and the next unit are roles joined by "and" over a role head ("government and rebel forces"):
    the parser made the second a conjunct of the first."""
    return (
        head is not None
        and u.kind in ROLE_KINDS
        and nxt.kind in ROLE_KINDS
        and head.kind in ROLE_KINDS
        and nxt.start == u.end + 1
        and any(doc[i].dep_ == "conj" and doc[i].head.i == u.root for i in range(nxt.start, nxt.end))
    )


# -- drafting --------------------------------------------------------------------------------------------


def draft_phrases(story: StoryState, s: Sentence) -> None:
    """Step: READS ``s.phrases``, the story date; ADDS ``s.drafts`` (phrases that are actors, in order)."""
    drafts = [draft_of(story.doc, p, story.story.date, story.lowers, story.lex) for p in s.phrases]
    s.drafts = [d for d in drafts if not d.dropped]


def draft_of(doc: Any, p: Phrase, day: _dt.date | None, lowers: list[int], lex: Lexicon) -> Draft:
    """The draft of phrase ``p`` (``lowers``: the lowercase string ids of the doc's tokens)."""
    d = Draft(p, p.start, p.end, p.anchor)
    _widen(doc, d)
    head_units = [u for u in p.units if u.root == p.anchor or u.start <= p.anchor < u.end]
    _read_units(doc, d, head_units, day, lex)
    _national_body(doc, d)
    _mark_phrase(doc, d, lowers)
    d.only_capital = all(u.kind == "capital" for u in p.units)
    if d.only_capital:
        _capital_alone(doc, d)
    _role_modifier(doc, d, head_units)
    _generic_roles_yield(doc, d, lex)
    heads.body_head(doc, d)
    heads.opponent_head(d, head_units)
    heads.people_force(d)
    _order_sectors(d)
    _trim(doc, d)
    return d


def _widen(doc: Any, d: Draft) -> None:
    """The span takes in the head's own modifiers written directly before it ("Ethnic Hungarians",
    "Senior ... officials") and its article ("the Trump administration", "a U.S. judge": the phrase as annotated
    news corpora mark it)."""
    a = doc[d.head]
    while d.start > d.phrase.floor:  # not across a headline's verb: "Thai police arrest | protest leaders"
        t = doc[d.start - 1]
        year = len(t.text) == 4 and t.text.isdigit() and 1900 <= int(t.text) < 2100  # "In 2019 rebels attacked"
        if t.lower_ in TIME_NOUNS or year:
            break  # "Last year rebels attacked": a time, misparsed into the phrase
        if t.head.i == a.i and t.dep_ in ("amod", "compound", "nummod") and t.pos_ not in ("PUNCT", "VERB"):
            d.start -= 1
        else:
            break
    if d.start > d.phrase.floor and doc[d.start - 1].head.i == a.i and doc[d.start - 1].lower_ in ("the", "a", "an"):
        d.start -= 1


def _read_units(doc: Any, d: Draft, head_units: list[Unit], day: _dt.date | None, lex: Lexicon) -> None:
    """Codes and names from every unit: the head's units first, then the others in text order (not
    across a line break)."""
    p = d.phrase
    role_phrase = any(u.kind in ROLE_KINDS for u in p.units)
    head_name = any(u.kind in ("name", "person") for u in head_units)
    ordered = head_units + [u for u in p.units if u not in head_units and not _across_break(doc, u, p.anchor)]
    for u in ordered:
        e = u.entry
        if u.kind == "name":
            _name_unit(doc, d, u, lex)
            continue
        assert e is not None
        if e.head_only and u not in head_units and doc[u.root].dep_ != "appos":
            continue  # "China's National Health Commission": "national" is a citizen only as the head
        if e.home or e.ethnic:
            nxt = doc[u.end] if u.end < len(doc) else None
            if e.home and nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue  # "Karen Bass": a first name, not the people
            d.home = d.home or e.home
            if u not in head_units:
                d.people = d.people or e.ethnic
                continue  # "Karen guerrillas" are REB, not CVL
        if u.kind == "person" and u not in head_units and head_name:
            continue  # "Friedrich Merz, a rival of Angela Merkel": another person's code is not his
        if u.kind == "person":
            _person_unit(doc, d, u, e, day, role_phrase)
            continue
        _entry_unit(doc, d, u, e, day, role_phrase)


def _name_unit(doc: Any, d: Draft, u: Unit, lex: Lexicon) -> None:
    """A name chain: an organisation of the country it names ("Air China"), a modifier of a role head
    ("Toyota workers", "Samarra police"), or a person name."""
    p = d.phrase
    if doc[u.start].lower_ in ORG_WORDS or doc[u.end - 1].lower_ in ORG_WORDS:
        org = _org_country(doc, u, lex)  # "Air China", "Radio Free Asia": no person
        if org:
            d.countries.append((org, u))
            add_codes(d.sectors, ORG_WORDS.get(doc[u.start].lower_) or ORG_WORDS[doc[u.end - 1].lower_])
        return
    r = doc[u.root]
    role_head = any(x.kind in ROLE_KINDS and x.root == p.anchor for x in p.units)
    plural = doc[p.anchor].tag_ in PLURAL_TAGS
    owned = any(x.entry is not None and x.entry.equipment and x.root == p.anchor for x in p.units)
    if (
        u.root != p.anchor
        and r.head.i == p.anchor
        and role_head
        and (r.dep_ == "compound" or (r.dep_ in ("poss", "nmod") and (plural or owned)))
    ):
        d.modifiers.append(u)
        return  # "Toyota workers", "the Trump administration": an organisation or place, not a person
    d.names.append(u)


def _person_unit(doc: Any, d: Draft, u: Unit, e: Entry, day: _dt.date | None, role_phrase: bool) -> None:
    """A known person: the code of the role held on the story date (the latest role in an undated story);
    a surname after a title is that person even out of office ("Former President Obama")."""
    p = d.phrase
    c, secs = e.person_code(day, titled=role_phrase)
    latest = day is None and bool(e.periods)
    r = doc[u.root]
    if (
        u.root != p.anchor
        and r.head.i == p.anchor
        and r.dep_ in ("compound", "poss", "nmod")
        and any(x.kind in ROLE_KINDS and x.root == p.anchor for x in p.units)
    ):
        # "the Trump administration", "Putin's spokesman", "Erdogan supporters": the person's
        # country; the head's role (the person's own role only for a neutral head)
        if c:
            _add_person_country(d, u, c, latest)
            if c in INTERNATIONAL:
                add_codes(d.orgs, [s for s in secs if s not in ROLE_CODES])
            if not d.sectors:
                add_codes(d.sectors, [s for s in secs if s in ROLE_CODES])
        return
    if c in INTERNATIONAL and secs:
        _add_person_country(d, u, c, latest)
        add_codes(d.orgs, [s for s in secs if s not in ROLE_CODES])
        add_codes(d.sectors, [s for s in secs if s in ROLE_CODES])
    elif c:
        _add_person_country(d, u, c, latest)
        add_codes(d.sectors, secs)
    d.names.append(u)


def _add_person_country(d: Draft, u: Unit, country: str, latest: bool) -> None:
    d.countries.append((country, u))
    if latest:
        d.latest_roles.append(u)


def _entry_unit(doc: Any, d: Draft, u: Unit, e: Entry, day: _dt.date | None, role_phrase: bool) -> None:
    """A country, demonym, capital, seat, organisation, role, rank or collective reference."""
    p = d.phrase
    if (
        u.kind in ("country", "capital")
        and u.end - u.start == 1
        and doc[u.start].lower_ in GIVEN_NAMES
        and any(x.kind == "name" and x.start == u.end and x.end - x.start <= 2 for x in p.units)
    ):
        return  # "Chad Smith", "Sofia Marquez": a first name, not the country
    if u.kind in ("country", "demonym", "capital") and _stance_prefix(doc, u.start):
        return  # "pro-Russian separatists", "an anti-Syria journalist": a stance, not a country
    if _stance_prefix(doc, u.start) and doc[u.start - 2].lower_ == "anti":
        return  # "the anti-ISIS coalition", "the anti-Taliban alliance": against the group, not the group
    if u.kind in COUNTRY_KINDS and e.country:
        d.countries.append((e.country, u))
        if e.org:
            add_codes(d.orgs, [e.org] + ([e.sub] if e.sub else []))
        if e.region:
            add_codes(d.regions, [e.region])
    if u.kind in ("role", "rank", "seat", "igo", "capital"):
        if u.kind in ROLE_KINDS:
            d.has_role = True
        if u.kind == "igo":  # a party's sectors depend on the story date (governing or not)
            add_codes(d.sectors, e.org_sectors(day))
        elif u.kind != "capital" or not (role_phrase or u.root != p.anchor):
            # "Paris police" is COP, not COP GOV; "the Beijing Olympics" is no government
            add_codes(d.sectors, e.sectors)
    if u.kind == "collective":
        d.collective = True
    if e.fallback and not d.fallback:
        d.fallback = e.fallback


def _national_body(doc: Any, d: Draft) -> None:
    """ "Iran's Red Crescent", "the Kenya Red Cross", "the national Olympic committee": an organisation every
    country has one of (igos.yaml ``national``) is the national body when the phrase names a country or says
    "national" — that country (or the context's) with the generic code as a sector, not the international
    organisation."""
    body = next((u for u in d.phrase.units if u.kind == "igo" and u.entry is not None and u.entry.national), None)
    if body is None or body.entry is None:
        return
    own = [(c, u) for c, u in d.countries if u is not body and u.kind in ("country", "demonym", "capital")]
    said = any(doc[i].lower_ in NATIONAL for i in range(max(d.start - 1, 0), body.start))
    if not own and not said:
        return
    e = body.entry
    d.countries = own
    d.orgs = [o for o in d.orgs if o not in (e.org, e.sub)]
    generic = [e.country] if e.country in INTERNATIONAL else []
    d.sectors = generic + [s for s in d.sectors if s not in generic]
    d.has_role = True


def _mark_phrase(doc: Any, d: Draft, lowers: list[int]) -> None:
    """Marks from the words around the units: a former official, an ethnic group, a counted people, a
    religion word that is no actor."""
    p = d.phrase
    a = doc[p.anchor]
    words = set(lowers[max(min(p.start, d.start) - 1, 0) : p.end])
    if words & FORMER_IDS:
        d.former = True
    # "ethnic Albanians": an ethnic group, not the state; its country comes from the context
    if words & ETHNIC_IDS:
        d.countries = [(c, u) for c, u in d.countries if u.kind != "demonym"]
        add_codes(d.sectors, [CIVILIAN])
    # "100 Palestinians", "thousands of Iraqis": a counted people is civilians (a bare "Iraqis said" is
    # the country)
    if (
        len(p.units) == 1
        and p.units[0].kind == "demonym"
        and a.tag_ in PLURAL_TAGS
        and (
            any(c.dep_ == "nummod" for c in a.children)
            or (a.dep_ == "pobj" and a.head.lower_ == "of" and a.head.head.tag_ in ("NNS", "CD"))
        )
    ):
        add_codes(d.sectors, [CIVILIAN])
    # a religion word is an actor only before a role noun ("Shiite fighters") or as a plural or counted
    # noun ("Muslims", "a Christian"), never alone as an adjective or a name ("Islamic-backed", "The
    # Hindu" newspaper)
    if any(u.entry is not None and u.entry.religion and u.start <= p.anchor < u.end for u in p.units) and (
        a.pos_ == "ADJ"
        or (a.tag_ not in PLURAL_TAGS and not any(c.dep_ == "det" and c.lower_ in ONE for c in a.children))
    ):
        d.dropped = True


def _capital_alone(doc: Any, d: Draft) -> None:
    """A capital alone is the seat of government ("Moscow said"), but no actor as a place ("in Moscow")
    nor as the modifier of a non-actor ("the Baku meeting")."""
    a = doc[d.phrase.anchor]
    while a.dep_ == "conj" and a.head.i != a.i:
        a = a.head
    if a.dep_ in ("compound", "amod", "nmod", "npadvmod"):
        d.dropped = True
    elif (
        not (a.dep_ in ACTOR_DEPS or (a.dep_ == "pobj" and a.head.lower_ in CAPITAL_ACTOR_PREPOSITIONS))
        or (a.dep_ == "dobj" and a.head.lemma_ in PLACE_TARGET_VERBS)
        or (a.dep_ == "pobj" and a.head.lower_ in ("on", "against") and a.head.head.lemma_ in PLACE_TARGET_VERBS)
    ):
        # "in Moscow", "the city of Santiago", "shelled Kyiv", "an attack on London": a place, the country only
        d.place = True
        d.sectors = []
        d.rule = "place"


def _role_modifier(doc: Any, d: Draft, head_units: list[Unit]) -> None:
    """A role word that only modifies a non-actor ("military spheres") is no actor unless marked modifier."""
    if d.names or d.countries or d.collective:
        return
    head = next((u for u in head_units if u.kind in ROLE_KINDS), None)
    a = doc[d.phrase.anchor]
    if head is not None and a.dep_ in MODIFIER_DEPS and head.entry is not None and not head.entry.modifier:
        d.dropped = True


def _generic_roles_yield(doc: Any, d: Draft, lex: Lexicon) -> None:
    """A generic role gives way to the other roles of its phrase: "a police official" is COP, not GOV COP,
    "Hamas leader Khalil Nour" is REB."""
    p = d.phrase
    for yu in p.units:
        if yu.entry is None or not yu.entry.yields or yu.kind not in ROLE_KINDS:
            continue
        others: list[str] = []
        for u in p.units:
            if (
                u is not yu
                and u.kind in ("role", "rank", "igo")
                and u.entry is not None
                and not u.entry.religion
                and not u.entry.home
            ):  # "Shiite leaders" stay GOV (+ MOS SHI)
                add_codes(others, u.entry.sectors)
        if yu.root == p.anchor:  # "military officials": the tagger made it an adjective
            for k in doc[p.anchor].children:
                if (
                    k.i < p.anchor
                    and k.dep_ in ("amod", "compound")
                    and not any(u.start <= k.i < u.end for u in p.units)
                ):
                    for f in lex.forms.get(k.lower_, ()):
                        if f.entry.kind == "role" and f.entry.sectors:
                            add_codes(others, f.entry.sectors)
                            break
        if not others:
            continue
        own = [s for s in yu.entry.sectors if s not in others]
        if yu.root == p.anchor:
            d.sectors = others + [s for s in d.sectors if s not in others and s not in own]
        else:
            d.sectors = [s for s in d.sectors if s not in own]


def _order_sectors(d: Draft) -> None:
    """A former official is ELI (with its religion); religion codes follow the role codes, and a religious
    community without a role of its own is civilian: "Sunnis" -> CVL MOS SUN, while "Sunni militia" ->
    UAF MOS SUN (CAMEO 3.1.5)."""
    if d.former and d.has_role:
        d.sectors = [FORMER_OFFICIAL] + [s for s in d.sectors if s in RELIGION_CODES]
    if d.sectors and all(s in RELIGION_CODES for s in d.sectors):
        d.sectors = [CIVILIAN] + d.sectors
    elif any(s in RELIGION_CODES for s in d.sectors):  # roles first, then the religion
        d.sectors = [s for s in d.sectors if s not in RELIGION_CODES] + [s for s in d.sectors if s in RELIGION_CODES]


def _trim(doc: Any, d: Draft) -> None:
    """A phrase never takes in a finite verb ("..., which made it effective ..., Richard Brown") nor runs
    across a line break (a paragraph the parser glued to the next one)."""
    for i in range(d.head - 1, d.start - 1, -1):
        if doc[i].tag_ in FINITE:
            d.start = i + 1
            break
    for i in range(d.head + 1, d.end):
        if doc[i].tag_ in FINITE:
            d.end = i
            while d.end - 1 > d.head and (doc[d.end - 1].is_punct or doc[d.end - 1].tag_ in ("WP", "WDT")):
                d.end -= 1  # "Omar Haddad, who heads ...": the person, without ", who"
            break
    breaks = [i for i in range(d.start, d.end) if "\n" in doc[i].text_with_ws] if has_break(doc, d.start, d.end) else []
    if breaks:
        before = [i for i in breaks if i < d.head]
        after = [i for i in breaks if i >= d.head]
        if before:
            d.start = before[-1] + 1
        if after:
            d.end = after[0] + 1
        while d.end - 1 > d.head and doc[d.end - 1].is_space:
            d.end -= 1
