"""The CAMEO → PLOVER projection (table: ``data/plover.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .._data import load_yaml


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, Any]]:
    """CAMEO code -> its PLOVER row (loaded once per process)."""
    data = load_yaml("eventwire.events", "plover.yaml")
    return {str(k): dict(v) for k, v in data["codes"].items()}


def project(code: str) -> dict[str, Any] | None:
    """``{"event": ..., "mode": ...}`` for a CAMEO code, falling back to its parent code; ``None`` where
    PLOVER has no category (e.g. roots 01 and 02)."""
    t = table()
    c = code
    while c:
        row = t.get(c)
        if row is not None:
            return {"event": row["event"], "mode": row.get("mode"), "context": row.get("context")}
        c = c[:-1] if len(c) > 2 else ""
    return None
