"""Choosing an event's location: the place the sentence attaches to the event, else the dateline.

The rule (docs/place.md has the long form):

1. **Sentence.** A place mention in the event's sentence whose dependency path up to the event (the trigger
   token, or a verb the trigger hangs from by ``xcomp``/``conj``/``acl``) crosses a locative preposition
   ("in", "at", "near", "outside", ...; "to", "into", "from", "out of" count as directional, ranked lower) and
   no clause boundary (``ccomp``, ``advcl``, ``relcl``, ``parataxis``). A place that is the direct object of a
   material event ("shelled Gaza") counts when it is not a country and not the event's coded target. A place
   that is the event's source or target actor, or the subject of the trigger, is never its location ("Moscow
   said"). Among several attached places the most specific wins (place over subdivision over country),
   then the nearest to the trigger. (The dependency walk and its word lists are in ``attach.py``.)
2. **Dateline.** Verbal events (CAMEO roots 01-05, 09-13 and 16: statements, appeals, intentions, meetings,
   diplomatic moves, demands, criticism, rejections, threats, reductions of relations) take the dateline
   place (``Story.place``) when the event's source has no country, or its source or target is of the
   dateline's country, or the event is a meeting or visit (root 04).
3. **Country.** A material event without a place in its sentence takes the dateline's country (precision
   ``country``, source ``country``) when its source or target actor is of that country (a domestic event
   reported from home); so does a verbal event when only the dateline country is known.
4. Otherwise ``None``.

Ambiguous names are resolved by score: log10 population, a bonus for countries and curated regions, a
penalty for a match by an alternate name, and bonuses when the candidate's country is given by the text
around it ("Bam, Iran"), named elsewhere in the sentence, or in the story's context (actor countries, the
dateline country, unambiguous places of the story).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .._data import load_yaml
from ..mentions import ActorMention, EventMention
from ..story import Story
from .attach import (
    CLAUSE_BOUNDARY,
    DIRECTIONAL,
    LIGHT_VERBS,
    LOCATIVE,
    NOT_PLACE,
    ON_NOUNS,
    SHARE_UP,
    SITE_NOUNS,
    SUBJECTS,
    _event_heads,
    attachment,
)
from .gazetteer import Gazetteer, Place, key
from .mentions import PlaceMention, find, place_noun

__all__ = [
    "CLAUSE_BOUNDARY",
    "DIRECTIONAL",
    "LIGHT_VERBS",
    "LOCATIVE",
    "MEETING_ROOTS",
    "NOT_PLACE",
    "ON_NOUNS",
    "PRECISION_RANK",
    "SHARE_UP",
    "SITE_NOUNS",
    "SUBJECTS",
    "VERBAL_ROOTS",
    "Locator",
    "StoryPlaces",
    "attachment",
    "dateline_country",
    "dateline_place",
    "is_verbal",
    "location_dict",
    "names_match",
    "region_of",
    "resolve",
    "root_of",
    "score",
]

VERBAL_ROOTS = frozenset({1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 16})
MEETING_ROOTS = frozenset({4})

PRECISION_RANK = {"place": 0, "admin1": 1, "country": 2}


def root_of(cameo: str) -> int | None:
    """The CAMEO root (1-20) of an event code, or None when it has none."""
    try:
        return int(cameo[:2])
    except (TypeError, ValueError):
        return None


def is_verbal(cameo: str) -> bool:
    r = root_of(cameo)
    return r is not None and r in VERBAL_ROOTS


# -- resolving a mention to one place ------------------------------------------------------------------


def score(
    p: Place,
    alt: bool,
    m: PlaceMention,
    sentence_countries: set[str],
    story_countries: set[str],
    dateline: Place | None,
    dateline_country: str | None = None,
) -> float:
    """How likely ``p`` is the place ``m`` names (higher is better).

    Prior: cities log10(population) + 2.5 x prominence (log10 of their number of alternate names: Geneva in
    Switzerland has many, Geneva in Illinois few); countries log10(population) + 4; subdivisions 6.5 (5.5
    when a city of the same name exists and no "province" word follows); curated regions 9. Evidence: the
    text names the containing country ("Bam, Iran") +6; another place of the sentence is in that country
    +2.5; the dateline's country +2.5; the story's actors or country mentions +2; a subdivision whose country
    is in the story's context while a same-named country's is not (Georgia, US state) +4; a match by an
    alternate name -3.
    """
    if p.kind == "country":
        s = math.log10(max(p.population, 1000)) + 4.0
    elif p.kind == "region":
        s = 9.0
    elif p.kind == "admin1":
        s = 6.5
        if not m.admin_word and any(q.kind == "city" and q.country == p.country for q, _ in m.candidates):
            s -= 1.0  # "Idlib" alone: the city; "Idlib province": the subdivision
        if p.country in story_countries and any(
            q.kind == "country" and q.country not in story_countries for q, _ in m.candidates
        ):
            s += 4.0
    else:
        s = math.log10(max(p.population, 1000)) + 2.5 * p.prominence
    if m.admin_word:
        s += 3.0 if p.kind in ("admin1", "region") else -2.0
    if alt:
        s -= 3.0
    if p.country:
        if m.within == p.country:
            s += 6.0
        if p.country in sentence_countries:
            s += 2.5
        if p.country == dateline_country:
            s += 2.5
        if p.country in story_countries:
            s += 2.0
    if dateline is not None and dateline == p:
        s += 1.0
    return s


def resolve(
    m: PlaceMention,
    sentence_countries: set[str],
    story_countries: set[str],
    dateline: Place | None = None,
    dateline_country: str | None = None,
) -> Place | None:
    """The best candidate of ``m`` (None for an unresolved mention)."""
    if not m.candidates:
        return None
    if len(m.candidates) == 1:
        return m.candidates[0][0]
    return max(
        m.candidates,
        key=lambda c: score(c[0], c[1], m, sentence_countries, story_countries, dateline, dateline_country),
    )[0]


def location_dict(
    p: Place | None,
    *,
    source: str,
    name: str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    precision: str | None = None,
    start: int | None = None,
    end: int | None = None,
) -> dict[str, Any]:
    """The record's ``location`` object."""
    return {
        "name": name if name is not None else (p.name if p else None),
        "country": p.country if p and p.country else country,
        "admin1": (p.admin1 if p and p.admin1 else admin1),
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "precision": precision or (p.precision if p else "place"),
        "source": source,
        "start": start,
        "end": end,
    }


