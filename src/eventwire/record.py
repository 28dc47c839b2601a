"""The event record: the documented output of eventwire (see ``schema/event.schema.json``, docs/schema.md)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import error
from .events import cameo, plover
from .mentions import EventMention
from .story import Story

RECORD_FIELDS = (
    "event_id", "story_id", "sentence_index", "date", "date_text", "story_date", "source", "target",
    "cameo", "cameo_name", "root", "quad_class", "goldstein", "plover", "location", "evidence",
    "modality", "confidence", "rule",
)


def event_id(story_id: str, ev: EventMention) -> str:
    src = ev.source.code if ev.source else ""
    tgt = ev.target.code if ev.target else ""
    key = f"{story_id}|{ev.sentence_index}|{ev.trigger_start}|{ev.cameo}|{src}|{tgt}"
    return "e-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def build_record(story: Story, ev: EventMention) -> dict[str, Any]:
    """Turn an ``EventMention`` of ``story`` into the documented event record (a plain dict)."""
    info = cameo.lookup(ev.cameo)
    date = ev.date if ev.date is not None or ev.date_text else story.date
    s_start, s_end = _trim(story.text, ev.sentence_start, ev.sentence_end)
    return {
        "event_id": event_id(story.id, ev),
        "story_id": story.id,
        "sentence_index": ev.sentence_index,
        "date": date.isoformat() if date else None,
        "date_text": ev.date_text,
        "story_date": story.date.isoformat() if story.date else None,
        "source": _actor(ev.source),
        "target": _actor(ev.target),
        "cameo": info.code,
        "cameo_name": info.name,
        "root": info.root,
        "quad_class": info.quad_class,
        "goldstein": info.goldstein,
        "plover": plover.project(info.code),
        "location": ev.location,
        "evidence": {
            "text": story.text[s_start:s_end],
            "start": s_start,
            "end": s_end,
            "trigger": {
                "text": story.text[ev.trigger_start:ev.trigger_end],
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


def _actor(m: Any) -> dict[str, Any] | None:
    return None if m is None else m.to_record()


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


def validate(record: dict[str, Any]) -> None:
    """Raise ``SchemaError`` naming the first problem when ``record`` does not follow the schema."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        path = "/".join(str(p) for p in e.path) or "(record)"
        raise error("E401", where=f"event {record.get('event_id')}", path=path, problem=e.message)
