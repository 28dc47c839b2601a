"""Dates given as story metadata: ISO dates and datetimes, ``YYYYMMDD``, or a bare year or year-month."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..errors import error

_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")


@dataclass(slots=True, frozen=True)
class DateHint:
    """A full date, or only the year (and month) a story was published in."""

    date: _dt.date | None = None
    year: int | None = None
    month: int | None = None


def parse_date_value(value: object, *, where: str | None = None) -> DateHint:
    """Parse a metadata date. Empty values give an empty hint; anything unreadable raises ``InputError``.

    A datetime keeps its own calendar date (no conversion to UTC): ``2019-10-08T23:30:00-05:00`` is
    2019-10-08, the date the story carries.
    """
    if value is None:
        return DateHint()
    if isinstance(value, _dt.datetime):
        return _full(value.date())
    if isinstance(value, _dt.date):
        return _full(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise error("E121", where=where, detail=f"date is not a string: {value!r}")
    s = value.strip()
    if not s:
        return DateHint()
    try:
        if len(s) >= 10 and s[4] == "-":
            if len(s) == 10:
                return _full(_dt.date.fromisoformat(s))
            return _full(_dt.datetime.fromisoformat(s.replace(" ", "T", 1)).date())
        if m := _COMPACT.fullmatch(s):
            return _full(_dt.date(int(m[1]), int(m[2]), int(m[3])))
        if m := _YEAR_MONTH.fullmatch(s):
            month = int(m[2]) if m[2] else None
            if month is not None and not 1 <= month <= 12:
                raise ValueError("month out of range")
            return DateHint(year=int(m[1]), month=month)
    except ValueError:
        pass
    raise error("E121", where=where, detail=f"invalid date {value!r} (expected YYYY-MM-DD or an ISO datetime)")


def _full(d: _dt.date) -> DateHint:
    return DateHint(date=d, year=d.year, month=d.month)
