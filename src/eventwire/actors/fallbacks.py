"""Step 5 of the resolver: a country from the context for phrases without one of their own.

READS ``Sentence.pending`` (drafts without a country), the sentence's countries and results, story memory
(titles, principal countries, the dominant country) and the dateline's country. ADDS one ``Result`` per
draft that the context codes, by the first rule that applies:

- ``collective``        "the two countries", "the parties" -> the two countries the sentence names, else the
  story's two principal countries;
- ``memory:title``      "the minister" when every earlier minister of the story had one country, or the one
  phrase with the same head named before in the sentence ("a Chinese court ... the court");
- ``fallback``          the generic international code of a role ("peacekeepers" -> IGO);
- ``foreign``           "foreign diplomats" (CAMEO's UIS for a state role), "Western envoys" (no country);
- ``possessor``         a role owned by "its" / "their" whose clause sits under a verb with a coded subject of
  one country ("Israel said its jets struck ...", "Russia moved its troops to the border"), or by "his" / "her"
  inside what that subject said ("Correa said his government would send ...");
- ``in-country``        a role with "in <country or town>" ("security forces in Guinea");
- ``ethnic-home``       an ethnic group with one main country of settlement ("Karen guerrillas" -> MMR);
- ``role``              the plural of a one-per-country institution ("governments"): several states; military
  equipment ("drones struck ... across Ukraine"), which takes no country from the sentence or the story;
- for a titled name: ``sentence-country`` (the sentence's one country, unless only a destination or a
  place: "President Carter visited Cuba"), ``story-country``, ``story-dominant`` (a titled person), ``role``;
- ``partner-country``   a non-state role conjoined with a state institution of one country ("talks between the
  Sudanese government and rebels");
- ``speaker-country``   a state institution in what a state speaker of one country says ("the Kenyan interior
  ministry said police had arrested ..."); then
- ``label-country``     a phrase after a place label opening the sentence ("Japan: Presidential Candidate ...");
- ``sentence-country``  a role phrase in a sentence naming exactly one country;
- ``story-country``     ... else the one country of the story so far (dateline included);
- ``story-dominant``    ... else, for a state institution (GOV, LEG, JUD, MIL, COP, SPY), the story's
  dominant country (``StoryMemory.dominant``) when the sentence names no country;
- ``role``              sectors only, no country (code ``---`` + sectors).

A neutral actor noun ("the delegation") takes no country from the context.
"""

from __future__ import annotations

from typing import Any

from .clause import alien, conflict_country, located_in
from .codes import FOREIGN_STATE, MEDIA, STATE_SECTORS
from .memory import StoryMemory
from .places import PlaceCountries
from .sentence import Draft, Sentence, StoryState, add_codes
from .words import (
    ALIEN_STATE,
    COUNTERPARTS,
    DEFINITE,
    ENVOY_HEADS,
    OWN_POSSESSIVES,
    PLURAL_GENERIC,
    RELIEF_WORDS,
    SPEAKER_POSSESSIVES,
    SUBNATIONAL,
)

Found = tuple[list[str | None], str]  # (countries, rule)


def context_countries(story: StoryState, s: Sentence) -> None:
    """Step: READS ``s.pending``, ``s.countries``, ``s.home``, ``s.results``, story memory; ADDS results."""
    for d in s.pending:
        found = _context_country(story, s, d)
        if found is not None:
            s.results.append((d, found[0], found[1]))


def _story_countries(story: StoryState) -> list[str | None]:
    """The story's countries so far: of persons and role phrases, else all; plus the dateline's."""
    mem, dateline = story.mem, story.dateline
    base = mem.principal or [c for c in mem.countries]
    return list(dict.fromkeys(base + ([dateline] if dateline else [])))


