"""The loaders of the actor dictionaries: each data file's entries added to a ``Lexicon``.

READS ``countries.yaml`` (added to pycountry's ISO 3166 names, with an ``_ignore`` list of phrases that
name no country and ``_regions`` with a CAMEO code of their own), ``igos.yaml`` and ``groups.yaml``
(organisations, named armed groups and parties), ``sectors.yaml`` (roles, ranks, collective references)
and ``persons.yaml`` (dated office holders), or user dictionaries of the last two kinds, through
``data_files.read_yaml`` (schema-validated, with lines). ADDS their entries (``Entry``) under every surface
form to the lexicon: plurals of role terms and demonyms are generated here.

The schemas (``schema/data/actors-*.schema.json``) check types, fields and code alphabets; the loaders
check only what a schema cannot say: an unknown ISO code, an upper-case term, a date that does not exist,
``governing`` terms of an entry that is no party.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .codes import CAPITAL_SECTOR, GOVERNING, NO_COUNTRY, OPPOSITION, PARTY
from .data_files import bad_entry, date_of, read_yaml, source
from .entries import Entry, Lexicon, Period
from .words import REGION_STATE_NOUNS


def _iso_codes() -> dict[str, tuple[str, list[str]]]:
    """ISO alpha-3 -> (canonical short name, names) from pycountry."""
    import pycountry

    out: dict[str, tuple[str, list[str]]] = {}
    for c in pycountry.countries:
        names = [c.name] + [getattr(c, a) for a in ("common_name", "official_name") if hasattr(c, a)]
        names = [n for n in names if "," not in n and "(" not in n]
        canon = getattr(c, "common_name", None) or c.name
        out[c.alpha_3] = (canon, names)
    return out


def _regions(lex: Lexicon, where: str, regions: dict[str, Any]) -> None:
    """Sub-state regions with a CAMEO code of their own ("Gaza" -> PSE GZA): names and adjectives."""
    for rcode, item in regions.items():
        if rcode == "__line__":
            continue
        src = source(where, item)
        rnames: list[str] = item["names"]
        e_region = Entry("country", rnames[0], src, country=item["country"], region=rcode)
        for n in rnames:
            lex.add(n, e_region, capital=True)
        e_radj = Entry("demonym", rnames[0], src, country=item["country"], region=rcode)
        for n in item.get("adjectives", []):
            lex.add(n, e_radj, capital=True)
            lex.add(n + "s", e_radj, capital=True)


def _world_regions(lex: Lexicon, where: str, regions: dict[str, Any]) -> None:
    """World regions with a CAMEO code of their own ("African leaders" -> AFR GOV): adjectives (and their
    plurals) and names of groups of states ("Gulf states"); the bare region name is a place, not listed. "the
    West African nation" names one country (a reference to the story's country), never the region."""
    for code, item in regions.items():
        if code == "__line__":
            continue
        src = source(where, item)
        e_ignore = Entry("ignore", "", src)
        for adj in item.get("adjectives", []):
            for noun in REGION_STATE_NOUNS:
                lex.add(f"{adj} {noun}", e_ignore, capital=True)
        lex.countries[code] = item["name"]
        e_adj = Entry("demonym", item["name"], src, country=code)
        for n in item.get("adjectives", []):
            lex.add(n, e_adj, capital=True)
            lex.add(n + "s", e_adj, capital=True)  # "Africans", "Europeans"
        e_group = Entry("country", item["name"], src, country=code)
        for n in item.get("groups", []):
            lex.add(n, e_group, capital=True)


