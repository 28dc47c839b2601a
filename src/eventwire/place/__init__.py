"""Event location (stage 5): sentence places, the dateline, offline gazetteer.

``Locator().locate(doc, story, events, actors)`` returns the location of each event. The
gazetteer (``gazetteer.py``) is built from installed packages and cached; ``mentions.py`` finds place
mentions on the parse; ``attach.py`` how a mention hangs from an event; ``locate.py`` the choice of
place and the fallback rules (see docs/place.md).
"""

from __future__ import annotations

from .locate import Locator

__all__ = ["Locator"]
