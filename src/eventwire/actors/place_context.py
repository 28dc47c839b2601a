"""Step 3 of the resolver: places from the gazetteer as context (rule ``gazetteer``).

READS drafts without a country, their name units and modifiers, the parse, story memory (a known person
is no place) and the gazetteer (``PlaceCountries.country``). ADDS:

- to a role phrase modified by a town name its country ("Samarra police" -> IRQ COP, "the governor of the
  Tyumen region, Oleg Chemezov" -> RUS), rule ``gazetteer``;
- ``Sentence.place_of`` (head token -> country) for an unknown name after a locative preposition or a place
  noun ("in Ganja", "the town of Samarra"): a place, neither a person nor emitted; those drafts leave
  ``Sentence.drafts``;
- ``Sentence.countries``: the countries of those places (not of a venue: "met in Geneva" says nothing of
  who met there);
- a place actor (the country alone, rule ``place``) for an unknown town that a physical action hits, takes
  or enters ("shelled Kharkiv", "captured the town of Bakhmut"), as for a capital ("struck Kyiv").
"""

from __future__ import annotations

from typing import Any

from .codes import CIVILIAN
from .memory import PersonRecord
from .places import PlaceCountries
from .recognize import Unit
from .sentence import Draft, Sentence, StoryState
from .words import (
    ADMIN_WORDS,
    MEETING_WORDS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_TARGET_NOUNS,
    PLACE_TARGET_VERBS,
    REGION_WORDS,
    VENUE_PREPOSITIONS,
)


def place_context(story: StoryState, s: Sentence) -> None:
    """Step: READS drafts without a country; ADDS towns' countries, ``s.place_of``, ``s.countries``."""
    doc, places = story.doc, story.places
    for d in s.drafts:
        if d.countries or d.collective:
            continue
        region = _region_place(doc, d, places)
        if region:  # "in Zamfara state", "in Idlib province": a place, as a lone town
            s.place_of[d.head] = region
            s.countries.append(region)
        elif d.names and d.has_role:
            _town_in_phrase(doc, d, places)
        elif not d.names and d.has_role:
            _town_modifier(doc, d, places)
        elif _town_target(doc, d, story, places):
            s.countries.append(d.countries[0][0])
        else:
            c = _town_place(doc, d, story, places)
            if c:
                s.place_of[d.head] = c
                a = doc[d.head]
                if not (a.head.lower_ in VENUE_PREPOSITIONS and a.head.head.lemma_.lower() in MEETING_WORDS):
                    s.countries.append(c)  # a venue ("met in Geneva") says nothing of who met there
    if s.place_of:
        s.drafts = [d for d in s.drafts if d.head not in s.place_of]


def _region_place(doc: Any, d: Draft, places: PlaceCountries) -> str | None:
    """The country of a province named by its name and an administrative word after a locative preposition
    ("attacked a village in Zamfara state", "in Tillaberi Region"), from the gazetteer."""
    if len(d.names) != 1 or d.has_role:
        return None
    u = d.names[0]
    words = doc[u.start : u.end]
    last = words[-1]
    if last.lower_ in ADMIN_WORDS and len(words) > 1:  # "Zamfara State" read as one name
        words, admin = words[:-1], last
    else:
        admin = doc[u.root].head
        if doc[u.root].dep_ != "compound" or admin.lower_ not in ADMIN_WORDS or admin.i != u.end:
            return None
    if admin.dep_ != "pobj" or admin.head.lower_ not in PLACE_PREPOSITIONS:
        return None
    return places.country(words.text)


def _town_in_phrase(doc: Any, d: Draft, places: PlaceCountries) -> None:
    """A town inside the phrase: "the government of Quetta province", "the governor of the Tyumen region,
    Oleg Chemezov" (a name that is not the head nor a title's apposition)."""
    for u in list(d.names):
        if u.kind != "name" or u.root == d.head or doc[u.root].head.i == d.head:
            continue
        c = places.country(doc[u.start : u.end].text)
        if c:
            d.countries.append((c, u))
            d.names.remove(u)
            d.rule = "gazetteer"
            break


def _town_modifier(doc: Any, d: Draft, places: PlaceCountries) -> None:
    """A capitalised modifier of the role head: a name chain ("Samarra police") or a word the tagger took
    for an adjective; not an acronym ("IRNA news agency"), not a sentence-initial adjective before
    civilians ("Nice people"), not before a capitalised plural ("Sacramento Kings"), not a world region's
    word ("Gulf Arab leaders": Gulf is also a province of Papua New Guinea)."""
    h = doc[d.head]
    if h.tag_ in ("NNS", "NNPS") and h.text[:1].isupper():
        return
    mods = [(doc[u.start : u.end].text, u) for u in d.modifiers if not doc[u.start : u.end].text.isupper()]
    for k in h.children:
        if (
            d.phrase.floor <= k.i < d.head  # (not across a headline's verb: "Thai police arrest | protest leaders")
            and k.dep_ in ("amod", "compound", "nmod")
            and k.is_alpha
            and k.text[:1].isupper()
            and not k.text.isupper()
            and not (k.is_sent_start and k.pos_ != "PROPN" and CIVILIAN in d.sectors)
            and not any(u.start <= k.i < u.end for u in d.phrase.units)
        ):
            mods.append((k.text, Unit(k.i, k.i + 1, k.i, "name")))
    for text, u in mods:
        if text.lower() in REGION_WORDS:  # "Gulf Arab leaders", "Western diplomats": a world region, no town
            continue
        c = places.country(text)
        if c:
            d.countries.append((c, u))
            d.rule = "gazetteer"
            break


def _town_place(doc: Any, d: Draft, story: StoryState, places: PlaceCountries) -> str | None:
    """The country of a lone unknown name after a locative preposition, "<place noun> of" or "<attack noun> of"
    ("in Ganja", "the town of Samarra", "the shelling of Kharkiv"), unless the story knows it as a person."""
    if len(d.names) != 1 or d.has_role or len(d.phrase.units) != 1:
        return None
    a = doc[d.head]
    if a.dep_ != "pobj":
        return None
    prep, noun = a.head.lower_, a.head.head.lemma_.lower()
    # "in Ganja", "the town of Samarra", "the shelling of Kharkiv" (the place hit)
    if prep not in PLACE_PREPOSITIONS and not (prep == "of" and (noun in PLACE_NOUNS or noun in PLACE_TARGET_NOUNS)):
        return None
    u = d.names[0]
    text = doc[u.start : u.end].text
    if isinstance(story.mem.person(text), PersonRecord):
        return None
    return places.country(text)


def _town_target(doc: Any, d: Draft, story: StoryState, places: PlaceCountries) -> bool:
    """A lone unknown name that a physical action hits, takes or enters, directly or as "the town of X"
    ("shelled Kharkiv", "captured the town of Bakhmut"): the place, coded as its country (rule ``place``)."""
    if len(d.names) != 1 or d.has_role or len(d.phrase.units) != 1:
        return False
    a = doc[d.head]
    if a.dep_ == "pobj" and a.head.lower_ == "of" and a.head.head.lemma_.lower() in PLACE_NOUNS:
        a = a.head.head  # "the town of Bakhmut": the place noun is the object
    if a.dep_ != "dobj" or a.head.lemma_.lower() not in PLACE_TARGET_VERBS:
        return False
    u = d.names[0]
    text = doc[u.start : u.end].text
    if isinstance(story.mem.person(text), PersonRecord):
        return False
    c = places.country(text)
    if not c:
        return False
    d.countries, d.names, d.sectors = [(c, u)], [], []
    d.place, d.rule = True, "place"
    return True
