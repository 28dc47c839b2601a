"""Story ingest: files, folders and stdin → ``Story`` records (or ``Reject`` with a reason).

Public API:
    read_paths(paths)                 -> iterator of Story | Reject, in input order
    read_text_story(text, origin=...) -> Story   (one plain-text story with optional header/dateline)
    normalize(text)                   -> the parser's view of a story text (same length)
    match_dateline(text)              -> the parsed dateline at the start of a text, or None

Formats, dateline forms, reject codes and the encoding policy are documented in docs/ingest.md.
"""

from __future__ import annotations

from .dateline import Dateline, match_dateline
from .limits import MAX_STORY_CHARS
from .normalize import normalize
from .text import build_story, read_text_story
from .walk import read_paths

__all__ = ["MAX_STORY_CHARS", "Dateline", "build_story", "match_dateline", "normalize", "read_paths", "read_text_story"]
