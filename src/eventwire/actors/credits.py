"""Photo credits, captions and bylines: spans of a story that name no actor.

READS ``data/credits.yaml`` (schema ``actors-credits``) once, in ``Credits()``. ADDS, per story, the mask of
the tokens inside a credit (``Credits.mask``), which the actor coder reads before recognition.

``data/credits.yaml`` lists regular expressions ("REUTERS/Jane Doe", "Photo: AFP", "(Reporting by X;
Editing by Y)"), compiled once. ``Credits.mask(doc)`` marks the tokens inside any match; the actor coder
drops every dictionary hit and name chain that touches a marked token, so a credit is never an actor
("REUTERS/Danish Siddiqui" is not a Danish actor).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .._regex import Scouted
from ..errors import error
from .data_files import read_yaml


class Credits:
    """The compiled credit patterns."""

    def __init__(self, path: Path | None = None) -> None:
        data, where = read_yaml("credits.yaml", path, "actors-credits")
        compiled: list[re.Pattern[str]] = []
        for p in data["patterns"]:
            try:
                compiled.append(re.compile(p))
            except re.error as e:
                raise error("E303", where=where, problem=f"bad regular expression {p!r}: {e}") from e
        self.scouts = [Scouted(p) for p in compiled]
        # one alternation of the patterns that can match a text: one scan per story (a pattern that
        # cannot match anywhere in the text changes nothing in the alternation's matches)
        self._alternations: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _alternation(self, which: tuple[int, ...]) -> re.Pattern[str]:
        pat = self._alternations.get(which)
        if pat is None:
            pat = self._alternations[which] = re.compile("|".join(_scoped(self.scouts[i].pattern) for i in which))
        return pat

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the credits in ``text``."""
        low = text.lower()
        which = tuple(i for i, s in enumerate(self.scouts) if s.possible(text, low))
        if not which:
            return []
        return [m.span() for m in self._alternation(which).finditer(text) if m.end() > m.start()]

    def mask(self, doc: Any, text: str | None = None) -> bytearray | None:
        """1 for every token inside a credit; ``None`` when the story has none (``text``: ``doc.text``
        when the caller has it already)."""
        spans = self.spans(doc.text if text is None else text)
        if not spans:
            return None
        out = bytearray(len(doc))
        for s, e in spans:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out[span.start : span.end] = b"\x01" * (span.end - span.start)
        return out


def _scoped(pattern: str) -> str:
    """A pattern with leading global flags ("(?i)...", "(?m)...") as a scoped group for the alternation."""
    m = re.match(r"\(\?([aimsux]+)\)", pattern)
    if not m:
        return f"(?:{pattern})"
    return f"(?{m.group(1)}:{pattern[m.end() :]})"
