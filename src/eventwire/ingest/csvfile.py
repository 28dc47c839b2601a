"""CSV (and TSV) files with a header row naming the record fields (``id``, ``text``, ``date`` ...).

Lines are decoded one at a time, so a row with bytes that are not UTF-8 is rejected alone (``file:line``)
and the rest of the file is still read. A quoted field may span lines; the row's line is where it starts.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..story import Reject, Story
from .decode import decode_line
from .limits import MAX_STORY_CHARS
from .records import record_to_story

# A field may hold a whole story (and a too-long one must reach the length check, not a csv.Error).
_FIELD_LIMIT = 4 * MAX_STORY_CHARS + 1024


def read_csv(
    lines: Iterable[bytes], origin: str, fallback: str | None = None, *, delimiter: str = ","
) -> Iterator[Story | Reject]:
    """Read CSV rows from an iterable of byte lines (a binary file object)."""
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    bad: dict[int, InputError] = {}

    def text_lines() -> Iterator[str]:
        for n, raw in enumerate(lines, 1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield decode_line(raw, f"{origin}:{n}", fallback)[0]
            except InputError as e:
                bad[n] = e
                yield raw.decode("utf-8", "replace")

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
