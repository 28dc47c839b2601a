"""What the resolver's steps share: the story (``StoryState``), the sentence (``Sentence``), the drafts.

READS nothing. ADDS the records every step of ``resolve.STEPS`` takes, ``step(story, sentence)``: a step
reads fields that earlier steps filled and fills its own (each step's docstring says which). A ``Draft`` is
one phrase being coded (``draft.py`` makes it); a ``Result`` is one coded phrase: (draft, its countries —
``None`` for none —, the rule that gave them). ``dict_rule`` and ``mention_name`` read a draft for the rule
and the name of its mention.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..ingest.normalize import as_written
from ..mentions import ActorMention
from ..story import Story
from .entries import Lexicon
from .memory import StoryMemory
from .places import PlaceCountries
from .recognize import Phrase, Unit
from .references import ReferenceState

LATEST_ROLE = ":latest-role"  # suffix of a dictionary rule whose person code is the latest role (undated story)


@dataclass(slots=True)
class Draft:
    """A phrase being coded."""

    phrase: Phrase
    start: int
    end: int
    head: int
    countries: list[tuple[str, Unit]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # CAMEO region of a regional IGO (EUR, AFR ...)
    names: list[Unit] = field(default_factory=list)
    collective: bool = False
    fallback: str | None = None
    rule: str = ""
    has_role: bool = False
    only_capital: bool = False
    former: bool = False
    dropped: bool = False
    place: bool = False
    modifiers: list[Unit] = field(default_factory=list)  # names modifying a role head ("Samarra police")
    home: str | None = None  # the main country of an ethnic group in the phrase ("Karen guerrillas" -> MMR)
    people: bool = False  # a people modifies the head ("Kurdish fighters", "Tigrayan forces")
    latest_roles: list[Unit] = field(default_factory=list)  # persons coded by their latest role (undated story)


def add_codes(seq: list[str], items: Iterable[str]) -> None:
    """Append the codes of ``items`` not yet in ``seq``, in order."""
    for s in items:
        if s not in seq:
            seq.append(s)


def dict_rule(d: Draft) -> str:
    """``dict:<file>:<line>`` of the first country the phrase's own words gave (``:latest-role`` added
    when that is a person coded by the latest role, in an undated story)."""
    for _c, u in d.countries:
        if u.entry is not None:
            latest = any(x is u for x in d.latest_roles)
            return "dict:" + u.entry.source + (LATEST_ROLE if latest else "")
    return "dict"


def mention_name(doc: Any, d: Draft, text: str | None = None) -> str | None:
    """The person name of the phrase (the head's, else the last one): a known person's canonical name."""
    if not d.names:
        return None
    u = next((n for n in d.names if n.root == d.head), d.names[-1])
    if u.kind == "person" and u.entry is not None:
        return u.entry.name
    span = doc[u.start : u.end]
    name = str(span.text)
    return name if text is None else as_written(text[span.start_char : span.end_char], name)


Result = tuple[Draft, list[str | None], str]


@dataclass(slots=True)
class StoryState:
    """The story and what carries from one sentence to the next."""

    doc: Any
    story: Story
    lowers: list[int]  # lowercase string ids of the tokens
    lex: Lexicon
    places: PlaceCountries
    dateline: str | None  # the country of the dateline's place, if any
    units_by_tok: dict[int, Unit]  # every recognised unit by each of its tokens
    mem: StoryMemory = field(default_factory=StoryMemory)
    refs: ReferenceState = field(default_factory=ReferenceState)
    group_counter: list[int] = field(default_factory=lambda: [0])  # the last group number given
    mentions: list[ActorMention] = field(default_factory=list)  # every mention coded so far


@dataclass(slots=True)
class Sentence:
    """One sentence on its way through the steps."""

    start: int  # token span
    end: int
    phrases: list[Phrase]
    drafts: list[Draft] = field(default_factory=list)
    place_of: dict[int, str] = field(default_factory=dict)  # head token of a town name -> its country
    countries: list[str] = field(default_factory=list)  # countries the sentence names (as evidence)
    home: list[str] = field(default_factory=list)  # ... not as a destination or a place
    uncoded: list[int] = field(default_factory=list)  # token positions of person names without a code
    results: list[Result] = field(default_factory=list)
    pending: list[Draft] = field(default_factory=list)  # drafts without a country of their own
    emitted: list[ActorMention] = field(default_factory=list)  # the sentence's mentions, in text order
