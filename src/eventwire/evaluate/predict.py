"""Coding the gold sentences with the pipeline: one ``Story`` per gold sentence, records grouped back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..pipeline import Coder
from ..record import EventRecord
from ..story import Story
from .gold import GoldSentence


@dataclass(slots=True)
class Prediction:
    """What the coder produced for one gold sentence: its event records, or the reason it was rejected."""

    records: list[EventRecord] = field(default_factory=list)
    rejected: str | None = None


def story_for(n: int, sentence: GoldSentence, origin: str) -> Story:
    """The story eventwire codes for gold sentence number ``n`` (the gold date as story date)."""
    return Story(
        id=f"gold-{n}", text=sentence.text, date=sentence.date, origin_file=origin, meta={"gold_id": sentence.id}
    )


def predict(
    coder: Coder, sentences: Sequence[GoldSentence], *, origin: str = "gold", batch_size: int = 64
) -> list[Prediction]:
    """Code every gold sentence (batched through ``Coder.code_batch``); one ``Prediction`` per sentence."""
    out = [Prediction() for _ in sentences]
    for lo in range(0, len(sentences), batch_size):
        stories = [story_for(n, s, origin) for n, s in enumerate(sentences[lo : lo + batch_size], start=lo)]
        records, rejects = coder.code_batch(stories)
        for r in records:
            out[int(r["story_id"].removeprefix("gold-"))].records.append(r)
        for j in rejects:
            if j.story_id is not None:
                out[int(j.story_id.removeprefix("gold-"))].rejected = f"[{j.code}] {j.reason}"
    return out
