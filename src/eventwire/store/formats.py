"""The per-format writers of an export: GDELT TSV, PLOVER JSON and JSON lines, CSV and Parquet, to a file or
stdout (``_write_*``) or as a stream of byte chunks for HTTP (``_text_chunks``, ``_binary_chunks``).

``eventwire.store.export`` builds the query and picks the writer; ``eventwire.store.records`` turns rows into
the JSON records.
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

from .records import _event_object, mention_record, plover_event, plover_mention


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
