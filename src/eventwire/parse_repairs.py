"""Repairs of the small parser's parse that every later stage reads (``repair_parse``, once per doc, in place),
and the doc's own text (``text_of``)."""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, LOWER, POS, TAG

from .headline_repairs import (
    clause_subjects,
    headline_infinitive,
    headline_pairs,
    headline_sentences,
    place_labels,
    quoting_verbs,
)

TEXT_KEY = "eventwire.text"


# Upper-case acronyms the small model takes for a form of "be" ("IS militants attacked ...", "IS has seized
# Ramadi"): in a sentence that is not all capitals they are names.
_NAME_NOT_VERB = frozenset({"IS"})


def repair_parse(doc: Any) -> Any:
    """Repairs of the parse every later stage reads (once per doc, in place): an acronym the parser made an
    auxiliary ("IS militants attacked") becomes a proper noun, the compound of the noun after it when that noun
    is the verb's subject ("IS militants"), else the verb's subject ("IS claimed responsibility"); a "to" made
    the infinitive marker of a noun is a preposition ("promises concessions to opposition"); a base-form verb as
    the object of a preposition is a noun ("open to dialogue with the West"); a headline's "X, Y agree" names two
    subjects; a noun root with an object is the verb (in a headline also with a noun in apposition after it: "Artisanal
    miners attack Gemfields' unit"), and so is a past participle after a noun root's relative
    clause ("Sudan, which took part, called on ..."); an adjective made a second subject modifies the subject;
    the "by" on the charge of a passive of judging is its agent; both names of a hyphenated pair modify the noun
    ("US-Iranian talks"); "persona non grata" is the verb's object predicate, and so are a verdict after the
    object's apposition ("found X, a former officer, guilty") and the state a thing is set in ("set vehicles
    ablaze"); a name before a plural noun after a preposition modifies that noun ("warns US over Iran sanctions");
    a possessed noun and a named plural are conjuncts ("Yemen's government and Houthi rebels"): see each function."""
    text = text_of(doc)
    if " to " in text:
        tos = (doc.to_array(LOWER) == doc.vocab.strings["to"]).nonzero()[0].tolist()  # no token objects else
        _to_before_noun(doc, tos)
        headline_infinitive(doc, tos)
    arr = doc.to_array([DEP, POS, TAG])  # one read of the columns both repairs below look at
    _base_verb_objects(doc, arr)
    _name_before_plural(doc, arr)
    headline_pairs(doc, arr)
    clause_subjects(doc, arr)
    _noun_roots_with_objects(doc, arr)
    _verb_after_relative(doc, arr)
    _participle_main_verb(doc, arr)
    if ":" in text:
        place_labels(doc)
    if "'" in text or '"' in text:
        quoting_verbs(doc)
    headline_sentences(doc, text)
    _split_subjects(doc, arr)
    if " by " in text:
        _judged_by(doc, arr)
    if "-" in text:
        _hyphen_pairs(doc)
    if "non grata" in text:
        _persona_non_grata(doc)
    if "guilty" in text or "innocent" in text:
        _verdict_after_apposition(doc)
    if "alight" in text or "ablaze" in text:
        _set_alight(doc)
    if "'s " in text and " and " in text:
        _possessed_pair(doc)
    _acronym_root(doc, arr)
    _crowd_verb_root(doc, arr)
    _adjective_subject(doc, arr)
    _name_not_verb(doc, arr)
    if not any(w in text for w in _NAME_NOT_VERB):  # most docs: no token objects made
        return doc
    for t in doc:
        if t.text not in _NAME_NOT_VERB or t.dep_ not in ("aux", "auxpass") or _all_caps(t.sent):
            continue
        v, nxt = t.head, doc[t.i + 1] if t.i + 1 < len(doc) else None
        t.pos_, t.tag_, t.lemma_ = "PROPN", "NNP", t.text
        if nxt is not None and nxt.head.i == v.i and nxt.dep_ in ("nsubj", "nsubjpass") and nxt.pos_ == "NOUN":
            t.head, t.dep_ = nxt, "compound"
            if nxt.dep_ == "nsubjpass" and not any(c.dep_ == "auxpass" for c in v.children):
                nxt.dep_ = "nsubj"
        elif not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            t.dep_ = "nsubj"
    return doc


