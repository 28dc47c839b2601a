"""Where a phrase stands in its clause: a destination, another party, a foreign role, a role "in <place>".

READS the parse around a draft's head (prepositions, verbs, determiners) and, for ``located_in``, the
sentence's results and places. ADDS nothing: these are the questions the resolver's steps ask of a phrase
before they let it be evidence of a country (``own_country.py``) or give it one from the context
(``fallbacks.py``).
"""

from __future__ import annotations

from typing import Any

from .codes import INTERNATIONAL
from .recognize import patron
from .sentence import Draft, Result
from .words import (
    ALIEN,
    CONFLICT_NOUNS,
    DESTINATION_PREPOSITIONS,
    IN_COUNTRY_PREPOSITIONS,
    LOCATIVES,
    MEETING_WORDS,
    ORIGIN_PREPOSITIONS,
    OTHER_PARTY_PREPOSITIONS,
    PATRON_VERBS,
    PLACE_NOUNS,
    TRAVEL_VERBS,
    VENUE_PREPOSITIONS,
    VERB_PLACE_PREPOSITIONS,
)


def away(doc: Any, d: Draft) -> bool:
    """Is the phrase a destination or a place ("visited Cuba", "in Cuba", "to Cuba")?"""
    if d.place:
        return True
    a = doc[d.head]
    if a.dep_ == "pobj":
        prep = a.head
        if prep.lower_ in DESTINATION_PREPOSITIONS:
            return True
        return bool(prep.lower_ in LOCATIVES and prep.head.lemma_.lower() in TRAVEL_VERBS)
    return bool(a.dep_ == "dobj" and a.head.lemma_.lower() in TRAVEL_VERBS)


def alien(doc: Any, d: Draft) -> str | None:
    """The word that marks a role phrase as not of the country around it ("foreign diplomats",
    "Western envoys", "visiting ministers"), if any: such a phrase takes no country from the
    context (the host's country is not the visitor's)."""
    units = d.phrase.units
    for i in range(max(d.start - 1, 0), d.head):
        w = doc[i].lower_
        if w in ALIEN and not any(u.start <= i < u.end for u in units):
            return str(w)
    return None


def other_party(doc: Any, d: Draft) -> bool:
    """Is the phrase a state named as the other party of the clause, no evidence of the country of
    the sentence's role phrases? "The Senate voted to block the sale to Riyadh", "the Duma approved
    the treaty with Ukraine", "the government thanked Japan for its help", "... grateful for
    Japan's help", "the Senate summoned Putin", and a meeting place ("diplomats met in Geneva").
    A demonym or a country modifying a people or place noun ("Nigerian villagers", "a Nigerian
    village") stays evidence."""
    if d.has_role or d.collective:
        return False
    a = doc[d.head]
    if patron(doc, d.head):
        return True  # "Turkish-backed rebels", "the UN-backed government": the patron, not the actors' country
    if not any(
        u.kind in ("country", "capital", "seat", "igo", "person") and u.start <= d.head < u.end for u in d.phrase.units
    ):
        return False
    t = a
    for _ in range(6):  # "Japan's help", "Japan and Korea": climb to the top of the noun phrase
        if t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        elif t.dep_ == "poss" and t.head.pos_ in ("NOUN", "PROPN") and t.head.lemma_.lower() not in PLACE_NOUNS:
            t = t.head
        else:
            break
    if t.dep_ in ("dobj", "dative", "iobj"):
        return True
    h = t.head
    if t.dep_ in ("npadvmod", "compound", "nmod", "amod") and h.dep_ == "amod" and h.lemma_.lower() in PATRON_VERBS:
        return True  # "Turkey-backed rebels": the patron, not the rebels' country
    if t.dep_ == "pobj":
        prep = t.head
        if prep.lower_ in OTHER_PARTY_PREPOSITIONS:
            return True
        if prep.lower_ in VENUE_PREPOSITIONS and prep.head.lemma_.lower() in MEETING_WORDS:
            return True  # a venue: "met in Geneva", "talks in Vienna"
    return False


def located_in(doc: Any, d: Draft, results: list[Result], place_of: dict[int, str] | None = None) -> list[str]:
    """The countries of an "in <country, capital or town>" phrase attached to the head of ``d`` (or, for
    "from", written right after the phrase; or, for a direct object, an "in" after it on its verb: the
    parser often hangs these on the verb — "hit a school in Kharkiv", "arrested students in Minsk"); the
    first place, and the places joined to it ("travelers from China and Iran": both), or ``[]``."""
    h = doc[d.head]
    preps = [c for c in h.children]
    if h.dep_ in ("amod", "compound") and h.head.pos_ == "NOUN":  # "Jihadist suspects from Pakistan"
        preps += [c for c in h.head.children if c.i > h.i]
    if d.end < len(doc) and doc[d.end].lower_ in ORIGIN_PREPOSITIONS and doc[d.end].head.i != d.head:
        preps.append(doc[d.end])
    if h.dep_ == "dobj" and h.head.pos_ == "VERB":  # "hit a school in Kharkiv": the parser hangs "in" on the verb
        preps += [c for c in h.head.children if c.i > h.i and c.lower_ in VERB_PLACE_PREPOSITIONS]
    # "a political prisoner held in Zambia", "journalists detained in Iran": the place of a participle on the head
    preps += [c for a in h.children if a.dep_ == "acl" and a.tag_ == "VBN" for c in a.children if c.lower_ == "in"]
    for c in preps:
        if c.dep_ == "prep" and c.lower_ in IN_COUNTRY_PREPOSITIONS:  # "dissidents from Cuba", "troops from Chad"
            for obj in c.children:
                if obj.dep_ != "pobj":
                    continue
                first = _country_at(obj, results, place_of)
                if first is None:
                    continue
                out = [first]
                if c.lower_ == "from":  # "travelers from China and Iran": people of each country
                    for conj in obj.conjuncts:
                        more = _country_at(conj, results, place_of)
                        if more is not None and more not in out:
                            out.append(more)
                return out
    return []


def _country_at(obj: Any, results: list[Result], place_of: dict[int, str] | None) -> str | None:
    """The one national country of the place or country at token ``obj``."""
    if place_of and obj.i in place_of:
        return place_of[obj.i]
    for o, countries, _rule in results:
        if o.start <= obj.i < o.end and len(countries) == 1 and countries[0] and countries[0] not in INTERNATIONAL:
            return countries[0]
    return None


def conflict_country(doc: Any, d: Draft, results: list[Result], place_of: dict[int, str] | None = None) -> str | None:
    """The one country of the conflict or place a collective's phrase names ("both sides in the Yemen conflict",
    "the warring parties in Sudan"), or ``None``."""
    for c in doc[d.head].children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "to", "of"):
            continue
        for obj in c.children:
            if obj.dep_ != "pobj":
                continue
            found = _country_at(obj, results, place_of)
            if found is None and obj.lemma_.lower() in CONFLICT_NOUNS:
                mods = [m for m in obj.children if m.dep_ in ("compound", "amod", "poss")]
                found = next((x for m in mods if (x := _country_at(m, results, place_of)) is not None), None)
            if found is not None:
                return found
    return None
