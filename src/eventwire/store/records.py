"""Rows of the store as JSON records: the event record of a mention (as ``eventwire code`` writes it), the
JSON-lines object of a de-duplicated event, and PLOVER data-exchange records of mentions and events.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from .._version import __version__


def _iso(v: Any) -> str | None:
    return None if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v))


def _actor(r: dict[str, Any], role: str) -> dict[str, Any] | None:
    if r.get(f"{role}_text") is None and r.get(f"{role}_code") is None:
        return None
    a = {
        "text": r.get(f"{role}_text") or "",
        "name": r.get(f"{role}_name"),
        "code": r.get(f"{role}_code"),
        "country": r.get(f"{role}_country"),
        "sectors": list(r.get(f"{role}_sectors") or []),
    }
    if r.get(f"{role}_start") is not None:
        a["start"] = r[f"{role}_start"]
        a["end"] = r[f"{role}_end"]
    return a


def mention_record(r: dict[str, Any]) -> dict[str, Any]:
    """A row of ``mentions`` back to the event record (as ``eventwire code`` writes it)."""
    plover = None
    if r.get("plover_event") is not None:
        ctx = r.get("plover_context")
        if isinstance(ctx, str) and ctx.startswith("["):
            ctx = json.loads(ctx)
        plover = {"event": r["plover_event"], "mode": r.get("plover_mode"), "context": ctx}
    loc = None
    if any(r.get(k) is not None for k in ("location_name", "location_country", "lat", "lon")):
        loc = {
            "name": r.get("location_name"),
            "country": r.get("location_country"),
            "admin1": r.get("location_admin1"),
            "lat": r.get("lat"),
            "lon": r.get("lon"),
            "precision": r.get("location_precision"),
            "source": r.get("location_source"),
            "start": r.get("location_start"),
            "end": r.get("location_end"),
        }
    evidence: dict[str, Any] = {
        "text": r.get("evidence_text") or "",
        "start": r.get("evidence_start") or 0,
        "end": r.get("evidence_end") or 0,
    }
    if r.get("trigger_start") is not None:
        evidence["trigger"] = {
            "text": r.get("trigger_text") or "",
            "start": r["trigger_start"],
            "end": r.get("trigger_end"),
        }
    rec = {
        "event_id": r["mention_id"],
        "story_id": r["story_id"],
        "sentence_index": r.get("sentence_index"),
        "date": _iso(r.get("date")),
        "date_text": r.get("date_text"),
        "story_date": _iso(r.get("story_date")),
        "source": _actor(r, "source"),
        "target": _actor(r, "target"),
        "cameo": r.get("cameo"),
        "cameo_name": r.get("cameo_name"),
        "root": r.get("root"),
        "quad_class": r.get("quad_class"),
        "goldstein": r.get("goldstein"),
        "plover": plover,
        "location": loc,
        "evidence": evidence,
        "modality": r.get("modality"),
        "confidence": r.get("confidence"),
        "rule": r.get("rule"),
    }
    if r.get("extra"):
        rec.update(json.loads(r["extra"]))
    return rec


def _event_object(r: dict[str, Any]) -> dict[str, Any]:
    r = dict(r)
    r.pop("evidence_texts", None)
    return {k: _iso(v) if isinstance(v, _dt.date) else v for k, v in r.items()}


def _plover_actor(r: dict[str, Any], role: str) -> list[dict[str, Any]]:
    if r.get(f"{role}_code") is None and r.get(f"{role}_text") is None and r.get(f"{role}_country") is None:
        return []
    code = r.get(f"{role}_country") or (r.get(f"{role}_code") or "")[:3] or None
    a: dict[str, Any] = {"code": code}
    sectors = list(r.get(f"{role}_sectors") or [])
    if sectors:
        a["sector"] = "".join(sectors[:2])
    if r.get(f"{role}_text"):
        a["entity_text"] = r[f"{role}_text"]
    if r.get(f"{role}_name"):
        a["identifier_text"] = r[f"{role}_name"]
    return [a]


_RESOLUTION = {"place": 4, "admin1": 2, "country": 1}


def _plover_loc(r: dict[str, Any]) -> dict[str, Any] | None:
    if all(r.get(k) is None for k in ("location_name", "location_country", "lat", "lon")):
        return None
    loc: dict[str, Any] = {
        "resolved_place": r.get("location_name"),
        "lat": r.get("lat"),
        "lon": r.get("lon"),
        "country_code": r.get("location_country"),
    }
    if r.get("location_admin1"):
        loc["province"] = r["location_admin1"]
    if r.get("location_start") is not None and r.get("evidence_text"):
        loc["extracted_place"] = r.get("location_name")
    res = _RESOLUTION.get(r.get("location_precision") or "")
    if res:
        loc["resolution"] = res
    return loc


_CODER = f"eventwire {__version__}"


def plover_mention(r: dict[str, Any]) -> dict[str, Any] | None:
    """A mention as a PLOVER data-exchange record (``None`` when it has no PLOVER event)."""
    if not r.get("plover_event"):
        return None
    ctx = r.get("plover_context")
    if isinstance(ctx, str):
        ctx = json.loads(ctx) if ctx.startswith("[") else [ctx]
    obj: dict[str, Any] = {
        "id": r["mention_id"],
        "has_event": True,
        "date": _iso(r.get("date")),
        "actor": _plover_actor(r, "source"),
        "recipient": _plover_actor(r, "target"),
        "event": [r["plover_event"]],
        "mode": [r["plover_mode"]] if r.get("plover_mode") else [],
        "context": list(ctx or []),
        "event_loc": _plover_loc(r),
        "event_text": [r.get("evidence_text") or ""],
        "quad_code": r.get("quad_class"),
        "event_scale": r.get("goldstein"),
        "text_info": {
            "sequence": r.get("sentence_index"),
            "start": r.get("evidence_start"),
            "end": r.get("evidence_end"),
        },
        "cite_info": {
            "url": r.get("url"),
            "title": r.get("title"),
            "publication": r.get("agency"),
            "language": r.get("language"),
            "coder": _CODER,
            "citation": r.get("story_id"),
        },
        "coder": _CODER,
        "coded_date": _iso(r["coded_at"].date()) if r.get("coded_at") else None,
        "cameo": r.get("cameo"),
    }
    if r.get("dedup_event_id"):
        obj["link"] = r["dedup_event_id"]
    return obj


def plover_event(r: dict[str, Any]) -> dict[str, Any] | None:
    """A de-duplicated event as a PLOVER data-exchange record (``None`` when it has no PLOVER event)."""
    if not r.get("plover_event"):
        return None
    obj: dict[str, Any] = {
        "id": r["event_id"],
        "has_event": True,
        "date": _iso(r.get("date")),
        "actor": _plover_actor(r, "source"),
        "recipient": _plover_actor(r, "target"),
        "event": [r["plover_event"]],
        "mode": [r["plover_mode"]] if r.get("plover_mode") else [],
        "event_loc": _plover_loc(r),
        "event_text": list(r.get("evidence_texts") or []),
        "quad_code": r.get("quad_class"),
        "event_scale": r.get("goldstein"),
        "coder": _CODER,
        "cameo": r.get("cameo"),
        "mentions": r.get("mentions"),
        "sources": r.get("sources"),
        "stories": r.get("stories"),
        "mention_ids": list(r.get("mention_ids") or []),
    }
    if r.get("date_last") and r.get("date_last") != r.get("date"):
        obj["enddate"] = _iso(r["date_last"])
    return obj
