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
from .text import build_story, no_surrogates

_KNOWN = frozenset(
    {"id", "story_id", "text", "date", "title", "source", "agency", "url", "language", "place", "textInfo", "citeInfo"}
)


_SCALARS = (str, int, float)


def _str(v: Any, field: str = "") -> str | None:
    """A string field: a string or a number (``"id": 17``); a list, an object or a boolean is an error (E123)."""
    if v is None:
        return None
    if not isinstance(v, _SCALARS) or isinstance(v, bool):
        raise error("E123", field=field, kind=_kind(v))
    s = no_surrogates(str(v).strip())
    return s or None


def _clean(v: Any) -> Any:
    """A JSON value with lone surrogates replaced in every string (iteratively: values may nest deeply)."""
    if isinstance(v, str):
        return no_surrogates(v)
    if not isinstance(v, list | dict):
        return v
    root: list[Any] = [v]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        parent, key = stack.pop()
        x = parent[key]
        if isinstance(x, str):
            parent[key] = no_surrogates(x)
        elif isinstance(x, list):
            x = parent[key] = list(x)
            stack.extend((x, i) for i in range(len(x)))
        elif isinstance(x, dict):
            x = parent[key] = {no_surrogates(str(k)): y for k, y in x.items()}
            stack.extend((x, k) for k in x)
    return root[0]


def _kind(v: Any) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, list | tuple):
        return "list"
    return "object" if isinstance(v, dict) else type(v).__name__


def record_to_story(
    rec: Mapping[str, Any], *, origin_file: str, origin_line: int | None, meta: dict[str, Any] | None = None
) -> Story | Reject:
    """One record → ``Story``, or ``Reject`` naming file, line and id with the reason."""
    where = origin_file if origin_line is None else f"{origin_file}:{origin_line}"
    cite_info = rec.get("citeInfo")
    cite: Mapping[str, Any] = cite_info if isinstance(cite_info, Mapping) else {}
    sid: str | None = None
    try:
        sid = _str(rec.get("id"), "id") or _str(rec.get("story_id"), "story_id")
        text = _text_of(rec)
        if text is None:
            raise error("E112", detail="record has no 'text' field")
        extra = {no_surrogates(k): _clean(v) for k, v in rec.items() if k not in _KNOWN}
        m = dict(meta or {})
        if extra:
            m["extra"] = extra
        return build_story(
            text,
            origin_file=origin_file,
            origin_line=origin_line,
            story_id=sid,
            date_hint=parse_date_value(rec.get("date")),
            title=_str(rec.get("title"), "title") or _str(cite.get("title"), "citeInfo.title"),
            agency=_str(rec.get("source"), "source")
            or _str(rec.get("agency"), "agency")
            or _str(cite.get("publisher"), "citeInfo.publisher"),
            url=_str(rec.get("url"), "url") or _str(cite.get("url"), "citeInfo.url"),
            language=_str(rec.get("language"), "language") or _str(cite.get("language"), "citeInfo.language"),
            place=_str(rec.get("place"), "place"),
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
