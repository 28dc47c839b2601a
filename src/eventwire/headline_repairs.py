"""Repairs of the parse that only headlines need (a sentence without final punctuation, in Title Case or in the
telegraphic style of wire headlines), called by ``parse_repairs.repair_parse``: verbs the parser made nouns, a
place label before a colon, a pair of names opening the headline, a headline's "to" future."""

from __future__ import annotations

from typing import Any

from spacy.attrs import LOWER

from .words import calendar

_TIME_WORDS = frozenset(w.lower() for w in (*calendar().all_months, *calendar().weekdays))


def headline_infinitive(doc: Any, tos: list[int]) -> None:
    """ "Botswana government to detain journalists": a headline's "to" plus base verb the parser made a
    preposition with the verb as an adjective of its object is the infinitive of the headline's future, as
    in "Chinese army to hold drills": the verb is a clause on the subject, its noun its object."""
    for i in tos:
        if i + 2 >= len(doc):
            continue
        t, v = doc[i], doc[i + 1]
        n, subj = v.head, t.head
        if t.dep_ != "prep" or v.tag_ != "VB" or v.dep_ not in ("amod", "compound") or n.i <= v.i:
            continue
        if n.dep_ != "pobj" or n.head.i != t.i or subj.dep_ != "ROOT" or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        # in this order spaCy keeps every token's children and edges right (the noun via the subject)
        v.head, v.dep_, v.pos_ = subj, "acl", "VERB"
        n.head = subj
        n.head, n.dep_ = v, "dobj"
        t.head, t.dep_, t.pos_, t.tag_ = v, "aux", "PART", "TO"


def headline_pairs(doc: Any, arr: Any) -> None:
    """ "Seoul, Tokyo agree to restore pact", "Nauru and Austria expand ties": a name opening a sentence that the
    parser hung on the verb as an adverbial, a comma or "and", then the verb's name subject: the two are the
    subject (a weekday or month is a time)."""
    strings = doc.vocab.strings
    adverbial = (arr[:, 0] == strings["npadvmod"]) | (arr[:, 0] == strings["advmod"])
    hits = (adverbial & (arr[:, 1] == strings["PROPN"])).nonzero()
    for i in hits[0].tolist():
        if i + 2 >= len(doc) or not doc[i].is_sent_start or doc[i + 1].lower_ not in (",", "and"):
            continue
        x, y = doc[i], doc[i + 2]
        if x.lower_ in _TIME_WORDS:
            continue
        if y.dep_ == "conj" and y.head.i == i and not any(c.dep_.startswith("nsubj") for c in x.head.children):
            x.dep_ = "nsubj"  # the pair already coordinated, only the first name hung as an adverb
            continue
        if y.dep_ != "nsubj" or y.pos_ != "PROPN" or y.head.i != x.head.i or x.head.i < y.i:
            continue
        x.dep_ = "nsubj"
        y.head, y.dep_ = x, "conj"
        doc[i + 1].head = x


def place_labels(doc: Any) -> None:
    """ "Japan: Presidential Candidate Demands Review of Tariffs": a name before a colon opening the sentence that
    the parser made a second subject of the verb is a label (where the news is from), not a subject."""
    colons = (doc.to_array(LOWER) == doc.vocab.strings[":"]).nonzero()[0].tolist()  # no token objects else
    for c in colons:
        colon = doc[c]
        sent = colon.sent
        if colon.i == sent.start or colon.i - sent.start >= 6:
            continue
        label = [t for t in doc[sent.start : colon.i] if t.dep_ in ("nsubj", "dep", "npadvmod") and _name(t)]
        for t in label:
            if any(c.dep_ == "nsubj" and c.i > colon.i for c in t.head.children):
                t.dep_ = "meta"  # spaCy's label of a meta modifier: no subject, no argument of the verb
        r = sent.root
        v = next((c for c in r.children if c.i > colon.i and c.pos_ == "VERB"), None) if r.i < colon.i else None
        if v is not None and r.pos_ == "PROPN":  # "Saint Martin: Three NGOs Banned ...": the clause under the label
            later = [c for c in r.children if c.i > colon.i and c.i != v.i]
            v.head, v.dep_ = v, "ROOT"  # the verb first out from under the label, then the label under it
            r.head, r.dep_ = v, "meta"
            for c in later:
                c.head = v


def _name(t: Any) -> bool:
    """A proper noun, or a capitalised noun the tagger took for a common one ("Zambia/NN: Candidate Demands ...")."""
    return bool(t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper()))


# support verbs whose "-s" form a headline puts before their object noun: "NGO in Bangkok Issues Statement ..."
_SUPPORT_VERBS = frozenset(
    {"issue", "release", "publish", "launch", "sign", "hold", "unveil", "announce", "stage"}
    | {"ratify", "approve", "adopt", "endorse", "reject", "renew", "suspend", "impose"}  # "Monaco Ratifies Treaty"
)


