"""Normalisation of story text for the parser that keeps every character offset.

Each replacement maps one character to exactly one character, so ``normalize(text)`` has the length of
``text`` and an offset in one is the same offset in the other. Characters that would need more than one
replacement character (ellipsis, ligatures) are left alone.
"""

from __future__ import annotations

_MAP = {
    "`": "'",        # "Azerbaijan`s" → "Azerbaijan's"
    "\u00b4": "'",   # acute accent used as apostrophe
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u3000": " ", "\u2008": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
    "\u200b": " ", "\ufeff": " ", "\u00ad": " ",   # zero-width space, BOM, soft hyphen
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
    "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\t": " ", "\r": " ", "\x0b": " ", "\x0c": " ",
}
_TABLE = str.maketrans(_MAP)


def normalize(text: str) -> str:
    """Return the parser's view of ``text``: same length, offsets unchanged."""
    return text.translate(_TABLE)
