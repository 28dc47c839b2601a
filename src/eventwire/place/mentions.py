"""Place mentions on the parse: proper-noun chunks matched against the gazetteer, with their candidates.

NER is not in the pipeline, so a place mention is found from POS tags and the gazetteer: a chunk is a
maximal run of proper nouns (capitalised nouns/adjectives inside a run count; hyphens and apostrophes with no
space around them join tokens, so "Nagorno-Karabakh" is one chunk). A chunk is a place when the gazetteer
knows all of it, all of it after dropping generic words ("Western Cambodia", "Idlib Province"), or when every
word of it is covered by known places ("Armenia-Azerbaijan"). "Zakir Hasanov" or "Azerbaijan Army" are not
places: a known name inside a longer unknown chunk is not taken.

A chunk the gazetteer does not know is still a place when the text says so: "the village of X", "the town
of X", "X province" (an *unresolved* mention: a name without coordinates).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .._columns import columns
from .gazetteer import Gazetteer, Place, key

# nouns that introduce a place name: "the village of X", "the capital X", "X province"
PLACE_NOUNS = frozenset(
    {
        "village",
        "town",
        "city",
        "capital",
        "province",
        "region",
        "district",
        "governorate",
        "oblast",
        "state",
        "county",
        "enclave",
        "suburb",
        "neighbourhood",
        "neighborhood",
        "camp",
        "port",
        "island",
        "area",
        "prefecture",
        "municipality",
        "valley",
        "peninsula",
        "outskirts",
        "border",
        "territory",
    }
)
ADMIN_NOUNS = frozenset(
    {
        "province",
        "region",
        "district",
        "governorate",
        "oblast",
        "state",
        "county",
        "prefecture",
        "municipality",
        "territory",
    }
)


@dataclass(slots=True)
class PlaceMention:
    """A place named in the text: token span ``[tok_start, tok_end)``, characters ``[start, end)``."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str
    candidates: list[tuple[Place, bool]]  # (place, matched by an alternate name)
    admin_word: bool = False  # "Idlib province": prefer a subdivision
    within: str | None = None  # alpha-3 of a containing place given by the text ("Bam, Iran")
    within_admin1: str | None = None
    resolved: Place | None = None
    contains: PlaceMention | None = None  # "X in Y province": on Y, the mention X
    notes: list[str] = field(default_factory=list)

    @property
    def head(self) -> int:
        return self.tok_end - 1

    def countries(self) -> set[str]:
        return {p.country for p, _ in self.candidates if p.country}


# date words end a proper-noun run ("in Serbia Friday", "Gorazde on March 3")
DATE_WORDS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)


# lower-case words inside a place name ("Rio de Janeiro", "Dar es Salaam", "Castello de la Plana")
PARTICLES = frozenset(
    {
        "de",
        "del",
        "della",
        "la",
        "le",
        "les",
        "el",
        "al",
        "es",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "y",
        "e",
        "sur",
        "am",
        "an",
        "upon",
    }
)


_CHUNK_POS = frozenset({"PROPN", "NOUN", "ADJ", "X"})


def _chunk_flags(doc: Any, toks: Any) -> list[bool]:
    """For each token: may it be part of a place name? Capitalised, not a date word, and a proper noun (or a
    noun, adjective or foreign word that does not start the sentence)."""
    cols = columns(doc)
    ok = [False] * len(toks)
    for i, (pos, low) in enumerate(zip(cols.pos, cols.lower, strict=True)):
        if pos not in _CHUNK_POS or low in DATE_WORDS:
            continue
        t = toks[i]
        txt = t.text
        if txt and txt[0].isupper() and (pos == "PROPN" or not t.is_sent_start):
            ok[i] = True
    return ok


_JOINERS = frozenset({"-", "‐", "–", "'", "’"})


def chunks(doc: Any, toks: Any) -> list[tuple[int, int]]:
    """Maximal proper-noun runs of ``doc`` (``toks``: the doc or a list of its tokens) as token spans."""
    n = len(toks)
    ok = _chunk_flags(doc, toks)

    def joins(i: int) -> bool:
        # a hyphen/apostrophe glued to proper nouns on both sides joins them ("Nagorno-Karabakh")
        if not (0 < i < n - 1 and ok[i - 1] and ok[i + 1]):
            return False
        t = toks[i]
        return (t.text in _JOINERS and not t.whitespace_ and not toks[i - 1].whitespace_) or t.text in PARTICLES

    out: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if ok[i]:
            j = i + 1
            while j < n and (ok[j] or joins(j)):
                j += 1
            while j > i and not ok[j - 1]:
                j -= 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _span_key(text: str, toks: Any, a: int, b: int) -> str:
    last = toks[b - 1]
    return key(text[toks[a].idx : last.idx + len(last.text)])


Match = tuple[int, int, list[tuple[Place, bool]], bool]


def _match_chunk(g: Gazetteer, text: str, toks: Any, a: int, b: int) -> list[Match]:
    """Gazetteer matches covering the chunk ``[a, b)``: (start, end, candidates, admin_word)."""
    if b < len(toks) and toks[b].lower_ in g.suffixes and toks[b].pos_ == "NOUN":
        cands = g.lookup_key(_span_key(text, toks, a, b + 1))  # "Jaffna peninsula", "Gaza strip"
        if cands:
            return [(a, b + 1, cands, False)]
    cands = g.lookup_key(_span_key(text, toks, a, b))
    if cands:
        return [(a, b, cands, False)]
    # generic words around a known name: "Western Cambodia", "Idlib Province", "Jaffna Peninsula"
    lo, hi = a, b
    admin = False
    while hi - lo > 1 and toks[hi - 1].lower_ in g.suffixes:
        admin = admin or toks[hi - 1].lower_ in ADMIN_NOUNS
        hi -= 1
    while hi - lo > 1 and toks[lo].lower_ in g.prefixes:
        lo += 1
    if (lo, hi) != (a, b):
        cands = g.lookup_key(_span_key(text, toks, lo, hi))
        if cands:
            return [(lo, hi, cands, admin)]
    if b - a < 2:
        return []
    # every word covered by known places: "Armenia-Azerbaijan", "Bosnia Herzegovina"
    found: list[Match] = []
    i = a
    while i < b:
        if toks[i].text in _JOINERS:
            i += 1
            continue
        for j in range(min(b, i + g.max_words), i, -1):
            if toks[j - 1].text in _JOINERS:
                continue
            c = g.lookup_key(_span_key(text, toks, i, j))
            if c:
                found.append((i, j, c, False))
                i = j
                break
        else:
            return []
    return found


