"""Pronouns and short references resolved across sentences (rules of ``memory:pronoun`` and ``memory:it``).

The last step of the resolver (``resolve.refer``). READS the sentence's coded mentions and uncoded person
names, what earlier sentences left in reach (``ReferenceState``) and the story's dominant country. ADDS a
mention per resolved pronoun or reference, and updates the ``ReferenceState`` for the next sentence.

Conservative by design: a reference is coded only when exactly one candidate is in reach, else nothing.

- **he / she / him / her** (subject, object, object of a preposition; not the possessive "her"): the one
  coded person mentioned earlier in the same sentence ("Obama said he would ..."); when the sentence
  has no person before the pronoun, the one coded person of the most recent sentence that mentioned
  persons, at most two sentences back ("Putin met Erdogan. He said ..." codes nothing: two persons).
  A person name the coder could not code (an unknown "John Smith") counts as a candidate too, so it
  blocks the rule instead of letting an older person through. When several are in reach, a "he"/"she" opening
  its sentence as the main subject continues the previous sentence's main subject (a person or a singular
  titled role: "The Iranian foreign minister arrived. He met ..."), and a "him"/"her" after it is the one
  other person in reach ("Keita phoned Sall. He asked him to ...").
- **it** (subject only, not of "be", "seem" ...): the one country or organisation that is the subject of a
  verb governing the clause of "it" ("Jordan said it would close the border"); or, for an "It" that
  opens its sentence as the main subject, the one country or organisation that was the main subject of
  the previous sentence ("Ghana closed the border. It said ...").
- **the country / the nation** (singular, definite, no modifier of its own): the one country named
  before it in its sentence, else the story's dominant country (see ``StoryMemory.dominant``).
- **the group / the movement / the militia ...** (singular, definite, no modifier of its own): the one non-state
  organisation (``group_sectors``) named before it in its sentence, else the one of the last sentence
  (rule ``memory:group``).
- **his / her / our / their / its country**: the country of the coded subject of the verb that governs its
  clause ("Museveni said his country would send troops" -> UGA), rule ``memory:own-country``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.strings import get_string_id

from ..mentions import ActorMention
from ..story import Story
from .codes import INTERNATIONAL
from .words import (
    COUNTRY_DESCRIPTIONS,
    COUNTRY_NOUNS,
    COUNTRY_POSSESSIVES,
    COUNTRY_REGION_WORDS,
    GROUP_NOUNS,
    GROUP_SECTORS,
    INSTITUTION_NOUNS,
    IT_PRONOUNS,
    IT_VERBS,
    PERSON_PRONOUNS,
)

REF_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "iobj"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
_IDS = frozenset(get_string_id(w) for w in PERSON_PRONOUNS | COUNTRY_NOUNS | IT_PRONOUNS | GROUP_NOUNS)
MAX_GAP = 2  # sentences a person stays in reach of a pronoun


@dataclass(slots=True)
class ReferenceState:
    """What earlier sentences leave in reach of a pronoun."""

    persons: list[ActorMention] = field(default_factory=list)  # of the last sentence with persons
    blocked: bool = False  # that sentence also named a person the coder could not code
    age: int = 0  # sentences since then
    subjects: list[ActorMention] = field(default_factory=list)  # country/org subjects of the last sentence
    main: ActorMention | None = None  # the person or titled role that was the last sentence's main subject
    groups: list[ActorMention] = field(default_factory=list)  # non-state organisations of the last sentence


def _copy(doc: Any, story: Story, t: Any, src: ActorMention, rule: str) -> ActorMention:
    return ActorMention(
        start=t.idx,
        end=t.idx + len(t.text),
        tok_start=t.i,
        tok_end=t.i + 1,
        head=t.i,
        text=story.text[t.idx : t.idx + len(t.text)],
        name=src.name,
        country=src.country,
        sectors=src.sectors,
        kind=src.kind,
        rule=rule,
    )


def _one(cands: list[ActorMention]) -> ActorMention | None:
    keys = {(m.name, m.code) for m in cands}
    return cands[-1] if len(keys) == 1 else None


def resolve_references(
    doc: Any,
    story: Story,
    span: tuple[int, int],
    lowers: list[int],
    here: list[ActorMention],
    uncoded: list[int],
    state: ReferenceState,
    dominant: str | None,
) -> list[ActorMention]:
    """Mentions for the pronouns and short references of the sentence ``span`` (token start, end);
    updates ``state`` for the next sentence.

    ``lowers``: the lowercase string ids of the doc's tokens; ``here``: the mentions coded in this
    sentence; ``uncoded``: token positions of person names of this sentence that got no code;
    ``dominant``: the story's dominant country, if any."""
    out: list[ActorMention] = []
    persons = [m for m in here if m.kind == "person"]
    covered = {i for m in here for i in range(m.tok_start, m.tok_end)}
    subjects_here = [
        m
        for m in here
        if m.kind in ("country", "organization")
        and m.country
        and (doc[m.head].dep_ in SUBJ_DEPS or (doc[m.head].dep_ == "conj" and doc[m.head].head.dep_ in SUBJ_DEPS))
    ]
    for i in range(span[0], span[1]):
        if lowers[i] not in _IDS or i in covered:
            continue
        t = doc[i]
        low = t.lower_
        m: ActorMention | None = None
        if low in PERSON_PRONOUNS and t.dep_ in REF_DEPS and t.tag_ == "PRP":
            m = _person_pronoun(doc, story, t, here, persons, uncoded, state)
            if m is None and not any(p.tok_end <= i for p in persons) and not any(u < i for u in uncoded):
                m = _continued(doc, story, t, state, out, span[0])
        elif low in IT_PRONOUNS and t.dep_ in SUBJ_DEPS and t.head.lemma_.lower() not in IT_VERBS:
            m = _it_reference(doc, story, t, here, subjects_here, span[0], state)
        elif low in COUNTRY_NOUNS and t.tag_ == "NN" and t.dep_ in REF_DEPS | {"poss"}:
            m = _country_reference(story, t, here, dominant)
        elif low in GROUP_NOUNS and t.tag_ == "NN" and t.dep_ in REF_DEPS | {"poss"}:
            m = _group_reference(doc, story, t, here, state)
        if m is not None:
            out.append(m)
    _next_state(doc, state, persons, uncoded, out, subjects_here)
    state.groups = [m for m in [*here, *out] if _a_group(m)]
    state.main = _main_subject(doc, here, out) or (state.main if not (persons or uncoded) else None)
    return out


