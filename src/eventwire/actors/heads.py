"""What the head of a phrase makes of its modifiers (steps of ``draft.draft_of``).

READS a ``Draft`` whose units are read (``draft.py``) and the parse. ADDS to its ``sectors``: a head that opposes
keeps only the country of the state before it ("a Kremlin critic"); a people's armed forces are rebels
("Tigrayan forces"); the head "of" a civic or business body heads that body ("president of the Spanish Football
Federation").
"""

from __future__ import annotations

from typing import Any

from .codes import BUSINESS_BODY, CIVIC_BODY, OPPOSITION, PEOPLE_FORCE, STATE_FORCE, STATE_SECTORS
from .recognize import Unit
from .sentence import Draft
from .words import BUSINESS_BODIES, CIVIC_BODIES

ROLE_KINDS = ("role", "rank")


def opponent_head(d: Draft, head_units: list[Unit]) -> None:
    """ "a Kremlin critic", "a Putin opponent": a head that opposes (OPP) takes only the country of the state,
    seat or person before it, not its state sectors (``RUSOPP``, not ``RUSOPPGOV``)."""
    own = {s for u in head_units if u.entry is not None for s in u.entry.sectors}
    if OPPOSITION in own:
        d.sectors = [s for s in d.sectors if s in own or s not in STATE_SECTORS]


def people_force(d: Draft) -> None:
    """The armed forces of a people are no state's: "Tigrayan forces", "Kurdish troops" are rebels (REB), not
    the military (MIL) of the country in context; a state named in the phrase keeps its forces ("Iraqi
    Kurdish troops", the "Peshmerga" of a dictionary entry)."""
    if d.people and not d.countries and not d.names and STATE_FORCE in d.sectors:
        d.sectors = [PEOPLE_FORCE if s == STATE_FORCE else s for s in d.sectors]
        d.sectors = list(dict.fromkeys(d.sectors))


def body_head(doc: Any, d: Draft) -> None:
    """The head "of" a body that is no state heads that body: "Jose Ruiz, president of the Spanish Football
    Federation" is NGO (``civic_bodies``), "the chairman of the Korea Gas Company" BUS (``business_bodies``),
    not GOV."""
    for u in d.phrase.units:
        if u.kind not in ROLE_KINDS or u.entry is None:
            continue
        of = next((c for c in doc[u.root].children if c.dep_ == "prep" and c.lower_ == "of"), None)
        body = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
        if body is None or not d.start <= body.i < d.end:
            continue
        word = body.lemma_.lower()
        code = CIVIC_BODY if word in CIVIC_BODIES else BUSINESS_BODY if word in BUSINESS_BODIES else None
        if code is not None:
            d.sectors = [code] + [s for s in d.sectors if s not in u.entry.sectors and s != code]
            return
