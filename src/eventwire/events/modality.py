"""Negation, hypotheticals, conditionals, future/intent and reported speech on the dependency parse.

The word lists live in ``data/modality.yaml`` (and ``data/words.yaml``); these functions only read the parse
around a predicate (READS: the parse above and below the predicate, the modality tables; ADDS: a reason, or
the speech verb, or True/False — the callers in ``governors.py`` and ``steps/`` decide):

* **negated** — the predicate (or a governing verb in ``negating_verbs`` such as "failed to") carries a
  negation ("did not attack", "never met", "failed to agree"): no event.
* **hypothetical** — a modal auxiliary ("could", "might", "should", ...), a conditional marker on the
  predicate ("if X attacks", "unless"), or a conditional clause attached to it ("X will strike if Y ..."):
  no event. "would" inside reported speech ("said it would send aid") is a future, not a hypothetical.
* **pending** — a present tense under "before"/"until" ("will not talk until the army withdraws"): no
  event for that clause.
* **future** — "will"/"shall"/"'ll", "is going to", or reported "would": the event is coded as an
  *intent* (see the ``intent`` family in ``modality.yaml``), modality ``intended``.
* **reported** — the predicate sits in the complement clause of a speech verb ("X said Y attacked Z"):
  coded Y→Z with modality ``reported``.
"""

from __future__ import annotations

from typing import Any

from .frames import Modality
from .tables import load_words

_CLAUSE_UP = ("conj", "xcomp", "acomp")  # "is not ready to attend", "is yet to sign"


def _aux_lemmas(tok: Any) -> list[str]:
    return [c.lemma_.lower() for c in tok.children if c.dep_ in ("aux", "auxpass")]


