"""Normalisation of story text for the parser that keeps every character offset.

Each replacement maps one character to exactly one character, so ``normalize(text)`` has the length of
``text`` and an offset in one is the same offset in the other. Characters that would need more than one
replacement character (ellipsis, ligatures) or none at all are left alone (a zero-width space becomes a
space). The table is checked at import: an entry that is not one character to one character is an error.
"""

from __future__ import annotations

import re

from ..errors import error

_MAP = {
    # apostrophes: "Azerbaijan`s" → "Azerbaijan's"
    "`": "'",
    "\u00b4": "'",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\u02b9": "'",
    "\u02bb": "'",
    "\uff07": "'",
    # double quotes and guillemets
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u2039": '"',
    "\u203a": '"',
    "\u301d": '"',
    "\u301e": '"',
    "\uff02": '"',
    # spaces, zero-width characters, BOM, soft hyphen
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\u2008": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2000": " ",
    "\u2001": " ",
    "\u205f": " ",
    "\u1680": " ",
    "\u200b": " ",
    "\u2060": " ",
    "\ufeff": " ",
    "\u00ad": " ",
    # dashes and minus signs
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2043": "-",
    "\u02d7": "-",
    "\ufe58": "-",
    "\ufe63": "-",
    "\uff0d": "-",
    # fullwidth punctuation
    "\uff0c": ",",
    "\uff0e": ".",
    "\uff1a": ":",
    "\uff1b": ";",
    "\uff01": "!",
    "\uff1f": "?",
    "\uff08": "(",
    "\uff09": ")",
    # line and paragraph separators
    "\u2028": "\n",
    "\u2029": "\n",
    "\u0085": "\n",
    # Windows-1252 punctuation that arrives as C1 control characters (text read as Latin-1)
    "\u0091": "'",
    "\u0092": "'",
    "\u0093": '"',
    "\u0094": '"',
    "\u0096": "-",
    "\u0097": "-",
    # Turkish and Azerbaijani letters outside Latin-1, as their ASCII spellings for the parser and the
    # dictionaries ("İlham Əliyev" is read as "Ilham Aliyev"; the record keeps the original text)
    "\u0130": "I",
    "\u0131": "i",
    "\u018f": "A",
    "\u0259": "a",
    "\u015e": "S",
    "\u015f": "s",
    "\u011e": "G",
    "\u011f": "g",
    # other whitespace and control characters
    "\t": " ",
    "\r": " ",
    "\x0b": " ",
    "\x0c": " ",
}
for _c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]:
    _MAP.setdefault(chr(_c), " ")
for _c in range(0xD800, 0xE000):  # lone surrogates (a Story built in Python): the replacement character
    _MAP[chr(_c)] = "\ufffd"

if any(len(k) != 1 or len(v) != 1 for k, v in _MAP.items()):  # pragma: no cover - guards edits of the table
    raise error("E304", where="eventwire/ingest/normalize.py")
_TABLE = str.maketrans(_MAP)
_LETTERS = frozenset(k for k, v in _MAP.items() if k.isalpha() and v.isalpha())  # the Turkish/Azerbaijani letters


def as_written(original: str, normalized: str) -> str:
    """``normalized`` (a span of ``normalize(original)``) with the letters that normalisation spelt in ASCII
    put back as ``original`` writes them ("Kadir Topbas" -> "Kadir Topbaş"); punctuation stays normalised."""
    if normalized.isascii() and original.isascii():
        return normalized
    return "".join(o if o in _LETTERS else n for o, n in zip(original, normalized, strict=True))


_LINE_END_QUOTE = re.compile(r'"[ ]*$', re.M)


def normalize(text: str) -> str:
    """Return the parser's view of ``text``: same length, offsets unchanged. A double quote that ends a line
    holding an odd number of them closes nothing ("Rebels announce suspension of attacks"" from a scraped
    title) and becomes a space: the parser read it as the end of a quotation and lost the sentence verb."""
    out = text.translate(_TABLE)
    if '"' not in out:
        return out
    for m in reversed(list(_LINE_END_QUOTE.finditer(out))):
        start = out.rfind("\n", 0, m.start()) + 1
        if out.count('"', start, m.start()) % 2 == 0:  # this one would open, not close: an odd count
            out = f"{out[: m.start()]} {out[m.start() + 1 :]}"
    return out
