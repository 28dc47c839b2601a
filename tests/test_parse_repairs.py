"""Parse repairs every stage reads (``eventwire.parse_repairs.repair_parse``): "IS" the group, not "is" the verb."""

from __future__ import annotations

from typing import Any

import pytest

from eventwire.parse_repairs import repair_parse


def _token(coder: Any, text: str, word: str) -> Any:
    doc = repair_parse(coder.nlp(text))
    return next(t for t in doc if t.text == word)


def test_is_before_the_subject_noun_is_the_groups_name(coder: Any) -> None:
    t = _token(coder, "IS militants attacked a Syrian army checkpoint.", "IS")
    assert (t.pos_, t.dep_, t.head.text) == ("PROPN", "compound", "militants")


def test_is_alone_before_the_verb_is_its_subject(coder: Any) -> None:
    t = _token(coder, "IS claimed responsibility for the bombing in Kirkuk.", "IS")
    assert (t.pos_, t.dep_) == ("PROPN", "nsubj")


def test_in_an_all_capitals_sentence_is_stays_the_verb(coder: Any) -> None:
    t = _token(coder, "THE CEASEFIRE IS HOLDING IN GAZA.", "IS")
    assert (t.pos_, t.dep_) == ("AUX", "aux")


def test_to_before_a_noun_is_a_preposition(coder: Any) -> None:
    t = _token(coder, "Finland promises concessions to opposition", "to")
    assert (t.pos_, t.dep_, t.head.text) == ("ADP", "prep", "promises")


def test_to_before_a_verb_stays_the_infinitive_marker(coder: Any) -> None:
    t = _token(coder, "Iran wants to talk with the opposition.", "to")
    assert t.dep_ == "aux"


def test_a_base_verb_after_a_preposition_is_a_noun(coder: Any) -> None:
    t = _token(coder, "Russia said it was open to dialogue with the West.", "dialogue")
    assert (t.pos_, t.tag_) == ("NOUN", "NN")


def test_a_gerund_after_a_preposition_stays_a_verb(coder: Any) -> None:
    t = _token(coder, "He was accused of cheating.", "cheating")
    assert t.pos_ == "VERB"


