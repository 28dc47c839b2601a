"""Event dates (stage 5): the story date, or the date a sentence gives, resolved against the story date.

A date expression counts for an event when it sits in the event's clause (its nearest verb ancestor is the
trigger's verb, or a verb the trigger hangs from by ``xcomp``/``conj``); among several, the one nearest the
trigger wins. Resolution against the story date ``D`` (docs/place.md, "Dates", has the table):

- ``March 3, 2019`` / ``3 March 2019`` / ``2019-03-03``: that date (also without a story date).
- ``March 3`` / ``3 March``: in the story's year; a past-tense clause moves a date after ``D`` to the year
  before, a future one moves a date before ``D`` to the year after.
- ``on Tuesday`` / ``Tuesday``: the last Tuesday on or before ``D``; in a future clause ("will", "would",
  "next Tuesday") the first on or after ``D``.
- ``yesterday`` / ``last night``: ``D`` - 1; ``today``, ``tonight``, ``this morning``: ``D``; ``tomorrow``:
  ``D`` + 1; ``N days ago``: ``D`` - N; ``N weeks ago``: ``D`` - 7N.
- ``last week``: ``D`` - 7 days; ``last month``: the same day a month before (clamped); ``last year``: the
  same day a year before. These are approximate; ``date_text`` keeps the words.
- ``earlier this week/month/year``, ``this week``, ``recently``: ``D`` (only ``date_text`` is set).
- ``in March`` (a month alone): the 1st of that month in the story's year (the year before when that is after
  ``D`` in a past clause).

- ``March 2019``: the 1st of that month.
- **Historical years**: a year alone ("in 1973", "a 1991 crackdown", "back in 2012") before the story's year
  gives ``date`` = ``None`` and ``date_text`` = the words, so background events stay in the data but out of
  the story-date time series (a full date such as ``June 2, 2012`` gives that date). A year alone that is
  not before the story's year is ignored. When the event's own clause has no date expression, a historical
  year or date in a clause above it (or in a "when ..." clause of one) dates it, unless a clause above also
  carries a non-historical date.

Without a story date only a full date with a year resolves; otherwise ``date`` stays ``None``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from functools import lru_cache
from typing import Any

from . import words as _words
from ._regex import Scouted
from .events.grammar import ancestors, clause_head, in_aside
from .mentions import EventMention, EventTime
from .story import Story

_MONTHS = _words.calendar().all_months  # from data, not from ``calendar`` (which follows the process locale)
_DAYS = {d: i for i, d in enumerate(_words.calendar().weekdays)}
_NUMS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "a couple of": 2,
    "several": 3,
    "few": 3,
}

_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# (kind, compiled pattern); tried in this order, overlapping later matches are dropped
PATTERNS: list[tuple[str, Scouted]] = [
    ("iso", Scouted(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", Scouted(rf"\b(?:on\s+)?{_MON}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", Scouted(rf"\b(?:on\s+)?{_DAY}\s+{_MON},?\s+{_YEAR}\b")),
    ("md", Scouted(rf"\b(?:on\s+)?{_MON}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)(?![:\d])")),
    ("dm", Scouted(rf"\b(?:on\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}\b")),
    (
        "weekday",
        Scouted(
            rf"\b(?:(?P<rel>on|last|next|this|coming|late\s+on|early\s+on|late|early)\s+)?"
            rf"{_WEEKDAY}\b(?:\s+(?P<part>morning|afternoon|evening|night))?"
        ),
    ),
    (
        "rel",
        Scouted(
            r"\b(?P<rel>yesterday|today|tonight|tomorrow|last\s+night|this\s+morning|"
            r"this\s+afternoon|this\s+evening|overnight|last\s+week|last\s+month|last\s+year|"
            r"earlier\s+this\s+(?:week|month|year)|earlier\s+today|this\s+week|this\s+month|"
            r"recently|next\s+week|next\s+month|next\s+year|the\s+day\s+before)\b",
            re.I,
        ),
    ),
    (
        "ago",
        Scouted(
            r"\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a|a\s+couple\s+of|"
            r"several|a\s+few)\s+(?P<unit>days?|weeks?)\s+ago\b",
            re.I,
        ),
    ),
    ("month", Scouted(rf"\b(?:in|since|during|early|late|mid-?)\s+{_MON}\b(?!\s+\d)")),
    ("my", Scouted(rf"\b(?:(?:in|since|during|early|late|mid-?)\s+)?{_MON}\s+{_YEAR}\b")),
    (
        "year",
        Scouted(
            rf"\b(?:in|since|during|from|until|till|of|early|late|mid-?|back\s+in)\s+{_YEAR}\b"
            r"(?![-/]\d)"
        ),
    ),
    (
        "year",
        Scouted(
            r"(?:(?<=\ba\s)|(?<=\ban\s)|(?<=\bthe\s)|(?<=\bits\s)|(?<=\bhis\s)|(?<=\bher\s)|"
            rf"(?<=\btheir\s)|(?<=\bthat\s)){_YEAR}(?=\s+[a-z])"
        ),
    ),  # "a 1991 crackdown"
    (
        "year",
        Scouted(
            r"\b(?:in|during|since|through|throughout)\s+the\s+(?:early\s+|late\s+|mid-?)?"
            r"(?P<year>(?:19|20)\d0)s\b"
        ),
    ),
]

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would"})  # "would": future in reported speech
_CLAUSE_UP = frozenset({"xcomp", "conj", "aux", "auxpass"})


def _shift_months(d: _dt.date, n: int) -> _dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return _dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _safe_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def resolve(kind: str, m: re.Match[str], story_date: _dt.date | None, future: bool) -> _dt.date | None:
    """The date an expression names, given the story date and whether its clause is in the future; ``None``
    when it falls outside the calendar (a story dated 9999-12-31 and "next month")."""
    try:
        return _resolve(kind, m, story_date, future)
    except (ValueError, OverflowError):
        return None


def _resolve(kind: str, m: re.Match[str], story_date: _dt.date | None, future: bool) -> _dt.date | None:
    g = m.groupdict()
    if kind == "iso":
        return _safe_date(int(g["year"]), int(g["mon"]), int(g["day"]))
    if kind == "year":
        return None  # a year alone names no day: only historical years are used (see ``historical``)
    if kind == "my":
        return _safe_date(int(g["year"]), _MONTHS[g["mon"].lower().rstrip(".")], 1)
    if kind in ("mdy", "dmy"):
        return _safe_date(int(g["year"]), _MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]))
    if story_date is None:
        return None
    D = story_date
    if kind in ("md", "dm", "month"):
        mon = _MONTHS[g["mon"].lower().rstrip(".")]
        day = int(g["day"]) if kind != "month" else 1
        d = _safe_date(D.year, mon, day)
        if d is None:
            return None
        if not future and d > D + _dt.timedelta(days=1):
            d = _safe_date(D.year - 1, mon, day) or d
        elif future and d < D:
            d = _safe_date(D.year + 1, mon, day) or d
        return d
    if kind == "weekday":
        wd = _DAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel in ("next", "coming") or (future and rel != "last"):
            return D + _dt.timedelta(days=(wd - D.weekday()) % 7)
        back = (D.weekday() - wd) % 7
        if rel == "last" and back == 0:
            back = 7
        return D - _dt.timedelta(days=back)
    if kind == "ago":
        n_txt = re.sub(r"\s+", " ", g["n"].lower())
        n = int(n_txt) if n_txt.isdigit() else _NUMS.get(n_txt.replace("a few", "few"), 1)
        return D - _dt.timedelta(days=n * (7 if g["unit"].lower().startswith("week") else 1))
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    table = {
        "yesterday": -1,
        "last night": -1,
        "the day before": -1,
        "overnight": 0,
        "tomorrow": 1,
        "last week": -7,
        "next week": 7,
    }
    if rel in table:
        return D + _dt.timedelta(days=table[rel])
    if rel == "last month":
        return _shift_months(D, -1)
    if rel == "next month":
        return _shift_months(D, 1)
    if rel == "last year":
        return _safe_date(D.year - 1, D.month, min(D.day, 28 if D.month == 2 else D.day))
    if rel == "next year":
        return _safe_date(D.year + 1, D.month, min(D.day, 28 if D.month == 2 else D.day))
    return D  # today, tonight, this week, earlier this month, recently ...


@lru_cache(maxsize=2048)
def find_expressions(text: str) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    """Date expressions in ``text``: (start, end, kind, match), without overlaps, in text order (cached:
    the events of one sentence share the scan)."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    low = text.lower()
    for kind, pat in PATTERNS:
        for m in pat.finditer(text, low):
            s, e = m.span()
            if any(s < fe and fs < e for fs, fe, _, _ in found):
                continue
            if kind == "month" and m.group("mon").lower() == "mar":
                continue  # "Mar" alone is rarely a month in prose
            found.append((s, e, kind, m))
    found.sort(key=lambda x: x[0])
    return tuple(found)


