"""Labels of gold events and predicted records per label family, and the one predicted event of a sentence.

Shared by the scorer (``score.py``) and the calibration measures (``calibration.py``); see ``score.py`` for
how a sentence's chosen event is picked.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..events import cameo
from ..record import BACKGROUND_MODALITIES, EventRecord
from .gold import GoldEvent
from .metrics import NONE

NO_COUNTRY = "---"


def country(code: str | None) -> str | None:
    """The country slot of a CAMEO/PLOVER actor code (first three characters), ``None`` when absent."""
    if not code:
        return None
    return code[:3].upper()


def candidates(records: Sequence[EventRecord], kind: str) -> list[EventRecord]:
    records = [r for r in records if r.get("modality") not in BACKGROUND_MODALITIES]  # history, habits: not news
    if kind == "plover":
        return [r for r in records if r.get("plover")]
    return list(records)


def choose(records: Sequence[EventRecord], kind: str) -> EventRecord | None:
    """The event that stands for the sentence (see ``score.py``'s docstring), or ``None``."""
    cands = candidates(records, kind)
    if not cands:
        return None

    def key(r: EventRecord) -> tuple[float, int, str]:
        trig = ((r.get("evidence") or {}).get("trigger") or {}).get("start", 0)
        return (-float(r.get("confidence") or 0.0), int(trig or 0), str(r.get("cameo")))

    return min(cands, key=key)


def actor_code(r: EventRecord | None, role: str) -> str | None:
    actor = None if r is None else r["source"] if role == "source" else r["target"]
    code = actor["code"] if actor else None
    return code.upper() if code else None


# -- labels of one gold event / one predicted record, per label family ------------------------------------
def gold_label(ev: GoldEvent, family: str) -> str | None:
    root = ev.root or (ev.cameo[:2] if ev.cameo else None)
    if family == "code":
        return ev.cameo
    if family == "root":
        return root
    if family == "quad":
        return str(cameo.quad_class(root)) if root else None
    if family == "penta":
        if ev.penta is not None:
            return str(ev.penta)
        return str(cameo.penta_class(root)) if root else None
    if family == "plover":
        return ev.plover
    raise ValueError(family)


def pred_label(r: EventRecord | None, family: str) -> str:
    if r is None:
        return "0" if family == "penta" else NONE
    code = str(r["cameo"])
    if family == "code":
        return code
    if family == "root":
        return cameo.root_of(code)
    if family == "quad":
        return str(cameo.quad_class(code))
    if family == "penta":
        return str(cameo.penta_class(code))
    if family == "plover":
        pl = r["plover"]
        return pl["event"] if pl and pl["event"] else NONE
    raise ValueError(family)


FAMILIES = {"cameo": ("code", "root", "quad", "penta"), "plover": ("plover",), "penta": ("penta",)}
PRIMARY = {"cameo": "root", "plover": "plover", "penta": "penta"}  # the family of the confusion table