# verbs of a crowd the parser takes for nouns after a count or a plural ("Thousands march in Paris", "Farmers rally")
_CROWD_VERBS = frozenset({"march", "rally", "protest", "demonstrate", "gather", "unite", "riot", "strike"})
_COUNT_WORDS = frozenset({"dozen", "hundred", "thousand", "million", "score", "ten"})


def _crowd_verb_root(doc: Any, arr: Any) -> None:
    """ "Thousands march in Paris against pension reform.": a sentence root tagged a noun that is a crowd's verb
    (``_CROWD_VERBS``, in its present form), with a count or a plural noun before it and no article, is the verb,
    and that count or plural its subject."""
    strings, dep, pos = doc.vocab.strings, arr[:, 0], arr[:, 1]
    roots = ((dep == strings["ROOT"]) & ((pos == strings["NOUN"]) | (pos == strings["PROPN"]))).nonzero()[0]
    for i in roots.tolist():
        r = doc[i]
        if r.lower_ not in _CROWD_VERBS or i == r.sent.start:
            continue
        before = [c for c in r.children if c.i < i]
        subj = before[-1] if before else None
        if (
            subj is None
            or (subj.i != i - 1 and subj.right_edge.i != i - 1)
            or any(c.dep_ in ("det", "poss", "amod") for c in before)
            or not (subj.pos_ == "NUM" or subj.lemma_.lower() in _COUNT_WORDS or subj.tag_ in ("NNS", "NNPS"))
            or any(c.dep_ == "det" for c in subj.children)
        ):
            continue
        r.pos_, r.tag_ = "VERB", "VBP"
        for c in before[:-1]:  # "Over 5,000": the words of the count are the subject's
            c.head = subj
        subj.dep_ = "nsubj"


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound", "appos", "poss"})


def _name_not_verb(doc: Any, arr: Any) -> None:
    """ "Greenland and Belize cooperate on climate change": a capitalised word inside the sentence that the tagger
    took for a verb ("Belize": the "-ize" of a verb) in a noun's place (a noun's conjunct, a subject, an object)
    is a name."""
    for i in (arr[:, 1] == doc.vocab.strings["VERB"]).nonzero()[0].tolist():
        t = doc[i]  # (read live: an earlier repair may have made it a noun)
        if t.pos_ != "VERB" or i == t.sent.start or not t.text[:1].isupper() or t.text.isupper():
            continue
        if any(c.dep_ == "aux" for c in t.children):
            continue
        if t.dep_ in _NOMINAL_DEPS or (t.dep_ == "conj" and t.head.pos_ == "PROPN" and t.head.i < i):
            t.pos_, t.tag_, t.lemma_ = "PROPN", "NNP", t.text


def _adjective_subject(doc: Any, arr: Any) -> None:
    """ "Madagascar expels dozens of diplomats": a word before the sentence's verb that the parser made that verb's
    adjective (a name read as an adjective of the recased headline) is its subject when it has none."""
    strings = doc.vocab.strings
    for i in (arr[:, 0] == strings["amod"]).nonzero()[0].tolist():
        a, v = doc[i], doc[i].head
        if a.dep_ != "amod":  # (read live: an earlier repair may have moved it)
            continue
        if v.pos_ != "VERB" or v.i <= i or v.dep_ != "ROOT" or any(c.dep_.startswith("nsubj") for c in v.children):
            continue
        if any(c.i < i for c in a.children) or any(c.i < v.i and c.i != i and c.dep_ != "punct" for c in v.children):
            continue  # only the name and the verb
        a.dep_, a.pos_, a.tag_ = "nsubj", "PROPN", "NNP"


