"""Writing coded batches: stories, event mentions, actors and rejects, as Arrow tables, one transaction each.

A batch is the complete result for each story in it: writing a story that is already stored replaces
that story (its mentions, actors and the de-duplicated events they belonged to).  Re-writing the same
batch therefore changes nothing, and a story whose text changed replaces its own events.  Whole-file
stories (a text or HTML file: ``origin_line`` is ``None``) are also identified by their file, so an edited
file replaces the story that file gave before, even though its content id changed.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..record import RECORD_FIELDS
from ..story import Reject, Story
from . import rollup
from .db import Store
from .schema import (
    ACTOR_COLUMNS,
    MENTION_COLUMNS,
    REJECT_COLUMNS,
    STORY_COLUMNS,
    arrow_schema,
)

_KNOWN = set(RECORD_FIELDS)


def story_hash(story: Story) -> str:
    """Hash of everything of a story that changes its coding (text, date, title, place, agency)."""
    h = hashlib.sha1()
    for part in (
        story.text,
        story.date.isoformat() if story.date else "",
        story.title or "",
        story.place or "",
        story.agency or "",
        story.dateline or "",
    ):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:20]


def _date(v: Any) -> _dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, _dt.date):
        return v
    try:
        return _dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _cols(rows: list[dict[str, Any]], cols: tuple[tuple[str, str, pa.DataType], ...]) -> pa.Table:
    schema = arrow_schema(cols)
    return pa.Table.from_pydict({name: [r.get(name) for r in rows] for name, _, _ in cols}, schema=schema)


def mention_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """One event record flattened to the columns of the ``mentions`` table."""
    src, tgt = rec.get("source") or {}, rec.get("target") or {}
    loc, pl, ev = rec.get("location") or {}, rec.get("plover") or {}, rec.get("evidence") or {}
    trig = ev.get("trigger") or {}
    extra = {k: v for k, v in rec.items() if k not in _KNOWN}
    ctx = pl.get("context")
    return {
        "mention_id": rec["event_id"],
        "story_id": rec["story_id"],
        "sentence_index": rec.get("sentence_index"),
        "date": _date(rec.get("date")),
        "date_text": rec.get("date_text"),
        "story_date": _date(rec.get("story_date")),
        "source_text": src.get("text"),
        "source_name": src.get("name"),
        "source_code": src.get("code"),
        "source_country": src.get("country"),
        "source_sectors": list(src.get("sectors") or []) if src else None,
        "source_start": src.get("start"),
        "source_end": src.get("end"),
        "target_text": tgt.get("text"),
        "target_name": tgt.get("name"),
        "target_code": tgt.get("code"),
        "target_country": tgt.get("country"),
        "target_sectors": list(tgt.get("sectors") or []) if tgt else None,
        "target_start": tgt.get("start"),
        "target_end": tgt.get("end"),
        "cameo": rec.get("cameo"),
        "cameo_name": rec.get("cameo_name"),
        "root": rec.get("root"),
        "quad_class": rec.get("quad_class"),
        "goldstein": rec.get("goldstein"),
        "plover_event": pl.get("event"),
        "plover_mode": pl.get("mode"),
        "plover_context": json.dumps(ctx, ensure_ascii=False) if isinstance(ctx, list) else ctx,
        "location_name": loc.get("name"),
        "location_country": loc.get("country"),
        "location_admin1": loc.get("admin1"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "location_source": loc.get("source"),
        "location_start": loc.get("start"),
        "location_end": loc.get("end"),
        "evidence_text": ev.get("text"),
        "evidence_start": ev.get("start"),
        "evidence_end": ev.get("end"),
        "trigger_text": trig.get("text"),
        "trigger_start": trig.get("start"),
        "trigger_end": trig.get("end"),
        "modality": rec.get("modality"),
        "confidence": rec.get("confidence"),
        "rule": rec.get("rule"),
        "extra": json.dumps(extra, ensure_ascii=False, default=str) if extra else None,
    }


def mentions_table(records: Iterable[Mapping[str, Any]]) -> pa.Table:
    return _cols([mention_row(r) for r in records], MENTION_COLUMNS)


def actors_table(records: Iterable[Mapping[str, Any]]) -> pa.Table:
    """The coded actors of each story, from the sources and targets of its events (one row per span)."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for rec in records:
        for role in ("source", "target"):
            a = rec.get(role)
            if not a:
                continue
            key = (rec["story_id"], a.get("start"), a.get("end"), a.get("code"), a.get("text"))
            row = seen.get(key)
            if row is None:
                seen[key] = {
                    "story_id": rec["story_id"],
                    "start": a.get("start"),
                    "end": a.get("end"),
                    "text": a.get("text"),
                    "name": a.get("name"),
                    "code": a.get("code"),
                    "country": a.get("country"),
                    "sectors": list(a.get("sectors") or []),
                    "roles": [role],
                }
            elif role not in row["roles"]:
                row["roles"].append(role)
    return _cols(list(seen.values()), ACTOR_COLUMNS)


