"""Places as actor context: what the offline gazetteer (``eventwire.gazetteer``) says of a name.

READS the process-wide gazetteer (loaded once, on first use; the place stage reads the same instance).
ADDS two look-ups, cached per process:

- ``PlaceCountries.country(name)``: the country of a town, first-level subdivision or region no actor
  dictionary knows ("Samarra police", "police in Samarra", "arrested ... in Ganja"), when the gazetteer is
  clear about it: the candidates of that name all lie in one country, or the most populous lies in a
  country that has at least five times the population of any other candidate's.
- ``PlaceCountries.subdivision_country(name, code, town)``: the other country that has a first-level
  division called like country ``code`` ("Georgia" -> USA), when the story's town is in it.

Without a gazetteer (it cannot be built or loaded) places give no context and coding goes on.
"""

from __future__ import annotations

from functools import lru_cache

from ..gazetteer import Gazetteer, gazetteer

PLACE_KINDS = frozenset({"city", "admin1", "region"})
BIG_CITY = 1_000_000  # a city this large is meant before a province of that name elsewhere
ALT_MIN_POPULATION = 100_000  # a town known to the actor context by another spelling only: a city this large


class PlaceCountries:
    """Country of a place name, or ``None`` when unknown or ambiguous."""

    def __init__(self) -> None:
        self._gaz: Gazetteer | None = None
        self._failed = False

    def _gazetteer(self) -> Gazetteer | None:
        if self._gaz is None and not self._failed:
            try:
                self._gaz = gazetteer()
            except Exception:  # noqa: BLE001 - no gazetteer: places give no context, coding goes on
                self._failed = True
        return self._gaz

    def country(self, name: str) -> str | None:
        """The one clear country of a town, subdivision or region called ``name``, if any."""
        return _country(self, name)

    def own_name(self, name: str) -> bool:
        """Is ``name`` the own name of some place (not only another spelling of one: "Pre" for Prato)?"""
        g = self._gazetteer()
        return g is not None and any(not alt for _p, alt in g.lookup(name))

    def subdivision_country(self, name: str, code: str, town: str | None) -> str | None:
        """The one country other than ``code`` with a first-level division ``name``, if the gazetteer
        knows ``town`` (when given) in that country and not in ``code``."""
        return _subdivision_country(self, name, code, town)


@lru_cache(maxsize=65536)
def _country(pc: PlaceCountries, name: str) -> str | None:
    g = pc._gazetteer()
    if g is None:
        return None
    found = g.lookup(name)
    if any(p.kind == "region" and not p.country and not alt for p, alt in found):
        return None  # "the Red Sea", "the Sahel": a sea or region of no one country (a state is named after it)
    hits = [(p, alt) for p, alt in found if p.kind in PLACE_KINDS and p.country]
    # a place of that very name beats one that has it only as an alternate spelling ("Borno", the Nigerian
    # state, not "Borna" in Germany); a spelling of a small town only is more often a name ("PM Khan": Haan)
    exact = [p for p, alt in hits if not alt]
    cands = exact or [p for p, _alt in hits]
    if not cands:
        return None
    best = max(cands, key=lambda p: p.population)
    if not exact and best.population < ALT_MIN_POPULATION:
        return None
    countries = {p.country for p in cands}
    if len(countries) == 1:
        return cands[0].country
    if best.population < BIG_CITY and any(p.kind == "admin1" and p.country != best.country for p in cands):
        return None  # "Sen. Max Baucus of Montana": a state or province of another country (no population given)
    rest = max((p.population for p in cands if p.country != best.country), default=0)
    if best.population >= 5 * max(rest, 1):
        return str(best.country)
    return None


@lru_cache(maxsize=4096)
def _subdivision_country(pc: PlaceCountries, name: str, code: str, town: str | None) -> str | None:
    g = pc._gazetteer()
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