def negated(tok: Any, mod: Modality, negating_verbs: frozenset[str]) -> str | None:
    """Why ``tok`` is negated (a short reason), or ``None``."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lemma_.lower() in mod.negations):
            return f"negated by '{c.text}'"
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(x.lower_ == "no" for x in c.children):
            return "negated by 'no longer'"  # "would no longer seek to succeed her"
    for c in tok.children:  # "No group claimed responsibility", "nobody was arrested"
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in ("nobody", "none") or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        ):
            return f"no one does it ('{c.text}')"
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in tok.children) or (
        tok.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in tok.head.children)
    ):
        return "negated by 'neither ... nor'"  # "neither confirmed nor denied the report"
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.lemma_.lower() in negating_verbs:
        return f"governed by '{tok.head.head.text} {tok.head.text}'"  # "refrained from criticizing"
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lemma_.lower() in load_words().negating_preps:
        return f"governed by '{tok.head.text}'"  # "acted without consulting Washington"
    why = _inside_negated_noun(tok, mod)
    if why:
        return why
    h = tok.head
    if (
        tok.dep_ in ("ccomp", "xcomp")
        and h.lemma_.lower() in load_words().belief_verbs
        and any(c.dep_ == "neg" for c in h.children)
    ):
        return f"governed by a negated '{h.text}'"  # "does not believe it will welcome the delegation"
    if tok.dep_ == "dobj" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in negating_verbs:
        return f"governed by '{tok.head.text}'"  # "suspended its plans to impose a curfew"
    if (
        tok.dep_ == "advcl"
        and tok.head.lemma_.lower() in negating_verbs
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    ):
        return f"governed by '{tok.head.text}'"  # "suspended a call for followers to hold protests"
    if (
        tok.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and any(c.dep_ == "neg" for c in tok.head.children)
    ):
        return f"the purpose of a negated '{tok.head.text}'"  # "had not done enough to meet X's demands"
    if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in negating_verbs:
        return f"governed by '{tok.head.head.text}'"  # "halted its operations to retake Mosul"
    t = tok
    while t.dep_ in _CLAUSE_UP and t.head.i != t.i:
        h = t.head
        if (
            t.dep_ == "xcomp"
            and h.lemma_.lower() in ("be", "have")
            and any(c.dep_ == "advmod" and c.lemma_.lower() == "yet" for c in h.children)
        ):
            return f"'{h.text} yet to': not yet done"
        if t.dep_ == "xcomp":
            if h.lemma_.lower() in negating_verbs:
                return f"governed by '{h.text}'"
            if h.lemma_.lower() in load_words().purpose_passives and any(c.dep_ == "auxpass" for c in h.children):
                return f"a purpose ('{h.text} to'), not an event"  # "the truce is meant to comply with X"
            for c in h.children:
                if c.dep_ == "neg":
                    return f"governing verb '{h.text}' negated"
        t = h
    return None


def _inside_negated_noun(tok: Any, mod: Modality) -> str | None:
    """ "there were no discussions about a possible meeting", "no sign of talks": an event noun in the phrase
    of a noun negated by its determiner, or of an absence ("a lack of commitment to probe"), did not happen, nor a
    participle describing such a noun ("has no plans for permanently stationed troops")."""
    t = tok.head if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN") else tok
    for _ in range(2):
        if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.head.pos_ not in ("NOUN", "PROPN"):
            return None
        prep, t = t.head, t.head.head
        if prep.lower_ == "of" and t.lemma_.lower() in load_words().absence_nouns:
            return f"inside '{t.text} of'"  # "a lack of commitment to probe the killings"
        for c in t.children:
            if c.dep_ == "det" and c.lemma_.lower() in mod.negations:
                return f"inside '{c.text} {t.text}'"
    return None


def in_allegation(
    tok: Any, claim_nouns: frozenset[str], denial_verbs: frozenset[str], news: frozenset[str] = frozenset()
) -> str | None:
    """Why ``tok`` is the content of an allegation or a denial rather than an asserted event ("denied
    charges that it committed ...", "rejected accusations that ...", "denied that its troops shelled ..."),
    or ``None``. A news noun (``news``: "reports that Israeli authorities arrested X") reports the event unless
    it is denied or dismissed ("denied reports that its troops shelled ...")."""
    t = tok
    for _ in range(6):
        h = t.head
        if h.i == t.i:
            return None
        if t.dep_ == "relcl" and t.lemma_.lower() in denial_verbs and t.i == tok.i:
            return None  # "an allegation the government denies": a denial of the claim, not its content
        if t.dep_ in ("acl", "ccomp", "relcl") and h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() in claim_nouns:
            if h.lemma_.lower() in news and h.head.lemma_.lower() not in denial_verbs:
                return None
            return f"content of the {h.lemma_.lower()} '{h.text}'"
        if t.dep_ == "ccomp" and h.lemma_.lower() in denial_verbs and not denies_its_object(t, h):
            return f"denied by '{h.text}'"
        if t.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "acl", "relcl"):
            return None
        t = h
    return None


def denies_its_object(clause: Any, verb: Any) -> bool:
    """ "X accused Y of war crimes, a charge Y denies": a denial after the clause, with an object of its own, is an
    apposition the parser hung the clause on; it denies its object, not the clause."""
    return clause.i < verb.i and any(c.dep_ == "dobj" and clause.i < c.i < verb.i for c in verb.children)


def in_reported_speech(tok: Any, speech: dict[str, str] | frozenset[str]) -> Any | None:
    """The speech verb whose complement clause holds ``tok``, or ``None``."""
    t = tok
    for _ in range(6):
        if t.dep_ in ("conj", "xcomp", "advcl") and t.head.i != t.i:
            t = t.head
            continue
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in speech:
            return t.head
        if _told_clause(t, speech):  # "told his counterpart that X would ...", the clause parsed on the object
            return t.head.head
        if t.dep_ == "ccomp":  # e.g. "said that ... agreed that ..." : keep climbing
            t = t.head
            continue
        return _trailing_speech(t, speech)
    return None


def _told_clause(t: Any, speech: dict[str, str] | frozenset[str]) -> bool:
    """ "assured his Iranian counterpart that Riyadh would reopen ...": a "that" clause the parser hung on the
    object of a speech verb as a relative clause is what was said to the object (no relative "that" clause lacks
    a subject of its own here: "the counterpart that he met" has its object missing, not a subject)."""
    h = t.head
    return (
        t.dep_ in ("acl", "relcl")
        and h.dep_ in ("dobj", "dative")
        and h.head.lemma_.lower() in speech
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
        and any(c.dep_.startswith("nsubj") for c in t.children)
    )


def _trailing_speech(t: Any, speech: dict[str, str] | frozenset[str]) -> Any | None:
    """ "X would send aid, the minister was quoted as saying": a speech verb after a comma that the parser made a
    conjunct or a parataxis of the clause it attributes."""
    for c in t.children:
        if (
            c.dep_ in ("conj", "parataxis")
            and c.i > t.i
            and c.lemma_.lower() in speech
            and "," in (c.left_edge.text, t.doc[c.left_edge.i - 1].text)
        ):
            return c
    return None


CONDITIONAL_MAIN = "main clause of a conditional"


def enacted_provision(t: Any, laws: frozenset[str], enact: frozenset[str]) -> bool:
    """ "passed a law that would outlaw X", "signed a decree banning Y": ``t`` says what a law enacted by the
    sentence does (the law is the object of an enacting verb)."""
    h = t.head
    return (
        t.dep_ in ("relcl", "acl") and h.lemma_.lower() in laws and h.dep_ == "dobj" and h.head.lemma_.lower() in enact
    )


def _subjunctive(t: Any, mandative: frozenset[str]) -> bool:
    """ "Egypt proposed that Israel and Hamas hold talks": a bare verb with a subject of its own in the content
    clause of a verb of wanting done (a mandative subjunctive) says what is wanted, not what was done."""
    return (
        t.tag_ in ("VB", "VBP")
        and t.dep_ == "ccomp"
        and t.head.lemma_.lower() in mandative
        and any(c.dep_ == "nsubj" for c in t.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in t.children)
    )


def hypothetical(tok: Any, mod: Modality) -> str | None:
    """Why ``tok`` is hypothetical or conditional, or ``None``. ``CONDITIONAL_MAIN`` means the predicate is
    the consequence of an if/unless clause (a conditional threat or promise when it is a future)."""
    words = load_words()  # "would like to ..." (polite wish verbs), "should be able to offer" (ability adjectives)
    if tok.lemma_.lower() == "blame" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "be":
        return "'is to blame' says who is blamed, it reports no act of blaming"
    if _subjunctive(tok, words.mandative_verbs):
        return f"a proposal ('that ... {tok.text}'), not reported as done"
    reported = None
    t = tok
    for _ in range(4):
        for c in t.children:
            low = c.lemma_.lower()
            if c.dep_ in ("aux", "auxpass") and low in mod.hypothetical_aux:
                if low == "would" and t.lemma_.lower() in words.polite_wish_verbs:
                    continue  # "would like to visit": a wish, not a hypothetical
                if low == "would" and enacted_provision(t, words.law_nouns, words.enact_verbs):
                    continue  # "passed a law that would outlaw X": the law's provision, in force
                if low == "would":
                    if reported is None:
                        reported = in_reported_speech(t, mod.speech) is not None
                    if reported:
                        continue
                return f"modal '{c.text}'"
        if (
            t.dep_ in ("xcomp", "ccomp", "advcl")
            and t.head.lemma_.lower() in words.permission_verbs
            and (t.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children))
        ):
            return f"permitted by '{t.head.text}', not reported as done"
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in words.necessity_verbs:
            return f"needed ('{t.head.text}'), not reported as done"
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in words.proof_verbs and _to_be_done(t.head, mod):
            return f"what '{t.head.text}' is still to show, not reported as done"
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
        elif t.dep_ == "acomp" and t.lemma_.lower() in words.ability_adjectives and t.head.i != t.i:
            t = t.head
        else:
            break
    why = pending(tok, mod)
    if why:
        return why
    return conditional(tok, mod)


PRESENT_TAGS = frozenset({"VB", "VBP", "VBZ"})


def _to_be_done(v: Any, mod: Modality) -> bool:
    """A verb not yet done: under a modal ("must prove"), an infinitive ("to establish"), or a future."""
    return any(
        c.dep_ == "aux"
        and (c.lemma_.lower() in mod.hypothetical_aux or c.lower_ == "to" or c.lemma_.lower() in mod.future_aux)
        for c in v.children
    )


def pending(tok: Any, mod: Modality) -> str | None:
    """Why ``tok`` has not happened yet: a present tense in a "before"/"until" clause ("will not talk until
    the army withdraws", "must agree before they demobilize"), or ``None``."""
    if tok.dep_ != "advcl" or tok.tag_ not in PRESENT_TAGS or not mod.pending_marks:
        return None
    for c in tok.children:
        if c.dep_ == "mark" and c.lemma_.lower() in mod.pending_marks:
            return f"'{c.text}' clause in the present: not yet done"
    return None


def conditional(tok: Any, mod: Modality) -> str | None:
    """Why ``tok`` is inside an if/unless clause, or ``CONDITIONAL_MAIN`` for its consequence clause."""
    # an if/unless clause anywhere above the predicate ("unless X arranges a truce with rebels fighting ...")
    t = tok
    for _ in range(8):
        word = condition_word(t, mod)
        if word is not None:
            return f"conditional '{word.text}'"
        if t.head.i == t.i:
            break
        t = t.head
    t = tok
    for _ in range(3):
        for c in t.children:
            if c.dep_ == "advcl" and condition_word(c, mod) is not None:
                return CONDITIONAL_MAIN
        if t.dep_ in _CLAUSE_UP and t.head.i != t.i:
            t = t.head
        else:
            break
    return None


def condition_clause(tok: Any, mod: Modality) -> Any | None:
    """The if / unless clause attached to ``tok`` ("X will respond *if Y attacks*"), or ``None``."""
    for c in tok.children:
        if c.dep_ == "advcl" and condition_word(c, mod) is not None:
            return c
    return None


_INVERTING_AUX = frozenset({"should", "had", "were"})


def condition_word(t: Any, mod: Modality) -> Any | None:
    """The word that makes clause ``t`` a condition: its if / unless mark, or, in an inverted condition ("should
    their demands not be met", "had the talks failed"), the auxiliary before its subject; else ``None``."""
    for c in t.children:
        if c.dep_ == "mark" and c.lemma_.lower() in mod.conditional_marks:
            return c
    if t.dep_ != "advcl":
        return None
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    aux = next((c for c in t.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _INVERTING_AUX), None)
    return aux if aux is not None and subj is not None and aux.i < subj.i else None


def headline_infinitive(tok: Any) -> bool:
    """Headline futures: "Japan to send warships to Gulf" (a root verb with "to"), "Chinese president to
    visit Nepal" (a noun phrase as root with a "to"-clause)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if tok.dep_ == "ROOT":  # the small parser makes some headline subjects a "dep" or an adverbial noun:
        # "Japanese PM to visit China", "Pakistan to expel Afghan refugees"
        return any(
            c.dep_ == "nsubj" or (c.dep_ in ("dep", "npadvmod") and c.i < tok.i and c.pos_ in ("NOUN", "PROPN"))
            for c in tok.children
        )
    return tok.dep_ in ("acl", "relcl") and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN")


def future(tok: Any, mod: Modality) -> bool:
    """True when the predicate is a future ("will visit", "is going to visit", reported "would visit")."""
    for c in tok.children:
        if c.dep_ == "aux":
            low = c.lemma_.lower()
            if low in mod.future_aux:
                return True
            if low == "would" and in_reported_speech(tok, mod.speech) is not None:
                return True
    if headline_infinitive(tok):
        return True
    h = tok.head
    if (
        tok.dep_ == "advcl"
        and tok.tag_ in PRESENT_TAGS
        and h.i != tok.i
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        and any(c.dep_ in ("mark", "advmod") and c.lemma_.lower() in mod.future_clause_marks for c in tok.children)
    ):
        return future(h, mod)  # "will be ratified when the presidents meet": the meeting is to come
    if tok.dep_ == "xcomp" and h.i != tok.i and h.lemma_.lower() in mod.aspect_verbs:
        return future(h, mod)  # "will continue shelling", "will keep attacking"
    if tok.dep_ == "pcomp" and h.lower_ == "of" and h.head.dep_ == "dobj":
        g = h.head.head  # "will begin the process of withdrawing": as "will begin withdrawing"
        if g.lemma_.lower() in mod.aspect_verbs:
            return future(g, mod)
    if (
        tok.dep_ == "xcomp"
        and h.lemma_.lower() == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and any(c.dep_ == "nsubj" for c in h.children)
        and not any(c.dep_ in ("prep", "attr", "acomp") and c.i < tok.i for c in h.children)
        and tok.lemma_.lower() != "blame"  # "the government is to blame for the crisis": culpable, not a plan
    ):
        # "the minister is to visit Beijing next week", "the opposition is to hold protests"; not "Spain was among
        # the first countries to condemn it" (the parser's "to" clause of the copula)
        return True
    if (
        tok.dep_ == "xcomp"
        and h.lemma_.lower() == "go"
        and h.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in h.children)
    ):
        return True
    return False
