"""Options and signal handling shared by ``eventwire code`` and ``eventwire run`` (docs/reliability.md)."""

from __future__ import annotations

import functools
import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import click

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


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def sigterm_as_interrupt(fn: F) -> F:
    """Run the command with SIGTERM handled like Ctrl-C (SIGINT): the batch in flight is rolled back, the
    committed ones are kept and the command ends with its own message instead of dying mid-write."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            return fn(*args, **kwargs)
        previous = signal.signal(signal.SIGTERM, _terminate)
        try:
            return fn(*args, **kwargs)
        finally:
            signal.signal(signal.SIGTERM, previous)

    return wrapper  # type: ignore[return-value]
