"""``GET /api/v1/events``, ``/events/{event_id}`` and ``/events/{event_id}/explain``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request

from ...errors import error
from ...store import query as q
from ...store.db import Store
from ...store.query import Filters
from ..items import event_item, mention_item
from ..models import EventDetail, EventPage, Explain
from ..params import Cursor, Limit, decode_cursor, encode_cursor, filters
from ..state import state_of
from . import errors

router = APIRouter(tags=["events"])
EventId = Annotated[str, Path(max_length=100, description="A de-duplicated event's id (v-...).")]


@router.get("/events", response_model=EventPage, responses=errors(422))
def list_events(
    request: Request, f: Annotated[Filters, Depends(filters)], limit: Limit = 100, cursor: Cursor = None
) -> dict[str, Any]:
    """The de-duplicated events matching the filters, newest first (date descending, then id), with the
    evidence of each event's representative mention and its mention count.  Keyset pagination: pass the
    answer's `next` as `cursor` for the next page (stable when events are added)."""
    after = decode_cursor("events", cursor)

    def read(st: Store) -> dict[str, Any]:
        tbl, nxt = q.page(st, f, level="events", limit=limit, after=after)
        return {"items": [event_item(r) for r in tbl.to_pylist()], "next": encode_cursor("events", nxt)}

    return state_of(request).answer(request, read, f=f)


@router.get("/events/{event_id}", response_model=EventDetail, responses=errors(404, 422))
def get_event(request: Request, event_id: EventId) -> dict[str, Any]:
    """One event with every mention (story, sentence, spans, rule, modality, confidence)."""

    def read(st: Store) -> dict[str, Any]:
        row = q.event(st, event_id)
        if row is None:
            raise error("E708", what="event", ident=event_id)
        return {**event_item(row), "mentions": [mention_item(m) for m in q.mentions_of(st, event_id).to_pylist()]}

    return state_of(request).answer(request, read)


@router.get("/events/{event_id}/explain", response_model=Explain, responses=errors(404, 422))
def explain_event(request: Request, event_id: EventId) -> dict[str, Any]:
    """`eventwire explain` of the event's evidence sentence (its representative mention), coded again on
    its own: the actors found, each frame tried and why, the events coded.  Out of its story, a sentence
    can code differently (no earlier sentences to resolve "the minister")."""
    state = state_of(request)

    def explain() -> dict[str, Any]:
        row = state.read(lambda st: q.event(st, event_id))
        if row is None:
            raise error("E708", what="event", ident=event_id)
        sentence = row.get("evidence_text") or ""
        trace = state.with_coder(lambda c: explain_lines(c, sentence)) if sentence.strip() else []
        return {"sentence": sentence, "mention_id": row.get("rep_mention_id"), "trace": trace}

    result: dict[str, Any] = state.cache.get_or_compute(f"{request.url.path}?", explain)
    return result


def explain_lines(coder: Any, sentence: str) -> list[str]:
    """What ``eventwire explain --no-parse`` prints for ``sentence``, as lines."""
    from ...events import cameo
    from ...story import Story

    analysis = coder.analyze(Story(id="explain", text=sentence))
    events, traces = coder.events.explain(analysis.doc, analysis.actors, analysis.story.date)
    out: list[str] = []
    for si, sent in enumerate(analysis.doc.sents):
        out.append(f"sentence {si}: {sent.text.strip()}")
        actors = [a for a in analysis.actors if sent.start <= a.head < sent.end]
        out += (
            ["actors: none"]
            if not actors
            else ["actors:"] + [f"  {a.text!r} -> {a.code or '?'}  ({a.rule})" for a in actors]
        )
        lines = traces[si] if si < len(traces) else []
        out += ["frames: no trigger word or no frame matched"] if not lines else ["frames:"] + [f"  {x}" for x in lines]
        evs = [e for e in events if e.sentence_index == si]
        out += (
            ["events: none"]
            if not evs
            else ["events:"]
            + [
                f"  {e.cameo} {cameo.lookup(e.cameo).name}: {e.source.code if e.source else '-'} -> "
                f"{e.target.code if e.target else '-'}  trigger '{sent.doc[e.trigger_tok].text}'  "
                f"conf {e.confidence}  {e.modality}  rule {e.rule}"
                for e in evs
            ]
        )
    return out
