"""The doc-at-a-time lemmatizer gives exactly spaCy's lemmas."""

from __future__ import annotations

import spacy
from spacy.pipeline import Lemmatizer

from eventwire._lemmatizer import accelerate
from eventwire.config import DEFAULT_MODEL

TEXTS = [
    "The ministers were meeting in Geneva; talks had been postponed twice and the envoys' cars waited.",
    "Rebels ain't gonna surrender: they've said so since Monday, and the villagers' homes are burning.",
    "She's been better, he'd argued, as Britain's foreign secretary lobbied harder than his predecessors.",
    "Troops shelled the outskirts, killing 12 people; the UN said it was 'deeply alarmed' by the strikes.",
    "",
    "   ",
    "Protesters protested.  Police policed!\n\nThe best-laid plans of mice and men went awry.",
    "THE PRESIDENT SIGNED THE BILLS INTO LAW ON FRIDAY, OFFICIALS SAID.",
]


def _annotations(nlp: spacy.Language) -> list[list[tuple[str, str, str]]]:
    return [[(t.text, t.pos_, t.lemma_) for t in doc] for doc in nlp.pipe(TEXTS)]


def test_accelerated_lemmatizer_gives_spacys_lemmas() -> None:
    plain = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    fast = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    assert accelerate(fast.get_pipe("lemmatizer"))
    expected = _annotations(plain)
    assert _annotations(fast) == expected
    assert _annotations(fast) == expected  # from the cache the second time
    assert [t.lemma_ for t in fast("The talks were held.")] == ["the", "talk", "be", "hold", "."]


def test_lemmas_set_before_the_lemmatizer_are_kept() -> None:
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "negotiation"})
    assert accelerate(nlp.get_pipe("lemmatizer"))
    assert [t.lemma_ for t in nlp("The talks were held.")][1] == "negotiation"


def test_other_modes_are_left_alone() -> None:
    nlp = spacy.blank("en")
    lookup = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert isinstance(lookup, Lemmatizer)
    before = type(lookup)
    assert not accelerate(lookup)
    assert type(lookup) is before


def test_lemma_tables_answer_the_same_and_still_serialise() -> None:
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    lemmatizer = nlp.get_pipe("lemmatizer")
    before = {pos: list(words) for pos, words in lemmatizer.lookups.get_table("lemma_index").items()}
    assert accelerate(lemmatizer)
    index = lemmatizer.lookups.get_table("lemma_index")
    for pos, words in before.items():
        assert list(index[pos]) == words
        assert words[0] in index[pos] and "zzqx-not-a-word" not in index[pos]
    assert lemmatizer.to_bytes()
