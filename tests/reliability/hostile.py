"""A folder of hostile inputs, built at test time (nothing big is committed): every kind of bad file eventwire
must either code or reject with a reason."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
from pathlib import Path

GOOD = "Police arrested three protesters in Ganja on Monday. The minister met officials in Baku."
WORDS = "the minister met officials in Baku and police arrested protesters near the border while talks went on".split()
SENTENCES = (
    "Police arrested three protesters in Ganja.",
    "The minister met officials in Baku.",
    "Russia criticized the decision of the court.",
)


def no_punctuation(size: int, seed: int = 1) -> str:
    """``size`` characters of words without any sentence punctuation."""
    rng = random.Random(seed)
    parts: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(WORDS)
        parts.append(w)
        n += len(w) + 1
    return (" ".join(parts)[: size - 1].rstrip() + "x").ljust(size, "x")


def many_sentences(count: int, seed: int = 1) -> str:
    """``count`` short sentences."""
    rng = random.Random(seed)
    return " ".join(rng.choice(SENTENCES) for _ in range(count))


def build(root: Path, *, big: bool = True) -> dict[str, str]:
    """Fill ``root`` with hostile files; returns {name: what it is}. ``big`` adds the multi-MB inputs."""
    root.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, str] = {}

    def put(name: str, data: bytes, what: str) -> None:
        (root / name).write_bytes(data)
        kinds[name] = what

    put("good.txt", ("date 2024-03-12 Baku, March 12, AZERTAC\n\n" + GOOD + "\n").encode(), "a good story")
    put("crlf.txt", (GOOD.replace(". ", ".\r\n") + "\r\n").encode(), "CRLF line ends")
    put("mixed.txt", ("Title line here\r\rBAKU, March 12 (AZERTAC) -- " + GOOD + "\n\r\n").encode(), "mixed newlines")
    put("utf16.txt", codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"), "UTF-16 with BOM")
    put("utf16.csv", codecs.BOM_UTF16_LE + f'id,text\r\nu16,"{GOOD}"\r\n'.encode("utf-16-le"), "UTF-16 CSV")
    put("latin1.txt", "Le ministre a rencontré des officiels à Bakou.".encode("latin-1"), "invalid UTF-8")
    put("nul.txt", GOOD.encode() + b"\x00\x00" + GOOD.encode(), "NUL bytes")
    put("binary", bytes(range(256)) * 64, "binary given as text")
    put("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "a file of a type not read")
    put("empty.txt", b"", "an empty file")
    put("blank.jsonl", b"\n\n   \n", "only blank lines")
    put("controls.txt", ("\x1b[31m" + GOOD + "\x07\x0c\u202e\u0301\U0001f600").encode(), "control characters")
    lines = [
        {"id": "ok-1", "text": GOOD},
        {"id": "numeric", "text": 12345},
        {"id": ["a", "list"], "text": GOOD},
        {"id": "bad-date", "text": GOOD, "date": "2021-02-30"},
        {"id": "bool-title", "text": GOOD, "title": True},
        {"id": "surrogate", "text": "Police arrested \ud800 protesters in Ganja."},
        {"id": "text-list", "text": ["Police arrested three protesters.", 7]},
    ]
    body = "\n".join(json.dumps(x) for x in lines) + "\n"
    body += '{"id": "broken", "text": \n' + "[" * 50_000 + "\n" + "1" * 5000 + "\n" + "[1, 2]\n"
    put("records.jsonl", body.encode(), "JSONL with wrong types")
    nested = "<html><body>" + "<div>" * 20_000 + "<p>Police arrested three protesters in Ganja.</p>"
    put("nested.html", (nested + "</div>" * 20_000 + "</body></html>").encode(), "deeply nested HTML")
    put("bomb.jsonl.gz", gzip.compress(b" " * (40 * 1024 * 1024), 9), "a gzip that expands a thousandfold")
    put("corrupt.txt.gz", gzip.compress(GOOD.encode())[:-12], "a truncated gzip")
    if big:
        field = no_punctuation(20_000_000)
        put("bigfield.csv", f'id,text\nhuge,"{field}"\nsmall,"{GOOD}"\n'.encode(), "a CSV field of 20 MB")
        put("nopunct.txt", no_punctuation(5_000_000).encode(), "5 MB without sentence punctuation")
        put("sentences.txt", many_sentences(100_000).encode(), "100,000 sentences")
    sub = root / "sub"
    sub.mkdir()
    (sub / "story.text").write_text(GOOD, "utf-8")
    os.symlink("..", sub / "loop")  # a folder link back up: followed once, never forever
    os.symlink("self.txt", root / "self.txt")  # a link to itself
    kinds["self.txt"] = "a symbolic link loop"
    os.symlink("missing.txt", root / "dangling.txt")
    kinds["dangling.txt"] = "a dangling link"
    try:
        (root / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD, "utf-8")
        kinds["caf\\xe9.txt"] = "a file name that is not UTF-8"
    except (OSError, UnicodeEncodeError):  # a file system that refuses such names
        pass
    return kinds
