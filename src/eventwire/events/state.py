"""What the coder's steps share: the document's state, the sentence being coded, and the records they pass on.

* ``DocState`` — one per document: the compiled patterns and guards, the word and code tables, the actor
  index, the trace, the story context, the document's lemmas (read once) and the actor cache.
* ``SentenceWork`` — one per sentence: its triggers, the candidates coded so far and the tokens consumed.
* ``Candidate`` — an event before it is split into (source, target) pairs (``emit.to_events``).
* ``Complement`` — what a governing word governs (``steps/complements.py``).
* ``VerbDraft`` / ``GovernorDraft`` — a verb's or a governing word's event while its sub-steps fill it in.
* ``Trace`` — what ``explain`` shows: per sentence, one line per decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .._columns import Columns, columns
from ..mentions import ActorIndex, ActorMention
from .context import StoryContext
from .falsefriends import Guards
from .frames import Family, Frame, Patterns
from .grammar import Roles
from .tables import Codes, Words, load_codes, load_words


class Trace:
    """What ``explain`` shows: per sentence, one line per decision."""

    def __init__(self) -> None:
        self.sentences: list[list[str]] = []

    def start(self) -> None:
        self.sentences.append([])

    def add(self, msg: str) -> None:
        if not self.sentences:
            self.start()
        self.sentences[-1].append(msg.strip())


@dataclass(slots=True)
class Candidate:
    frame: Frame
    code: str
    trigger: Any
    rule: str
    sources: list[ActorMention]
    targets: list[ActorMention]
    modality: str = "asserted"
    conf: float = 0.8
    recip: bool = False
    notes: list[str] = field(default_factory=list)
    complement: Any = None  # a governing word's event: the complement it governs ("due to meet": meet)
    tensed: bool = False  # its code already reads the clause's future ("there will be no talks": a refusal)


@dataclass(slots=True)
class Complement:
    """What a governing verb governs: the complement's base code and frame, or a fixed special code."""

    tok: Any
    frame: Frame | None
    roles: Roles
    special: str | None
    base: str | None
    rule: str


@dataclass(slots=True)
class SentenceWork:
    """One sentence on its way through the steps: what each step reads and adds."""

    sent: Any
    triggers: list[Any] = field(default_factory=list)  # tokens whose lemma can start a frame
    cands: list[Candidate] = field(default_factory=list)  # events coded so far
    consumed: set[int] = field(default_factory=set)  # tokens used by a governing word or a light verb
    governed: set[int] = field(default_factory=set)  # the complements of governing words among them
    done: bool = False  # nothing more to code (no trigger)


@dataclass(slots=True)
class VerbDraft:
    """A verb's event while the verb's sub-steps (``steps/verbs.py``) fill it in."""

    trigger: Any
    frame: Frame
    roles: Roles
    noun: Any | None  # the light verb's event noun
    label: str
    code: str
    rule: str
    conf: float
    culprit: list[ActorMention] | None = None  # "X is guilty of violating ...": X
    modality: str = "asserted"
    sources: list[ActorMention] = field(default_factory=list)
    stok: Any | None = None  # the token the sources were found at (else the first subject token)
    targets: list[ActorMention] = field(default_factory=list)
    ttok: Any | None = None


@dataclass(slots=True)
class GovernorDraft:
    """A governing word's event while its sub-steps (``steps/families.py``) fill it in."""

    gov: Any
    fam: Family
    comp: Complement
    label: str
    groles: Roles = field(default_factory=dict)
    received: list[Any] = field(default_factory=list)  # "X faces pressure from Y": X (Y asks X)
    answered: list[Any] = field(default_factory=list)  # "Kenya accepted Ethiopia's invitation to ...": Kenya
    sources: list[ActorMention] = field(default_factory=list)
    stok: Any | None = None
    targets: list[ActorMention] = field(default_factory=list)
    code: str = ""
    rule: str = ""
    modality: str = "asserted"
    refrain: bool = False  # an appeal or demand that the addressee not act ("urged X not to attack")
    release: bool = False  # no family event, but the governing verb may code alone (a purpose, not its complement)
    kept_open: bool = False  # "did not rule out X": the negation keeps X open (the unruled family)
    abandoned: bool = False  # "dropped plans to impose a curfew": the plan's verb gives it up (the retract family)