def _to_before_noun(doc: Any, tos: list[int]) -> None:
    """ "Finland promises concessions to opposition": a "to" the parser made the infinitive marker of a noun (a
    headline without articles) is the preposition of the verb, and the noun its object."""
    for i in tos:
        t = doc[i]
        n = t.head
        if t.dep_ != "aux" or n.pos_ not in ("NOUN", "PROPN") or n.dep_ != "xcomp":
            continue
        if n.i != t.i + 1 or n.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        nxt = doc[n.i + 1] if n.i + 1 < len(doc) else None
        if any(c.dep_ in ("dobj", "dative", "attr") for c in n.children) or (
            nxt is not None and nxt.pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM")
        ):
            continue  # "offered to host talks": a verb after all
        v = n.head
        t.pos_, t.tag_, t.dep_, t.head = "ADP", "IN", "prep", v
        n.dep_, n.head = "pobj", t


def _base_verb_objects(doc: Any, arr: Any) -> None:
    """ "said it was open to dialogue with the West", "Kenya approves deal with Ethiopia": a word in a
    preposition's or a verb's object slot tagged as a verb's base form (no gerund, no participle) is the noun the
    slot holds."""
    strings = doc.vocab.strings
    dep, tag = arr[:, 0], arr[:, 2]
    slot = (dep == strings["pobj"]) | (dep == strings["dobj"])  # "Kenya approves deal with Ethiopia": an object
    hits = (slot & ((tag == strings["VB"]) | (tag == strings["VBP"]))).nonzero()
    for i in hits[0].tolist():
        t = doc[i]
        if not any(c.dep_ in ("nsubj", "aux", "dobj", "mark") for c in t.children):
            t.pos_, t.tag_ = "NOUN", "NN"


def _name_before_plural(doc: Any, arr: Any) -> None:
    """ "warns US over Iran sanctions", "commission on Eritrea abuses", "meet on Ukraine talks": a name the parser
    made a preposition's object when a plural noun follows it, that noun hung on the verb, modifies that noun, which
    is the preposition's object."""
    strings = doc.vocab.strings
    dep, pos, tag = arr[:, 0], arr[:, 1], arr[:, 2]
    name = (dep[:-1] == strings["pobj"]) & (pos[:-1] == strings["PROPN"])
    plural = (tag[1:] == strings["NNS"]) & ((dep[1:] == strings["dep"]) | (dep[1:] == strings["dobj"]))
    verb_form = (tag[1:] == strings["VBZ"]) & (dep[1:] == strings["dep"])  # "on Haiti abuses" read as a verb
    for i in (name & (plural | verb_form)).nonzero()[0].tolist():
        x, n = doc[i], doc[i + 1]
        p = x.head
        if n.head.i not in (p.head.i, p.head.head.i) or p.dep_ != "prep" or any(c.i < n.i for c in n.children):
            continue
        n.head, n.dep_, n.pos_, n.tag_ = p, "pobj", "NOUN", "NNS"
        x.head, x.dep_ = n, "compound"


def _noun_roots_with_objects(doc: Any, arr: Any) -> None:
    """ "Workers in Seoul decry new labour law": a sentence root tagged a noun that has a direct
    object is the verb, and the noun phrase before it that the parser hung on it as a modifier its subject."""
    strings, dep, pos = doc.vocab.strings, arr[:, 0], arr[:, 1]
    roots = ((dep == strings["ROOT"]) & ((pos == strings["NOUN"]) | (pos == strings["PROPN"]))).nonzero()[0]
    for i in roots.tolist():
        r = doc[i]
        if not any(c.dep_ == "dobj" for c in r.children) and not _headline_appos_object(r):
            continue
        for c in r.children:
            if c.dep_ == "appos" and c.i > i:  # "Artisanal miners attack Gemfields' ruby unit": the object
                c.dep_ = "dobj"
        r.pos_, r.tag_ = "VERB", "VBZ" if r.lower_.endswith("s") and not r.lower_.endswith("ss") else "VBP"
        before = [c for c in r.children if c.i < i and c.dep_ in ("nmod", "compound", "npadvmod", "dep")]
        if before and not any(c.dep_.startswith("nsubj") for c in r.children):
            before[-1].dep_ = "nsubj"


