"""Step 2 of the resolver: states and titles — what the words around a phrase say of its country and role.

Four steps, in this order (each reads ``Sentence.drafts`` and changes the drafts in place):

- ``town_country`` (rule ``place``): "Atlanta, Georgia", "New Delhi, India": a town followed by a comma and
  a country is a place in that country (no sectors, not a person);
- ``switch_sectors``: a head role with a ``switch`` (sectors.yaml) takes its other sectors when a cue lemma is
  in the sentence ("security forces fired tear gas at protesters" -> COP instead of MIL);
- ``title_runs`` (rule ``title-run``): a name whose parse lost its titles takes the capitalised titles written
  directly before it ("... Chief Military Prosecutor, 1st Class State Counsellor of Justice Valery Petrov");
  phrases inside the widened span are absorbed;
- ``states_of_countries`` (rule ``state``): a country name the story showed to be a state of another country
  ("the state of Georgia", "Atlanta, Georgia", then "Georgia's governor"), from the gazetteer
  (``PlaceCountries.subdivision_country``); remembered in ``StoryMemory.states``.
"""

from __future__ import annotations

from typing import Any

from .draft import COUNTRY_KINDS
from .heads import ROLE_KINDS
from .places import PlaceCountries
from .recognize import Unit
from .sentence import Draft, Sentence, StoryState, add_codes
from .words import STATE_NOUNS, TITLE_CONNECTORS


def town_country(story: StoryState, s: Sentence) -> None:
    """Step: READS the drafts' units; ADDS the country of "<town>, <country>" phrases as places."""
    for d in s.drafts:
        units = d.phrase.units
        if len(units) == 2 and not any(u.kind in ROLE_KINDS for u in units):
            _town_country(story.doc, d)


def _town_country(doc: Any, d: Draft) -> None:
    first, second = sorted(d.phrase.units, key=lambda u: u.start)
    if (
        first.kind not in ("name", "capital")
        or second.kind != "country"
        or second.start != first.end + 1
        or doc[first.end].text != ","
        or second.entry is None
        or not second.entry.country
    ):
        return
    d.place = True
    d.sectors = []
    d.names = []
    d.rule = "place"
    d.countries = [(second.entry.country, second)]


def switch_sectors(story: StoryState, s: Sentence) -> None:
    """Step: READS the sentence's lemmas (only when a draft has a switching role); CHANGES the sectors of
    drafts whose head role switches on a cue lemma."""
    if not any(u.entry is not None and u.entry.switch for d in s.drafts for u in d.phrase.units):
        return
    lemmas = {t.lemma_.lower() for t in story.doc[s.start : s.end]}
    for d in s.drafts:
        _switch(d, lemmas)


def _switch(d: Draft, sent_lemmas: set[str]) -> None:
    for u in d.phrase.units:
        e = u.entry
        if e is None or not e.switch or not (u.root == d.head or u.start <= d.head < u.end):
            continue
        if e.cues & sent_lemmas:
            d.sectors = list(e.switch) + [s for s in d.sectors if s not in e.sectors and s not in e.switch]
        return


def title_runs(story: StoryState, s: Sentence) -> None:
    """Step: READS names without a country and the units before them; ADDS the countries and sectors of
    their title runs (rule ``title-run``) and drops the drafts a widened span took in."""
    absorbed: set[int] = set()
    for d in s.drafts:
        if d.names and not any(c for c, _ in d.countries):
            run = title_run(story.doc, d, story.units_by_tok, s.start)
            if run:
                for u in run:
                    if u.kind in COUNTRY_KINDS and u.entry is not None and u.entry.country:
                        d.countries.append((u.entry.country, u))
                    if u.entry is not None:
                        add_codes(d.sectors, u.entry.sectors)
                d.rule = "title-run"
                for o in s.drafts:
                    if o is not d and d.start <= o.start and o.end <= d.end:
                        absorbed.add(id(o))
    s.drafts = [d for d in s.drafts if id(d) not in absorbed]


def title_run(doc: Any, d: Draft, units_by_tok: dict[int, Unit], sent_start: int) -> list[Unit]:
    """Units of the capitalised title run written directly before the phrase (when the parse lost it);
    widens the draft's span over the run."""
    i = d.start - 1
    run: list[Unit] = []
    first_ok = d.start
    while i >= sent_start:
        t = doc[i]
        u = units_by_tok.get(i)
        if u is not None and u.kind in ("role", "rank", "country", "demonym", "igo"):
            run.append(u)
            i = u.start - 1
            first_ok = u.start
            continue
        if t.lower_ in TITLE_CONNECTORS or t.is_digit or (t.text[:1].isdigit() and t.pos_ != "VERB"):
            i -= 1
            continue
        nxt = doc[i + 1].text[:1] if i + 1 < len(doc) else ""
        if t.text == "," and (nxt.isupper() or nxt.isdigit()):
            i -= 1
            continue
        if t.pos_ == "PROPN" and t.text[:1].isupper() and u is None:
            i -= 1
            first_ok = i + 1
            continue
        break
    if not any(u.kind in ROLE_KINDS for u in run):
        return []
    d.start = min(first_ok, d.start)
    return run


def states_of_countries(story: StoryState, s: Sentence) -> None:
    """Step: READS drafts with one country word, the story's known states, the gazetteer; CHANGES their
    country to the state's country (rule ``state``; a bare one is a place) and remembers the state."""
    doc, mem = story.doc, story.mem
    for d in s.drafts:
        if len(d.countries) != 1 or d.countries[0][1].kind != "country":
            continue
        cu = d.countries[0][1]
        form = doc[cu.start : cu.end].text.lower()
        state_of = mem.states.get(form) or state_country(story.places, doc, d)
        if state_of:
            mem.states[form] = state_of
            d.countries = [(state_of, cu)]
            d.rule = d.rule or "state"
            if not d.has_role and not d.names:
                d.place, d.sectors, d.rule = True, [], "place"


def state_country(places: PlaceCountries, doc: Any, d: Draft) -> str | None:
    """The country whose state or province a "country" is in "Atlanta, Georgia" or "the state of
    Georgia": the gazetteer has a first-level division of that name in another country (and knows the
    town there)."""
    if len(d.countries) != 1:
        return None
    code, u = d.countries[0]
    if u.kind != "country":
        return None
    town: str | None = None
    if d.place and u.start >= 2 and doc[u.start - 1].text == ",":
        first = min(d.phrase.units, key=lambda x: x.start)
        town = doc[first.start : first.end].text
    else:
        t = doc[u.root]
        if not (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in STATE_NOUNS):
            return None
    return places.subdivision_country(doc[u.start : u.end].text, code, town)
