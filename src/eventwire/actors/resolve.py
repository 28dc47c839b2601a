"""From phrases to coded ``ActorMention``s: codes, the title-run rule, story memory and fallbacks.

Rules (the ``rule`` field of a mention names the one that gave its country):

- ``dict:<file>:<line>``   the country came from a dictionary entry in the phrase (country, demonym,
                            capital, seat, organisation, dated person);
- ``title-run``            a name whose parse lost its titles takes the capitalised titles written
                            directly before it ("... Chief Military Prosecutor, 1st Class State
                            Counsellor of Justice Valery Petrov");
- ``memory:person``        a name introduced earlier in the story ("Hasanov noted");
- ``memory:title``         "the minister" when every earlier minister of the story had one country;
- ``memory:pronoun``       "he"/"she"/"him"/"her" → the one coded person in reach (references.py);
- ``memory:it``            "it" → the one country/organisation subject in reach (references.py);
- ``memory:country``       "the country" → the story's dominant country (references.py);
- ``in-country``           a role phrase with "in <country>" ("security forces in Guinea", "police in
                            Samarra" with the gazetteer);
- ``gazetteer``            a role phrase modified by a town name ("Samarra police" → IRQ COP);
- ``collective``           "the two countries", "the parties" ... → the story's two principal countries;
- ``sentence-country``     a role phrase without country in a sentence naming exactly one country;
- ``story-country``        ... else the one country of the story so far (dateline included);
- ``story-dominant``       ... else, for a state institution (GOV, LEG, JUD, MIL, COP, SPY), the
                            story's dominant country (``StoryMemory.dominant``) when the sentence
                            names no country;
- ``place``                a capital alone as a place ("in Moscow"), or a town followed by a comma and
                            its country ("New Delhi, India", "Atlanta, Georgia" → USA): country only;
- ``state``                a country name that the story showed to be a state of another country
                            ("the state of Georgia", "Atlanta, Georgia", then "Georgia's governor");
- ``ethnic-home``          an ethnic group with one main country of settlement and no "in <place>"
                            ("Karen guerrillas" → MMR REB, "Igbo elders"; sectors.yaml ``home``);
- ``fallback``             the generic international code of a role ("peacekeepers" → IGO);
- ``role``                 sectors only, no country found (code ``---`` + sectors).

Sector order: the sectors of the phrase head first, then those of the other titles and ranks in text
order, duplicates dropped; an organisation code (NAT, ITP ...) comes last, except the UN's (UNO), which comes
first, followed by the roles and the code of the UN body (IGOUNOREFHCR, CAMEO 3.1). "former" before a title
makes the phrase ELI (CAMEO's former officials).
A name with no title, no country and no earlier introduction is not emitted (uncoded, never guessed).
A country written after "pro-"/"anti-" is a stance, not the actor's country ("pro-Russian separatists"); a
name chain that starts or ends with an organisation word (org_words.yaml: "Air China") is an
organisation of the country it names, never a person; the plural of a one-per-country institution
("governments", context.yaml) takes no country from the context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.strings import get_string_id

from .._data import load_yaml
from ..mentions import ActorMention
from ..nlp import text_of
from ..story import Story
from .lexicon import INTERNATIONAL, RELIGION_CODES, ROLE_CODES, Lexicon
from .memory import PersonRecord, StoryMemory
from .places import PlaceCountries
from .recognize import Phrase, Unit
from .references import ReferenceState, resolve_references

COUNTRY_KINDS = frozenset({"country", "demonym", "capital", "seat", "igo", "person"})
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into",
                      "to", "from", "toward", "towards", "via", "through", "within", "over", "off", "on"})
CONNECT = frozenset({"of", "the", "-", "'s", "for", "and", "&"})
DEFINITE = frozenset({"the", "this", "that"})
# prepositions and nouns after which an unknown name is a place ("in Ganja", "the town of Samarra")
PLACE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "throughout", "from",
                         "into", "to", "towards", "toward", "through", "within"})
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "district", "region", "port", "capital",
                         "governorate", "state", "county", "area", "outskirts", "suburb", "neighbourhood",
                         "neighborhood"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# where a capital is the government ("Moscow said", "talks with Tehran", "warned Ankara")
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "poss", "appos", "ROOT", "dative"})
ACTOR_PREPS = frozenset({"with", "against", "between", "by", "on", "for", "toward", "towards"})
# ... but the object of a verb of physical action is the place ("missiles struck Kyiv"): data file
PLACE_TARGET_VERBS = frozenset(load_yaml("eventwire.actors", "place_targets.yaml")["verbs"])
_CONTEXT = load_yaml("eventwire.actors", "context.yaml")
PLURAL_GENERIC = frozenset(_CONTEXT["plural_generic"])
SUBNATIONAL = frozenset(_CONTEXT["subnational"])
GIVEN_NAMES = frozenset(_CONTEXT["given_names"])
# words that make a name chain an organisation ("Air China"): data file
ORG_WORDS: dict[str, tuple[str, ...]] = {
    k.lower(): tuple(v) for k, v in load_yaml("eventwire.actors", "org_words.yaml")["words"].items()}
PREFIX_ORGS = frozenset({"UNO"})  # organisation codes written before the roles (the UN family)
STANCE_PREFIXES = frozenset({"pro", "anti", "non"})
FORMER = frozenset({"former", "ex", "ousted", "deposed", "late", "toppled", "overthrown"})
_FORMER_IDS = frozenset(get_string_id(w) for w in FORMER)
_ETHNIC_ID = get_string_id("ethnic")
# a country named as a destination or a place visited is no evidence of a titled person's country
# words before a role that say it is not of the country around it (rule ``foreign``; "foreign" gives
# CAMEO's UIS, unidentified state actor, the others no country)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
ALIEN = frozenset({"foreign", "western", "visiting", "expatriate", "overseas"})
# prepositions whose object is another party of the clause, not the actors' own country
OTHER_PREPS = frozenset({"with", "against", "to", "for", "toward", "towards", "on", "from", "between",
                         "by", "over", "into", "about", "at"})
# a place named after these is a venue, no evidence of the country of the people meeting there
_MEET_VERBS = frozenset({"meet", "talk", "gather", "convene", "negotiate", "hold", "sign", "attend",
                         "summit", "talks", "meeting", "conference", "negotiation", "discussion"})
_AWAY_VERBS = frozenset({"visit", "arrive", "travel", "fly", "go", "come", "leave", "return", "tour",
                         "reach"})


@dataclass(slots=True)
class Draft:
    """A phrase being coded."""

    phrase: Phrase
    start: int
    end: int
    head: int
    countries: list[tuple[str, Unit]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # CAMEO region of a regional IGO (EUR, AFR ...)
    names: list[Unit] = field(default_factory=list)
    collective: bool = False
    fallback: str | None = None
    rule: str = ""
    has_role: bool = False
    only_capital: bool = False
    former: bool = False
    dropped: bool = False
    place: bool = False
    modifiers: list[Unit] = field(default_factory=list)  # names modifying a role head ("Samarra police")
    home: str | None = None  # the main country of an ethnic group in the phrase ("Karen guerrillas" -> MMR)


def _add(seq: list[str], items: tuple[str, ...] | list[str]) -> None:
    for s in items:
        if s not in seq:
            seq.append(s)


def _org_country(doc: Any, u: Unit, lex: Lexicon) -> str | None:
    """The country named inside an organisation's name chain ("Air Mauritius" -> MUS), if any."""
    words = [t.lower_ for t in doc[u.start:u.end]]
    for i in range(len(words)):
        for j in (i + 3, i + 2, i + 1):
            if j > len(words):
                continue
            for f in lex.forms.get(" ".join(words[i:j]), ()):
                if f.entry.kind in ("country", "demonym") and f.entry.country:
                    return f.entry.country
    return None


