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
from .pipeline import Coder, code_stories
from .story import Reject, Story, content_id

_default_coder: Coder | None = None


def __getattr__(name: str) -> Any:
    # The store (DuckDB, pyarrow) is imported only when asked for: coding does not need it.
    if name in ("open_store", "run_corpus"):
        from . import store

        return getattr(store, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


def get_coder(model: str | None = None) -> Coder:
    """A process-wide ``Coder`` for ``model`` (loaded once)."""
    global _default_coder
    if _default_coder is None or (model is not None and _default_coder.model != model):
        _default_coder = Coder(model)
    return _default_coder


def code_text(text: str, *, date: str | _dt.date | None = None, story_id: str | None = None,
              model: str | None = None) -> list[dict[str, Any]]:
    """Code one text (no header or dateline parsing) and return its event records."""
    d = _dt.date.fromisoformat(date) if isinstance(date, str) else date
    story = Story(id=story_id or content_id(text, date=d.isoformat() if d else None), text=text, date=d)
    records, rejects = get_coder(model).code_batch([story])
    if rejects:
        raise InputError(rejects[0].reason, code=rejects[0].code, where=rejects[0].origin)
    return records


__all__ = [
    "Coder", "DictionaryError", "EvalError", "EventwireError", "InputError", "ModelError", "Reject",
    "SchemaError", "StoreError", "Story", "__version__", "code_stories", "code_text", "get_coder",
    "open_store", "read_paths", "read_text_story", "run_corpus",
]
