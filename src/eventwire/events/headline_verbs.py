"""Headline verbs the small model reads as nouns: "Iraq summons Turkish envoy over strikes", "Niger junta orders
French ambassador to leave", "Ecuador police storm Mexican embassy", "Raisi vows revenge after blasts".

A wire headline drops articles and writes its action in the present tense, so the verb ("summons", "orders",
"storm") looks like a plural noun and the parser builds one long noun phrase around it. Such a word is read as
the headline's verb when

- its sentence is a headline (no final full stop: ``headline_sentence``, also read by ``roles.py``);
- it is tagged a noun (or a verb the parser hung inside a noun phrase: ``compound``, ``nmod``, ``amod``,
  ``dep``, ``nsubj``, ``appos``, or as the object of a name it made the root: "Indian PM Modi visits
  Nepal"), is in no actor mention, and its lemma has a verb frame of its own (``verbs*.yaml``) or is a
  governing word of ``modality.yaml``;
- an actor mention ends right before it (the subject) and a noun phrase starts right after it (the object).

Its slots are then read off the word order instead of the parse: the subject is the mention before it, the
object the head of the noun phrase after it (its last noun before a preposition, punctuation or verb), and each
preposition after that phrase a slot of its own.

The module also holds the other readings of headline grammar that ``roles.py`` asks for: the reduced passive
("Opposition Party Outlawed", "X sent to prison": ``headline_passive``, ``headline_participle``) and the comma
list of actors that opens a headline ("Saudi, Qatar restore ties": ``headline_list``).

READS: the sentence's tokens and parse labels, the actor index, the compiled verb frames and families.
ADDS: nothing; ``noun_verb``, ``headline_roles`` and the functions above are asked by ``roles.roles`` and
``steps/verbs``.
"""

from __future__ import annotations

from typing import Any

from .grammar import NOUN_POS, VERB_POS, Roles
from .state import DocState

# parse labels of a verb the parser took for part of a noun phrase
_NOMINAL_DEPS = frozenset({"compound", "nmod", "amod", "dep", "nsubj", "appos", "ROOT"})
_NP_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})


_HEADLINES = "eventwire.headline_tokens"  # doc.user_data: per token, is its sentence a headline?


def headline_sentence(v: Any) -> bool:
    """Is ``v``'s sentence a headline (no final punctuation)? (Answered for every sentence of the doc at once.)"""
    doc = v.doc
    marks: list[bool] | None = doc.user_data.get(_HEADLINES)
    if marks is None:
        marks = doc.user_data[_HEADLINES] = _headline_marks(doc)
    return bool(marks[v.i])


def _headline_marks(doc: Any) -> list[bool]:
    out = [False] * len(doc)
    for sent in doc.sents:
        # a closing quote is looked through ("slams 'masquerade'" vs 'he said."'), not one that closes the whole
        # sentence (a quoted crosshead, "'MILITARY OPERATION'")
        through = sent[0].text not in ('"', "'")
        for t in reversed(sent):
            if not t.is_space and not (through and t.text in ('"', "'")):
                if t.text not in (".", "!", "?", '"', "'"):
                    out[sent.start : sent.end] = [True] * (sent.end - sent.start)
                break
    return out


def noun_verb(st: DocState, t: Any) -> bool:
    """Is ``t`` the present-tense verb of a headline that the parser read as a noun (module docstring), or the
    bare verb of what a headline demands ("demands Iran release X": ``governed_verb``)? (Asked many times per
    token: answered once per document.)"""
    if t.doc is not st.doc:
        st.bind(t.doc)
    got = st.noun_verbs.get(t.i)
    if got is None:
        got = st.noun_verbs[t.i] = _noun_verb(st, t)
    return got


