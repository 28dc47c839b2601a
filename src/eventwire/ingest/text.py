"""Plain-text stories: an optional ``date YYYY-MM-DD ...`` first line, a title, a dateline, the body.

``build_story`` is the one place a ``Story`` is assembled: the plain-text, JSONL, CSV and HTML readers all
call it, so a record's text that begins with a dateline is parsed exactly like a text file's.

Layout of a plain-text story file::

    date 2019-10-08 Baku, October 8, AZERTAC        <- optional header; the rest of the line is a dateline
                                                    <- (blank lines are skipped)
    Ministers meet in Baku                          <- optional title: a short line, no final period,
                                                    <-   followed by a blank line (detected conservatively)
    BAKU, October 8 (Xinhua) -- The ministers ...   <- optional dateline at the start of the body

``Story.text`` is the body from its first word to its last non-blank character, in original characters;
``Story.meta["body_offset"]`` is where it starts in the text given, so offsets map back to the file.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..errors import error
from ..story import Story, content_id
from .dateline import Dateline, match_dateline
from .dates import DateHint
from .limits import over_limit, too_long

_HEADER = re.compile(
    r"[ \t]*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$)[ \t]*([^\n]*)\n?",
    re.IGNORECASE,
)
_TITLE = re.compile(r"([^\n]{3,140}?)[ \t\r]*\n[ \t\r]*\n")
_TITLE_MAX_WORDS = 16
_SENTENCE_BREAK = re.compile(r"[.!?][\"”'’)]?\s+[\"“(]?[A-Z]")
_QUOTES = frozenset("\"'”’“‘»")
_DATE_WORDS = re.compile(
    r"(?i:\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon|tues?|wed|thu(?:rs)?|fri|sat|sun)(?:day)?\b"
    r"|\d+(?:st|nd|rd|th)?)"
)
_BLANKS = re.compile(r"\s*")
_TITLE_END = frozenset(".,;:-–—")
_TITLE_START_EXTRA = frozenset("\"'“‘«")
_NAME = r"[A-Z][\w.'’\-]*"
_BYLINE = re.compile(rf"[ \t]*(By[ \t]+{_NAME}(?:[ \t]+(?:and[ \t]+|in[ \t]+|,[ \t]*)?{_NAME}){{0,5}})[ \t\r]*\n")
_NOT_TITLE = re.compile(r"(?i:by|from|posted|updated|published|photo|image|source)\b")
_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(s: str) -> str:
    """``s`` with each lone surrogate (from a JSON ``\\ud800`` escape) replaced by U+FFFD: same length, offsets
    kept, and every story text can be written as UTF-8."""
    return s if s.isascii() else _SURROGATE.sub("\ufffd", s)


def read_text_story(
    text: str,
    *,
    origin: str | None = None,
    story_id: str | None = None,
    origin_line: int | None = None,
    date: DateHint | None = None,
) -> Story:
    """Parse one plain-text story (header line, title, dateline, body).

    Raises ``InputError`` (E110 empty, E111 too long, E121 bad header date) when it is not a story.
    """
    return build_story(
        text,
        origin_file=origin,
        origin_line=origin_line,
        story_id=story_id,
        date_hint=date,
        header=True,
        detect_title=True,
    )


def build_story(
    raw: str,
    *,
    origin_file: str | None,
    origin_line: int | None = None,
    story_id: str | None = None,
    date_hint: DateHint | None = None,
    title: str | None = None,
    agency: str | None = None,
    url: str | None = None,
    language: str | None = None,
    place: str | None = None,
    header: bool = False,
    detect_title: bool = False,
    meta: dict[str, Any] | None = None,
) -> Story:
    """Assemble a ``Story`` from its text and metadata; raise ``InputError`` when it is not a story.

    Precedence: a header date beats a metadata date, which beats a dateline date; the dateline's month
    and day take their year from the dateline itself, else from a year-only metadata date. Explicit
    metadata (``place``, ``agency``) beats what the dateline says.
    """
    where = origin_file if origin_line is None else f"{origin_file}:{origin_line}"
    raw = no_surrogates(raw)
    story_id, title, agency, url, language, place = (
        None if v is None else no_surrogates(v) for v in (story_id, title, agency, url, language, place)
    )
    hint = date_hint or DateHint()
    meta = dict(meta or {})
    pos = 1 if raw.startswith("\ufeff") else 0
    header_date: _dt.date | None = None
    header_rest: str | None = None
    header_dl: Dateline | None = None
    if header and (m := _HEADER.match(raw, pos)):
        try:
            header_date = _dt.date.fromisoformat(m.group(1))
        except ValueError as e:
            raise error("E121", where=where, detail=f"invalid date in the header line: {m.group(1)!r}") from e
        header_rest = m.group(2).strip() or None
        if header_rest:
            header_dl = match_dateline(header_rest, lenient=True)
        pos = m.end()
    pos = _BLANKS.match(raw, pos).end()  # type: ignore[union-attr]
    if detect_title and title is None and (t := _title_at(raw, pos)) is not None:
        title, pos = t
    if (b := _BYLINE.match(raw, pos)) is not None:  # "By Jane Doe" on a line of its own
        meta["byline"] = b.group(1)
        pos = _BLANKS.match(raw, b.end()).end()  # type: ignore[union-attr]
    body_dl = match_dateline(raw, pos)
    if body_dl is not None:
        pos = body_dl.end
    end = len(raw.rstrip())
    text = raw[pos:end] if end > pos else ""
    if not text:
        what = "after the header and dateline" if (header_rest or body_dl or header_date) else ""
        raise error("E110", where=where, detail=f"empty story: no text {what}".rstrip())
    if (size := over_limit(text)) is not None:
        raise error("E111", where=where, detail=too_long(size))

    dls = [d for d in (header_dl, body_dl) if d is not None]
    date = header_date or hint.date
    if date is None:
        for d in dls:
            if d.month is not None:
                date = d.date(_year_for(d, hint))
                if date is None:
                    meta["dateline_month"], meta["dateline_day"] = d.month, d.day
                break
    place = place or next((d.place for d in dls if d.place), None)
    agency = agency or next((d.agency for d in dls if d.agency), None)
    region = next((d.region for d in dls if d.region), None)
    if region:
        meta["dateline_country"] = region
    dateline = header_rest or (body_dl.raw if body_dl else None)
    if header_rest and body_dl is not None:
        meta["body_dateline"] = body_dl.raw
    meta["body_offset"] = pos
    sid = story_id or content_id(text, date=date.isoformat() if date else None, title=title)
    return Story(
        id=sid,
        text=text,
        date=date,
        place=place,
        agency=agency,
        title=title,
        url=url,
        language=(language or "en").lower(),
        origin_file=origin_file,
        origin_line=origin_line,
        dateline=dateline,
        meta=meta,
    )


def _year_for(d: Dateline, hint: DateHint) -> int | None:
    """The year of a month/day dateline, from a year(-month) metadata date; handles the turn of a year."""
    if d.year is not None or hint.year is None:
        return d.year
    if hint.month is not None and d.month is not None:
        if d.month - hint.month > 6:
            return hint.year - 1
        if hint.month - d.month > 6:
            return hint.year + 1
    return hint.year


def _title_at(raw: str, pos: int) -> tuple[str, int] | None:
    """A title at ``pos``: a short line without final period, followed by a blank line and a longer body."""
    m = _TITLE.match(raw, pos)
    if m is None:
        return None
    line = m.group(1).strip()
    words = line.split()
    if not 2 <= len(words) <= _TITLE_MAX_WORDS or line[-1] in _TITLE_END or _NOT_TITLE.match(line):
        return None
    if not (line[0].isupper() or line[0].isdigit() or line[0] in _TITLE_START_EXTRA):
        return None
    if line[-1] in _QUOTES and line[-2] in ".!?,":  # a quoted sentence
        return None
    if _SENTENCE_BREAK.search(line) or not any(c.isalpha() for c in _DATE_WORDS.sub("", line)):
        return None  # two sentences (a photo caption ...), or only a date
    if match_dateline(raw, pos) is not None:
        return None
    nxt = _BLANKS.match(raw, m.end()).end()  # type: ignore[union-attr]
    dl = match_dateline(raw, nxt)
    start = dl.end if dl is not None else nxt  # the body paragraph, after a dateline on its own line
    para_end = raw.find("\n", start)
    para = (raw[start:] if para_end < 0 else raw[start:para_end]).strip()
    if len(para) <= len(line) or not (para[0].isupper() or para[0].isdigit() or para[0] in _QUOTES or para[0] == "("):
        return None
    return line, nxt