def _base(word: str) -> str:
    """The base form of a verb's "-s" form: "ratifies" -> "ratify", "issues" -> "issue"."""
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def support_verb_compound(doc: Any, sent: Any) -> None:
    """ "NGO in Bangkok Issues Statement Condemning Government", "Rights group issues statement condemning army": in a
    headline, a support verb's "-s" form the parser made a compound of the root noun right after it is the verb,
    the root its object, and the noun phrase before it (the root's other modifier) its subject."""
    r = sent.root
    if r.pos_ != "NOUN" or r.i <= sent.start + 1:
        return
    t = doc[r.i - 1]
    if t.dep_ != "compound" or t.head.i != r.i or _base(t.lower_) not in _SUPPORT_VERBS or not t.lower_.endswith("s"):
        return
    subj = [c for c in r.children if c.i < t.i and c.dep_ in ("nmod", "compound", "nsubj") and c.pos_ != "ADJ"]
    subj = subj or [c for c in t.children if c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN")]
    if not subj:
        return
    t.head, t.dep_, t.pos_, t.tag_, t.lemma_ = t, "ROOT", "VERB", "VBZ", _base(t.lower_)
    r.head, r.dep_ = t, "dobj"
    subj[-1].head, subj[-1].dep_ = t, "nsubj"
    for c in [c for c in r.children if c.i < t.i and c.i != subj[-1].i]:
        c.head = subj[-1] if c.dep_ in ("compound", "amod", "nmod") else t


# verbs of asking a headline puts before an event noun the parser then reads as the verb: "Activists Request End
# to Policy", "Foreign Business Demand End to Discrimination"
_ASKING_VERBS = frozenset({"request", "demand", "urge", "seek", "want", "ask", "press"})


def appeal_verb_noun(doc: Any, sent: Any) -> None:
    """ "Activists in Ghana Request End to Migration Policy": in a headline, a verb of asking the parser made a
    noun right before a base-form root ("end", "halt") is the verb, the root its object noun, and the noun phrase
    before it (the root's subject, or the words the noun was compounded with) its subject."""
    v = sent.root
    if v.tag_ not in ("VB", "VBP", "NN") or v.i == sent.start:
        return
    t = doc[v.i - 1]
    if t.pos_ != "NOUN" or t.tag_ != "NN" or t.lower_ not in _ASKING_VERBS:
        return
    subj = [c for c in v.children if c.dep_ == "nsubj" and c.i != t.i]
    subj = subj or [c for c in t.children if c.dep_ in ("compound", "nmod", "amod") and c.pos_ in ("NOUN", "PROPN")]
    if not subj:
        return
    later = [c for c in v.children if c.dep_ not in ("nsubj", "conj") and c.i < v.i]
    t.head, t.dep_, t.pos_, t.tag_, t.lemma_ = t, "ROOT", "VERB", "VBP", t.lower_
    v.head, v.dep_, v.pos_, v.tag_ = t, "dobj", "NOUN", "NN"
    subj[-1].head, subj[-1].dep_ = t, "nsubj"
    for c in later:
        c.head = t


# verbs of judging or naming whose third-person form a headline puts before a quoted word: "Kyiv slams 'sham'"
_QUOTING_VERBS = frozenset(
    {
        "slam",
        "decry",
        "denounce",
        "condemn",
        "blast",
        "hail",
        "reject",
        "brand",
        "dub",
        "call",
        "deny",
        "praise",
        "welcome",
        "criticise",
        "criticize",
        "label",
        "warn",
        "cry",
        "allege",
        "claim",
        "accuse",
    }
)


def quoting_verbs(doc: Any) -> None:
    """ "Russia holds vote, Kyiv slams 'sham'", "Serbia arrests officers; Pristina denounces 'kidnapping'": in a
    headline, a verb of judging in its "-s" form that the parser made a noun, after a name or noun and before an
    opening quote, is the verb of a clause of its own (the sentence root's conjunct when it is not the root):
    the word before it is its subject, the quoted noun its object."""
    low = doc.to_array(LOWER)  # the quote marks from one array read: no token object for the others
    marks = [doc.vocab.strings[q] for q in ("'", '"', "\u2018") if q in doc.vocab.strings]
    for i in sorted(j for m in marks for j in (low == m).nonzero()[0].tolist()):
        if i < 2 or i >= len(doc) - 1:
            continue
        t, q = doc[i - 1], doc[i]
        if t.pos_ not in ("NOUN", "PROPN") or not t.lower_.endswith("s"):
            continue
        sent = t.sent
        lemma = t.lower_[:-1] if t.lower_[:-1] in _QUOTING_VERBS else t.lower_[:-2]  # "slams", "denounces"
        if sent[-1].text in (".", "!", "?") or lemma not in _QUOTING_VERBS:
            continue
        subj, root = doc[t.i - 1], sent.root
        obj = next((x for x in doc[q.i + 1 : sent.end] if x.pos_ in ("NOUN", "PROPN") and x.head.i != x.i + 1), None)
        if subj.pos_ not in ("NOUN", "PROPN") or obj is None:
            continue
        t.pos_, t.tag_, t.lemma_ = "VERB", "VBZ", lemma
        if t.i != root.i:
            t.head, t.dep_ = t, "ROOT"  # out from under its noun first, then under the root as a second clause
            t.head, t.dep_ = root, "conj"
        obj.head, obj.dep_ = t, "dobj"
        subj.head, subj.dep_ = t, "nsubj"


def agent_participle(doc: Any, sent: Any) -> None:
    """ "New sanctions imposed by EU on Russia", "Concessions made by Syria to avoid escalation": in a headline with
    no finite verb, a past participle with an agent that the parser hung on the root noun is the headline's verb (a
    passive that drops "were"), the noun its passive subject (only with the doer named: "Curfew imposed in Kandy"
    stays a noun)."""
    r = sent.root
    if r.pos_ not in ("NOUN", "PROPN") or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent):
        return  # (a capitalised first noun is tagged a name: "Curfew imposed by army in Yangon")
    v = next((c for c in r.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > r.i), None)
    if v is None or not any(c.dep_ == "agent" for c in v.children) or any(c.dep_ == "aux" for c in v.children):
        return
    later = [c for c in r.children if c.i > v.i]
    v.head, v.dep_ = v, "ROOT"  # the verb first out from under the noun, then the noun under it
    r.head, r.dep_ = v, "nsubjpass"
    for c in later:
        c.head = v


