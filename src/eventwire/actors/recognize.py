"""Recognition on the parse: dictionary hits and name chains on the tokens, grouped into noun phrases.

READS the parsed doc and the compiled lexicon. ADDS ``Unit``s (hits and name chains) and ``Phrase``s (the
units under one head), which the resolver (``resolve.py``) codes.

Steps (all per story, no per-sentence compilation):

1. ``find_hits``: one pass of the compiled Aho-Corasick automaton over the lowercased story text; a hit
   must start and end on token boundaries and pass its case rule; overlapping hits keep the longest.
2. ``name_chains``: runs of capitalised proper nouns that no dictionary knows ("Zakir Hasanov").
3. ``group_units``: every hit and chain climbs the dependency tree through noun-phrase relations
   (compound, amod, poss, nmod, appos, flat, conj of a modifier, "of" phrases, and "for" phrases of a
   spokesman or envoy) and joins the highest
   actor word on its way: "Azerbaijan's Minister of Defense, Colonel General Zakir Hasanov" is one
   phrase headed by "Minister"; "the Armenia-Azerbaijan conflict" gives two phrases (ARM, AZE) because
   "conflict" is not an actor word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDX, LENGTH, POS
from spacy.symbols import PROPN

from ..words import calendar
from .entries import Entry, Form, Lexicon
from .words import (
    ALLEGIANCE,
    CURRENCY_WORDS,
    FOR_HEADS,
    LEADER_VERBS,
    NOT_NAMES,
    PATRON_VERBS,
    ROLE_CLAUSE_VERBS,
    STANCE_PREFIXES,
    TO_HEADS,
)

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Dependency relations that stay inside a noun phrase when climbing from a modifier to its head.
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "flat", "nummod"})
MOD_DEPS = frozenset({"compound", "amod", "poss", "nmod", "flat"})
_WS = str.maketrans({"\n": " ", "\t": " ", "\r": " "})


@dataclass(slots=True)
class Unit:
    """A recognised piece: a dictionary hit or a name chain, with its syntactic root token."""

    start: int  # token span, end exclusive
    end: int
    root: int
    kind: str  # the entry kind, or "name" for a name chain
    entry: Entry | None = None
    anchor: int = -1  # head token of the phrase the unit belongs to
    top: int = -1  # the last token reached when climbing (groups sibling modifiers)
    dropped: bool = False


@dataclass(slots=True)
class Phrase:
    """The units that share one anchor (the phrase head)."""

    anchor: int
    units: list[Unit] = field(default_factory=list)
    # (start, end) once the units are final (``group_units`` returns): the resolver asks for them often
    span: tuple[int, int] | None = field(default=None, repr=False, compare=False)
    # the first token the phrase may widen to (a headline's verb or speaker segment starts after it)
    floor: int = field(default=0, repr=False, compare=False)

    @property
    def start(self) -> int:
        return self.span[0] if self.span is not None else min(u.start for u in self.units)

    @property
    def end(self) -> int:
        return self.span[1] if self.span is not None else max(u.end for u in self.units)


def _case_ok(form: Form, surface: str, caseless: bool = False) -> bool:
    if form.cased:
        return surface == form.text
    if form.capital:  # a name: capitalised, or written exactly as listed ("al-Qaeda", "de Villepin")
        return caseless or surface[:1].isupper() or surface == form.text or _particle_name(surface)
    return True


_NAME_PARTICLES = frozenset({"al", "el", "ad", "bin", "ibn", "de", "del", "da", "van", "von", "der", "la", "le"})


def _particle_name(surface: str) -> bool:
    """ "al Shabaab", "al Qaeda", "de Mistura": a name led by a lower-case particle, its last word capitalised."""
    words = surface.replace("-", " ").split()
    return len(words) > 1 and words[0] in _NAME_PARTICLES and words[-1][:1].isupper()


def caseless(text: str) -> bool:
    """A text written without capitals (scraped pages, some headlines): names cannot be told by their capital
    letter, so a listed name matches in lower case too (acronyms, written in capitals, still must match exactly)."""
    return any(c.isalpha() for c in text) and not any(c.isupper() for c in text)


def _span_root(doc: Any, start: int, end: int) -> int:
    for i in range(end - 1, start - 1, -1):
        h = doc[i].head.i
        if h < start or h >= end or h == i:
            return i
    return end - 1


def find_hits(doc: Any, lex: Lexicon, text: str | None = None) -> list[Unit]:
    """Dictionary hits on token boundaries, longest first, without overlaps, in text order (``text``:
    ``doc.text`` when the caller has it already)."""
    text = doc.text if text is None else text
    lowered = caseless(text)
    low = text.lower().translate(_WS)
    if len(low) != len(text):  # lower() can change the length of a few exotic characters
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text).translate(_WS)
    idx, length = doc.to_array([IDX, LENGTH]).T.tolist()
    # token index by the character offset where a token starts / ends (-1: none)
    starts = [-1] * (len(text) + 1)
    ends = [-1] * (len(text) + 1)
    for i, (a, n) in enumerate(zip(idx, length, strict=True)):
        starts[a] = i
        ends[a + n] = i
    cands: list[tuple[int, int, list[Form]]] = []
    for end_char, (key, forms) in lex.automaton.iter(low):
        s = end_char - len(key) + 1
        ts = starts[s]
        if ts < 0:
            continue
        te = ends[end_char + 1]
        if te < 0:
            continue
        surface = text[s : end_char + 1]
        ok = [f for f in forms if _case_ok(f, surface, lowered)]
        if ok:
            cands.append((ts, te + 1, ok))
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))
    # where a country's name or adjective ends ("a Kenyan general", "South Africa General")
    nations = {te for _ts, te, forms in cands if any(f.entry.kind in ("country", "demonym") for f in forms)}
    taken = bytearray(len(doc))
    units: list[Unit] = []
    for ts, te, forms in cands:
        if any(taken[ts:te]):
            continue
        if forms[0].entry.kind == "ignore":  # "Central American", "South China Sea": no actor
            taken[ts:te] = b"\x01" * (te - ts)
            continue
        if te < len(doc) and doc[te].lower_ in CURRENCY_WORDS and forms[0].entry.kind in ("country", "demonym"):
            taken[ts:te] = b"\x01" * (te - ts)  # "U.S. $53 million", "Hong Kong dollars": a currency
            continue
        unit = _choose(doc, ts, te, forms, nations)
        if unit is None:
            continue
        taken[ts:te] = b"\x01" * (te - ts)
        units.append(unit)
    units.sort(key=lambda u: u.start)
    return units


def _choose(doc: Any, ts: int, te: int, forms: list[Form], nations: set[int]) -> Unit | None:
    root = _span_root(doc, ts, te)
    rt = doc[root]
    for f in forms:
        k = f.entry.kind
        if k in ("role", "rank"):
            if (
                rt.pos_ not in ("NOUN", "PROPN")
                and not ((f.entry.religion or f.entry.adjective) and rt.pos_ == "ADJ")
                and not (rt.pos_ == "PRON" and te - ts > 1)  # "those protesting"
                and not (f.entry.name_only and _national_rank(doc, ts, nations))  # tagged "Kenyan general/JJ"
            ):
                continue  # "official visit", "heads to", "to police" (a religion word may be an adjective)
            if f.entry.religion and te < len(doc) and doc[te].pos_ == "PROPN" and doc[te].text[:1].isupper():
                continue  # a first name or a party: "Christian Lindner", "Christian Democrats"
            if (
                ts >= 2
                and doc[ts - 1].text == "-"
                and not doc[ts - 1].whitespace_
                and doc[ts - 2].lower_ in STANCE_PREFIXES
            ):
                continue  # "pro-government militias"
        if k == "igo" and any(g.entry.kind == "capital" for g in forms) and _where(rt):
            continue  # "protesters marched in Brussels", "Brussels villages": the city, not the EU it hosts
        if k == "rank" and f.entry.name_only:
            nxt = doc[te] if te < len(doc) else None
            if (nxt is None or nxt.pos_ != "PROPN" or not nxt.text[:1].isupper()) and not _national_rank(
                doc, ts, nations
            ):
                continue  # "General" only as a title before a name, or as a country's ("a Kenyan general")
        if k in ("country", "capital") and rt.pos_ not in ("PROPN", "NOUN", "ADJ") and not rt.text[:1].isupper():
            continue
        if k == "country" and doc[ts].lower_ == "the" and _name_goes_on(doc, te):
            continue  # "the West" in "the West Bank", "the West African bloc": a longer name
        return Unit(ts, te, root, k, f.entry)
    return None


_NOUN_DEPS = frozenset({"ROOT", "nsubj", "nsubjpass", "dobj", "pobj", "appos"})


def _national_rank(doc: Any, i: int, nations: set[int]) -> bool:
    """ "a Kenyan general", "Chad general convicted": a rank word heading its own noun phrase after a country
    word that modifies it is that country's officer (not "the general election", "Director General")."""
    t = doc[i]
    if i == 0 or not t.is_alpha or i not in nations:
        return False
    if t.dep_ == "amod" and t.head.i == i - 1:  # "Nicaragua general/JJ convicted", hung after the name
        return True
    if t.dep_ in ("compound", "amod", "nmod"):
        return False
    if t.pos_ != "NOUN" and not (t.pos_ == "ADJ" and t.dep_ in _NOUN_DEPS):
        return False
    prev = doc[i - 1]
    if prev.head.i != i or prev.dep_ not in ("compound", "amod", "nmod"):
        return False
    return True