# -- dateline -------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _dateline_abbreviations() -> dict[str, tuple[str, str]]:
    """Dateline region abbreviations ("Ore.") -> (alpha-3, subdivision name)."""
    data = load_yaml("eventwire.place", "dateline_regions.yaml")  # schema: place-dateline_regions
    return {key(abbr): (iso3, name) for iso3, table in data.items() for abbr, name in (table or {}).items()}


def region_of(g: Gazetteer, text: str | None) -> tuple[str | None, str | None]:
    """(alpha-3, subdivision) of a dateline's region words: "Lebanon", "LBN", "LB", "Ore.", "Georgia"."""
    t = (text or "").strip()
    if not t:
        return None, None
    if len(t) == 3 and t.isupper() and g.country(t):
        return t, None
    if len(t) == 2 and t.isupper():
        import pycountry

        c = pycountry.countries.get(alpha_2=t)
        if c is not None:
            return c.alpha_3, None
    ab = _dateline_abbreviations().get(key(t))
    if ab is not None:
        return ab
    cands = g.lookup(t)
    for p, alt in cands:
        if p.kind == "country" and not alt:
            return p.country, None
    admin = {(p.country, p.name) for p, _ in cands if p.kind in ("admin1", "region") and p.country}
    if len(admin) == 1:
        return next(iter(admin))
    for p, _ in cands:
        if p.kind == "country":
            return p.country, None
    return None, None


def dateline_place(g: Gazetteer, story: Story, context: set[str]) -> Place | None:
    """The place of the story's dateline ("Baku"; "Tripoli, Lebanon"; "Portland" with region "Ore.")."""
    if not story.place:
        return None
    parts = [p.strip() for p in story.place.split(",") if p.strip()]
    if not parts:
        return None
    cands = g.lookup(parts[0])
    if not cands:
        return None
    region = ", ".join(parts[1:]) if len(parts) > 1 else story.meta.get("dateline_country")
    within, admin1 = region_of(g, region if isinstance(region, str) else None)
    m = PlaceMention(0, 0, 0, 0, parts[0], cands, within=within)
    # a dateline names a city: prefer cities and capitals over same-named subdivisions
    best = max(
        cands,
        key=lambda c: (
            score(c[0], c[1], m, set(), context, None)
            + (1.0 if c[0].kind == "city" else 0.0)
            + (3.0 if admin1 and c[0].admin1 == admin1 else 0.0)
        ),
    )
    return best[0]