def origin_key(origin: str | None) -> str | None:
    """The stored form of a story's origin file: an absolute path when it names a local file (so runs
    from different working directories match), else as given (stdin, URLs)."""
    if not origin:
        return origin
    try:
        return os.path.abspath(origin) if os.path.exists(origin) else origin
    except (OSError, ValueError):
        return origin


def story_row(story: Story, *, status: str, n_mentions: int, run_id: str | None, now: _dt.datetime) -> dict[str, Any]:
    return {
        "story_id": story.id,
        "content_hash": story_hash(story),
        "status": status,
        "date": story.date,
        "place": story.place,
        "agency": story.agency,
        "title": story.title,
        "url": story.url,
        "language": story.language,
        "origin_file": origin_key(story.origin_file),
        "origin_line": story.origin_line,
        "dateline": story.dateline,
        "n_chars": len(story.text or ""),
        "n_mentions": n_mentions,
        "run_id": run_id,
        "coded_at": now,
    }


def reject_rows(rejects: Iterable[Reject], run_id: str | None, now: _dt.datetime) -> list[dict[str, Any]]:
    rows = []
    for r in rejects:
        rid = hashlib.sha1(
            f"{r.origin}\x1f{r.story_id or ''}\x1f{r.code}\x1f{r.reason}".encode("utf-8", "surrogatepass")
        ).hexdigest()[:20]
        rows.append(
            {
                "reject_id": "r-" + rid,
                "run_id": run_id,
                "story_id": r.story_id,
                "origin": r.origin,
                "code": r.code,
                "reason": r.reason,
                "rejected_at": now,
            }
        )
    return rows


@dataclass(slots=True)
class BatchCounts:
    stories: int = 0  # story rows written (coded or rejected)
    replaced: int = 0  # stories that replaced an earlier version
    mentions: int = 0
    rejects: int = 0


def _names(cols: tuple[tuple[str, str, pa.DataType], ...]) -> str:
    return ", ".join(f'"{c[0]}"' for c in cols)


