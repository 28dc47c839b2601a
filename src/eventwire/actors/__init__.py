"""Actor recognition and coding (stage 3): mentions on the parse → coded actors.

``ActorCoder().code(doc, story)`` finds the actors of a parsed story without spaCy's NER: dictionary
hits (one Aho-Corasick automaton compiled in ``__init__``), proper-noun chains from the POS tags, noun
phrases from the dependency parse, and the story's memory of who was introduced with which title.
See ``docs/dictionaries.md`` for the data files, the code order and the rules.

READS the parsed doc and the story (text, date, dateline place). ADDS the story's ``ActorMention``s.
The modules, in the order a story meets them: ``lexicon.py`` (the dictionaries: ``entries.py``,
``loaders.py``, ``data_files.py``, ``codes.py``, ``words.py``), ``credits.py`` (credits and bylines are no
actors), ``recognize.py`` (hits, name chains, phrases), then ``resolve.py``, whose ``STEPS`` list the
resolver's steps sentence by sentence (``draft.py``, ``titles.py``, ``place_context.py``,
``own_country.py``, ``fallbacks.py``, ``emit.py``, ``references.py``; they share ``sentence.py``,
``memory.py``, ``clause.py`` and ``places.py``), and ``attribution.py`` (headline speakers and reporting
sources: ``ActorMention.attribution``). Before the parse, ``ActorCoder.recase`` (``recase.py``) writes
ALL-CAPS and all-lower-case text in normal case for the parser.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.attrs import LOWER

from ..mentions import ActorMention
from ..nlp import text_of
from ..story import Story
from . import lexicon as _lexicon
from .attribution import headline_lines, headline_speakers, headline_verbs
from .attribution import mark as mark_attributions
from .credits import Credits
from .recase import Recaser
from .recognize import Unit, find_hits, group_units, name_chains, sentence_starts
from .resolve import Resolver
from .words import NOT_NAME_NEIGHBOURS, NOT_NAMES, ORG_WORDS, TITLES_BEFORE_PLACES


class ActorCoder:
    """Codes the actors of one parsed story. Dictionaries are loaded and compiled once, in ``__init__``."""

    def __init__(self, data_dir: Path | None = None, extra: Sequence[Path] = ()) -> None:
        """``data_dir`` replaces the shipped data folder; ``extra`` adds user dictionaries
        (see ``lexicon.load``)."""
        self.lexicon = _lexicon.load(data_dir, extra)
        self.resolver = Resolver(self.lexicon)
        self.recase = Recaser(self.lexicon)  # ALL-CAPS and all-lower text in normal case, for the parser
        self.credits = Credits(
            data_dir / "credits.yaml" if data_dir is not None and (data_dir / "credits.yaml").exists() else None
        )

    def code(self, doc: Any, story: Story) -> list[ActorMention]:
        """All actor mentions of ``doc`` (the parsed ``story``), in text order."""
        if len(doc) == 0:
            return []
        text = text_of(doc)
        hits = find_hits(doc, self.lexicon, text)
        hits = [h for h in hits if not _is_surname(doc, h, hits)]
        credit = self.credits.mask(doc, text)  # "REUTERS/Danish Siddiqui", "(Reporting by ...)": no actors
        if credit is not None:
            hits = [h for h in hits if not any(credit[h.start : h.end])]
        taken = bytearray(len(doc))
        for h in hits:
            taken[h.start : h.end] = b"\x01" * (h.end - h.start)
        by_tok = {i: h for h in hits for i in range(h.start, h.end)}
        hits = [h for h in hits if not _in_other_name(doc, h, taken, by_tok)]
        taken = bytearray(len(doc))
        for h in hits:
            taken[h.start : h.end] = b"\x01" * (h.end - h.start)
        sent_of, sents = sentence_starts(doc)
        if credit is not None:
            taken = bytearray(a | b for a, b in zip(taken, credit, strict=True))
        units: list[Unit] = hits + name_chains(doc, taken, sent_of, text)
        units.sort(key=lambda u: u.start)
        lines = headline_lines(doc, sents)
        speakers = headline_speakers(doc, lines, units)  # "... - foreign ministry": no part of the target
        verbs = headline_verbs(doc, lines, units)  # "Thai police arrest protest leaders": two phrases
        segment = [0] * len(doc) if speakers or verbs else []
        for n, (a, b) in enumerate(speakers, 1):
            segment[a:b] = [n] * (b - a)
        for n, i in enumerate(verbs, 1):  # the verb alone, and the words after it (to a speaker) on their own
            rest, end = segment[i + 1], i + 1
            while end < len(doc) and segment[end] == rest and not doc[end].is_sent_start:
                end += 1
            segment[i] = -n
            segment[i + 1 : end] = [len(speakers) + n] * (end - i - 1)
        phrases = group_units(doc, units, segment)
        lowers = doc.to_array([LOWER]).tolist()
        mentions = self.resolver.resolve(doc, story, phrases, units, sents, lowers)
        mark_attributions(doc, mentions, speakers)
        return mentions


def _is_surname(doc: Any, u: Unit, hits: Sequence[Unit] = ()) -> bool:
    """A one-word country or capital right after a first name is a surname ("Michael Jordan").

    After an organisation word of ``org_words.yaml`` the country is the organisation's: when a
    dictionary role covers that word ("Radio France", "Bank Indonesia") the country hit stays and the
    phrase joins both; otherwise ("Air India") the hit gives way to the name chain, which the resolver
    codes as an organisation of the country it names (never a person)."""
    if u.kind not in ("country", "capital") or u.end - u.start != 1 or u.start == 0:
        return False
    prev = doc[u.start - 1]
    if not (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.text.isalpha()
        and prev.head.i == u.start
        and prev.dep_ in ("compound", "flat")
        and prev.lower_ not in TITLES_BEFORE_PLACES
        and prev.lower_ not in NOT_NAMES  # "said Tuesday China's pressure ...": a day, not a first name
    ):
        return False
    # an organisation word in the compound run before the country, up to three words back ("Air India",
    # "Bank Negara Malaysia"): only these few tokens are looked at
    for i in range(u.start - 1, max(u.start - 4, -1), -1):
        t = doc[i]
        if i < u.start - 1 and not (t.pos_ == "PROPN" and t.head.i == u.start and t.dep_ in ("compound", "flat")):
            break
        if t.lower_ in ORG_WORDS:  # rare: the hits are scanned only here
            return not any(o.start <= i < o.end for o in hits)
    return True


def _initial(text: str) -> bool:
    """ "A.", "J.": a capital letter and a full stop, a name's initial."""
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _in_other_name(doc: Any, u: Unit, taken: bytearray, by_tok: dict[int, Unit]) -> bool:
    """A surname-only person form inside another name is not that person: "Hamid Gul" is not Abdullah
    Gul, "Sharon Stone" not Ariel Sharon (a capitalised proper noun no dictionary knows touches it, or
    another person's form does)."""
    if u.kind != "person" or u.entry is None or not u.entry.short:
        return False
    for i in (u.start - 1, u.end):
        o = by_tok.get(i)
        if o is not None and o.kind == "person" and o.entry is not None and o.entry.name != u.entry.name:
            return True
        if 0 <= i < len(doc) and not taken[i]:
            t = doc[i]
            if i == u.start - 1 and _initial(t.text):
                return True  # "Mark A. Bennett": a middle initial before the surname, another person's name
            if (
                t.pos_ == "PROPN"
                and t.text[:1].isupper()
                and t.is_alpha
                and t.lower_.rstrip(".") not in NOT_NAME_NEIGHBOURS
                and t.lower_ not in NOT_NAMES
            ):
                return True
    return False
