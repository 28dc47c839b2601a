"""Rows of the store → the JSON objects of the API (see docs/api.md for the fields).

Every character offset is the store's: into the story text as ingest read it (``evidence.start/end``,
``trigger``, actor ``start/end``).  Since the store keeps sentences, not stories, ``evidence.spans`` gives
the trigger, source and target spans again relative to ``evidence.text`` (``null`` when a span lies
outside the sentence), ready for highlighting.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any

from ..store.export import mention_record


def iso(v: Any) -> str | None:
    return None if v is None else (v.isoformat() if isinstance(v, _dt.date | _dt.datetime) else str(v))


def _span(start: Any, end: Any, base: int | None, length: int) -> dict[str, int] | None:
    if start is None or end is None or base is None:
        return None
    s, e = int(start) - base, int(end) - base
    return {"start": s, "end": e} if 0 <= s <= e <= length else None


def evidence(
    text: str | None,
    start: Any,
    end: Any,
    trigger: Mapping[str, Any] | None,
    source: Mapping[str, Any] | None,
    target: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """The evidence object: the sentence, its story offsets, the trigger, and sentence-relative spans."""
    text = text or ""
    base = int(start) if start is not None else None
    trig = dict(trigger) if trigger and trigger.get("start") is not None else None
    spans = {
        "trigger": _span(trig.get("start"), trig.get("end"), base, len(text)) if trig else None,
        "source": _span((source or {}).get("start"), (source or {}).get("end"), base, len(text)),
        "target": _span((target or {}).get("start"), (target or {}).get("end"), base, len(text)),
    }
    return {"text": text, "start": start, "end": end, "trigger": trig, "spans": spans}


def _actor(r: Mapping[str, Any], role: str, rep: str = "") -> dict[str, Any] | None:
    code, text = r.get(f"{role}_code"), r.get(f"{rep}{role}_text")
    if code is None and text is None and r.get(f"{role}_country") is None:
        return None
    return {
        "code": code,
        "name": r.get(f"{role}_name"),
        "country": r.get(f"{role}_country"),
        "sectors": list(r.get(f"{role}_sectors") or []),
        "text": text,
        "start": r.get(f"{rep}{role}_start"),
        "end": r.get(f"{rep}{role}_end"),
    }


def _plover(r: Mapping[str, Any], ctx_key: str) -> dict[str, Any] | None:
    if not r.get("plover_event"):
        return None
    ctx = r.get(ctx_key)
    if isinstance(ctx, str) and ctx.startswith("["):
        ctx = json.loads(ctx)
    return {"event": r["plover_event"], "mode": r.get("plover_mode"), "context": ctx}


def _location(r: Mapping[str, Any]) -> dict[str, Any] | None:
    if all(r.get(k) is None for k in ("location_name", "location_country", "lat", "lon")):
        return None
    return {
        "name": r.get("location_name"),
        "country": r.get("location_country"),
        "lat": r.get("lat"),
        "lon": r.get("lon"),
    }


def event_item(r: Mapping[str, Any]) -> dict[str, Any]:
    """A de-duplicated event (a row of ``query.page``/``query.event`` with its ``rep_*`` columns): its
    description and evidence are those of its representative mention."""
    source, target = _actor(r, "source", "rep_"), _actor(r, "target", "rep_")
    trigger = None
    if r.get("rep_trigger_start") is not None:
        trigger = {
            "text": r.get("rep_trigger_text") or "",
            "start": r["rep_trigger_start"],
            "end": r.get("rep_trigger_end"),
        }
    return {
        "event_id": r["event_id"],
        "date": iso(r.get("date")),
        "date_last": iso(r.get("date_last")),
        "source": source,
        "target": target,
        "cameo": r.get("cameo"),
        "cameo_name": r.get("cameo_name"),
        "root": r.get("root"),
        "quad_class": r.get("quad_class"),
        "goldstein": r.get("goldstein"),
        "plover": _plover(r, "rep_plover_context"),
        "location": _location(r),
        "confidence": r.get("confidence"),
        "modality": r.get("rep_modality"),
        "rule": r.get("rep_rule"),
        "evidence": evidence(
            r.get("evidence_text"), r.get("rep_evidence_start"), r.get("rep_evidence_end"), trigger, source, target
        ),
        "story_id": r.get("rep_story_id"),
        "sentence_index": r.get("rep_sentence_index"),
        "mention_id": r.get("rep_mention_id"),
        "mention_count": r.get("mentions"),
        "story_count": r.get("stories"),
        "source_count": r.get("sources"),
        "agencies": list(r.get("source_names") or []),
        "first_report": iso(r.get("first_report")),
        "last_report": iso(r.get("last_report")),
    }


def mention_item(r: Mapping[str, Any]) -> dict[str, Any]:
    """A raw mention: the event record as ``eventwire code`` writes it (its ``event_id`` is the mention's
    id), plus ``mention_id``, the de-duplicated ``dedup_event_id`` and ``evidence.spans``."""
    rec = mention_record(dict(r))
    return record_item(
        rec,
        mention_id=r["mention_id"],
        dedup_event_id=r.get("dedup_event_id", r.get("event_id")),
        story={k[6:]: r[k] for k in ("story_title", "story_agency", "story_url") if k in r} or None,
    )


def record_item(rec: Mapping[str, Any], **more: Any) -> dict[str, Any]:
    """An event record (from the store or the coder) with ``evidence.spans`` added."""
    out = dict(rec)
    ev = dict(rec.get("evidence") or {})
    out["evidence"] = evidence(
        ev.get("text"), ev.get("start"), ev.get("end"), ev.get("trigger"), rec.get("source"), rec.get("target")
    )
    for k, v in more.items():
        if v is not None or k not in out:
            out[k] = v
    return out


def story_meta(r: Mapping[str, Any]) -> dict[str, Any]:
    """A stored story's metadata (the store keeps no story text: ``text`` is ``null``)."""
    return {
        "id": r["story_id"],
        "date": iso(r.get("date")),
        "title": r.get("title"),
        "place": r.get("place"),
        "agency": r.get("agency"),
        "url": r.get("url"),
        "language": r.get("language"),
        "dateline": r.get("dateline"),
        "status": r.get("status"),
        "n_chars": r.get("n_chars"),
        "n_mentions": r.get("n_mentions"),
        "coded_at": iso(r.get("coded_at")),
        "text": None,
    }
