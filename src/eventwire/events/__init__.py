"""Event coding (stage 4): predicates on the parse → CAMEO events with source and target."""

from __future__ import annotations

from typing import Any

from ..mentions import ActorMention, EventMention
from ..story import Story


class EventCoder:
    """Codes the events of one parsed story. Patterns are loaded and compiled once, in ``__init__``."""

    def __init__(self) -> None:
        pass

    def code(self, doc: Any, story: Story, actors: list[ActorMention]) -> list[EventMention]:
        """The events of ``doc`` given its actor mentions."""
        return []