def historical(kind: str, m: re.Match[str], story_date: _dt.date | None) -> bool:
    """True when the expression names an explicit year (alone or in a full date) before the story's year:
    "attacked Israel in 1973", "was jailed on June 2, 2012", "a 1991 crackdown"."""
    year = m.groupdict().get("year")
    if not year or kind not in ("year", "my", "mdy", "dmy", "iso"):
        return False
    return story_date is not None and int(year) < story_date.year


def _usable(kind: str, m: re.Match[str], story_date: _dt.date | None) -> bool:
    """A year alone counts only when it is historical (before the story's year); "in 2020" in a 2020 story
    says nothing about the day."""
    return kind != "year" or historical(kind, m, story_date)


def _is_future(head: Any) -> bool:
    t = head
    for _ in range(4):
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX:
                return True
            if (
                c.dep_ == "aux"
                and c.lower_ == "to"
                and t.dep_ == "xcomp"
                and t.head.lemma_ in ("plan", "intend", "expect", "schedule", "be")
            ):
                return True
        if t.dep_ not in _CLAUSE_UP or t.head.i == t.i:
            break
        t = t.head
    return False


def _event_clauses(doc: Any, trig: int) -> set[int]:
    t = clause_head(doc[trig])
    heads = {t.i}
    while t.dep_ in _CLAUSE_UP and t.head.i != t.i:
        t = t.head
        heads.add(t.i)
    return heads


