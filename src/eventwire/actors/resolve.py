"""From phrases to coded ``ActorMention``s: each sentence's phrases pass through the steps of ``STEPS``.

The journey of a mention, sentence by sentence (each step is ``step(story, sentence)``; its module says
what it READS and what it ADDS):

1. ``draft_phrases``       draft.py          a ``Draft`` per phrase: the codes its own words give;
2. states and titles       titles.py         "<town>, <country>" as a place; sector switches; title runs;
                                             a country name that is a state of another country;
3. ``place_context``       place_context.py  towns from the gazetteer ("Samarra police", "in Ganja");
4. ``own_countries``       own_country.py    phrases with their own country, names from story memory;
5. ``context_countries``   fallbacks.py      the others from the context (sentence, story, dominant
                                             country, collective, ethnic home, role);
6. ``emit``                emit.py           the mentions, in CAMEO code order; story memory updated;
7. ``refer``               references.py     pronouns and short references ("he", "it", "the country").

Rules (the ``rule`` field of a mention names the one that gave its country):

- ``dict:<file>:<line>``   the country came from a dictionary entry in the phrase (country, demonym,
                            capital, seat, organisation, dated person); ``...:latest-role`` when a dated
                            person in an undated story took the latest role;
- ``title-run``            a name whose parse lost its titles takes the capitalised titles written
                            directly before it ("... Chief Military Prosecutor, 1st Class State
                            Counsellor of Justice Valery Petrov");
- ``memory:person``        a name introduced earlier in the story ("Hasanov noted");
- ``memory:title``         "the minister" when every earlier minister of the story had one country;
- ``memory:pronoun``       "he"/"she"/"him"/"her" → the one coded person in reach (references.py);
- ``memory:it``            "it" → the one country/organisation subject in reach (references.py);
- ``memory:country``       "the country" → the story's dominant country (references.py);
- ``possessor``            a role owned by "its"/"their" under a verb whose coded subject has one country
                            ("Israel said its jets struck ..."); a "counterpart" takes the sectors of the
                            clause's coded subject ("met his Iraqi counterpart" → IRQ GOV);
- ``in-country``           a role phrase with "in <country>" ("security forces in Guinea", "police in
                            Samarra" with the gazetteer);
- ``gazetteer``            a role phrase modified by a town name ("Samarra police" → IRQ COP);
- ``collective``           "the two countries", "the parties" ... → the two countries named before it in the sentence,
  else the story's two principal countries;
- ``sentence-country``     a role phrase without country in a sentence naming exactly one country;
- ``story-country``        ... else the one country of the story so far (dateline included);
- ``story-dominant``       ... else, for a state institution (GOV, LEG, JUD, MIL, COP, SPY), the
                            story's dominant country (``StoryMemory.dominant``) when the sentence
                            names no country;
- ``place``                a capital alone as a place ("in Moscow"), or a town followed by a comma and
                            its country ("New Delhi, India", "Atlanta, Georgia" → USA): country only;
- ``state``                a country name that the story showed to be a state of another country
                            ("the state of Georgia", "Atlanta, Georgia", then "Georgia's governor");
- ``ethnic-home``          an ethnic group with one main country of settlement and no "in <place>"
                            ("Karen guerrillas" → MMR REB, "Igbo elders"; sectors.yaml ``home``);
- ``foreign``              "foreign diplomats" → UIS (a state role), "Western envoys" → no country;
- ``fallback``             the generic international code of a role ("peacekeepers" → IGO);
- ``role``                 sectors only, no country found (code ``---`` + sectors).

Sector order: the sectors of the phrase head first, then those of the other titles and ranks in text
order, duplicates dropped; an organisation code (NAT, ITP ...) comes last, except the UN's (UNO), which comes
first, followed by the roles and the code of the UN body (IGOUNOREFHCR, CAMEO 3.1). "former" before a title
makes the phrase ELI (CAMEO's former officials).
A name with no title, no country and no earlier introduction is not emitted (uncoded, never guessed).
A country written after "pro-"/"anti-" is a stance, not the actor's country ("pro-Russian separatists"); a
name chain that starts or ends with an organisation word (org_words.yaml: "Air China") is an
organisation of the country it names, never a person; the plural of a one-per-country institution
("governments", context.yaml) takes no country from the context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..mentions import ActorMention
from ..story import Story
from .draft import draft_phrases, split_coordinated
from .emit import emit
from .entries import Lexicon
from .fallbacks import context_countries, counterpart_sectors
from .own_country import own_countries
from .place_context import place_context
from .places import PlaceCountries
from .recognize import Phrase, Unit
from .references import resolve_references
from .sentence import Sentence, StoryState
from .titles import states_of_countries, switch_sectors, title_runs, town_country


def refer(story: StoryState, s: Sentence) -> None:
    """Step: READS ``s.emitted``, ``s.uncoded``, what earlier sentences left in reach; ADDS the mentions of
    the sentence's pronouns and short references to ``s.emitted`` (references.py)."""
    s.emitted.extend(
        resolve_references(
            story.doc,
            story.story,
            (s.start, s.end),
            story.lowers,
            s.emitted,
            s.uncoded,
            story.refs,
            story.mem.dominant(story.dateline),
        )
    )


