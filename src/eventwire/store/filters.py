"""Filters over a store: the one definition of what ``query``, ``export`` and the server can filter on, and the
parameterised SQL ``WHERE`` clause they become (LIKE patterns escaped, actor codes checked)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

from ..errors import error
from ..record import BACKGROUND_MODALITIES

_CODE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$")


@dataclass(slots=True)
class Filters:
    """What to keep. Every field is optional; fields combine with AND.

    * ``actor`` — an actor code or its prefix (``AZEGOV`` matches ``AZEGOVMIL``), as source or target
    * ``country`` — a country code, as source or target; ``sector`` — a sector code of source or target
    * ``dyad`` — ``"AZE-RUS"``: source matches the first side and target the second (each side an actor
      code prefix or country); ``undirected=True`` accepts either order
    * ``cameo`` — a CAMEO code or prefix (``"04"``, ``"042"``); ``root`` — a root (``"04"``)
    * ``quad`` — quad class 1-4; ``plover`` — PLOVER event (``CONSULT``); ``text`` — words in the evidence
    * ``place`` — the location name, case-insensitive (``Baku``; a final ``*`` matches a prefix: ``Bak*``)
    * ``min_confidence`` — the coder's confidence at least this (0-1)
    * ``background`` — also events that are not the story's news (modality ``historical`` or ``habitual``,
      ``record.BACKGROUND_MODALITIES``), left out by default; an event is left out when none of its mentions
      is news
    """

    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    dyad: str | None = None
    undirected: bool = False
    cameo: str | None = None
    root: str | None = None
    quad: int | None = None
    plover: str | None = None
    text: str | None = None
    place: str | None = None
    min_confidence: float | None = None
    background: bool = False


def like_escape(s: str) -> str:
    """``s`` with the LIKE wildcards ``%`` and ``_`` (and the escape ``\\``) escaped, for ``LIKE ? ESCAPE '\\'``."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _code(v: str, what: str) -> str:
    v = v.strip().upper()
    if not _CODE.match(v):
        raise error("E521", detail=f"{what} {v!r} is not an actor code (3-letter groups, e.g. AZE or AZEGOV)")
    return v


def _side(role: str, v: str) -> tuple[str, list[Any]]:
    return (f"({role}_code LIKE ? OR {role}_country = ?)", [v + "%", v])


def where(f: Filters, level: str = "events") -> tuple[str, list[Any]]:
    """The SQL ``WHERE`` clause (without the keyword; ``TRUE`` when empty) and its parameters."""
    parts: list[str] = []
    args: list[Any] = []
    if f.date_from:
        parts.append("date >= ?")
        args.append(f.date_from)
    if f.date_to:
        parts.append("date <= ?")
        args.append(f.date_to)
    if f.actor:
        a = _code(f.actor, "actor")
        s1, a1 = _side("source", a)
        s2, a2 = _side("target", a)
        parts.append(f"({s1} OR {s2})")
        args += a1 + a2
    if f.country:
        c = _code(f.country, "country")
        parts.append("(source_country = ? OR target_country = ?)")
        args += [c, c]
    if f.sector:
        s = _code(f.sector, "sector")
        parts.append("(list_contains(source_sectors, ?) OR list_contains(target_sectors, ?))")
        args += [s, s]
    if f.dyad:
        sides = re.split(r"\s*[-–>,/]\s*", f.dyad.strip())
        if len(sides) != 2 or not all(sides):
            raise error("E521", detail=f"dyad {f.dyad!r} must be two actor codes joined by '-', e.g. AZE-RUS")
        a, b = (_code(x, "dyad side") for x in sides)
        sa, aa = _side("source", a)
        tb, ab = _side("target", b)
        if f.undirected:
            sb, ab2 = _side("source", b)
            ta, aa2 = _side("target", a)
            parts.append(f"(({sa} AND {tb}) OR ({sb} AND {ta}))")
            args += aa + ab + ab2 + aa2
        else:
            parts.append(f"({sa} AND {tb})")
            args += aa + ab
    if f.cameo:
        c = f.cameo.strip()
        if not re.fullmatch(r"\d{1,4}", c):
            raise error("E521", detail=f"cameo {f.cameo!r} is not a CAMEO code or prefix (digits, e.g. 04 or 042)")
        parts.append("cameo LIKE ?")
        args.append(c + "%")
    if f.root:
        r = f.root.strip().zfill(2)
        if not re.fullmatch(r"\d\d", r) or not 1 <= int(r) <= 20:
            raise error("E521", detail=f"root {f.root!r} is not a CAMEO root (01-20)")
        parts.append("root = ?")
        args.append(r)
    if f.quad is not None:
        if not 1 <= int(f.quad) <= 4:
            raise error("E521", detail=f"quad class {f.quad!r} must be 1-4")
        parts.append("quad_class = ?")
        args.append(int(f.quad))
    if f.min_confidence is not None:
        parts.append("confidence >= ?")
        args.append(float(f.min_confidence))
    if f.place:
        pl = f.place.strip()
        pattern = like_escape(pl[:-1]) + "%" if pl.endswith("*") else like_escape(pl)
        parts.append("location_name ILIKE ? ESCAPE '\\'")
        args.append(pattern)
    if f.plover:
        parts.append("upper(plover_event) = ?")
        args.append(f.plover.strip().upper())
    if f.text:
        if level == "mentions":
            parts.append("evidence_text ILIKE ? ESCAPE '\\'")
        else:
            parts.append(
                "event_id IN (SELECT l.event_id FROM event_mentions l JOIN mentions m "
                "USING (mention_id) WHERE m.evidence_text ILIKE ? ESCAPE '\\')"
            )
        args.append("%" + like_escape(f.text) + "%")
    if not f.background:  # constants of record.py, not user input
        marks = ", ".join(f"'{m}'" for m in BACKGROUND_MODALITIES)
        if level == "mentions":
            parts.append(f"coalesce(modality, '') NOT IN ({marks})")
        else:
            # Only the few events with a background mention are looked at: those of them with no news mention
            # are left out (a full join of every event with its mentions would dominate every query).
            parts.append(
                "event_id NOT IN (SELECT b.event_id FROM (SELECT DISTINCT l.event_id FROM event_mentions l "
                f"JOIN mentions m USING (mention_id) WHERE m.modality IN ({marks})) b WHERE NOT EXISTS "
                "(SELECT 1 FROM event_mentions l2 JOIN mentions m2 USING (mention_id) "
                f"WHERE l2.event_id = b.event_id AND coalesce(m2.modality, '') NOT IN ({marks})))"
            )
    return (" AND ".join(parts) or "TRUE"), args