def dateline_country(g: Gazetteer, story: Story, place: Place | None) -> str | None:
    """The dateline's country: from ``Story.meta['dateline_country']`` (a name, alpha-3, alpha-2 or a US state
    abbreviation), else the dateline place's."""
    dc = story.meta.get("dateline_country") if story.meta else None
    if isinstance(dc, str):
        iso3, _ = region_of(g, dc)
        if iso3:
            return iso3
    return place.country if place else None


# -- the locator ----------------------------------------------------------------------------------------


def _demonym_context(doc: Any, mentions: list[PlaceMention], actors: list[ActorMention]) -> None:
    """ "The Lebanese city of Tripoli", "the northern Syrian town of X": the adjective before the place noun,
    when the actor coder gave it a country, tells the place's country."""
    if not actors:
        return
    by_tok: dict[int, str] = {}
    for a in actors:
        if a.country and a.tok_end - a.tok_start == 1:
            by_tok[a.tok_start] = a.country
    for m in mentions:
        if m.within is not None:
            continue
        noun = place_noun(doc, m)
        if noun is None:
            continue
        for c in noun.children:
            if c.dep_ == "amod" and c.i in by_tok:
                m.within = by_tok[c.i]
                break


class StoryPlaces:
    """The place mentions of one story, resolved with the story's context."""

    def __init__(self, g: Gazetteer, doc: Any, story: Story, actors: list[ActorMention]) -> None:
        self.g = g
        self.doc = doc
        self.mentions = find(g, doc, story.text)
        _demonym_context(doc, self.mentions, actors)
        spans = {(m.tok_start, m.tok_end): m for m in self.mentions}
        ctx: set[str] = set()
        for a in actors:
            m = spans.get((a.tok_start, a.tok_end))
            if a.country and not (m is not None and len(m.countries()) > 1):
                ctx.add(a.country)
        for m in self.mentions:
            cs = m.countries()
            if len(cs) == 1:
                ctx |= cs
        self.dateline = dateline_place(g, story, ctx)
        self.dateline_country = dateline_country(g, story, self.dateline)
        self.context = ctx
        # resolve every mention with its sentence's countries
        by_sent: dict[int, list[PlaceMention]] = {}
        for m in self.mentions:
            by_sent.setdefault(doc[m.tok_start].sent.start, []).append(m)
        self.by_sentence = by_sent
        for ms in by_sent.values():
            for m in ms:
                sc: set[str] = set()
                for o in ms:  # other places of the sentence below country level ("Atlanta")
                    if o is not m and len(o.countries()) == 1 and all(p.kind != "country" for p, _ in o.candidates):
                        sc |= o.countries()
                m.resolved = resolve(m, sc, ctx, self.dateline, self.dateline_country)

    def in_sentence(self, sent_start: int) -> list[PlaceMention]:
        return self.by_sentence.get(sent_start, [])


