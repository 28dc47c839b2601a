"""Step 6 of the resolver: emit one ``ActorMention`` per coded phrase and country, and remember them.

READS ``Sentence.results`` (in text order after sorting), the story text, the lexicon's country names.
ADDS ``Sentence.emitted``: the mentions, with

- the span of the draft (or, for "Armenia-Azerbaijan", one mention per country word),
- the sectors in CAMEO order: an international code puts the UN's code first (IGOUNOREFHCR), the region
  of a regional organisation next, other organisation codes after the roles (IGOCOPITP); a sub-state
  region comes first for its own country ("Gaza" -> PSE GZA),
- the kind (person, country, organization, group, entity) and a group number shared by coordinated
  phrases ("Hungarian and Romanian officials") and by the countries of one phrase (groups of one are
  dropped).

It also adds to story memory: each country (principal when a person or role carries it), each person with
its code, each title's code (for ``memory:person`` and ``memory:title`` in later sentences).
"""

from __future__ import annotations

from typing import Any

from ..mentions import ActorMention
from .codes import GOVERNING, INTERNATIONAL, OPPOSITION, PARTY, PREFIX_ORGS
from .entries import Lexicon
from .sentence import Draft, Sentence, StoryState, add_codes, mention_name

GROUP_DEPS = ("compound", "amod", "nmod", "poss")  # a phrase modifying another's head shares its group


class _Groups:
    """Group numbers of one sentence: coordinated phrases and sibling modifiers share one."""

    def __init__(self, counter: list[int]) -> None:
        self.counter = counter  # the story's last group number
        self.anchor_group: dict[int, int] = {}
        self.top_group: dict[int, int] = {}

    def of(self, doc: Any, d: Draft, countries: list[str | None], out: list[ActorMention]) -> int | None:
        """The group of draft ``d``'s mentions (``None``: its own, to be numbered)."""
        a = doc[d.head]
        sib = None
        if a.dep_ == "conj" and a.head.i in self.anchor_group:
            sib = self.anchor_group[a.head.i]
        elif a.dep_ in GROUP_DEPS and a.head.i in self.top_group:
            sib = self.top_group[a.head.i]
        if len(countries) > 1:
            self.counter[0] += 1
            return self.counter[0]
        if sib is not None:
            for m in out:
                if m.group is None and self.anchor_group.get(m.head) == sib:
                    m.group = sib
            return sib
        self.counter[0] += 1
        self.anchor_group[d.head] = self.counter[0]
        if a.dep_ in GROUP_DEPS:
            self.top_group[a.head.i] = self.counter[0]
        return None


def emit(story: StoryState, s: Sentence) -> None:
    """Step: READS ``s.results``; ADDS ``s.emitted`` and story memory."""
    doc, mem = story.doc, story.mem
    s.results.sort(key=lambda r: r[0].start)
    out: list[ActorMention] = []
    groups = _Groups(story.group_counter)
    for d, countries, rule in s.results:
        group = groups.of(doc, d, countries, out)
        out.extend(_mentions(story, d, countries, rule, group))
        name = mention_name(doc, d)
        if name and countries and countries[0]:
            mem.remember_person(name, countries[0], tuple(d.sectors))
        if d.has_role and countries and countries[0]:
            for lemma, sectors in _titles(doc, d):
                mem.remember_title(lemma, countries[0], sectors)
    for m in out:
        if m.group is not None and sum(1 for o in out if o.group == m.group) == 1:
            m.group = None
    s.emitted = out


def _titles(doc: Any, d: Draft) -> list[tuple[str, tuple[str, ...]]]:
    """What "the <title>" may later refer to, with its sectors: the phrase head (the phrase's sectors), and for
    a titled person the head noun of each title, before or after the name, with that title's own sectors
    ("Chile's envoy Rosa Lagos", "Karl Lind, Sweden's deputy foreign minister" -> "envoy", "minister")."""
    out = [(doc[d.head].lemma_.lower(), tuple(d.sectors))]
    if d.names:
        for u in d.phrase.units:
            if u.kind in ("role", "rank") and u.entry is not None and u.entry.sectors and not u.entry.religion:
                lemma = doc[u.root].lemma_.lower()
                if all(lemma != k for k, _ in out):
                    out.append((lemma, u.entry.sectors))
    return out