def _headline_appos_object(r: Any) -> bool:
    """ "Artisanal miners attack Gemfields' Mozambique ruby unit": in a headline (no final stop), a root noun with a
    plural noun compound before it ("miners attack") and a noun phrase in apposition after it is a verb and its
    object (a plural compound is rare before a noun: "arms deal" and "sports club" have none after them)."""
    last = r.sent[-1]
    if last.text in (".", "!", "?") or not r.tag_ == "NN":
        return False
    before = [c for c in r.children if c.i < r.i and c.dep_ in ("compound", "nmod") and c.tag_ == "NNS"]
    after = [c for c in r.children if c.i > r.i and c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
    # the apposition right after the root ("attack Gemfields' ... unit"; not "Rights Group in Nairobi Issues ...")
    return bool(before and after and before[-1].i == r.i - 1 and after[0].left_edge.i == r.i + 1)


def _verb_after_relative(doc: Any, arr: Any) -> None:
    """ "Sudan, which also took part, called on both sides to ...": a sentence root tagged a noun with a relative
    clause or an apposition set off by commas, then a past verb the parser hung on it as a participle (no
    auxiliary, no agent, no subject of its own): the verb is the sentence's, the noun its subject."""
    strings, dep, pos = doc.vocab.strings, arr[:, 0], arr[:, 1]
    roots = ((dep == strings["ROOT"]) & ((pos == strings["NOUN"]) | (pos == strings["PROPN"]))).nonzero()[0]
    for i in roots.tolist():
        r = doc[i]
        clauses = [c for c in r.children if c.dep_ in ("relcl", "appos") and c.i > i]
        v = next((v for c in clauses if (v := _verb_after(doc, r, c)) is not None), None)
        if v is None:
            continue
        v.head, v.dep_, v.tag_ = v, "ROOT", "VBD"  # the verb first out from under the noun, then the noun under it
        later = [c for c in r.children if c.i > v.i]
        r.head, r.dep_ = v, "nsubj"
        for c in later:  # the sentence's final punctuation
            c.head = v


def _verb_after(doc: Any, root: Any, clause: Any) -> Any | None:
    """The past verb after a comma that the parser hung on the ``root`` noun, on its ``clause`` (the relative clause
    or apposition) or on a word in it as a participle, with no auxiliary, agent or subject of its own."""
    return next(
        (
            v
            for v in [*clause.subtree, *root.children]
            if v.dep_ == "acl"
            and v.tag_ in ("VBD", "VBN")
            and v.i > clause.i
            and v.left_edge.i > clause.left_edge.i
            and doc[v.left_edge.i - 1].text == ","
            and not any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in v.children)
        ),
        None,
    )


def _participle_main_verb(doc: Any, arr: Any) -> None:
    """ "Nigeria's foreign minister embarked on a tour of Ghana.", "Hundreds of youths protested last week in
    Lima.": a full sentence (a final stop) whose root is a noun, with no finite verb, and a past form the parser
    hung on that noun as a participle (no auxiliary, agent or numeral: "Five soldiers killed in attack." stays
    a passive): the past form is the sentence verb, the noun its subject."""
    strings, dep, pos = doc.vocab.strings, arr[:, 0], arr[:, 1]
    roots = ((dep == strings["ROOT"]) & ((pos == strings["NOUN"]) | (pos == strings["PROPN"]))).nonzero()[0]
    for i in roots.tolist():
        r = doc[i]
        sent = r.sent
        if sent[-1].text != "." or any(c.dep_ == "nummod" for c in r.children):
            continue
        if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.dep_ != "acl" for t in sent):
            continue
        v = next((c for c in r.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i > i), None)
        if v is None:
            _name_verbed_noun(doc, r)
            continue
        if any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in v.children):
            continue
        v.head, v.dep_, v.tag_ = v, "ROOT", "VBD"  # the verb first out from under the noun, then the noun under it
        later = [c for c in r.children if c.i > v.i]
        r.head, r.dep_ = v, "nsubj"
        for c in later:  # the final punctuation; a participle clause after a comma ("..., injuring nine")
            c.head = v
            if c.dep_ == "acl":
                c.dep_ = "advcl"


