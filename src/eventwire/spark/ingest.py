"""Ingest on Spark: input files and DataFrame rows → rows of ``STAGED`` (one story, or one input reject).

Every story is built by eventwire's own readers, exactly as ``eventwire code`` and ``eventwire run`` build
it: files (JSONL, CSV, plain text, HTML, JSON, ``.gz``) are read whole by Spark (``binaryFile``) and parsed
by the reader of their format (``eventwire.ingest``: line numbers, encodings, datelines, rejects); rows of
a DataFrame are records (``id``, ``text``, ``date``, ``title``, ``source`` ...) given to
``ingest.records.record_to_story``, as a JSONL line or a CSV row is.  A ``Story`` crosses to the coding
stage as a row of ``STAGED`` and comes back unchanged (``row_to_story``).
"""

from __future__ import annotations

import datetime as _dt
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

import pyarrow as pa

from ..errors import InputError, error
from ..ingest.decode import resolve_fallback
from ..ingest.records import record_to_story
from ..ingest.walk import KINDS, gunzip, kind_of, read_stream
from ..store.write import reject_rows, story_hash
from ..story import Reject, Story

# one row per story (``reject_code`` null) or per input that gave no story (``reject_code`` set)
STAGED = pa.schema(
    [
        ("story_id", pa.string()),
        ("text", pa.string()),
        ("date", pa.date32()),
        ("place", pa.string()),
        ("agency", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("language", pa.string()),
        ("origin_file", pa.string()),
        ("origin_line", pa.int32()),
        ("dateline", pa.string()),
        ("meta", pa.string()),  # Story.meta as JSON
        ("content_hash", pa.string()),
        ("reject_id", pa.string()),
        ("reject_origin", pa.string()),
        ("reject_code", pa.string()),
        ("reject_reason", pa.string()),
    ]
)
# the record fields a DataFrame column can give (``record_to_story`` reads these names)
RECORD_FIELDS = ("id", "text", "date", "title", "source", "agency", "url", "language", "place")


def story_row(story: Story) -> dict[str, Any]:
    return {
        "story_id": story.id,
        "text": story.text,
        "date": story.date,
        "place": story.place,
        "agency": story.agency,
        "title": story.title,
        "url": story.url,
        "language": story.language,
        "origin_file": story.origin_file,
        "origin_line": story.origin_line,
        "dateline": story.dateline,
        "meta": json.dumps(story.meta, ensure_ascii=False, default=str) if story.meta else None,
        "content_hash": story_hash(story),
    }


def reject_row(rej: Reject) -> dict[str, Any]:
    (row,) = reject_rows([rej], None, _dt.datetime(1970, 1, 1))
    return {
        "story_id": rej.story_id,
        "reject_id": row["reject_id"],
        "reject_origin": rej.origin,
        "reject_code": rej.code,
        "reject_reason": rej.reason,
    }


def row_to_story(row: Mapping[str, Any]) -> Story:
    """The ``Story`` a ``STAGED`` row holds."""
    return Story(
        id=row["story_id"],
        text=row["text"],
        date=row["date"],
        place=row["place"],
        agency=row["agency"],
        title=row["title"],
        url=row["url"],
        language=row["language"],
        origin_file=row["origin_file"],
        origin_line=row["origin_line"],
        dateline=row["dateline"],
        meta=json.loads(row["meta"]) if row["meta"] else {},
    )


def staged_batch(items: Iterable[Story | Reject]) -> pa.RecordBatch:
    rows = [story_row(it) if isinstance(it, Story) else reject_row(it) for it in items]
    return pa.RecordBatch.from_pylist(rows, schema=STAGED)


# -- files ------------------------------------------------------------------------------------------------
def local_path(uri: str) -> str:
    """A ``file:`` URI as a local path (other URIs unchanged): the origin that rejects name."""
    u = urlparse(uri)
    return unquote(u.path) if u.scheme == "file" else uri


def read_file_bytes(
    uri: str, data: bytes, *, named: bool = False, fallback: str | None = None
) -> Iterator[Story | Reject]:
    """The stories of one file's bytes, read by the reader of its format (as ``read_paths`` reads a file).

    A file met in a folder whose type eventwire does not read is rejected (E104); a file named on the
    command line (``named``) is read as plain text whatever its extension."""
    origin = local_path(uri)
    path = PurePosixPath(origin)
    kind, gz = kind_of(Path(path.name))
    if kind is None and path.suffix and not named:
        yield Reject.of(
            "E104", origin, suffix=path.suffix, kinds=f"{' '.join(sorted(KINDS))} (optionally .gz) and .parquet"
        )
        return

    try:
        f: Any = gunzip(io.BytesIO(data), len(data), origin) if gz else io.BufferedReader(io.BytesIO(data))
        yield from read_stream(f, origin, kind or "text", fallback)
    except InputError as e:  # what the reader raises is one reject for the file (what it yielded stays)
        yield Reject(origin=e.where or origin, reason=e.message, code=e.code)
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        yield Reject.of("E106", origin, reason=e)


def files_to_staged(named: frozenset[str], fallback: str | None) -> Any:
    """The ``mapInArrow`` function of ``binaryFile`` rows (``path``, ``content``) → ``STAGED`` rows."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            paths = batch.column("path").to_pylist()
            for i, uri in enumerate(paths):
                data = batch.column("content")[i].as_py() or b""
                items = read_file_bytes(uri, data, named=local_path(uri) in named, fallback=fallback)
                chunk: list[Story | Reject] = []
                for it in items:
                    chunk.append(it)
                    if len(chunk) >= 256:
                        yield staged_batch(chunk)
                        chunk = []
                if chunk:
                    yield staged_batch(chunk)

    return run


# -- DataFrame rows -----------------------------------------------------------------------------------------
def records_to_staged(columns: Mapping[str, str], origin: str | None) -> Any:
    """The ``mapInArrow`` function of DataFrame rows → ``STAGED`` rows; ``columns`` maps record field names
    (``RECORD_FIELDS``) to column names, ``origin`` names the column that says where a row comes from."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            items: list[Story | Reject] = []
            for row in batch.to_pylist():
                rec = {f: row.get(c) for f, c in columns.items() if row.get(c) is not None}
                where = str(row.get(origin)) if origin and row.get(origin) is not None else "<dataframe>"
                items.append(record_to_story(rec, origin_file=where, origin_line=None))
            yield staged_batch(items)

    return run


def read_inputs(spark: Any, paths: list[str], *, fallback_encoding: str | None = None) -> Any:
    """A ``STAGED`` DataFrame of every story of ``paths``: files and folders of any format eventwire reads,
    and Parquet datasets (a path ending in ``.parquet``) of records with a ``text`` column."""
    from pyspark.sql import functions as F

    from .types import spark_schema

    fallback = resolve_fallback(fallback_encoding)
    files: list[str] = []
    named: set[str] = set()
    pre: list[Story | Reject] = []
    frames = []
    for p in paths:
        local = urlparse(p).scheme in ("", "file")
        lp = local_path(p) if local else p
        if local and not Path(lp).exists():
            pre.append(Reject.of("E101", lp, detail="no such file or directory"))
        elif lp.rstrip("/").endswith(".parquet"):
            frames.append(_parquet_records(spark, p))
        else:
            files.append(p)
            if local and Path(lp).is_file():
                named.add(os.path.abspath(lp))
            elif local and not any(f.is_file() for f in Path(lp).rglob("*") if not f.name.startswith(".")):
                pre.append(Reject.of("E105", lp))
    schema = spark_schema(STAGED)
    if files:
        raw = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(files)
        frames.append(raw.select("path", "content").mapInArrow(files_to_staged(frozenset(named), fallback), schema))
    if pre:
        frames.append(spark.createDataFrame(staged_batch(pre).to_pylist(), schema))
    if not frames:
        raise error("E545", detail="no input paths")
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f)
    return out.withColumn("origin_line", F.col("origin_line").cast("int"))


def _parquet_records(spark: Any, path: str) -> Any:
    from pyspark.sql import functions as F

    from .types import spark_schema

    df = spark.read.parquet(path)
    cols = {c.lower(): c for c in df.columns}
    if "text" not in cols:
        raise error("E545", detail=f"{path}: a Parquet input needs a 'text' column (columns: {', '.join(df.columns)})")
    columns = {f: cols[f] for f in RECORD_FIELDS if f in cols}
    return df.withColumn("_ew_origin", F.lit(local_path(path))).mapInArrow(
        records_to_staged(columns, "_ew_origin"), spark_schema(STAGED)
    )
