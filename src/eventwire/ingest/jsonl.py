"""JSON Lines (one object per line) and JSON files (an object, an array of objects, or a stream of objects).

A JSONL file whose first record does not fit on one line (a stream of pretty-printed objects, as in the
PLOVER data-exchange dumps) is read as a JSON stream instead. Blank lines are skipped; every other line
that does not give a story gives a ``Reject`` naming ``file:line``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..story import Reject, Story
from .decode import bom_encoding, decode_bytes, decode_line
from .records import record_to_story

_DECODER = json.JSONDecoder()
_WS = re.compile(r"\s*")
_NEXT_OBJECT = re.compile(r"\n(?=[{\[])")


def read_jsonl(lines: Iterable[bytes], origin: str, fallback: str | None = None) -> Iterator[Story | Reject]:
    """Read JSONL from an iterable of byte lines (a binary file object)."""
    it = iter(lines)
    first = True
    for lineno, raw in enumerate(it, 1):
        if first:
            enc = bom_encoding(raw[:4])
            if enc in ("utf-16", "utf-32"):  # a whole-file encoding: decode it all, then read the lines
                data = raw + b"".join(it)
                yield from _read_stream(decode_bytes(data, origin, fallback)[0], origin, lines_only=True)
                return
            if enc == "utf-8-sig":
                raw = raw[3:]
        where = f"{origin}:{lineno}"
        try:
            line, _ = decode_line(raw, where, fallback)
        except InputError as e:
            yield Reject(origin=where, reason=e.message, code=e.code)
            first = False
            continue
        s = line.strip()
        if not s:
            continue
        try:
            value = json.loads(s)
        except json.JSONDecodeError as e:
            if first and s[0] in "{[":
                # not one object per line: read the rest of the file as a stream of JSON values
                rest = b"".join(it)
                try:
                    text = line + decode_bytes(rest, origin, fallback)[0] if rest else line
                except InputError as err:
                    yield Reject(origin=origin, reason=err.message, code=err.code)
                    return
                yield from _read_stream(text, origin, first_line=lineno)
                return
            yield Reject.of("E114", where, detail=f"{e.msg} (column {e.colno})")
            first = False
            continue
        except (ValueError, RecursionError) as e:
            yield Reject.of("E125", where, detail=unreadable(e))
            first = False
            continue
        first = False
        yield from _value_to_items(value, origin, lineno)


def read_json_text(text: str, origin: str) -> Iterator[Story | Reject]:
    """Read a whole JSON document: one object, an array of objects, or a stream of values."""
    return _read_stream(text, origin)


def _read_stream(text: str, origin: str, *, first_line: int = 1, lines_only: bool = False) -> Iterator[Story | Reject]:
    if lines_only:
        for n, text_line in enumerate(text.splitlines(), first_line):
            s = text_line.strip()
            if not s:
                continue
            try:
                value = json.loads(s)
            except json.JSONDecodeError as e:
                yield Reject.of("E114", f"{origin}:{n}", detail=f"{e.msg} (column {e.colno})")
                continue
            except (ValueError, RecursionError) as e:
                yield Reject.of("E125", f"{origin}:{n}", detail=unreadable(e))
                continue
            yield from _value_to_items(value, origin, n)
        return
    pos, line, line_pos = 0, first_line, 0
    n = len(text)
    while True:
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= n:
            return
        line += text.count("\n", line_pos, pos)
        line_pos = pos
        try:
            value, end = _DECODER.raw_decode(text, pos)
        except (ValueError, RecursionError) as e:
            if isinstance(e, json.JSONDecodeError):
                err_line = first_line + e.lineno - 1
                yield Reject.of("E114", f"{origin}:{line}", detail=f"{e.msg} (line {err_line}, column {e.colno})")
            else:
                yield Reject.of("E125", f"{origin}:{line}", detail=unreadable(e))
            # resynchronise at the next value that starts a line
            m = _NEXT_OBJECT.search(text, pos + 1)
            if m is None:
                return
            pos = m.end()
            continue
        yield from _value_to_items(value, origin, line)
        pos = end


def unreadable(e: Exception) -> str:
    """The reason a JSON text that parses in principle cannot be read (E125)."""
    if isinstance(e, RecursionError):
        return "the JSON value is nested too deeply to read"
    return f"a JSON value that cannot be read: {e}"


def _value_to_items(value: Any, origin: str, line: int) -> Iterator[Story | Reject]:
    if isinstance(value, dict):
        yield record_to_story(value, origin_file=origin, origin_line=line)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            if isinstance(v, dict):
                yield record_to_story(v, origin_file=origin, origin_line=line, meta={"record_index": i})
            else:
                yield Reject.of(
                    "E115",
                    f"{origin}:{line}",
                    detail=f"array item {i} is a JSON {_kind(v)}, not an object with a 'text'",
                )
    else:
        yield Reject.of("E115", f"{origin}:{line}", detail=f"a JSON {_kind(value)}, not an object with a 'text'")


def _kind(v: Any) -> str:
    return {str: "string", int: "number", float: "number", bool: "boolean", list: "array", dict: "object"}.get(
        type(v), "null" if v is None else type(v).__name__
    )
