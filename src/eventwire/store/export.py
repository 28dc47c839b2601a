"""Exports of a store: Parquet, CSV, JSONL, a GDELT-style event TSV and PLOVER JSON.

* ``parquet`` / ``csv`` — the columns of the ``events`` (or ``mentions``) table as stored.
* ``jsonl`` — mentions: the event records exactly as ``eventwire code`` writes them; events: one object
  per event with the ids of its mentions (``mention_ids``).
* ``gdelt`` — tab-separated, with a header of GDELT 2.0 event-table column names, only the columns
  eventwire has (``GLOBALEVENTID`` is eventwire's string id; ``Actor1CountryCode`` and
  ``ActionGeo_CountryCode`` are ISO 3166 alpha-3, where GDELT's geography uses FIPS codes).
* ``plover`` — PLOVER data-exchange JSON, one object per line (``id``, ``date``, ``actor``,
  ``recipient``, ``event``, ``mode``, ``context``, ``event_loc``, ``event_text``, ``quad_code``,
  ``event_scale``, ``text_info``, ``cite_info``, ``coder``, ``coded_date``, ``link``).  Mentions whose
  CAMEO code has no PLOVER category (roots 01 and 02) are left out: PLOVER requires ``event``.
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .._version import __version__
from ..errors import error
from .db import Store
from .query import Filters, where

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")

GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
)


def _base(level: str, fmt: str) -> str:
    """A relation with unique column names that the filters (bare column names) apply to."""
    if level not in ("events", "mentions"):
        raise error("E521", detail=f"level must be events or mentions, not {level!r}")
    if level == "mentions":
        if fmt in ("csv", "parquet"):
            return "mentions"
        return (
            "(SELECT m.*, s.url, s.title, s.agency, s.coded_at, s.language, "
            "l.event_id AS dedup_event_id FROM mentions m LEFT JOIN stories s USING (story_id) "
            "LEFT JOIN event_mentions l USING (mention_id))"
        )
    if fmt in ("jsonl", "plover"):
        return (
            "(SELECT e.*, (SELECT list(mention_id ORDER BY mention_id) FROM event_mentions l "
            "WHERE l.event_id = e.event_id) AS mention_ids, "
            "(SELECT list(m.evidence_text ORDER BY m.date, m.mention_id) "
            "FROM event_mentions l JOIN mentions m USING (mention_id) "
            "WHERE l.event_id = e.event_id) AS evidence_texts FROM events e)"
        )
    return "events"


def _gdelt_select(level: str) -> str:
    def actor(n: int, role: str) -> str:
        return (
            f"{role}_code AS Actor{n}Code, upper(coalesce({role}_name, {role}_text)) AS Actor{n}Name, "
            f"{role}_country AS Actor{n}CountryCode, {role}_sectors[1] AS Actor{n}Type1Code, "
            f"{role}_sectors[2] AS Actor{n}Type2Code, {role}_sectors[3] AS Actor{n}Type3Code"
        )

    if level == "mentions":
        ident, is_root, counts = "mention_id", "CASE WHEN sentence_index = 0 THEN 1 ELSE 0 END", "1, 1, 1"
        added, url, texts = "strftime(coded_at, '%Y%m%d%H%M%S')", "url", ""
    else:
        ident, is_root, counts = "event_id", "NULL", "mentions, sources, stories"
        added, url, texts = "NULL", "NULL", "NULL AS source_text, NULL AS target_text, "
    n_m, n_s, n_a = (c.strip() for c in counts.split(","))
    return (
        f"SELECT {ident} AS GLOBALEVENTID, strftime(date, '%Y%m%d') AS SQLDATE, "
        "strftime(date, '%Y%m') AS MonthYear, year(date) AS Year, "
        "round(year(date) + (dayofyear(date) - 1) / 365.0, 4) AS FractionDate, "
        f"{actor(1, 'source')}, {actor(2, 'target')}, {is_root} AS IsRootEvent, "
        "cameo AS EventCode, substr(cameo, 1, 3) AS EventBaseCode, root AS EventRootCode, "
        f"quad_class AS QuadClass, goldstein AS GoldsteinScale, {n_m} AS NumMentions, {n_s} AS NumSources, "
        f"{n_a} AS NumArticles, CASE WHEN lat IS NULL AND location_country IS NULL THEN NULL "
        "WHEN location_name IS NULL OR location_name = location_country THEN 1 ELSE 4 END AS ActionGeo_Type, "
        "location_name AS ActionGeo_FullName, location_country AS ActionGeo_CountryCode, "
        f"lat AS ActionGeo_Lat, lon AS ActionGeo_Long, {added} AS DATEADDED, {url} AS SOURCEURL "
        f"FROM (SELECT *, {texts}1 AS _one FROM {{base}}) WHERE {{where}} ORDER BY date NULLS LAST, {ident}"
    )


def _select(level: str, fmt: str) -> str:
    base = _base(level, fmt)
    if fmt == "gdelt":
        return _gdelt_select(level).replace("{base}", base)
    ident = "mention_id" if level == "mentions" else "event_id"
    return f"SELECT * FROM {base} WHERE {{where}} ORDER BY date NULLS LAST, {ident}"


def export(
    store: Store, fmt: str, out: str | Path | None = None, *, level: str = "events", filters: Filters | None = None
) -> int:
    """Write the (filtered) events or mentions of ``store`` to ``out`` (``None`` or ``-``: stdout).

    Returns the number of rows written.  Parquet needs a file path.
    """
    if fmt not in FORMATS:
        raise error("E522", detail=f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    w, args = where(filters or Filters(), level)
    sql = _select(level, fmt).replace("{where}", w)
    reader = store.batches(sql, args)
    to_stdout = out is None or str(out) == "-"
    if fmt == "parquet":
        if to_stdout:
            raise error("E522", detail="parquet export needs a file (-o PATH)")
        return _write_parquet(reader, str(out))
    if fmt == "csv":
        return _write_csv(reader, out)
    if fmt == "gdelt":
        return _write_tsv(reader, out)
    return _write_lines(_json_lines(reader, fmt, level), out)


def _json_lines(reader: pa.RecordBatchReader, fmt: str, level: str) -> Iterator[str]:
    """The JSON lines of a ``jsonl`` or ``plover`` export."""
    conv: Callable[[dict[str, Any]], dict[str, Any] | None]
    if fmt == "jsonl":
        conv = mention_record if level == "mentions" else _event_object
    else:
        conv = plover_mention if level == "mentions" else plover_event
    for r in _rows(reader):
        obj = conv(r)
        if obj is not None:
            yield json.dumps(obj, ensure_ascii=False, default=_default) + "\n"


MEDIA_TYPES = {
    "parquet": "application/vnd.apache.parquet",
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "gdelt": "text/tab-separated-values; charset=utf-8",
    "plover": "application/x-ndjson; charset=utf-8",
}
SUFFIXES = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl", "gdelt": ".tsv", "plover": ".plover.jsonl"}


class _Sink:
    """A write-only file object that keeps what is written until it is taken (streamed exports)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.closed = False

    def write(self, b: bytes) -> int:
        self.parts.append(bytes(b))
        return len(b)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        return out