def date_for(doc: Any, story: Story, ev: EventMention) -> tuple[_dt.date | None, str | None]:
    """The (date, date_text) the event's sentence gives, or (None, None).

    An expression in the event's own clause wins (the nearest). Without one, an explicit **historical**
    year or date (before the story's year) in a clause above the event - or in a "when ..." clause of one -
    dates it, unless a clause above carries a non-historical date: "When X came to power in 2005, protests
    were met with a crackdown during which 500 people were killed" → killed in 2005 (date null, date_text
    "in 2005"), not on the story date."""
    text = story.text
    s0, s1 = ev.sentence_start, ev.sentence_end
    exprs = [x for x in find_expressions(text[s0:s1]) if _usable(x[2], x[3], story.date)]
    if not exprs or doc is None:
        return None, None
    heads = _event_clauses(doc, ev.trigger_tok)
    anc = ancestors(clause_head(doc[ev.trigger_tok]))
    best: tuple[int, tuple[int, int, str, re.Match[str]]] | None = None
    above: list[tuple[int, tuple[int, int, str, re.Match[str]]]] = []
    for x in exprs:
        span = doc.char_span(s0 + x[0], s0 + x[1], alignment_mode="expand")
        if span is None:
            continue
        if in_aside(span.root, ev.trigger_tok):
            continue  # "The offensive, the third operation since 2016, began on Wednesday": the apposition's time
        # the expression's token nearest to the tree root: its preposition or the date noun
        h = clause_head(span.root)
        dist = abs(span.start - ev.trigger_tok)
        if h.i in heads:
            if best is None or dist < best[0]:
                best = (dist, x)
        elif h.i in anc or (h.dep_ == "advcl" and h.head.i in anc):
            above.append((dist, x))
    if best is None and above:
        if all(historical(x[2], x[3], story.date) for _, x in above):
            best = min(above, key=lambda a: a[0])
    if best is None:
        return None, None
    s, e, kind, m = best[1]
    if historical(kind, m, story.date) and kind in ("year", "my"):
        return None, text[s0 + s : s0 + e]
    future = _is_future(doc[ev.trigger_tok]) or _is_future(clause_head(doc[ev.trigger_tok]))
    return resolve(kind, m, story.date, future), text[s0 + s : s0 + e]


def event_dates(doc: Any, story: Story, events: list[EventMention]) -> list[EventTime]:
    """The date of each event: the one its clause gives, else the story date (the events are not changed)."""
    out: list[EventTime] = []
    for ev in events:
        try:
            d, t = date_for(doc, story, ev)
        except (IndexError, ValueError):
            d, t = None, None
        out.append(EventTime(d, t) if t is not None else EventTime(story.date))
    return out