def find(g: Gazetteer, doc: Any, text: str | None = None) -> list[PlaceMention]:
    """All place mentions of ``doc`` in text order.

    ``text``: the story text the doc was parsed from (same length; spares rebuilding ``doc.text``), whose
    characters the mentions' ``text`` is cut from.
    """
    out: list[PlaceMention] = []
    toks = doc  # indexed a token at a time: most tokens are never looked at as objects
    if text is None or (toks and toks[-1].idx + len(toks[-1].text) > len(text)):
        text = doc.text
    for a, b in chunks(doc, toks):
        matches = _match_chunk(g, text, toks, a, b)
        if matches:
            for s, e, cands, admin in matches:
                t0 = toks[s]
                if e - s == 1:
                    cands = _single_word(t0, cands)
                    if not cands:
                        continue
                if e < len(toks) and toks[e].lower_ in ADMIN_NOUNS:
                    admin = True
                start, last = t0.idx, toks[e - 1]
                end = last.idx + len(last.text)
                out.append(PlaceMention(s, e, start, end, text[start:end], cands, admin))
            continue
        m = _unresolved(doc, a, b)
        if m is not None:
            out.append(m)
    _containment(doc, out)
    return out


def _single_word(t: Any, cands: list[tuple[Place, bool]]) -> list[tuple[Place, bool]]:
    """Filter the candidates of a one-word chunk that may be something else.

    - an alternate name used as a modifier ("Thai sources") or an adjective ("Honduran territory") is not a
      place unless it names a country;
    - an all-capitals word ("TOLO", "PAPA") is an acronym unless it names a country, a region, a subdivision
      or a city of 100,000 or more by its main name.
    """
    if t.pos_ == "ADJ" or (t.dep_ in ("amod", "compound", "nmod", "poss") and all(a for _, a in cands)):
        cands = [(p, a) for p, a in cands if p.kind == "country" and not a]
    txt = t.text
    if len(txt) >= 3 and txt.isalpha() and txt.isupper():
        cands = [(p, a) for p, a in cands if not a and (p.kind != "city" or p.population >= 100_000)]
    return cands


def _unresolved(doc: Any, a: int, b: int) -> PlaceMention | None:
    """A chunk the gazetteer does not know that the text calls a place ("the village of X", "X province")."""
    span = doc[a:b]
    if b < len(doc) and doc[b].lower_ in ADMIN_NOUNS and doc[b].pos_ == "NOUN":
        return PlaceMention(a, b, span.start_char, span.end_char, span.text, [], True)
    if a >= 2 and doc[a - 1].lower_ == "of" and doc[a - 2].lower_ in PLACE_NOUNS - {"border", "outskirts"}:
        return PlaceMention(a, b, span.start_char, span.end_char, span.text, [], doc[a - 2].lower_ in ADMIN_NOUNS)
    return None


def place_noun(doc: Any, m: PlaceMention) -> Any | None:
    """The noun that introduces ``m`` ("the village of X", "the capital X", "X province"), if any."""
    t = doc[m.tok_start : m.tok_end].root
    h = t.head
    if t.dep_ == "pobj" and h.lower_ == "of" and h.head.lower_ in PLACE_NOUNS:
        return h.head
    if t.dep_ in ("compound", "appos", "nmod") and h.lower_ in PLACE_NOUNS:
        return h
    for c in t.children:
        if c.dep_ == "appos" and c.lower_ in PLACE_NOUNS:
            return t
    return None


def _appositive_of(doc: Any, x: PlaceMention, y: PlaceMention) -> bool:
    """ "X, the second city of Y" / "X, capital of Y": Y hangs from an apposition of X."""
    xr = doc[x.tok_start : x.tok_end].root
    t = doc[y.tok_start : y.tok_end].root
    for _ in range(4):
        if t.head.i == t.i:
            return False
        if t.dep_ == "appos" and t.head.i == xr.i:
            return True
        t = t.head
    return False


def _containment(doc: Any, ms: list[PlaceMention]) -> None:
    """ "Bam, Iran" / "X in Y province" / "X, Y province": Y contains X; note Y's country on X."""
    for x, y in zip(ms, ms[1:], strict=False):
        if y.tok_start - x.tok_end > 6:
            continue
        gap = doc[x.tok_end : y.tok_start]
        words = [t.lower_ for t in gap if not (t.lower_ in ("the", "a") or t.pos_ == "ADJ")]
        if words not in ([","], ["in"], [",", "in"]) and not _appositive_of(doc, x, y):
            continue
        y.contains = x
        ys = {p.country for p, _ in y.candidates if p.kind in ("country", "admin1", "region") and p.country}
        if len(ys) == 1:
            x.within = next(iter(ys))
            if any(p.kind == "admin1" for p, _ in y.candidates) and y.admin_word:
                x.within_admin1 = next(p.name for p, _ in y.candidates if p.kind == "admin1")
        elif not y.candidates and y.admin_word:
            x.within_admin1 = y.text