def test_a_headline_pair_before_the_verb_is_its_subject(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Seoul, Tokyo agree to restore intelligence-sharing pact"))
    assert (doc[0].dep_, doc[2].dep_, doc[2].head.text) == ("nsubj", "conj", "Seoul")


def test_a_weekday_before_the_comma_stays_a_time(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Monday, Tokyo agreed to the deal."))
    assert doc[2].dep_ == "nsubj"


def test_a_headline_to_with_a_base_verb_is_the_infinitive_of_its_future(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Botswana government to detain journalists"))
    verb, noun = doc[3], doc[4]
    assert (verb.dep_, verb.head.text, doc[2].dep_, doc[2].head.text) == ("acl", "government", "aux", "detain")
    assert (noun.dep_, noun.head.text) == ("dobj", "detain")
    assert [c.text for c in verb.children] == ["to", "journalists"]  # the tree's own children, not only heads


def test_a_blank_line_ends_a_sentence(coder: Any) -> None:
    # a photo credit or a subhead before a paragraph is a sentence of its own (the small parser joins them)
    doc = coder.nlp("Photo by Jane Doe\n\nClashes broke out in Athens on Tuesday between police and residents.")
    assert [s.text.strip() for s in doc.sents] == [
        "Photo by Jane Doe",
        "Clashes broke out in Athens on Tuesday between police and residents.",
    ]


def test_a_single_line_break_does_not_end_a_sentence(coder: Any) -> None:
    doc = coder.nlp("Police in Athens arrested\nsix protesters on Tuesday.")
    assert len(list(doc.sents)) == 1


def test_a_noun_root_with_a_direct_object_is_the_verb(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Workers in Seoul decry new labour law"))
    assert (doc[3].pos_, doc[3].dep_, doc[3].tag_) == ("VERB", "ROOT", "VBP")
    assert doc[0].dep_ == "nsubj"


def test_a_name_before_and_hung_as_an_adverb_is_a_subject(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Vanuatu and Chile expand diplomatic ties"))
    assert (doc[0].dep_, doc[2].dep_, doc[2].head.text) == ("nsubj", "conj", "Vanuatu")


def test_an_adjective_made_a_second_subject_modifies_the_subject_after_it(coder: Any) -> None:
    from spacy.tokens import Doc

    words = ["Sudan", "'s", "paramilitary", "Rapid", "Support", "Forces", "attacked", "the", "city", "."]
    heads = [2, 0, 6, 5, 5, 6, 6, 8, 6, 6]  # the small parser's reading: two subjects of "attacked"
    deps = ["poss", "case", "nsubj", "compound", "compound", "nsubj", "ROOT", "det", "dobj", "punct"]
    pos = ["PROPN", "PART", "ADJ", "PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    doc = repair_parse(Doc(coder.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos))
    assert (doc[2].dep_, doc[2].head.text) == ("amod", "Forces")
    assert [c.text for c in doc[5].children] == ["paramilitary", "Rapid", "Support"]
    assert [c.text for c in doc[6].children if c.dep_ == "nsubj"] == ["Forces"]


def test_persona_non_grata_is_the_object_predicate_of_its_verb(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Norway declared three Iranian diplomats persona non grata on Friday."))
    verb, noun, grata = doc[1], doc[4], doc[7]
    assert (noun.dep_, noun.head.text, grata.dep_, grata.head.text) == ("dobj", "declared", "oprd", "declared")
    assert [c.text for c in grata.children] == ["persona", "non"]
    assert [c.text for c in verb.children] == ["Norway", "diplomats", "grata", "on", "."]


def test_a_hyphenated_pair_of_names_both_modify_the_noun(coder: Any) -> None:
    doc = repair_parse(coder.nlp("US-Iranian talks resumed in Oman."))
    assert (doc[0].head.text, doc[2].head.text) == ("talks", "talks")
    assert [c.text for c in doc[3].children] == ["US", "Iranian"]


def test_an_initialism_and_a_hyphenated_word_are_separate_tokens(coder: Any) -> None:
    assert [t.text for t in coder.nlp("A U.S.-led coalition")] == ["A", "U.S.", "-", "led", "coalition"]
    assert [t.text for t in coder.nlp("U.N.-backed talks")] == ["U.N.", "-", "backed", "talks"]


def test_the_by_phrase_on_the_charge_of_a_passive_of_judging_is_its_agent(coder: Any) -> None:
    doc = repair_parse(coder.nlp("A Rwandan general was convicted of genocide by a UN tribunal."))
    by = next(t for t in doc if t.lower_ == "by")
    assert (by.dep_, by.head.text) == ("agent", "convicted")
    assert [c.text for c in doc[4].children] == ["general", "was", "of", "by", "."]


def test_a_participle_with_its_agent_after_a_comma_stays_a_participle(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Supplies, delivered by the UN, reached the city."))
    assert next(t for t in doc if t.text == "delivered").dep_ != "ROOT"


def test_a_headline_noun_root_after_a_plural_compound_with_an_apposition_is_the_verb(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Artisanal miners attack Gemfields' Mozambique ruby unit, injuring four"))
    verb = next(t for t in doc if t.text == "attack")
    unit = next(t for t in doc if t.text == "unit")
    assert (verb.pos_, unit.dep_, unit.head.i) == ("VERB", "dobj", verb.i)


PAST_VERBS_HUNG_ON_NOUNS = [
    # after the subject's relative clause
    ("Sudan, which also took part, called on both sides to show flexibility.", "called", "Sudan"),
    # on the noun root of a full sentence with no finite verb
    (
        "Hundreds of students protested last week in the streets of Quito against the fuel price rise.",
        "protested",
        "Hundreds",
    ),
]


@pytest.mark.parametrize("text,verb_word,subject_word", PAST_VERBS_HUNG_ON_NOUNS)
def test_a_past_verb_the_parser_hung_on_a_noun_root_is_the_sentence_verb(
    coder: Any, text: str, verb_word: str, subject_word: str
) -> None:
    doc = repair_parse(coder.nlp(text))
    verb, subject = (next(t for t in doc if t.text == w) for w in (verb_word, subject_word))
    assert (verb.dep_, subject.dep_, subject.head.i) == ("ROOT", "nsubj", verb.i)
    assert len(list(doc.sents)) == 1


def test_a_counted_noun_with_a_participle_stays_a_passive_caption(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Three policemen wounded in the ambush."))
    verb = next(t for t in doc if t.text == "wounded")
    assert verb.dep_ != "ROOT"


def test_a_judging_verb_made_a_noun_before_a_quote_is_a_clause_verb(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Armenia detains Azeri soldiers; Baku denounces 'abduction'"))
    verb = next(t for t in doc if t.text == "denounces")
    subject = next(t for t in doc if t.text == "Baku")
    quoted = next(t for t in doc if t.text == "abduction")
    assert verb.pos_ == "VERB"
    assert (subject.head.i, subject.dep_, quoted.head.i, quoted.dep_) == (verb.i, "nsubj", verb.i, "dobj")
    assert len(list(doc.sents)) == 1


def test_a_place_label_before_a_colon_is_no_subject(coder: Any) -> None:
    doc = repair_parse(coder.nlp("Peru: Three Opposition Parties Banned After Protests"))
    verb = next(t for t in doc if t.text == "Banned")
    label = next(t for t in doc if t.text == "Peru")
    assert verb.dep_ == "ROOT" and label.dep_ == "meta" and label.head.i == verb.i
    assert len(list(doc.sents)) == 1


# (text, [(word, its relation, its head word), ...]) after the repair; the text stays one sentence
REPAIRED_ARCS = [
    # a headline's verb of asking made a noun before a base-verb root ("request end to ...")
    (
        "Students in Kenya request end to controversial fees policy",
        [("request", "ROOT", "request"), ("end", "dobj", "request"), ("Students", "nsubj", "request")],
    ),
    # a support verb's "-s" form made a compound of the root noun ("issues statement ...")
    (
        "Church in Manila issues statement condemning army",
        [("issues", "ROOT", "issues"), ("statement", "dobj", "issues"), ("Church", "nsubj", "issues")],
    ),
    # a past form made the adjective of the noun root after it, a name before it ("Ruto hosted Museveni ...")
    (
        "Ruto hosted Museveni at State House.",
        [("hosted", "ROOT", "hosted"), ("Museveni", "dobj", "hosted"), ("Ruto", "nsubj", "hosted")],
    ),
    # a noun before a past form the parser hung on it, the article on the root ("The opposition secured ...")
    (
        "The opposition secured concessions from the president.",
        [("secured", "ROOT", "secured"), ("concessions", "dobj", "secured"), ("opposition", "nsubj", "secured")],
    ),
    # a headline's participle with an agent hung on the root noun ("sanctions imposed by X on Y")
    ("New sanctions imposed by EU on Russia", [("imposed", "ROOT", "imposed"), ("sanctions", "nsubjpass", "imposed")]),
    # a support verb's "-ies" form the parser made a compound of the root noun ("Ratifies Treaty")
    ("Chile ratifies treaty signed by Argentina", [("ratifies", "ROOT", "ratifies"), ("treaty", "dobj", "ratifies")]),
    # a name before the root verb that the parser made the verb's adjective ("Madagascar expels ...")
    ("Madagascar expels dozens of diplomats", [("Madagascar", "nsubj", "expels"), ("expels", "ROOT", "expels")]),
    # a crowd's verb made a noun root after a count or a plural ("Thousands march in ...")
    ("Thousands march in Lyon against the new law.", [("march", "ROOT", "march"), ("Thousands", "nsubj", "march")]),
    ("Over 4,000 rally in Accra over fuel prices", [("rally", "ROOT", "rally"), ("4,000", "nsubj", "rally")]),
    # a name before a plural noun after a preposition modifies that noun ("on Haiti abuses")
    ("Canada launches commission on Haiti abuses", [("Haiti", "compound", "abuses"), ("abuses", "pobj", "on")]),
    ("Italy sets up panel on Libya abuses", [("Libya", "compound", "abuses"), ("abuses", "pobj", "on")]),
    # a verdict made the adjective of the object after its apposition ("found X, a former officer, guilty")
    (
        "A Kenyan court found Ali Hassan, a former police officer, guilty of murder.",
        [("guilty", "oprd", "found"), ("Hassan", "dobj", "found")],
    ),
    # the state an object is set in, made the object's adjective ("set several vehicles ablaze")
    ("Angry crowds set several vehicles ablaze in Lagos.", [("ablaze", "oprd", "set"), ("vehicles", "dobj", "set")]),
    # a possessed noun and a named plural made one modifier of the plural ("Mali's army and Wagner fighters")
    (
        "Somalia's government and Shabaab fighters agreed to a prisoner swap.",
        [("government", "nsubj", "agreed"), ("fighters", "conj", "government"), ("Shabaab", "compound", "fighters")],
    ),
]


@pytest.mark.parametrize("text,arcs", REPAIRED_ARCS)
def test_a_repaired_parse_has_the_arcs_of_the_construction(
    coder: Any, text: str, arcs: list[tuple[str, str, str]]
) -> None:
    doc = repair_parse(coder.nlp(text))
    for word, dep, head in arcs:
        t = next(t for t in doc if t.text == word)
        assert (word, t.dep_, t.head.text) == (word, dep, head)
    assert len(list(doc.sents)) == 1


def test_an_acronym_made_the_root_verb_modifies_the_subject_of_the_clause_it_hid(coder: Any) -> None:
    doc = repair_parse(coder.nlp("ECOWAS foreign ministers met in Abuja on Friday."))
    t, v = doc[0], next(x for x in doc if x.text == "met")
    assert (t.pos_, t.dep_, t.head.text, v.dep_) == ("PROPN", "compound", "ministers", "ROOT")
    assert len(list(doc.sents)) == 1


def test_an_acronym_made_the_root_verb_is_the_subject_of_the_participle_on_its_object(coder: Any) -> None:
    doc = repair_parse(coder.nlp("ECOWAS lifted sanctions on Mali."))
    t, v = doc[0], doc[1]
    assert (t.dep_, t.head.i, v.dep_, doc[2].head.i) == ("nsubj", 1, "ROOT", 1)


@pytest.mark.parametrize("text,name", [("Greenland and Belize cooperate on climate change", "Belize")])
def test_a_capitalised_name_the_tagger_took_for_a_verb_in_a_nouns_place_is_a_name(
    coder: Any, text: str, name: str
) -> None:
    doc = repair_parse(coder.nlp(text))
    t = next(t for t in doc if t.text == name)
    assert (t.pos_, t.tag_) == ("PROPN", "NNP")


# (words, heads, deps, POS, tags) of a wrong parse the parser gives, and the arcs (word, dep, head) after the repairs
WRONG_PARSES = [
    # a name opening the sentence made an interjection is the subject
    (
        ["Nauru", "cuts", "off", "internet"],
        [1, 1, 1, 1],
        ["intj", "ROOT", "prt", "dobj"],
        ["PROPN", "VERB", "ADP", "NOUN"],
        ["NNP", "VBZ", "RP", "NN"],
        [("Nauru", "nsubj", "cuts")],
    ),
    # a name made the object of "as" is the subject of its clause
    (
        ["relief", "as", "IMF", "agrees", "to", "forgive", "debt"],
        [0, 3, 1, 0, 5, 3, 5],
        ["ROOT", "mark", "pobj", "advcl", "aux", "xcomp", "dobj"],
        ["NOUN", "SCONJ", "PROPN", "VERB", "PART", "VERB", "NOUN"],
        ["NN", "IN", "NNP", "VBZ", "TO", "VB", "NN"],
        [("IMF", "nsubj", "agrees")],
    ),
    # a finite verb made a clause on the noun root is the verb, the noun its subject
    (
        ["Military", "forces", "withdraw", "from", "Faso"],
        [1, 1, 1, 2, 3],
        ["amod", "ROOT", "acl", "prep", "pobj"],
        ["ADJ", "NOUN", "VERB", "ADP", "PROPN"],
        ["JJ", "NNS", "VBP", "IN", "NNP"],
        [("withdraw", "ROOT", "withdraw"), ("forces", "nsubj", "withdraw"), ("from", "prep", "withdraw")],
    ),
    # a participle on the noun root stays a clause on it
    (
        ["Forces", "withdrawn", "from", "Faso"],
        [0, 0, 1, 2],
        ["ROOT", "acl", "prep", "pobj"],
        ["NOUN", "VERB", "ADP", "PROPN"],
        ["NNS", "VBN", "IN", "NNP"],
        [("Forces", "ROOT", "Forces"), ("withdrawn", "acl", "Forces")],
    ),
    # a capitalised label tagged a common noun before a colon is no subject
    (
        ["Zambia", ":", "candidate", "demands", "review"],
        [3, 0, 3, 3, 3],
        ["nsubj", "punct", "nsubj", "ROOT", "dobj"],
        ["NOUN", "PUNCT", "NOUN", "VERB", "NOUN"],
        ["NN", ":", "NN", "VBZ", "NN"],
        [("Zambia", "meta", "demands"), ("candidate", "nsubj", "demands")],
    ),
]


@pytest.mark.parametrize("words,heads,deps,pos,tags,arcs", WRONG_PARSES)
def test_a_wrong_parse_is_repaired_to_the_arcs_of_its_construction(
    coder: Any,
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    tags: list[str],
    arcs: list[tuple[str, str, str]],
) -> None:
    from spacy.tokens import Doc

    doc = repair_parse(Doc(coder.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags))
    for word, dep, head in arcs:
        t = next(t for t in doc if t.text == word)
        assert (word, t.dep_, t.head.text) == (word, dep, head)
