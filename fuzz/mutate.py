"""Deterministic, seeded input generators and mutators for the fuzz targets (no coverage guidance: each input
is a function of its seed, so a crash found is reproduced with ``python fuzz/run.py --target T --seed S``)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

# Characters and fragments that stress text handling: combining marks, right-to-left marks and scripts, emoji
# (astral, ZWJ sequences, flags), controls, NUL, BOMs, line and paragraph separators, lone surrogates, and the
# fragments the readers look for (headers, datelines, titles, bylines, quotes).
SPICE: tuple[str, ...] = (
    "\u0301",
    "\u0308" * 30,
    "e\u0301",
    "\u202e",
    "\u200f",
    "\u200b",
    "\u2066x\u2069",
    "\u05d0\u05d1\u05d2 ",
    "\u0627\u0644\u0633\u0644\u0627\u0645 ",
    "\U0001f600",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\U0001f1fa\U0001f1f8",
    "\x00",
    "\x1b[31m",
    "\x07",
    "\x7f",
    "\x85",
    "\x92",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffd",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    "\xa0",
    "\ud800",
    "\udfff",
    "\udc80",
    "ǅ",
    "ﬁ",
    "İ",
    "ß",
    "٢٠١٩-١٠-٠٨",
    "date 2024-02-30 ",
    "date: 2019-10-08T23:30:00-05:00 Baku, October 8, AZERTAC\n",
    "MOSCOW, June 6. /TASS/. ",
    "WASHINGTON (Reuters) - ",
    "SANAA, Yemen, Nov. 3, 2015 (Reuters) -",
    "By Ana Lopez and Tom Reed\n",
    "Ministers meet in Baku\n\n",
    '"',
    "“",
    "'",
    "...",
    "—",
    "0" * 40,
    "9" * 5000,
    "on Tuesday",
    "last Friday",
    "three weeks ago",
    "next month",
    "Feb. 29",
    "December 31, 9999",
    "January 1, 0001",
    "31/12/1999",
)

_RANGES = (
    (0x20, 0x7E),
    (0x00, 0x1F),
    (0x80, 0x24F),
    (0x300, 0x36F),
    (0x590, 0x6FF),
    (0x900, 0x97F),
    (0x2000, 0x206F),
    (0x3040, 0x30FF),
    (0x4E00, 0x4E80),
    (0xD800, 0xDFFF),
    (0xFE00, 0xFEFF),
    (0x1F300, 0x1F6FF),
    (0xE0000, 0xE007F),
    (0x10FFF0, 0x10FFFF),
)


def unicode_text(rng: random.Random, max_len: int = 80) -> str:
    """Arbitrary Unicode: mostly ASCII words, with characters from every awkward range and ``SPICE``."""
    out: list[str] = []
    n = rng.randint(0, max_len)
    while sum(map(len, out)) < n:
        r = rng.random()
        if r < 0.45:
            out.append(rng.choice(WORDS) + rng.choice((" ", " ", ". ", ", ", "\n")))
        elif r < 0.7:
            lo, hi = rng.choice(_RANGES)
            out.append("".join(chr(rng.randint(lo, hi)) for _ in range(rng.randint(1, 6))))
        else:
            out.append(rng.choice(SPICE))
    return "".join(out)


WORDS = (
    "Police arrested three protesters in Ganja",
    "The minister met",
    "Russia",
    "Azerbaijan's Foreign Minister Jeyhun Bayramov",
    "criticized",
    "the decision",
    "on Monday",
    "yesterday",
    "NATO",
    "U.N.",
    "in Baku",
    "said",
    "he",
    "they",
    "President",
    "troops attacked",
    "signed an agreement with",
    "Turkey",
    "was",
)


def mutate_text(rng: random.Random, s: str, ops: int | None = None) -> str:
    """``s`` after a few random edits: insert spice or random characters, delete, duplicate, swap, cut."""
    chars = list(s)
    for _ in range(ops if ops is not None else rng.randint(1, 8)):
        op = rng.random()
        at = rng.randint(0, len(chars))
        if op < 0.35:
            chars[at:at] = list(rng.choice(SPICE))
        elif op < 0.5:
            chars[at:at] = list(unicode_text(rng, 12))
        elif op < 0.65 and chars:
            del chars[at : at + rng.randint(1, 20)]
        elif op < 0.75 and chars:
            b = rng.randint(0, len(chars) - 1)
            chars[at:at] = chars[b : b + rng.randint(1, 60)]
        elif op < 0.85 and chars:
            chars = chars[: rng.randint(0, len(chars))]
        elif chars:
            i = rng.randrange(len(chars))
            chars[i] = chr(rng.randint(0, 0x2FF))
    return "".join(chars)


def encode(rng: random.Random, s: str) -> bytes:
    """``s`` as bytes: UTF-8 mostly; UTF-8 with BOM, UTF-16/32 with or without BOM, cp1252, surrogatepass."""
    r = rng.random()
    if r < 0.6:
        return s.encode("utf-8", "surrogatepass")
    if r < 0.68:
        return b"\xef\xbb\xbf" + s.encode("utf-8", "replace")
    if r < 0.78:
        return s.encode(rng.choice(("utf-16", "utf-32")), "surrogatepass")
    if r < 0.85:
        return s.encode(rng.choice(("utf-16-le", "utf-16-be")), "surrogatepass")
    return s.encode("cp1252", "replace")


def mutate_bytes(rng: random.Random, data: bytes, ops: int | None = None) -> bytes:
    """``data`` after a few byte-level edits: flips, random bytes, deletions, duplications, truncation."""
    b = bytearray(data)
    for _ in range(ops if ops is not None else rng.randint(0, 6)):
        op = rng.random()
        at = rng.randint(0, len(b))
        if op < 0.3 and b:
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
        elif op < 0.5:
            b[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op < 0.65 and b:
            del b[at : at + rng.randint(1, 32)]
        elif op < 0.8 and b:
            s = rng.randint(0, len(b) - 1)
            b[at:at] = b[s : s + rng.randint(1, 64)]
        elif op < 0.9:
            b[at:at] = rng.choice((b"\x00", b"\r", b"\n", b"\r\n", b"\xff\xfe", b"\xef\xbb\xbf", b'"', b",", b"\t"))
        elif b:
            del b[rng.randint(0, len(b)) :]
    return bytes(b)


def json_value(rng: random.Random, depth: int = 0) -> Any:
    """A JSON value of any type (for record fields of the wrong type)."""
    r = rng.random()
    if depth > 3 or r < 0.35:
        return unicode_text(rng, 40)
    if r < 0.5:
        return rng.choice((0, -1, 2**63, 10**30, 3.5, float("1e308"), True, False, None))
    if r < 0.65:
        return rng.choice(("2024-03-12", "2021-02-30", "20240312", "2024", "2024-13", "0001-01-01", "9999-12-31"))
    if r < 0.8:
        return [json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {unicode_text(rng, 8): json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def date_value(rng: random.Random) -> Any:
    """A value given as a record ``date``: strings near the date grammar, numbers, dates, other types."""
    r = rng.random()
    if r < 0.5:
        base = rng.choice(
            (
                "2024-03-12",
                "2019-10-08T23:30:00-05:00",
                "2020-03-02T18:45:00Z",
                "20240312",
                "2024",
                "2024-07",
                "0001-01-01",
                "9999-12-31T23:59:59+14:00",
                "2024-02-29 10:00",
            )
        )
        return mutate_text(rng, base, rng.randint(0, 3))
    if r < 0.65:
        return rng.choice((20240312, 0, -5, 2**70, 2024, 1.5, float("nan"), True))
    if r < 0.8:
        return rng.choice((dt.date.min, dt.date.max, dt.datetime.max, dt.date(2024, 2, 29)))
    return json_value(rng)


def story_date(rng: random.Random) -> dt.date | None:
    """A story date, including the ends of the calendar (where date arithmetic overflows)."""
    r = rng.random()
    if r < 0.1:
        return None
    if r < 0.3:
        return rng.choice((dt.date.min, dt.date.max, dt.date(1, 1, 7), dt.date(9999, 12, 25), dt.date(2024, 2, 29)))
    return dt.date(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28))