def _sectors(d: Draft, c: str | None) -> list[str]:
    """The sectors of the mention of country ``c``, in CAMEO order."""
    sectors = list(d.sectors)
    if c in INTERNATIONAL:
        # CAMEO 3.1: a UN body is the UN first, then its roles and its own code (IGOUNOREFHCR);
        # other organisations carry their code after the roles (IGOCOPITP)
        pre = [o for o in d.orgs if o in PREFIX_ORGS]
        sectors = pre + [r for r in d.regions if r not in sectors] + [s for s in sectors if s not in pre]
        add_codes(sectors, [o for o in d.orgs if o not in pre])
    elif c and d.regions and all(cc == c for cc, _u in d.countries):
        sectors = [r for r in d.regions if r not in sectors] + sectors  # "Gaza" -> PSE GZA
    if PARTY in sectors and any(s in sectors for s in (GOVERNING, OPPOSITION)):
        # CAMEO 3.1: PTY right after the GOV or OPP it qualifies ("opposition candidates" -> OPP PTY)
        rest = [s for s in sectors if s != PARTY]
        at = max(rest.index(s) for s in (GOVERNING, OPPOSITION) if s in rest) + 1
        sectors = rest[:at] + [PARTY] + rest[at:]
    return sectors


def _mentions(
    story: StoryState, d: Draft, countries: list[str | None], rule: str, group: int | None
) -> list[ActorMention]:
    """The mentions of one coded phrase, one per country; adds each country to story memory."""
    doc, text = story.doc, story.story.text
    s_char = doc[d.start].idx
    last = doc[d.end - 1]
    e_char = last.idx + len(last.text)
    name = mention_name(doc, d, text)
    kind = _kind(d)
    split = not d.has_role and not d.names and len(countries) > 1 and len(d.countries) == len(countries)
    out: list[ActorMention] = []
    for c in countries:
        sectors = _sectors(d, c)
        if not c and not sectors:
            continue
        if split:  # "Armenia-Azerbaijan": one mention per country word, in one group
            u = next(u for cc, u in d.countries if cc == c)
            us, ue = doc[u.start].idx, doc[u.end - 1].idx + len(doc[u.end - 1].text)
            urule = "dict:" + u.entry.source if u.entry is not None and rule.startswith("dict") else rule
            m = ActorMention(
                start=us,
                end=ue,
                tok_start=u.start,
                tok_end=u.end,
                head=u.root,
                text=text[us:ue],
                name=_canon(story.lex, d, c),
                country=c,
                sectors=tuple(sectors),
                kind=kind,
                rule=urule,
                group=group,
            )
        else:
            m = ActorMention(
                start=s_char,
                end=e_char,
                tok_start=d.start,
                tok_end=d.end,
                head=d.head,
                text=text[s_char:e_char],
                name=name or (_canon(story.lex, d, c) if kind in ("country", "organization") else None),
                country=c,
                sectors=tuple(sectors),
                kind=kind,
                rule=rule,
                group=group,
            )
        out.append(m)
        if c and c not in INTERNATIONAL:
            story.mem.add_country(c, principal=bool(d.names or d.has_role), place=d.place)
    return out


def _canon(lex: Lexicon, d: Draft, country: str | None) -> str | None:
    """The canonical name of the dictionary entry that gave ``country`` (a demonym gives its country's)."""
    for c, u in d.countries:
        if c == country and u.entry is not None and u.kind in ("country", "demonym", "igo", "capital", "seat"):
            return u.entry.name if u.kind != "demonym" else lex.countries.get(c, u.entry.name)
    return None


def _kind(d: Draft) -> str:
    """person, group, country, organization or entity."""
    if d.names:
        return "person"
    if d.collective:
        return "group"
    kinds = {u.kind for u in d.phrase.units}
    if not d.has_role and kinds & {"country", "demonym", "capital", "seat"}:
        return "country"
    if "igo" in kinds and not d.has_role:
        return "organization"
    return "group" if d.has_role else "entity"