def _continued(
    doc: Any, story: Story, t: Any, state: ReferenceState, out: list[ActorMention], start: int
) -> ActorMention | None:
    """When no single person is in reach: a "he"/"she" opening its sentence as the main subject continues the
    previous sentence's main subject, a person or a titled role ("Erdogan met Putin. He said ...", "The Iranian
    foreign minister arrived in Baghdad. He met ..."); a "him"/"her" after it is the one other person in
    reach ("Merkel called Erdogan. She urged him to ...")."""
    if state.age > MAX_GAP:
        return None
    if t.dep_ in SUBJ_DEPS and _first_subject(doc, t, start):
        return _copy(doc, story, t, state.main, "memory:pronoun") if state.main is not None else None
    taken = {(m.name, m.code) for m in out if m.rule == "memory:pronoun"}
    if t.dep_ in SUBJ_DEPS or not taken or state.blocked:
        return None
    rest = [m for m in state.persons if (m.name, m.code) not in taken]
    src = _one(rest)
    return _copy(doc, story, t, src, "memory:pronoun") if src is not None and src.country else None


def _main_subject(doc: Any, here: list[ActorMention], out: list[ActorMention]) -> ActorMention | None:
    """The person or singular titled role with a country that is the subject of the sentence's main verb."""
    for m in [*here, *out]:
        h = doc[m.head]
        if h.dep_ not in SUBJ_DEPS or h.head.dep_ != "ROOT" or not m.country:
            continue
        if m.kind == "person" or (
            m.kind in ("group", "entity") and h.tag_ == "NN" and h.lemma_.lower() not in INSTITUTION_NOUNS and m.sectors
        ):
            return m
    return None


