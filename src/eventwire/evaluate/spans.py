"""Actor span scores: do the chosen event's source and target cover the words the gold marks as the actor?

Only gold that gives the actors' words has them: the PLOVER GSR (``actorText``: every occurrence of the words
in the sentence, exact case first, else ignoring case) and the penta TSV with its ConfliBERT token-tag file
(``--spans``: source, target and reciprocal spans; a reciprocal span counts for both roles). The predicted
actor's character span (``start``/``end`` of the record's ``source``/``target``) is

- **exact** when it equals a gold span (a leading "the" ignored on both sides),
- **overlap** when it shares at least one character with one.

A sentence without a chosen event, or a chosen event without that actor, counts as wrong for both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..record import ActorRecord, EventRecord
from .gold import GoldEvent

_THE = re.compile(r"^the\s+", re.I)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _THE.match(text[start:end])
    return (start + m.end(), end) if m else (start, end)


def _actor(rec: EventRecord | None, role: str) -> ActorRecord | None:
    if rec is None:
        return None
    return rec["source"] if role == "source" else rec["target"]


def gold_spans(gold: GoldEvent, role: str) -> tuple[tuple[int, int], ...]:
    return gold.source_spans if role == "source" else gold.target_spans


def overlaps(actor: ActorRecord | None, spans: Sequence[tuple[int, int]]) -> bool:
    """True when ``actor``'s character span shares a character with one of ``spans``."""
    if actor is None:
        return False
    ps, pe = int(actor["start"]), int(actor["end"])
    return any(ps < e and s < pe for s, e in spans)


def span_hit(text: str, chosen: EventRecord | None, gold: GoldEvent, role: str) -> tuple[bool, bool] | None:
    """(exact, overlap) for ``role`` (``source``/``target``) of the chosen event; ``None`` when the gold
    event gives no span for that actor."""
    spans = gold_spans(gold, role)
    if not spans:
        return None
    actor = _actor(chosen, role)
    if actor is None:
        return (False, False)
    mine = _trim(text, int(actor["start"]), int(actor["end"]))
    exact = any(_trim(text, s, e) == mine for s, e in spans)
    return (exact, overlaps(actor, spans))
