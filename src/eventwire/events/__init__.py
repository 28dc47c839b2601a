"""Event coding (stage 4): predicates on the parse → CAMEO events with source and target.

Patterns are data (``data/verbs*.yaml``, ``nouns*.yaml``, ``lightverbs*.yaml``, ``modality*.yaml``),
compiled once by ``frames.load``; ``coder.SentenceCoder`` runs each sentence through the steps listed in
``coder.STEPS``. See docs/events.md.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

from ..mentions import ActorIndex, ActorMention, EventMention
from ..story import Story
from .coder import SentenceCoder, Trace, dedup_casualties, to_events
from .context import StoryContext, load_rules
from .emit import drop_partial_repeats
from .falsefriends import Guards
from .frames import Patterns, load


class EventCoder:
    """Codes the events of one parsed story. Patterns are loaded and compiled once, in ``__init__``."""

    def __init__(self) -> None:
        self.patterns: Patterns = load()
        self.guards = Guards(self.patterns)
        self.trigger_lemmas: frozenset[str] = self.patterns.trigger_lemmas
        # what the pre-filter looks for: a sentence with none of these holds no event
        self.needed_lemmas: frozenset[str] = self.patterns.needed_lemmas
        self.context_rules = load_rules()

    def has_trigger(self, lemmas: Iterable[str]) -> bool:
        """True when any of ``lemmas`` (lower-cased) can trigger an event: sentences without one can skip
        event coding (and, with a cheap lemmatiser in front, parsing)."""
        t = self.needed_lemmas
        return any(lem in t for lem in lemmas)

    def code(self, doc: Any, story: Story, actors: list[ActorMention]) -> list[EventMention]:
        """The events of ``doc`` given its actor mentions."""
        return self._code(doc, actors, None, story.date if story is not None else None)

    def explain(
        self, doc: Any, actors: list[ActorMention], story_date: _dt.date | None = None
    ) -> tuple[list[EventMention], list[list[str]]]:
        """The events of ``doc`` and, for each sentence, the frames tried and why each gave an event or
        not (one list of lines per sentence, in ``doc.sents`` order)."""
        trace = Trace()
        events = self._code(doc, actors, trace, story_date)
        return events, trace.sentences

    def _code(
        self, doc: Any, actors: list[ActorMention], trace: Trace | None, story_date: _dt.date | None = None
    ) -> list[EventMention]:
        ctx = StoryContext.of(doc, self.context_rules, story_date)
        if ctx.spans:  # photo credits and caption headers name no actor of the story
            actors = [a for a in actors if not ctx.in_boilerplate(a.start, a.end)]
        sc = SentenceCoder(self.patterns, self.guards, ActorIndex(actors), trace, ctx)
        out: list[EventMention] = []
        for si, sent in enumerate(doc.sents):
            if trace is not None:
                trace.start()
            why = ctx.skip(sent)
            if why:
                if trace is not None:
                    trace.add(f"  sentence skipped ({why})")
                continue
            cands = sc.code_sentence(sent)
            out.extend(drop_partial_repeats(to_events(si, sent, cands), trace, doc))
        return dedup_casualties(out, trace)


__all__ = ["EventCoder"]