def _noun_verb(st: DocState, t: Any) -> bool:
    if (t.tag_ == "NN" or t.pos_ in VERB_POS) and t.i > 0 and _governed(st, t):
        return True
    if not headline_sentence(t):
        return False  # (the last test below, asked first: most sentences are no headline)
    if t.pos_ in VERB_POS:
        hung = t.dep_ == "dobj" and t.head.dep_ == "ROOT" and t.head.pos_ in NOUN_POS  # "Indian PM Modi visits Nepal"
        if not hung and (t.dep_ not in _NOMINAL_DEPS or t.dep_ == "ROOT" or any(c.dep_ == "dobj" for c in t.children)):
            return False
    elif t.pos_ not in NOUN_POS or t.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return False
    lem = st.lem(t)
    if lem not in st.p.verbs and lem not in st.m.by_lemma and lem not in st.p.light_nouns:
        return False  # (light verbs too: "Pakistan expels Afghan diplomats")
    if st.idx.at(t.i) or t.i == t.sent.start or t.i + 1 >= t.sent.end:
        return False
    if any(st.lem(g) in st.m.by_lemma and g.pos_ in VERB_POS for g in t.doc[t.sent.start : t.i]):
        return False  # "Sweden demands China release X": what is demanded, not done (the parse hides the clause)
    # "Indian protest violence": an adjective's noun, no subject; not a verb's third person ("Mali Denounces Actions
    # By X": the name before it tagged an adjective)
    third_person = t.lower_.endswith("s") and st.lem(t) != t.lower_
    modifier = t.dep_ == "compound" and t.doc[t.i - 1].pos_ == "ADJ" and not third_person
    before = [] if modifier else subject_before(st, t)
    j = t.i + 1
    while j + 1 < t.sent.end and t.doc[j].is_quote:  # "visits 'happiness' class"
        j += 1
    nxt = t.doc[j]
    # "Armenia appeals to Russia for help": a root noun followed by its verb's preposition
    after = _np_word(st, nxt) or (nxt.pos_ == "ADP" and t.dep_ == "ROOT")
    # "Kyrgyzstan and Trinidad and Tobago pledge to increase cooperation": a governing word before its infinitive
    after = after or (nxt.lower_ == "to" and nxt.pos_ == "PART" and lem in st.m.by_lemma)
    return bool(before) and after


def subject_before(st: DocState, t: Any) -> list[Any]:
    """The actor mention that ends right before headline verb ``t``: its subject. A mention inside a prepositional
    phrase is none ("sanctions ... over Taiwan arms sales"), unless the phrase hangs on an actor, which is then the
    subject ("Rebels in Niger announce suspension of attacks")."""
    doc = t.doc
    out = []
    for m in st.idx.at(t.i - 1):
        if m.tok_end != t.i:
            continue
        if m.tok_start == 0 or doc[m.tok_start - 1].pos_ != "ADP":
            out.append(m)
            continue
        p = doc[m.tok_start - 1]
        if p.lower_ in st.w.location_preps and p.head.i < p.i:
            out += [x for x in st.idx.at(p.head.i) if x.tok_end == p.i]
    return out


def _np_word(st: DocState, t: Any) -> bool:
    """A word of a noun phrase, also an event noun the tagger made a bare verb ("Egypt brokers truce between ...")."""
    if t.pos_ in _NP_POS:
        return True
    return t.pos_ in VERB_POS and t.tag_ in ("VB", "VBP") and st.lem(t) in st.p.nouns and st.lem(t) not in st.p.verbs


def governed_verb(st: DocState, g: Any) -> Any | None:
    """ "Norway demands Iran release detained climber": after a governing headline verb ``g`` and an actor
    mention, a bare verb form ("release", "free", "end") the parser read as a noun is the verb of what is
    demanded or urged (its slots are read off the word order, like a headline verb's)."""
    if g.pos_ not in VERB_POS or st.lem(g) not in st.m.by_lemma or not headline_sentence(g):
        return None
    end = g.sent.end
    m = next((m for m in st.idx.at(g.i + 1) if m.tok_start == g.i + 1), None) if g.i + 1 < end else None
    if m is None or m.tok_end + 1 >= end:
        return None
    t = g.doc[m.tok_end]
    bare = t.tag_ == "NN" or (t.pos_ in VERB_POS and t.dep_ not in ("ccomp", "xcomp", "conj", "ROOT"))
    if not bare or t.lower_ != st.lem(t) or st.idx.at(t.i) or st.lem(t) not in st.p.verbs:
        return None
    nxt = g.doc[t.i + 1]
    return t if nxt.pos_ in _NP_POS or nxt.tag_ in ("VBN", "VBD") else None  # "release (detained) climber"


def _governed(st: DocState, t: Any) -> bool:
    """Is ``t`` the verb found by ``governed_verb`` for the word before its subject?"""
    m = next((m for m in st.idx.at(t.i - 1) if m.tok_end == t.i), None)
    if m is None or m.tok_start == 0 or st.lem(t.doc[m.tok_start - 1]) not in st.m.by_lemma:
        return False  # (cheap tests first: this runs for most nouns and verbs)
    if m.tok_start <= t.sent.start:
        return False
    v = governed_verb(st, t.doc[m.tok_start - 1])
    return v is not None and v.i == t.i


