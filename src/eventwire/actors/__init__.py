"""Actor recognition and coding (stage 3): mentions on the parse → coded actors.

``ActorCoder().code(doc, story)`` finds the actors of a parsed story without spaCy's NER: dictionary
hits (one Aho-Corasick automaton compiled in ``__init__``), proper-noun chains from the POS tags, noun
phrases from the dependency parse, and the story's memory of who was introduced with which title.
See ``docs/dictionaries.md`` for the data files, the code order and the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.attrs import LOWER

from ..mentions import ActorMention
from ..story import Story
from . import lexicon as _lexicon
from .recognize import Unit, find_hits, group_units, name_chains, sentence_starts
from .resolve import Resolver


class ActorCoder:
    """Codes the actors of one parsed story. Dictionaries are loaded and compiled once, in ``__init__``."""

    def __init__(self, data_dir: Path | None = None, extra: Sequence[Path] = ()) -> None:
        """``data_dir`` replaces the shipped data folder; ``extra`` adds user dictionaries
        (see ``lexicon.load``)."""
        self.lexicon = _lexicon.load(data_dir, extra)
        self.resolver = Resolver(self.lexicon)

    def code(self, doc: Any, story: Story) -> list[ActorMention]:
        """All actor mentions of ``doc`` (the parsed ``story``), in text order."""
        if len(doc) == 0:
            return []
        hits = find_hits(doc, self.lexicon)
        hits = [h for h in hits if not _is_surname(doc, h)]
        taken = bytearray(len(doc))
        for h in hits:
            taken[h.start:h.end] = b"\x01" * (h.end - h.start)
        sent_of, sents = sentence_starts(doc)
        units: list[Unit] = hits + name_chains(doc, taken, sent_of)
        units.sort(key=lambda u: u.start)
        phrases = group_units(doc, units)
        lowers = doc.to_array([LOWER]).tolist()
        return self.resolver.resolve(doc, story, phrases, units, sents, lowers)


def _is_surname(doc: Any, u: Unit) -> bool:
    """A one-word country or capital right after a first name is a surname ("Michael Jordan")."""
    if u.kind not in ("country", "capital") or u.end - u.start != 1 or u.start == 0:
        return False
    prev = doc[u.start - 1]
    return (prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.text.isalpha()
            and prev.head.i == u.start and prev.dep_ in ("compound", "flat")
            and prev.lower_ not in _TITLES_BEFORE_PLACES)


# capitalised words that may stand before a country name without making it a surname
_TITLES_BEFORE_PLACES = frozenset({"north", "south", "east", "west", "central", "new", "greater", "upper",
                                   "lower", "northern", "southern", "eastern", "western", "republic"})
