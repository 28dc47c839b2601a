"""Event location (stage 5): sentence places, the dateline, offline gazetteer."""

from __future__ import annotations

from typing import Any

from ..mentions import ActorMention, EventMention
from ..story import Story


class Locator:
    def __init__(self) -> None:
        pass

    def locate(self, doc: Any, story: Story, events: list[EventMention], actors: list[ActorMention]) -> None:
        """Fill ``location`` of each event in place (``None`` when nothing supports a place)."""
        return None
