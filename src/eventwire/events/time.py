"""The time and reality of an event: background history and habits are not the story's news.

Compiled once from ``data/time.yaml``; read by the ``story_context`` step for every candidate:

* **historical** — the event's own clause names a time before the story: a year before the story's year
  ("attacked Israel in 1973", "a 1991 crackdown", "on June 2, 2012", "since the war of 2008"), a decade that
  ended before it ("in the 1990s"), or a past whatever the story's date ("a decade ago", "last decade", "three
  years ago"); a time on a conjoined verb dates the first verb too when its own clause names none ("was arrested
  and jailed in the late 1990s"); when its clause names no time, every time named in the clauses above it is
  such a past ("When X came to power in 2005, ... a crackdown during which 500 people were killed"). A time of
  the story's own days in the event's clause ("on Tuesday", "today") keeps it current; so does a date in the
  story's year ("on Feb. 20, 2020" in a story of February 2020). The content of *recall / remember* ("recalled
  that Iraq had invaded Kuwait") and an event inside "the anniversary of ..." are history too.
* **unrealised** — a nominal event with a *planned* modifier ("a possible visit", "the proposed talks") is
  an intent (``planned``), one in a clause under a modal ("could become an area of cooperation") a
  possibility (``possible``: no event).
* **habitual** — a predicate with a habit adverb ("has always supported", "usually condemns", "regularly
  holds talks") or "every / each + time noun" ("meets every year") reports a habit, not an event; so does a
  verb in the simple present in a relative clause ("Bahrain, which hosts the U.S. Fifth Fleet").

READS: the parse around the trigger, the sentence text, the story date. ADDS: (modality, reason) or ``None``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .._data import load_yaml
from ..errors import EventwireError, error
from ..words import calendar
from .grammar import ancestors, clause_head, in_aside
from .modality import in_reported_speech

PACKAGE = "eventwire.events"
HISTORICAL = "historical"
HABITUAL = "habitual"
_CLAUSE_UP = ("xcomp", "conj", "aux", "auxpass")  # "was set to be jailed", "met and signed"
_CLAUSE_POS = ("VERB", "AUX")


def _err(msg: str) -> EventwireError:
    return error("E320", where="events/data/time.yaml", problem=msg)


def _regexes(spec: Any, key: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in spec:
        try:
            out.append(re.compile(str(p), re.I))
        except re.error as e:
            raise _err(f"bad regular expression in '{key}': {p!r} ({e})") from e
    return tuple(out)


@dataclass(frozen=True, slots=True)
class TimeRules:
    """The compiled ``time.yaml``."""

    years: tuple[re.Pattern[str], ...]
    undated: tuple[re.Pattern[str], ...]
    always: tuple[re.Pattern[str], ...]
    current: tuple[re.Pattern[str], ...]
    recall_verbs: frozenset[str]
    anniversary: frozenset[str]
    standing: frozenset[str]
    habit_adverbs: frozenset[str]
    every: frozenset[str]
    time_nouns: frozenset[str]
    since_nouns: frozenset[str]  # "since January", "since last year": far enough back to sum up (not weekdays)
    planned: frozenset[str]
    modals: frozenset[str]
    futures: frozenset[str]


@lru_cache(maxsize=1)
def load_rules() -> TimeRules:
    data = load_yaml(PACKAGE, "time.yaml")  # shapes: schema/data/events-time.schema.json
    h, hab = data["historical"], data["habitual"]
    cal = calendar()
    units = frozenset({"day", "week", "weekend", "month", "year", "morning", "evening", "night", "summer", "winter"})
    return TimeRules(
        years=_regexes(h["years"], "historical.years"),
        undated=_regexes(h.get("undated") or [], "historical.undated"),
        always=_regexes(h["always"], "historical.always"),
        current=_regexes(h["current"], "historical.current"),
        recall_verbs=frozenset(w.lower() for w in h["recall_verbs"]),
        anniversary=frozenset(w.lower() for w in h["anniversary_nouns"]),
        standing=frozenset(w.lower() for w in h.get("standing_modifiers") or []),
        habit_adverbs=frozenset(w.lower() for w in hab["adverbs"]),
        every=frozenset(w.lower() for w in hab["every"]),
        time_nouns=units | frozenset(cal.weekdays) | frozenset(cal.months),
        since_nouns=frozenset({"week", "month", "year"}) | frozenset(cal.months),
        planned=frozenset(w.lower() for w in data["unrealised"]["planned"]),
        modals=frozenset(w.lower() for w in data["unrealised"]["modals"]),
        futures=frozenset(w.lower() for w in data["unrealised"]["futures"]),
    )


@dataclass(frozen=True, slots=True)
class Expr:
    """A time expression of the sentence: its root token and whether it names a past before the story."""

    root: Any
    text: str
    past: bool


_EXPRS = "eventwire.time_expressions"
YEARISH = re.compile(r"(?:19|20)\d\d")  # a sentence without one holds no year or decade pattern's match


def expressions(sent: Any, story_date: _dt.date | None, rules: TimeRules) -> list[Expr]:
    """The time expressions of ``sent`` that say something about the story's time (without overlaps);
    found once per sentence, story date and rules (kept on the doc: each event of the sentence asks)."""
    memo: dict[tuple[int, _dt.date | None, int], list[Expr]] = sent.doc.user_data.setdefault(_EXPRS, {})
    key = (sent.start, story_date, id(rules))
    found = memo.get(key)
    if found is None:
        found = memo[key] = _expressions(sent, story_date, rules)
    return found


def _expressions(sent: Any, story_date: _dt.date | None, rules: TimeRules) -> list[Expr]:
    text: str = sent.text
    found: list[tuple[int, int, bool]] = []

    def add(m: re.Match[str], past: bool) -> None:
        s, e = m.span()
        if not any(s < fe and fs < e for fs, fe, _ in found):
            found.append((s, e, past))

    dated = YEARISH.search(text) is not None  # every years / undated pattern names a year (tests hold them to it)
    for p in rules.years if dated else ():
        for m in p.finditer(text):
            g = m.groupdict()
            if story_date is None:
                continue
            if g.get("year"):
                add(m, int(g["year"]) < story_date.year)
            elif g.get("decade"):
                add(m, int(g["decade"]) + 10 <= story_date.year)
    for p in rules.always:
        for m in p.finditer(text):
            add(m, True)
    undated: set[tuple[int, int]] = set()
    for p in rules.undated if story_date is None and dated else ():
        for m in p.finditer(text):
            add(m, True)
            undated.add(m.span())
    for p in rules.current:
        for m in p.finditer(text):
            add(m, False)
    out = []
    for s, e, past in sorted(found):
        span = sent.doc.char_span(sent.start_char + s, sent.start_char + e, alignment_mode="expand")
        if span is None:
            continue
        if (s, e) in undated and not _on_a_verb(span.root):
            continue  # "the government, in power since late 2012, is fighting": the year dates the noun
        out.append(Expr(span.root, text[s:e], past))
    return out


def _on_a_verb(x: Any) -> bool:
    """The time phrase of ``x`` ("in 2012") hangs on a verb, not inside a noun phrase; one after a direct object
    or after the verb's own prepositional phrase dates the verb too ("reached an agreement in 2004", "was deposed
    in a coup in 1975": the parser hangs it on the noun)."""
    t = x.head if x.dep_ == "pobj" else x
    if t.dep_ not in ("prep", "advmod", "npadvmod"):
        return False
    h = t.head
    if h.dep_ == "pobj" and h.head.dep_ == "prep" and t.i > h.i and t.lower_ in ("in", "on"):
        return h.head.head.pos_ in _CLAUSE_POS  # "was deposed in a coup in 1975": after the verb's own phrase
    return h.pos_ in _CLAUSE_POS or (h.dep_ == "dobj" and h.head.pos_ in _CLAUSE_POS and t.i > h.i)


