"""Actor recognition and coding (stage 3): mentions on the parse → coded actors."""

from __future__ import annotations

from typing import Any

from ..mentions import ActorMention
from ..story import Story


class ActorCoder:
    """Codes the actors of one parsed story. Dictionaries are loaded and compiled once, in ``__init__``."""

    def __init__(self) -> None:
        pass

    def code(self, doc: Any, story: Story) -> list[ActorMention]:
        """All actor mentions of ``doc`` (the parsed ``story``), in text order."""
        return []
