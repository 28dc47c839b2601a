"""A faster ``__call__`` for spaCy's rule lemmatizer that gives exactly the same lemmas.

spaCy's rule lemmatizer caches a lemma by (word, POS, morphology) but returns early, without caching, for
every word in its base form (``is_base_form``: singular nouns, infinitives, positive adjectives: most of a
text); each such token costs a morphology dictionary and the rule look-ups again, with a Python ``Token``
made and a lemma string written per token. That was a ninth of the whole pipeline without NER on wire
stories. The lemma of a token depends only on its word, POS and morphology (the lemma tables are fixed
once loaded), so ``accelerate(lemmatizer)`` gives the component a ``__call__`` that reads those three
columns of the whole doc at once, asks spaCy's own ``lemmatize`` once per new (word, POS, morphology) and
writes the lemma column back in one call. Lemmas already set (the attribute ruler sets some) are kept
unless the component overwrites, as spaCy does. A word not seen before still costs spaCy's rules, which
test each candidate lemma for membership in a list of up to 57,000 words (about 0.3 ms a word); the
lists become ``_Index`` lists that answer ``in`` from a set: the same lists, the same answers. Same
output as the stock component (tests/test_lemmatizer.py); a lemmatizer of another mode or with its own
``__call__`` is left as it is.
"""

from __future__ import annotations

from typing import Any

# A long run meets new (word, POS, morphology) triples for ever; past this many the cache starts again.
CACHE_LIMIT = 400_000

_FAST: dict[type, type] = {}


class _Index(list[str]):
    """A lemma index: the same list, with membership answered from a set."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._members = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._members


def _call(self: Any, doc: Any) -> Any:
    """The lemmatizer's ``__call__``, a doc at a time (see the module docstring)."""
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    if not self._validated or len(doc) == 0:
        return super(type(self), self).__call__(doc)  # spaCy validates its tables on the first doc
    error_handler = self.get_error_handler()
    try:
        cache: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_eventwire_lemmas", {})
        if len(cache) > CACHE_LIMIT:
            cache.clear()
        strings = doc.vocab.strings
        overwrite = self.overwrite
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3:4].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i, 0] = value
        doc.from_array([LEMMA], lemmas)
        return doc
    except Exception as e:
        error_handler(self.name, self, [doc], e)
        return doc


def accelerate(lemmatizer: Any) -> bool:
    """Give a rule-mode spaCy ``lemmatizer`` the doc-at-a-time ``__call__``; ``False`` (left unchanged)
    for another mode or a class with its own ``__call__``."""
    from spacy.pipeline import Lemmatizer

    cls = type(lemmatizer)
    if cls in _FAST.values():
        return True
    if not isinstance(lemmatizer, Lemmatizer) or cls.__call__ is not Lemmatizer.__call__:
        return False
    if getattr(lemmatizer, "mode", None) != "rule":
        return False
    fast = _FAST.get(cls)
    if fast is None:
        fast = _FAST[cls] = type(cls.__name__, (cls,), {"__call__": _call, "__module__": cls.__module__})
    lemmatizer.__class__ = fast
    if lemmatizer.lookups.has_table("lemma_index"):
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos, words in list(index.items()):
            if isinstance(words, list) and not isinstance(words, _Index):
                index[pos] = _Index(words)
    return True
