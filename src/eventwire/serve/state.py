"""What the app holds while it runs: the store (one DuckDB connection, a cursor per request and one for
the writer) or a Parquet dataset (read-only: views on its files, pruned to each request's date range), the
lazily loaded coder, the write queue."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from fastapi import Request

from ..errors import StoreError
from ..store.db import Store, announce_server, drop_indexes, ensure_indexes, open_store, withdraw_server
from ..store.filters import Filters
from .cache import AnswerCache
from .settings import Settings

if TYPE_CHECKING:
    from ..pipeline import Coder
    from .jobs import JobQueue

T = TypeVar("T")
PRUNED_VIEWS = 32  # date ranges whose pruned dataset views are kept open (``--parquet``)


class ServerState:
    """The store and the coder of one app; ``app.state.ew``."""

    def __init__(self, settings: Settings, coder: Coder | None = None) -> None:
        self.settings = settings
        self._pruned: dict[tuple[object, object], Store] = {}  # date range → dataset views of its partitions
        self._pruned_lock = threading.Lock()
        if settings.parquet:
            from ..store.parquet import open_parquet

            self.store: Store = open_parquet(settings.db_path)
        else:
            self.store = open_store(settings.db_path)  # read-write: the server owns the store's writer
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
    @property
    def writable(self) -> bool:
        return bool(self.settings.token) and not self.settings.parquet

    def source(self, f: Filters | None = None) -> Store:
        """What a request with filters ``f`` reads: the store, or the dataset's views that keep only the
        partitions of ``f``'s date range (the whole dataset when ``f`` has none)."""
        if not self.settings.parquet or f is None or (f.date_from is None and f.date_to is None):
            return self.store
        key = (f.date_from, f.date_to)
        with self._pruned_lock:
            views = self._pruned.pop(key, None)
            if views is None:
                from ..store.parquet import open_parquet

                views = open_parquet(self.settings.db_path, date_from=f.date_from, date_to=f.date_to)
                if len(self._pruned) >= PRUNED_VIEWS:  # the least recently used range goes
                    self._pruned.pop(next(iter(self._pruned))).close()
            self._pruned[key] = views
            return views

    def read(self, fn: Callable[[Store], T], *, timeout: bool = True, f: Filters | None = None) -> T:
        """``fn`` on a cursor of its own, cut off after the query time limit (E511); ``f``: the request's
        filters, which choose the partitions a Parquet dataset reads."""
        cur = self.source(f).cursor()
        try:
            with cur.time_limit(self.settings.query_timeout_s if timeout else None):
                return fn(cur)
        finally:
            cur.close()

    def answer(
        self, request: Request, compute: Callable[[Store], T], *, timeout: bool = True, f: Filters | None = None
    ) -> T:
        """``read(compute)``, or the same request's answer kept since the store last changed (``cache``)."""
        key = f"{request.url.path}?{request.url.query}"
        result: T = self.cache.get_or_compute(key, lambda: self.read(compute, timeout=timeout, f=f))
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
        with self._pruned_lock:
            for views in self._pruned.values():
                views.close()
            self._pruned.clear()
        if self.settings.parquet:
            self.store.close()
            return
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