def _context_country(story: StoryState, s: Sentence, d: Draft) -> Found | None:
    """The countries and rule the context gives draft ``d`` (``None``: uncoded)."""
    doc, mem = story.doc, story.mem
    if d.collective:  # "India and Pakistan ..., but the two countries": the sentence's own two first
        here = list(dict.fromkeys(c for r, cs, _ in s.results if r.start < d.start for c in cs if c))
        two = here if len(here) == 2 else []
        # the story's two principal countries, else the two it names as parties ("met in Brussels" is a place)
        two = two or (mem.principal if len(mem.principal) == 2 else (mem.parties if len(mem.parties) == 2 else []))
        if two:
            return list[str | None](two), "collective"
        inside = conflict_country(doc, d, s.results, s.place_of)  # "both sides in the Yemen conflict"
        return ([inside], "collective-in") if inside else None
    det = {c.lower_ for c in doc[d.head].children if c.dep_ == "det"}
    if det & DEFINITE and doc[d.head].tag_ in ("NN", "NNP") and not d.names:
        lemma = doc[d.head].lemma_.lower()
        # "a Chinese court sentenced him after the court ...": the same head named before in the sentence
        same = {c for r, cs, _ in s.results if r.start < d.start and doc[r.head].lemma_.lower() == lemma for c in cs}
        if len(same) == 1 and None not in same:
            return list[str | None](same), "memory:title"
        code = mem.title(lemma)
        if code is not None:
            add_codes(d.sectors, code[1])
            return [code[0]], "memory:title"
    if d.fallback:
        relief = any(t.lower_ in RELIEF_WORDS for t in doc[d.start : d.end])
        located = [] if d.names or relief else located_in(doc, d, s.results, s.place_of)
        label = None if d.names or relief or located else label_country(doc, s, d, story.places)
        located = located or ([label] if label else [])
        if located:  # "a human rights group in Nairobi": a national NGO (KEN NGO); aid groups "in Gaza" work there
            add_codes(d.sectors, [d.fallback])
            return list[str | None](located), "in-country"
        return [d.fallback], "fallback"
    if not d.sectors:
        return None  # a neutral actor noun ("the delegation") takes no country from context
    word = alien(doc, d)
    if word:  # "foreign diplomats" (CAMEO's UIS), "Western envoys", "a visiting minister"
        uis = word in ALIEN_STATE and bool(set(d.sectors) & STATE_SECTORS)
        return [FOREIGN_STATE if uis else None], "foreign"
    owner = possessor(doc, s, d)
    if owner is not None and not d.names:  # "Israel said its jets struck ...": Israel's jets
        return [owner], "possessor"
    sc = list(dict.fromkeys(s.countries))
    located = located_in(doc, d, s.results, s.place_of)
    if located and not d.names:  # "security forces in Guinea", "rebels in Darfur, Sudan"
        return list[str | None](located), "in-country"
    if d.home and not d.names:  # "Karen guerrillas", "Igbo elders": the group's home country
        return [d.home], "ethnic-home"
    if generic_plural(doc, d):
        return [None], "role"  # "governments imposed curbs": several states
    if d.names:
        return _titled_name(story, s, d, sc)
    if _equipment(d):  # "drones struck power stations across Ukraine": whose drones the sentence does not say
        return [None], "role"
    paired = partner_country(doc, s, d)
    if paired is not None:  # "talks between the Sudanese government and rebels": Sudan's rebels
        return [paired], "partner-country"
    spoken = speaker_country(doc, s, d)
    if spoken is not None:  # "the Kenyan interior ministry said police had arrested 40 Somali militants"
        return [spoken], "speaker-country"
    label = label_country(doc, s, d, story.places)
    if label is not None:  # "Japan: Presidential Candidate Demands Review of Kenya Tariffs": Japan's candidate
        return [label], "label-country"
    envoys = _envoy_countries(doc, s)
    if len(sc) == 1 and sc[0] not in envoys:
        return list[str | None](sc), "sentence-country"
    around = [c for c in _story_countries(story) if c not in envoys]
    if len(around) == 1:
        return list[str | None](around), "story-country"
    if envoys & set(sc):  # "the junta expelled the French ambassador": not France's junta, nor one we know
        return ([None], "role") if d.sectors else None
    if dominant_ok(d, sc, mem, story.dateline):
        return [mem.dominant(story.dateline)], "story-dominant"
    return ([None], "role") if d.sectors else None


