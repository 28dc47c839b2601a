"""Headline verbs the small model reads as nouns: "Iraq summons Turkish envoy over strikes", "Niger junta orders
French ambassador to leave", "Ecuador police storm Mexican embassy", "Raisi vows revenge after blasts".

A wire headline drops articles and writes its action in the present tense, so the verb ("summons", "orders",
"storm") looks like a plural noun and the parser builds one long noun phrase around it. Such a word is read as
the headline's verb when

- its sentence is a headline (no final full stop: ``headline_sentence``, also read by ``roles.py``);
- it is tagged a noun (or a verb the parser hung inside a noun phrase: ``compound``, ``nmod``, ``amod``,
  ``dep``, ``nsubj``, ``appos``), is in no actor mention, and its lemma has a verb frame of its own
  (``verbs*.yaml``) or is a governing word of ``modality.yaml``;
- an actor mention ends right before it (the subject) and a noun phrase starts right after it (the object).

Its slots are then read off the word order instead of the parse: the subject is the mention before it, the
object the head of the noun phrase after it (its last noun before a preposition, punctuation or verb), and each
preposition after that phrase a slot of its own.

READS: the sentence's tokens and parse labels, the actor index, the compiled verb frames and families.
ADDS: nothing; ``noun_verb`` and ``headline_roles`` are asked by ``roles.roles`` and ``steps/verbs.verbish``.
"""

from __future__ import annotations

from typing import Any

from .grammar import NOUN_POS, VERB_POS, Roles
from .state import DocState

# parse labels of a verb the parser took for part of a noun phrase
_NOMINAL_DEPS = frozenset({"compound", "nmod", "amod", "dep", "nsubj", "appos", "ROOT"})
_NP_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})


def headline_sentence(v: Any) -> bool:
    """Is ``v``'s sentence a headline (no final punctuation)?"""
    for t in reversed(v.sent):
        if not t.is_space:
            return t.text not in (".", "!", "?", '"', "'")
    return False


def noun_verb(st: DocState, t: Any) -> bool:
    """Is ``t`` the present-tense verb of a headline that the parser read as a noun (module docstring)?"""
    if t.pos_ in VERB_POS:
        if t.dep_ not in _NOMINAL_DEPS or t.dep_ == "ROOT" or any(c.dep_ == "dobj" for c in t.children):
            return False
    elif t.pos_ not in NOUN_POS or t.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return False
    lem = st.lem(t)
    if lem not in st.p.verbs and lem not in st.m.by_lemma:
        return False
    if st.idx.at(t.i) or t.i == t.sent.start or t.i + 1 >= t.sent.end:
        return False
    before = [m for m in st.idx.at(t.i - 1) if m.tok_end == t.i and t.doc[t.i - 1].pos_ != "ADJ"]
    nxt = t.doc[t.i + 1]  # (not "Indian protest violence": a demonym modifies a noun, it is no subject)
    return bool(before) and nxt.pos_ in _NP_POS and headline_sentence(t)


def headline_roles(st: DocState, t: Any) -> Roles:
    """The slots of headline verb ``t``, read off the word order (module docstring)."""
    doc = t.doc
    r: Roles = {}
    m = next(m for m in st.idx.at(t.i - 1) if m.tok_end == t.i)
    r["subj"] = [doc[m.head]]
    end = t.sent.end
    i = t.i + 1
    obj = None
    while i < end and doc[i].pos_ in _NP_POS and doc[i].dep_ not in ("prep", "agent"):
        if doc[i].pos_ in NOUN_POS:
            obj = doc[i]
        i += 1
    if obj is not None:
        r["obj"] = [obj]
    while i < end:
        p = doc[i]
        if p.pos_ == "ADP":
            j, head = i + 1, None
            while j < end and doc[j].pos_ in _NP_POS:
                if doc[j].pos_ in NOUN_POS:
                    head = doc[j]
                j += 1
            if head is not None:
                r.setdefault(p.lower_, []).append(head)
            i = j
            continue
        if p.pos_ in VERB_POS or p.is_punct:
            break
        i += 1
    return r