def _country(lex: Lexicon, where: str, code: str, item: dict[str, Any], iso: dict[str, tuple[str, list[str]]]) -> None:
    """One country of countries.yaml: names, demonyms (and their plurals), capitals, seats."""
    if code not in iso and not isinstance(item.get("official"), str):
        raise bad_entry(where, item, f"{code} is not an ISO 3166 alpha-3 code; give it an 'official' name")
    src = source(where, item)
    canon = item.get("official") or iso[code][0]
    names: list[str] = item.get("names", [])
    lex.countries[code] = names[0] if names and code in iso and "," in iso[code][0] else canon
    e_country = Entry("country", lex.countries[code], src, country=code)
    for n in [*names, canon]:
        lex.add(n, e_country, capital=True)
    e_adj = Entry("demonym", lex.countries[code], src, country=code)
    for n in item.get("adjectives", []):
        lex.add(n, e_adj, capital=True)
        if not re.search(r"(s|sh|ch|ese|x|z)$", n) and not n.isupper():
            lex.add(n + "s", e_adj, capital=True)  # "Palestinians", "Azeris", "Serbs"
    e_cap = Entry("capital", lex.countries[code], src, country=code, sectors=(CAPITAL_SECTOR,))
    for n in item.get("capitals", []):
        lex.add(n, e_cap, capital=True)
        lex.capitals[n.lower()] = code
    for s in item.get("seats", []):
        lex.add(
            s["name"],
            Entry("seat", lex.countries[code], src, country=code, sectors=tuple(s.get("sectors", []))),
            capital=True,
        )


def load_countries(lex: Lexicon, path: Path | None = None) -> None:
    """countries.yaml, then pycountry's names of every ISO state (ours win on conflict)."""
    data, where = read_yaml("countries.yaml", path, "actors-countries")
    iso = _iso_codes()
    e_ignore = Entry("ignore", "", f"{Path(where).name}:_ignore")
    for phrase in data.get("_ignore", []):
        lex.add(phrase, e_ignore, capital=True)
    _regions(lex, where, data.get("_regions", {}))
    _world_regions(lex, where, data.get("_world_regions", {}))
    for code, item in data.items():
        if code in ("__line__", "_ignore", "_regions", "_world_regions"):
            continue
        _country(lex, where, code, item or {}, iso)
    for code, (canon, names) in iso.items():  # pycountry names after ours: ours win on conflict
        lex.countries.setdefault(code, canon)
        e = Entry("country", lex.countries[code], "pycountry", country=code)
        for n in names:
            lex.add(n, e, capital=True)
        lex.add(code, e, capital=True)  # "RUS", "AZE" as written in wire copy and tables


def _dated_sectors(
    where: str, item: dict[str, Any], code: str, sectors: tuple[str, ...]
) -> tuple[tuple[Period, ...], Period | None]:
    """(periods, default) of an organisation: a party's ``governing`` terms (GOV PTY inside one, OPP PTY
    outside, by story date) or any group's dated ``terms`` ("Taliban": REB, but GOV while it rules)."""
    gov = item.get("governing")
    terms = item.get("terms")
    if gov is not None:
        if PARTY not in sectors:
            raise bad_entry(where, item, "'governing' must be a non-empty list of {from, to} of a PTY entry")
        if terms is not None:
            raise bad_entry(
                where, item, "'terms' must be a non-empty list of {from, to, sectors} (and not given with 'governing')"
            )
        rest = tuple(s for s in sectors if s != PARTY)
        periods = tuple(
            Period(
                date_of(where, item, g.get("from")), date_of(where, item, g.get("to")), code, (GOVERNING, PARTY) + rest
            )
            for g in gov
        )
        return periods, Period(None, None, code, (OPPOSITION, PARTY) + rest)
    if terms is not None:
        return tuple(
            Period(date_of(where, item, g.get("from")), date_of(where, item, g.get("to")), code, tuple(g["sectors"]))
            for g in terms
        ), None
    return (), None


def load_igos(lex: Lexicon, path: Path | None = None, name: str = "igos.yaml") -> None:
    """Organisations (igos.yaml) and named groups (groups.yaml): names -> code, org, sectors."""
    data, where = read_yaml(name, path, "actors-igos")
    for item in data:
        names: list[str] = item["names"]
        code: str = item["code"]
        sectors = tuple[str, ...](item.get("sectors", []))
        periods, default = _dated_sectors(where, item, code, sectors)
        e = Entry(
            "igo",
            names[0],
            source(where, item),
            country=code,
            sectors=sectors,
            org=item.get("org"),
            sub=item.get("sub"),
            region=item.get("region"),
            national=bool(item.get("national", False)),
            periods=periods,
            default=default,
        )
        for n in names:
            lex.add(n, e, capital=True)