Step = Callable[[StoryState, Sentence], None]

STEPS: tuple[Step, ...] = (
    # 1. drafting: what each phrase's own words say
    draft_phrases,
    # 2. states and titles
    town_country,  # "Atlanta, Georgia"
    switch_sectors,  # "security forces fired tear gas" -> COP
    title_runs,  # "... State Counsellor of Justice Valery Petrov"
    states_of_countries,  # "the state of Georgia" -> USA
    # 3. places from the gazetteer
    place_context,  # "Samarra police", "in Ganja"
    # 4. own countries and story memory
    own_countries,  # "Azerbaijan's minister", "Hasanov noted"
    # 5. fallbacks from the context
    context_countries,  # sentence, story, dominant country; collective, ethnic home, role
    counterpart_sectors,  # "met his Iraqi counterpart" -> the subject's sectors
    # 6. emit
    emit,
    # 7. pronouns and short references
    refer,  # "he", "it", "the country"
)


# a sentence without phrases has nothing to draft or emit: only its pronouns are read
NO_PHRASE_STEPS: tuple[Step, ...] = (refer,)


class Resolver:
    """Codes the phrases of one story, sentence by sentence, with the story's memory."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.places = PlaceCountries()

    def dateline_country(self, story: Story) -> str | None:
        """The country of the dateline's place (a capital or a country name), if any."""
        if not story.place:
            return None
        key = story.place.split(",")[0].strip().lower()
        if key in self.lex.capitals:
            return self.lex.capitals[key]
        for f in self.lex.forms.get(key, []):
            if f.entry.kind == "country" and f.entry.country:
                return f.entry.country
        return None

    def resolve(
        self,
        doc: Any,
        story: Story,
        phrases: list[Phrase],
        units: list[Unit],
        sents: list[tuple[int, int]],
        lowers: list[int],
    ) -> list[ActorMention]:
        """Code the phrases of ``doc``, sentence by sentence (``sents``: token spans of the sentences;
        ``lowers``: the lowercase string ids of the tokens)."""
        units_by_tok = {i: u for u in units for i in range(u.start, u.end)}
        state = StoryState(doc, story, lowers, self.lex, self.places, self.dateline_country(story), units_by_tok)
        by_sent = _by_sentence(len(doc), sents, split_coordinated(doc, phrases))
        for s_start, s_end in sents:
            sentence = Sentence(s_start, s_end, by_sent.get(s_start, []))
            for step in STEPS if sentence.phrases else NO_PHRASE_STEPS:
                step(state, sentence)
            state.mentions.extend(sentence.emitted)
        state.mentions.sort(key=lambda m: (m.start, m.end))
        return state.mentions


def _by_sentence(n: int, sents: list[tuple[int, int]], phrases: list[Phrase]) -> dict[int, list[Phrase]]:
    """The phrases of each sentence (by its first token), in order."""
    sent_of = [0] * n
    for a, b in sents:
        sent_of[a:b] = [a] * (b - a)
    by_sent: dict[int, list[Phrase]] = {}
    for p in phrases:
        by_sent.setdefault(sent_of[p.anchor], []).append(p)
    return by_sent
