"""The gold standard as the readers hand it to the scorer: ``GoldSentence`` with its ``GoldEvent`` list.

Every reader (one module per format) returns the same shape, so the metrics never know which file format
the gold came from. ``kind`` says what the gold labels are:

- ``"cameo"``: CAMEO event codes (or roots) with actor codes — PETRARCH XML and eventwire JSONL;
- ``"plover"``: PLOVER event categories with actor country codes — the PLOVER GSR;
- ``"penta"``: one CAMEO penta class (0-4) per sentence, no actors — the ConfliBERT TSV.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Literal

GoldKind = Literal["cameo", "plover", "penta"]

# PLOVER 0.5 labels used by the PLOVER GSR → the current PLOVER names.
OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event. Only the fields the gold format gives are set.

    ``sources``/``targets`` hold actor codes (``USAGOV``, ``---REB``) for CAMEO gold and country codes
    (``ISR``, ``IGO``) for PLOVER gold; several entries mean a compound actor (any of them is right).
    An empty tuple means the gold names no such actor.
    """

    cameo: str | None = None  # exact CAMEO code, e.g. "0352"
    root: str | None = None  # two-digit root, e.g. "03"
    plover: str | None = None  # PLOVER event (current names), e.g. "AGREE"
    penta: int | None = None  # CAMEO penta class 0-4
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    # character spans of the actors' words in the sentence, where the gold gives them (PLOVER GSR
    # ``actorText``, ConfliBERT token tags): the span scores
    source_spans: tuple[tuple[int, int], ...] = ()
    target_spans: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class GoldSentence:
    """One gold sentence (or short passage) with its events; ``events == []`` means "no event"."""

    id: str
    text: str
    origin: str  # "file:line" or "file record N", for messages
    date: _dt.date | None = None
    events: list[GoldEvent] = field(default_factory=list)


@dataclass(slots=True)
class GoldSet:
    """A whole gold file: what it labels and its sentences (records the scorer must skip are counted)."""

    path: str
    format: str
    kind: GoldKind
    sentences: list[GoldSentence]
    skipped: int = 0  # records that cannot be scored (e.g. PETR error="..." records)
    skipped_events: int = 0  # gold codings dropped because their code is not a CAMEO code
