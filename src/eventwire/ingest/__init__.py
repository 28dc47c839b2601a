"""Story ingest: files, folders and stdin → ``Story`` records (or ``Reject`` with a reason).

Public API:
    read_paths(paths)  -> iterator of Story | Reject, in input order
    read_text_story(text, origin=...) -> Story   (one plain-text story with optional header/dateline)
"""

from __future__ import annotations

from .normalize import normalize
from .walk import read_paths
from .text import read_text_story

__all__ = ["normalize", "read_paths", "read_text_story"]