def write_batch(
    store: Store,
    stories: Sequence[Story],
    records: Sequence[Mapping[str, Any]],
    rejects: Sequence[Reject] = (),
    *,
    run_id: str | None = None,
    run_counts: dict[str, int] | None = None,
) -> BatchCounts:
    """Write one coded batch in one transaction (see the module docstring for the replace rule).

    ``stories`` are the stories of the batch (coded or rejected); records of a story id not among them get
    a minimal story row (so event records built by hand can be written).  ``rejects`` with a story id mark
    that story ``rejected``; rejects without one (unreadable inputs) are only logged in ``rejects``.
    ``run_counts`` (column → increment) updates the ``runs`` row of ``run_id`` in the same transaction.
    """
    now = _dt.datetime.now(_dt.UTC).replace(tzinfo=None)
    rejected_ids = {r.story_id for r in rejects if r.story_id}
    by_id: dict[str, Story] = {}
    for s in stories:
        by_id[s.id] = s  # the last version of an id in a batch wins
    # keep the first record of an id (a record id is a content hash of the story and the event)
    recs: dict[str, Mapping[str, Any]] = {}
    for r in records:
        recs.setdefault(r["event_id"], r)
    records = list(recs.values())
    per_story: dict[str, int] = {}
    for r in records:
        per_story[r["story_id"]] = per_story.get(r["story_id"], 0) + 1
        if r["story_id"] not in by_id:
            d = _date(r.get("story_date"))
            by_id[r["story_id"]] = Story(id=r["story_id"], text="", date=d)
    story_rows = [
        story_row(
            s,
            status="rejected" if sid in rejected_ids else "coded",
            n_mentions=per_story.get(sid, 0),
            run_id=run_id,
            now=now,
        )
        for sid, s in by_id.items()
    ]
    stories_tbl = _cols(story_rows, STORY_COLUMNS)
    mentions_tbl = mentions_table(records)
    actors_tbl = actors_table(records)
    rejects_tbl = _cols(reject_rows(rejects, run_id, now), REJECT_COLUMNS)
    whole_files = pa.table(
        {"origin_file": [origin_key(s.origin_file) for s in by_id.values() if s.origin_file and s.origin_line is None]},
        schema=pa.schema([("origin_file", pa.string())]),
    )
    counts = BatchCounts(stories=len(story_rows), mentions=mentions_tbl.num_rows, rejects=rejects_tbl.num_rows)
    with (
        store.transaction(),
        store.registered("_ew_stories", stories_tbl),
        store.registered("_ew_mentions", mentions_tbl),
        store.registered("_ew_actors", actors_tbl),
        store.registered("_ew_rejects", rejects_tbl),
        store.registered("_ew_files", whole_files),
    ):
        store.execute(
            "CREATE OR REPLACE TEMP TABLE _ew_old AS "
            "SELECT story_id FROM stories WHERE story_id IN (SELECT story_id FROM _ew_stories) "
            "UNION SELECT story_id FROM stories WHERE origin_line IS NULL "
            "AND origin_file IN (SELECT origin_file FROM _ew_files)"
        )
        counts.replaced = int(store.scalar("SELECT count(*) FROM _ew_old") or 0)
        if counts.replaced:
            delete_stories(store, "SELECT story_id FROM _ew_old")
        store.execute(f"INSERT INTO stories ({_names(STORY_COLUMNS)}) SELECT * FROM _ew_stories")
        if mentions_tbl.num_rows:
            # mention ids hash the story id, and the story's old rows are gone: no duplicate check needed
            store.execute(f"INSERT INTO mentions ({_names(MENTION_COLUMNS)}) SELECT * FROM _ew_mentions")
        if actors_tbl.num_rows:
            store.execute(f"INSERT INTO actors ({_names(ACTOR_COLUMNS)}) SELECT * FROM _ew_actors")
        if rejects_tbl.num_rows:
            store.execute(
                f"INSERT INTO rejects ({_names(REJECT_COLUMNS)}) SELECT * FROM _ew_rejects "
                "WHERE reject_id NOT IN (SELECT reject_id FROM rejects)"
            )
        if run_id and run_counts:
            sets = ", ".join(f"{k} = coalesce({k}, 0) + ?" for k in run_counts)
            store.execute(f"UPDATE runs SET {sets} WHERE run_id = ?", [*run_counts.values(), run_id])
        store.execute("DROP TABLE IF EXISTS _ew_old")
    return counts


def delete_stories(store: Store, ids_sql: str) -> None:
    """Delete the stories selected by ``ids_sql`` (a query of ``story_id``) with their mentions and actors.

    The de-duplicated events their mentions belonged to are deleted too; the other mentions of those
    events lose their link and are re-clustered by the next de-duplication (they are "pending").
    Runs inside the caller's transaction.
    """
    store.execute(
        "CREATE OR REPLACE TEMP TABLE _ew_dead AS SELECT DISTINCT l.event_id FROM event_mentions l "
        f"JOIN mentions m USING (mention_id) WHERE m.story_id IN ({ids_sql})"
    )
    rollup.touch(store, "SELECT event_id FROM _ew_dead")
    store.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM _ew_dead)")
    store.execute("DELETE FROM event_mentions WHERE event_id IN (SELECT event_id FROM _ew_dead)")
    store.execute(f"DELETE FROM mentions WHERE story_id IN ({ids_sql})")
    store.execute(f"DELETE FROM actors WHERE story_id IN ({ids_sql})")
    store.execute(f"DELETE FROM stories WHERE story_id IN ({ids_sql})")
    store.execute("DROP TABLE IF EXISTS _ew_dead")
    rollup.refresh(store, resort=False)  # the de-duplication that follows puts the month rollup back in order


def known_hashes(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """``story_id → content_hash`` of the stories among ``ids`` that are already stored."""
    if not ids:
        return {}
    tbl = pa.table({"story_id": pa.array(list(ids), pa.string())})
    with store.registered("_ew_ids", tbl):
        rows = store.execute("SELECT s.story_id, s.content_hash FROM stories s JOIN _ew_ids i USING (story_id)")
    return {str(a): str(b) for a, b in rows}