def _name_verbed_noun(doc: Any, r: Any) -> None:
    """ "The US suspended payments to the agency.", "Macron hosted Zelenskiy at the palace.": a past form the parser
    made an adjective of the noun root right after it, with a name before it (or a noun it hung on that form: "The
    opposition secured concessions"), is the verb: the name its subject, the noun its object."""
    a = doc[r.i - 1] if r.i - 1 > r.sent.start else None
    if a is None or a.dep_ != "amod" or a.tag_ not in ("VBD", "VBN") or a.head.i != r.i:
        return
    subj = doc[a.i - 1]
    if (
        not (subj.pos_ == "PROPN" or subj.pos_ == "NOUN" and subj.head.i == a.i and subj.dep_ == "npadvmod")
        or subj.head.i not in (a.i, r.i)
        or any(c.i < subj.i and c.dep_ != "det" for c in r.children)
    ):
        return
    before = [c for c in r.children if c.i < a.i and c.i != subj.i]
    a.head, a.dep_, a.tag_, a.pos_ = a, "ROOT", "VBD", "VERB"  # the verb out from under the noun first
    r.head, r.dep_ = a, "dobj"
    subj.head, subj.dep_ = a, "nsubj"
    for c in before:  # "The US": the article is the name's
        c.head = subj if c.dep_ == "det" else a
    for c in [c for c in r.children if c.dep_ == "punct" and c.i == r.sent.end - 1]:
        c.head = a


def _split_subjects(doc: Any, arr: Any) -> None:
    """ "Sudan's paramilitary Rapid Support Forces seized ...": an adjective the parser made a subject of its own
    just before the verb's other subject modifies that subject."""
    strings = doc.vocab.strings
    hits = ((arr[:, 0] == strings["nsubj"]) & (arr[:, 1] == strings["ADJ"])).nonzero()[0]
    for i in hits.tolist():
        a = doc[i]
        b = next((c for c in a.head.children if c.i > i and c.dep_ in ("nsubj", "nsubjpass")), None)
        if b is None or b.left_edge.i != a.right_edge.i + 1 or b.pos_ not in ("NOUN", "PROPN"):
            continue
        a.head, a.dep_ = b, "amod"


# passives of judging whose "by" the parser hangs on the charge: "was convicted of genocide by a UN tribunal"; and
# of giving, on the object they keep: "was denied entry by Israeli authorities", "was granted asylum by Germany"
_JUDGING_PASSIVES = frozenset(
    {"convict", "acquit", "sentence", "charge", "accuse", "indict", "fine", "clear", "try"}
    | {"deny", "grant", "give", "offer", "award", "promise", "refuse", "issue", "hand", "hit", "slap"}
)


def _judged_by(doc: Any, arr: Any) -> None:
    """ "A general was convicted of genocide by a UN tribunal", "was denied entry by Israeli authorities": the "by"
    phrase the parser hung on the charge of a passive of judging, or on the object a passive of giving keeps, is
    the passive's agent (the court, the giver), not the charge's or the object's."""
    for i in (arr[:, 2] == doc.vocab.strings["VBN"]).nonzero()[0].tolist():
        v = doc[i]
        if v.lemma_.lower() not in _JUDGING_PASSIVES or not any(c.dep_ == "auxpass" for c in v.children):
            continue
        if any(c.dep_ == "agent" for c in v.children):
            continue
        kept = [c for c in v.children if c.dep_ == "dobj"]  # "was denied entry by Israeli authorities"
        for p in [c for c in v.children if c.dep_ == "prep" and c.lower_ in ("of", "with", "for")] + kept:
            objs = [n for n in p.children if n.dep_ == "pobj"] if p.dep_ == "prep" else [p]
            by = [b for n in objs for b in n.children if b.dep_ == "prep" and b.lower_ == "by"]
            if by:
                by[0].head, by[0].dep_ = v, "agent"  # (under an ancestor: spaCy keeps the edges right)
                break