def headline_roles(st: DocState, t: Any) -> Roles:
    """The slots of headline verb ``t``, read off the word order (module docstring)."""
    doc = t.doc
    r: Roles = {}
    subj = subject_before(st, t)
    m = subj[0] if subj else None
    if m is not None:
        r["subj"] = [doc[m.head]]
    while m is not None and m.tok_start >= 2 and doc[m.tok_start - 1].text in (",", "and", "&"):  # "Iraq, Turkey"
        prev = [p for p in st.idx.at(m.tok_start - 2) if p.tok_end == m.tok_start - 1]
        if not prev:
            break
        m = prev[0]
        r["subj"].insert(0, doc[m.head])
    end = t.sent.end
    i = t.i + 1
    obj = None
    while i < end and (_np_word(st, doc[i]) or doc[i].dep_ == "amod" or doc[i].is_quote):
        if doc[i].dep_ in ("prep", "agent"):
            break
        if doc[i].pos_ in NOUN_POS or (doc[i].pos_ in VERB_POS and _np_word(st, doc[i])):
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


def headline_participle(st: DocState, v: Any) -> bool:
    """ "Opposition Leader Arrested in Minsk": a headline whose root is the noun and whose participle reports
    what was done to it (not a description, as in running text); also when the noun is what a speaker says
    ("Erdogan says two Turkish troops killed in Libya") or the people a root counts ("Dozens of captives released").
    """
    h = v.head
    said = h.dep_ == "dobj" and h.head.dep_ == "ROOT" and st.lem(h.head) in st.m.speech
    # "Nauru: Four killed in air strike": the number hung on the place that opens the headline
    number_at_root = h.pos_ == "NUM" and h.dep_ in ("appos", "npadvmod") and h.head.dep_ == "ROOT"
    # "Dozens of captives released in Oslo": the people counted by the root
    counted_by_root = h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.dep_ == "ROOT" and h.head.head.i < h.i
    at_root = h.dep_ == "ROOT" or said or number_at_root or counted_by_root
    counted = h.pos_ in NOUN_POS or h.pos_ == "NUM"  # "Seven killed, 150 injured in riots"
    return v.dep_ == "acl" and v.tag_ == "VBN" and counted and at_root and headline_sentence(v)


def headline_passive(st: DocState, v: Any) -> bool:
    """A past participle heading a headline (a sentence without final punctuation) with a subject, no object
    and no auxiliary, of a one-sided verb that takes its target as the object ("outlaw", "ban", "deport",
    "charge", "shoot"): the headline's reduced passive. Headlines write actions in the present ("Police Arrest X"),
    so "X Arrested" is X's arrest (also said: "Erdogan says two soldiers killed in Libya"); a two-sided verb
    ("clash", "meet") is never read so."""
    said = v.dep_ == "ccomp" and v.head.dep_ == "ROOT" and st.lem(v.head) in st.m.speech  # "X says two troops killed"
    # "Protests erupt after opposition leader arrested": a clause after a subordinator, with no object
    after = v.dep_ == "advcl" and any(c.dep_ == "mark" and st.lem(c) in st.w.headline_clause_marks for c in v.children)
    if after and any(c.dep_ in ("dobj", "dative") or (c.dep_ == "nsubj" and c.pos_ != "NOUN") for c in v.children):
        return False  # (nor a name: "stocks fall after Russia invaded")
    if not (v.dep_ == "ROOT" or said or after) or v.tag_ not in ("VBN", "VBD"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return False
    if not headline_sentence(v):
        return False
    frames = st.p.verbs.get(st.lem(v), ())
    return any(f.tgt[:1] == ("obj",) for f in frames) and not any(f.recip for f in frames)


def headline_list(st: DocState, v: Any, r: Roles) -> None:
    """ "Saudi, Iran restore ties", "Putin, Xi meet in Moscow": a headline opening with a comma list of actors
    has them all as the subject, however the parser hung the first (or the second: "India, Japan vow to ...")."""
    subj = r.get("subj")
    if not subj or not headline_sentence(v):
        return
    doc = v.doc
    end = max((m.tok_end for m in st.idx.at(subj[-1].i)), default=subj[-1].i + 1)
    if end + 1 < v.i and doc[end].text == ",":
        # "India, Japan vow to ...": the parser made the first the subject and hung the second on the verb
        nxt = [m for m in st.idx.at(end + 1) if m.tok_start == end + 1 and m.tok_end == v.i]
        first = min((m.tok_start for m in st.idx.at(subj[-1].i)), default=subj[-1].i)
        if nxt and first == v.sent.start and doc[nxt[0].head] not in subj:
            subj.append(doc[nxt[0].head])
            return
    start = min((m.tok_start for m in st.idx.at(subj[0].i)), default=subj[0].i)
    while start >= 2 and doc[start - 1].text == ",":
        prev = [m for m in st.idx.at(start - 2) if m.tok_end == start - 1]
        if not prev or doc[prev[0].head] in subj:
            return
        start = prev[0].tok_start
        if start != v.sent.start and doc[start - 1].text != ",":
            return  # "In Moscow, Iran said ...": not a list that opens the headline
        subj.insert(0, doc[prev[0].head])
