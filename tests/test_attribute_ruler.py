"""The compiled attribute-ruler matcher gives exactly spaCy's matches (and so the same POS, morph, lemmas)."""

from __future__ import annotations

import pytest
import spacy

from eventwire._attribute_ruler import CompiledRules, accelerate
from eventwire.config import DEFAULT_MODEL

TEXTS = [
    "The minister said it wasn't clear whether talks would resume, but that they'd try again.",
    "Rebels ain't gonna surrender, y'all know that; they've said so since Monday.",
    "There are reports that police didn't arrest anyone at the rally in Kyiv.",
    "Do you think he has done what he promised?  If so, let's meet.\n\nNothin' changed.",
    "Those who attacked the convoy were from this village, which the army had shelled twice.",
]


def test_same_matches_as_spacy_matcher() -> None:
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    compiled = CompiledRules(ruler)
    for doc in nlp.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer"]):
        expected = ruler.match(doc)  # spaCy's Matcher
        got = compiled.match(doc)
        assert [(a, s, e) for a, _, s, e in got] == [(a, s, e) for a, _, s, e in expected]


def test_memo_of_first_tokens_gives_the_same_matches_again_and_at_a_doc_end() -> None:
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    compiled = CompiledRules(ruler)
    texts = [*TEXTS, "They said they were gon", "gon na", "Y'all"]  # a pattern's first token last in the doc
    docs = list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer"]))
    cold = [compiled.match(doc) for doc in docs]
    warm = [compiled.match(doc) for doc in reversed(docs)][::-1]
    for doc, a, b in zip(docs, cold, warm, strict=True):
        expected = [(m, s, e) for m, _, s, e in ruler.match(doc)]
        assert [(m, s, e) for m, _, s, e in a] == expected == [(m, s, e) for m, _, s, e in b]


def test_accelerated_pipeline_annotates_identically() -> None:
    plain = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    fast = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    assert accelerate(fast.get_pipe("attribute_ruler"))
    for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]


def test_unsupported_patterns_leave_ruler_alone() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "Kyiv", "IS_TITLE": True}]], {"POS": "PROPN"})
    assert accelerate(ruler) is False
    doc = nlp("Kyiv")
    assert doc[0].pos_ == "PROPN"


def test_negative_and_positive_indices_set_the_same_token() -> None:
    plain = spacy.blank("en")
    fast = spacy.blank("en")
    for nlp in (plain, fast):
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "prime"}, {"LOWER": "minister"}]], {"TAG": "NNP"}, index=-1)
        ruler.add([[{"LOWER": "prime"}, {"LOWER": "minister"}]], {"LEMMA": "premier"}, index=0)
        ruler.add([[{"LOWER": "the"}]], {"TAG": "DT"})
    assert accelerate(fast.get_pipe("attribute_ruler"))
    text = "The prime minister met the Prime Minister of Japan."
    got = [(t.tag_, t.lemma_) for t in fast(text)]
    assert got == [(t.tag_, t.lemma_) for t in plain(text)]
    assert got[2] == ("NNP", "") and got[1] == ("", "premier") and got[0] == ("DT", "")


def test_an_index_outside_the_match_raises_spacys_error() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "prime"}, {"LOWER": "minister"}]], {"TAG": "NNP"}, index=2)
    assert accelerate(ruler)
    with pytest.raises(ValueError, match="E1001"):
        nlp("the prime minister")