def _own_clause(trigger: Any) -> set[int]:
    """The trigger and the clause heads it belongs to (through xcomp / conj / aux)."""
    t = clause_head(trigger)
    heads = {trigger.i, t.i}
    while t.dep_ in _CLAUSE_UP and t.head.i != t.i:
        t = t.head
        heads.add(t.i)
    return heads


def _attached(x: Any, trigger: Any) -> Any:
    """The token the expression ``x`` belongs to: the trigger itself (a nominal event: "a 1991 crackdown")
    or the clause head above it."""
    t = x
    for _ in range(12):
        if t.i == trigger.i or t.pos_ in _CLAUSE_POS or t.head.i == t.i:
            return t
        t = t.head
    return t


def historical(trigger: Any, sent: Any, story_date: _dt.date | None, rules: TimeRules) -> str | None:
    """Why the event at ``trigger`` is background history (see the module docstring), or ``None``."""
    why = _remembered(trigger, rules)
    if why:
        return why
    if trigger.pos_ in ("NOUN", "PROPN"):
        for c in trigger.children:  # "the existing agreements between X and Y", "long-standing talks"
            whole = c.doc[c.left_edge.i : c.i + 1].text.lower()  # a hyphenated modifier is split by the tokenizer
            if c.dep_ in ("amod", "compound") and (c.lower_ in rules.standing or whole in rules.standing):
                return f"'{c.text} {trigger.text}' is a standing or earlier thing, not news"
    exprs = expressions(sent, story_date, rules)
    if not exprs:
        return None
    own = _own_clause(trigger)
    anc = ancestors(clause_head(trigger))
    # "was arrested and jailed in the late 1990s": a time on a conjoined verb dates the first one too
    conjuncts = {c.i for c in clause_head(trigger).children if c.dep_ == "conj" and c.pos_ in _CLAUSE_POS}
    mine: list[tuple[int, Expr]] = []
    shared: list[tuple[int, Expr]] = []
    above: list[Expr] = []
    for x in exprs:
        if not _dates_the_event(x.root, trigger):
            continue
        h = _attached(x.root, trigger)
        if h.i in own:
            mine.append((abs(x.root.i - trigger.i), x))
        elif h.i in conjuncts:
            shared.append((abs(x.root.i - trigger.i), x))
        elif h.i in anc or (h.dep_ == "advcl" and h.head.i in anc):
            above.append(x)
    mine = mine or shared
    if mine:
        x = min(mine, key=lambda d: d[0])[1]
        return f"'{x.text}' names a time before the story" if x.past else None
    if above and all(x.past for x in above):
        return f"'{above[0].text}' (a clause above) names a time before the story"
    return None


