"""Who reports rather than acts: headline speakers and reporting media or sources.

READS the parse, the recognised units (``recognize.py``) and, after the resolver, the coded mentions. ADDS

- ``headline_speakers``: the token spans of the speaker a wire headline names at its end or its start —
  "Iran will not back down - foreign ministry", "China warns Taiwan — envoy", "Japan to boost spending:
  Kishida", "Putin: Russia will respond ...". A headline is a line (or sentence) without a final period; the
  speaker is a short phrase without a finite verb, holding a recognised actor word, after the last dash or
  colon (or before the first colon, at the start of the line). ``group_units`` does not let a phrase climb
  across the separator, so the speaker is never merged into the target ("... with jihadists - defence
  minister" is two actors);
- ``mark``: the ``attribution`` of the mentions — ``"speaker"`` for a headline speaker, ``"reporting"`` for
  a source that reports an event: the object of "according to", "quoted by", "cited by" (words.yaml
  ``reporting_preps``), the object of "quoting"/"citing" (``citing_verbs``), and a news medium (sector MED)
  that is the subject of a reporting verb governing
  another clause ("state news agency IRNA reported that ...", "..., the official SANA news agency said");
  ``"anonymous"`` for an unnamed source "familiar with" the matter ("a person familiar with the talks said").
  The event coder never takes such a mention as an actor of the reported event.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from spacy.attrs import IDX

from ..mentions import ActorMention
from ..nlp import text_of
from .recognize import Unit
from .words import CITING_VERBS, HEADLINE_VERBS, REPORTING_PREPS, REPORTING_VERBS

DASHES = frozenset({"-", "--", "—", "–", "―", ":"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SPEAKER_KINDS = frozenset({"role", "rank", "person", "igo", "seat", "capital", "name"})
MAX_SPEAKER = 5  # tokens of a headline speaker ("the foreign ministry", "UN envoy Martin Griffiths")
MEDIA = "MED"
SPEECH_CLAUSES = frozenset({"ccomp", "parataxis"})
_PREP_TAILS: dict[str, set[tuple[str, ...]]] = {}  # "to" -> {("according",)}
for _p in REPORTING_PREPS:
    _w = _p.split()
    _PREP_TAILS.setdefault(_w[-1], set()).add(tuple(_w[:-1]))


def _lines(doc: Any, sents: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences cut at line breaks: a headline is its own line even when the parser glued it on."""
    breaks = _newline_tokens(doc)
    out: list[tuple[int, int]] = []
    for a, b in sents:
        start = a
        for i in breaks[bisect_left(breaks, a) : bisect_left(breaks, b)]:
            if i + 1 < b:
                out.append((start, i + 1))
                start = i + 1
        out.append((start, b))
    return out


def _newline_tokens(doc: Any) -> list[int]:
    """The tokens whose text or trailing whitespace holds a line break, in order (found from the characters:
    no token objects for the others)."""
    text = text_of(doc)  # (doc.text joins every token anew)
    if "\n" not in text:
        return []
    starts = doc.to_array(IDX).tolist()
    out: set[int] = set()
    i = text.find("\n")
    while i != -1:
        out.add(bisect_right(starts, i) - 1)
        i = text.find("\n", i + 1)
    return sorted(out)


def _content(doc: Any, a: int, b: int) -> tuple[int, int]:
    """The span without blank tokens at either end."""
    while a < b and doc[a].is_space:
        a += 1
    while b > a and doc[b - 1].is_space:
        b -= 1
    return a, b


