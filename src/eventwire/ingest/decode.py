"""Bytes → text: BOMs, binary detection and the encoding policy of ingest.

Policy: input is UTF-8 (a UTF-8 BOM is dropped; a UTF-16/UTF-32 BOM is honoured). Content with NUL bytes
is binary and rejected (E102). Bytes that are not valid UTF-8 are rejected (E103) with the byte, line and
column, unless a fallback encoding is configured (``read_paths(..., fallback_encoding="cp1252")``,
``eventwire stories --fallback-encoding``, or the environment variable ``EVENTWIRE_FALLBACK_ENCODING``);
then such input is decoded with it and the story records ``meta["encoding"]``. eventwire never guesses an
encoding silently: a mis-decoded story would be coded with wrong names.
"""

from __future__ import annotations

import codecs
import os

from ..errors import error

ENV_FALLBACK = "EVENTWIRE_FALLBACK_ENCODING"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def resolve_fallback(fallback: str | None) -> str | None:
    """The fallback encoding to use (argument, else environment), validated; ``None`` for strict UTF-8."""
    name = fallback or os.environ.get(ENV_FALLBACK) or None
    if name is None:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError as e:
        raise error("E103", where=ENV_FALLBACK, detail=f"unknown fallback encoding {name!r}") from e


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``head`` announces, else ``None``."""
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    return None


def check_binary(data: bytes, where: str | None) -> None:
    """Reject content with NUL bytes (E102)."""
    i = data.find(b"\x00")
    if i >= 0:
        raise error("E102", where=where, offset=i)


def decode_bytes(data: bytes, where: str | None, fallback: str | None = None) -> tuple[str, str]:
    """Decode a whole file's bytes; returns ``(text, encoding)``. Raises ``InputError`` E102/E103."""
    enc = bom_encoding(data[:4])
    if enc in ("utf-16", "utf-32"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError as e:
            raise error(
                "E103", where=where, detail=f"invalid {enc.upper()} despite its byte-order mark: {e.reason}"
            ) from e
    check_binary(data, where)
    return _utf8_or_fallback(data, "utf-8-sig", where, fallback, line=False)


def decode_line(raw: bytes, where: str | None, fallback: str | None = None) -> tuple[str, str]:
    """Decode one line of a line-oriented file (JSONL, CSV); same policy as ``decode_bytes``."""
    return _utf8_or_fallback(raw, "utf-8", where, fallback, line=True)


def _utf8_or_fallback(
    data: bytes, codec: str, where: str | None, fallback: str | None, *, line: bool
) -> tuple[str, str]:
    """UTF-8 (``codec``), else the opt-in ``fallback`` encoding, else ``InputError`` naming the bad byte."""
    try:
        return data.decode(codec), "utf-8"
    except UnicodeDecodeError as e:
        if fallback:
            try:
                return data.decode(fallback), fallback
            except UnicodeDecodeError:
                pass
        raise error("E103", where=where, detail=_bad_utf8(data, e, fallback, line=line)) from e


def _bad_utf8(data: bytes, e: UnicodeDecodeError, fallback: str | None, *, line: bool = False) -> str:
    bad = data[e.start : e.start + 1].hex().upper()
    if line:
        at = f"column {e.start + 1}"
    else:
        ln = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        at = f"line {ln}, column {col}"
    tail = (
        f"nor valid {fallback}"
        if fallback
        else f"save it as UTF-8, or set {ENV_FALLBACK}=cp1252 to read such files as Windows-1252"
    )
    return f"wrong encoding: not valid UTF-8 (byte 0x{bad} at {at}); {tail}"