_VERDICT_WORDS = frozenset({"guilty", "innocent"})
_VERDICT_VERBS = frozenset({"find", "declare", "pronounce"})


def _verdict_after_apposition(doc: Any) -> None:
    """ "found General Hartmann, a retired army commander, guilty of torture": the verdict the parser made an
    adjective of the object (after the object's apposition) is the verb's object predicate."""
    for t in doc:
        if t.lower_ not in _VERDICT_WORDS or t.dep_ != "amod":
            continue
        h = t.head
        if h.i < t.i and h.dep_ == "dobj" and h.head.lemma_.lower() in _VERDICT_VERBS:
            t.head, t.dep_ = h.head, "oprd"


def _set_alight(doc: Any) -> None:
    """ "set vehicles alight", "set the building ablaze": the state the object is set in, which the parser made
    a second object or the object's adjective, is the verb's object predicate (the phrasal "set alight")."""
    for t in doc:
        if t.lower_ not in ("alight", "ablaze"):
            continue
        v = t.head.head if t.dep_ == "amod" and t.head.dep_ == "dobj" else t.head
        if v.lemma_.lower() == "set" and t.i > v.i and t.dep_ in ("amod", "dobj", "advmod", "acomp", "oprd"):
            t.head, t.dep_, t.pos_, t.tag_, t.lemma_ = v, "oprd", "ADJ", "JJ", t.lower_


def _possessed_pair(doc: Any) -> None:
    """ "Yemen's government and Houthi rebels agreed": the parser made "government and Houthi" a modifier of
    "rebels"; the possessed noun heads the phrase, the plural noun is its conjunct, the name that noun's compound.
    (The possessive may hang on "rebels": "Colombia's government and FARC negotiators".)"""
    for c in (doc[i] for i in (doc.to_array(DEP) == doc.vocab.strings["conj"]).nonzero()[0].tolist()):
        g, h = c.head, c.head.head  # (only the conjuncts are read: the check runs on every story)
        if c.i != h.i - 1 or not c.text[:1].isupper() or g.pos_ != "NOUN" or g.dep_ not in ("nmod", "compound"):
            continue
        poss = [k for k in (*g.children, *h.children) if k.dep_ == "poss" and k.i < g.i]
        first = next(k for k in g.children if k.dep_ == "conj" and k.text[:1].isupper())
        if first.i == c.i and poss and h.pos_ == "NOUN" and h.tag_ == "NNS" and h.dep_ != "ROOT":
            g.head, g.dep_, poss[0].head = h.head, h.dep_, g
            h.head, h.dep_, c.head, c.dep_ = g, "conj", h, "compound"


def _hyphen_pairs(doc: Any) -> None:
    """ "U.S.-Iranian talks", "Israel-Gaza truce": the first name of a hyphenated pair that the parser hung on
    the second modifies the noun as the second does (a participle after the hyphen is no pair: "Turkish-backed")."""
    hyphens = (doc.to_array(LOWER) == doc.vocab.strings["-"]).nonzero()[0].tolist()  # no token objects else
    for i in hyphens:
        t = doc[i]
        if i == 0 or i + 1 >= len(doc) or t.whitespace_ or doc[i - 1].whitespace_:
            continue
        a, b = doc[i - 1], doc[i + 1]
        if a.head.i != b.i or a.dep_ not in ("npadvmod", "compound", "amod", "nmod") or a.pos_ != "PROPN":
            continue  # (two adjectives are one word: "African-American", "Sino-Indian")
        if b.dep_ not in ("amod", "compound", "nmod") or not b.text[:1].isupper() or b.head.pos_ != "NOUN":
            continue
        a.head, a.dep_ = b.head, b.dep_