class Locator:
    """Fills ``EventMention.location``; the gazetteer is loaded once per process, at first use."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._g = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._g is None:
            from .gazetteer import gazetteer

            self._g = gazetteer()
        return self._g

    def places(self, doc: Any, story: Story, actors: list[ActorMention]) -> StoryPlaces:
        """The resolved place mentions of a story (for ``explain`` and tests)."""
        return StoryPlaces(self.gazetteer, doc, story, actors)

    def locate(
        self, doc: Any, story: Story, events: list[EventMention], actors: list[ActorMention]
    ) -> list[dict[str, Any] | None]:
        """The location of each event (``None`` when nothing supports a place); the events are not changed."""
        if not events:
            return []
        sp = self.places(doc, story, actors)
        return [self.locate_one(sp, story, ev) for ev in events]

    def locate_one(self, sp: StoryPlaces, story: Story, ev: EventMention) -> dict[str, Any] | None:
        doc = sp.doc
        if not 0 <= ev.trigger_tok < len(doc):
            return None
        sent = doc[ev.trigger_tok].sent
        loc = self._from_sentence(sp, ev, sp.in_sentence(sent.start))
        if loc is not None:
            return loc
        return self._fallback(sp, ev)

    def _from_sentence(self, sp: StoryPlaces, ev: EventMention, ms: list[PlaceMention]) -> dict[str, Any] | None:
        doc = sp.doc
        heads = _event_heads(doc, ev.trigger_tok)
        # the event's actors, except those the actor stage coded as places ("missiles struck Kyiv": rule
        # ``place``, the country only), which may be where the event happened
        actor_spans = [(a.tok_start, a.tok_end) for a in (ev.source, ev.target) if a is not None and a.rule != "place"]
        best: tuple[tuple[int, int, int, int], PlaceMention] | None = None
        verbal = is_verbal(ev.cameo)
        for m in ms:
            att = attachment(doc, m, heads)
            if att is None:
                continue
            tier, dist, _rel, direct = att
            if (tier == 2 or (verbal and tier == 1)) and any(s < m.tok_end and m.tok_start < e for s, e in actor_spans):
                continue  # the event's own actor ("attacked Damascus", "appealed to Russia")
            p = m.resolved
            if not direct and verbal:
                continue  # "criticised the crackdown in Minsk": the topic's place, not the statement's
            if tier == 2 and (
                verbal or (p is None and place_noun(doc, m) is None) or (p is not None and p.kind == "country")
            ):
                continue
            while m.contains is not None and not any(
                s < m.contains.tok_end and m.contains.tok_start < e for s, e in actor_spans
            ):
                m = m.contains  # "in X in Y province": X, within Y
                p = m.resolved
            prec = PRECISION_RANK.get(p.precision if p else ("admin1" if m.admin_word else "place"), 0)
            rank = (tier, prec, dist, m.tok_start)
            if best is None or rank < best[0]:
                best = (rank, m)
        if best is None:
            return None
        m = best[1]
        p = m.resolved
        within_admin1, within_country = m.within_admin1, m.within
        # a more general place attached too ("in X, Iran", "in X in Y province") fills country/admin1
        for o in ms:
            if o is m or o.resolved is None:
                continue
            q = o.resolved
            if (
                q.kind in ("admin1", "region")
                and q.precision == "admin1"
                and within_admin1 is None
                and (p is None or p.country == q.country)
            ):
                within_admin1 = q.name
            if q.kind == "country" and within_country is None and p is None:
                within_country = q.country
        if p is None:
            return location_dict(
                None,
                source="sentence",
                name=m.text,
                country=m.within or within_country or sp.dateline_country,
                admin1=within_admin1,
                precision="admin1" if m.admin_word else "place",
                start=m.start,
                end=m.end,
            )
        return location_dict(
            p, source="sentence", admin1=within_admin1 if p.kind == "city" else None, start=m.start, end=m.end
        )

    def _fallback(self, sp: StoryPlaces, ev: EventMention) -> dict[str, Any] | None:
        dc = sp.dateline_country
        actor_countries = {a.country for a in (ev.source, ev.target) if a is not None and a.country}
        if is_verbal(ev.cameo):
            src = ev.source.country if ev.source is not None else None
            ok = root_of(ev.cameo) in MEETING_ROOTS or src is None or dc is None or dc in actor_countries
            if not ok:
                return None
            if sp.dateline is not None:
                source = "country" if sp.dateline.kind == "country" else "dateline"
                return location_dict(sp.dateline, source=source)
            if dc:
                return self._country(dc)
            return None
        if dc and dc in actor_countries:
            return self._country(dc)
        return None

    def _country(self, iso3: str) -> dict[str, Any]:
        c = self.gazetteer.country(iso3)
        if c is None:
            return location_dict(None, source="country", country=iso3, precision="country")
        return location_dict(c, source="country")


def names_match(a: str | None, b: Iterable[str | None]) -> bool:
    """True when ``a`` equals one of ``b`` once normalised (for evaluation)."""
    if a is None:
        return False
    ka = key(a)
    return any(x is not None and key(x) == ka for x in b)