def _person_pronoun(
    doc: Any,
    story: Story,
    t: Any,
    here: list[ActorMention],
    persons: list[ActorMention],
    uncoded: list[int],
    state: ReferenceState,
) -> ActorMention | None:
    """ "he"/"she"/"him"/"her": the one coded person before it in the sentence, else in reach before."""
    # "a court jailed the former minister after it found him guilty": a singular role noun may be "he" (a
    # candidate), a body is not
    roles = [
        m
        for m in here
        if m.kind in ("group", "entity")
        and doc[m.head].tag_ == "NN"
        and doc[m.head].lemma_.lower() not in INSTITUTION_NOUNS
    ]
    before = [m for m in [*persons, *roles] if m.tok_end <= t.i]
    blocked_here = any(i < t.i for i in uncoded)
    if before or blocked_here:
        src = None if blocked_here else _one([m for m in before if m.country])
        if src is not None and len({m.name for m in before}) == 1:
            return _copy(doc, story, t, src, "memory:pronoun")
    elif state.persons and not state.blocked and state.age <= MAX_GAP:
        src = _one(state.persons)
        if src is not None and src.country:
            return _copy(doc, story, t, src, "memory:pronoun")
    return None


def _it_reference(
    doc: Any,
    story: Story,
    t: Any,
    here: list[ActorMention],
    subjects_here: list[ActorMention],
    start: int,
    state: ReferenceState,
) -> ActorMention | None:
    """ "Norway said it would ...": the subject of a verb that governs the clause of "it"; a sentence-
    opening "It": the last sentence's main subject."""
    subj = _governing_subject(t)
    cands = [
        m
        for m in subjects_here
        if m.tok_end <= t.i
        and subj is not None
        and (m.head == subj or (doc[m.head].dep_ == "conj" and doc[m.head].head.i == subj))
    ]
    if not cands and not any(m.tok_end <= t.i and m.country for m in here) and _first_subject(doc, t, start):
        cands = state.subjects  # "Ghana closed its border. It said ...": the last main subject
    src = _one(cands)
    return _copy(doc, story, t, src, "memory:it") if src is not None else None


def _country_reference(story: Story, t: Any, here: list[ActorMention], dominant: str | None) -> ActorMention | None:
    """ "the country": the one country named before it in the sentence ("cases rose in Italy, as the country
    ..."), else the story's dominant country (when it is not contradicted by two others here). Described by
    its region ("the Southeast Asian nation"), only the story's dominant country when the sentence does not
    name it (a writer names another country so: "India's minister told the Southeast Asian country's ...")."""
    kids = list(t.children)
    det = next((k for k in kids if k.dep_ == "det" and k.lower_ == "the" and _described(t, k)), None)
    own = next((k for k in kids if k.dep_ == "poss" and k.lower_ in COUNTRY_POSSESSIVES and k.i == t.i - 1), None)
    if det is None and own is not None:
        return _own_country(story, t, own, here)
    named = list(
        dict.fromkeys(m.country for m in here if m.tok_end <= t.i and m.country and m.country not in INTERNATIONAL)
    )
    country = named[0] if len(named) == 1 else dominant if not named or dominant in named else None
    if det is not None and _regional(t, det):  # "the Southeast Asian nation": the story's country
        country = dominant if dominant not in {m.country for m in here if m.rule.startswith("dict:")} else None
    if (
        det is None
        or not country
        or any(k.dep_ in ("poss", "nmod", "prep", "nummod") for k in kids)  # modifiers: only _described's words
    ):
        return None
    return _country_mention(story, det, t, country, "memory:country")


def _a_group(m: ActorMention) -> bool:
    """A non-state organisation (rebels, a party, an NGO ...) with a code."""
    return bool(m.code) and bool(set(m.sectors) & GROUP_SECTORS) and m.kind != "country"


