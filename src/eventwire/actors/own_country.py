"""Step 4 of the resolver: phrases that carry their own country, and names the story introduced before.

READS the drafts, story memory (``StoryMemory.person``: "Hasanov noted" after "... Zakir Hasanov") and
the clause around each phrase (``clause.away``, ``clause.other_party``). ADDS

- ``Sentence.results`` for drafts with a country of their own (rule ``dict:<file>:<line>``, or what an earlier
  step named: ``title-run``, ``state``, ``place``, ``gazetteer``) or from memory (rule ``memory:person``:
  "Jordan" after "Michael Jordan" is the person, not the country);
- ``Sentence.countries`` (the sentence's countries as evidence: not a state named as the other party of
  the clause) and ``Sentence.home`` (nor as a destination or a place);
- ``Sentence.uncoded`` and story memory for a name without any code (remembered, not emitted);
- ``Sentence.pending``: the drafts left for the fallbacks.
"""

from __future__ import annotations

from .clause import away, other_party
from .codes import INTERNATIONAL
from .memory import PersonRecord
from .sentence import Draft, Sentence, StoryState, add_codes, dict_rule, mention_name
from .words import SURNAMES


def own_countries(story: StoryState, s: Sentence) -> None:
    """Step: READS ``s.drafts``, story memory; ADDS ``s.results``, ``s.countries``, ``s.home``,
    ``s.uncoded``, ``s.pending``."""
    doc, mem = story.doc, story.mem
    for d in s.drafts:
        countries: list[str | None] = list(dict.fromkeys(c for c, _ in d.countries))
        name = mention_name(doc, d)
        if (
            len(d.phrase.units) == 1
            and d.phrase.units[0].kind == "country"
            and mem.known_name(doc[d.start : d.end].text)
        ):
            # "Jordan" after "Michael Jordan" was introduced: the person, not the country
            rec = mem.person(doc[d.start : d.end].text)
            if not isinstance(rec, PersonRecord):
                s.uncoded.append(d.start)
                continue
            countries = [rec.country] if rec.country else []
            d.sectors, d.rule = list(rec.sectors), "memory:person"
            name = rec.name
        if name and not countries:
            rec = mem.person(name)
            if isinstance(rec, PersonRecord):
                countries = [rec.country] if rec.country else []
                secs = list(rec.sectors)
                add_codes(secs, d.sectors)
                d.sectors = secs
                d.rule = "memory:person"
        if countries:
            s.results.append((d, list(countries), d.rule or dict_rule(d)))
            _evidence(story, s, d, countries)
        elif name and not d.sectors:
            if _person_like(story, d):  # "Brexit Britain" (a place) must not make a later "Britain" a person
                mem.remember_person(name, None, ())  # an uncoded name: remembered, not emitted
            s.uncoded.append(d.start)
        else:
            s.pending.append(d)


def _person_like(story: StoryState, d: Draft) -> bool:
    """The phrase's name holds no word that is by itself a country ("Brexit Britain"), unless the word is also a
    family name ("Michael Jordan", ``surnames``): only such a name is remembered as an uncoded person whose last
    word later stands for it."""
    u = next((n for n in d.names if n.root == d.head), d.names[-1]) if d.names else None
    if u is None:
        return True
    for t in story.doc[u.start : u.end]:
        if t.lower_ not in SURNAMES and any(f.entry.kind == "country" for f in story.lex.forms.get(t.lower_, ())):
            return False
    return True


def _evidence(story: StoryState, s: Sentence, d: Draft, countries: list[str | None]) -> None:
    """The phrase's countries as the sentence's (unless it is the other party of the clause) and as
    home countries (unless it is a destination or a place)."""
    is_away = away(story.doc, d)
    other = other_party(story.doc, d)
    for c in countries:
        if c and c not in INTERNATIONAL:
            if not other:
                s.countries.append(c)
            if not is_away:
                s.home.append(c)