_LOCATIVE = frozenset({"in", "at", "near", "outside", "across", "around", "inside"})


def _where(t: Any) -> bool:
    """Is ``t`` named as a place: the object of a locative preposition, or the modifier of a common noun?"""
    if t.dep_ == "pobj":
        return t.head.lower_ in _LOCATIVE
    return t.dep_ in ("compound", "nmod") and t.head.pos_ == "NOUN"


def _name_goes_on(doc: Any, te: int) -> bool:
    """True when the token after a hit goes on with a capitalised name word (not a date: "the West Tuesday")."""
    if te >= len(doc):
        return False
    nxt = doc[te]
    cal = calendar()
    if nxt.lower_ in cal.all_months or nxt.lower_ in cal.weekdays:
        return False
    return nxt.text[:1].isupper() and nxt.pos_ in ("PROPN", "ADJ")


def sentence_starts(doc: Any) -> tuple[list[int], list[tuple[int, int]]]:
    """The start token of each token's sentence, and the (start, end) of every sentence (once per doc)."""
    out = [0] * len(doc)
    spans = [(sent.start, sent.end) for sent in doc.sents]
    for start, end in spans:
        for i in range(start, end):
            out[i] = start
    return out, spans


def name_chains(doc: Any, taken: bytearray, sent_of: list[int], text: str | None = None) -> list[Unit]:
    """Runs of capitalised proper nouns not covered by a hit ("Valery Petrov", "Nagorno-Karabakh")."""
    chains: list[Unit] = []
    n = len(doc)
    propn = [p == PROPN for p in doc.to_array([POS]).tolist()]
    text = doc.text if text is None else text

    def capital(i: int) -> bool:
        t = doc[i]
        c = text[t.idx]
        return c.isupper() and c.isalpha() and t.lower_.rstrip(".") not in NOT_NAMES

    i = 0
    while i < n:
        if taken[i] or not propn[i] or not capital(i):
            i += 1
            continue
        j = i + 1
        while j < n and not taken[j] and sent_of[j] == sent_of[i]:
            if propn[j] and capital(j):
                j += 1
            elif (
                j + 1 < n
                and doc[j].text == "-"
                and not doc[j - 1].whitespace_
                and not doc[j].whitespace_
                and propn[j + 1]
                and not taken[j + 1]
            ):
                j += 2
            else:
                break
        chains.append(Unit(i, j, _span_root(doc, i, j), "name"))
        i = j
    return chains