class DocState:
    """The per-document state every step reads: patterns, guards, tables, actor index, trace, context, and the
    document's lemmas (lower-cased, with the data's lemma fixes) and actor cache."""

    def __init__(
        self, patterns: Patterns, guards: Guards, idx: ActorIndex, trace: Trace | None, ctx: StoryContext | None = None
    ) -> None:
        self.p = patterns
        self.ctx = ctx
        self.m = patterns.modality
        self.g = guards
        self.idx = idx
        self.trace = trace
        self.w: Words = load_words()
        self.c: Codes = load_codes()
        self.actor_cache: dict[int, list[ActorMention]] = {}
        self.trig = patterns.trigger_lemmas
        self.needed = patterns.needed_lemmas
        self.fix = patterns.lemma_fixes
        cls = patterns.classes
        empty: frozenset[str] = frozenset()
        self.quantity = cls.get("quantity", empty)
        self.generic = cls.get("generic_head", empty)
        self.relations = cls.get("relations", empty)
        self.agreements = cls.get("agreement", empty)
        self.talks = cls.get("talks", empty)
        self.via = patterns.light_via
        self.claims = cls.get("claim", empty)
        self.media = cls.get("media", empty)
        self.documents = cls.get("document", empty)
        self.people = cls.get("people", empty)
        self.modal_nouns = cls.get("modal_noun", empty)
        self.command = cls.get("command_verb", empty)
        self.responses = cls.get("response_verb", empty)
        self.stances = cls.get("stance_verb", empty)
        self.stops = cls.get("stop_verb", empty)
        self.culpable = cls.get("culpable", empty)
        self.insults = cls.get("insult", empty)
        self.praises = cls.get("praise", empty)
        self.partner_roles = cls.get("partner_role", empty)  # "a reliable partner": praise with these words
        self.partner_praises = cls.get("partner_praise", empty)
        self.aggression = cls.get("aggression", empty)  # "killed in Israeli tank shelling": an attack implied
        self.gear = cls.get("weapon", empty) | cls.get("aircraft", empty)  # "ordered two frigates": a purchase
        self.places = cls.get("physical_target", empty)
        self.messages = self.documents | cls.get("message", empty)
        self.forces = cls.get("troops", empty) | self.w.armed_forces_extra
        self.doc: Any = None
        self.cols: Columns | None = None
        self.lemmas: list[str] = []
        self.sent_span: tuple[int, int] = (0, 0)  # token span of the sentence being coded, and its lemmas
        self.sent_lemmas: set[str] = set()
        self.noun_verbs: dict[int, bool] = {}  # headline_verbs.noun_verb per token of the bound doc
        # the actors of the story's latest event of each root so far ("the protests continued": those protests)
        self.earlier: dict[str, tuple[list[ActorMention], list[ActorMention]]] = {}

    def lem(self, tok: Any) -> str:
        """The lower-cased lemma of ``tok`` (after the data's lemma fixes)."""
        doc = tok.doc
        if doc is not self.doc:
            self.bind(doc)
        i: int = tok.i
        return self.lemmas[i]

    def bind(self, doc: Any) -> None:
        """Read the lemmas (lower-cased, fixed) of ``doc`` once, for every sentence of it."""
        if doc is not self.doc:
            self.doc = doc
            self.noun_verbs = {}
            self.cols = columns(doc)
            fix = self.fix
            self.lemmas = [fix.get(low, low) for low in self.cols.lemma] if fix else list(self.cols.lemma)
            forms = self.p.form_fixes
            for i, w in enumerate(self.cols.lower if forms else ()):
                if w in forms:  # "bases" read as "basis"
                    self.lemmas[i] = forms[w]
            if "-" in self.cols.lower:
                self.lemmas = _hyphen_lemmas(doc, self.cols.lower, self.lemmas, self.p.dictionary_words)
            _verbal_adjectives(doc, self.cols.pos, self.lemmas, self.p.verbs)
            _attitude_participles(doc, self.cols, self.lemmas, (self.p.verbs, self.m.by_lemma))

    def note(self, msg: str) -> None:
        """Add a line to the trace (``explain``), when there is one."""
        if self.trace is not None:
            self.trace.add(msg)


def _hyphen_lemmas(doc: Any, lower: list[str], lemmas: list[str], words: frozenset[str]) -> list[str]:
    """The lemmas with each dictionary word the tokenizer split at its hyphen ("sit - in"; "cease - fire" and
    "walk - out" for "ceasefire" and "walkout") given as the lemma of its last part (the head of the parser's
    compound)."""
    out = list(lemmas)
    for i, w in enumerate(lower):
        if w != "-" or i == 0 or i + 1 >= len(lower) or doc[i - 1].whitespace_ or doc[i].whitespace_:
            continue
        a, b, la, lb = lower[i - 1], lower[i + 1], lemmas[i - 1], lemmas[i + 1]
        for form in (f"{a}{b}", f"{a}{lb}", f"{a}-{b}", f"{la}-{lb}"):
            if form in words:
                out[i + 1] = form
                break
    return out


def _attitude_participles(doc: Any, cols: Any, lemmas: list[str], tables: tuple[Any, ...]) -> None:
    """ "said it was concerned about the arrests", "the EU is poised to approve ...": a participle the tagger
    made a verb after "be" (the lemma "concern", "poise") is the adjective of the dictionaries (``tables``: the
    verb frames and the governing words) when its form is one ("concerned", "poised"): after "be" as its
    complement, or as a passive whose verb lemma no table knows ("is alarmed by" stays the verb "alarm"). Its tag
    is changed in the doc, as for "is concerned"."""
    for i, (p, low) in enumerate(zip(cols.pos, cols.lower, strict=True)):
        if p != "VERB" or low == lemmas[i] or not low.endswith("ed") or not any(low in w for w in tables):
            continue
        t = doc[i]
        unknown = not any(lemmas[i] in w for w in tables)
        if t.dep_ == "acomp" or (unknown and any(c.dep_ == "auxpass" for c in t.children)):
            lemmas[i] = low
            t.pos_, t.tag_ = "ADJ", "JJ"


def _verbal_adjectives(doc: Any, pos: list[str], lemmas: list[str], verbs: Any) -> None:
    """ "demanded that Belarus free political prisoners": the tagger takes the verb for an adjective. An
    adjective with a direct object whose lemma is a verb of the dictionaries is a verb (its tag is changed
    in the doc, once, for every later step; ``pos``: the doc's POS column, so that only adjectives become
    token objects)."""
    for i, p in enumerate(pos):
        if p == "ADJ" and lemmas[i] in verbs:
            t = doc[i]
            if any(c.dep_ == "dobj" for c in t.children):
                t.pos_ = "VERB"
