"""What the app holds while it runs: the store (one DuckDB connection, a cursor per request and one for
the writer), the lazily loaded coder, the write queue."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from fastapi import Request

from ..errors import StoreError
from ..store.db import Store, announce_server, drop_indexes, ensure_indexes, open_store, withdraw_server
from .cache import AnswerCache
from .settings import Settings

if TYPE_CHECKING:
    from ..pipeline import Coder
    from .jobs import JobQueue

T = TypeVar("T")


class ServerState:
    """The store and the coder of one app; ``app.state.ew``."""

    def __init__(self, settings: Settings, coder: Coder | None = None) -> None:
        self.settings = settings
        self.store: Store = open_store(settings.db_path)  # read-write: the server owns the store's writer
        try:
            # lookups by id (pages, events, mentions) read a few rows, not the tables; close() drops them
            ensure_indexes(self.store)
        except BaseException:
            self.store.close()
            raise
        announce_server(self.store.path, settings.url)
        self._coder = coder
        self._coder_lock = threading.Lock()  # one coder, used by one thread at a time (spaCy is not shared)
        self.jobs: JobQueue | None = None
        self.cache = AnswerCache(settings.cache_entries)
        self.closed = False

    # -- reads ----------------------------------------------------------------------------------------
    def read(self, fn: Callable[[Store], T], *, timeout: bool = True) -> T:
        """``fn`` on a cursor of its own, cut off after the query time limit (E511)."""
        cur = self.store.cursor()
        try:
            with cur.time_limit(self.settings.query_timeout_s if timeout else None):
                return fn(cur)
        finally:
            cur.close()

    def answer(self, request: Request, compute: Callable[[Store], T], *, timeout: bool = True) -> T:
        """``read(compute)``, or the same request's answer kept since the store last changed (``cache``)."""
        key = f"{request.url.path}?{request.url.query}"
        result: T = self.cache.get_or_compute(key, lambda: self.read(compute, timeout=timeout))
        return result

    # -- the coder ------------------------------------------------------------------------------------
    @property
    def model_name(self) -> str:
        if self._coder is not None:
            return self._coder.model
        from ..config import resolve_model

        return resolve_model(self.settings.model)

    @property
    def coder_loaded(self) -> bool:
        return self._coder is not None

    def with_coder(self, fn: Callable[[Coder], T]) -> T:
        """``fn(coder)`` while holding the coder (loaded on first use)."""
        with self._coder_lock:
            if self._coder is None:
                from ..pipeline import Coder

                self._coder = Coder(self.settings.model)
            return fn(self._coder)

    # -- lifecycle ------------------------------------------------------------------------------------
    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.jobs is not None:
            self.jobs.stop()
        try:
            drop_indexes(self.store)
        except StoreError:  # pragma: no cover - e.g. a full disk: the store is fine, the indexes stay
            pass
        withdraw_server(self.store.path)
        self.store.close()


def state_of(request: Request) -> ServerState:
    st = request.app.state.ew
    assert isinstance(st, ServerState)
    return st