def climb(
    doc: Any, root: int, actor_heads: set[int], segment: Sequence[int] = (), states: frozenset[int] = frozenset()
) -> tuple[int, int]:
    """(anchor, top): the highest actor head on the way up through noun-phrase relations, and the top
    (never into another ``segment``: a headline's speaker is not part of the phrase before its dash; ``states``:
    heads of country words, which an aide is never the apposition of)."""
    t = doc[root]
    anchor, top = root, root
    if patron(doc, root):
        return anchor, top  # "the UN-backed government": the patron is no part of what it backs
    for _ in range(12):
        h = t.head
        if h.i == t.i or (segment and segment[h.i] != segment[root]):
            break
        dep = t.dep_
        if dep in NP_DEPS and h.pos_ in NOMINAL:
            t = h
        elif dep == "conj" and h.dep_ in MOD_DEPS and h.head.pos_ in NOMINAL and h.i != h.head.i:
            t = h  # "Armenian and Azerbaijani ministers": climb from the conjunct to the first modifier
            continue
        elif dep == "pobj" and h.lower_ == "of" and h.dep_ == "prep" and h.head.pos_ in NOMINAL:
            t = h.head
        elif dep == "pobj" and h.lower_ == "for" and h.dep_ == "prep" and h.head.lemma_.lower() in FOR_HEADS:
            t = h.head  # "a spokesman for the Foreign Ministry": the spokesman speaks for the ministry
        elif (
            dep == "pobj"
            and h.lower_ == "to"
            and h.dep_ == "prep"
            and h.head.lemma_.lower() in TO_HEADS
            and not (h.head.dep_ == "appos" and h.head.head.i in states)  # "Syria, a close aide to ... said"
        ):
            t = h.head  # "an aide to the President of Latvia": the aide serves the president
        elif (
            dep == "pobj"
            and h.lower_ in ("to", "with")
            and h.dep_ == "prep"
            and h.head.lemma_.lower() in ALLEGIANCE
            and h.head.dep_ in ("amod", "acl")
            and h.head.head.pos_ in NOMINAL
            and h.head.head.i < h.head.i
        ):
            t = h.head.head  # "fighters loyal to the Islamic State": the fighters are the group's
        elif (
            dep in ("npadvmod", "compound", "nmod")
            and h.dep_ == "amod"
            and h.lemma_.lower() in LEADER_VERBS
            and h.head.pos_ in NOMINAL
            and h.i < h.head.i
        ):
            t = h.head  # "Saudi-led coalition jets": the leader's country is the coalition's
        elif (v := _role_clause_verb(t)) is not None:
            t = v.head  # "Omar Haddad, who heads Jordan's intelligence service": the service's head
        else:
            break
        top = t.i
        if t.i in actor_heads:
            anchor = t.i
    return anchor, top