def stream(
    store: Store, fmt: str, *, level: str = "events", filters: Filters | None = None, chunk_bytes: int = 1 << 16
) -> Iterator[bytes]:
    """The export of ``export`` (same rows, columns and formats) as a stream of byte chunks, for HTTP.

    The format, level and filters are checked and the query started before this returns, so errors are
    raised here and not halfway through the stream.  ``MEDIA_TYPES`` and ``SUFFIXES`` name the result.
    """
    if fmt not in FORMATS:
        raise error("E522", detail=f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    w, args = where(filters or Filters(), level)
    reader = store.batches(_select(level, fmt).replace("{where}", w), args, size=10_000)
    if fmt in ("parquet", "csv"):
        return _binary_chunks(reader, fmt)
    lines = _tsv_lines(reader) if fmt == "gdelt" else _json_lines(reader, fmt, level)
    return _text_chunks(lines, chunk_bytes)


def _text_chunks(lines: Iterable[str], chunk_bytes: int) -> Iterator[bytes]:
    buf: list[str] = []
    size = 0
    for line in lines:
        buf.append(line)
        size += len(line)
        if size >= chunk_bytes:
            yield "".join(buf).encode("utf-8")
            buf, size = [], 0
    if buf:
        yield "".join(buf).encode("utf-8")


def _binary_chunks(reader: pa.RecordBatchReader, fmt: str) -> Iterator[bytes]:
    sink = _Sink()
    writer: Any
    if fmt == "parquet":
        writer = pq.ParquetWriter(sink, reader.schema)
        convert = None
    else:
        writer, convert = _csv_writer(sink, reader.schema)
    try:
        for batch in reader:
            writer.write_batch(convert(batch) if convert else batch)
            if chunk := sink.take():
                yield chunk
    finally:
        writer.close()
    if chunk := sink.take():
        yield chunk


def _default(v: Any) -> Any:
    if isinstance(v, _dt.date | _dt.datetime):
        return v.isoformat()
    return str(v)


def _rows(reader: pa.RecordBatchReader) -> Iterator[dict[str, Any]]:
    for batch in reader:
        yield from batch.to_pylist()


def _write_parquet(reader: pa.RecordBatchReader, path: str) -> int:
    n = 0
    try:
        with pq.ParquetWriter(path, reader.schema) as w:
            for batch in reader:
                w.write_batch(batch)
                n += batch.num_rows
    except BrokenPipeError:
        raise  # the reader went away (`... | head`): the CLI exits quietly
    except OSError as e:
        from .db import translate

        raise translate(e, path) from e
    return n


def _tsv_cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _write_tsv(reader: pa.RecordBatchReader, out: str | Path | None) -> int:
    """GDELT-style: a header line, then tab-separated values without quoting (tabs and newlines in text
    become spaces). Returns the number of data rows."""
    return _write_lines(_tsv_lines(reader), out) - 1


def _tsv_lines(reader: pa.RecordBatchReader) -> Iterator[str]:
    yield "\t".join(reader.schema.names) + "\n"
    for batch in reader:
        cols = [c.to_pylist() for c in batch.columns]
        for row in zip(*cols, strict=True):
            yield "\t".join(_tsv_cell(v) for v in row) + "\n"


def _write_lines(lines: Iterable[str], out: str | Path | None) -> int:
    """Write ``lines`` to ``out`` (``None`` or ``-``: stdout); the number of lines written. OS errors (a full
    disk ...) become ``StoreError``; a closed pipe (``... | head``) is left to the CLI."""
    to_stdout = out is None or str(out) == "-"
    handle: IO[str] = sys.stdout if to_stdout else open(str(out), "w", encoding="utf-8")
    n = 0
    try:
        for line in lines:
            handle.write(line)
            n += 1
    except BrokenPipeError:
        raise  # the reader went away (`... | head`): the CLI exits quietly
    except OSError as e:
        from .db import translate

        raise translate(e, str(out)) from e
    finally:
        if handle is not sys.stdout:
            handle.close()
        else:
            handle.flush()
    return n


def _csv_writer(
    sink: Any, schema: pa.Schema, delimiter: str = ","
) -> tuple[pacsv.CSVWriter, Callable[[pa.RecordBatch], pa.RecordBatch]]:
    """A CSV writer for ``schema`` and the conversion of its batches: list columns (sectors, source names)
    are written as JSON arrays."""
    lists = [i for i, f in enumerate(schema) if pa.types.is_list(f.type)]
    fields = [pa.field(f.name, pa.string()) if i in lists else f for i, f in enumerate(schema)]
    out_schema = pa.schema(fields)

    def convert(batch: pa.RecordBatch) -> pa.RecordBatch:
        if not lists:
            return batch
        cols = [
            pa.array(
                [None if v is None else json.dumps(v, ensure_ascii=False) for v in batch.column(i).to_pylist()],
                pa.string(),
            )
            if i in lists
            else batch.column(i)
            for i in range(batch.num_columns)
        ]
        return pa.RecordBatch.from_arrays(cols, schema=out_schema)

    opts = pacsv.WriteOptions(delimiter=delimiter, quoting_style="needed")
    return pacsv.CSVWriter(sink, out_schema, write_options=opts), convert


def _write_csv(reader: pa.RecordBatchReader, out: str | Path | None, *, delimiter: str = ",") -> int:
    sink: Any = sys.stdout.buffer if out is None or str(out) == "-" else str(out)
    n = 0
    try:
        w, convert = _csv_writer(sink, reader.schema, delimiter)
        with w:
            for batch in reader:
                w.write_batch(convert(batch))
                n += batch.num_rows
    except BrokenPipeError:
        raise  # the reader went away (`... | head`): the CLI exits quietly
    except OSError as e:
        from .db import translate

        raise translate(e, str(out)) from e
    if sink is sys.stdout.buffer:
        sys.stdout.buffer.flush()
    return n


# -- records --------------------------------------------------------------------------------------------
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
