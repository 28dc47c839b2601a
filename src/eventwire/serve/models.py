"""Response and request models: they make ``/openapi.json`` describe every endpoint (docs/api.md has the
same with examples).  Objects that mirror the event record allow extra fields, as the record does."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Span(BaseModel):
    start: int
    end: int


class Trigger(BaseModel):
    text: str
    start: int | None = None
    end: int | None = None


class Spans(BaseModel):
    """Spans relative to ``evidence.text`` (``null`` when outside the sentence or unknown)."""

    trigger: Span | None = None
    source: Span | None = None
    target: Span | None = None


class Evidence(BaseModel):
    """The sentence that proves the event; ``start``/``end`` and ``trigger`` are offsets into the story text."""

    text: str
    start: int | None = None
    end: int | None = None
    trigger: Trigger | None = None
    spans: Spans


class Actor(_Open):
    code: str | None = None
    name: str | None = None
    country: str | None = None
    sectors: list[str] = []
    text: str | None = None
    start: int | None = None
    end: int | None = None


class Location(_Open):
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Plover(_Open):
    event: str
    mode: str | None = None
    context: Any = None


class Event(BaseModel):
    """A de-duplicated event, described by its representative mention."""

    event_id: str
    date: str | None
    date_last: str | None = None
    source: Actor | None
    target: Actor | None
    cameo: str | None
    cameo_name: str | None
    root: str | None
    quad_class: int | None
    goldstein: float | None
    plover: Plover | None
    location: Location | None
    confidence: float | None
    modality: str | None
    rule: str | None
    evidence: Evidence
    story_id: str | None
    sentence_index: int | None
    mention_id: str | None
    mention_count: int | None
    story_count: int | None = None
    source_count: int | None = None
    agencies: list[str] = []
    first_report: str | None = None
    last_report: str | None = None


class Mention(_Open):
    """An event record as ``eventwire code`` writes it (``event_id`` is the record's id) with ``evidence.spans``;
    from the store also ``mention_id`` and ``dedup_event_id`` (the de-duplicated event)."""

    event_id: str
    story_id: str
    sentence_index: int | None = None
    date: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    cameo: str | None = None
    cameo_name: str | None = None
    root: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover: Plover | None = None
    location: Location | None = None
    evidence: Evidence
    modality: str | None = None
    confidence: float | None = None
    rule: str | None = None
    mention_id: str | None = None
    dedup_event_id: str | None = None


class EventPage(BaseModel):
    items: list[Event]
    next: str | None = Field(description="Cursor of the next page (pass as `cursor`); null after the last.")


class MentionPage(BaseModel):
    items: list[Mention]
    next: str | None


class EventDetail(Event):
    mentions: list[Mention]


class Explain(BaseModel):
    sentence: str
    mention_id: str | None
    trace: list[str]


class AggregateItem(_Open):
    """One group: its keys (named like ``by``), ``count``, ``mentions``, ``goldstein_sum``/``goldstein_mean``."""

    count: int
    mentions: int | None = None
    goldstein_sum: float | None = None
    goldstein_mean: float | None = None


class Aggregate(BaseModel):
    by: list[str]
    level: str
    items: list[AggregateItem]
    truncated: bool = Field(description="True when more groups matched than were returned.")


class Place(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    count: int
    goldstein_mean: float | None = None


class Places(BaseModel):
    items: list[Place]


class ActorCount(BaseModel):
    code: str
    name: str | None
    count: int


class Actors(BaseModel):
    items: list[ActorCount]


class StoryMeta(_Open):
    id: str
    date: str | None = None
    title: str | None = None
    place: str | None = None
    agency: str | None = None
    text: str | None = Field(None, description="Always null: the store keeps sentences, not story texts.")


class Sentence(BaseModel):
    index: int | None
    start: int | None
    end: int | None
    text: str


class StoryDetail(BaseModel):
    story: StoryMeta
    sentences: list[Sentence]
    events: list[Mention]


class Reject(BaseModel):
    story_id: str | None = None
    origin: str
    code: str
    reason: str


class CodedStory(_Open):
    id: str
    text: str = Field(description="The story body as ingest read it: every offset of `events` is into it.")
    date: str | None = None
    title: str | None = None


class CodeRequest(BaseModel):
    """Either ``text`` (one plain-text story, read like a ``.txt`` file: optional header, title and dateline)
    with an optional ``date``, or ``stories`` (JSONL records: ``id``, ``text``, ``date``, ``title`` ...)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    date: str | None = Field(None, description="YYYY-MM-DD: the story's date when the text gives none.")
    id: str | None = Field(None, description="The story id for `text` (default: a content hash).")
    stories: list[dict[str, Any]] | None = None


class CodeResult(BaseModel):
    events: list[Mention]
    rejects: list[Reject]
    stories: list[CodedStory]


class JobAccepted(BaseModel):
    job_id: str
    status: str
    stories: int
    url: str


class Job(BaseModel):
    job_id: str
    status: str = Field(description="queued | running | done | failed")
    stories: int
    coded: int
    skipped: int = Field(description="Stories already stored with the same content (added nothing).")
    rejected: int
    mentions: int
    events: int
    rejects: list[Reject]
    created: str
    started: str | None = None
    finished: str | None = None
    error: dict[str, Any] | None = None


class Health(BaseModel):
    status: str
    version: str
    store: str
    schema_version: int
    events: int
    mentions: int
    stories: int
    model: str
    model_loaded: bool
    writes: bool = Field(description="Whether POST /api/v1/stories is enabled (a token is configured).")
    jobs_waiting: int


class ErrorBody(BaseModel):
    code: str = Field(description="The error code (docs/errors.md).")
    message: str
    detail: Any = None


class ErrorResponse(BaseModel):
    error: ErrorBody
