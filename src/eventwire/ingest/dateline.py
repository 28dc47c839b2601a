"""Wire datelines: ``Baku, October 8, AZERTAC``, ``MOSCOW, June 6. /TASS/.``, ``WASHINGTON (Reuters) -``,
``KABUL, Afghanistan (AP) —``, ``UNITED NATIONS, March 3 (Xinhua) --``, ``(AP) —``, ``Moscow. May 3. INTERFAX -`` ...

``match_dateline(text, pos)`` looks for a dateline that starts at ``pos`` (after optional blanks) and returns
a ``Dateline`` with the parsed place, region/country, month/day/year and agency, and the offset where the
story body starts; it returns ``None`` when the start of the text is not a dateline. It is conservative:
a body that merely starts with capitalised words ("Russia, China agree ...") is left alone. A dateline is
accepted only with positive evidence: an agency in parentheses or slashes, a listed (or capitalised) agency
after a date, or an all-capitals place followed by a date or a dash.

All patterns are compiled once, at import.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache

from .._data import load_yaml
from .agencies import canonical_agency

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_WORD = rf"[{_UPPER}][\w'’.\-]*"
_CONN = r"(?:de|da|do|dos|del|della|di|du|des|es|el|al|la|le|of|on|upon|am|an|der|sur|en|au|aux|y|i|e)"
_CONN_WORDS = frozenset(_CONN[3:-1].split("|"))
_PLACE = rf"{_WORD}(?:[ ](?:{_CONN}[ ])?{_WORD}){{0,4}}"
_REGION = rf"{_WORD}(?:[ ]{_WORD}){{0,2}}"
_DAYSUF = r"(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:(?P<month>{_MONTH})\.?[ \t]+(?P<day>\d{{1,2}}){_DAYSUF}(?![\d:])(?:,?[ \t]+(?P<year>\d{{4}})\b)?"
    rf"|(?P<day2>\d{{1,2}}){_DAYSUF}[ \t]+(?P<month2>{_MONTH})\b\.?(?:,?[ \t]+(?P<year2>\d{{4}})\b)?)"
)
_BARE = r"[A-Z][\w\-]{1,24}(?:[ ][A-Z][\w\-]+){0,2}"
# What may follow the dateline: nothing, a period, a dash or a colon, then a blank or the end.
_TERM = r"(?P<term>[ \t]*(?:\.[ \t]*)?(?:-{1,3}|[—–―]|:)?)(?=\s|$)"

_PLACE_DATELINE = re.compile(
    rf"""[ \t]*
    (?P<place>{_PLACE})
    (?:,[ \t]*(?!{_MONTH}\b)(?P<region>{_REGION}))?
    (?:,?[ \t]*{_DATE})?
    (?:[.,]?[ \t]*(?:\([ \t]*(?P<agp>[^()\n]{{1,40}}?)[ \t]*\)|/[ \t]*(?P<ags>[^/\n]{{1,30}}?)[ \t]*/)
       |,[ \t]*(?P<agb>{_BARE}))?
    {_TERM}""",
    re.VERBOSE,
)
# "Moscow. May 3. INTERFAX -", "ALMATY. March 3. KAZINFORM -": place, date and agency separated by periods
_PERIOD_DATELINE = re.compile(
    rf"""[ \t]*(?P<place>{_WORD}(?:[ ]{_WORD}){{0,3}}?)\.[ \t]+{_DATE}\.[ \t]*(?P<agb>{_BARE})
    (?P<region>(?!))?(?P<agp>(?!))?(?P<ags>(?!))?{_TERM}""",  # (the groups the place pattern has; never set)
    re.VERBOSE,
)
_AGENCY_DATELINE = re.compile(rf"[ \t]*\([ \t]*(?P<agp>[^()\n]{{1,40}}?)[ \t]*\){_TERM}")
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_EOL = re.compile(r"[ \t\r]*(?:\n|$)")
_LONG_DASH = re.compile(r"--|[—–―]")
_DASH = re.compile(r"[-—–―:]")
_BLANKS = re.compile(r"\s*")


@dataclass(slots=True)
class Dateline:
    """A parsed dateline. ``end`` is the offset (in the text given) where the story body starts."""

    raw: str
    start: int
    end: int
    place: str | None = None
    region: str | None = None
    agency: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None

    def date(self, year: int | None = None) -> _dt.date | None:
        """The dateline's date, with ``year`` when the dateline has none; ``None`` if incomplete/invalid."""
        y = self.year or year
        if y is None or self.month is None or self.day is None:
            return None
        try:
            return _dt.date(y, self.month, self.day)
        except ValueError:
            return None


