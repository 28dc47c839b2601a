"""Answers of the read endpoints, kept until the store changes.

While the server runs it is the store's only writer (it holds the DuckDB lock), so an answer stays right
until its own writer commits: each commit bumps ``generation`` and older answers are no longer used.  The
dashboard asks the same aggregates again and again (every filter change, back and forward), and those are
the expensive queries over a large store.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any


class AnswerCache:
    """An LRU of ``key → (generation, answer)``; answers with more than ``max_items`` items are not kept."""

    def __init__(self, max_entries: int = 512, max_items: int = 5000) -> None:
        self.max_entries = max_entries
        self.max_items = max_items
        self.generation = 0
        self.hits = 0
        self.misses = 0
        self._data: OrderedDict[str, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def changed(self) -> None:
        """The store changed: no answer computed before now is used again."""
        with self._lock:
            self.generation += 1
            self._data.clear()

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        with self._lock:
            gen = self.generation
            hit = self._data.get(key)
            if hit is not None and hit[0] == gen:
                self._data.move_to_end(key)
                self.hits += 1
                return hit[1]
            self.misses += 1
        answer = compute()
        items = answer.get("items") if isinstance(answer, dict) else None
        if self.max_entries and (not isinstance(items, list) or len(items) <= self.max_items):
            with self._lock:
                if gen == self.generation:
                    self._data[key] = (gen, answer)
                    while len(self._data) > self.max_entries:
                        self._data.popitem(last=False)
        return answer
