"""Reader for the PLOVER gold standard records (one JSON array of records).

Each record has ``text``, ``event`` (PLOVER 0.5 labels are mapped to current names: DEMAND→REQUEST,
DISAPPROVE→ACCUSE, FIGHT→ASSAULT, INVESTIGATE→ACCUSE), optional ``date`` and ``source``/``target`` lists of
``{actorText, code, sector}`` (the codes are the actors; every occurrence of the ``actorText`` words in the
sentence is a gold span for the span scores).
``DOCUMENT`` records (file documentation) are skipped. One event per record.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ...events import plover
from ..gold import OLD_PLOVER, GoldEvent, GoldSentence, GoldSet
from ._common import bad, occurrences, parse_date, read_text


def plover_events() -> frozenset[str]:
    """The PLOVER event names eventwire's crosswalk can produce."""
    return frozenset(str(row["event"]) for row in plover.table().values())


def _actors(value: Any, where: str, role: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(codes, actor words) of a ``source``/``target`` list."""
    if value is None or isinstance(value, str):  # missing, "" or a stray note: no actor
        return (), ()
    if not isinstance(value, list):
        raise bad(f"{role} must be a list of actors", where)
    codes: list[str] = []
    texts: list[str] = []
    for a in value:
        if not isinstance(a, dict):
            raise bad(f"{role} entries must be objects with a 'code'", where)
        code = str(a.get("code") or "").strip().upper()
        if code and code not in codes:
            codes.append(code)
        text = a.get("actorText")
        if isinstance(text, str) and text.strip() and text.strip() not in texts:
            texts.append(text.strip())
    return tuple(codes), tuple(texts)


def read_plover_gsr(path: Path) -> GoldSet:
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise bad(f"invalid JSON: {e.msg}", f"{path}:{e.lineno}") from e
    if not isinstance(data, list):
        raise bad("expected a JSON array of records", str(path))
    known = plover_events()
    out: list[GoldSentence] = []
    for n, rec in enumerate(data):
        where = f"{path} record {n}"
        if not isinstance(rec, dict):
            raise bad("record is not an object", where)
        rid = str(rec.get("id") or f"r{n}")
        where = f"{path} record {n} ({rid})"
        event = str(rec.get("event") or "").strip().upper()
        if event == "DOCUMENT":
            continue
        sentence = rec.get("text")
        if not isinstance(sentence, str) or not sentence.strip():
            raise bad("record has no 'text'", where)
        event = OLD_PLOVER.get(event, event)
        if event not in known:
            raise bad(f"unknown PLOVER event {rec.get('event')!r}", where)
        (sources, source_texts), (targets, target_texts) = (
            _actors(rec.get("source"), where, "source"),
            _actors(rec.get("target"), where, "target"),
        )
        ev = GoldEvent(
            plover=event,
            sources=sources,
            targets=targets,
            source_spans=tuple(sp for w in source_texts for sp in occurrences(sentence, w)),
            target_spans=tuple(sp for w in target_texts for sp in occurrences(sentence, w)),
        )
        out.append(
            GoldSentence(id=rid, text=sentence, origin=where, date=parse_date(rec.get("date"), where), events=[ev])
        )
    return GoldSet(str(path), "plover-gsr", "plover", out)
