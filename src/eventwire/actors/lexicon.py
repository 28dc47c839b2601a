"""The actor dictionaries: load and validate the YAML data files, compile one Aho-Corasick automaton.

Data files (``eventwire/actors/data``): ``countries.yaml`` (added to pycountry's ISO 3166 names, with an
``_ignore`` list of phrases that name no country), ``igos.yaml`` (organisations), ``groups.yaml`` (named
armed groups and parties), ``sectors.yaml`` (roles, ranks, collective references) and ``persons.yaml``
(dated office holders). See docs/dictionaries.md.

Every bad entry raises ``DictionaryError`` naming file, line and problem; two entries that give the same
phrase different codes warn once (the first one loaded wins; countries.yaml wins over pycountry).
"""

from __future__ import annotations

import datetime as _dt
import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import DictionaryError

PACKAGE = "eventwire.actors"

# CAMEO role codes (chapter 3) eventwire accepts in ``sectors``; organisation codes (UNO, NAT ...) come
# from igos.yaml and persons.yaml and are appended after the roles.
ROLE_CODES = frozenset(
    "GOV MIL JUD COP LEG REB INS SEP OPP PTY SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB MED REF "
    "MOD RAD REL NGO IGO".split())
# CAMEO religion codes (chapter 4, table 4.1, and the denominations of chapter 7: MOS SUN = Sunni
# Muslim), written after the role codes ("Sunni militia" -> UAF MOS SUN). CAMEO's ethnic codes (chapter 5)
# are lowercase, which the record schema's code alphabet does not allow: ethnic groups get CVL only.
RELIGION_CODES = frozenset(
    "MOS SUN SHI ALE DRZ SFI CHR CTH DOX PRO CPT MRN JEW HIN BUD SIK".split())
# Generic international codes usable in the country position (CAMEO 3.1.1 / 3.1.9).
INTERNATIONAL = frozenset("IGO NGO IMG MNC NGM UIS INT".split())
_CODE3 = re.compile(r"^[A-Z]{3}$")  # the event schema's actor-code alphabet

KINDS = ("country", "demonym", "capital", "seat", "igo", "role", "rank", "collective", "person", "ignore")


