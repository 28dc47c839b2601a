"""The event record: the documented output of eventwire (see ``schema/event.schema.json``, docs/schema.md)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from typing import Any, TypedDict, cast

from .errors import error
from .events import cameo, plover
from .mentions import EventMention, EventTime
from .story import Story

# Modalities of events that are not the story's news (docs/events.md, rule 18): background history and habits.
# They stay in the coder's output; `eventwire eval` does not score them and the store's `query` / `export`
# leave them out unless asked (`Filters.background`).
BACKGROUND_MODALITIES: tuple[str, ...] = ("historical", "habitual")


class ActorRecord(TypedDict):
    """A coded actor of an event (``source`` / ``target``)."""

    text: str
    name: str | None
    code: str | None
    country: str | None
    sectors: list[str]
    start: int
    end: int


class _PloverRequired(TypedDict):
    event: str
    mode: str | None


class PloverRecord(_PloverRequired, total=False):
    """The PLOVER projection of the CAMEO code."""

    context: str | None


class _LocationRequired(TypedDict):
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None


class LocationRecord(_LocationRequired, total=False):
    """Where the event happened, from the sentence, the dateline or the country (docs/place.md)."""

    admin1: str | None
    precision: str | None
    source: str | None
    start: int | None
    end: int | None


class SpanRecord(TypedDict):
    """A piece of the story text with its character offsets."""

    text: str
    start: int
    end: int


class EvidenceRecord(SpanRecord):
    """The sentence that proves the event, and its trigger."""

    trigger: SpanRecord


class EventRecord(TypedDict):
    """The event record: one coded event mention, as documented in docs/schema.md.

    This is the one typed definition of the record; the JSON Schema (``schema/event.schema.json``) describes
    the same fields (a test checks they agree), the store's ``mentions`` table stores them.
    """

    event_id: str
    story_id: str
    sentence_index: int
    date: str | None
    date_text: str | None
    story_date: str | None
    source: ActorRecord | None
    target: ActorRecord | None
    cameo: str
    cameo_name: str | None
    root: str
    quad_class: int
    goldstein: float
    plover: PloverRecord | None
    location: LocationRecord | None
    evidence: EvidenceRecord
    modality: str
    confidence: float
    rule: str


RECORD_FIELDS: tuple[str, ...] = tuple(EventRecord.__annotations__)


def event_id(story_id: str, ev: EventMention) -> str:
    src = ev.source.code if ev.source else ""
    tgt = ev.target.code if ev.target else ""
    key = f"{story_id}|{ev.sentence_index}|{ev.trigger_start}|{ev.cameo}|{src}|{tgt}"
    return "e-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def build_record(
    story: Story, ev: EventMention, when: EventTime | None = None, where: dict[str, Any] | None = None
) -> EventRecord:
    """Turn an ``EventMention`` of ``story`` into the documented event record (a plain dict)."""
    info = cameo.lookup(ev.cameo)
    when = when or EventTime(story.date)
    date = when.date if when.date is not None or when.text else story.date
    s_start, s_end = _trim(story.text, ev.sentence_start, ev.sentence_end)
    return {
        "event_id": event_id(story.id, ev),
        "story_id": story.id,
        "sentence_index": ev.sentence_index,
        "date": date.isoformat() if date else None,
        "date_text": when.text,
        "story_date": story.date.isoformat() if story.date else None,
        "source": _actor(ev.source),
        "target": _actor(ev.target),
        "cameo": info.code,
        "cameo_name": info.name,
        "root": info.root,
        "quad_class": info.quad_class,
        "goldstein": info.goldstein,
        "plover": cast(PloverRecord | None, plover.project(info.code)),
        "location": cast(LocationRecord | None, where),
        "evidence": {
            "text": story.text[s_start:s_end],
            "start": s_start,
            "end": s_end,
            "trigger": {
                "text": story.text[ev.trigger_start : ev.trigger_end],
                "start": ev.trigger_start,
                "end": ev.trigger_end,
            },
        },
        "modality": ev.modality,
        "confidence": round(float(ev.confidence), 3),
        "rule": ev.rule,
    }


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading/trailing white space (a sentence span may carry the paragraph break)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _actor(m: Any) -> ActorRecord | None:
    return None if m is None else cast(ActorRecord, m.to_record())


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The event record JSON Schema shipped with the package."""
    text = resources.files("eventwire").joinpath("schema/event.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(schema())


def validate(record: EventRecord | dict[str, Any]) -> None:
    """Raise ``SchemaError`` naming the first problem when ``record`` does not follow the schema."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        path = "/".join(str(p) for p in e.path) or "(record)"
        raise error("E401", where=f"event {record.get('event_id')}", path=path, problem=e.message)
