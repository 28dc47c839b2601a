"""Reader for eventwire's own gold format: JSON Lines, one sentence (or short passage) per line.

    {"id": "g1", "text": "...", "date": "2024-05-02",
     "events": [{"cameo": "042", "source": "USAGOV", "target": "CHN"}]}

``text`` is required; ``id`` and ``date`` (YYYY-MM-DD) are optional. ``events`` is required and may be
empty (the sentence must give no event). Each event gives ``cameo`` (an exact code) or only ``root``
(two digits), and optionally ``source``/``target`` CAMEO actor codes (a string, or a list for a compound
actor). Blank lines and lines starting with ``#`` are ignored. See docs/evaluation.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ...events import cameo
from ..gold import GoldEvent, GoldSentence, GoldSet
from ._common import bad, check_cameo, parse_date, read_text


def _codes(value: Any, where: str, role: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) and v.strip() for v in items):
        raise bad(f"{role} must be an actor code or a list of actor codes", where)
    return tuple(v.strip().upper() for v in items)


def _event(obj: Any, where: str) -> GoldEvent:
    if not isinstance(obj, dict):
        raise bad("each event must be an object", where)
    unknown = set(obj) - {"cameo", "root", "source", "target"}
    if unknown:
        raise bad(f"unknown event field(s): {', '.join(sorted(unknown))}", where)
    code = obj.get("cameo")
    if code is not None:
        c = check_cameo(code, where)
        return GoldEvent(
            cameo=c,
            root=cameo.root_of(c),
            sources=_codes(obj.get("source"), where, "source"),
            targets=_codes(obj.get("target"), where, "target"),
        )
    root = obj.get("root")
    if root is None:
        raise bad("an event needs 'cameo' or 'root'", where)
    r = str(root).strip()
    if r not in cameo.ROOTS:
        raise bad(f"root {r!r} is not a CAMEO root 01-20", where)
    return GoldEvent(
        root=r, sources=_codes(obj.get("source"), where, "source"), targets=_codes(obj.get("target"), where, "target")
    )


def read_jsonl(path: Path) -> GoldSet:
    out: list[GoldSentence] = []
    for n, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise bad(f"invalid JSON: {e.msg}", where) from e
        if not isinstance(obj, dict):
            raise bad("each line must be a JSON object", where)
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            raise bad("missing 'text'", where)
        events = obj.get("events")
        if not isinstance(events, list):
            raise bad("missing 'events' (a list, empty when the sentence has no event)", where)
        out.append(
            GoldSentence(
                id=str(obj.get("id") or f"L{n}"),
                text=text,
                origin=where,
                date=parse_date(obj.get("date"), where),
                events=[_event(e, where) for e in events],
            )
        )
    return GoldSet(str(path), "jsonl", "cameo", out)
