"""The limits ingest enforces (the error codes themselves live in ``eventwire.errors.CATALOGUE``).

One size limit holds for every story, wherever it comes from: its text (after the header and dateline) may
hold at most ``max_story_bytes()`` bytes of UTF-8. Longer stories are rejected (E111) with their size and
the limit, never truncated. The limit is set, in order of precedence, by ``set_max_story_bytes(n)`` (the
CLI's ``--max-story-bytes``), the environment variable ``EVENTWIRE_MAX_STORY_BYTES`` or the config key
``max_story_bytes`` (``eventwire.toml``); the default is 1,000,000. Ingest and the coder read the same
value, and worker processes inherit it through the environment. spaCy's own ``max_length`` never gets in the
way: the NLP stage parses a long text in pieces (``eventwire._longdoc``).

A decompressed ``.gz`` input may expand at most ``MAX_GZIP_RATIO`` times its compressed size (past
``GZIP_FLOOR_BYTES``): more is a decompression bomb, rejected (E122) before it fills memory or disk.
"""

from __future__ import annotations

import os

from ..errors import error

# The default limit; it equals spaCy's default ``Language.max_length`` (in characters).
MAX_STORY_CHARS = 1_000_000
DEFAULT_MAX_STORY_BYTES = MAX_STORY_CHARS
ENV_MAX_STORY_BYTES = "EVENTWIRE_MAX_STORY_BYTES"
MAX_GZIP_RATIO = 100
GZIP_FLOOR_BYTES = 16 * 1024 * 1024

_limit: int | None = None


def parse_limit(value: object, where: str) -> int:
    """A story size limit from a setting: a positive integer (``1000000``, ``1_000_000`` or ``5e6``)."""
    try:
        n = int(float(str(value).replace("_", ""))) if not isinstance(value, int) else value
    except ValueError:
        n = 0
    if isinstance(value, bool) or n < 1:
        raise error("E124", where=where, value=value)
    return n


def max_story_bytes() -> int:
    """The longest story text accepted, in bytes of UTF-8 (see the module's docstring for where it comes from)."""
    global _limit
    if _limit is None:
        env = os.environ.get(ENV_MAX_STORY_BYTES)
        if env:
            _limit = parse_limit(env, ENV_MAX_STORY_BYTES)
        else:
            from ..config import load_config

            value = load_config().get("max_story_bytes")
            _limit = DEFAULT_MAX_STORY_BYTES if value is None else parse_limit(value, "config max_story_bytes")
    return _limit


def set_max_story_bytes(n: int | None) -> None:
    """Set the story size limit of this process and of the worker processes it starts (``None``: back to the
    environment, the config file and the default)."""
    global _limit
    if n is None:
        _limit = None
        os.environ.pop(ENV_MAX_STORY_BYTES, None)
        return
    _limit = parse_limit(n, "--max-story-bytes")
    os.environ[ENV_MAX_STORY_BYTES] = str(_limit)


def story_size(text: str) -> int:
    """The size of a story text in bytes of UTF-8 (a lone surrogate counts 3, as it is stored)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def over_limit(text: str) -> int | None:
    """The size of ``text`` when it is over the limit, else ``None`` (cheap for texts well within it)."""
    limit = max_story_bytes()
    if len(text) * 4 <= limit:
        return None
    size = story_size(text)
    return size if size > limit else None


def too_long(size: int) -> str:
    """The reason given for a story of ``size`` bytes over the limit (E111)."""
    return (
        f"story is too long ({size:,} bytes of text; the limit is {max_story_bytes():,}: raise it with "
        f"--max-story-bytes, {ENV_MAX_STORY_BYTES} or max_story_bytes in eventwire.toml)"
    )
