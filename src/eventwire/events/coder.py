"""The event coder's top: a sentence's journey through the parse, as an ordered list of named steps.

Each step is a module of ``steps/`` that declares what it ``READS`` and what it ``ADDS`` and has
``run(st, s)``; ``SentenceCoder.code_sentence`` runs them in the order of ``STEPS`` (see docs/events.md
for the full rules):

1. **triggers** — the tokens whose lemma can start a frame; a sentence without one has no event.
2. **families** — governing words with an event complement ("plans to visit", "refused to meet", "called
   for talks", "demanded that X release ...", "warned it would impose sanctions"): the complement's code is
   mapped to the family's code (``modality.yaml``: intent, appeal, demand, reject, threaten).
3. **verbs** — light-verb pairs, then the verb's own frames; then the verb's actors, its governors
   (negation, modality, futures, reported speech, reported obligations), violence checks and adjustments
   (third-country meetings, visits, own forces, allegations).
4. **obligations** — "X said Y must <any action>": a demand even when the action has no frame.
5. **nouns** — nominal events not used by a verb, with an actor on both sides.
6. **subordinate** — an event in a purpose or participle clause of another coded event is dropped.
7. **story_context** — no event inside a credit or caption, no violence in sports reporting, no attack in a
   disaster; background history and habits get their modality (``historical``, ``habitual``).
8. **statements** — statements only when nothing better was coded (with the speech-verb fallback).

What the steps share: ``state.py`` (the document's state, the sentence's work). What they use: reading
roles from the parse (``roles.py``), matching frames (``match.py``), actors (``actors.py``), governors
(``governors.py``, ``modality.py``), false friends (``falsefriends.py``), adjustments (``adjustments.py``),
emit (``emit.py``). Word lists and CAMEO codes are data (``data/words.yaml``, ``data/codes.yaml``,
``data/complements.yaml``; ``tables.py``). The story-level part (context, casualty dedup, events) is
``EventCoder`` in ``__init__.py``.
"""

from __future__ import annotations

from typing import Any, Protocol

from ..mentions import ActorIndex
from .context import StoryContext
from .emit import dedup_casualties, pairs, to_events
from .falsefriends import Guards
from .frames import Patterns
from .state import Candidate, Complement, DocState, SentenceWork, Trace
from .steps import families, nouns, obligations, statements, story_context, subordinate, triggers, verbs


class Step(Protocol):
    """A step module: what it reads and adds (names of the sentence's work), and ``run``."""

    __name__: str
    READS: tuple[str, ...]
    ADDS: tuple[str, ...]

    def run(self, st: DocState, s: SentenceWork) -> None: ...


# What a sentence starts its journey with (what the first steps may READ without an earlier step ADDing it).
GIVEN = ("sentence", "lemmas", "patterns.trigger_lemmas", "patterns.needed_lemmas", "story_context")

# The sentence's journey, in order.
STEPS: tuple[Step, ...] = (
    triggers,  # find the trigger words
    families,  # governing words + their event complement
    verbs,  # verb and light-verb frames, with governors and adjustments
    obligations,  # "X said Y must <act>": demands whose action has no frame
    nouns,  # nominal events not used by a verb
    subordinate,  # drop events subordinate to another coded event
    story_context,  # drop events in credits and captions, and sports "violence"
    statements,  # statements only when nothing better; the speech-verb fallback
)


class SentenceCoder:
    """Codes the sentences of one document (holds the per-document state: actor index, trace, caches)."""

    def __init__(
        self, patterns: Patterns, guards: Guards, idx: ActorIndex, trace: Trace | None, ctx: StoryContext | None = None
    ) -> None:
        self.state = DocState(patterns, guards, idx, trace, ctx)

    def code_sentence(self, sent: Any) -> list[Candidate]:
        """The candidate events of ``sent``: the steps of ``STEPS`` in order."""
        s = SentenceWork(sent)
        for step in STEPS:
            step.run(self.state, s)
            if s.done:
                break
        for c in s.cands:
            if c.sources or c.targets:
                self.state.earlier[c.code[:2]] = (c.sources, c.targets)
        return s.cands


__all__ = [
    "GIVEN",
    "STEPS",
    "Step",
    "Candidate",
    "Complement",
    "SentenceCoder",
    "Trace",
    "dedup_casualties",
    "pairs",
    "to_events",
]
