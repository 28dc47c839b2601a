"""The ``Story``: one news story as ingest understood it, and its rejected counterpart ``Reject``."""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import message


def content_id(text: str, *, date: str | None = None, title: str | None = None) -> str:
    """A stable content hash used as the story id when the input gives none."""
    h = hashlib.sha1()
    for part in (date or "", title or "", text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return "s-" + h.hexdigest()[:16]


@dataclass(slots=True)
class Story:
    """One story.

    ``text`` is the story body exactly as given (dateline and header removed), in original characters;
    every character offset eventwire reports (actor spans, evidence) is an offset into ``text``.
    The parser sees ``normalize(text)``, which has the same length, so offsets carry over one to one.
    """

    id: str
    text: str
    date: _dt.date | None = None
    place: str | None = None
    agency: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = "en"
    origin_file: str | None = None
    origin_line: int | None = None
    dateline: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        if self.origin_file is None:
            return f"story {self.id}"
        if self.origin_line is None:
            return self.origin_file
        return f"{self.origin_file}:{self.origin_line}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        return d


@dataclass(slots=True)
class Reject:
    """An input that could not be coded, with the reason; written to ``--rejects`` and counted."""

    origin: str
    reason: str
    code: str = "E100"
    story_id: str | None = None

    @classmethod
    def of(cls, code: str, origin: str, *, story_id: str | None = None, **fields: Any) -> Reject:
        """A reject with the catalogue's message for ``code`` (``eventwire.errors.CATALOGUE``)."""
        return cls(origin=origin, reason=message(code, **fields), code=code, story_id=story_id)

    def to_dict(self) -> dict[str, Any]:
        return {"story_id": self.story_id, "origin": self.origin, "code": self.code, "reason": self.reason}

    def __str__(self) -> str:
        who = f" (story {self.story_id})" if self.story_id else ""
        return f"{self.origin}{who}: [{self.code}] {self.reason}"
