"""How a place mention hangs from an event on the dependency parse (rule 1 of ``locate.py``).

The word lists (locative and directional prepositions, clause boundaries, site nouns, light verbs, time
adjuncts) and ``attachment``, which walks from a place mention up to the event's heads and says whether and
how (tier, distance, relation, direct) the place is attached to the event.
"""

from __future__ import annotations

from typing import Any

from .mentions import PlaceMention, place_noun

LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "throughout",
        "within",
        "along",
        "off",
        "beside",
        "nearby",
        "outside_of",
    }
)
# "on" is locative only before these nouns ("on the outskirts of Kabul"); "talks on Syria" is a topic
ON_NOUNS = frozenset(
    {
        "outskirts",
        "border",
        "island",
        "coast",
        "edge",
        "bank",
        "road",
        "highway",
        "street",
        "frontline",
        "front",
        "shore",
        "banks",
        "territory",
        "soil",
    }
)
DIRECTIONAL = frozenset({"to", "into", "from", "toward", "towards", "through", "via", "out"})
CLAUSE_BOUNDARY = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "mark"})
SHARE_UP = frozenset({"xcomp", "conj", "acl", "aux", "auxpass"})
# objects that are a site inside a place ("stormed Kiev's main square")
SITE_NOUNS = frozenset(
    {
        "square",
        "airport",
        "market",
        "bridge",
        "port",
        "harbour",
        "harbor",
        "station",
        "stadium",
        "university",
        "hospital",
        "prison",
        "palace",
        "parliament",
        "embassy",
        "consulate",
        "base",
        "camp",
        "checkpoint",
        "crossing",
        "road",
        "highway",
        "street",
        "mosque",
        "church",
        "cathedral",
        "hotel",
        "headquarters",
        "office",
        "offices",
        "building",
        "compound",
        "village",
        "town",
        "city",
        "suburb",
        "suburbs",
        "outskirts",
        "district",
        "neighbourhood",
        "neighborhood",
        "centre",
        "center",
        "residence",
    }
)
# "held talks in Doha": a place on the object of a light verb is the event's place
LIGHT_VERBS = frozenset(
    {
        "hold",
        "make",
        "pay",
        "conduct",
        "have",
        "give",
        "issue",
        "sign",
        "stage",
        "host",
        "deliver",
        "launch",
        "open",
        "begin",
        "start",
        "resume",
    }
)
SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})
# a place inside a time adjunct is not the event's place ("arrested ... after the rally in Atlanta")
NOT_PLACE = frozenset(
    {
        "after",
        "before",
        "during",
        "since",
        "until",
        "following",
        "ahead",
        "prior",
        "about",
        "over",
        "against",
        "like",
        "than",
        "despite",
        "regarding",
        "concerning",
    }
)


def _event_heads(doc: Any, trig: int) -> set[int]:
    """The trigger and the verbs it shares its setting with (its xcomp/conj/acl heads)."""
    heads = {trig}
    t = doc[trig]
    while t.dep_ in SHARE_UP and t.head.i != t.i:
        t = t.head
        heads.add(t.i)
    return heads


def _in_subject(t: Any, heads: set[int]) -> bool:
    """``t`` is inside the subject of an event head ("Officials in Baku said", "the Red Cross operating in
    Iraq said"): the speaker's place is where a statement is made."""
    for _ in range(3):
        if t.dep_ in SUBJECTS:
            return t.head.i in heads
        if t.dep_ != "acl" or t.head.i == t.i:
            return False
        t = t.head
    return False


def attachment(doc: Any, m: PlaceMention, heads: set[int]) -> tuple[int, int, str, bool] | None:
    """How ``m`` hangs from the event: (tier, distance, relation, direct) or None when it does not.

    tier 0: a locative preposition on the path; 1: a directional one; 2: a direct object of the trigger.
    ``direct``: the preposition hangs from the event itself (not from one of its arguments).
    """
    noun = place_noun(doc, m)
    t = noun if noun is not None and noun.i not in heads else doc[m.tok_start : m.tok_end].root
    prep: str | None = None
    top: str | None = None
    direct = False
    steps = 0
    first_dep = t.dep_
    while t.i not in heads:
        if t.dep_ in CLAUSE_BOUNDARY or t.head.i == t.i:
            return None
        if t.dep_ == "prep" or t.pos_ == "ADP":
            w = t.lower_
            if w == "on" and any(c.dep_ == "pobj" and c.lower_ in ON_NOUNS for c in t.children):
                w = "at"
            top = w
            if (w in LOCATIVE or w in DIRECTIONAL) and (prep is None or prep not in LOCATIVE):
                prep = w
            h = t.head
            light = h.dep_ == "dobj" and h.head.i in heads and h.head.lemma_ in LIGHT_VERBS
            direct = h.i in heads or light or _in_subject(h, heads)
        t = t.head
        steps += 1
        if steps > 12:
            return None
    if top in NOT_PLACE:
        return None
    if prep is not None:
        return (0 if prep in LOCATIVE else 1, steps, prep, direct)
    if steps == 1 and first_dep in ("dobj", "pobj", "attr", "oprd"):
        return (2, steps, first_dep, True)
    if steps == 2 and first_dep in ("poss", "compound"):
        # "cleared Kiev's Independence Square", "shelled the Donetsk airport": the object is a site in it
        obj = doc[m.tok_start : m.tok_end].root.head
        if obj.dep_ == "dobj" and obj.lower_ in SITE_NOUNS:
            return (2, steps, "site", True)
    return None
