"""From phrases to coded ``ActorMention``s: codes, the title-run rule, story memory and fallbacks.

Rules (the ``rule`` field of a mention names the one that gave its country):

- ``dict:<file>:<line>``   the country came from a dictionary entry in the phrase (country, demonym,
                            capital, seat, organisation, dated person);
- ``title-run``            a name whose parse lost its titles takes the capitalised titles written
                            directly before it ("... Chief Military Prosecutor, 1st Class State
                            Counsellor of Justice Valery Petrov");
- ``memory:person``        a name introduced earlier in the story ("Hasanov noted");
- ``memory:title``         "the minister" when every earlier minister of the story had one country;
- ``memory:pronoun``       "he"/"she" as subject → the one coded person of the previous sentence;
- ``in-country``           a role phrase with "in <country>" ("security forces in Guinea");
- ``collective``           "the two countries", "the parties" ... → the story's two principal countries;
- ``sentence-country``     a role phrase without country in a sentence naming exactly one country;
- ``story-country``        ... else the one country of the story so far (dateline included);
- ``fallback``             the generic international code of a role ("peacekeepers" → IGO);
- ``role``                 sectors only, no country found (code ``---`` + sectors).

Sector order: the sectors of the phrase head first, then those of the other titles and ranks in text
order, duplicates dropped; an organisation code (UNO, NAT ...) comes last. "former" before a title
makes the phrase ELI (CAMEO's former officials).
A name with no title, no country and no earlier introduction is not emitted (uncoded, never guessed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.strings import get_string_id

from ..mentions import ActorMention
from ..story import Story
from .lexicon import INTERNATIONAL, ROLE_CODES, Lexicon
from .memory import PersonRecord, StoryMemory
from .recognize import Phrase, Unit

COUNTRY_KINDS = frozenset({"country", "demonym", "capital", "seat", "igo", "person"})
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into",
                      "to", "from", "toward", "towards", "via", "through", "within", "over", "off", "on"})
CONNECT = frozenset({"of", "the", "-", "'s", "for", "and", "&"})
DEFINITE = frozenset({"the", "this", "that"})
# where a capital is the government ("Moscow said", "talks with Tehran", "warned Ankara")
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "poss", "appos", "ROOT", "dative"})
ACTOR_PREPS = frozenset({"with", "against", "between", "by", "on", "for", "toward", "towards"})
FORMER = frozenset({"former", "ex", "ousted", "deposed", "exiled", "late", "toppled", "overthrown"})
_FORMER_IDS = frozenset(get_string_id(w) for w in FORMER)
_ETHNIC_ID = get_string_id("ethnic")
# a country named as a destination or a place visited is no evidence of a titled person's country
_AWAY_VERBS = frozenset({"visit", "arrive", "travel", "fly", "go", "come", "leave", "return", "tour",
                         "reach"})


@dataclass(slots=True)
class Draft:
    """A phrase being coded."""

    phrase: Phrase
    start: int
    end: int
    head: int
    countries: list[tuple[str, Unit]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    names: list[Unit] = field(default_factory=list)
    collective: bool = False
    fallback: str | None = None
    rule: str = ""
    has_role: bool = False
    only_capital: bool = False
    former: bool = False
    dropped: bool = False
    place: bool = False


def _add(seq: list[str], items: tuple[str, ...] | list[str]) -> None:
    for s in items:
        if s not in seq:
            seq.append(s)


def draft_of(doc: Any, p: Phrase, day: Any, lowers: list[int]) -> Draft:
    d = Draft(p, p.start, p.end, p.anchor)
    # the span takes in the head's own modifiers written directly before it ("Ethnic Hungarians",
    # "Senior ... officials")
    a = doc[p.anchor]
    while d.start > 0:
        t = doc[d.start - 1]
        if t.head.i == a.i and t.dep_ in ("amod", "compound", "nummod") and t.pos_ not in ("PUNCT", "VERB"):
            d.start -= 1
        else:
            break
    head_units = [u for u in p.units if u.root == p.anchor or u.start <= p.anchor < u.end]
    ordered = head_units + [u for u in p.units if u not in head_units]
    for u in ordered:
        e = u.entry
        if u.kind == "name":
            r = doc[u.root]
            role_head = any(x.kind in ("role", "rank") and x.root == p.anchor for x in p.units)
            plural = doc[p.anchor].tag_ in ("NNS", "NNPS")
            if u.root != p.anchor and r.head.i == p.anchor and role_head \
                    and (r.dep_ == "compound" or (r.dep_ in ("poss", "nmod") and plural)):
                continue  # "Toyota workers", "the Trump administration": an organisation or place, not a person
            d.names.append(u)
            continue
        assert e is not None
        if u.kind == "person":
            c, secs = e.person_code(day)
            if c in INTERNATIONAL and secs:
                d.countries.append((c, u))
                _add(d.orgs, [s for s in secs if s not in ROLE_CODES])
                _add(d.sectors, [s for s in secs if s in ROLE_CODES])
            elif c:
                d.countries.append((c, u))
                _add(d.sectors, secs)
            d.names.append(u)
            continue
        if u.kind in COUNTRY_KINDS and e.country:
            d.countries.append((e.country, u))
            if e.org:
                _add(d.orgs, [e.org])
        if u.kind in ("role", "rank", "seat", "igo", "capital"):
            if u.kind in ("role", "rank"):
                d.has_role = True
            _add(d.sectors, e.sectors)
        if u.kind == "collective":
            d.collective = True
        if e.fallback and not d.fallback:
            d.fallback = e.fallback
    words = set(lowers[max(min(p.start, d.start) - 1, 0):p.end])
    if words & _FORMER_IDS:
        d.former = True
    # "ethnic Albanians": an ethnic group, not the state; its country comes from the context
    if _ETHNIC_ID in words:
        d.countries = [(c, u) for c, u in d.countries if u.kind != "demonym"]
        _add(d.sectors, ["CVL"])
    d.only_capital = all(u.kind == "capital" for u in p.units)
    # a capital alone is the seat of government ("Moscow said"), but no actor as a place ("in Moscow")
    # nor as the modifier of a non-actor ("the Baku meeting")
    if d.only_capital:
        a = doc[p.anchor]
        while a.dep_ == "conj" and a.head.i != a.i:
            a = a.head
        if a.dep_ in ("compound", "amod", "nmod", "npadvmod"):
            d.dropped = True
        elif not (a.dep_ in ACTOR_DEPS or (a.dep_ == "pobj" and a.head.lower_ in ACTOR_PREPS)):
            d.place = True  # "in Moscow", "the city of Santiago": a place, coded as the country only
            d.sectors = []
            d.rule = "place"
    # a role word that only modifies a non-actor ("military spheres") is no actor unless marked modifier
    if not d.names and not d.countries and not d.collective:
        head = next((u for u in head_units if u.kind in ("role", "rank")), None)
        a = doc[p.anchor]
        if head is not None and a.dep_ in ("compound", "amod", "nmod") and head.entry is not None \
                and not head.entry.modifier:
            d.dropped = True
    if d.former and d.has_role:
        d.sectors = ["ELI"]
    return d


def title_run(doc: Any, d: Draft, units_by_tok: dict[int, Unit], sent_start: int) -> list[Unit]:
    """Units of the capitalised title run written directly before the phrase (when the parse lost it)."""
    i = d.start - 1
    run: list[Unit] = []
    first_ok = d.start
    while i >= sent_start:
        t = doc[i]
        u = units_by_tok.get(i)
        if u is not None and u.kind in ("role", "rank", "country", "demonym", "igo"):
            run.append(u)
            i = u.start - 1
            first_ok = u.start
            continue
        if t.lower_ in CONNECT or t.is_digit or (t.text[:1].isdigit() and t.pos_ != "VERB"):
            i -= 1
            continue
        nxt = doc[i + 1].text[:1] if i + 1 < len(doc) else ""
        if t.text == "," and (nxt.isupper() or nxt.isdigit()):
            i -= 1
            continue
        if t.pos_ == "PROPN" and t.text[:1].isupper() and u is None:
            i -= 1
            first_ok = i + 1
            continue
        break
    if not any(u.kind in ("role", "rank") for u in run):
        return []
    d.start = min(first_ok, d.start)
    return run


class Resolver:
    """Codes the phrases of one story, sentence by sentence, with the story's memory."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def dateline_country(self, story: Story) -> str | None:
        if not story.place:
            return None
        key = story.place.split(",")[0].strip().lower()
        if key in self.lex.capitals:
            return self.lex.capitals[key]
        for f in self.lex.forms.get(key, []):
            if f.entry.kind == "country" and f.entry.country:
                return f.entry.country
        return None

    def resolve(self, doc: Any, story: Story, phrases: list[Phrase], units: list[Unit],
                sents: list[tuple[int, int]], lowers: list[int]) -> list[ActorMention]:
        """Code the phrases of ``doc``, sentence by sentence (``sents``: token spans of the sentences;
        ``lowers``: the lowercase string ids of the tokens)."""
        sent_of = [0] * len(doc)
        for a, b in sents:
            sent_of[a:b] = [a] * (b - a)
        mem = StoryMemory()
        dateline = self.dateline_country(story)
        units_by_tok: dict[int, Unit] = {}
        for u in units:
            for i in range(u.start, u.end):
                units_by_tok[i] = u
        by_sent: dict[int, list[Phrase]] = {}
        for p in phrases:
            by_sent.setdefault(sent_of[p.anchor], []).append(p)
        out: list[ActorMention] = []
        group_counter = [0]
        previous_persons: list[ActorMention] = []
        for s_start, s_end in sents:
            if s_start not in by_sent and not previous_persons:
                continue
            sent = doc[s_start:s_end]
            if s_start not in by_sent:
                out.extend(self._pronouns(doc, story, sent, previous_persons, []))
                previous_persons = []
                continue
            drafts = [draft_of(doc, p, story.date, lowers) for p in by_sent[s_start]]
            drafts = [d for d in drafts if not d.dropped]
            sent_countries: list[str] = []
            home_countries: list[str] = []  # countries not named as a destination or a place
            # title runs: a name without country takes the capitalised titles written before it
            absorbed: set[int] = set()
            for d in drafts:
                if d.names and not any(c for c, _ in d.countries):
                    run = title_run(doc, d, units_by_tok, s_start)
                    if run:
                        for u in run:
                            if u.kind in COUNTRY_KINDS and u.entry is not None and u.entry.country:
                                d.countries.append((u.entry.country, u))
                            if u.entry is not None:
                                _add(d.sectors, u.entry.sectors)
                        d.rule = "title-run"
                        for o in drafts:
                            if o is not d and d.start <= o.start and o.end <= d.end:
                                absorbed.add(id(o))
            drafts = [d for d in drafts if id(d) not in absorbed]
            # first pass: phrases that carry their own country, and names
            pending: list[Draft] = []
            results: list[tuple[Draft, list[str | None], str]] = []
            for d in drafts:
                countries = list(dict.fromkeys(c for c, _ in d.countries))
                name = self._name(doc, d)
                if len(d.phrase.units) == 1 and d.phrase.units[0].kind == "country" \
                        and mem.known_name(doc[d.start:d.end].text):
                    # "Jordan" after "Michael Jordan" was introduced: the person, not the country
                    rec = mem.person(doc[d.start:d.end].text)
                    if not isinstance(rec, PersonRecord):
                        continue
                    countries = [rec.country] if rec.country else []
                    d.sectors, d.rule = list(rec.sectors), "memory:person"
                    name = rec.name
                if name and not countries:
                    rec = mem.person(name)
                    if isinstance(rec, PersonRecord):
                        countries = [rec.country] if rec.country else []
                        secs = list(rec.sectors)
                        _add(secs, d.sectors)
                        d.sectors = secs
                        d.rule = "memory:person"
                if countries:
                    results.append((d, list(countries), d.rule or self._dict_rule(d)))
                    away = self._away(doc, d)
                    for c in countries:
                        if c and c not in INTERNATIONAL:
                            sent_countries.append(c)
                            if not away:
                                home_countries.append(c)
                elif name and not d.sectors:
                    mem.remember_person(name, None, ())  # an uncoded name: remembered, not emitted
                else:
                    pending.append(d)
            # second pass: phrases without their own country

            def story_countries() -> list[str | None]:
                """The story's countries so far: of persons and role phrases, else all; plus the dateline's."""
                base = mem.principal or [c for c in mem.countries]
                return list(dict.fromkeys(base + ([dateline] if dateline else [])))

            for d in pending:
                lemma = doc[d.head].lemma_.lower()
                if d.collective:
                    two = mem.principal if len(mem.principal) == 2 else (
                        mem.countries if len(mem.countries) == 2 else [])
                    if two:
                        results.append((d, list[str | None](two), "collective"))
                    continue
                det = {c.lower_ for c in doc[d.head].children if c.dep_ == "det"}
                if det & DEFINITE and doc[d.head].tag_ in ("NN", "NNP") and not d.names:
                    code = mem.title(lemma)
                    if code is not None:
                        _add(d.sectors, code[1])
                        results.append((d, [code[0]], "memory:title"))
                        continue
                if d.fallback:
                    results.append((d, [d.fallback], "fallback"))
                    continue
                if not d.sectors:
                    continue  # a neutral actor noun ("the delegation") takes no country from context
                sc = list(dict.fromkeys(sent_countries))
                located = self._located_in(doc, d, results)
                if located and not d.names:  # "security forces in Guinea", "rebels in Darfur, Sudan"
                    results.append((d, [located], "in-country"))
                    continue
                if d.names:
                    # a titled name takes the one country of its sentence unless that country is only a
                    # destination or place ("President Carter visited Cuba"), else the dateline's
                    hc = list(dict.fromkeys(home_countries))
                    if len(sc) == 1 and hc == sc:
                        results.append((d, list[str | None](sc), "sentence-country"))
                    elif not sc and len(story_countries()) == 1:
                        results.append((d, story_countries(), "story-country"))
                    elif d.sectors:
                        results.append((d, [None], "role"))
                    continue
                if len(sc) == 1:
                    results.append((d, list[str | None](sc), "sentence-country"))
                    continue
                if len(story_countries()) == 1:
                    results.append((d, story_countries(), "story-country"))
                    continue
                if d.sectors:
                    results.append((d, [None], "role"))
            results.sort(key=lambda r: r[0].start)
            emitted = self._emit(doc, story, results, mem, group_counter)
            out.extend(emitted)
            out.extend(self._pronouns(doc, story, sent, previous_persons, emitted))
            previous_persons = [m for m in emitted if m.kind == "person" and m.country]
        out.sort(key=lambda m: (m.start, m.end))
        return out

    @staticmethod
    def _pronouns(doc: Any, story: Story, sent: Any, previous: list[ActorMention],
                  here: list[ActorMention]) -> list[ActorMention]:
        """"He"/"she" as the subject of a sentence without a person of its own → the one coded person of
        the previous sentence (conservative: nothing when there were several or none)."""
        if len({(m.name, m.code) for m in previous}) != 1 or any(m.kind == "person" for m in here):
            return []
        p = previous[0]
        out: list[ActorMention] = []
        for t in sent:
            if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass"):
                out.append(ActorMention(start=t.idx, end=t.idx + len(t.text), tok_start=t.i, tok_end=t.i + 1,
                                        head=t.i, text=story.text[t.idx:t.idx + len(t.text)], name=p.name,
                                        country=p.country, sectors=p.sectors, kind="person",
                                        rule="memory:pronoun"))
        return out

    @staticmethod
    def _located_in(doc: Any, d: Draft, results: list[tuple[Draft, list[str | None], str]]) -> str | None:
        """The country of an "in <country or capital>" phrase attached to the head of ``d``."""
        for c in doc[d.head].children:
            if c.dep_ == "prep" and c.lower_ in ("in", "inside", "across", "throughout"):
                for obj in c.children:
                    if obj.dep_ != "pobj":
                        continue
                    for o, countries, _rule in results:
                        if o.start <= obj.i < o.end and len(countries) == 1 and countries[0] \
                                and countries[0] not in INTERNATIONAL:
                            return countries[0]
        return None

    @staticmethod
    def _away(doc: Any, d: Draft) -> bool:
        """Is the phrase a destination or a place ("visited Cuba", "in Cuba", "to Cuba")?"""
        if d.place:
            return True
        a = doc[d.head]
        if a.dep_ == "pobj":
            prep = a.head
            if prep.lower_ in ("to", "toward", "towards", "into", "from"):
                return True
            return prep.lower_ in LOCATIVE and prep.head.lemma_.lower() in _AWAY_VERBS
        return a.dep_ == "dobj" and a.head.lemma_.lower() in _AWAY_VERBS

    @staticmethod
    def _dict_rule(d: Draft) -> str:
        for _c, u in d.countries:
            if u.entry is not None:
                return "dict:" + u.entry.source
        return "dict"

    @staticmethod
    def _name(doc: Any, d: Draft) -> str | None:
        if not d.names:
            return None
        u = next((n for n in d.names if n.root == d.head), d.names[-1])
        if u.kind == "person" and u.entry is not None:
            return u.entry.name
        return doc[u.start:u.end].text

    def _emit(self, doc: Any, story: Story, results: list[tuple[Draft, list[str | None], str]],
              mem: StoryMemory, counter: list[int]) -> list[ActorMention]:
        out: list[ActorMention] = []
        anchor_group: dict[int, int] = {}
        top_group: dict[int, int] = {}
        for d, countries, rule in results:
            s_char = doc[d.start].idx
            last = doc[d.end - 1]
            e_char = last.idx + len(last.text)
            text = story.text[s_char:e_char]
            name = self._name(doc, d)
            group: int | None = None
            a = doc[d.head]
            sib = None
            if a.dep_ == "conj" and a.head.i in anchor_group:
                sib = anchor_group[a.head.i]
            elif a.dep_ in ("compound", "amod", "nmod", "poss") and a.head.i in top_group:
                sib = top_group[a.head.i]
            if len(countries) > 1:
                counter[0] += 1
                group = counter[0]
            elif sib is not None:
                group = sib
                for m in out:
                    if m.group is None and anchor_group.get(m.head) == sib:
                        m.group = sib
            else:
                counter[0] += 1
                anchor_group[d.head] = counter[0]
                if a.dep_ in ("compound", "amod", "nmod", "poss"):
                    top_group[a.head.i] = counter[0]
            kind = self._kind(d)
            split = (not d.has_role and not d.names and len(countries) > 1
                     and len(d.countries) == len(countries))
            for c in countries:
                sectors = list(d.sectors)
                if c in INTERNATIONAL:
                    _add(sectors, d.orgs)
                if not c and not sectors:
                    continue
                if split:  # "Armenia-Azerbaijan": one mention per country word, in one group
                    u = next(u for cc, u in d.countries if cc == c)
                    us, ue = doc[u.start].idx, doc[u.end - 1].idx + len(doc[u.end - 1].text)
                    urule = "dict:" + u.entry.source if u.entry is not None and rule.startswith("dict") else rule
                    m = ActorMention(start=us, end=ue, tok_start=u.start, tok_end=u.end, head=u.root,
                                     text=story.text[us:ue], name=self._canon(d, c), country=c,
                                     sectors=tuple(sectors), kind=kind, rule=urule, group=group)
                else:
                    m = ActorMention(start=s_char, end=e_char, tok_start=d.start, tok_end=d.end, head=d.head,
                                     text=text, name=name or (self._canon(d, c) if kind in ("country",
                                     "organization") else None), country=c,
                                     sectors=tuple(sectors), kind=kind, rule=rule, group=group)
                out.append(m)
                if c and c not in INTERNATIONAL:
                    mem.add_country(c, principal=bool(d.names or d.has_role))
            if name and countries and countries[0]:
                mem.remember_person(name, countries[0], tuple(d.sectors))
            if d.has_role and countries and countries[0]:
                mem.remember_title(doc[d.head].lemma_.lower(), countries[0], tuple(d.sectors))
        for m in out:
            if m.group is not None and sum(1 for o in out if o.group == m.group) == 1:
                m.group = None
        return out

    def _canon(self, d: Draft, country: str | None) -> str | None:
        for c, u in d.countries:
            if c == country and u.entry is not None and u.kind in ("country", "demonym", "igo", "capital",
                                                                   "seat"):
                return u.entry.name if u.kind != "demonym" else self.lex.countries.get(c, u.entry.name)
        return None

    @staticmethod
    def _kind(d: Draft) -> str:
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