def plurals(term: str) -> list[str]:
    """Regular English plurals of a role term (the head word is the last one, or the one before "of")."""
    words = term.split(" ")
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[i]
    if w.endswith("man"):
        p = w[:-3] + "men"
    elif w.endswith("child"):
        p = w + "ren"
    elif re.search(r"[^aeiou]y$", w):
        p = w[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", w):
        p = w + "es"
    elif w.endswith("."):
        return []
    else:
        p = w + "s"
    return [" ".join(words[:i] + [p] + words[i + 1 :])]


def _sector_entry(where: str, item: dict[str, Any], kind: str, term: str) -> Entry:
    """The entry of one term of a sectors.yaml item."""
    sw = item.get("switch")
    return Entry(
        kind,
        term,
        source(where, item),
        sectors=tuple(item.get("sectors", [])),
        modifier=bool(item.get("modifier")),
        adjective=bool(item.get("adjective")),
        fallback=item.get("fallback"),
        name_only=bool(item.get("name_only")),
        yields=bool(item.get("yields")),
        switch=tuple(sw.get("sectors", [])) if sw else (),
        cues=frozenset(c.lower() for c in sw["cues"]) if sw else frozenset(),
        religion=bool(item.get("religion")),
        head_only=bool(item.get("head_only")),
        equipment=bool(item.get("equipment")),
        home=item.get("home"),
        ethnic=bool(item.get("ethnic")),
    )


def load_sectors(lex: Lexicon, path: Path | None = None) -> None:
    """Roles, ranks and collective references (sectors.yaml, or a user dictionary of agents): every
    term and, unless ``plural: false`` (default for collective references), its plural."""
    data, where = read_yaml("sectors.yaml", path, "actors-sectors")
    for section, kind in (("roles", "role"), ("ranks", "rank"), ("collective", "collective")):
        for item in data.get(section, []):
            for t in item["terms"]:
                if t != t.lower():
                    raise bad_entry(where, item, f"term {t!r} must be lowercase")
            for t in item["terms"]:
                e = _sector_entry(where, item, kind, t)
                forms = [t] + (plurals(t) if item.get("plural", kind != "collective") else [])
                for f in forms:
                    lex.add(f, e, capital=False)
            for a in item.get("abbreviations", ()):
                lex.add(a, _sector_entry(where, item, kind, a.lower()), capital=True)  # "PM" only as written


def _period(where: str, p: dict[str, Any]) -> Period:
    country: str = p["country"]
    return Period(
        date_of(where, p, p.get("from")),
        date_of(where, p, p.get("to")),
        "" if country == NO_COUNTRY else country,
        tuple(p.get("sectors", [])),
    )


def load_persons(lex: Lexicon, path: Path | None = None) -> None:
    """Dated office holders (persons.yaml, or a user dictionary of actors): full names always, surname
    forms (``short``) as short entries."""
    data, where = read_yaml("persons.yaml", path, "actors-persons")
    for item in data or ():
        ps = tuple(_period(where, p) for p in item.get("periods", []))
        d = item.get("default")
        default = _period(where, d) if d is not None else None
        src = source(where, item)
        e = Entry("person", item["names"][0], src, periods=ps, default=default)
        for n in _article_spellings(item["names"]):
            lex.add(n, e, capital=True)
        if item.get("short"):  # surname-only forms ("Obama"): coded inside a period; else by the story's memory
            es = Entry("person", item["names"][0], src, periods=ps, default=default, short=True)
            for n in _article_spellings(item["short"]):
                lex.add(n, es, capital=True)


_ARTICLE = re.compile(r"\b([AaEe]l)-(?=\w)")


def _article_spellings(names: list[str]) -> list[str]:
    """The names, and those with an Arabic article joined by a hyphen also written with a space ("Abdel Fattah
    al-Sisi" → "Abdel Fattah al Sisi": matched case-blind, so also "Al Sisi")."""
    return [*names, *(v for n in names if (v := _ARTICLE.sub(r"\1 ", n)) != n)]
