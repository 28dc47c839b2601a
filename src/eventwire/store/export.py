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

from collections.abc import Iterator
from pathlib import Path

from ..errors import error
from .db import Store
from .formats import (
    _binary_chunks,
    _json_lines,
    _text_chunks,
    _tsv_lines,
    _write_csv,
    _write_lines,
    _write_parquet,
    _write_tsv,
)
from .query import Filters, where
from .records import mention_record, plover_event, plover_mention

__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "MEDIA_TYPES",
    "SUFFIXES",
    "export",
    "mention_record",
    "plover_event",
    "plover_mention",
    "stream",
]

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


MEDIA_TYPES = {
    "parquet": "application/vnd.apache.parquet",
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "gdelt": "text/tab-separated-values; charset=utf-8",
    "plover": "application/x-ndjson; charset=utf-8",
}
SUFFIXES = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl", "gdelt": ".tsv", "plover": ".plover.jsonl"}


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
