"""Guards against violence coded from idioms and abstract nouns ("false friends").

General rules, not phrase lists (the noun classes they read are in ``data/nouns.yaml``):

* A **violent frame** (roots 18-20, riots, and any frame marked ``violent``) is dropped when its target
  slot is filled by an abstract noun that is no actor ("the fight against crime", "an attack on the
  policy", "war on poverty"), or when its subject is an abstract or natural cause ("the crisis hit the
  economy", "floods killed 20").
* A verb frame whose object class is more specific wins over the violent reading ("struck a deal" → sign
  agreement 057, "shot down a proposal" → reject 120): that is ordinary pattern specificity in verbs.yaml.
* **Nominal** event mentions that are the subject or attribute of a copula ("the conflict is the main
  threat") or modified by an idiom marker ("war of words", "price war": ``idiom_of`` / ``idiom_mod``
  classes) are descriptions, not events.
* Conflict-state nouns (conflict, war, crisis, dispute, tension) are not standalone nominal events at all;
  they are coded only through a light verb ("waged war on", "declared war on").
"""

from __future__ import annotations

from typing import Any

from .frames import Frame, Patterns

COPULAS = frozenset({"be", "remain", "become", "seem", "constitute", "represent"})


class Guards:
    """The false-friend checks, compiled from the noun classes."""

    def __init__(self, patterns: Patterns) -> None:
        cls = patterns.classes
        self.abstract_nouns = cls.get("abstract", frozenset())
        self.natural = cls.get("natural_cause", frozenset())
        self.idiom_of = cls.get("idiom_of", frozenset())
        self.idiom_mod = cls.get("idiom_mod", frozenset())

    def violent_target(self, frame: Frame, tok: Any | None, has_actor: bool) -> str | None:
        """Why a violent frame's target token makes it a false friend, or ``None``."""
        if not frame.violent or tok is None or has_actor:
            return None
        if tok.lemma_.lower() in self.abstract_nouns:
            return f"abstract target '{tok.text}'"
        return None



    def violent_subject(self, frame: Frame, tok: Any | None, has_actor: bool) -> str | None:
        if not frame.violent or tok is None or has_actor:
            return None
        low = tok.lemma_.lower()
        if low in self.abstract_nouns or low in self.natural:
            return f"abstract or natural subject '{tok.text}'"
        return None

    def nominal(self, noun: Any) -> str | None:
        """Why a nominal event mention is not an event, or ``None``."""
        if noun.dep_ in ("nsubj", "attr", "nsubjpass") and noun.head.lemma_.lower() in COPULAS:
            return f"'{noun.text}' is described by a copula, not reported as an event"
        for c in noun.children:
            low = c.lemma_.lower()
            if c.dep_ == "prep" and low == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in self.idiom_of:
                        return f"idiom '{noun.text} of {p.text}'"
            if c.dep_ in ("compound", "amod") and low in self.idiom_mod:
                return f"idiom '{c.text} {noun.text}'"
        return None
