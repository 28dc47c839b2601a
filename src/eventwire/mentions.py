"""The objects that pass between the pipeline stages.

actors  → ``ActorMention`` (a coded actor at a character and token span of the story)
events  → ``EventMention`` (a CAMEO code with source/target mentions, trigger, rule, modality)
time    → ``EventTime`` per event (``when.event_dates``)
place   → a location per event (``place.Locator.locate``)
Each stage returns what it adds and leaves the earlier stages' objects as they are; ``record.build_record``
joins an ``EventMention`` with its ``EventTime`` and location into the documented event record.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class ActorMention:
    """A mention of an actor in the story, with what eventwire coded for it.

    ``start``/``end`` are character offsets into ``Story.text``; ``tok_start``/``tok_end`` (end exclusive)
    and ``head`` are token indices in the spaCy ``Doc`` of that story.
    """

    start: int
    end: int
    tok_start: int
    tok_end: int
    head: int
    text: str
    name: str | None = None
    country: str | None = None
    sectors: tuple[str, ...] = ()
    kind: str = "entity"  # person | country | organization | group | entity
    rule: str = ""
    # When one surface mention stands for several actors ("Armenia and Azerbaijan", "the two countries"),
    # recognisers emit one mention per actor; ``group`` ties them together.
    group: int | None = None
    # Who reports rather than acts (set by the actor coder): "reporting" for a medium or source that
    # reports an event ("state news agency IRNA reported", "according to the ministry"), "speaker" for the
    # speaker a wire headline names at its end or start ("... - foreign ministry", "Putin: ..."). Such a
    # mention is never an actor of the reported event; a "speaker" is the source of the headline's statement;
    # an "anonymous" source ("people familiar with the matter") is no actor at all.
    attribution: str | None = None

    @property
    def code(self) -> str | None:
        """The CAMEO actor code: country (or ``---`` when unknown) followed by the sector codes."""
        if not self.country and not self.sectors:
            return None
        return (self.country or "---") + "".join(self.sectors)

    def to_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sectors": list(self.sectors),
            "start": self.start,
            "end": self.end,
        }


class ActorIndex:
    """Look up the actor mention(s) that cover a token."""

    def __init__(self, mentions: list[ActorMention]) -> None:
        self.mentions = mentions
        self._by_token: dict[int, list[ActorMention]] = {}
        for m in mentions:
            for i in range(m.tok_start, m.tok_end):
                self._by_token.setdefault(i, []).append(m)

    def at(self, token_i: int) -> list[ActorMention]:
        return self._by_token.get(token_i, [])

    def covering(self, tok_start: int, tok_end: int) -> list[ActorMention]:
        seen: dict[int, ActorMention] = {}
        for i in range(tok_start, tok_end):
            for m in self._by_token.get(i, []):
                seen[id(m)] = m
        return list(seen.values())


@dataclass(slots=True)
class EventMention:
    """One coded event in one sentence."""

    sentence_index: int
    sentence_start: int  # char offsets of the sentence in Story.text
    sentence_end: int
    cameo: str
    source: ActorMention | None
    target: ActorMention | None
    trigger_start: int  # char offsets of the predicate that triggered the event
    trigger_end: int
    trigger_tok: int  # token index of the predicate head
    rule: str
    confidence: float = 0.5  # calibrated probability that the event is right (events/confidence.py)
    modality: str = "asserted"  # asserted | intended | reported | historical | habitual
    negated: bool = False
    notes: list[str] = field(default_factory=list)
    # What the calibration (events/confidence.py) reads besides code, rule, modality and actors:
    kind: str = "verb"  # kind of the frame that coded it: verb | light | noun
    heuristic: float = 0.5  # the coder's hand-set score before calibration
    source_path: int | None = None  # dependency-path length trigger → source head (None: no source)
    target_path: int | None = None  # the same for the target
    siblings: int = 1  # events coded in the same sentence


@dataclass(frozen=True, slots=True)
class EventTime:
    """When an event happened (what the time stage adds): ``date`` is ``None`` for background with a year
    only; ``text`` holds the words that gave the date, ``None`` when it is the story's date."""

    date: _dt.date | None
    text: str | None = None