def _across_break(doc: Any, u: Unit, anchor: int) -> bool:
    """Is a line break between unit ``u`` and the phrase head? ("Yonhap via REUTERS\nThe church ...":
    a caption credit the parser glued to the next paragraph gives the church no code)."""
    lo, hi = (u.end - 1, anchor) if u.end <= anchor else (anchor, u.start)
    return _has_break(doc, lo, hi)


def _has_break(doc: Any, lo: int, hi: int) -> bool:
    """Is there a line break in the text (and trailing space) of the tokens ``lo`` to ``hi - 1``?"""
    if hi <= lo:
        return False
    text = text_of(doc)
    return "\n" in text[doc[lo].idx:doc[hi].idx if hi < len(doc) else len(text)]


def _stance_prefix(doc: Any, i: int) -> bool:
    """Is token ``i`` written right after "pro-" or "anti-" ("pro-Russian", "anti-American")?"""
    if i < 2:
        return False
    dash, pre = doc[i - 1], doc[i - 2]
    return dash.text == "-" and not dash.whitespace_ and not pre.whitespace_ and pre.lower_ in STANCE_PREFIXES


def draft_of(doc: Any, p: Phrase, day: Any, lowers: list[int], lex: Lexicon | None = None) -> Draft:
    d = Draft(p, p.start, p.end, p.anchor)
    # the span takes in the head's own modifiers written directly before it ("Ethnic Hungarians",
    # "Senior ... officials")
    a = doc[p.anchor]
    while d.start > 0:
        t = doc[d.start - 1]
        if t.head.i == a.i and t.dep_ in ("amod", "compound", "nummod") and t.pos_ not in ("PUNCT", "VERB"):
            d.start -= 1
        else:
            break
    head_units = [u for u in p.units if u.root == p.anchor or u.start <= p.anchor < u.end]
    role_phrase = any(u.kind in ("role", "rank") for u in p.units)
    head_name = any(u.kind in ("name", "person") for u in head_units)
    ordered = head_units + [u for u in p.units if u not in head_units and not _across_break(doc, u, p.anchor)]
    for u in ordered:
        e = u.entry
        if u.kind == "name":
            if lex is not None and (doc[u.start].lower_ in ORG_WORDS or doc[u.end - 1].lower_ in ORG_WORDS):
                org = _org_country(doc, u, lex)  # "Air China", "Radio Free Asia": no person
                if org:
                    d.countries.append((org, u))
                    _add(d.sectors, ORG_WORDS.get(doc[u.start].lower_) or ORG_WORDS[doc[u.end - 1].lower_])
                continue
            r = doc[u.root]
            role_head = any(x.kind in ("role", "rank") and x.root == p.anchor for x in p.units)
            plural = doc[p.anchor].tag_ in ("NNS", "NNPS")
            owned = any(x.entry is not None and x.entry.equipment and x.root == p.anchor for x in p.units)
            if u.root != p.anchor and r.head.i == p.anchor and role_head \
                    and (r.dep_ == "compound" or (r.dep_ in ("poss", "nmod") and (plural or owned))):
                d.modifiers.append(u)
                continue  # "Toyota workers", "the Trump administration": an organisation or place, not a person
            d.names.append(u)
            continue
        assert e is not None
        if e.head_only and u not in head_units and doc[u.root].dep_ != "appos":
            continue  # "China's National Health Commission": "national" is a citizen only as the head
        if e.home:
            nxt = doc[u.end] if u.end < len(doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue  # "Karen Bass": a first name, not the people
            d.home = d.home or e.home
            if u not in head_units:
                continue  # "Karen guerrillas" are REB, not CVL
        if u.kind == "person" and u not in head_units and head_name:
            continue  # "Friedrich Merz, a rival of Angela Merkel": another person's code is not his
        if u.kind == "person":
            # a surname after a title is that person even out of office: "Former President Obama"
            c, secs = e.person_code(day, titled=role_phrase)
            r = doc[u.root]
            if u.root != p.anchor and r.head.i == p.anchor and r.dep_ in ("compound", "poss", "nmod") \
                    and any(x.kind in ("role", "rank") and x.root == p.anchor for x in p.units):
                # "the Trump administration", "Putin's spokesman", "Erdogan supporters": the person's
                # country; the head's role (the person's own role only for a neutral head)
                if c:
                    d.countries.append((c, u))
                    if c in INTERNATIONAL:
                        _add(d.orgs, [s for s in secs if s not in ROLE_CODES])
                    if not d.sectors:
                        _add(d.sectors, [s for s in secs if s in ROLE_CODES])
                continue
            if c in INTERNATIONAL and secs:
                d.countries.append((c, u))
                _add(d.orgs, [s for s in secs if s not in ROLE_CODES])
                _add(d.sectors, [s for s in secs if s in ROLE_CODES])
            elif c:
                d.countries.append((c, u))
                _add(d.sectors, secs)
            d.names.append(u)
            continue
        if u.kind == "country" and u.end - u.start == 1 and doc[u.start].lower_ in GIVEN_NAMES \
                and any(x.kind == "name" and x.start == u.end and x.end - x.start <= 2 for x in p.units):
            continue  # "Chad Smith", "Jordan Henderson": a first name, not the country
        if u.kind in ("country", "demonym", "capital") and _stance_prefix(doc, u.start):
            continue  # "pro-Russian separatists", "an anti-Syria journalist": a stance, not a country
        if u.kind in COUNTRY_KINDS and e.country:
            d.countries.append((e.country, u))
            if e.org:
                _add(d.orgs, [e.org] + ([e.sub] if e.sub else []))
            if e.region:
                _add(d.regions, [e.region])
        if u.kind in ("role", "rank", "seat", "igo", "capital"):
            if u.kind in ("role", "rank"):
                d.has_role = True
            if u.kind == "igo":  # a party's sectors depend on the story date (governing or not)
                _add(d.sectors, e.org_sectors(day))
            elif u.kind != "capital" or not (role_phrase or u.root != p.anchor):
                # "Paris police" is COP, not COP GOV; "the Beijing Olympics" is no government
                _add(d.sectors, e.sectors)
        if u.kind == "collective":
            d.collective = True
        if e.fallback and not d.fallback:
            d.fallback = e.fallback
    words = set(lowers[max(min(p.start, d.start) - 1, 0):p.end])
    if words & _FORMER_IDS:
        d.former = True
    # "ethnic Albanians": an ethnic group, not the state; its country comes from the context
    if _ETHNIC_ID in words:
        d.countries = [(c, u) for c, u in d.countries if u.kind != "demonym"]
        _add(d.sectors, ["CVL"])
    # "100 Palestinians", "thousands of Iraqis": a counted people is civilians (a bare "Iraqis said" is
    # the country)
    if len(p.units) == 1 and p.units[0].kind == "demonym" and a.tag_ in ("NNS", "NNPS") \
            and (any(c.dep_ == "nummod" for c in a.children)
                 or (a.dep_ == "pobj" and a.head.lower_ == "of" and a.head.head.tag_ in ("NNS", "CD"))):
        _add(d.sectors, ["CVL"])
    # a religion word is an actor only before a role noun ("Shiite fighters") or as a plural or counted
    # noun ("Muslims", "a Christian"), never alone as an adjective or a name ("Islamic-backed", "The
    # Hindu" newspaper)
    if any(u.entry is not None and u.entry.religion and u.start <= p.anchor < u.end for u in p.units) \
            and (a.pos_ == "ADJ" or (a.tag_ not in ("NNS", "NNPS") and not any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in a.children))):
        d.dropped = True
    if not role_phrase and len(p.units) == 2:
        _town_country(doc, d)
    d.only_capital = all(u.kind == "capital" for u in p.units)
    # a capital alone is the seat of government ("Moscow said"), but no actor as a place ("in Moscow")
    # nor as the modifier of a non-actor ("the Baku meeting")
    if d.only_capital:
        a = doc[p.anchor]
        while a.dep_ == "conj" and a.head.i != a.i:
            a = a.head
        if a.dep_ in ("compound", "amod", "nmod", "npadvmod"):
            d.dropped = True
        elif not (a.dep_ in ACTOR_DEPS or (a.dep_ == "pobj" and a.head.lower_ in ACTOR_PREPS)) \
                or (a.dep_ == "dobj" and a.head.lemma_ in PLACE_TARGET_VERBS):
            # "in Moscow", "the city of Santiago", "shelled Kyiv": a place, coded as the country only
            d.place = True
            d.sectors = []
            d.rule = "place"
    # a role word that only modifies a non-actor ("military spheres") is no actor unless marked modifier
    if not d.names and not d.countries and not d.collective:
        head = next((u for u in head_units if u.kind in ("role", "rank")), None)
        a = doc[p.anchor]
        if head is not None and a.dep_ in ("compound", "amod", "nmod") and head.entry is not None \
                and not head.entry.modifier:
            d.dropped = True
    # a generic role gives way to the other roles of its phrase: "a police official" is COP, not GOV COP,
    # "Hamas leader Khalil Nour" is REB
    for yu in p.units:
        if yu.entry is None or not yu.entry.yields or yu.kind not in ("role", "rank"):
            continue
        others: list[str] = []
        for u in p.units:
            if u is not yu and u.kind in ("role", "rank", "igo") and u.entry is not None \
                    and not u.entry.religion and not u.entry.home:  # "Shiite leaders" stay GOV (+ MOS SHI)
                _add(others, u.entry.sectors)
        if lex is not None and yu.root == p.anchor:  # "military officials": the tagger made it an adjective
            for k in doc[p.anchor].children:
                if k.i < p.anchor and k.dep_ in ("amod", "compound") and not any(
                        u.start <= k.i < u.end for u in p.units):
                    for f in lex.forms.get(k.lower_, ()):
                        if f.entry.kind == "role" and f.entry.sectors:
                            _add(others, f.entry.sectors)
                            break
        if not others:
            continue
        own = [s for s in yu.entry.sectors if s not in others]
        if yu.root == p.anchor:
            d.sectors = others + [s for s in d.sectors if s not in others and s not in own]
        else:
            d.sectors = [s for s in d.sectors if s not in own]
    if d.former and d.has_role:
        d.sectors = ["ELI"] + [s for s in d.sectors if s in RELIGION_CODES]
    # a religious community without a role of its own is civilian: "Sunnis" -> CVL MOS SUN, while
    # "Sunni militia" -> UAF MOS SUN (CAMEO 3.1.5: religion follows the role codes)
    if d.sectors and all(s in RELIGION_CODES for s in d.sectors):
        d.sectors = ["CVL"] + d.sectors
    elif any(s in RELIGION_CODES for s in d.sectors):  # roles first, then the religion
        d.sectors = [s for s in d.sectors if s not in RELIGION_CODES] + \
            [s for s in d.sectors if s in RELIGION_CODES]
    # a phrase never takes in a finite verb ("..., which made it effective ..., Richard Brown")
    for i in range(d.head - 1, d.start - 1, -1):
        if doc[i].tag_ in FINITE:
            d.start = i + 1
            break
    for i in range(d.head + 1, d.end):
        if doc[i].tag_ in FINITE:
            d.end = i
            break
    # a phrase never runs across a line break (a paragraph the parser glued to the next one)
    breaks = [i for i in range(d.start, d.end) if "\n" in doc[i].text_with_ws] \
        if _has_break(doc, d.start, d.end) else []
    if breaks:
        before = [i for i in breaks if i < d.head]
        after = [i for i in breaks if i >= d.head]
        if before:
            d.start = before[-1] + 1
        if after:
            d.end = after[0] + 1
        while d.end - 1 > d.head and doc[d.end - 1].is_space:
            d.end -= 1
    return d