def _persona_non_grata(doc: Any) -> None:
    """ "declared two Russian diplomats persona non grata" (the small parser reads "persona" as a verb or a
    compound): the phrase is the verb's object predicate and the noun phrase before it the verb's object."""
    for t in doc[2:]:
        if t.lower_ != "grata" or doc[t.i - 1].lower_ != "non" or doc[t.i - 2].lower_ != "persona":
            continue
        persona, non = doc[t.i - 2], doc[t.i - 1]
        verb = next((a for a in persona.ancestors if a.pos_ in ("VERB", "AUX") and a.i < persona.i), None)
        if verb is None:
            continue
        obj = doc[persona.i - 1] if persona.i - 1 > verb.i else None
        while obj is not None and obj.head.i < persona.i and obj.head.i > verb.i and obj.head.pos_ in ("NOUN", "PROPN"):
            obj = obj.head  # the head of the noun phrase before the phrase
        for x in (t, persona, non):  # first out from under the phrase's own tokens, then the phrase itself
            x.head = verb
        for x in doc[t.i + 1 : persona.right_edge.i + 1]:
            if x.head.i in (persona.i, non.i):  # "... persona non grata on Monday": the verb's
                x.head = verb
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and verb.i < obj.i < persona.i:
            obj.head, obj.dep_ = verb, "dobj"
        t.dep_, t.pos_, t.tag_ = "oprd", "NOUN", "NN"
        persona.head, persona.dep_, persona.pos_, persona.tag_ = t, "compound", "NOUN", "NN"
        non.head, non.dep_ = t, "amod"


def _acronym_root(doc: Any, arr: Any) -> None:
    """ "ECOWAS army chiefs met in Accra", "ECOWAS imposed sanctions on Niger": an acronym opening a sentence that the
    parser made the root (of a clause, or of an object with the verb as its adjective) is a name: the modifier of
    the subject of the clause it governed, or the subject of the participle it put on its object."""
    strings = doc.vocab.strings
    for i in (arr[:, 0] == strings["ROOT"]).nonzero()[0].tolist():  # one token per sentence
        t = doc[i]
        if not (t.is_sent_start and len(t.text) > 2 and t.text.isalpha() and t.text.isupper()) or _all_caps(t.sent):
            continue
        kids = list(t.children)
        comp = next((c for c in kids if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
        subj = next((c for c in comp.children if c.dep_ == "nsubj" and c.i > i), None) if comp is not None else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if comp is not None and subj is not None:
            comp.head, comp.dep_ = comp, "ROOT"  # the clause out from under the acronym first, then the acronym in
            t.head, t.dep_, new_root = subj, "compound", comp
        elif nxt is not None and nxt.tag_ in ("VBN", "VBD") and nxt.dep_ == "amod" and nxt.head.dep_ == "dobj":
            obj = nxt.head
            if obj.head.i != i:
                continue
            nxt.head, nxt.dep_, nxt.tag_ = nxt, "ROOT", "VBD"
            obj.head = nxt
            t.head, t.dep_, new_root = nxt, "nsubj", nxt
        else:
            continue
        t.pos_, t.tag_, t.lemma_ = "PROPN", "NNP", t.text
        for c in kids:
            if c.head.i == i:
                c.head = new_root


def _all_caps(sent: Any) -> bool:
    letters = [t.text for t in sent if t.is_alpha]
    return bool(letters) and sum(w.isupper() for w in letters) * 2 > len(letters)


def text_of(doc: Any) -> str:
    """``doc.text`` without rebuilding it from the tokens each time (the stages all need it)."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
