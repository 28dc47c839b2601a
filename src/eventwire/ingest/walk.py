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
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, error
from ..story import Reject, Story
from .csvfile import read_csv
from .decode import bom_encoding, check_binary, decode_bytes, resolve_fallback
from .html import read_html
from .jsonl import read_json_text, read_jsonl
from .limits import GZIP_FLOOR_BYTES, MAX_GZIP_RATIO, max_story_bytes
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
# A plain-text or HTML file larger than this many times the story size limit (plus room for a header) cannot
# hold a story within the limit (UTF-32 takes 4 bytes a character; HTML gets room for markup); it is rejected
# without being read whole.
_TEXT_FACTOR = 4
_HTML_FACTOR = 16
_HEAD_ROOM = 64 * 1024
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
        if _is_dir(path):
            yield from _read_folder(path, fallback)
        else:
            kind, gz = kind_of(path)
            yield from _guard(
                _name(path),
                lambda path=path, kind=kind, gz=gz: (  # type: ignore[misc]
                    _read_file(path, kind or "text", gz, fallback)
                ),
            )


def _name(path: object) -> str:
    """A path as a printable string: bytes of a file name that are not UTF-8 are shown as ``\\xE9`` escapes (so
    every origin can be written to ``--rejects``, the store and the terminal)."""
    name = os.fsdecode(path) if isinstance(path, bytes | os.PathLike) else str(path)
    if name.isascii():
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no file name decoding gave
        raw = name.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


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
                _name(f),
                suffix=_name(f.suffix),
                kinds=f"{' '.join(sorted(KINDS))} (optionally .gz) and files without extension",
            )
            continue
        yield from _guard(
            _name(f),
            lambda f=f, kind=kind, gz=gz: (  # type: ignore[misc]
                _read_file(f, kind or "text", gz, fallback)
            ),
        )
    if errors:
        yield from _walk_errors(errors)
    elif not found:
        yield Reject.of("E105", _name(folder))


def _walk_errors(errors: list[OSError]) -> Iterator[Reject]:
    for e in errors:
        yield Reject.of("E101", _name(e.filename), detail=f"cannot read folder: {e.strerror or e}")
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


def _is_dir(path: Path) -> bool:
    """``path`` is a folder; a name the OS refuses (too long) is no folder: reading it as a file rejects it (E101)."""
    try:
        return path.is_dir()
    except OSError:
        return False


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


class _GzipGuard(io.RawIOBase):
    """A ``.gz`` file decompressed on the fly that refuses to expand more than ``MAX_GZIP_RATIO`` times its
    size past ``GZIP_FLOOR_BYTES`` (E122): a decompression bomb is stopped before it fills memory."""

    def __init__(self, raw: BinaryIO, packed: int, origin: str) -> None:
        super().__init__()
        self.origin, self.packed, self.raw = origin, packed, raw
        self.cap = max(GZIP_FLOOR_BYTES, MAX_GZIP_RATIO * packed)
        self.f = gzip.GzipFile(fileobj=raw, mode="rb")
        self.n = 0

    def _count(self, data: bytes) -> bytes:
        self.n += len(data)
        if self.n > self.cap:
            raise error("E122", where=self.origin, ratio=MAX_GZIP_RATIO, size=self.cap, packed=self.packed)
        return data

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        room = self.cap + 1 - self.n
        return self._count(self.f.read(room if size is None or size < 0 else min(size, room)))

    def readline(self, size: int | None = -1) -> bytes:
        room = self.cap + 1 - self.n
        return self._count(self.f.readline(room if size is None or size < 0 else min(size, room)))

    def peek(self, size: int = 0) -> bytes:
        return self.f.peek(size)

    def __next__(self) -> bytes:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def close(self) -> None:
        self.f.close()
        self.raw.close()
        super().close()


def gunzip(raw: BinaryIO, packed: int, origin: str) -> BinaryIO:
    """The decompressed stream of gzip bytes ``raw`` (``packed`` bytes long), capped against bombs (E122)."""
    return _GzipGuard(raw, packed, origin)  # type: ignore[return-value]


def _open(path: Path, gz: bool) -> BinaryIO:
    if gz:
        return gunzip(open(path, "rb"), path.stat().st_size, _name(path))
    return open(path, "rb")


def _read_file(path: Path, kind: str, gz: bool, fallback: str | None) -> Iterator[Item]:
    origin = _name(path)
    if not path.exists():
        if path.is_symlink():
            raise error("E101", where=origin, detail="a symbolic link to nothing (dangling, or a loop of links)")
        raise error("E101", where=origin, detail="no such file or directory")
    with _open(path, gz) as f:
        yield from read_stream(f, origin, kind, fallback)


def read_stream(f: BinaryIO, origin: str, kind: str, fallback: str | None) -> Iterator[Item]:
    if kind in ("jsonl", "csv", "tsv"):
        head = f.peek(8192)[:8192] if hasattr(f, "peek") else b""
        if bom_encoding(head) not in ("utf-16", "utf-32"):
            check_binary(head, origin)
        if kind == "jsonl":
            found = yield from _counted(read_jsonl(f, origin, fallback))
        else:
            found = yield from _counted(read_csv(f, origin, fallback, delimiter="\t" if kind == "tsv" else ","))
        if not found:  # a file that holds no record is reported, never passed over in silence
            raise error("E110", where=origin, detail="empty file: no records (only blank lines or a header)")
        return
    if kind == "json":  # a JSON document may hold many stories: no size limit
        data = f.read()
    else:
        story_limit = max_story_bytes()
        limit = (_HTML_FACTOR if kind == "html" else _TEXT_FACTOR) * story_limit + _HEAD_ROOM
        data = f.read(limit + 1)
        if len(data) > limit:
            raise error(
                "E111",
                where=origin,
                detail=f"story is too long: the file is larger than {limit:,} bytes and a story is limited to "
                f"{story_limit:,} bytes of text (--max-story-bytes)",
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


def _counted(items: Iterator[Item]) -> Generator[Item, None, int]:
    """Yield ``items``; return how many there were."""
    n = 0
    for item in items:
        n += 1
        yield item
    return n


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
        yield from read_stream(io.BytesIO(b"".join(lines)), STDIN, "text", fallback)