def _split_coordinated(doc: Any, phrases: list[Phrase]) -> list[Phrase]:
    """"Trump and Indian Prime Minister Narendra Modi": a person written before "and" that the parser
    hung inside another person's titles is a phrase of its own."""
    out: list[Phrase] = []
    for p in phrases:
        if len(p.units) < 2:
            out.append(p)
            continue
        head = next((u for u in p.units if u.start <= p.anchor < u.end), None)
        k = next((i for i, u in enumerate(p.units[:-1]) if u is not head and u.kind in ("person", "name")
                  and u.end < len(doc) and doc[u.end].lower_ in ("and", "&")), None)
        if head is None or head.kind not in ("person", "name") or k is None or head.start <= p.units[k].start:
            out.append(p)
            continue
        first = p.units[:k + 1]
        for u in first:
            u.anchor = p.units[k].root
        out.append(Phrase(p.units[k].root, first))
        out.append(Phrase(p.anchor, p.units[k + 1:]))
    return out


def _town_country(doc: Any, d: Draft) -> None:
    """"Atlanta, Georgia", "New Delhi, India", "Batumi, Georgia": a town (a name or capital) followed by a
    comma and a country is a place in that country (rule ``place``, no sectors, not a person)."""
    first, second = sorted(d.phrase.units, key=lambda u: u.start)
    if first.kind not in ("name", "capital") or second.kind != "country" or second.start != first.end + 1 \
            or doc[first.end].text != "," or second.entry is None or not second.entry.country:
        return
    d.place = True
    d.sectors = []
    d.names = []
    d.rule = "place"
    d.countries = [(second.entry.country, second)]


