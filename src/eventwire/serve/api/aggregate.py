"""``GET /api/v1/aggregate`` (counts and Goldstein per group) and ``GET /api/v1/places`` (for the map)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from ...errors import error
from ...store import query as q
from ...store.db import Store
from ...store.query import GROUPS, Filters
from ..items import iso
from ..models import Aggregate, Places
from ..params import filters
from ..settings import MAX_GROUPS
from ..state import state_of
from . import errors

router = APIRouter(tags=["aggregates"])
Level = Annotated[Literal["events", "mentions"], Query(description="De-duplicated events or raw mentions.")]


@router.get("/aggregate", response_model=Aggregate, responses=errors(422))
def aggregate(
    request: Request,
    f: Annotated[Filters, Depends(filters)],
    by: Annotated[
        str, Query(max_length=40, description=f"One or two of {'|'.join(GROUPS)}, comma-separated (e.g. `month,quad`).")
    ] = "month",
    top: Annotated[int | None, Query(ge=1, le=10_000, description="Keep the N largest groups.")] = None,
    level: Level = "events",
) -> dict[str, Any]:
    """Counts, mentions and Goldstein sum and mean grouped by one or two of: a period (`day`, `week`,
    `month`, `quarter`, `year`: its first day), `source`, `target` (country code, else actor code),
    `dyad` (`SRC-TGT`; sorted with `undirected`), `country` (the location's), `root`, `quad`,
    `plover`.  Without `top`, groups come in key order (at most 100,000; `truncated` says when more
    matched); with `top=N`, the N largest first (e.g. `by=dyad&top=10` for the top dyads)."""
    names = [g.strip() for g in by.split(",") if g.strip()]
    if not 1 <= len(names) <= 2 or len(set(names)) != len(names) or any(g not in GROUPS for g in names):
        raise error("E703", detail=f"by: one or two different names of {', '.join(GROUPS)}, not {by!r}")
    n = top or MAX_GROUPS + 1

    def read(st: Store) -> dict[str, Any]:
        rows = q.group_counts(st, f, by=names, level=level, top=top, limit=n).to_pylist()
        items = [{k: (iso(v) if k in q.PERIODS else v) for k, v in r.items()} for r in rows[:MAX_GROUPS]]
        return {"by": names, "level": level, "items": items, "truncated": top is None and len(rows) > MAX_GROUPS}

    return state_of(request).answer(request, read, f=f)


@router.get("/places", response_model=Places, responses=errors(422))
def places(
    request: Request,
    f: Annotated[Filters, Depends(filters)],
    limit: Annotated[int, Query(ge=1, le=5000, description="The N places with most events.")] = 500,
    level: Level = "events",
) -> dict[str, Any]:
    """For the map: events with coordinates grouped by place (name, country, lat, lon) with their count and
    mean Goldstein, the `limit` places with most events first."""
    return state_of(request).answer(
        request, lambda st: {"items": q.places(st, f, level=level, n=limit).to_pylist()}, f=f
    )
