"""Helpers shared by the gold readers: reading a file, dates, codes, errors that name file and record."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import cast

from ...errors import EvalError, error
from ...events import cameo

_CAMEO_RE = re.compile(r"^\d{2,4}$")


def read_text(path: Path) -> str:
    """The file's text (UTF-8, BOM tolerated); ``EvalError`` E604 when it cannot be read."""
    try:
        return path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise error("E604", where=str(path), reason=e) from e


def bad(message: str, where: str) -> EvalError:
    """The error for a bad gold record (E605); ``where`` names file and record."""
    return cast(EvalError, error("E605", where=where, problem=message))


def parse_date(value: object, where: str) -> _dt.date | None:
    """``YYYY-MM-DD``, ``YYYYMMDD`` (or PETRARCH's old ``YYMMDD``) → date; empty → ``None``; anything else
    is a bad record."""
    if value is None or value == "":
        return None
    s = str(value).strip()
    for fmt in ("%Y-%m-%d", "%Y%m%d") if len(s) != 6 else ("%y%m%d",):
        try:
            return _dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise bad(f"date {s!r} is not YYYY-MM-DD, YYYYMMDD or YYMMDD", where)


def check_cameo(code: object, where: str) -> str:
    """A CAMEO event code of the codebook (2-4 digits), as a string; otherwise a bad record."""
    s = str(code).strip() if code is not None else ""
    if not _CAMEO_RE.match(s) or not cameo.is_code(s):
        raise bad(f"{s!r} is not a CAMEO event code", where)
    return s


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


def occurrences(text: str, words: str) -> tuple[tuple[int, int], ...]:
    """Character spans of ``words`` in ``text`` (exact case; if none, ignoring case)."""
    for flags in (0, re.I):
        found = tuple((m.start(), m.end()) for m in re.finditer(re.escape(words), text, flags))
        if found:
            return found
    return ()