def clause_subjects(doc: Any, arr: Any) -> None:
    """Subjects the parser hung elsewhere in a clause with none: a name opening the sentence made an interjection
    ("Nauru cuts off internet"); a name after "as", "after" or "when" made the object of that word ("as IMF agrees
    to forgive ..."); and the noun root of a finite verb the parser made a clause on it ("Military forces withdraw
    from X": "withdraw/VBP" is the verb, the noun its subject)."""
    strings = doc.vocab.strings
    dep, pos, tag = arr[:, 0], arr[:, 1], arr[:, 2]
    name = pos == strings["PROPN"]
    finite = (tag == strings["VBP"]) | (tag == strings["VBZ"])
    odd = ((dep == strings["intj"]) & name) | ((dep == strings["pobj"]) & name) | ((dep == strings["acl"]) & finite)
    for i in odd.nonzero()[0].tolist():  # (only these tokens are made objects)
        t = doc[i]
        v = t.head
        if t.dep_ == "intj" and t.pos_ == "PROPN" and t.is_sent_start and v.pos_ == "VERB" and v.i > i:
            if not any(c.dep_.startswith("nsubj") for c in v.children):
                t.dep_ = "nsubj"
        elif t.dep_ == "pobj" and v.dep_ == "mark" and t.pos_ == "PROPN" and v.head.pos_ == "VERB" and v.head.i > i:
            if not any(c.dep_.startswith("nsubj") for c in v.head.children):
                t.head, t.dep_ = v.head, "nsubj"
        elif t.dep_ == "acl" and t.tag_ in ("VBP", "VBZ") and v.dep_ == "ROOT" and v.pos_ in ("NOUN", "PROPN"):
            if v.i < i and not any(c.dep_.startswith("nsubj") for c in t.children):
                later = [c for c in v.children if c.i > i]
                t.head, t.dep_ = t, "ROOT"  # the verb first out from under the noun, then the noun under it
                v.head, v.dep_ = t, "nsubj"
                for c in later:
                    c.head = t


# verbs of asking and telling whose "-ed" form before "to" in a headline is a passive: "Kenya Urged to Free Activists"
_TOLD_VERBS = frozenset({"tell", "urge", "ask", "press", "order", "pressure", "push", "advise", "warn", "force"})


def asked_passive(doc: Any, sent: Any) -> None:
    """ "Argentina Leader Told to Delay Meeting", "Mali Junta Pressed to Hold Elections": in a headline, a verb of
    asking or telling in its "-ed" form with a subject and a "to" clause right after it, and no object, drops
    "was": the subject is the one asked (a passive subject), not the one asking."""
    for v in sent:
        if v.tag_ not in ("VBD", "VBN") or v.lemma_.lower() not in _TOLD_VERBS or v.i + 2 >= sent.end:
            continue
        if doc[v.i + 1].lower_ != "to" or doc[v.i + 1].head.head.i != v.i:
            continue
        kids = list(v.children)
        subj = [c for c in kids if c.dep_ == "nsubj" and c.i < v.i]
        if not subj or any(c.dep_ in ("dobj", "dative", "aux", "auxpass", "nsubjpass") for c in kids):
            continue
        subj[0].dep_ = "nsubjpass"
        v.tag_ = "VBN"


def headline_sentences(doc: Any, text: str) -> None:
    """The repairs of each headline sentence (no final stop): verbs the parser made nouns, reduced passives."""
    for sent in doc.sents:
        if sent[-1].text not in (".", "!", "?"):
            appeal_verb_noun(doc, sent)
            support_verb_compound(doc, sent)
            asked_passive(doc, sent)
            if " by " in text:
                agent_participle(doc, sent)
