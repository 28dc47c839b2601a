"""The fuzz targets: each takes a seeded ``random.Random`` and runs one input (or, for the coder, a batch of
inputs) through a part of eventwire. An exception that is not an ``EventwireError`` is a crash, and so is a
coded reject E900 ("an unexpected error while coding one story"), which hides one."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import random
import tempfile
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from mutate import (
    WORDS,
    date_value,
    encode,
    json_value,
    mutate_bytes,
    mutate_text,
    story_date,
    unicode_text,
)

from eventwire.story import Reject, Story

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures"


class HiddenCrash(Exception):
    """A coded reject E900: an unexpected exception caught while coding one story."""


def _check(items: Any) -> int:
    n = 0
    for it in items:
        n += 1
        if isinstance(it, Reject) and it.code == "E900":
            raise HiddenCrash(it.reason)
        if isinstance(it, Story):
            it.text.encode("utf-8")  # every story can be written out as UTF-8 (no lone surrogates)
            json.dumps(it.to_dict(), ensure_ascii=False).encode("utf-8")
    return n


@lru_cache(maxsize=1)
def _seeds(kind: str) -> tuple[str, ...]:
    ing = FIX / "ingest"
    if kind == "text":
        files = ("plain.txt", "titled.txt", "header_dateline.txt")
        return tuple((ing / f).read_text("utf-8") for f in files) + (
            "date 2024-03-12 Baku, March 12, AZERTAC\n\nMinisters meet in Baku\n\nBy Ana Lopez\n"
            "BAKU, March 12 (AZERTAC) -- The ministers met on Tuesday.\n",
        )
    if kind == "jsonl":
        return ((ing / "stories.jsonl").read_text("utf-8"), (ing / "plover_stream.jsonl").read_text("utf-8"))
    if kind == "csv":
        return ((ing / "stories.csv").read_text("utf-8"),)
    if kind == "html":
        return ((ing / "page.html").read_text("utf-8"),)
    if kind == "actors":
        return ((FIX / "actors" / "petrarch_sample.actors.txt").read_text("utf-8"),)
    return ((FIX / "actors" / "petrarch_sample.agents.txt").read_text("utf-8"),)


def _read(data: bytes, kind: str, rng: random.Random) -> int:
    from eventwire.ingest.walk import read_stream

    fallback = "cp1252" if rng.random() < 0.2 else None
    return _check(read_stream(io.BytesIO(data), f"fuzz.{kind}", kind, fallback))


# -- readers ---------------------------------------------------------------------------------------------
def text_reader(rng: random.Random) -> None:
    s = mutate_text(rng, rng.choice(_seeds("text"))) if rng.random() < 0.8 else unicode_text(rng, 400)
    data = encode(rng, s)
    _read(mutate_bytes(rng, data) if rng.random() < 0.3 else data, "text", rng)


def _record(rng: random.Random) -> dict[str, Any]:
    rec: dict[str, Any] = {}
    for key in ("id", "text", "date", "title", "source", "url", "language", "place", "textInfo", "citeInfo", "x"):
        if rng.random() < 0.5:
            rec[key] = json_value(rng) if rng.random() < 0.4 else unicode_text(rng, 60)
    if "text" in rec and rng.random() < 0.3:
        v = date_value(rng)
        rec["date"] = v.isoformat() if isinstance(v, dt.date) else v
    return rec


def jsonl_reader(rng: random.Random) -> None:
    if rng.random() < 0.5:
        lines = [json.dumps(_record(rng), ensure_ascii=rng.random() < 0.5) for _ in range(rng.randint(1, 5))]
        s = rng.choice(("\n", "\r\n", "\r", "\n\n")).join(lines)
    else:
        s = rng.choice(_seeds("jsonl"))
    s = mutate_text(rng, s, rng.randint(0, 4))
    if rng.random() < 0.05:
        s = "[" * rng.randint(900, 3000) + s
    data = encode(rng, s)
    _read(mutate_bytes(rng, data) if rng.random() < 0.3 else data, "jsonl", rng)


def csv_reader(rng: random.Random) -> None:
    kind = "tsv" if rng.random() < 0.2 else "csv"
    if rng.random() < 0.5:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="\t" if kind == "tsv" else ",", lineterminator=rng.choice(("\n", "\r\n", "\r")))
        cols = rng.sample(["id", "text", "date", "title", "source", "url", "language", "place", "x"], rng.randint(1, 6))
        w.writerow(cols)
        for _ in range(rng.randint(0, 5)):
            w.writerow([unicode_text(rng, 50) for _ in range(rng.randint(0, len(cols) + 1))])
        s = buf.getvalue()
    else:
        s = rng.choice(_seeds("csv"))
    data = encode(rng, mutate_text(rng, s, rng.randint(0, 4)))
    _read(mutate_bytes(rng, data) if rng.random() < 0.3 else data, kind, rng)


def _html(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(_seeds("html"))
    depth = rng.choice((1, 5, 50, 300)) if rng.random() < 0.99 else 5000
    tag = rng.choice(("div", "p", "span", "b", "table", "li"))
    body = " ".join(rng.choice(WORDS) + "." for _ in range(rng.randint(0, 30)))
    title = f"<title>{unicode_text(rng, 30)}</title>" if rng.random() < 0.5 else ""
    meta = '<meta name="date" content="' + str(date_value(rng)) + '">' if rng.random() < 0.3 else ""
    return f"<html><head>{title}{meta}</head><body>{f'<{tag}>' * depth}<p>{body}</p>{f'</{tag}>' * depth}</body></html>"


def html_reader(rng: random.Random) -> None:
    data = encode(rng, mutate_text(rng, _html(rng), rng.randint(0, 6)))
    _read(mutate_bytes(rng, data) if rng.random() < 0.3 else data, "html", rng)


def gzip_reader(rng: random.Random) -> None:
    from eventwire.ingest.walk import gunzip, read_stream

    kind = rng.choice(("text", "jsonl", "csv", "json", "html"))
    seed = {"text": "text", "jsonl": "jsonl", "json": "jsonl", "csv": "csv", "html": "html"}[kind]
    raw = encode(rng, mutate_text(rng, rng.choice(_seeds(seed)), rng.randint(0, 3)))
    if rng.random() < 0.002:
        raw = rng.choice((b"\n", b" ", b"{")) * rng.randint(16_000_000, 20_000_000)  # a bomb past the cap
    packed = gzip.compress(raw, compresslevel=rng.choice((1, 6, 9)))
    if rng.random() < 0.2:
        packed += gzip.compress(raw[: rng.randint(0, len(raw))])  # a second member
    packed = mutate_bytes(rng, packed, rng.choice((0, 0, 1, 2, 5)))
    f = gunzip(io.BytesIO(packed), len(packed), "fuzz.gz")
    try:
        _check(read_stream(f, "fuzz.gz", kind, None))
    except (gzip.BadGzipFile, EOFError, zlib.error):  # what walk's guard reports as E106
        pass


# -- dates and datelines -----------------------------------------------------------------------------------
def dates(rng: random.Random) -> None:
    from eventwire import when
    from eventwire.ingest.dates import parse_date_value

    parse_date_value(date_value(rng))
    text = mutate_text(rng, " ".join(rng.choice(_DATE_PHRASES) for _ in range(rng.randint(1, 4))), rng.randint(0, 3))
    d = story_date(rng)
    for _, _, kind, m in when.find_expressions(text):
        when.resolve(kind, m, d, rng.random() < 0.5)
        when.historical(kind, m, d)


_DATE_PHRASES = (
    "on Tuesday",
    "last Friday",
    "next Monday",
    "this coming Sunday",
    "three weeks ago",
    "a few days ago",
    "12 days ago",
    "yesterday",
    "tomorrow",
    "last night",
    "next month",
    "last year",
    "next year",
    "on March 3",
    "3 March",
    "Feb. 29",
    "February 30, 2023",
    "on 2024-02-29",
    "in 1973",
    "in March 2020",
    "Dec. 31, 9999",
    "January 1, 0001",
    "on Jan 0",
    "this week",
    "earlier this month",
)


def dateline(rng: random.Random) -> None:
    from eventwire.ingest.dateline import match_dateline

    text = mutate_text(rng, rng.choice(_DATELINES) + rng.choice(WORDS), rng.randint(0, 5))
    pos = rng.randint(0, min(len(text), 5)) if rng.random() < 0.2 else 0
    d = match_dateline(text, pos, lenient=rng.random() < 0.3)
    if d is not None:
        d.date(rng.choice((None, 1, 2024, 9999, 10000, 0)))


_DATELINES = (
    "Baku, October 8, AZERTAC ",
    "MOSCOW, June 6. /TASS/. ",
    "WASHINGTON (Reuters) - ",
    "KABUL, Afghanistan (AP) — ",
    "UNITED NATIONS, March 3 (Xinhua) -- ",
    "PARIS, Jan 5 (AFP) - ",
    "Kyiv, 5 March (Ukrinform) - ",
    "SANAA, Yemen, Nov. 3, 2015 (Reuters) - ",
    "ANKARA (AA) - ",
    "Tehran, IRNA -- ",
    "(AP) — ",
    "NEW DELHI: ",
    "Friday, October 1, 2011 -- ",
    "CAIRO, Feb 30 - ",
    "DETAILS – ",
)


# -- the coder ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _coder() -> Any:
    from eventwire.pipeline import Coder

    return Coder()


def coder_batch(rng: random.Random, size: int) -> int:
    """A batch of ``size`` short stories of arbitrary Unicode (lone surrogates included), coded at once."""
    stories = []
    for i in range(size):
        text = unicode_text(rng, 120) if rng.random() < 0.6 else mutate_text(rng, " ".join(rng.sample(WORDS, 5)))
        if rng.random() < 0.3:
            text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")  # as decoded with replacement
        stories.append(Story(id=f"f{i}", text=text, date=story_date(rng), place=rng.choice((None, "Baku", "\u202e"))))
    records, rejects = _coder().code_batch(stories)
    for r in rejects:
        if r.code == "E900":
            raise HiddenCrash(r.reason)
    for rec in records:
        json.dumps(rec, ensure_ascii=False, default=str)
    return size


# -- dictionaries --------------------------------------------------------------------------------------------
def dictionaries(rng: random.Random) -> None:
    from eventwire.actors.lexicon import Lexicon
    from eventwire.actors.loaders import load_persons, load_sectors
    from eventwire.actors.petrarch import convert_actors, convert_agents, to_yaml

    kind = rng.choice(("actors", "agents"))
    lines = mutate_text(rng, rng.choice(_seeds(kind)), rng.randint(1, 10)).splitlines(keepends=True)
    conv = (convert_actors if kind == "actors" else convert_agents)(lines, "fuzz.txt")
    text = to_yaml(conv, kind, "fuzz.txt")
    if rng.random() < 0.5:
        text = mutate_text(rng, text, rng.randint(1, 6))
    fd, name = tempfile.mkstemp(suffix=".yaml")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(encode(rng, text) if rng.random() < 0.2 else text.encode("utf-8", "surrogatepass"))
        (load_persons if kind == "actors" else load_sectors)(Lexicon(), Path(name))
    finally:
        os.unlink(name)


# -- query filters -------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _store() -> Any:
    from eventwire.ingest import read_paths
    from eventwire.store import open_store
    from eventwire.store.dedup import deduplicate
    from eventwire.store.write import write_batch

    stories = [s for s in read_paths([str(ROOT / "examples"), str(FIX / "store" / "corpus")]) if isinstance(s, Story)]
    records, _ = _coder().code_batch(stories)
    st = open_store(":memory:")
    write_batch(st, stories, records, [])
    deduplicate(st)
    return st


def _filter_value(rng: random.Random, kind: str) -> Any:
    r = rng.random()
    if r < 0.2:
        return None
    if kind == "date":
        return story_date(rng)
    if kind == "int":
        return rng.choice((0, 1, 4, 5, -1, 2**40))
    if kind == "float":
        return rng.choice((0.0, 0.5, 1.0, -3.0, float("nan"), float("inf")))
    if r < 0.6:
        return rng.choice(("AZE", "AZEGOV", "AZE-RUS", "04", "042", "CONSULT", "Baku", "Bak*", "%", "_", "\\", "'"))
    return unicode_text(rng, 16)


def query(rng: random.Random) -> None:
    from eventwire.store import query as q

    store = _store()
    f = q.Filters(
        date_from=_filter_value(rng, "date"),
        date_to=_filter_value(rng, "date"),
        actor=_filter_value(rng, "s"),
        country=_filter_value(rng, "s"),
        sector=_filter_value(rng, "s"),
        dyad=_filter_value(rng, "s"),
        undirected=rng.random() < 0.5,
        cameo=_filter_value(rng, "s"),
        root=_filter_value(rng, "s"),
        quad=_filter_value(rng, "int"),
        plover=_filter_value(rng, "s"),
        text=_filter_value(rng, "s"),
        place=_filter_value(rng, "s"),
        min_confidence=_filter_value(rng, "float"),
        background=rng.random() < 0.3,
    )
    level = rng.choice(("events", "mentions", "events", "stories"))
    op = rng.randrange(5)
    if op == 0:
        q.find(store, f, level=level, limit=rng.choice((None, 0, 5, -1)))
    elif op == 1:
        by = rng.choice(("day", "week", "month", "quarter", "year", "decade", ""))
        q.aggregate(store, f, by=by, level=level, dyad=rng.random() < 0.5, quad=rng.random() < 0.5)
    elif op == 2:
        q.top_dyads(store, f, n=rng.choice((0, 1, 20, -5)), level=level)
    elif op == 3:
        q.top_actors(store, f, n=rng.choice((0, 3, 20)), level=level, by=rng.choice(("code", "country", "x")))
    else:
        by = tuple(rng.sample(("day", "month", "dyad", "quad", "root", "source", "target", "country", "x"), 2))
        q.group_counts(store, f, by=by, level=level, top=rng.choice((None, 0, 3)))


TARGETS: dict[str, Callable[[random.Random], None]] = {
    "text": text_reader,
    "jsonl": jsonl_reader,
    "csv": csv_reader,
    "html": html_reader,
    "gzip": gzip_reader,
    "dates": dates,
    "dateline": dateline,
    "dictionaries": dictionaries,
    "query": query,
}
BATCHED = {"coder": coder_batch}
