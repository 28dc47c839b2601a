"""Per-document token columns, read once from the doc's arrays and shared by the stages.

Every ``Token`` a stage touches is a new Python object, and each ``t.lemma_``/``t.pos_`` a string-store
lookup; a stage that looks at every token of a story pays for that on every pass. ``columns(doc)`` reads
the attributes the stages test most (lower-cased lemma and text, POS) for all tokens
at once with ``Doc.to_array`` and keeps them as plain lists on the doc, so a pass over the tokens is a
pass over lists, and ``Token`` objects are made only for the few tokens that matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.attrs import LEMMA, LOWER, POS

KEY = "eventwire.columns"
_STRINGS: dict[int, str] = {}  # string id -> string (ids are hashes of the string: the same in every vocab)
_LOWER: dict[int, str] = {}  # string id -> the string lower-cased


@dataclass(frozen=True, slots=True)
class Columns:
    """Token attributes by token index (``doc[i]``)."""

    lemma: list[str]  # lower-cased lemma
    lower: list[str]  # lower-cased text
    pos: list[str]


def _strings(ids: list[int], store: Any, cache: dict[int, str], lower: bool) -> list[str]:
    out: list[str] = []
    for h in ids:
        s = cache.get(h)
        if s is None:
            s = store[h]
            if lower:
                s = s.lower()
            cache[h] = s
        out.append(s)
    return out


def columns(doc: Any) -> Columns:
    """The ``Columns`` of ``doc``, built on first use and kept in ``doc.user_data``."""
    cols: Columns | None = doc.user_data.get(KEY)
    if cols is not None:
        return cols
    n = len(doc)
    if n == 0:
        cols = Columns([], [], [])
    else:
        lemma, lower, pos = doc.to_array([LEMMA, LOWER, POS]).T.tolist()
        store = doc.vocab.strings
        cols = Columns(
            lemma=_strings(lemma, store, _LOWER, True),
            lower=_strings(lower, store, _STRINGS, False),
            pos=_strings(pos, store, _STRINGS, False),
        )
    doc.user_data[KEY] = cols
    return cols
