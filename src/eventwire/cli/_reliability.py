"""Options and signal handling shared by ``eventwire code`` and ``eventwire run`` (docs/reliability.md)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .._interrupt import stop_on_signals
from ..ingest.limits import ENV_MAX_STORY_BYTES, set_max_story_bytes

F = TypeVar("F", bound=Callable[..., Any])


def _apply_limit(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    if value is not None:
        set_max_story_bytes(value)


def max_story_bytes_option(fn: F) -> F:
    """``--max-story-bytes N``: the story size limit of this command and its worker processes."""
    option = click.option(
        "--max-story-bytes",
        type=click.IntRange(1),
        default=None,
        expose_value=False,
        is_eager=True,
        callback=_apply_limit,
        metavar="N",
        help=f"Reject stories whose text is over N bytes of UTF-8 (E111; default 1,000,000, or "
        f"{ENV_MAX_STORY_BYTES} / max_story_bytes in eventwire.toml). Never truncated.",
    )
    return option(fn)


def signals_as_interrupt(fn: F) -> F:
    """Run the command with SIGINT (Ctrl-C) and SIGTERM stopping it as ``KeyboardInterrupt``: the batch in
    flight is rolled back, the committed ones are kept and the command ends with its own message instead of
    dying mid-write. The signal is remembered, so a run stops at the next story even if the first
    ``KeyboardInterrupt`` met code that swallowed it (``eventwire._interrupt``)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with stop_on_signals():
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
