"""CSV (and TSV) files with a header row naming the record fields (``id``, ``text``, ``date`` ...).

Lines are decoded one at a time, so a row with bytes that are not UTF-8 is rejected alone (``file:line``)
and the rest of the file is still read. A quoted field may span lines; the row's line is where it starts.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..story import Reject, Story
from .decode import bom_encoding, decode_bytes, decode_line
from .records import record_to_story

# A field may hold a whole story, and a too-long one must reach the story size check (E111), not a csv.Error
# that would leave the rest of the field to be read as rows of its own: the csv module gets no field limit.
_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)
_LONE_CR = re.compile(r"(?<=\r)(?!\n)")
_NEWLINE = re.compile(r"(?<=\n)")


def read_csv(
    lines: Iterable[bytes], origin: str, fallback: str | None = None, *, delimiter: str = ","
) -> Iterator[Story | Reject]:
    """Read CSV rows from an iterable of byte lines (a binary file object)."""
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    bad: dict[int, InputError] = {}

    def text_lines() -> Iterator[str]:
        it = iter(lines)
        for n, raw in enumerate(it, 1):
            if n == 1 and bom_encoding(raw[:4]) in ("utf-16", "utf-32"):  # a whole-file encoding
                yield from _split_cr(_NEWLINE.split(decode_bytes(raw + b"".join(it), origin, fallback)[0]))
                return
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                text = decode_line(raw, f"{origin}:{n}", fallback)[0]
            except InputError as e:
                bad[n] = e
                text = raw.decode("utf-8", "replace")
            yield from _split_cr([text])

    reader = csv.reader(text_lines(), delimiter=delimiter)
    header: list[str] | None = None
    prev = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            start, prev = prev + 1, reader.line_num
            yield Reject.of("E116", f"{origin}:{start}", detail=f"malformed CSV row: {e}")
            continue
        start, prev = prev + 1, reader.line_num
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if header is None:
            if start in bad:
                yield Reject(origin=f"{origin}:{start}", reason=bad[start].message, code=bad[start].code)
                return
            header = [h.strip().lower() for h in row]
            if "text" not in header:
                yield Reject.of(
                    "E112",
                    f"{origin}:{start}",
                    detail=f"CSV header has no 'text' column (columns: {', '.join(header)})",
                )
                return
            continue
        errs = [bad.pop(n) for n in range(start, prev + 1) if n in bad]
        rec = dict(zip(header, row, strict=False))
        if errs:
            yield Reject(
                origin=f"{origin}:{start}", reason=errs[0].message, code=errs[0].code, story_id=rec.get("id") or None
            )
            continue
        if len(row) > len(header):
            yield Reject.of(
                "E116",
                f"{origin}:{start}",
                story_id=rec.get("id") or None,
                detail=f"CSV row has {len(row)} fields, the header {len(header)}",
            )
            continue
        yield record_to_story(rec, origin_file=origin, origin_line=start)


def _split_cr(lines: Iterable[str]) -> Iterator[str]:
    """Lines with an old Mac line end (a lone CR) split there, as the csv module wants them."""
    for line in lines:
        if not line:
            continue
        if "\r" in line.rstrip("\r\n"):
            yield from (part for part in _LONE_CR.split(line) if part)
        else:
            yield line
