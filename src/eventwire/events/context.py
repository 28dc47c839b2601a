"""Story context that switches event coding off: boilerplate spans and sports reporting.

Compiled once from ``data/context.yaml``:

* **Boilerplate** — photo credits ("REUTERS/Jane Doe"), "Mandatory Credit: ..." lines, slideshow
  counters, caption "...more" markers, wire codes: actor mentions overlapping such a span are not used by
  the event coder, and a trigger inside one gives no event. A sentence with a ``skip_sentence`` marker
  ("Related Coverage" headline lists of *other* stories) gives no events at all.
* **Sports** — a sentence with a strong sports cue (innings, wicket, touchdown, rebound, ...) or a score,
  and every sentence of a story with at least ``story_min`` cues, gives no violent event (roots 17-20) and
  none of the listed game verbs ("beat the Wizards", "defeated X 3-1", "struck out two").
* **Story time and disasters** — the story's date (background events before it: ``time.py``), whether the
  story names a physical cause and no attack marker at all, and whether a disaster was reported so far
  (``physical.py``).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .._columns import columns
from .._data import load_yaml
from .._regex import Scouted
from ..errors import EventwireError, error
from ..nlp import text_of
from . import physical
from .grammar import NOUN_POS
from .tables import load_codes

PACKAGE = "eventwire.events"


def _err(msg: str) -> EventwireError:
    return error("E320", where="events/data/context.yaml", problem=msg)


def _regexes(spec: Any, key: str) -> list[Scouted]:
    if spec is None:
        return []
    out = []
    for p in spec:
        try:
            out.append(Scouted(str(p)))
        except re.error as e:
            raise _err(f"bad regular expression in '{key}': {p!r} ({e})") from e
    return out


@dataclass(frozen=True, slots=True)
class ContextRules:
    """The compiled ``context.yaml``."""

    boilerplate: tuple[Scouted, ...]
    skip_sentence: tuple[Scouted, ...]
    sports_lemmas: frozenset[str]
    sports_strong: frozenset[str]
    sports_patterns: tuple[Scouted, ...]
    sports_verbs: frozenset[str]
    story_min: int = 3


@lru_cache(maxsize=1)
def load_rules() -> ContextRules:
    data = load_yaml(PACKAGE, "context.yaml")  # shapes: schema/data/events-context.schema.json
    sp = data.get("sports") or {}

    def words(x: Any) -> frozenset[str]:
        return frozenset(str(w).lower() for w in (x or []))

    return ContextRules(
        boilerplate=tuple(_regexes(data.get("boilerplate"), "boilerplate")),
        skip_sentence=tuple(_regexes(data.get("skip_sentence"), "skip_sentence")),
        sports_lemmas=words(sp.get("lemmas")) | words(sp.get("strong")),
        sports_strong=words(sp.get("strong")),
        sports_patterns=tuple(_regexes(sp.get("patterns"), "sports.patterns")),
        sports_verbs=words(sp.get("verbs")),
        story_min=int(sp.get("story_min", 3)),
    )


def _noun_lemmas(doc: Any) -> list[str]:
    """Lower-cased lemmas of the doc's nouns and proper nouns, read from the doc's arrays (no Token objects:
    building them is most of the cost of a pass over the doc)."""
    cols = columns(doc)
    return [lem for lem, pos in zip(cols.lemma, cols.pos, strict=True) if pos in NOUN_POS]


@dataclass(slots=True)
class StoryContext:
    """Per-document facts: boilerplate character spans, sentences to skip, sports sentences/story."""

    rules: ContextRules
    spans: list[tuple[int, int]] = field(default_factory=list)
    sports_story: bool = False
    # (start, end, pattern) of every skip-sentence match in the doc text, found once per doc
    skips: list[tuple[int, int, str]] = field(default_factory=list)
    # the sports patterns found somewhere in the story (only these can be found in one of its sentences);
    # ``None`` until a sentence needs them: most stories never ask
    sports_found: tuple[Scouted, ...] | None = None
    text: str = ""
    story_date: _dt.date | None = None  # the story's date: events before its year are background
    attack_free: bool = False  # the story names no attack marker (bomb, militants, shelling ...: physical.py)
    disaster_seen: bool = False  # a sentence so far reported casualties of a physical cause (set by story_context)

    @classmethod
    def of(cls, doc: Any, rules: ContextRules | None = None, story_date: _dt.date | None = None) -> StoryContext:
        rules = rules or load_rules()
        text = text_of(doc)
        low = text.lower()
        spans = sorted(m.span() for p in rules.boilerplate for m in p.finditer(text, low))
        nouns = _noun_lemmas(doc)
        strong = sum(1 for w in nouns if w in rules.sports_strong)
        sports_story = False
        found: tuple[Scouted, ...] | None = None
        if strong >= 1:  # without a strong cue the story is no sports story, whatever the other cues
            cues = sum(1 for w in nouns if w in rules.sports_lemmas)
            counts = [(p, len(p.findall(text, low))) for p in rules.sports_patterns]
            cues += sum(n for _, n in counts)
            found = tuple(p for p, n in counts if n)
            sports_story = cues >= rules.story_min
        skips = [(m.start(), m.end(), p.pattern) for p in rules.skip_sentence for m in p.finditer(text, low)]
        prules = physical.load_rules()
        attack_free = any(w in prules.causes for w in nouns) and physical.marker(doc, prules) is None
        return cls(
            rules,
            spans,
            sports_story=sports_story,
            skips=skips,
            sports_found=found,
            text=text,
            story_date=story_date,
            attack_free=attack_free,
        )

    def in_boilerplate(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)

    def skip(self, sent: Any) -> str | None:
        """Why the whole sentence gives no events, or ``None``."""
        if not self.skips:
            return None
        lo, hi = sent.start_char, sent.end_char
        for s, e, pattern in self.skips:
            if lo <= s and e <= hi:
                return f"'{pattern}': a list of other stories' headlines"
        return None

    def sports(self, sent: Any) -> str | None:
        """Why violent events in this sentence are sports reporting, or ``None``."""
        if self.sports_story:
            return "sports story"
        cols = columns(sent.doc)
        strong = self.rules.sports_strong
        for i in range(sent.start, sent.end):
            if cols.lemma[i] in strong and cols.pos[i] in NOUN_POS:
                return f"sports cue '{sent.doc[i].text}'"
        if self.sports_found is None:
            low = self.text.lower()
            self.sports_found = tuple(p for p in self.rules.sports_patterns if p.search(self.text, low))
        for p in self.sports_found:
            m = p.regex.search(sent.text)
            if m:
                return f"score or sports phrase '{m.group(0)}'"
        return None

    def blocks(self, sent: Any, code: str, lemma: str) -> str | None:
        """Why an event with ``code`` at a trigger ``lemma`` is a game, not violence, or ``None``."""
        if code[:2] not in load_codes().sports_violence_roots and lemma not in self.rules.sports_verbs:
            return None
        return self.sports(sent)