def label_country(doc: Any, s: Sentence, d: Draft, places: PlaceCountries | None = None) -> str | None:
    """The one country of a place label opening the sentence ("Japan: ...", "Palestinian Territories: ...", a town
    the gazetteer is clear about: "Istanbul: ...") for a phrase after its colon."""
    colon = next((t.i for t in doc[s.start : min(s.end, s.start + 6)] if t.text == ":"), None)
    if colon is None or d.start <= colon:
        return None
    for r, cs, _ in s.results:
        if r.start == s.start and r.end == colon and len(cs) == 1 and cs[0] and not r.sectors:
            return cs[0]
    label = doc[s.start : colon]
    if places is None or not all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in label):
        return None
    return places.country(label.text) if places.own_name(label.text) else None


def _envoy_countries(doc: Any, s: Sentence) -> set[str]:
    """The countries the sentence names only by their representatives abroad ("the French ambassador"): another
    role of the sentence is the host's, not theirs."""
    envoy: set[str] = set()
    other: set[str] = set()
    for r, cs, _ in s.results:
        (envoy if doc[r.head].lemma_.lower() in ENVOY_HEADS else other).update(c for c in cs if c)
    return envoy - other


def _equipment(d: Draft) -> bool:
    """The phrase's head is military equipment ("drones", "warplanes"): the country named around it is more often
    the one attacked than the owner."""
    return any(x.entry is not None and x.entry.equipment and x.root == d.head for x in d.phrase.units)


def _titled_name(story: StoryState, s: Sentence, d: Draft, sc: list[str]) -> Found | None:
    """A titled name takes the one country of its sentence unless that country is only a destination or
    place ("President Carter visited Cuba"), else the story's one country, else (a titled person, not
    "Government of X") the dominant one. A role owned by an unknown one-word name ("the USVI's government",
    "Acme's chairman") is that body's, whose country is not known: no country from the context (a person's full
    name, "John Kamau's lawyer", still takes it)."""
    doc = story.doc
    if d.sectors and all(
        n.end - n.start == 1 and doc[n.root].dep_ == "poss" and doc[n.root].head.i == d.head for n in d.names
    ):
        return [None], "role"
    hc = list(dict.fromkeys(s.home))
    if len(sc) == 1 and hc == sc:
        return list[str | None](sc), "sentence-country"
    if not sc and len(_story_countries(story)) == 1:
        return _story_countries(story), "story-country"
    if any(n.start <= d.head < n.end for n in d.names) and dominant_ok(d, sc, story.mem, story.dateline):
        return [story.mem.dominant(story.dateline)], "story-dominant"
    return ([None], "role") if d.sectors else None


SUBJECT_DEPS = ("nsubj", "nsubjpass")


def clause_subjects(h: Any, d: Draft) -> list[Any]:
    """The subjects of the nearest word above ``h`` that has a subject outside the phrase ``d`` ("Israel" for
    "its jets" in "Israel said its jets struck ..."), or ``[]``."""
    for a in h.ancestors:
        subjects = [c for c in a.children if c.dep_ in SUBJECT_DEPS and not d.start <= c.i < d.end]
        if subjects:
            return subjects
    return []


def counterpart_sectors(story: StoryState, s: Sentence) -> None:
    """Step: READS ``s.results``; ADDS the sectors of the clause's coded subject to a "counterpart" without
    sectors of its own ("Iran's president met his Iraqi counterpart" -> IRQ GOV; the country stays its own)."""
    doc = story.doc
    by_head = {r[0].head: r[0] for r in s.results}
    for d, _, _ in s.results:
        h = doc[d.head]
        if d.sectors or h.lemma_.lower() not in COUNTERPARTS:
            continue
        subjects = [by_head.get(t.i) for t in clause_subjects(h, d)]
        if len(subjects) == 1 and subjects[0] is not None and subjects[0].sectors:
            add_codes(d.sectors, subjects[0].sectors)


