"""Story memory: what a story has already said about its actors, for later mentions in the same story.

Filled by the resolver's ``emit`` step (and by ``own_countries`` for uncoded names, ``states_of_countries``
for states); read by ``own_countries`` (``memory:person``), ``fallbacks`` (``memory:title``, collective,
story and dominant countries), ``place_context`` (a known person is no place) and the references.

- persons: a person introduced with a title and/or country keeps that code ("Hasanov noted" after
  "Azerbaijan's Minister of Defense, Colonel General Zakir Hasanov"); keyed by the full name and by the
  last name. A name seen without any code is remembered as *uncoded*, so that a later "Jordan" that is
  this person is not read as the country. A last name shared by two differently coded persons is
  ambiguous and codes nothing.
- titles: the coded phrases by head word ("minister"), so "the minister" can take the code of the one
  minister of the story.
- countries: the countries of coded persons and role phrases ("principal" countries, used for "the two
  countries" / "the parties"), every country mentioned, and those mentioned as a party, not only as a place
  ("Kenya and Ethiopia met in Brussels": the two parties are Kenya and Ethiopia).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Code = tuple[str | None, tuple[str, ...]]


@dataclass(slots=True)
class PersonRecord:
    """A person the story introduced, with the code it was given."""

    name: str
    country: str | None
    sectors: tuple[str, ...]


@dataclass(slots=True)
class StoryMemory:
    """What one story has said so far (see the module docstring)."""

    persons: dict[str, PersonRecord | None] = field(default_factory=dict)
    titles: dict[str, list[Code]] = field(default_factory=dict)
    principal: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)  # countries mentioned other than as a place
    counts: dict[str, int] = field(default_factory=dict)  # mentions per country
    # country names found to be a state of another country in this story ("Atlanta, Georgia" -> USA)
    states: dict[str, str] = field(default_factory=dict)

    def remember_person(self, name: str, country: str | None, sectors: tuple[str, ...]) -> None:
        """Remember ``name`` (and its last name) with its code; an uncoded name is remembered as such."""
        words = name.replace("-", " - ").split()
        full = name.lower()
        keys = [full] + ([words[-1].lower()] if len(words) > 1 else [])
        if len(words) > 1 and words[0][:1].isupper():
            keys.append(words[0].lower())  # "Mahathir" after "Mahathir Mohamad"
        rec = PersonRecord(name, country, sectors) if (country or sectors) else None
        for k in keys:
            if k not in self.persons or self.persons[k] is None:
                self.persons[k] = rec
                continue
            old = self.persons[k]
            if rec is None or old is None:
                continue
            if k == full:
                self.persons[k] = rec if len(rec.sectors) >= len(old.sectors) or rec.country != old.country else old
            elif old.country != rec.country:
                self.persons[k] = PersonRecord(old.name, "?", ())  # a last name shared by two people
            elif len(rec.sectors) > len(old.sectors):
                self.persons[k] = rec

    def person(self, name: str) -> PersonRecord | None | str:
        """The record for ``name`` (full name first, then last name); ``"unknown"`` if never seen,
        ``None`` for a name seen without a code (or an ambiguous last name)."""
        low = name.lower()
        if low in self.persons:
            return self._ok(self.persons[low])
        words = low.replace("-", " - ").split()
        if words and words[-1] in self.persons:
            rec = self.persons[words[-1]]
            known = rec.name.lower().replace("-", " - ").split() if rec is not None else []
            if len(words) > 1 and len(known) > 1 and known[0] != words[0] and known[-1] == words[-1]:
                return "unknown"  # "Ivanka Trump" after "Donald Trump", "Namaste Trump": another name
            return self._ok(rec)
        if words and words[0] in self.persons:
            return self._ok(self.persons[words[0]])
        return "unknown"

    @staticmethod
    def _ok(rec: PersonRecord | None) -> PersonRecord | None:
        if rec is not None and rec.country == "?":
            return None
        return rec

    def known_name(self, word: str) -> bool:
        return word.lower() in self.persons

    def remember_title(self, lemma: str, country: str | None, sectors: tuple[str, ...]) -> None:
        if country:
            self.titles.setdefault(lemma, []).append((country, sectors))

    def title(self, lemma: str) -> Code | None:
        """The code of "the <lemma>" when every earlier <lemma> of the story had one country."""
        codes = self.titles.get(lemma)
        if not codes:
            return None
        countries = {c for c, _ in codes}
        if len(countries) != 1:
            return None
        best = max(codes, key=lambda c: len(c[1]))
        return best

    def dominant(self, dateline: str | None) -> str | None:
        """The story's dominant country: the only one, or the one mentioned at least twice and at least
        twice as often as any other (the dateline's country counts as one mention)."""
        counts = dict(self.counts)
        if dateline:
            counts[dateline] = counts.get(dateline, 0) + 1
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1:
            return ranked[0][0]
        (top, n), (_, m) = ranked[0], ranked[1]
        return top if n >= 2 and n >= 2 * m else None

    def add_country(self, code: str, principal: bool, place: bool = False) -> None:
        self.counts[code] = self.counts.get(code, 0) + 1
        if code not in self.countries:
            self.countries.append(code)
        if not place and code not in self.parties:
            self.parties.append(code)
        if principal and code not in self.principal:
            self.principal.append(code)