@dataclass(frozen=True, slots=True)
class Period:
    """One dated role of a person: applies when ``start <= story date <= end`` (``None`` = open)."""

    start: _dt.date | None
    end: _dt.date | None
    country: str
    sectors: tuple[str, ...]

    def covers(self, day: _dt.date | None) -> bool:
        if day is None:
            return self.end is None  # undated story: only the current (open-ended) role applies
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry a phrase can match."""

    kind: str
    name: str                       # canonical name ("Russia", "United Nations", "minister")
    source: str                     # "countries.yaml:12"
    country: str | None = None
    sectors: tuple[str, ...] = ()
    org: str | None = None          # CAMEO organisation code of an IGO (UNO, NAT ...)
    sub: str | None = None          # CAMEO code of a suborganisation, after its roles (UNO ... HCR)
    region: str | None = None       # CAMEO region code of a regional IGO (EU -> IGO EUR ... EEC)
    religion: bool = False          # a religion word: may be an adjective ("Sunni militia")
    modifier: bool = False          # a role that codes an actor even as a modifier ("rebel attack")
    fallback: str | None = None     # international code used when no country is found ("peacekeepers")
    name_only: bool = False         # a rank that is a title only directly before a name ("General X")
    periods: tuple[Period, ...] = ()
    default: Period | None = None
    short: bool = False             # a surname-only form: codes only inside a period (see person_code)
    yields: bool = False            # a generic head ("official") that takes a modifier role's sectors
    switch: tuple[str, ...] = ()    # sectors used instead when a cue lemma is in the sentence
    cues: frozenset[str] = frozenset()
    head_only: bool = False         # a role only as the head of its phrase ("nationals", not "National
                                    # Health Commission")
    equipment: bool = False         # military equipment: a name that owns it is no titled person
    home: str | None = None         # an ethnic group's country of settlement, when it has one main one

    def org_sectors(self, day: _dt.date | None) -> tuple[str, ...]:
        """Sectors of an organisation entry on ``day``: a party with governing terms is GOV PTY inside
        one and OPP PTY outside; undated stories (and parties without terms) keep the listed sectors."""
        if not self.periods or day is None:
            return self.sectors
        for p in self.periods:
            if p.covers(day):
                return p.sectors
        return self.default.sectors if self.default is not None else self.sectors

    def person_code(self, day: _dt.date | None, titled: bool = False) -> tuple[str | None, tuple[str, ...]]:
        """(country, sectors) of a dated person entry on ``day``; a short form outside its periods has
        no code unless ``titled`` (written after a title: "Former President Obama")."""
        if day is None and self.periods:  # an undated story: the latest known role
            last = self.periods[-1]
            return last.country, last.sectors
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
    countries: dict[str, str] = field(default_factory=dict)   # code -> canonical name
    capitals: dict[str, str] = field(default_factory=dict)    # lowercased capital -> code
    automaton: Any = None
    _conflicts: set[str] = field(default_factory=set)

    def add(self, phrase: str, entry: Entry, *, capital: bool) -> None:
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
            if (f.entry.country, f.entry.sectors, f.entry.org) != codes and key not in self._conflicts \
                    and entry.source != "pycountry":
                self._conflicts.add(key)
                warnings.warn(f"[E310] {entry.source}: {text!r} is also {f.entry.kind} "
                              f"{f.entry.country or ''}{''.join(f.entry.sectors)} at {f.entry.source}; "
                              "the first entry wins", stacklevel=3)
            return
        forms.append(Form(entry, text, cased, capital))

    def compile(self) -> None:
        import ahocorasick

        a = ahocorasick.Automaton()
        for key, forms in self.forms.items():
            a.add_word(key, (key, tuple(forms)))
        a.make_automaton()
        self.automaton = a


# -- YAML with line numbers ------------------------------------------------------------------------------
class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the line of every mapping under the key ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = dict(loader.construct_mapping(node, deep=True))
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# dates stay strings, so a bad date is reported by our validation with its file and line
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_yaml(name: str, path: Path | None = None) -> tuple[Any, str]:
    """Load data file ``name`` (from the package or ``path``); return (data, display name)."""
    where = str(path) if path is not None else f"eventwire/actors/data/{name}"
    try:
        text = path.read_text("utf-8") if path is not None else \
            resources.files(PACKAGE).joinpath("data", name).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DictionaryError(f"cannot read dictionary: {e}", code="E301", where=where) from e
    try:
        return yaml.load(text, Loader=_LineLoader), where  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise DictionaryError(f"invalid YAML: {getattr(e, 'problem', e)}", code="E302",
                              where=where + line) from e


def _bad(where: str, item: Any, problem: str) -> DictionaryError:
    line = item.get("__line__") if isinstance(item, dict) else None
    return DictionaryError(problem, code="E303", where=f"{where}:{line}" if line else where)


def _strings(where: str, item: dict[str, Any], key: str, *, required: bool = False) -> list[str]:
    v = item.get(key)
    if v is None:
        if required:
            raise _bad(where, item, f"missing {key!r}")
        return []
    if not isinstance(v, list) or not all(isinstance(s, str) and s.strip() for s in v):
        raise _bad(where, item, f"{key!r} must be a list of non-empty strings")
    return v


def _codes(where: str, item: dict[str, Any], key: str,
           allowed: frozenset[str] | None = None) -> tuple[str, ...]:
    v = item.get(key, [])
    if not isinstance(v, list) or not all(isinstance(c, str) and _CODE3.match(c) for c in v):
        raise _bad(where, item, f"{key!r} must be a list of three-letter codes, got {v!r}")
    if allowed is not None:
        unknown = [c for c in v if c not in allowed]
        if unknown:
            raise _bad(where, item,
                       f"unknown sector code(s) {unknown} (allowed: {' '.join(sorted(allowed))})")
    return tuple(v)


def _only(where: str, item: dict[str, Any], keys: set[str]) -> None:
    extra = set(item) - keys - {"__line__"}
    if extra:
        raise _bad(where, item, f"unknown field(s) {sorted(extra)} (allowed: {sorted(keys)})")


# -- the loaders -----------------------------------------------------------------------------------------
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


def load_countries(lex: Lexicon, path: Path | None = None) -> None:
    data, where = read_yaml("countries.yaml", path)
    if not isinstance(data, dict):
        raise DictionaryError("expected a mapping of country codes", code="E303", where=where)
    iso = _iso_codes()
    allowed = {"names", "adjectives", "capitals", "seats", "official"}
    ignore = data.get("_ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(x, str) for x in ignore):
        raise DictionaryError("'_ignore' must be a list of phrases", code="E303", where=where)
    e_ignore = Entry("ignore", "", f"{Path(where).name}:_ignore")
    for phrase in ignore:
        lex.add(phrase, e_ignore, capital=True)
    regions = data.get("_regions", {})
    if not isinstance(regions, dict):
        raise DictionaryError("'_regions' must be a mapping of region codes", code="E303", where=where)
    for rcode, item in regions.items():  # sub-state regions with a CAMEO code of their own (PSE GZA)
        if rcode == "__line__":
            continue
        if not isinstance(item, dict) or not isinstance(rcode, str) or not _CODE3.match(rcode) \
                or not isinstance(item.get("country"), str) or not _CODE3.match(item["country"]):
            raise DictionaryError(f"_regions: {rcode!r} needs a three-letter code and a 'country'",
                                  code="E303", where=where)
        _only(where, item, {"country", "names", "adjectives"})
        src = f"{Path(where).name}:{item.get('__line__', '?')}"
        rnames = _strings(where, item, "names", required=True)
        e_region = Entry("country", rnames[0], src, country=item["country"], region=rcode)
        for n in rnames:
            lex.add(n, e_region, capital=True)
        e_radj = Entry("demonym", rnames[0], src, country=item["country"], region=rcode)
        for n in _strings(where, item, "adjectives"):
            lex.add(n, e_radj, capital=True)
            lex.add(n + "s", e_radj, capital=True)
    for code, item in data.items():
        if code in ("__line__", "_ignore", "_regions"):
            continue
        item = item or {}
        if not isinstance(item, dict):
            raise DictionaryError(f"{code}: expected a mapping", code="E303", where=where)
        _only(where, item, allowed)
        if not isinstance(code, str) or not _CODE3.match(code):
            raise _bad(where, item, f"{code!r} is not a three-letter code")
        if code not in iso and not isinstance(item.get("official"), str):
            raise _bad(where, item, f"{code} is not an ISO 3166 alpha-3 code; give it an 'official' name")
        src = f"{Path(where).name}:{item.get('__line__', '?')}"
        canon = item.get("official") or iso[code][0]
        names = _strings(where, item, "names")
        lex.countries[code] = names[0] if names and code in iso and "," in iso[code][0] else canon
        e_country = Entry("country", lex.countries[code], src, country=code)
        for n in [*names, canon]:
            lex.add(n, e_country, capital=True)
        e_adj = Entry("demonym", lex.countries[code], src, country=code)
        for n in _strings(where, item, "adjectives"):
            lex.add(n, e_adj, capital=True)
            if not re.search(r"(s|sh|ch|ese|x|z)$", n) and not n.isupper():
                lex.add(n + "s", e_adj, capital=True)  # "Palestinians", "Azeris", "Serbs"
        e_cap = Entry("capital", lex.countries[code], src, country=code, sectors=("GOV",))
        for n in _strings(where, item, "capitals"):
            lex.add(n, e_cap, capital=True)
            lex.capitals[n.lower()] = code
        seats = item.get("seats", [])
        if not isinstance(seats, list):
            raise _bad(where, item, "'seats' must be a list of {name, sectors}")
        for s in seats:
            if not isinstance(s, dict) or not isinstance(s.get("name"), str):
                raise _bad(where, item, f"bad seat {s!r}: expected {{name: ..., sectors: [...]}}")
            sectors = _codes(where, {**s, "__line__": item.get("__line__")}, "sectors", ROLE_CODES)
            lex.add(s["name"], Entry("seat", lex.countries[code], src, country=code, sectors=sectors),
                    capital=True)
    for code, (canon, names) in iso.items():  # pycountry names after ours: ours win on conflict
        lex.countries.setdefault(code, canon)
        e = Entry("country", lex.countries[code], "pycountry", country=code)
        for n in names:
            lex.add(n, e, capital=True)
        lex.add(code, e, capital=True)  # "RUS", "AZE" as written in wire copy and tables


def load_igos(lex: Lexicon, path: Path | None = None, name: str = "igos.yaml") -> None:
    """Organisations (igos.yaml) and named groups (groups.yaml): names -> code, org, sectors."""
    data, where = read_yaml(name, path)
    if not isinstance(data, list):
        raise DictionaryError("expected a list of organisations", code="E303", where=where)
    for item in data:
        if not isinstance(item, dict):
            raise DictionaryError(f"expected a mapping, got {item!r}", code="E303", where=where)
        _only(where, item, {"names", "code", "org", "sub", "sectors", "region", "governing", "terms"})
        names = _strings(where, item, "names", required=True)
        code = item.get("code")
        if not isinstance(code, str) or not _CODE3.match(code):
            raise _bad(where, item, f"'code' must be a country code or one of {sorted(INTERNATIONAL)}, "
                                    f"got {code!r}")
        org = item.get("org")
        if org is not None and (not isinstance(org, str) or not _CODE3.match(org)):
            raise _bad(where, item, f"'org' must be a three-letter code, got {org!r}")
        sub = item.get("sub")
        if sub is not None and (not isinstance(sub, str) or not _CODE3.match(sub) or org is None):
            raise _bad(where, item, f"'sub' must be a three-letter code after an 'org', got {sub!r}")
        region = item.get("region")
        if region is not None and (not isinstance(region, str) or not _CODE3.match(region)):
            raise _bad(where, item, f"'region' must be a three-letter code, got {region!r}")
        sectors = _codes(where, item, "sectors", ROLE_CODES | RELIGION_CODES)
        # a party's governing terms: GOV PTY inside one, OPP PTY outside (by story date), PTY undated
        gov = item.get("governing")
        periods: tuple[Period, ...] = ()
        default = None
        if gov is not None:
            if not isinstance(gov, list) or not gov or "PTY" not in sectors or not all(
                    isinstance(g, dict) and set(g) <= {"from", "to", "__line__"} for g in gov):
                raise _bad(where, item, "'governing' must be a non-empty list of {from, to} of a PTY entry")
            rest = tuple(s for s in sectors if s != "PTY")
            periods = tuple(Period(_date(where, item, g.get("from")), _date(where, item, g.get("to")),
                                   code, ("GOV", "PTY") + rest) for g in gov)
            default = Period(None, None, code, ("OPP", "PTY") + rest)
        # dated sectors of any group: "Taliban" REB, but GOV while it rules; the listed sectors outside
        # the terms and for an undated story
        terms = item.get("terms")
        if terms is not None:
            if gov is not None or not isinstance(terms, list) or not terms or not all(
                    isinstance(g, dict) and set(g) <= {"from", "to", "sectors", "__line__"} and "sectors" in g
                    for g in terms):
                raise _bad(where, item, "'terms' must be a non-empty list of {from, to, sectors} "
                                        "(and not given with 'governing')")
            periods = tuple(Period(_date(where, item, g.get("from")), _date(where, item, g.get("to")), code,
                                   _codes(where, g, "sectors", ROLE_CODES | RELIGION_CODES)) for g in terms)
        e = Entry("igo", names[0], f"{Path(where).name}:{item['__line__']}", country=code,
                  sectors=sectors, org=org, sub=sub, region=region, periods=periods, default=default)
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
    return [" ".join(words[:i] + [p] + words[i + 1:])]


def load_sectors(lex: Lexicon, path: Path | None = None) -> None:
    data, where = read_yaml("sectors.yaml", path)
    if not isinstance(data, dict):
        raise DictionaryError("expected a mapping with roles, ranks, collective", code="E303", where=where)
    fname = Path(where).name
    for section, kind in (("roles", "role"), ("ranks", "rank"), ("collective", "collective")):
        items = data.get(section, [])
        if not isinstance(items, list):
            raise DictionaryError(f"{section!r} must be a list", code="E303", where=where)
        for item in items:
            if not isinstance(item, dict):
                raise DictionaryError(f"{section}: expected a mapping, got {item!r}", code="E303",
                                      where=where)
            _only(where, item, {"terms", "sectors", "modifier", "fallback", "rank", "name_only", "plural",
                                "yields", "switch", "religion", "head_only", "equipment", "home"})
            terms = _strings(where, item, "terms", required=True)
            fb = item.get("fallback")
            if fb is not None and fb not in INTERNATIONAL:
                raise _bad(where, item, f"'fallback' must be one of {sorted(INTERNATIONAL)}")
            switch: tuple[str, ...] = ()
            cues: frozenset[str] = frozenset()
            sw = item.get("switch")
            if sw is not None:
                if not isinstance(sw, dict) or set(sw) - {"sectors", "cues", "__line__"}:
                    raise _bad(where, item, "'switch' must be a mapping with 'sectors' and 'cues'")
                switch = _codes(where, sw, "sectors", ROLE_CODES)
                cues = frozenset(c.lower() for c in _strings(where, sw, "cues", required=True))
            for flag in ("modifier", "rank", "name_only", "plural", "yields", "religion", "head_only",
                         "equipment"):
                if flag in item and not isinstance(item[flag], bool):
                    raise _bad(where, item, f"{flag!r} must be true or false")
            sectors = _codes(where, item, "sectors", ROLE_CODES | RELIGION_CODES)
            home = item.get("home")
            if home is not None and (not isinstance(home, str) or not _CODE3.match(home)):
                raise _bad(where, item, f"'home' must be a country code, got {home!r}")
            for t in terms:
                if t != t.lower():
                    raise _bad(where, item, f"term {t!r} must be lowercase")
                e = Entry(kind, t, f"{fname}:{item['__line__']}", sectors=sectors,
                          modifier=bool(item.get("modifier")), fallback=fb,
                          name_only=bool(item.get("name_only")), yields=bool(item.get("yields")),
                          switch=switch, cues=cues, religion=bool(item.get("religion")),
                          head_only=bool(item.get("head_only")), equipment=bool(item.get("equipment")),
                          home=home)
                forms = [t] + (plurals(t) if item.get("plural", kind != "collective") else [])
                for f in forms:
                    lex.add(f, e, capital=False)


def _date(where: str, item: dict[str, Any], v: Any) -> _dt.date | None:
    if v is None or isinstance(v, _dt.date):
        return v
    try:
        return _dt.date.fromisoformat(str(v))
    except ValueError as e:
        raise _bad(where, item, f"bad date {v!r} (use YYYY-MM-DD)") from e


def _period(where: str, item: dict[str, Any], p: Any, owner: dict[str, Any]) -> Period:
    if not isinstance(p, dict):
        raise _bad(where, owner, f"bad period {p!r}")
    _only(where, p, {"from", "to", "country", "sectors"})
    country = p.get("country")
    if not isinstance(country, str) or not (_CODE3.match(country) or country == "---"):
        raise _bad(where, p, f"period needs a three-letter 'country' (or ---), got {country!r}")
    return Period(_date(where, p, p.get("from")), _date(where, p, p.get("to")), country.strip("-"),
                  _codes(where, p, "sectors"))


def load_persons(lex: Lexicon, path: Path | None = None) -> None:
    data, where = read_yaml("persons.yaml", path)
    if data is None:
        return
    if not isinstance(data, list):
        raise DictionaryError("expected a list of persons", code="E303", where=where)
    for item in data:
        if not isinstance(item, dict):
            raise DictionaryError(f"expected a mapping, got {item!r}", code="E303", where=where)
        _only(where, item, {"names", "short", "periods", "default"})
        names = _strings(where, item, "names", required=True)
        short = _strings(where, item, "short")
        periods = item.get("periods", [])
        if not isinstance(periods, list):
            raise _bad(where, item, "'periods' must be a list")
        ps = tuple(_period(where, item, p, item) for p in periods)
        d = item.get("default")
        default = None
        if d is not None:
            default = _period(where, item, d, item)
        src = f"{Path(where).name}:{item['__line__']}"
        e = Entry("person", names[0], src, periods=ps, default=default)
        for n in names:
            lex.add(n, e, capital=True)
        if short:  # surname-only forms ("Obama"): coded inside a period; else by the story's memory
            es = Entry("person", names[0], src, periods=ps, default=default, short=True)
            for n in short:
                lex.add(n, es, capital=True)


def load(data_dir: Path | None = None, extra: Sequence[Path] = ()) -> Lexicon:
    """Load every actor dictionary (from the package, or from ``data_dir`` when given) and compile.

    ``extra`` files are user dictionaries loaded first (so they win over the shipped ones): a YAML list
    in the persons.yaml schema (what ``import-petrarch --kind actors`` writes) or a mapping with
    ``roles``/``ranks`` in the sectors.yaml schema (``--kind agents``).
    """
    lex = Lexicon()

    def p(name: str) -> Path | None:
        return data_dir / name if data_dir is not None else None

    for path in extra:
        data, _ = read_yaml(path.name, path)
        if isinstance(data, dict):
            load_sectors(lex, path)
        else:
            load_persons(lex, path)
    load_persons(lex, p("persons.yaml"))
    load_igos(lex, p("igos.yaml"))
    load_igos(lex, p("groups.yaml"), "groups.yaml")
    load_countries(lex, p("countries.yaml"))
    load_sectors(lex, p("sectors.yaml"))
    lex.compile()
    return lex


def iter_entries(lex: Lexicon) -> Iterator[tuple[str, Form]]:
    """Every (phrase, form) of the lexicon (for listings and tests)."""
    for key, forms in lex.forms.items():
        for f in forms:
            yield key, f