@cache
def _not_places() -> frozenset[str]:
    """The words of ``data/datelines.yaml`` (schema ``ingest-datelines``), case-folded."""
    return frozenset(str(w).casefold() for w in load_yaml("eventwire.ingest", "datelines.yaml")["not_places"])


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _place_name(s: str) -> str:
    """``UNITED NATIONS`` → ``United Nations``, ``RIO DE JANEIRO`` → ``Rio de Janeiro``; else as written."""
    if not _is_caps(s):
        return s
    out = []
    for i, w in enumerate(s.split(" ")):
        if "." in w and len(w) <= 4:  # "D.C."
            out.append(w)
        elif i and w.lower() in _CONN_WORDS:
            out.append(w.lower())
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


def match_dateline(text: str, pos: int = 0, *, lenient: bool = False) -> Dateline | None:
    """The dateline starting at ``pos`` (after blanks), or ``None``.

    ``lenient`` (used for the rest of a ``date YYYY-MM-DD ...`` header line, which holds a dateline by
    convention) accepts a plain place such as ``Baku`` or ``Baku, October 8`` without further evidence.
    """
    pos = _BLANKS.match(text, pos).end()  # type: ignore[union-attr]
    m = _PLACE_DATELINE.match(text, pos)
    if m is not None:
        d = _from_place_match(text, m, lenient)
        if d is not None:
            return d
    m = _PERIOD_DATELINE.match(text, pos)
    if m is not None and canonical_agency(m.group("agb")) is not None:
        d = _from_place_match(text, m, lenient)
        if d is not None:
            return d
    m = _AGENCY_DATELINE.match(text, pos)
    if m is not None:
        agency = canonical_agency(m.group("agp"))
        if agency is not None and (_DASH.search(m.group("term")) or _at_eol(text, m.end())):
            return _finish(text, m, agency=agency)
    return None


def _at_eol(text: str, pos: int) -> bool:
    return _EOL.match(text, pos) is not None


def _from_place_match(text: str, m: re.Match[str], lenient: bool) -> Dateline | None:
    place, region = m.group("place"), m.group("region")
    month_s, day_s, year_s = (
        m.group("month") or m.group("month2"),
        m.group("day") or m.group("day2"),
        m.group("year") or m.group("year2"),
    )
    has_date = month_s is not None
    term = m.group("term")
    dash, eol = bool(_DASH.search(term)), _at_eol(text, m.end())
    caps = _is_caps(place)
    agency: str | None = None
    raw_agency = m.group("agp") or m.group("ags")
    bare = m.group("agb")
    # "Tehran, IRNA --": the region slot holds a listed agency.
    if (
        raw_agency is None
        and bare is None
        and region is not None
        and not has_date
        and canonical_agency(region) is not None
        and (dash or eol)
    ):
        bare, region = region, None
    if place.casefold() in _not_places():
        return None
    weekday = place.casefold() in _WEEKDAYS
    if weekday:  # "Friday, October 1, 2011 --": a date without a place
        if not has_date or not (dash or raw_agency is not None):
            return None
        place = ""
    elif (
        raw_agency is None
        and bare is None
        and region is None
        and not has_date
        and canonical_agency(place) is not None
        and _LONG_DASH.search(term)
    ):
        # "AFP --": an agency without a place
        return _finish(text, m, agency=canonical_agency(place))
    if raw_agency is not None:
        known = canonical_agency(raw_agency)
        if not (known or lenient or ((caps or has_date) and (dash or "." in term or (eol and has_date)))):
            return None
        agency = known or raw_agency.strip()
    elif bare is not None:
        known = canonical_agency(bare)
        if not (
            lenient or ((known or _is_caps(bare)) and (has_date or known) and (dash or eol or (known and "." in term)))
        ):
            return None
        agency = known or bare
    elif not lenient:
        if has_date:
            ok = (caps and (dash or eol or "." in term)) or (not caps and dash)
        else:
            # "WASHINGTON —", "NEW DELHI:" (a colon only after a longer name: not "NATO:")
            ok = caps and (
                _LONG_DASH.search(term) is not None or (term.strip() == ":" and sum(c.isalpha() for c in place) >= 5)
            )
        if not ok:
            return None
    d = _finish(text, m, agency=agency)
    d.place, d.region = _place_name(place) or None, region
    if has_date:
        d.month = _MONTHS[month_s.lower()]
        d.day = int(day_s)
        d.year = int(year_s) if year_s else None
    return d


def _finish(text: str, m: re.Match[str], *, agency: str | None) -> Dateline:
    start = _BLANKS.match(text, m.start()).end()  # type: ignore[union-attr]
    raw_end = m.end("term") if m.group("term").strip() else m.start("term")
    body = _BLANKS.match(text, m.end()).end()  # type: ignore[union-attr]
    return Dateline(raw=text[start:raw_end].strip(), start=start, end=body, agency=agency)
