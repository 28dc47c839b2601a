"""Signals that stop a run, remembered until the run has stopped (docs/reliability.md).

Python raises ``KeyboardInterrupt`` wherever the main thread is when a signal's handler runs. If that is a
finalizer (``__del__``, a weakref callback) or C code that checks for signals and carries on, the exception
is swallowed and the signal is lost: a run reading from a pipe then codes on and waits for input forever.
The handler installed by ``stop_on_signals`` also sets a flag, and the runner calls ``check`` between
stories, so a signal whose first ``KeyboardInterrupt`` was lost still stops the run at the next story.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pending = threading.Event()
SIGNALS = (signal.SIGINT, signal.SIGTERM)


def handler(signum: int, frame: object) -> None:
    """Remember the signal, then raise ``KeyboardInterrupt`` where the main thread is."""
    _pending.set()
    raise KeyboardInterrupt(f"signal {signum}")


def check() -> None:
    """Raise ``KeyboardInterrupt`` if a signal arrived since ``stop_on_signals`` began (even one whose first
    ``KeyboardInterrupt`` was swallowed)."""
    if _pending.is_set():
        raise KeyboardInterrupt("signal received earlier")


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGINT and SIGTERM stop the block with ``KeyboardInterrupt`` and are remembered for ``check``. Outside
    the main thread (where Python allows no handlers) the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _pending.clear()
    previous = {s: signal.signal(s, handler) for s in SIGNALS}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
        _pending.clear()