def _group_reference(
    doc: Any, story: Story, t: Any, here: list[ActorMention], state: ReferenceState
) -> ActorMention | None:
    """ "A senior Hamas official said the group had accepted ...": "the group" (no modifier of its own) is the
    one non-state organisation named before it in the sentence, else the one of the last sentence."""
    kids = list(t.children)
    if not any(k.dep_ == "det" and k.lower_ == "the" and k.i == t.i - 1 for k in kids):
        return None
    if any(k.dep_ in ("amod", "compound", "nmod", "prep", "nummod", "poss", "relcl", "acl") for k in kids):
        return None  # "the rebel group", "the group of experts", "the group that ..."
    before = [m for m in here if m.tok_end <= t.i and _a_group(m)]
    src = _one(before) if before else _one(state.groups)
    if src is None:
        return None
    det = doc[t.i - 1]
    m = _copy(doc, story, t, src, "memory:group")
    m.start, m.tok_start, m.text = det.idx, det.i, story.text[det.idx : m.end]  # "the group", as "the country"
    return m


def _described(t: Any, det: Any) -> bool:
    """Between "the" and the country noun only descriptive words ("the island nation", "the oil-rich country")
    or words of its region ("the Southeast Asian nation")."""
    words = t.doc[det.i + 1 : t.i].text.lower().split()
    return all(w in COUNTRY_DESCRIPTIONS or w in COUNTRY_REGION_WORDS for w in words)


def _regional(t: Any, det: Any) -> bool:
    """The country noun is described by its region ("the Baltic country", "the tiny Himalayan kingdom")."""
    return any(w in COUNTRY_REGION_WORDS for w in t.doc[det.i + 1 : t.i].text.lower().split())


def _own_country(story: Story, t: Any, own: Any, here: list[ActorMention]) -> ActorMention | None:
    """ "Museveni said his country would ...": the one country of the coded subject of the verb governing
    the clause of "<possessive> country"."""
    if any(k.dep_ in ("amod", "compound", "nmod", "prep", "nummod") for k in t.children):
        return None
    subj = _governing_subject(t)
    countries = {
        m.country
        for m in here
        if subj is not None and m.head == subj and m.country and m.country not in INTERNATIONAL and m.tok_end <= t.i
    }
    if len(countries) != 1:
        return None
    return _country_mention(story, own, t, countries.pop(), "memory:own-country")


def _country_mention(story: Story, first: Any, t: Any, country: str, rule: str) -> ActorMention:
    """A country mention for the words from ``first`` to the country noun ``t`` ("the country", "his country")."""
    end = t.idx + len(t.text)
    return ActorMention(
        start=first.idx,
        end=end,
        tok_start=first.i,
        tok_end=t.i + 1,
        head=t.i,
        text=story.text[first.idx : end],
        name=None,
        country=country,
        sectors=(),
        kind="country",
        rule=rule,
    )


def _next_state(
    doc: Any,
    state: ReferenceState,
    persons: list[ActorMention],
    uncoded: list[int],
    out: list[ActorMention],
    subjects_here: list[ActorMention],
) -> None:
    """What the next sentence can refer to."""
    if persons or uncoded:
        state.persons = [m for m in persons if m.country]
        state.blocked = bool(uncoded) or any(not m.country for m in persons)
        state.age = 1
    elif any(m.rule == "memory:pronoun" for m in out):
        state.age = 1  # "He said ... He added ...": the person stays in reach
    else:
        state.age += 1
    state.subjects = [m for m in subjects_here if doc[_verb_of(doc, m.head)].dep_ == "ROOT"]


def _verb_of(doc: Any, i: int) -> int:  # noqa: D401
    """The verb a subject (or a conjunct of a subject) belongs to."""
    t = doc[i]
    if t.dep_ == "conj":
        t = t.head
    return int(t.head.i)


def _governing_subject(t: Any) -> int | None:
    """The subject of the nearest verb above ``t`` that has a subject of its own ("Norway said it ...")."""
    for a in t.ancestors:
        for c in a.children:
            if c.dep_ in SUBJ_DEPS and c.i != t.i:
                return int(c.i)
    return None


def _first_subject(doc: Any, t: Any, start: int) -> bool:
    """Is ``t`` the subject of its sentence's main verb, before any other noun ("It said ...")?"""
    if t.head.dep_ != "ROOT":
        return False
    return not any(doc[j].pos_ in ("NOUN", "PROPN") for j in range(start, t.i))