def patron(doc: Any, i: int) -> bool:
    """Is token ``i`` the patron of a hyphenated participle ("UN-backed", "Turkish-funded", "Iran-allied")?"""
    return (
        i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and not doc[i].whitespace_
        and doc[i + 2].lemma_.lower() in PATRON_VERBS
    )


def _role_clause_verb(t: Any) -> Any | None:
    """The verb of a relative clause that gives the person before it the role ``t`` names ("X, who heads
    Jordan's intelligence service", "X, who is Peru's envoy", "X, who serves as India's ambassador"), or
    ``None``."""
    v = t.head
    if t.dep_ == "pobj" and v.lower_ == "as" and v.dep_ == "prep":
        v = v.head
    elif t.dep_ not in ("dobj", "attr"):
        return None
    if v.dep_ != "relcl" or v.lemma_.lower() not in ROLE_CLAUSE_VERBS or v.head.pos_ != "PROPN":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in v.children):
        return None
    return v


def group_units(doc: Any, units: Sequence[Unit], segment: Sequence[int] = ()) -> list[Phrase]:
    """Assign every unit its anchor and collect the phrases, in text order of their first token
    (``segment``: a segment number per token that a phrase does not cross; empty: none)."""
    heads = {u.root for u in units}
    states = frozenset(u.root for u in units if u.kind in ("country", "capital", "demonym"))
    phrases: dict[int, Phrase] = {}
    for u in units:
        u.anchor, u.top = climb(doc, u.root, heads, segment, states)
        phrases.setdefault(u.anchor, Phrase(u.anchor)).units.append(u)
    _merge_sibling_modifiers(doc, phrases, heads)
    if segment:
        _merge_blocked_runs(doc, phrases, segment)
    out = sorted(phrases.values(), key=lambda p: p.start)
    for p in out:
        p.units.sort(key=lambda u: u.start)
        p.span = (p.units[0].start, max(u.end for u in p.units))
        if segment:
            f = p.span[0]
            while f > 0 and segment[f - 1] == segment[p.span[0]]:
                f -= 1
            p.floor = f
    return out


def _merge_blocked_runs(doc: Any, phrases: dict[int, Phrase], segment: Sequence[int]) -> None:
    """ "Thai police | arrest | protest leaders": units next to each other whose climb a segment border stopped
    (their heads lie beyond it) are one phrase, headed by the last."""
    blocked = sorted(
        (p for p in phrases.values() if segment[doc[p.anchor].head.i] != segment[p.anchor]), key=lambda p: p.start
    )
    for a, b in zip(blocked, blocked[1:], strict=False):
        if a.anchor in phrases and a.end == b.start and segment[a.anchor] == segment[b.anchor]:
            b.units.extend(a.units)
            for u in a.units:
                u.anchor = b.anchor
            del phrases[a.anchor]


def _merge_sibling_modifiers(doc: Any, phrases: dict[int, Phrase], heads: set[int]) -> None:
    """ "a Malian army convoy": a country word and one role word modifying the same non-actor noun are
    one actor ("Malian army"), headed by the role word."""
    by_top: dict[int, list[Phrase]] = {}
    for p in phrases.values():
        a = doc[p.anchor]
        if a.dep_ in MOD_DEPS and a.head.i not in heads:
            by_top.setdefault(a.head.i, []).append(p)
    for group in by_top.values():
        if len(group) < 2:
            continue
        roles = [p for p in group if any(u.kind in ("role", "rank") for u in p.units)]
        others = [p for p in group if p not in roles]
        if len(roles) != 1 or not others:
            continue
        if not all(u.kind in ("country", "demonym", "igo") for p in others for u in p.units):
            continue
        for p in others:
            roles[0].units.extend(p.units)
            for u in p.units:
                u.anchor = roles[0].anchor
            del phrases[p.anchor]
