"""Query parameters shared by the endpoints: the filters (named like ``eventwire query``'s options), the
page size and the opaque pagination cursor."""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import json
from typing import Annotated

from fastapi import Query

from ..errors import error
from ..store.query import Filters, SortKey
from .settings import MAX_LIMIT

_CODE = r"^(?:[A-Za-z]{3}|---)(?:[A-Za-z]{3}){0,6}$"  # as eventwire query checks it (case-insensitive)
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_SIDE = r"(?:[A-Za-z]{3}){1,7}"
_DYAD = rf"^\s*{_SIDE}\s*[-–>,/]\s*{_SIDE}\s*$"


def filters(
    date_from: Annotated[
        str | None,
        Query(
            alias="from", pattern=_DATE, json_schema_extra={"format": "date"}, description="First date (YYYY-MM-DD)."
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        Query(alias="to", pattern=_DATE, json_schema_extra={"format": "date"}, description="Last date (YYYY-MM-DD)."),
    ] = None,
    actor: Annotated[str | None, Query(pattern=_CODE, description="Actor code or prefix, source or target.")] = None,
    country: Annotated[str | None, Query(pattern=_CODE, description="Country code of source or target.")] = None,
    sector: Annotated[str | None, Query(pattern=_CODE, description="Sector code (GOV, MIL ...).")] = None,
    dyad: Annotated[str | None, Query(pattern=_DYAD, description="SOURCE-TARGET, e.g. AZE-RUS.")] = None,
    undirected: Annotated[bool, Query(description="Dyads in either order.")] = False,
    cameo: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code or prefix.")] = None,
    root: Annotated[str | None, Query(pattern=r"^(?:0?[1-9]|1[0-9]|20)$", description="CAMEO root (01-20).")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")] = None,
    plover: Annotated[str | None, Query(max_length=64, description="PLOVER event (CONSULT ...).")] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the evidence sentence.")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Location name (Baku; Bak* for a prefix).")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Confidence at least this.")] = None,
) -> Filters:
    """The filters of ``eventwire query`` as query parameters (``from``/``to`` for the dates)."""
    return Filters(
        date_from=_date("from", date_from),
        date_to=_date("to", date_to),
        actor=actor,
        country=country,
        sector=sector,
        dyad=dyad,
        undirected=undirected,
        cameo=cameo,
        root=root,
        quad=quad,
        plover=plover,
        text=text,
        place=place,
        min_confidence=min_confidence,
    )


def _date(name: str, v: str | None) -> _dt.date | None:
    """A strict ISO date (no timestamps or other forms a lax parser would take)."""
    if v is None:
        return None
    try:
        return _dt.date.fromisoformat(v)
    except ValueError as e:
        raise error("E703", detail=f"{name}: {v!r} is not a date (YYYY-MM-DD)") from e


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows in the page (at most {MAX_LIMIT}).")]
Cursor = Annotated[str | None, Query(max_length=400, description="The `next` value of the previous page.")]


def encode_cursor(kind: str, key: SortKey | None) -> str | None:
    """The opaque ``next`` of a page (``kind``: which endpoint made it)."""
    if key is None:
        return None
    d, ident = key
    raw = json.dumps([kind, d.isoformat() if d else None, ident], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str | None) -> SortKey | None:
    """The sort key in ``cursor`` (E712 when it is not a cursor of ``kind``)."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        k, d, ident = json.loads(raw)
        if k != kind or not isinstance(ident, str) or not (d is None or isinstance(d, str)):
            raise ValueError("another endpoint's cursor")
        return (_dt.date.fromisoformat(d) if d else None, ident)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as e:
        raise error("E712", detail=str(e) if "endpoint" in str(e) else "not a cursor of this endpoint") from e