_MODIFIER = ("nummod", "compound", "amod", "poss", "det", "nmod")
_EVENT_NOUN = ("nsubj", "nsubjpass")  # "a 1991 crackdown killed 14": the dated noun is the doer
_EVENT_PREPS = ("in", "during", "since", "after", "following")  # "killed in a 1991 crackdown"


def _dates_the_event(x: Any, trigger: Any) -> bool:
    """A year that modifies a noun dates that thing, not the event ("return to the 2015 nuclear deal"), unless
    the noun is the event itself, its subject, or the event it happened in ("a 1991 crackdown killed 14",
    "killed in a 1991 crackdown")."""
    if in_aside(x, trigger.i):
        return False  # "The offensive, the third operation since 2016, began": the apposition's time
    if x.dep_ not in _MODIFIER or x.head.i == x.i:
        return True
    n = x.head
    if n.i == trigger.i or n.dep_ in _EVENT_NOUN:
        return True
    return n.dep_ == "pobj" and n.head.lemma_.lower() in _EVENT_PREPS


def _remembered(trigger: Any, rules: TimeRules) -> str | None:
    """ "recalled that Iraq had invaded Kuwait", "the anniversary of the day troops fired on ...": history."""
    t = trigger
    for _ in range(8):
        h = t.head
        if h.i == t.i:
            return None
        low = h.lemma_.lower()
        if t.dep_ == "ccomp" and low in rules.recall_verbs:
            return f"the content of '{h.text}' is remembered history"
        if t.dep_ == "pobj" and h.lemma_.lower() == "of" and h.head.lemma_.lower() in rules.anniversary:
            return f"inside '{h.head.text} of': commemorated, not news"
        t = h
    return None


_RELATIVE_SUBJECTS = ("who", "which", "that")  # not "informed X that he welcomes ..." misparsed as a relative


