"""Guards against violence coded from idioms and abstract nouns ("false friends").

General rules, not phrase lists (the noun classes they read are in ``data/nouns.yaml``):

* A **violent frame** (roots 18-20, riots, and any frame marked ``violent``) is dropped when its target
  slot is filled by an abstract noun that is no actor ("the fight against crime", "an attack on the
  policy", "war on poverty"), or when its subject is an abstract or natural cause ("the crisis hit the
  economy", "floods killed 20").
* A verb frame whose object class is more specific wins over the violent reading ("struck a deal" → sign
  agreement 057, "shot down a proposal" → reject 120): that is ordinary pattern specificity in verbs.yaml.
* A dismissal verb ("fired", "sacked") with an employee object ("fired 500 workers") is no violence.
* A light-verb event noun of the ``metaphor_noun`` class ("declared war on deforestation") whose target is
  a common noun that is neither an actor nor a physical target is no violence.
* A **metaphor-prone verb** (``metaphor_violence``: fight, battle, combat, tackle, strike) whose direct
  object is neither an actor nor a physical target ("struck a century", "battle the backlog") is no
  violence; nor is an accident cause as subject ("a car ploughed into the crowd, injuring ...").
* **Nominal** event mentions that are the subject or attribute of a copula ("the conflict is the main
  threat") or modified by an idiom marker ("war of words", "price war": ``idiom_of`` / ``idiom_mod``
  classes) are descriptions, not events; a violent one modified by a peaceful word ("rescue operation",
  "peacekeeping operations": ``benign_mod``) is no violence.
* Conflict-state nouns (conflict, war, crisis, dispute, tension) are not standalone nominal events at all;
  they are coded only through a light verb ("waged war on", "declared war on").
"""

from __future__ import annotations

from typing import Any

from . import physical
from .frames import Frame, Patterns
from .tables import load_words


