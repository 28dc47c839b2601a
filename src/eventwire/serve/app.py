"""``create_app``: the FastAPI app over one store — routes, middleware, error handlers, the writer."""

from __future__ import annotations

import atexit
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from .._version import __version__
from . import docs, errors
from .api import PREFIX, actors, aggregate, code, events, export, health, mentions, stories
from .jobs import JobQueue
from .middleware import Guard
from .settings import DEFAULT_MAX_BODY, DEFAULT_QUERY_TIMEOUT, Settings
from .state import ServerState

if TYPE_CHECKING:
    from ..pipeline import Coder

log = logging.getLogger("eventwire.serve")

DESCRIPTION = """The events of an eventwire store (CAMEO/PLOVER political events coded from news stories).

Every error answers `{"error": {"code", "message", "detail"}}` (codes: docs/errors.md). Writes
(`POST /api/v1/stories`) need `Authorization: Bearer <token>`. See docs/api.md."""


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    cors_origin: str | None = None,
    query_timeout_s: float | None = DEFAULT_QUERY_TIMEOUT,
    model: str | None = None,
    coder: Coder | None = None,
    max_code_stories: int = 100,
    max_job_stories: int = 10_000,
    cache_entries: int = 512,
    url: str | None = None,
    parquet: bool = False,
) -> FastAPI:
    """The app serving the store at ``db_path`` (created when missing): the API under ``/api/v1``, its
    OpenAPI at ``/openapi.json``, offline docs at ``/docs`` and the dashboard at ``/``.

    The app opens the store for writing at once and holds it until ``app.state.ew.close()`` (``eventwire
    serve`` calls it when uvicorn stops; otherwise it runs at exit): other processes cannot open it
    meanwhile, and ``eventwire run`` on it fails with a message naming the server (E512).

    ``token`` enables writes (``POST /api/v1/stories``); ``max_body_bytes`` limits request bodies (413);
    ``cors_origin`` allows that one origin (no CORS otherwise); ``query_timeout_s`` cuts off slow queries
    (503, E511; ``None``: no limit); ``model`` is the spaCy pipeline, loaded on the first coding request
    (or pass a loaded ``coder``); ``max_code_stories`` / ``max_job_stories`` bound the stories of one
    request (413); ``cache_entries`` answers of read requests are kept until the store changes (0: none);
    ``url`` is written to the store's server info file.

    ``parquet=True``: ``db_path`` is a Parquet dataset of ``eventwire spark-run --out DIR``, served read-only
    through the same query functions (each request's date range chooses the year/month partitions read);
    writes answer 403 (E714).
    """
    settings = Settings(
        db_path=str(db_path),
        parquet=parquet,
        token=token or None,
        max_body_bytes=max_body_bytes,
        cors_origin=cors_origin,
        query_timeout_s=query_timeout_s,
        model=model,
        max_code_stories=max_code_stories,
        max_job_stories=max_job_stories,
        cache_entries=cache_entries,
        url=url,
    )
    state = ServerState(settings, coder)
    if not parquet:
        state.jobs = JobQueue(state, settings.max_queued_jobs)
    atexit.register(state.close)

    app = FastAPI(title="eventwire", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.ew = state
    errors.install(app)
    for module in (events, mentions, aggregate, actors, stories, code, export, health):
        router: Any = module.router
        app.include_router(router, prefix=PREFIX)
    docs.install(app)
    if cors_origin:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=[cors_origin],
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            max_age=600,
        )
    app.add_middleware(Guard, max_body_bytes=max_body_bytes)
    return app
