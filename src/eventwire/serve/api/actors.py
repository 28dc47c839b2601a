"""``GET /api/v1/actors``: actor codes by prefix, for autocomplete."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ...store import query as q
from ..models import Actors
from ..state import state_of
from . import errors

router = APIRouter(tags=["actors"])


@router.get("/actors", response_model=Actors, responses=errors(422))
def actors(
    request: Request,
    prefix: Annotated[str, Query(max_length=40, description="Start of the actor code (AZ, AZEGOV).")] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    """Actor codes that start with `prefix` (as source or target of events), with the most frequent actor
    name of each code and the number of events, most frequent first."""
    return state_of(request).answer(request, lambda st: {"items": q.actor_counts(st, prefix, n=limit).to_pylist()})
