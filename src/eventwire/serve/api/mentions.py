"""``GET /api/v1/mentions``: the raw event mentions (one per coded record)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from ...store import query as q
from ...store.db import Store
from ...store.query import Filters
from ..items import mention_item
from ..models import MentionPage
from ..params import Cursor, Limit, decode_cursor, encode_cursor, filters
from ..state import state_of
from . import errors

router = APIRouter(tags=["events"])


@router.get("/mentions", response_model=MentionPage, responses=errors(422))
def list_mentions(
    request: Request, f: Annotated[Filters, Depends(filters)], limit: Limit = 100, cursor: Cursor = None
) -> dict[str, Any]:
    """The raw mentions matching the filters (the event records as `eventwire code` writes them, with the
    id of their de-duplicated event), newest first, paginated like `/events`."""
    after = decode_cursor("mentions", cursor)

    def read(st: Store) -> dict[str, Any]:
        tbl, nxt = q.page(st, f, level="mentions", limit=limit, after=after)
        return {"items": [mention_item(r) for r in tbl.to_pylist()], "next": encode_cursor("mentions", nxt)}

    return state_of(request).answer(request, read, f=f)