class Guards:
    """The false-friend checks, compiled from the noun classes."""

    def __init__(self, patterns: Patterns) -> None:
        cls = patterns.classes
        self.abstract_nouns = cls.get("abstract", frozenset())
        self.natural = cls.get("natural_cause", frozenset())
        self.idiom_of = cls.get("idiom_of", frozenset())
        self.idiom_mod = cls.get("idiom_mod", frozenset())
        self.rivalry_mod = cls.get("rivalry_mod", frozenset())
        self.benign_mod = cls.get("benign_mod", frozenset())
        self.accident = cls.get("accident_cause", frozenset())
        self.metaphor_verbs = cls.get("metaphor_violence", frozenset())
        self.metaphor_nouns = cls.get("metaphor_noun", frozenset())
        self.dismissal_verbs = cls.get("dismissal_verb", frozenset())
        self.employees = cls.get("employee", frozenset())
        self.physical = (
            cls.get("physical_target", frozenset()) | cls.get("troops", frozenset()) | cls.get("persons", frozenset())
        )
        self.copulas = load_words().describing_copulas  # "the conflict is the main threat": a description

    def _heads(self, tok: Any) -> list[Any]:
        """The token and the nouns it stands for: "a surge *of cases*", "*coronavirus* cases", "some of the
        heaviest *rain*" (``of`` objects and compounds, two levels)."""
        out = [tok]
        level = [tok]
        for _ in range(2):
            nxt = []
            for t in level:
                for c in t.children:
                    if c.dep_ == "compound":
                        nxt.append(c)
                    elif c.dep_ == "prep" and c.lemma_.lower() == "of":
                        nxt.extend(p for p in c.children if p.dep_ == "pobj")
            out.extend(nxt)
            level = nxt
        return out

    def idiom(self, tok: Any, rivalry: bool = True, verb: str | None = None) -> str | None:
        """Why noun ``tok`` is an idiom, not an event ("war of words", "price war", "rescue operation"), or ``None``
        (``rivalry``: the noun names a conflict, which an economic modifier makes an idiom: "trade war", not "trade
        talks"; ``verb``: the lemma of the light verb the parser may have hung on it, "India, Pakistan trade fire")."""
        mods = self.idiom_mod | self.rivalry_mod if rivalry else self.idiom_mod
        for c in tok.children:
            low = c.lemma_.lower()
            if low == verb:
                continue
            if c.dep_ == "prep" and low == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in self.idiom_of:
                        return f"idiom '{tok.text} of {p.text}'"
            if c.dep_ in ("compound", "amod") and low in mods:
                return f"idiom '{c.text} {tok.text}'"
        return None

    def benign(self, tok: Any) -> str | None:
        """Why violent event noun ``tok`` names a peaceful operation ("peacekeeping operations", "a rescue
        operation": ``benign_mod``), or ``None``."""
        for c in tok.children:
            mods = [c, *c.conjuncts] if c.dep_ in ("compound", "amod", "nmod") else []  # "search and rescue operations"
            for m in mods:
                if m.lemma_.lower() in self.benign_mod or m.lower_ in self.benign_mod:
                    return f"peaceful '{m.text} {tok.text}'"
        return None

    def violent_target(self, frame: Frame, tok: Any | None, has_actor: bool) -> str | None:
        """Why a violent frame's target token makes it a false friend, or ``None``.

        * the target (or the noun it stands for) is abstract or a natural/medical phenomenon and no actor:
          "fight contagion", "battling a surge of new cases", "attacked the proposal";
        * the target is an idiom: "fought a price war", "a war of words";
        * a metaphor-prone verb (``metaphor_violence``: fight, battle, combat, tackle, strike ...) whose
          direct object is neither an actor nor a physical target (``physical_target``: positions, a
          convoy, a town ...): "struck a century", "tackle the backlog".
        """
        if not frame.violent or tok is None or has_actor:
            return None
        for h in self._heads(tok):
            low = h.lemma_.lower()
            if low in self.abstract_nouns or low in self.natural:
                return f"abstract or natural target '{h.text}'"
        why = self.idiom(tok)
        if why:
            return why
        if (
            frame.lemma in self.metaphor_verbs
            and not frame.prt  # "fought off an attack by rebels": the phrasal verb is no metaphor of "fight"
            and tok.dep_ in ("dobj", "nsubjpass")
            and tok.pos_ == "NOUN"
            and not any(self.is_physical(h) for h in self._heads(tok))
        ):
            return f"'{frame.lemma}' with object '{tok.text}', no actor or physical target (a metaphor)"
        if (
            frame.noun in self.metaphor_nouns
            and tok.pos_ == "NOUN"
            and tok.dep_ == "pobj"
            and not any(self.is_physical(h) for h in self._heads(tok))
        ):
            return f"'{frame.noun}' on '{tok.text}', no actor or physical target (a metaphor)"
        return None

    def is_physical(self, h: Any) -> bool:
        """A physical target by its lemma or its word ("bases", which the lemmatiser reads as "basis")."""
        return h.lemma_.lower() in self.physical or h.lower_ in self.physical

    def violent_subject(self, frame: Frame, tok: Any | None, has_actor: bool) -> str | None:
        """Why a violent frame's subject makes it a false friend (abstract, natural, medical or accident
        cause: "floods killed", "the virus killed", "a car ploughed into the crowd, injuring ..."), or
        ``None``; not when the subject names a weapon or an attacker ("a car bomb killed ...")."""
        if not frame.violent or tok is None or has_actor:
            return None
        if physical.marker(tok.subtree, physical.load_rules()) is not None:
            return None  # "a car bomb blast killed ...": a weapon, not an accident
        for h in self._heads(tok):
            low = h.lemma_.lower()
            if low in self.abstract_nouns or low in self.natural or low in self.accident:
                return f"abstract, natural or accident cause '{h.text}'"
        return None

    def impersonal(self, tok: Any) -> bool:
        """``tok`` (or the noun it stands for) is an abstract, natural or accident cause, or a conflict or
        situation (``impersonal_causes``): no one who could ask, demand or threaten."""
        extra = load_words().impersonal_causes
        return any(
            (low := h.lemma_.lower()) in self.abstract_nouns
            or low in self.natural
            or low in self.accident
            or low in extra
            for h in self._heads(tok)
        )

    def dismissal(self, frame: Frame, verb: Any) -> str | None:
        """Why a violent verb is a dismissal ("fired 500 workers", "sacked the army chief"), or ``None``: a
        verb of the ``dismissal_verb`` class with a direct object of the ``employee`` class."""
        if not frame.violent or frame.lemma not in self.dismissal_verbs:
            return None
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.employees:
                return f"'{verb.text} ... {c.text}' is a dismissal"
        return None

    def nominal(self, noun: Any, rivalry: bool = True) -> str | None:
        """Why a nominal event mention is not an event, or ``None`` (``rivalry``: as for ``idiom``)."""
        if (
            noun.dep_ in ("nsubj", "attr", "nsubjpass")
            and noun.head.lemma_.lower() in self.copulas
            and not any(c.dep_ == "expl" for c in noun.head.children)  # "there were clashes": it happened
        ):
            return f"'{noun.text}' is described by a copula, not reported as an event"
        return self.idiom(noun, rivalry)
