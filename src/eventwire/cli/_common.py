"""Helpers shared by the commands: error translation, exit codes, output writers, progress."""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import IO, Any, TypeVar

import click

from ..errors import EventwireError

# Exit codes (documented in docs/cli.md):
EXIT_OK = 0  # success, even when some stories were rejected (they are reported and counted)
EXIT_NOTHING = 1  # nothing could be read or coded: every input was rejected, or there was no input
EXIT_USAGE = 2  # usage error (bad option or argument), as click reports it
EXIT_ERROR = 3  # an eventwire error stopped the command (model cannot load, store locked, ...)

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(fn: F) -> F:
    """Turn our exceptions into a clean one-line message on stderr and exit code 3."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except EventwireError as e:
            click.echo(f"eventwire: error {e}", err=True)
            sys.exit(EXIT_ERROR)
        except BrokenPipeError:  # e.g. `eventwire code ... | head`
            sys.stderr.close()
            sys.exit(EXIT_OK)

    return wrapper  # type: ignore[return-value]


def open_output(path: str | None) -> IO[str]:
    if not path or path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8", newline="")


def json_line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


CSV_COLUMNS = (
    "event_id",
    "story_id",
    "sentence_index",
    "date",
    "source_code",
    "source_text",
    "target_code",
    "target_text",
    "cameo",
    "cameo_name",
    "root",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "confidence",
    "rule",
    "evidence",
)


def flatten(rec: Mapping[str, Any]) -> dict[str, Any]:
    src, tgt, loc, pl = (
        rec.get("source") or {},
        rec.get("target") or {},
        rec.get("location") or {},
        rec.get("plover") or {},
    )
    return {
        "event_id": rec["event_id"],
        "story_id": rec["story_id"],
        "sentence_index": rec["sentence_index"],
        "date": rec["date"],
        "source_code": src.get("code"),
        "source_text": src.get("text"),
        "target_code": tgt.get("code"),
        "target_text": tgt.get("text"),
        "cameo": rec["cameo"],
        "cameo_name": rec.get("cameo_name"),
        "root": rec["root"],
        "quad_class": rec["quad_class"],
        "goldstein": rec["goldstein"],
        "plover_event": pl.get("event"),
        "plover_mode": pl.get("mode"),
        "location_name": loc.get("name"),
        "location_country": loc.get("country"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "confidence": rec["confidence"],
        "rule": rec["rule"],
        "evidence": rec["evidence"]["text"],
    }


class RecordWriter:
    """Writes event records as jsonl (streaming), json (one array), csv or a terminal table."""

    def __init__(self, out: IO[str], fmt: str) -> None:
        self.out, self.fmt = out, fmt
        self._buffer: list[Mapping[str, Any]] = []
        self._csv: Any = None

    def write(self, records: Iterable[Mapping[str, Any]]) -> None:
        for r in records:
            if self.fmt == "jsonl":
                self.out.write(json_line(r) + "\n")
            elif self.fmt == "csv":
                if self._csv is None:
                    self._csv = csv.DictWriter(self.out, fieldnames=CSV_COLUMNS)
                    self._csv.writeheader()
                self._csv.writerow(flatten(r))
            else:
                self._buffer.append(r)
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            json.dump(self._buffer, self.out, ensure_ascii=False, indent=2, default=str)
            self.out.write("\n")
        elif self.fmt == "table":
            rows = [
                [
                    r["date"] or "",
                    (r.get("source") or {}).get("code") or "-",
                    (r.get("target") or {}).get("code") or "-",
                    r["cameo"],
                    (r.get("cameo_name") or "")[:28],
                    f"{r['goldstein']:+.1f}",
                    ((r.get("location") or {}).get("name") or "")[:16],
                    _clip(r["evidence"]["trigger"]["text"] if "trigger" in r["evidence"] else "", 16),
                ]
                for r in self._buffer
            ]
            self.out.write(table(["date", "source", "target", "cameo", "name", "gold", "where", "trigger"], rows))
        self.out.flush()


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain aligned text table."""
    cells = [[str(c) for c in header]] + [[("" if c is None else str(c)) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    buf = io.StringIO()
    for n, r in enumerate(cells):
        buf.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
        if n == 0:
            buf.write("  ".join("-" * w for w in widths) + "\n")
    return buf.getvalue()


class Progress:
    """A progress line on stderr, only when stderr is a terminal."""

    def __init__(self, label: str = "stories", enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.label, self.done = label, 0
        import time

        self._t0 = time.monotonic()

    def advance(self, n: int) -> None:
        self.done += n
        if self.enabled:
            import time

            rate = self.done / max(time.monotonic() - self._t0, 1e-9)
            sys.stderr.write(f"\r{self.done} {self.label} · {rate:.1f}/s")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            sys.stderr.write("\n")