def possessor(doc: Any, s: Sentence, d: Draft) -> str | None:
    """The one country of the coded subject that "its" / "their" on ``d`` refers to: the subject of the
    nearest verb above the phrase that has one besides the phrase itself ("Israel said its jets struck",
    "Its troops killed ..., the Turkish army said"). ``None`` when that subject is uncoded or of several or no
    countries (no guess further up)."""
    h = doc[d.head]
    own = any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in h.children)
    speaker = any(c.dep_ == "poss" and c.lower_ in SPEAKER_POSSESSIVES for c in h.children)
    if not own and not (speaker and any(a.dep_ == "ccomp" for a in [h, *h.ancestors])):
        return None  # "his government" only inside what a speaker said ("Correa said his government ...")
    coded = {r[0].head: r[1] for r in s.results}
    owners = _plural_object(h) if any(c.dep_ == "poss" and c.lower_ == "their" for c in h.children) else []
    owners = [t for t in owners if t.i in coded]
    countries = {c for t in owners or clause_subjects(h, d) for c in coded.get(t.i, [None])}
    return countries.pop() if len(countries) == 1 and None not in countries else None


def _plural_object(h: Any) -> list[Any]:
    """ "Russia returned 24 Ukrainian children to their families": "their" in a phrase on a verb with a plural
    object is that object's (a singular subject is no "their")."""
    p = h.head
    if h.dep_ != "pobj" or p.dep_ not in ("prep", "dative"):
        return []
    objs = [c for c in p.head.children if c.dep_ == "dobj" and c.tag_ in ("NNS", "NNPS") and c.i < h.i]
    # "handed over the bodies of two Palestinians to their families": the people the object is of
    return objs + [x for o in objs for q in o.children if q.lower_ == "of" for x in q.children if x.dep_ == "pobj"]


def partner_country(doc: Any, s: Sentence, d: Draft) -> str | None:
    """A role without a country conjoined with a state institution of one country, or with the state itself, is
    of that country: "talks between the Sudanese government and rebels", "clashes between Malian troops and
    militants", "talks between Colombia and the rebels" (not the country of a third party who speaks of them)."""
    h = doc[d.head]
    if d.names or not d.sectors or set(d.sectors) & STATE_SECTORS:
        return None
    near = [h.head] if h.dep_ == "conj" else []
    near += [c for c in h.children if c.dep_ == "conj"]
    by_head = {r[0].head: r for r in s.results}
    found = {
        c
        for t in near
        if t.i in by_head and (set(by_head[t.i][0].sectors) & STATE_SECTORS or not by_head[t.i][0].sectors)
        for c in by_head[t.i][1]
    }
    return found.pop() if len(found) == 1 and None not in found else None


def speaker_country(doc: Any, s: Sentence, d: Draft) -> str | None:
    """A state institution without a country ("police", "the army", "the court") in what a state speaker says
    is that speaker's country's: "the Kenyan interior ministry said police had arrested 40 Somali militants"
    (the speaker a coded state body of one country; not a news agency or a foreign minister's remark on
    another state: the speaker's own sectors must be state ones)."""
    h = doc[d.head]
    if not set(d.sectors) & STATE_SECTORS or not any(a.dep_ == "ccomp" for a in [h, *h.ancestors]):
        return None
    by_head = {r[0].head: r for r in s.results}
    said = [by_head.get(t.i) for t in clause_subjects(h, d)]
    if len(said) != 1 or said[0] is None or said[0][0] is d:
        return None
    speaker, countries, _ = said[0]
    if (
        len(countries) != 1
        or countries[0] is None
        or not set(speaker.sectors) & STATE_SECTORS
        or MEDIA in speaker.sectors
    ):
        return None
    return countries[0]


def generic_plural(doc: Any, d: Draft) -> bool:
    """Is the phrase the plural of an institution a country has one of ("governments", not "local
    governments")?"""
    h = doc[d.head]
    if d.names or h.tag_ not in ("NNS", "NNPS"):
        return False
    lemma = h.lemma_.lower()
    if lemma not in PLURAL_GENERIC:
        if not (h.i > 0 and f"{doc[h.i - 1].lower_} {lemma}" in PLURAL_GENERIC):
            return False
    return not any(c.lower_ in SUBNATIONAL for c in doc[max(0, h.i - 3) : h.i])


def dominant_ok(d: Draft, sc: list[str], mem: StoryMemory, dateline: str | None) -> bool:
    """May a state institution without a country of its own ("the government", "Congress", "the
    army", "District Attorney Cyrus Vance") take the story's dominant country (rule
    ``story-dominant``)? Only when the story has one and the sentence names no country."""
    if sc or not set(d.sectors) & STATE_SECTORS:
        return False
    return mem.dominant(dateline) is not None
