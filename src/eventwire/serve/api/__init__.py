"""The ``/api/v1`` routers, one module per resource."""

from __future__ import annotations

from typing import Any

from ..models import ErrorResponse

PREFIX = "/api/v1"


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for error statuses: the one error shape."""
    return {c: {"model": ErrorResponse, "description": "Error (the one error shape)"} for c in (*codes, 503)}
