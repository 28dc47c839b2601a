"""Places as actor context, from the offline gazetteer (``eventwire.place.gazetteer``).

A name chain no actor dictionary knows may be a town: "Samarra police", "police in Samarra", "arrested
... in Ganja". ``PlaceCountries.country(name)`` gives the country of such a name when the gazetteer is
clear about it: the candidate cities, first-level subdivisions and regions of that name all lie in one
country, or the most populous lies in a country that has at least five times the population of any
other candidate's. Look-ups are cached per process; the gazetteer itself is loaded once, on first use
(the place stage loads the same process-wide instance).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

PLACE_KINDS = frozenset({"city", "admin1", "region"})


class PlaceCountries:
    """Country of a place name, or ``None`` when unknown or ambiguous."""

    def __init__(self) -> None:
        self._gaz: Any = None
        self._failed = False

    def _gazetteer(self) -> Any:
        if self._gaz is None and not self._failed:
            try:
                from ..place.gazetteer import gazetteer
                self._gaz = gazetteer()
            except Exception:  # noqa: BLE001 - no gazetteer: places give no context, coding goes on
                self._failed = True
        return self._gaz

    def country(self, name: str) -> str | None:
        return _country(self, name)


@lru_cache(maxsize=65536)
def _country(pc: PlaceCountries, name: str) -> str | None:
    g = pc._gazetteer()
    if g is None:
        return None
    cands = [p for p, _alt in g.lookup(name) if p.kind in PLACE_KINDS and p.country]
    if not cands:
        return None
    countries = {p.country for p in cands}
    if len(countries) == 1:
        return cands[0].country
    best = max(cands, key=lambda p: p.population)
    rest = max((p.population for p in cands if p.country != best.country), default=0)
    if best.population >= 5 * max(rest, 1):
        return str(best.country)
    return None
