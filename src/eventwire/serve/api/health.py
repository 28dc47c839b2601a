"""``GET /api/v1/health``: version, store, counts, model."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from ..._version import __version__
from ...store import query as q
from ..models import Health
from ..state import state_of
from . import errors

router = APIRouter(tags=["server"])


@router.get("/health", response_model=Health, responses=errors())
def health(request: Request) -> dict[str, Any]:
    """The eventwire version, the store (path, schema version, event, mention and story counts), the spaCy
    pipeline (`model_loaded`: loaded yet — it loads on the first coding request), whether writes are
    enabled, and the write jobs waiting."""
    state = state_of(request)
    counts, version = state.read(lambda st: (q.stats(st), st.schema_version))
    return {
        "status": "ok",
        "version": __version__,
        "store": state.store.path,
        "schema_version": version,
        "events": counts["events"],
        "mentions": counts["mentions"],
        "stories": counts["stories"],
        "model": state.model_name,
        "model_loaded": state.coder_loaded,
        "writes": state.writable,
        "jobs_waiting": state.jobs.waiting if state.jobs else 0,
    }
