"""What the actor dictionaries hold once loaded: entries, their surface forms, and the compiled lexicon.

READS nothing (``loaders.py`` fills a ``Lexicon``). ADDS the types every later step reads: ``Entry`` (one
dictionary entry: kind, codes, flags, dated periods), ``Form`` (a surface form with its case rule) and
``Lexicon`` (entries by lowercased phrase, the country names and capitals, one Aho-Corasick automaton).
A person's code on a story date is ``Entry.person_code``; an undated story takes the person's latest role
(``Entry.latest_period``: by date, whatever order the periods are listed in).
"""

from __future__ import annotations

import datetime as _dt
import warnings
from dataclasses import dataclass, field
from typing import Any

KINDS = ("country", "demonym", "capital", "seat", "igo", "role", "rank", "collective", "person", "ignore")


@dataclass(frozen=True, slots=True)
class Period:
    """One dated role of a person: applies when ``start <= story date <= end`` (``None`` = open)."""

    start: _dt.date | None
    end: _dt.date | None
    country: str
    sectors: tuple[str, ...]

    def covers(self, day: _dt.date | None) -> bool:
        """Does the period apply to a story of ``day``?"""
        if day is None:
            return self.end is None  # undated story: only the current (open-ended) role applies
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def recency(self) -> tuple[bool, _dt.date, _dt.date]:
        """Sort key of the latest role: an open-ended period first, then the later end, then the later start."""
        return (self.end is None, self.end or _dt.date.min, self.start or _dt.date.min)


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry a phrase can match."""

    kind: str
    name: str  # canonical name ("Russia", "United Nations", "minister")
    source: str  # "countries.yaml:12"
    country: str | None = None
    sectors: tuple[str, ...] = ()
    org: str | None = None  # CAMEO organisation code of an IGO (UNO, NAT ...)
    sub: str | None = None  # CAMEO code of a suborganisation, after its roles (UNO ... HCR)
    region: str | None = None  # CAMEO region code of a regional IGO (EU -> IGO EUR ... EEC)
    religion: bool = False  # a religion word: may be an adjective ("Sunni militia")
    modifier: bool = False  # a role that codes an actor even as a modifier ("rebel attack")
    adjective: bool = False  # a role word that codes an actor even tagged as an adjective ("the rebel faction")
    fallback: str | None = None  # international code used when no country is found ("peacekeepers")
    name_only: bool = False  # a rank that is a title only directly before a name ("General X")
    periods: tuple[Period, ...] = ()
    default: Period | None = None
    short: bool = False  # a surname-only form: codes only inside a period (see person_code)
    yields: bool = False  # a generic head ("official") that takes a modifier role's sectors
    switch: tuple[str, ...] = ()  # sectors used instead when a cue lemma is in the sentence
    cues: frozenset[str] = frozenset()
    head_only: bool = False  # a role only as the head of its phrase ("nationals", not "National
    # Health Commission")
    equipment: bool = False  # military equipment: a name that owns it is no titled person
    home: str | None = None  # an ethnic group's country of settlement, when it has one main one
    ethnic: bool = False  # a people: as a modifier no sector of its own, and its forces are rebels
    national: bool = False  # an organisation every country has one of ("Red Crescent"): a country's own

    def org_sectors(self, day: _dt.date | None) -> tuple[str, ...]:
        """Sectors of an organisation entry on ``day``: a party with governing terms is GOV PTY inside
        one and OPP PTY outside; undated stories (and parties without terms) keep the listed sectors."""
        if not self.periods or day is None:
            return self.sectors
        for p in self.periods:
            if p.covers(day):
                return p.sectors
        return self.default.sectors if self.default is not None else self.sectors

    def latest_period(self) -> Period | None:
        """The person's latest role (for an undated story): the open-ended period, else the one that
        ended last; of equals, the one listed last. ``None`` without periods."""
        latest: Period | None = None
        for p in self.periods:
            if latest is None or p.recency() >= latest.recency():
                latest = p
        return latest

    def person_code(self, day: _dt.date | None, titled: bool = False) -> tuple[str | None, tuple[str, ...]]:
        """(country, sectors) of a dated person entry on ``day``; a short form outside its periods has
        no code unless ``titled`` (written after a title: "Former President Obama"). An undated story
        takes the latest role (``latest_period``)."""
        latest = self.latest_period() if day is None else None
        if latest is not None:
            return latest.country, latest.sectors
        for p in self.periods:
            if p.covers(day):
                return p.country, p.sectors
        if self.default is not None and (not self.short or titled):  # "Obama" alone out of office: uncoded
            return self.default.country, self.default.sectors
        return None, ()


@dataclass(frozen=True, slots=True)
class Form:
    """A surface form of an entry: ``cased`` forms (acronyms) must match exactly, others need a capital
    first letter when ``capital`` is set (names), or nothing (role nouns)."""

    entry: Entry
    text: str
    cased: bool
    capital: bool


@dataclass(slots=True)
class Lexicon:
    """All entries by lowercased phrase, and the compiled automaton over those phrases."""

    forms: dict[str, list[Form]] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # code -> canonical name
    capitals: dict[str, str] = field(default_factory=dict)  # lowercased capital -> code
    automaton: Any = None
    _conflicts: set[str] = field(default_factory=set)

    def add(self, phrase: str, entry: Entry, *, capital: bool) -> None:
        """Add a surface form of ``entry``; a second entry of the same kind for the phrase is dropped
        (warning E310 when its codes differ: the first loaded wins)."""
        text = " ".join(phrase.split())
        if not text:
            return
        key = text.lower()
        cased = len(text) > 1 and text.replace(".", "").replace("-", "").isupper() and capital
        forms = self.forms.setdefault(key, [])
        codes = (entry.country, entry.sectors, entry.org)
        for f in forms:
            if f.entry.kind != entry.kind or f.cased != cased:
                continue
            if (
                (f.entry.country, f.entry.sectors, f.entry.org) != codes
                and key not in self._conflicts
                and entry.source != "pycountry"
            ):
                self._conflicts.add(key)
                warnings.warn(
                    f"[E310] {entry.source}: {text!r} is also {f.entry.kind} "
                    f"{f.entry.country or ''}{''.join(f.entry.sectors)} at {f.entry.source}; "
                    "the first entry wins",
                    stacklevel=3,
                )
            return
        forms.append(Form(entry, text, cased, capital))

    def compile(self) -> None:
        """Build the Aho-Corasick automaton over every phrase (once, after loading)."""
        import ahocorasick

        a = ahocorasick.Automaton()
        for key, forms in self.forms.items():
            a.add_word(key, (key, tuple(forms)))
        a.make_automaton()
        self.automaton = a