def habitual(trigger: Any, rules: TimeRules) -> str | None:
    """Why the event at ``trigger`` is a habit ("has always supported", "regularly holds talks", "meets every
    year"), or ``None``."""
    heads = [trigger]
    t = trigger
    if t.dep_ in ("dobj", "pobj") and t.head.i != t.i:  # "holds talks": the support verb
        t = t.head.head if t.dep_ == "pobj" else t.head
        heads.append(t)
    for _ in range(3):
        if t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
            t = t.head
            heads.append(t)
        else:
            break
    for v in heads:
        if (
            v.dep_ == "relcl"
            and v.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ in ("aux", "auxpass") for c in v.children)
            and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_SUBJECTS for c in v.children)
        ):
            # "Bahrain, which hosts the U.S. Fifth Fleet", "Iran, which backs the Houthis": what the noun does
            return f"'{v.text}' in a present-tense relative clause describes its noun, a standing state"
        for c in v.children:
            low = c.lemma_.lower()
            if c.dep_ == "advmod" and low in rules.habit_adverbs:
                return f"'{c.text} {v.text}' is a habit, not an event"
            if (
                c.dep_ in ("npadvmod", "advmod", "pobj", "dobj")
                and low in rules.time_nouns
                and any(d.dep_ == "det" and d.lemma_.lower() in rules.every for d in c.children)
            ):
                return f"'{v.text} ... {c.text}' with '{next(d.text for d in c.children if d.dep_ == 'det')}': a habit"
            if _since_perfect(v, c, rules):
                return f"'{v.text}' with '{c.text}': what has gone on since, a summary, not an event"
    return None


def _since_perfect(v: Any, c: Any, rules: TimeRules) -> bool:
    """ "soldiers have since attacked citizens", "since then, X has detained hundreds", "has killed 12,000 since
    he took office", "since January, troops have shelled the town", "since then, officials have been holding
    talks": a present perfect (simple or progressive) with "since" (an adverb, "since then", "since" + a month,
    "week", "month" or "year", a since-clause; "since Monday" is the story's days) sums up what has gone on, it
    reports no one event (a year after "since" is history: ``historical``)."""
    since_clause = c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lemma_.lower() == "since" for m in c.children)
    since_word = c.lemma_.lower() == "since" and (
        c.dep_ == "advmod"
        or (
            c.dep_ == "prep"
            and any(p.lemma_.lower() in ("then", "that") or p.lemma_.lower() in rules.since_nouns for p in c.children)
        )
    )
    perfect = any(a.dep_ == "aux" and a.lemma_.lower() == "have" and a.tag_ != "VBD" for a in v.children)
    progressive = v.tag_ == "VBG" and any(a.dep_ == "aux" and a.lower_ == "been" for a in v.children)
    return (since_clause or since_word) and (v.tag_ == "VBN" or progressive) and perfect


def unrealised(
    trigger: Any, rules: TimeRules, speech: dict[str, str] | frozenset[str] = frozenset()
) -> tuple[str, str] | None:
    """("planned", why) for a nominal event with a planning modifier ("a possible visit by X to Y", "the
    proposed talks"), ("possible", why) for one in a clause under a modal ("could become an area of
    cooperation"), ("future", why) for one in a clause under a future auxiliary ("the talks will resume",
    "there will be more clashes"; "would" in what a ``speech`` verb reports too: "said the talks would resume"),
    else ``None``. Verbs are not read here (their modals are governors: ``modality.py``)."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in trigger.children:
        if c.dep_ in ("amod", "compound", "advmod") and (
            c.lower_ in rules.planned or c.lemma_.lower() in rules.planned
        ):
            return "planned", f"'{c.text} {trigger.text}' has not happened yet"
    v = clause_head(trigger)
    if v.i != trigger.i:
        for c in v.children:
            if c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "would" and in_reported_speech(v, speech):
                return "future", f"'{c.text} {v.text}' in reported speech: not yet happened"
            if c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in rules.modals:
                return "possible", f"'{c.text} {v.text}': a possibility, not an event"
            if c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in rules.futures:
                return "future", f"'{c.text} {v.text}': not yet happened"
    return None
