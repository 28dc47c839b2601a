"""Words every stage shares, read once from ``eventwire/data/*.yaml`` (below ingest, actors, events, place).

``calendar()`` gives month and weekday names (``data/calendar.yaml``). They come from data, never from the
``calendar`` module, whose names follow the process locale.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ._data import load_yaml


@dataclass(frozen=True, slots=True)
class Calendar:
    """Month names (full and abbreviated) with their numbers, and weekday names Monday first."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: tuple[str, ...]

    @property
    def all_months(self) -> dict[str, int]:
        """Full names and abbreviations together."""
        return {**self.months, **self.month_abbreviations}


@cache
def calendar() -> Calendar:
    """The calendar words (loaded and validated once per process)."""
    data = load_yaml("eventwire", "calendar.yaml")
    return Calendar(dict(data["months"]), dict(data["month_abbreviations"]), tuple(data["weekdays"]))
