"""``eventwire serve``: a JSON API (``/api/v1``) and the dashboard (``/``) over an event store.

    from eventwire.serve import create_app
    app = create_app("events.duckdb", token="s3cret")     # a FastAPI app; run it with uvicorn

Needs the ``serve`` extra (``pip install 'eventwire[serve]'``: FastAPI and uvicorn).  The endpoints are thin
layers over ``eventwire.store`` (the functions ``eventwire query`` and ``eventwire export`` use); see
docs/api.md.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(*args: Any, **kwargs: Any) -> Any:
    """Build the FastAPI app over a store: see ``eventwire.serve.app.create_app``."""
    from .app import create_app as _create_app

    return _create_app(*args, **kwargs)
