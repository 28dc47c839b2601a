"""The limits ingest enforces (the error codes themselves live in ``eventwire.errors.CATALOGUE``)."""

from __future__ import annotations

# Longest story text eventwire codes. It equals spaCy's default ``Language.max_length``; longer stories are
# rejected (E111), never truncated.
MAX_STORY_CHARS = 1_000_000


def too_long(chars: int) -> str:
    """The reason given for a story of ``chars`` characters over the limit (E111)."""
    return f"story is too long ({chars:,} characters; the limit is {MAX_STORY_CHARS:,})"