def headline_lines(doc: Any, sents: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token spans (start, end) of the lines that are headlines: four tokens or more and no final full stop,
    question or exclamation mark or quote (a sentence of the body is none)."""
    out = []
    for line in _lines(doc, sents):
        a, b = _content(doc, *line)
        if b - a >= 4 and doc[b - 1].text not in (".", "?", "!", '"', "'"):
            out.append((a, b))
    return out


def headline_speakers(doc: Any, lines: Sequence[tuple[int, int]], units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Token spans (start, end) of the speakers wire headlines (``headline_lines``) name after a final dash or
    colon, or before a colon that opens the line."""
    kinds = {i: u.kind for u in units for i in range(u.start, u.end)}
    out: list[tuple[int, int]] = []
    for a, b in lines:
        tail = _tail_speaker(doc, a, b, kinds)
        if tail is not None:
            out.append(tail)
            continue
        head = _head_speaker(doc, a, b, kinds)
        if head is not None:
            out.append(head)
    return out


def headline_verbs(doc: Any, lines: Sequence[tuple[int, int]], units: Sequence[Unit]) -> list[int]:
    """Tokens of wire headlines that are the headline's verb although the small parser read them as nouns inside
    one long noun phrase ("Thai police arrest protest leaders"): a word of ``headline_verbs`` that no unit covers,
    right after a unit, with a unit in the phrase after it (not after a preposition: "Modi visit to China")."""
    ends = {u.end for u in units}
    starts = {u.start for u in units}
    covered = {i for u in units for i in range(u.start, u.end)}
    out: list[int] = []
    for a, b in lines:
        for i in range(a + 1, b - 1):
            t = doc[i]
            if i in covered or i not in ends or t.lemma_.lower() not in HEADLINE_VERBS or doc[i + 1].pos_ == "ADP":
                continue
            if t.tag_ in ("VBD", "VBN", "VBG") or any(doc[j].text in DASHES for j in range(i + 1, min(b, i + 5))):
                continue
            if any(j in starts for j in range(i + 1, min(b, i + 5))):
                out.append(i)
    return out


def _is_speaker(doc: Any, a: int, b: int, kinds: dict[int, str]) -> bool:
    """A short phrase with an actor word and no finite verb."""
    if not 0 < b - a <= MAX_SPEAKER:
        return False
    if any(doc[i].tag_ in FINITE_TAGS or doc[i].text in DASHES for i in range(a, b)):
        return False
    return any(kinds.get(i) in SPEAKER_KINDS for i in range(a, b))


def _has_clause(doc: Any, a: int, b: int) -> bool:
    return any(doc[i].pos_ in ("VERB", "AUX") for i in range(a, b))


def _verbless_predicate(doc: Any, a: int, b: int) -> bool:
    """A headline that drops its verb: "Iran open to talks with the US", "Five dead in Kabul blast" (three words
    or more, with an adjective or a preposition)."""
    return b - a >= 3 and any(doc[i].pos_ in ("ADJ", "ADP") for i in range(a + 1, b))


def _tail_speaker(doc: Any, a: int, b: int, kinds: dict[int, str]) -> tuple[int, int] | None:
    """ "Iran will not back down - foreign ministry": the phrase after the last dash or colon."""
    for k in range(b - 2, max(a + 2, b - MAX_SPEAKER - 2), -1):
        if doc[k].text in DASHES:
            if doc[k].text == "-" and not (doc[k - 1].whitespace_ and doc[k].whitespace_):
                return None  # "Al-Sisi", "anti-war": a hyphen inside a word
            if _is_speaker(doc, k + 1, b, kinds) and (_has_clause(doc, a, k) or _verbless_predicate(doc, a, k)):
                return (k + 1, b)
            return None
    return None


def _head_speaker(doc: Any, a: int, b: int, kinds: dict[int, str]) -> tuple[int, int] | None:
    """ "Putin: Russia will respond to ...": the phrase before a colon that opens the line."""
    for k in range(a + 1, min(b - 3, a + MAX_SPEAKER + 1)):
        if doc[k].text == ":":
            if _is_speaker(doc, a, k, kinds) and _has_clause(doc, k + 1, b):
                return (a, k)
            return None
    return None


def mark(doc: Any, mentions: Sequence[ActorMention], speakers: Sequence[tuple[int, int]]) -> None:
    """Set the ``attribution`` of headline speakers and of reporting sources (see the module docstring)."""
    for m in mentions:
        if any(a <= m.tok_start and m.tok_end <= b for a, b in speakers):
            m.attribution = "speaker"
        elif _reporting(doc, m):
            m.attribution = "reporting"
        elif anonymous(doc, m.head):
            m.attribution = "anonymous"


def anonymous(doc: Any, head: int) -> bool:
    """ "People familiar with the matter said ...", "a person familiar with the talks": an unnamed source."""
    return any(c.dep_ == "amod" and c.lemma_.lower() == "familiar" for c in doc[head].children)


def _reporting(doc: Any, m: ActorMention) -> bool:
    return reports(doc, m.head, m.sectors)


def reports(doc: Any, head: int, sectors: Sequence[str]) -> bool:
    """Does the phrase headed by token ``head`` (with ``sectors``) report an event rather than act in it?"""
    t = doc[head]
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj":
        p = t.head
        for before in _PREP_TAILS.get(p.lower_, ()):
            if tuple(doc[i].lower_ for i in range(max(p.i - len(before), 0), p.i)) == before:
                return True  # "according to the ministry", "quoted by state media"
    if t.dep_ == "dobj" and t.head.tag_ == "VBG" and t.head.lemma_.lower() in CITING_VERBS:
        return True  # "..., Iranian state TV reported, quoting the Revolutionary Guards"
    if MEDIA not in sectors or t.dep_ != "nsubj":
        return False
    v = t.head
    return v.lemma_.lower() in REPORTING_VERBS and (
        v.dep_ in SPEECH_CLAUSES or any(c.dep_ in SPEECH_CLAUSES for c in v.children)
    )