def us_state(places: PlaceCountries, doc: Any, d: Draft) -> str | None:
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
        town = doc[first.start:first.end].text
    else:
        t = doc[u.root]
        if not (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() == "state"):
            return None
    return _subdivision_country(places, doc[u.start:u.end].text, code, town)


@lru_cache(maxsize=4096)
def _subdivision_country(places: PlaceCountries, name: str, code: str, town: str | None) -> str | None:
    g = places._gazetteer()
    if g is None:
        return None
    others = {p.country for p, _alt in g.lookup(name) if p.kind == "admin1" and p.country and p.country != code}
    if len(others) != 1:
        return None
    other = next(iter(others))
    if town is None:
        return str(other)
    towns = {p.country for p, _alt in g.lookup(town) if p.kind == "city"}
    return str(other) if other in towns and code not in towns else None


def switch_sectors(doc: Any, d: Draft, sent_lemmas: set[str]) -> None:
    """A head role with a ``switch`` takes its other sectors when a cue lemma is in the sentence:
    "security forces fired tear gas at protesters" → COP instead of MIL."""
    for u in d.phrase.units:
        e = u.entry
        if e is None or not e.switch or not (u.root == d.head or u.start <= d.head < u.end):
            continue
        if e.cues & sent_lemmas:
            d.sectors = list(e.switch) + [s for s in d.sectors if s not in e.sectors and s not in e.switch]
        return


