"""Grammar constants the coder's steps test on the parse: POS tags, dependency labels and argument-slot names.

These name the parser's categories, not words of the language: the word lists are data (``data/words.yaml``,
read by ``tables.py``).
"""

from __future__ import annotations

from typing import Any

VERB_POS = frozenset({"VERB", "AUX"})
GOV_POS = frozenset({"VERB", "AUX", "ADJ"})  # a governing word: a verb, or an adjective ("ready to")
NOUN_POS = frozenset({"NOUN", "PROPN"})
# dependencies searched (breadth-first) below an argument for its actor: "the Syrian army", "troops of X"
SEARCH_DEPS = frozenset(
    {"compound", "amod", "poss", "appos", "nmod", "pobj", "acl", "agent", "npadvmod", "nummod", "prep"}
)
# dependencies a phrasal verb's particle or bound preposition may carry ("called off", "called for")
PRT_DEPS = frozenset({"prt", "prep", "advmod", "dative", "acomp", "oprd", "dobj", "npadvmod", "ccomp"})
# a coded event at a token with one of these relations to another coded event is subordinate to it
SUBORDINATE_DEPS = frozenset({"advcl", "xcomp", "acl", "pcomp"})
# argument slots that are grammatical relations (the other slots are prepositions)
ROLE_KEYS = frozenset({"subj", "obj", "iobj", "oprd"})
ROLE_SLOTS_ALL = ROLE_KEYS | {"poss", "amod", "compound", "none"}

# Argument slots of a predicate: slot name ("subj", "obj", "iobj", "oprd", "poss", ... or a preposition) ->
# the tokens that fill it.
Roles = dict[str, list[Any]]


def in_aside(t: Any, trig: int) -> bool:
    """Is token ``t`` inside an apposition (within its clause) that does not hold the token at ``trig``: a
    description of a noun, not a word of that event ("The offensive, the third operation since 2016, began on
    Wednesday")?"""
    while t.head.i != t.i and t.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj"):
        if t.dep_ == "appos" and t.pos_ == "NOUN":  # a common noun: not a date's parts ("Tuesday, Feb. 25, 2019")
            return not t.left_edge.i <= trig <= t.right_edge.i
        t = t.head
    return False


def clause_head(tok: Any) -> Any:
    """The verb heading ``tok``'s clause (or the root): the first VERB/AUX up its head chain."""
    t = tok
    for _ in range(12):
        if t.pos_ in VERB_POS or t.head.i == t.i:
            return t
        t = t.head
    return t


def ancestors(tok: Any) -> set[int]:
    """The indexes of ``tok`` and of every token above it in the parse."""
    out = {tok.i}
    t = tok
    for _ in range(40):
        if t.head.i == t.i:
            break
        t = t.head
        out.add(t.i)
    return out


def front_of(objs: list[Any]) -> list[Any]:
    """The objects of "in front of X" (``objs``: the objects of "in"): what a crowd gathers outside of."""
    return [p for n in objs if n.lower_ == "front" for q in n.children if q.lower_ == "of" for p in q.children]


def free_relative(p: Any) -> bool:
    """ "in what the West called an illegal annexation": a characterisation by its speaker, no place or party."""
    return p.dep_ == "pcomp" and any(c.lower_ == "what" and c.i < p.i for c in p.children)


OPEN_QUOTES = frozenset({'"', "'", "\u2018", "\u201c"})


def after_open_quote(doc: Any, i: int) -> bool:
    """Does token ``i`` follow an opening quote mark ("slams 'masquerade'", 'chanted "stop killing us"')?"""
    return i > 0 and doc[i - 1].text in OPEN_QUOTES
