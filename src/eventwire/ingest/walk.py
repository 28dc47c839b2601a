"""Expand the paths given (files, folders, ``-``) and send each file to the reader for its format.

* A folder is read recursively in sorted order; hidden files and folders (``.name``) are skipped. Files are
  chosen by extension (``.txt .text .jsonl .ndjson .json .csv .tsv .html .htm``, each optionally ``.gz``);
  a file without extension is read as plain text; any other file is reported (E104), never skipped silently.
* A file named on the command line is read by its extension, plain text when the extension is unknown.
* ``-`` reads standard input: JSONL when it starts with ``{`` or ``[``, else one plain-text story.

Every problem becomes a ``Reject`` (origin ``file`` or ``file:line``, a reason and an ``E1xx`` code) and
reading goes on with the next line or file.
"""

from __future__ import annotations

import gzip
import io
import itertools
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, error
from ..story import Reject, Story
from .csvfile import read_csv
from .decode import bom_encoding, check_binary, decode_bytes, resolve_fallback
from .html import read_html
from .jsonl import read_json_text, read_jsonl
from .limits import MAX_STORY_CHARS
from .text import read_text_story

KINDS = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
}
STDIN = "<stdin>"
# A plain-text or HTML file larger than this cannot hold a story within the limit (UTF-8 ≤ 4 bytes/char;
# HTML gets room for markup); it is rejected without being read.
_MAX_TEXT_BYTES = 4 * MAX_STORY_CHARS
_MAX_HTML_BYTES = 16 * MAX_STORY_CHARS
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)

Item = Story | Reject


def read_paths(paths: Iterable[str], *, fallback_encoding: str | None = None) -> Iterator[Item]:
    """Stories (and rejects) from files, folders and ``-`` (stdin), in input order.

    ``fallback_encoding`` (or ``$EVENTWIRE_FALLBACK_ENCODING``) decodes input that is not UTF-8 instead of
    rejecting it; see ``eventwire.ingest.decode``.
    """
    fallback = resolve_fallback(fallback_encoding)
    for p in paths:
        if p == "-":
            yield from _guard(STDIN, lambda: _read_stdin(fallback))
            continue
        path = Path(p)
        if path.is_dir():
            yield from _read_folder(path, fallback)
        else:
            kind, gz = kind_of(path)
            yield from _guard(
                str(path),
                lambda path=path, kind=kind, gz=gz: (  # type: ignore[misc]
                    _read_file(path, kind or "text", gz, fallback)
                ),
            )


def kind_of(path: Path) -> tuple[str | None, bool]:
    """(format, gzipped) from the file name: ``a.jsonl.gz`` → ``("jsonl", True)``; unknown → ``None``."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return KINDS.get(os.path.splitext(name)[1]), gz


def _read_folder(folder: Path, fallback: str | None) -> Iterator[Item]:
    found = False
    errors: list[OSError] = []
    for f in _walk(folder, errors):
        yield from _walk_errors(errors)
        found = True
        kind, gz = kind_of(f)
        if kind is None and f.suffix:
            yield Reject.of(
                "E104",
                str(f),
                suffix=f.suffix,
                kinds=f"{' '.join(sorted(KINDS))} (optionally .gz) and files without extension",
            )
            continue
        yield from _guard(
            str(f),
            lambda f=f, kind=kind, gz=gz: (  # type: ignore[misc]
                _read_file(f, kind or "text", gz, fallback)
            ),
        )
    if errors:
        yield from _walk_errors(errors)
    elif not found:
        yield Reject.of("E105", str(folder))


def _walk_errors(errors: list[OSError]) -> Iterator[Reject]:
    for e in errors:
        yield Reject.of("E101", str(e.filename), detail=f"cannot read folder: {e.strerror or e}")
    errors.clear()


def _walk(folder: Path, errors: list[OSError]) -> Iterator[Path]:
    """Files under ``folder`` in sorted order, hidden ones skipped; linked folders are followed once."""
    seen = {os.path.realpath(folder)}
    for root, dirs, files in os.walk(folder, onerror=errors.append, followlinks=True):
        keep = []
        for d in sorted(dirs):
            real = os.path.realpath(os.path.join(root, d))
            if not d.startswith(".") and real not in seen:
                seen.add(real)
                keep.append(d)
        dirs[:] = keep
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)


def _guard(origin: str, read: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run a reader; turn what it raises into one ``Reject`` for the file (what it yielded stays)."""
    try:
        yield from read()
    except InputError as e:
        yield Reject(origin=e.where or origin, reason=e.message, code=e.code)
    except _GZIP_ERRORS as e:
        yield Reject.of("E106", origin, reason=e)
    except OSError as e:
        yield Reject.of("E101", origin, detail=f"cannot read: {e.strerror or e}")


def _open(path: Path, gz: bool) -> BinaryIO:
    if gz:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _read_file(path: Path, kind: str, gz: bool, fallback: str | None) -> Iterator[Item]:
    origin = str(path)
    if not path.exists():
        raise error("E101", where=origin, detail="no such file or directory")
    with _open(path, gz) as f:
        yield from _read_stream(f, origin, kind, fallback)


def _read_stream(f: BinaryIO, origin: str, kind: str, fallback: str | None) -> Iterator[Item]:
    if kind in ("jsonl", "csv", "tsv"):
        head = f.peek(8192)[:8192] if hasattr(f, "peek") else b""
        if bom_encoding(head) not in ("utf-16", "utf-32"):
            check_binary(head, origin)
        if kind == "jsonl":
            yield from read_jsonl(f, origin, fallback)
        else:
            yield from read_csv(f, origin, fallback, delimiter="\t" if kind == "tsv" else ",")
        return
    if kind == "json":  # a JSON document may hold many stories: no size limit
        data = f.read()
    else:
        limit = _MAX_HTML_BYTES if kind == "html" else _MAX_TEXT_BYTES
        data = f.read(limit + 1)
        if len(data) > limit:
            raise error(
                "E111",
                where=origin,
                detail=f"story is too long: the file is larger than {limit:,} bytes and "
                f"a story is limited to {MAX_STORY_CHARS:,} characters",
            )
    if not data.strip():
        raise error("E110", where=origin, detail="empty file" if not data else "empty file (only blanks)")
    if kind == "html":
        yield read_html(data, origin)
        return
    text, enc = decode_bytes(data, origin, fallback)
    if kind == "json":
        yield from read_json_text(text, origin)
        return
    story = read_text_story(text, origin=origin)
    if enc not in ("utf-8", "utf-8-sig"):
        story.meta["encoding"] = enc
    yield story


def _read_stdin(fallback: str | None) -> Iterator[Item]:
    stream: Iterable[bytes] = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode())
    it = iter(stream)
    head: list[bytes] = []
    for raw in it:  # look at the first non-blank line to tell JSONL from a plain-text story
        head.append(raw)
        if raw.strip():
            break
    lines = itertools.chain(head, it)
    first = b"".join(head).lstrip()[:1]
    if first in (b"{", b"["):
        check_binary(b"".join(head), STDIN)
        yield from read_jsonl(lines, STDIN, fallback)
    else:
        yield from _read_stream(io.BytesIO(b"".join(lines)), STDIN, "text", fallback)
