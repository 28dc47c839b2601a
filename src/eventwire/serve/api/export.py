"""``GET /api/v1/export``: the filtered events or mentions as Parquet, CSV, JSONL, GDELT TSV or PLOVER JSON,
streamed (the same rows and columns as ``eventwire export``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from ...store.export import MEDIA_TYPES, SUFFIXES, stream
from ...store.query import Filters
from ..params import filters
from ..state import state_of
from . import errors

router = APIRouter(tags=["export"])


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "The export file, streamed.",
            "content": {t.split(";")[0]: {} for t in MEDIA_TYPES.values()},
        },
        **errors(422),
    },
)
def export(
    request: Request,
    f: Annotated[Filters, Depends(filters)],
    format: Annotated[Literal["parquet", "csv", "jsonl", "gdelt", "plover"], Query()] = "jsonl",
    level: Annotated[Literal["events", "mentions"], Query()] = "events",
) -> StreamingResponse:
    """The export of `eventwire export --format F --level L` with the same filters, streamed as it is read
    (a download: `Content-Disposition: attachment`)."""
    state = state_of(request)
    cur = state.source(f).cursor()
    try:
        chunks = stream(cur, format, level=level, filters=f)
    except BaseException:
        cur.close()
        raise

    def body() -> Iterator[bytes]:
        try:
            yield from chunks
        finally:
            cur.close()

    name = f"eventwire-{level}{SUFFIXES[format]}"
    return StreamingResponse(
        body(), media_type=MEDIA_TYPES[format], headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
