"""``POST /api/v1/code``: code posted text or stories and return the events; nothing is stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from ...errors import InputError, error
from ...ingest import read_text_story
from ...ingest.dates import parse_date_value
from ...ingest.records import record_to_story
from ...story import Reject, Story
from ..items import iso, record_item
from ..models import CodeRequest, CodeResult
from ..state import state_of
from . import errors

router = APIRouter(tags=["coding"])
ORIGIN = "<api>"


def read_body(body: CodeRequest, limit: int) -> tuple[list[Story], list[Reject]]:
    """The stories of a ``/code`` or ``/stories`` body, through the same ingest as every entry point: a
    ``text`` is read like a plain-text story file, ``stories`` like the lines of a JSONL file."""
    if (body.text is None) == (body.stories is None):
        raise error("E703", detail="send either `text` (one story) or `stories` (a list of records)")
    if body.stories is None:
        assert body.text is not None
        try:
            hint = parse_date_value(body.date, where=ORIGIN)
            return [read_text_story(body.text, origin=ORIGIN, story_id=body.id, date=hint)], []
        except InputError as e:
            return [], [Reject(origin=ORIGIN, reason=e.message, code=e.code, story_id=body.id)]
    if body.date is not None or body.id is not None:
        raise error("E703", detail="`date` and `id` go with `text`; records carry their own")
    if len(body.stories) > limit:
        raise error("E709", n=len(body.stories), limit=limit)
    stories: list[Story] = []
    rejects: list[Reject] = []
    for i, rec in enumerate(body.stories, 1):
        item = record_to_story(rec, origin_file=ORIGIN, origin_line=i)
        (rejects if isinstance(item, Reject) else stories).append(item)  # type: ignore[arg-type]
    return stories, rejects


def _story(s: Story) -> dict[str, Any]:
    return {
        "id": s.id,
        "text": s.text,
        "date": iso(s.date),
        "title": s.title,
        "place": s.place,
        "agency": s.agency,
        "dateline": s.dateline,
    }


@router.post("/code", response_model=CodeResult, responses=errors(400, 413, 422))
def code(request: Request, body: CodeRequest) -> dict[str, Any]:
    """Code a text (`{"text": "...", "date": "YYYY-MM-DD"}`) or stories (`{"stories": [{"id", "text",
    "date", "title", ...}]}`, the JSONL record shape; at most 100 by default) and return the event records
    (as `eventwire code` writes them, with `evidence.spans`), the rejects, and each story as ingest read it
    (`text` is the body that every offset refers to).  Nothing is stored."""
    state = state_of(request)
    stories, rejects = read_body(body, state.settings.max_code_stories)
    records: list[Any] = []
    if stories:
        records, more = state.with_coder(lambda c: c.code_batch(stories))
        rejects += more
    return {
        "events": [record_item(r) for r in records],
        "rejects": [r.to_dict() for r in rejects],
        "stories": [_story(s) for s in stories],
    }
