"""Structured records (a JSON object, a CSV row) → ``Story``.

Fields: ``id`` and ``text`` (required; a missing id becomes a content hash), ``date`` (ISO date or
datetime), ``title``, ``source`` (→ ``Story.agency``; ``agency`` is accepted too), ``url``, ``language``,
``place``. The PLOVER data-exchange layout is understood as well (``textInfo.textStory`` paragraphs,
``citeInfo.title/url/publisher/language``). Other fields are kept in ``Story.meta["extra"]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import InputError, error
from ..story import Reject, Story
from .dates import parse_date_value
from .text import build_story

_KNOWN = frozenset(
    {"id", "story_id", "text", "date", "title", "source", "agency", "url", "language", "place", "textInfo", "citeInfo"}
)


def _str(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def record_to_story(
    rec: Mapping[str, Any], *, origin_file: str, origin_line: int | None, meta: dict[str, Any] | None = None
) -> Story | Reject:
    """One record → ``Story``, or ``Reject`` naming file, line and id with the reason."""
    where = origin_file if origin_line is None else f"{origin_file}:{origin_line}"
    sid = _str(rec.get("id")) or _str(rec.get("story_id"))
    cite_info = rec.get("citeInfo")
    cite: Mapping[str, Any] = cite_info if isinstance(cite_info, Mapping) else {}
    try:
        text = _text_of(rec)
        if text is None:
            raise error("E112", detail="record has no 'text' field")
        extra = {k: v for k, v in rec.items() if k not in _KNOWN}
        m = dict(meta or {})
        if extra:
            m["extra"] = extra
        return build_story(
            text,
            origin_file=origin_file,
            origin_line=origin_line,
            story_id=sid,
            date_hint=parse_date_value(rec.get("date")),
            title=_str(rec.get("title")) or _str(cite.get("title")),
            agency=_str(rec.get("source")) or _str(rec.get("agency")) or _str(cite.get("publisher")),
            url=_str(rec.get("url")) or _str(cite.get("url")),
            language=_str(rec.get("language")) or _str(cite.get("language")),
            place=_str(rec.get("place")),
            meta=m,
        )
    except InputError as e:
        return Reject(origin=where, reason=e.message, code=e.code, story_id=sid)


def _text_of(rec: Mapping[str, Any]) -> str | None:
    text = rec.get("text")
    if text is None and isinstance(rec.get("textInfo"), Mapping):
        text = rec["textInfo"].get("textStory")
    if text is None or isinstance(text, str):
        return text
    if isinstance(text, list) and all(isinstance(p, str) for p in text):
        return "\n\n".join(text)
    raise error("E113", kind=type(text).__name__)
