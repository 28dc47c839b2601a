"""eventwire: turn news stories into political event data — who did what to whom, when and where.

Public API::

    import eventwire
    records = eventwire.code_text("Russia's foreign minister met his Turkish counterpart in Ankara.",
                                  date="2024-05-01")
    for batch in eventwire.code_stories(eventwire.read_paths(["stories/"])):
        ...
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ._version import __version__
from .errors import (
    DictionaryError,
    EvalError,
    EventwireError,
    InputError,
    ModelError,
    SchemaError,
    StoreError,
)
from .ingest import read_paths, read_text_story
from .ingest.dates import DateHint
from .pipeline import Coder, code_stories
from .record import EventRecord
from .story import Reject, Story

_default_coder: Coder | None = None


def __getattr__(name: str) -> Any:
    # The store (DuckDB, pyarrow) is imported only when asked for: coding does not need it.
    if name == "open_store":
        from .store import open_store

        return open_store
    if name == "run_corpus":
        from .runner import run_corpus

        return run_corpus
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


def get_coder(model: str | None = None) -> Coder:
    """A process-wide ``Coder`` for ``model`` (loaded once)."""
    global _default_coder
    if _default_coder is None or (model is not None and _default_coder.model != model):
        _default_coder = Coder(model)
    return _default_coder


def code_text(
    text: str, *, date: str | _dt.date | None = None, story_id: str | None = None, model: str | None = None
) -> list[EventRecord]:
    """Code one story and return its event records.

    The text is read exactly as a plain-text story file is (``eventwire code story.txt``): an optional
    ``date YYYY-MM-DD`` header line, a title, a wire dateline ("BAKU, October 8 (AZERTAC) - ..."), then the body.
    ``date`` is the story's publication date when the text does not give one. Raises ``InputError`` when
    the text is not a story (empty, too long).
    """
    d = _dt.date.fromisoformat(date) if isinstance(date, str) else date
    story = read_text_story(text, origin="<text>", story_id=story_id, date=DateHint(date=d) if d else None)
    records, rejects = get_coder(model).code_batch([story])
    if rejects:
        raise InputError(rejects[0].reason, code=rejects[0].code, where=rejects[0].origin)
    return records


__all__ = [
    "Coder",
    "DictionaryError",
    "EvalError",
    "EventwireError",
    "InputError",
    "ModelError",
    "Reject",
    "SchemaError",
    "StoreError",
    "Story",
    "__version__",
    "code_stories",
    "code_text",
    "get_coder",
    "open_store",
    "read_paths",
    "read_text_story",
    "run_corpus",
]