def title_run(doc: Any, d: Draft, units_by_tok: dict[int, Unit], sent_start: int) -> list[Unit]:
    """Units of the capitalised title run written directly before the phrase (when the parse lost it)."""
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
        if t.lower_ in CONNECT or t.is_digit or (t.text[:1].isdigit() and t.pos_ != "VERB"):
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
    if not any(u.kind in ("role", "rank") for u in run):
        return []
    d.start = min(first_ok, d.start)
    return run


class Resolver:
    """Codes the phrases of one story, sentence by sentence, with the story's memory."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.places = PlaceCountries()

    def dateline_country(self, story: Story) -> str | None:
        if not story.place:
            return None
        key = story.place.split(",")[0].strip().lower()
        if key in self.lex.capitals:
            return self.lex.capitals[key]
        for f in self.lex.forms.get(key, []):
            if f.entry.kind == "country" and f.entry.country:
                return f.entry.country
        return None

    def resolve(self, doc: Any, story: Story, phrases: list[Phrase], units: list[Unit],
                sents: list[tuple[int, int]], lowers: list[int]) -> list[ActorMention]:
        """Code the phrases of ``doc``, sentence by sentence (``sents``: token spans of the sentences;
        ``lowers``: the lowercase string ids of the tokens)."""
        sent_of = [0] * len(doc)
        for a, b in sents:
            sent_of[a:b] = [a] * (b - a)
        mem = StoryMemory()
        dateline = self.dateline_country(story)
        units_by_tok: dict[int, Unit] = {}
        for u in units:
            for i in range(u.start, u.end):
                units_by_tok[i] = u
        phrases = _split_coordinated(doc, phrases)
        by_sent: dict[int, list[Phrase]] = {}
        for p in phrases:
            by_sent.setdefault(sent_of[p.anchor], []).append(p)
        out: list[ActorMention] = []
        group_counter = [0]
        refs = ReferenceState()
        for s_start, s_end in sents:
            if s_start not in by_sent:
                out.extend(resolve_references(doc, story, (s_start, s_end), lowers, [], [], refs,
                                              mem.dominant(dateline)))
                continue
            uncoded: list[int] = []  # person names of this sentence that got no code
            drafts = [draft_of(doc, p, story.date, lowers, self.lex) for p in by_sent[s_start]]
            drafts = [d for d in drafts if not d.dropped]
            if any(u.entry is not None and u.entry.switch for d in drafts for u in d.phrase.units):
                lemmas = {t.lemma_.lower() for t in doc[s_start:s_end]}
                for d in drafts:
                    switch_sectors(doc, d, lemmas)
            sent_countries: list[str] = []
            home_countries: list[str] = []  # countries not named as a destination or a place
            # title runs: a name without country takes the capitalised titles written before it
            absorbed: set[int] = set()
            for d in drafts:
                if d.names and not any(c for c, _ in d.countries):
                    run = title_run(doc, d, units_by_tok, s_start)
                    if run:
                        for u in run:
                            if u.kind in COUNTRY_KINDS and u.entry is not None and u.entry.country:
                                d.countries.append((u.entry.country, u))
                            if u.entry is not None:
                                _add(d.sectors, u.entry.sectors)
                        d.rule = "title-run"
                        for o in drafts:
                            if o is not d and d.start <= o.start and o.end <= d.end:
                                absorbed.add(id(o))
            drafts = [d for d in drafts if id(d) not in absorbed]
            # a state that shares its name with a country: "Atlanta, Georgia", "the state of Georgia",
            # and later in the story "Georgia" alone (rule ``state``)
            for d in drafts:
                if len(d.countries) != 1 or d.countries[0][1].kind != "country":
                    continue
                cu = d.countries[0][1]
                form = doc[cu.start:cu.end].text.lower()
                state_of = mem.states.get(form) or us_state(self.places, doc, d)
                if state_of:
                    mem.states[form] = state_of
                    d.countries = [(state_of, cu)]
                    d.rule = d.rule or "state"
                    if not d.has_role and not d.names:
                        d.place, d.sectors, d.rule = True, [], "place"
            # places from the gazetteer: "Samarra police", "police in Samarra", "... in Ganja"
            place_of: dict[int, str] = {}
            sent_countries.extend(self._places(doc, drafts, mem, place_of))
            if place_of:
                drafts = [d for d in drafts if d.head not in place_of]
            # first pass: phrases that carry their own country, and names
            pending: list[Draft] = []
            results: list[tuple[Draft, list[str | None], str]] = []
            for d in drafts:
                countries = list(dict.fromkeys(c for c, _ in d.countries))
                name = self._name(doc, d)
                if len(d.phrase.units) == 1 and d.phrase.units[0].kind == "country" \
                        and mem.known_name(doc[d.start:d.end].text):
                    # "Jordan" after "Michael Jordan" was introduced: the person, not the country
                    rec = mem.person(doc[d.start:d.end].text)
                    if not isinstance(rec, PersonRecord):
                        uncoded.append(d.start)
                        continue
                    countries = [rec.country] if rec.country else []
                    d.sectors, d.rule = list(rec.sectors), "memory:person"
                    name = rec.name
                if name and not countries:
                    rec = mem.person(name)
                    if isinstance(rec, PersonRecord):
                        countries = [rec.country] if rec.country else []
                        secs = list(rec.sectors)
                        _add(secs, d.sectors)
                        d.sectors = secs
                        d.rule = "memory:person"
                if countries:
                    results.append((d, list(countries), d.rule or self._dict_rule(d)))
                    away = self._away(doc, d)
                    other = self._other_party(doc, d)
                    for c in countries:
                        if c and c not in INTERNATIONAL:
                            if not other:
                                sent_countries.append(c)
                            if not away:
                                home_countries.append(c)
                elif name and not d.sectors:
                    mem.remember_person(name, None, ())  # an uncoded name: remembered, not emitted
                    uncoded.append(d.start)
                else:
                    pending.append(d)
            # second pass: phrases without their own country

            def story_countries() -> list[str | None]:
                """The story's countries so far: of persons and role phrases, else all; plus the dateline's."""
                base = mem.principal or [c for c in mem.countries]
                return list(dict.fromkeys(base + ([dateline] if dateline else [])))

            for d in pending:
                lemma = doc[d.head].lemma_.lower()
                if d.collective:
                    two = mem.principal if len(mem.principal) == 2 else (
                        mem.countries if len(mem.countries) == 2 else [])
                    if two:
                        results.append((d, list[str | None](two), "collective"))
                    continue
                det = {c.lower_ for c in doc[d.head].children if c.dep_ == "det"}
                if det & DEFINITE and doc[d.head].tag_ in ("NN", "NNP") and not d.names:
                    code = mem.title(lemma)
                    if code is not None:
                        _add(d.sectors, code[1])
                        results.append((d, [code[0]], "memory:title"))
                        continue
                if d.fallback:
                    results.append((d, [d.fallback], "fallback"))
                    continue
                if not d.sectors:
                    continue  # a neutral actor noun ("the delegation") takes no country from context
                alien = self._alien(doc, d)
                if alien:  # "foreign diplomats" (CAMEO's UIS), "Western envoys", "a visiting minister"
                    uis = alien == "foreign" and bool(set(d.sectors) & STATE_SECTORS)
                    results.append((d, ["UIS" if uis else None], "foreign"))
                    continue
                sc = list(dict.fromkeys(sent_countries))
                located = self._located_in(doc, d, results, place_of)
                if located and not d.names:  # "security forces in Guinea", "rebels in Darfur, Sudan"
                    results.append((d, [located], "in-country"))
                    continue
                if d.home and not d.names:  # "Karen guerrillas", "Igbo elders": the group's home country
                    results.append((d, [d.home], "ethnic-home"))
                    continue
                if self._generic_plural(doc, d):
                    results.append((d, [None], "role"))  # "governments imposed curbs": several states
                    continue
                if d.names:
                    # a titled name takes the one country of its sentence unless that country is only a
                    # destination or place ("President Carter visited Cuba"), else the dateline's
                    hc = list(dict.fromkeys(home_countries))
                    if len(sc) == 1 and hc == sc:
                        results.append((d, list[str | None](sc), "sentence-country"))
                    elif not sc and len(story_countries()) == 1:
                        results.append((d, story_countries(), "story-country"))
                    elif any(n.start <= d.head < n.end for n in d.names) \
                            and self._dominant_ok(d, sc, mem, dateline):  # a titled person, not "Government of X"
                        results.append((d, [mem.dominant(dateline)], "story-dominant"))
                    elif d.sectors:
                        results.append((d, [None], "role"))
                    continue
                if len(sc) == 1:
                    results.append((d, list[str | None](sc), "sentence-country"))
                    continue
                if len(story_countries()) == 1:
                    results.append((d, story_countries(), "story-country"))
                    continue
                if self._dominant_ok(d, sc, mem, dateline):
                    results.append((d, [mem.dominant(dateline)], "story-dominant"))
                    continue
                if d.sectors:
                    results.append((d, [None], "role"))
            results.sort(key=lambda r: r[0].start)
            emitted = self._emit(doc, story, results, mem, group_counter)
            out.extend(emitted)
            out.extend(resolve_references(doc, story, (s_start, s_end), lowers, emitted, uncoded, refs,
                                          mem.dominant(dateline)))
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def _places(self, doc: Any, drafts: list[Draft], mem: StoryMemory, place_of: dict[int, str]) -> list[str]:
        """Give role phrases modified by a town name its country ("Samarra police" → IRQ, rule
        ``gazetteer``); mark town names after a locative preposition ("in Ganja") as places (not persons,
        not emitted) in ``place_of`` (head token → country). Returns the countries of those places."""
        found: list[str] = []
        for d in drafts:
            if d.countries or d.collective:
                continue
            if d.names and d.has_role:
                # a town inside the phrase: "the government of Quetta province", "the governor of the
                # Tyumen region, Oleg Chemezov" (a name that is not the head nor a title's apposition)
                for u in list(d.names):
                    if u.kind != "name" or u.root == d.head or doc[u.root].head.i == d.head:
                        continue
                    c = self.places.country(doc[u.start:u.end].text)
                    if c:
                        d.countries.append((c, u))
                        d.names.remove(u)
                        d.rule = "gazetteer"
                        break
                continue
            if not d.names and d.has_role:
                # a capitalised modifier of the role head: a name chain ("Samarra police") or a word
                # the tagger took for an adjective; not an acronym ("IRNA news agency"), not a sentence-
                # initial adjective before civilians ("Nice people"), not before a capitalised plural
                # ("Sacramento Kings")
                h = doc[d.head]
                if h.tag_ in ("NNS", "NNPS") and h.text[:1].isupper():
                    continue
                mods = [(doc[u.start:u.end].text, u) for u in d.modifiers if not doc[u.start:u.end].text.isupper()]
                for k in h.children:
                    if k.i < d.head and k.dep_ in ("amod", "compound", "nmod") and k.is_alpha \
                            and k.text[:1].isupper() and not k.text.isupper() \
                            and not (k.is_sent_start and k.pos_ != "PROPN" and "CVL" in d.sectors) \
                            and not any(u.start <= k.i < u.end for u in d.phrase.units):
                        mods.append((k.text, Unit(k.i, k.i + 1, k.i, "name")))
                for text, u in mods:
                    c = self.places.country(text)
                    if c:
                        d.countries.append((c, u))
                        d.rule = "gazetteer"
                        break
                continue
            if len(d.names) != 1 or d.has_role or len(d.phrase.units) != 1:
                continue
            a = doc[d.head]
            if a.dep_ != "pobj":
                continue
            prep = a.head.lower_
            if prep not in PLACE_PREPS and not (prep == "of" and a.head.head.lemma_.lower() in PLACE_NOUNS):
                continue
            u = d.names[0]
            text = doc[u.start:u.end].text
            if isinstance(mem.person(text), PersonRecord):
                continue
            c = self.places.country(text)
            if c:
                place_of[d.head] = c
                if not (prep in ("in", "at") and a.head.head.lemma_.lower() in _MEET_VERBS):
                    found.append(c)  # a venue ("met in Geneva") says nothing of who met there
        return found

    @staticmethod
    def _generic_plural(doc: Any, d: Draft) -> bool:
        """Is the phrase the plural of an institution a country has one of ("governments", not "local
        governments")?"""
        h = doc[d.head]
        if d.names or h.tag_ not in ("NNS", "NNPS"):
            return False
        lemma = h.lemma_.lower()
        if lemma not in PLURAL_GENERIC:
            if not (h.i > 0 and f"{doc[h.i - 1].lower_} {lemma}" in PLURAL_GENERIC):
                return False
        return not any(c.lower_ in SUBNATIONAL for c in doc[max(0, h.i - 3):h.i])

    @staticmethod
    def _dominant_ok(d: Draft, sc: list[str], mem: StoryMemory, dateline: str | None) -> bool:
        """May a state institution without a country of its own ("the government", "Congress", "the
        army", "District Attorney Cyrus Vance") take the story's dominant country (rule
        ``story-dominant``)? Only when the story has one and the sentence names no country."""
        if sc or not set(d.sectors) & STATE_SECTORS:
            return False
        return mem.dominant(dateline) is not None

    @staticmethod
    def _located_in(doc: Any, d: Draft, results: list[tuple[Draft, list[str | None], str]],
                    place_of: dict[int, str] | None = None) -> str | None:
        """The country of an "in <country, capital or town>" phrase attached to the head of ``d`` (or,
        for "from", written right after the phrase: the parser often hangs it on the verb)."""
        preps = [c for c in doc[d.head].children]
        if d.end < len(doc) and doc[d.end].lower_ == "from" and doc[d.end].head.i != d.head:
            preps.append(doc[d.end])
        for c in preps:
            if c.dep_ == "prep" and c.lower_ in ("in", "inside", "across", "throughout", "near", "around",
                                                 "from"):  # "dissidents from Cuba", "troops from Chad"
                for obj in c.children:
                    if obj.dep_ != "pobj":
                        continue
                    if place_of and obj.i in place_of:
                        return place_of[obj.i]
                    for o, countries, _rule in results:
                        if o.start <= obj.i < o.end and len(countries) == 1 and countries[0] \
                                and countries[0] not in INTERNATIONAL:
                            return countries[0]
        return None

    @staticmethod
    def _away(doc: Any, d: Draft) -> bool:
        """Is the phrase a destination or a place ("visited Cuba", "in Cuba", "to Cuba")?"""
        if d.place:
            return True
        a = doc[d.head]
        if a.dep_ == "pobj":
            prep = a.head
            if prep.lower_ in ("to", "toward", "towards", "into", "from"):
                return True
            return prep.lower_ in LOCATIVE and prep.head.lemma_.lower() in _AWAY_VERBS
        return a.dep_ == "dobj" and a.head.lemma_.lower() in _AWAY_VERBS

    @staticmethod
    def _alien(doc: Any, d: Draft) -> str | None:
        """The word that marks a role phrase as not of the country around it ("foreign diplomats",
        "Western envoys", "visiting ministers"), if any: such a phrase takes no country from the
        context (the host's country is not the visitor's)."""
        units = d.phrase.units
        for i in range(max(d.start - 1, 0), d.head):
            w = doc[i].lower_
            if w in ALIEN and not any(u.start <= i < u.end for u in units):
                return w
        return None

    @staticmethod
    def _other_party(doc: Any, d: Draft) -> bool:
        """Is the phrase a state named as the other party of the clause, no evidence of the country of
        the sentence's role phrases? "The Senate voted to block the sale to Riyadh", "the Duma approved
        the treaty with Ukraine", "the government thanked Japan for its help", "... grateful for
        Japan's help", "the Senate summoned Putin", and a meeting place ("diplomats met in Geneva").
        A demonym or a country modifying a people or place noun ("Nigerian villagers", "a Nigerian
        village") stays evidence."""
        if d.has_role or d.collective:
            return False
        a = doc[d.head]
        if not any(u.kind in ("country", "capital", "seat", "igo", "person")
                   and u.start <= d.head < u.end for u in d.phrase.units):
            return False
        t = a
        for _ in range(6):  # "Japan's help", "Japan and Korea": climb to the top of the noun phrase
            if t.dep_ == "conj" and t.head.i != t.i:
                t = t.head
            elif t.dep_ == "poss" and t.head.pos_ in ("NOUN", "PROPN") \
                    and t.head.lemma_.lower() not in PLACE_NOUNS:
                t = t.head
            else:
                break
        if t.dep_ in ("dobj", "dative", "iobj"):
            return True
        if t.dep_ == "pobj":
            prep = t.head
            if prep.lower_ in OTHER_PREPS:
                return True
            if prep.lower_ in ("in", "at") and prep.head.lemma_.lower() in _MEET_VERBS:
                return True  # a venue: "met in Geneva", "talks in Vienna"
        return False

    @staticmethod
    def _dict_rule(d: Draft) -> str:
        for _c, u in d.countries:
            if u.entry is not None:
                return "dict:" + u.entry.source
        return "dict"

    @staticmethod
    def _name(doc: Any, d: Draft) -> str | None:
        if not d.names:
            return None
        u = next((n for n in d.names if n.root == d.head), d.names[-1])
        if u.kind == "person" and u.entry is not None:
            return u.entry.name
        return doc[u.start:u.end].text

    def _emit(self, doc: Any, story: Story, results: list[tuple[Draft, list[str | None], str]],
              mem: StoryMemory, counter: list[int]) -> list[ActorMention]:
        out: list[ActorMention] = []
        anchor_group: dict[int, int] = {}
        top_group: dict[int, int] = {}
        for d, countries, rule in results:
            s_char = doc[d.start].idx
            last = doc[d.end - 1]
            e_char = last.idx + len(last.text)
            text = story.text[s_char:e_char]
            name = self._name(doc, d)
            group: int | None = None
            a = doc[d.head]
            sib = None
            if a.dep_ == "conj" and a.head.i in anchor_group:
                sib = anchor_group[a.head.i]
            elif a.dep_ in ("compound", "amod", "nmod", "poss") and a.head.i in top_group:
                sib = top_group[a.head.i]
            if len(countries) > 1:
                counter[0] += 1
                group = counter[0]
            elif sib is not None:
                group = sib
                for m in out:
                    if m.group is None and anchor_group.get(m.head) == sib:
                        m.group = sib
            else:
                counter[0] += 1
                anchor_group[d.head] = counter[0]
                if a.dep_ in ("compound", "amod", "nmod", "poss"):
                    top_group[a.head.i] = counter[0]
            kind = self._kind(d)
            split = (not d.has_role and not d.names and len(countries) > 1
                     and len(d.countries) == len(countries))
            for c in countries:
                sectors = list(d.sectors)
                if c in INTERNATIONAL:
                    # CAMEO 3.1: a UN body is the UN first, then its roles and its own code (IGOUNOREFHCR);
                    # other organisations carry their code after the roles (IGOCOPITP)
                    pre = [o for o in d.orgs if o in PREFIX_ORGS]
                    sectors = pre + [r for r in d.regions if r not in sectors] + [s for s in sectors if s not in pre]
                    _add(sectors, [o for o in d.orgs if o not in pre])
                elif c and d.regions and all(cc == c for cc, _u in d.countries):
                    sectors = [r for r in d.regions if r not in sectors] + sectors  # "Gaza" -> PSE GZA
                if not c and not sectors:
                    continue
                if split:  # "Armenia-Azerbaijan": one mention per country word, in one group
                    u = next(u for cc, u in d.countries if cc == c)
                    us, ue = doc[u.start].idx, doc[u.end - 1].idx + len(doc[u.end - 1].text)
                    urule = "dict:" + u.entry.source if u.entry is not None and rule.startswith("dict") else rule
                    m = ActorMention(start=us, end=ue, tok_start=u.start, tok_end=u.end, head=u.root,
                                     text=story.text[us:ue], name=self._canon(d, c), country=c,
                                     sectors=tuple(sectors), kind=kind, rule=urule, group=group)
                else:
                    m = ActorMention(start=s_char, end=e_char, tok_start=d.start, tok_end=d.end, head=d.head,
                                     text=text, name=name or (self._canon(d, c) if kind in ("country",
                                     "organization") else None), country=c,
                                     sectors=tuple(sectors), kind=kind, rule=rule, group=group)
                out.append(m)
                if c and c not in INTERNATIONAL:
                    mem.add_country(c, principal=bool(d.names or d.has_role))
            if name and countries and countries[0]:
                mem.remember_person(name, countries[0], tuple(d.sectors))
            if d.has_role and countries and countries[0]:
                mem.remember_title(doc[d.head].lemma_.lower(), countries[0], tuple(d.sectors))
        for m in out:
            if m.group is not None and sum(1 for o in out if o.group == m.group) == 1:
                m.group = None
        return out

    def _canon(self, d: Draft, country: str | None) -> str | None:
        for c, u in d.countries:
            if c == country and u.entry is not None and u.kind in ("country", "demonym", "igo", "capital",
                                                                   "seat"):
                return u.entry.name if u.kind != "demonym" else self.lex.countries.get(c, u.entry.name)
        return None

    @staticmethod
    def _kind(d: Draft) -> str:
        if d.names:
            return "person"
        if d.collective:
            return "group"
        kinds = {u.kind for u in d.phrase.units}
        if not d.has_role and kinds & {"country", "demonym", "capital", "seat"}:
            return "country"
        if "igo" in kinds and not d.has_role:
            return "organization"
        return "group" if d.has_role else "entity"
