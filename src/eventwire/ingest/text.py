"""Plain-text stories: an optional ``date YYYY-MM-DD ...`` first line, then a dateline and the body."""

from __future__ import annotations

import datetime as _dt
import re

from ..errors import InputError
from ..story import Story, content_id

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.IGNORECASE)


def read_text_story(text: str, *, origin: str | None = None, story_id: str | None = None) -> Story:
    """Parse one plain-text story. Raises ``InputError`` when there is no text."""
    date: _dt.date | None = None
    lines = text.split("\n")
    if lines and (m := _HEADER.match(lines[0])):
        try:
            date = _dt.date.fromisoformat(m.group(1))
        except ValueError as e:
            raise InputError(f"bad date in header: {m.group(1)}", code="E121", where=origin) from e
        text = "\n".join(lines[1:])
    body = text.strip()
    if not body:
        raise InputError("story has no text", code="E110", where=origin)
    # Leading whitespace removed; the body keeps its original characters.
    sid = story_id or content_id(body, date=date.isoformat() if date else None)
    return Story(id=sid, text=body, date=date, origin_file=origin)
