"""Walk the dependency parse of each sentence and code events with the compiled frames.

One pass per sentence, in five steps (see docs/events.md for the full rules):

1. **Governing verbs and adjectives** (families in ``modality.yaml``: intent, appeal, demand, reject,
   threaten) with an event complement ("plans to visit", "refused to meet", "is ready to withdraw",
   "called for talks", "demanded that X release ...", "warned it would impose sanctions"): the complement's
   code is mapped to the family's code and the complement is not coded again. Families nest ("refused to
   commit to aid" → reject aid).
2. **Verbs**: light-verb pairs first ("held talks", "launched an attack", "returned for talks",
   "sent 20 tons of aid"), then the verb's own frames, most specific first (particle, object class,
   required prepositions). Negated or hypothetical predicates give no event; futures become intents; a
   negated future ("will not accept") is a rejection; a reported obligation ("X said Y must withdraw") is a
   demand (or an appeal for "should") from the speaker to Y.
3. **Nominal events** not used by a verb ("the meeting between X and Y", "Israel's strikes on Gaza"):
   only with an actor on both sides (or two actors joined by "between"), never under a copula.
4. **Subordinate events**: an event in a purpose or participle clause of another coded event ("staged
   protests to demand ...", "opened fire, killing ...") is dropped in favour of the main one.
5. **Statements** (root 01, including the speech-verb fallback "X said ...") are kept only when nothing
   better was coded in the sentence.

Constructions that are not events: an infinitive qualifying a noun of possibility or permission ("Moscow's
will to agree", "gave permission to X to help Y"), a gerund subject ("lifting sanctions is out of the
question"), a present tense under "before/until". Violence in the content of an allegation verb ("X claimed
that Y shelled Z") is an accusation of Y by X (112), or a claim of responsibility (015) for X's own side. An
order to one's own forces codes the ordered action ("ordered the army to withdraw"); "decided/voted to" keeps
the complement's code; "faces pressure from X to ..." is a demand by X; a partner-less meeting "in" another
country is a visit there.

Actors: the subject/object token is looked up in the ``ActorIndex``; when no mention covers it, its
subtree is searched breadth-first through compound, amod, poss, appos, ``of``/``from`` phrases and
``led by`` agents. Conjoined actors give one event per (source, target) pair. Reciprocal frames with a
plural subject and no target ("X and Y met") give one event in each direction. A candidate needs at least
one actor (source or target); the other side may stay empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from .._columns import Columns, columns
from ..mentions import ActorIndex, ActorMention, EventMention
from . import modality as _mod
from .context import StoryContext
from .falsefriends import Guards
from .frames import Family, Frame, Patterns

VERB_POS = frozenset({"VERB", "AUX"})
GOV_POS = frozenset({"VERB", "AUX", "ADJ"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
SEARCH_DEPS = frozenset({"compound", "amod", "poss", "appos", "nmod", "pobj", "acl", "agent", "npadvmod",
                         "nummod", "prep"})
SEARCH_PREPS = frozenset({"of", "from", "by"})
PRT_DEPS = frozenset({"prt", "prep", "advmod", "dative", "acomp", "oprd", "dobj", "npadvmod"})
REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SELF_PRONOUNS = frozenset({"it", "itself", "they", "themselves", "he", "she", "him", "her", "we", "us"})
ROLE_KEYS = frozenset({"subj", "obj", "iobj", "oprd"})
ROLE_SLOTS_ALL = ROLE_KEYS | {"poss", "amod", "compound", "none"}
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day",
                        "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night",
                        "today", "tonight", "occasion", "basis", "behalf", "january", "february", "march", "april",
                        "may", "june", "july", "august", "september", "october", "november", "december"})
STATIVE_VERBS = frozenset({"be", "remain", "become", "stay", "seem", "have", "continue", "keep", "exist", "get",
                           "need", "know", "understand", "feel", "look", "appear", "live"})
DENIAL_VERBS = frozenset({"deny", "dismiss", "refute", "reject", "dispute", "contest"})
NEGATING_VERBS = frozenset({"fail", "refrain", "avoid", "cancel", "postpone", "deny", "stop", "cease", "quit"})
QUESTION_WORDS = frozenset({"whether", "if", "how", "what", "why", "when", "where", "who", "which"})
SUBORDINATE_DEPS = frozenset({"advcl", "xcomp", "acl", "pcomp"})
# "the role of X in establishing ties", "accused of shelling", "arrested for collaborating": not events
GERUND_PREPS = frozenset({"of", "in", "for", "about", "on", "at", "against", "to", "toward", "towards", "with",
                          "from", "into", "over", "like"})
VERBAL_ATTACK = frozenset({"attack", "assail", "hit", "target", "savage", "lash"})
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "PTY", "OPP", "JUD", "ELI", "MED", "BUS", "NGO", "HLH", "EDU",
                               "LAB", "ENV", "HRI", "MOD", "RAD", "AGR", "DEV"})
# "served as interim president", "acted as neutral mediators": the "as" phrase is a role, not an object
AS_ROLE_VERBS = frozenset({"serve", "act", "work", "function", "remain", "be", "become", "appoint", "elect", "name",
                           "install", "swear", "step", "stay", "continue", "return", "come", "go", "join",
                           "regard", "see", "view", "describe", "consider", "treat", "list", "designate"})
# where an object that is no actor names the actor it concerns: "a deal with X", "sites in X"
INNER_TARGET_PREPS = ("with", "against", "on", "to")
LOCATION_PREPS = ("in", "near", "at", "inside")
MATERIAL_ROOTS = frozenset({"06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"})
CONDITIONAL_MODALS = frozenset({"may", "might", "could", "would"})
TEMPORAL_PREPS = frozenset({"after", "during", "following", "at", "on"})
COPULAS_BE = frozenset({"be", "remain", "become", "seem", "appear"})
AUTHORITY_SECTORS = frozenset({"GOV", "JUD", "LEG", "COP", "MIL"})
OWN_POSS = frozenset({"its", "their", "our", "his", "her"})
FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})
# violence and coercion whose report by an allegation verb is an accusation (not protests: "claimed that
# workers joined the strike" accuses no one)
ALLEGED_ROOTS = frozenset({"15", "17", "18", "19", "20"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG"})
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
CCOMP_AUX = frozenset({"will", "would", "shall"})
# "forced the traders out of ...", "pulled its troops back": adverbial particles may follow the object
ADVERB_PRTS = frozenset({"out", "off", "away", "back", "down", "up"})
# "let free the prisoners", "made them leave": the causer is the subject of the complement clause's event
CAUSATIVE_VERBS = frozenset({"let", "make", "help", "have"})
# "resorted to throwing stones", "turned to shelling": the gerund reports the action
GERUND_ACTION_VERBS = frozenset({"resort", "turn", "proceed", "move", "go", "return"})
CCOMP_ANY = frozenset({"demand", "appeal"})  # "demanded that X release ...": any complement clause
CCOMP_FUTURE = frozenset({"threaten", "intent"})  # "warned it would ...": only with a future/modal aux
# "X wants Y to release ...": a wish about another actor's action is an appeal to it; other intent verbs
# about another actor ("expects Y to cut rates", "hopes Y will sign") are predictions, not events
WANT_VERBS = frozenset({"want", "wish", "like", "prefer", "need"})
# "the first country to recognize X": an infinitive after an ordinal reports the action
ORDINALS = frozenset({"first", "second", "third", "last", "only", "latest", "next"})

# Where a governing verb finds an event *noun* as its complement.
NOUN_SLOTS: dict[str, tuple[str, ...]] = {
    "intent": ("obj", "to"),
    "appeal": ("for",),
    "demand": ("obj",),
    "reject": ("obj", "to"),
    "threaten": ("obj", "with"),
}

Roles = dict[str, list[Any]]


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


@dataclass(slots=True)
class Complement:
    """What a governing verb governs: the complement's base code and frame, or a fixed special code."""

    tok: Any
    frame: Frame | None
    roles: Roles
    special: str | None
    base: str | None
    rule: str


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


class SentenceCoder:
    """Codes the sentences of one document (holds the per-document actor index and caches)."""

    def __init__(self, patterns: Patterns, guards: Guards, idx: ActorIndex, trace: Trace | None,
                 ctx: StoryContext | None = None) -> None:
        self.p = patterns
        self.ctx = ctx
        self.m = patterns.modality
        self.g = guards
        self.idx = idx
        self.trace = trace
        self._actor_cache: dict[int, list[ActorMention]] = {}
        self._trig = patterns.trigger_lemmas
        self._fix = patterns.lemma_fixes
        self._quantity = patterns.classes.get("quantity", frozenset())
        self._generic = patterns.classes.get("generic_head", frozenset())
        self._via = patterns.light_via
        self._claims = patterns.classes.get("claim", frozenset())
        self._media = patterns.classes.get("media", frozenset())
        self._insult = patterns.classes.get("insult", frozenset())
        self._documents = patterns.classes.get("document", frozenset())
        self._people = patterns.classes.get("people", frozenset())
        self._modal_nouns = patterns.classes.get("modal_noun", frozenset())
        self._command = patterns.classes.get("command_verb", frozenset())
        self._responses = patterns.classes.get("response_verb", frozenset())
        self._stops = patterns.classes.get("stop_verb", frozenset())
        self._culpable = patterns.classes.get("culpable", frozenset())
        self._places = patterns.classes.get("physical_target", frozenset())
        self._messages = self._documents | patterns.classes.get("message", frozenset())
        self._doc: Any = None
        self._cols: Columns | None = None
        self._lemmas: list[str] = []
        self._sent: tuple[int, int] = (0, 0)  # token span of the sentence being coded, and its lemmas
        self._sent_lemmas: set[str] = set()
        self._forces = patterns.classes.get("troops", frozenset()) | {"military", "navy"}

    def _lem(self, tok: Any) -> str:
        """The lower-cased lemma of ``tok`` (after the data's lemma fixes)."""
        doc = tok.doc
        if doc is not self._doc:
            self._bind(doc)
        return self._lemmas[tok.i]

    def _bind(self, doc: Any) -> None:
        """Read the lemmas (lower-cased, fixed) of ``doc`` once, for every sentence of it."""
        if doc is not self._doc:
            self._doc = doc
            self._cols = columns(doc)
            fix = self._fix
            self._lemmas = [fix.get(low, low) for low in self._cols.lemma] if fix else self._cols.lemma

    def _t(self, msg: str) -> None:
        if self.trace is not None:
            self.trace.add(msg)

    # -- actors -------------------------------------------------------------------------------------
    def actors_at(self, tok: Any) -> list[ActorMention]:
        """The actor mentions for an argument token: its own mention, else the nearest in its subtree;
        conjoined arguments add theirs."""
        got = self._actor_cache.get(tok.i)
        if got is not None:
            return got
        found = list(self.idx.at(tok.i))
        if not found:
            level = [tok]
            for _ in range(4):
                nxt: list[Any] = []
                for t in level:
                    for c in t.children:
                        if c.dep_ not in SEARCH_DEPS:
                            continue
                        if t.dep_ == "acl" and c.dep_ != "agent":
                            continue  # through a participle only to its agent: "a delegation led by X"
                        if c.dep_ == "prep" and self._lem(c) not in SEARCH_PREPS:
                            continue
                        nxt.append(c)
                for c in nxt:
                    for m in self.idx.at(c.i):
                        if m not in found:
                            found.append(m)
                if found or not nxt:
                    break
                level = nxt
        self._actor_cache[tok.i] = found  # guards against cycles through conj below
        kids = list(tok.children)
        for m in self.idx.at(tok.i):  # "Barack Obama and Vladimir Putin" parsed with the conjunct on "Obama"
            if m.tok_end - m.tok_start > 1:
                kids += [c for t in tok.doc[m.tok_start:m.tok_end] if t.i != tok.i for c in t.children
                         if c.dep_ == "conj" and not m.tok_start <= c.i < m.tok_end]
        for c in kids:
            if c.dep_ == "appos" and found and self._list_appos(c, found):
                for m in self.actors_at(c):  # "Britain, Cuba, and Mexico met": a list parsed as apposition
                    if m not in found:
                        found.append(m)
            if c.dep_ == "conj" and c.pos_ in NOUN_POS | {"PRON"}:
                for m in self.actors_at(c):
                    if m not in found:
                        found.append(m)
        return found

    def _list_appos(self, a: Any, found: list[ActorMention]) -> bool:
        """An "apposition" that is the next item of a comma list: a proper name that is itself followed by
        a conjunct ("Britain, Cuba, and Mexico"), naming an actor of another country than the head."""
        if a.pos_ != "PROPN" or a.head.pos_ != "PROPN":
            return False
        mine = self.idx.at(a.i)
        heads = {m.country or m.code for m in found}
        if not mine or any((m.country or m.code) in heads for m in mine):
            return False
        if any(c.dep_ == "conj" for c in a.children):
            return True
        # "Russia, China ...": two bare country names side by side are a list, not an apposition
        return all(m.code == m.country for m in [*mine, *found])

    # -- roles --------------------------------------------------------------------------------------
    def roles(self, v: Any) -> Roles:
        """Argument slots of a predicate: subj, obj, iobj and one slot per preposition."""
        r: Roles = {}
        passive = False
        for c in v.children:
            d = c.dep_
            if d == "nsubj" or d == "csubj":
                r.setdefault("subj", []).append(c)
            elif d == "nsubjpass":
                passive = True
                r.setdefault("obj", []).append(c)
            elif d == "dobj":
                r.setdefault("obj", []).append(c)
                for a in c.children:  # "branded the minister a disgrace": an indefinite apposition
                    if a.dep_ == "appos" and a.pos_ == "NOUN" and \
                            any(x.dep_ == "det" and x.lower_ in ("a", "an") for x in a.children):
                        r.setdefault("oprd", []).append(a)
            elif d == "dative":
                if c.pos_ == "ADP":
                    r.setdefault(self._lem(c), []).extend(p for p in c.children if p.dep_ == "pobj")
                else:
                    r.setdefault("iobj", []).append(c)
            elif d == "agent":
                passive = True
                r.setdefault("subj", []).extend(p for p in c.children if p.dep_ == "pobj")
            elif d == "prep" or (d == "prt" and any(p.dep_ == "pobj" for p in c.children)):
                r.setdefault(self._lem(c), []).extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
            if d in ("prep", "prt", "advmod"):  # "pulled out of the talks", "walked away from": the inner one
                for q in c.children:
                    if q.dep_ == "prep" and q.i == c.i + 1:
                        r.setdefault(self._lem(q), []).extend(p for p in q.children if p.dep_ == "pobj")
            elif d == "auxpass":
                passive = True
            elif d == "oprd" or (d in ("ccomp", "xcomp") and c.pos_ == "NOUN"):
                r.setdefault("oprd", []).append(c)  # "called the premier a liar"
        if not passive and v.tag_ == "VBN" and "subj" in r and \
                not any(c.dep_ in ("aux", "auxpass") for c in v.children) and \
                ((v.dep_ == "conj" and any(c.dep_ == "auxpass" for c in v.head.children))
                 or self._lem(v.head) == "with"):
            # an elliptical passive: "five were killed and dozens injured", "with thousands wounded"
            r["obj"] = r.pop("subj") + r.get("obj", [])
            passive = True
        subj = r.get("subj")
        if subj and self._lem(subj[0]) in REL_PRONOUNS and v.dep_ == "relcl":
            r["subj"] = [v.head]
        lead = [c for c in v.children if c.dep_ == "npadvmod" and c.i < v.i and c.pos_ == "PROPN"]
        if "subj" not in r and not passive:  # the small parser sometimes makes a leading name an npadvmod
            if lead:
                r["subj"] = lead
            else:  # headlines: "Kenya, Tanzania sign deal" parsed as dep/compound of the verb
                names = [c for c in v.children if c.dep_ in ("dep", "compound", "nmod") and c.i < v.i and
                         c.pos_ == "PROPN" and self.idx.at(c.i)]
                if names:
                    r["subj"] = names
        elif lead and "subj" in r and lead[0].i + 1 < len(lead[0].doc) and lead[0].nbor(1).text == "," and \
                lead[0].i < r["subj"][0].i and self.idx.at(lead[0].i):
            r["subj"] = lead[:1] + r["subj"]  # headline list "Russia, China sign deal"
        if "subj" not in r and not passive:
            s = self._inherited_subject(v)
            if s is not None:
                r["subj"] = [s]
        if "obj" not in r and v.dep_ in ("acl", "relcl") and v.tag_ == "VBN":
            r["obj"] = [v.head]
        if "obj" not in r and not passive and "as" in r and self._lem(v) not in AS_ROLE_VERBS:
            # "rejected as baseless accusations by X", "condemned as unacceptable the remarks of Y": the
            # parser makes the object the "as" phrase when the predicate adjective comes first
            moved = [t for t in r["as"] if t.pos_ == "NOUN" and any(
                c.dep_ == "amod" and c.i < t.i for c in t.children) and (t.tag_ == "NNS" or any(
                    c.dep_ in ("prep", "acl", "ccomp") for c in t.children) or any(
                    c.dep_ == "det" and self._lem(c) == "the" for c in t.children))]
            if moved:
                r["obj"] = moved
        return r

    def _inherited_subject(self, v: Any) -> Any | None:
        t = v
        for _ in range(4):
            d = t.dep_
            h = t.head
            if h.i == t.i:
                return None
            if d == "acl" and t.tag_ == "VBG" and h.pos_ in NOUN_POS and self._lem(h) in self._documents and \
                    h.head.i != h.i and h.head.pos_ in VERB_POS | {"ADP"}:
                # "issued a statement condemning X", "said in a statement demanding ...": the author
                gv = h.head.head if h.head.pos_ == "ADP" else h.head
                s = next((c for c in gv.children if c.dep_ == "nsubj"), None)
                if s is not None:
                    return s
                if gv.pos_ in VERB_POS and gv.i != gv.head.i:
                    t = gv
                    continue
                return h
            if d == "acl" and t.tag_ == "VBG" and h.dep_ == "pobj" and h.head.head.pos_ in VERB_POS and \
                    h.head.head.i != h.head.i:
                t = h.head.head  # "a car ploughed into a parade, injuring ...": the agent of the motion
                if t.dep_ == "acl":
                    return t.head
                continue
            if d == "pcomp" and self._lem(h) == "by" and h.head.pos_ in VERB_POS:
                t = h.head  # "retaliated by expelling diplomats": the one who retaliated
                s = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if s is not None:
                    return s
                continue
            if d == "pcomp" and self._lem(h) == "to" and self._lem(h.head) in GERUND_ACTION_VERBS:
                gv = h.head  # "resorted to throwing stones": the one who resorted
                s = next((c for c in gv.children if c.dep_ == "nsubj"), None)
                return s if s is not None or gv.dep_ != "acl" else gv.head
            if d == "relcl" or (d == "acl" and t.tag_ in ("VBG", "VBD")):
                return h
            if d == "acl" and _mod.headline_infinitive(t):
                return h  # "Chinese president to visit Nepal"
            if d == "ccomp" and self._lem(h) in CAUSATIVE_VERBS and t.pos_ in VERB_POS | {"ADJ"} and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                for c in h.children:  # "police let free four students"
                    if c.dep_ == "nsubj":
                        return c
                return None
            if d == "acomp" and t.pos_ == "ADJ":
                pass
            elif d not in ("conj", "xcomp", "advcl"):
                return None
            if d == "advcl" and t.tag_ not in ("VBG", "VBN") and not any(
                    c.dep_ == "aux" and c.lemma_ == "to" for c in t.children):
                return None
            if d == "xcomp" and any(c.dep_ == "dobj" for c in h.children):
                return None  # object control ("urged X to ..."): not the subject
            for c in h.children:
                if c.dep_ == "nsubj":
                    return c
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return p
            if d == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children):
                for c in h.children:  # "X is expected to visit", "X was forced to withdraw": X
                    if c.dep_ == "nsubjpass":
                        return c
            t = h
        return None

    def noun_roles(self, n: Any) -> Roles:
        r: Roles = {}
        for c in n.children:
            d = c.dep_
            if d in ("poss", "amod", "compound"):
                r.setdefault(d, []).append(c)
            elif d == "prep":
                r.setdefault(self._lem(c), []).extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
        for o in r.get("of", ()):  # "the suspension of links with X": the of-object's phrases also count
            for c in o.children:
                if c.dep_ == "prep" and self._lem(c) not in ("of", *r):
                    r[self._lem(c)] = [p for p in c.children if p.dep_ == "pobj"]
        return r

    def event_nouns(self, o: Any) -> Iterator[tuple[Any, Roles]]:
        """The token itself, and the event noun a quantity or generic head stands for: "20 tons of aid"
        → aid, "a mediation effort" → mediation (with the head's prepositions)."""
        roles = self.noun_roles(o)
        yield o, roles
        lo = self._lem(o)
        if lo in self._quantity:
            for p in [*roles.get("of", ()), *roles.get("in", ())]:  # "20 tons of aid", "$5 million in aid"
                if p.pos_ in NOUN_POS:
                    inner = self.noun_roles(p)
                    merged = dict(roles)
                    merged.update(inner)
                    yield p, merged
                    if self._lem(p) in self._quantity or self._lem(p) in self._generic:
                        for c in inner.get("compound", ()):
                            yield c, merged
        if lo in self._generic:
            for c in roles.get("compound", ()):
                yield c, roles

    # -- matching -----------------------------------------------------------------------------------
    def _prep_ok(self, roles: Roles, prep: str, allowed: frozenset[str] | None) -> bool:
        toks = [t for t in roles.get(prep, ()) if self._lem(t) not in TIME_WORDS]  # "on Saturday": no argument
        if not toks:
            return False
        return allowed is None or any(self._lem(t) in allowed for t in toks)

    def _has_prt(self, v: Any, prt: str) -> bool:
        """The particle or bound preposition of a phrasal frame. A preposition after the direct object or
        with a time expression is an adjunct: "called the premier a liar on Sunday" is not "call on"."""
        dobj_at = min((c.i for c in v.children if c.dep_ == "dobj"), default=None)
        for c in v.children:
            if c.dep_ not in PRT_DEPS or self._lem(c) != prt:
                continue
            if c.dep_ == "prep":
                if dobj_at is not None and dobj_at < c.i and prt not in ADVERB_PRTS:
                    continue
                if any(p.dep_ == "pobj" and self._lem(p) in TIME_WORDS for p in c.children):
                    continue
            return True
        return False

    def _bare_ok(self, v: Any) -> bool:
        """Frames without a particle do not apply to "called off" when "call off" has frames."""
        needed = self.p.prts.get(self._lem(v))
        if not needed:
            return True
        return not any(c.dep_ == "prt" and self._lem(c) in needed for c in v.children)

    def _light(self, v: Any, noun: Any, slot: str = "obj") -> list[Frame]:
        bare = self._bare_ok(v)
        return [f for f in self.p.light.get((self._lem(v), self._lem(noun)), ())
                if slot in f.via and (self._has_prt(v, f.prt) if f.prt else bare)]

    def match_light(self, v: Any, roles: Roles) -> tuple[Frame, Roles, Any] | None:
        slots = [("obj", o) for o in roles.get("obj", ())]
        # "provided photographs and other intelligence": a conjoined object may be the event noun
        slots += [("obj", c) for o in roles.get("obj", ()) for c in o.children if c.dep_ == "conj" and
                  c.pos_ in NOUN_POS]
        slots += [(p, t) for p in self._via for t in roles.get(p, ())]
        for slot, o in slots:
            if (o.pos_ not in NOUN_POS and not (o.pos_ == "NUM" and self._lem(o) in self._quantity)) or \
                    o.i == v.head.i:  # "the reforms carried out in ...": a description
                continue
            nouns = list(self.event_nouns(o))
            if len(nouns) > 1 and self._lem(o) in self._quantity:  # "$5 million in aid": the inner noun first
                nouns = nouns[1:] + nouns[:1]
            for n, nroles in nouns:
                lf = self._light(v, n, slot)
                if not lf:
                    continue
                merged: Roles = dict(roles)
                for k, toks in nroles.items():
                    if k not in ("poss", "amod", "compound", "of"):
                        merged.setdefault(k, toks)
                for f in lf:  # "accepted the demands of the miners": the noun's own of/poss as a target slot
                    for k in ("of", "poss"):
                        if k in f.tgt and k in nroles:
                            merged.setdefault(k, nroles[k])
                for f in lf:
                    if not all(self._prep_ok(merged, p, a) for p, a in f.preps):
                        continue
                    if f.mods is not None and not any(self._lem(t) in f.mods for t in
                                                      nroles.get("compound", []) + nroles.get("amod", [])):
                        continue
                    if f.from_noun:  # the noun's prepositions may hang from the verb: "carried out a strike on"
                        mn = self.match_noun(n, {**{k: v for k, v in merged.items() if k not in ROLE_KEYS},
                                                 **nroles})
                        if mn is not None:
                            nf = mn[0]
                            f = replace(f, code=nf.code, violent=nf.violent, recip=f.recip or nf.recip,
                                        need_tgt=f.need_tgt or nf.need_tgt,
                                        tgt=tuple(dict.fromkeys(f.tgt + nf.tgt)), rule=f"{f.rule}={nf.rule}")
                        else:
                            continue  # "announced the suspension of trading", "began the game": no pattern fits
                    if slot != "obj" and "obj" not in f.tgt:  # "engaged peacekeepers in a firefight"
                        f = replace(f, tgt=f.tgt + ("obj",))
                    if "subj" not in merged:
                        for k in ("poss", "amod", "compound"):
                            if k in nroles:
                                merged["subj"] = nroles[k]
                                break
                    return f, merged, n
        return None

    def match_verb(self, v: Any) -> tuple[Frame, Roles, Any | None] | None:
        """The best frame for verb ``v``: (frame, roles, light-verb noun or None)."""
        lemma = self._lem(v)
        own = self.p.verbs.get(lemma, ())
        # a light frame needs one of its event nouns in the verb's sentence ("held talks"): most
        # sentences with "have", "make" or "take" have none, and need no argument analysis at all
        nouns = self.p.light_nouns.get(lemma)
        light_possible = nouns is not None and not (self._sent[0] <= v.i < self._sent[1] and
                                                     nouns.isdisjoint(self._sent_lemmas))
        if not own and not light_possible:
            return None
        roles = self.roles(v)
        light = self.match_light(v, roles) if light_possible else None
        if light is not None:
            return light
        objs = roles.get("obj") or []
        bare = self._bare_ok(v)
        for f in own:
            if f.prt:
                if not self._has_prt(v, f.prt):
                    continue
            elif not bare:
                continue
            if f.obj is not None and not (("-" in f.obj and not objs) or any(
                    self._lem(n) in f.obj for o in objs for n in self._obj_heads(o))):
                continue  # obj: ["-", ...] also allows no direct object ("the army mobilized")
            if f.preps and not all(self._prep_ok(roles, p, a) or self._prep_ok(self._obj_roles(objs), p, a)
                                   for p, a in f.preps):
                continue
            if f.subj is not None and not self._subj_ok(roles, f.subj):
                continue
            return f, roles, None
        return None

    def _subj_ok(self, roles: Roles, allowed: frozenset[str]) -> bool:
        """The subject (the object of an agentless passive: "peacekeepers were deployed") is one of
        ``allowed``, by its head, a modifier ("peacekeeping troops") or an "of" noun ("a batch of monitors")."""
        toks = roles.get("subj") or roles.get("obj") or []
        for t in toks:
            heads = [t, *[p for c in t.children if c.dep_ == "prep" and self._lem(c) == "of"
                          for p in c.children if p.dep_ == "pobj"]]
            for h in heads:
                if self._lem(h) in allowed or any(c.dep_ in ("compound", "amod") and self._lem(c) in allowed
                                                  for c in h.children):
                    return True
        return False

    def _obj_heads(self, o: Any) -> list[Any]:
        """The nouns an object stands for: itself, the event noun of a quantity or generic head, and for a
        name its common-noun modifier ("the Tigrayan capital Mekelle", "broadcasters RFI and France 24")."""
        out = [n for n, _ in self.event_nouns(o)]
        if o.pos_ == "PROPN":
            out += [c for c in o.children if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"]
            if o.dep_ == "appos" or o.head.pos_ == "NOUN" and o.dep_ == "compound":
                out.append(o.head)
        return out

    def _obj_roles(self, objs: list[Any]) -> Roles:
        r: Roles = {}
        for o in objs:
            for k, v in self.noun_roles(o).items():
                r.setdefault(k, []).extend(v)
        return r

    def match_noun(self, n: Any, roles: Roles | None = None) -> tuple[Frame, Roles] | None:
        roles = self.noun_roles(n) if roles is None else roles
        for f in self.p.nouns.get(self._lem(n), ()):
            if f.mods is not None and not any(self._lem(t) in f.mods
                                              for t in roles.get("compound", []) + roles.get("amod", [])):
                continue
            if all(self._prep_ok(roles, p, a) for p, a in f.preps):
                return f, roles
        return None

    # -- arguments to actors ------------------------------------------------------------------------
    def fill(self, slots: Iterable[str], roles: Roles) -> tuple[list[ActorMention], Any | None]:
        """Actors of the first slot that has any; also the token they were found at (else the first
        token seen), for the guards."""
        first_tok = None
        for s in slots:
            for tok in roles.get(s, ()):
                if first_tok is None:
                    first_tok = tok
                acts = self.actors_at(tok)
                if not acts and tok.pos_ == "PRON" and (s == "subj" or self._lem(tok) in ("it", "us", "them")):
                    acts = self._speaker_for(tok)  # "X said Y fired at it": the speaker
                if acts:
                    if s == "subj":  # "Russia, China sign ...": every subject token of a headline list
                        for more in roles.get(s, ())[1:]:
                            acts = acts + [a for a in self.actors_at(more) if a not in acts]
                    return acts, tok
        return [], first_tok

    def _speaker_for(self, pron: Any) -> list[ActorMention]:
        """An uncoded pronoun subject inside reported speech stands for the speaker: "Chile says it is
        ready to ..." (the actor coder may resolve pronouns itself; this is the fallback)."""
        if self._lem(pron) not in ("it", "they", "he", "she", "we", "us", "them"):
            return []
        h = pron.head
        while h.pos_ not in VERB_POS and h.head.i != h.i:  # "fired at it": from the preposition to its verb
            h = h.head
        sp = _mod.in_reported_speech(h, self.m.speech)
        if sp is None:
            return []
        for c in sp.children:
            if c.dep_ == "nsubj":
                return self.actors_at(c)
        return []

    def subject_roles(self, g: Any, stative: bool = True) -> Roles:
        """Roles of a governing word; an adjective ("ready to", "willing to") takes its copula's subject.
        A passive appeal or demand ("citizens were urged to ...") has its addressee as subject: no source."""
        roles = self.roles(g)
        if not stative and any(c.dep_ == "nsubjpass" for c in g.children):
            return roles  # the passive subject is already the object (addressee) slot
        if "subj" not in roles:  # stative passive: "Israel is opposed to ...", "is committed to ..."
            sp = [c for c in g.children if c.dep_ == "nsubjpass"]
            if sp:
                roles["subj"] = sp
        if (g.pos_ == "ADJ" or g.dep_ == "acomp") and "subj" not in roles and g.head.i != g.i:
            head_roles = self.roles(g.head)
            if "subj" in head_roles:
                roles["subj"] = head_roles["subj"]
        return roles

    # -- the sentence -------------------------------------------------------------------------------
    def code_sentence(self, sent: Any) -> list[Candidate]:
        doc = sent.doc
        self._bind(doc)
        lem, tset = self._lemmas, self._trig
        trig = [doc[i] for i in range(sent.start, sent.end) if lem[i] in tset]
        if not trig:
            return []
        self._sent = (sent.start, sent.end)
        self._sent_lemmas = set(lem[sent.start:sent.end])
        cands: list[Candidate] = []
        consumed: set[int] = set()
        for t in trig:
            if (t.pos_ in GOV_POS or t.pos_ in NOUN_POS) and self._lem(t) in self.m.by_lemma and \
                    t.i not in consumed and not (t.dep_ == "pobj" and t.head.lower_ == "in" and t.lower_ == "order"):
                # ("in order to protest" is a purpose, not an order)
                self._governor(t, self.m.by_lemma[self._lem(t)], cands, consumed)
        for t in trig:
            if t.i in consumed or not _verbish(t):
                continue
            if t.dep_ in ("amod", "compound"):  # "Israeli-occupied sector", "the detained men": modifiers
                continue
            if t.dep_ == "acl" and t.tag_ == "VBN" and not any(c.dep_ == "agent" for c in t.children) and \
                    not _existential(t.head):
                self._t(f"  verb '{t.text}': not coded (a participle describing '{t.head.text}', "
                        "background rather than a reported event)")
                continue
            if t.dep_ in ("csubj", "csubjpass", "nsubj", "nsubjpass") and t.tag_ == "VBG" and t.pos_ == "VERB":
                self._t(f"  verb '{t.text}': not coded (a gerund subject names a topic: '{t.text} ... "
                        f"{t.head.text}')")
                continue
            if self._noun_infinitive(t):
                self._t(f"  verb '{t.text}': not coded (an infinitive qualifying '{t.head.text}': a purpose, "
                        "ability or permission, not a reported event)")
                continue
            self._verb(t, cands, consumed)
        if self.m.obligation:
            pos = self._cols.pos if self._cols is not None else []
            for t in (doc[i] for i in range(sent.start, sent.end) if pos[i] in VERB_POS):
                if t.i not in consumed and not any(c.trigger.i == t.i for c in cands) \
                        and any(c.dep_ == "aux" and self._lem(c) in self.m.obligation for c in t.children) \
                        and self.match_verb(t) is None:
                    self._bare_obligation(t, cands)
        coded = {c.trigger.i for c in cands}
        for t in trig:
            if t.i in consumed or t.pos_ not in NOUN_POS or self._lem(t) not in self.p.nouns:
                continue
            head = t.head.head if t.dep_ == "pobj" else t.head
            if t.dep_ in ("dobj", "pobj") and head.i in coded and \
                    not (t.dep_ == "pobj" and self._lem(t.head) in TEMPORAL_PREPS):
                self._t(f"  noun '{t.text}': not coded (it is what the event at '{head.text}' is about)")
                continue
            self._noun(t, cands)
        cands = self._drop_subordinate(cands)
        if self.ctx is not None:
            cands = self._context_filter(sent, cands)
        strong = [c for c in cands if not c.code.startswith("01")]
        if not strong:
            if any(c.rule.startswith("modality.yaml:allegation") for c in cands):
                return cands  # "X claimed that its troops ...": the claim is coded (015), no bare statement
            for t in trig:
                if t.pos_ in VERB_POS and self._lem(t) in self.m.speech and t.i not in consumed and \
                        not any(c.trigger.i == t.i for c in cands):
                    self._speech(t, cands)
            return cands
        for c in cands:
            if c.code.startswith("01"):
                self._t(f"  drop {c.code} at '{c.trigger.text}': a better event exists in the sentence")
        return strong

    def _noun_infinitive(self, t: Any, depth: int = 0) -> bool:
        """"Moscow's will to agree", "permission to help Israel", "a resolution to impose sanctions": an
        infinitive clause that qualifies a noun names a possible action. Not for headline futures ("Chinese
        president to visit Nepal") nor after an ordinal ("the first country to recognize X" did it)."""
        if t.head.i == t.i or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return False
        if depth < 2 and t.dep_ in ("xcomp", "advcl") and t.head.pos_ in VERB_POS and \
                self._noun_infinitive(t.head, depth + 1):
            return True  # "the authority to negotiate ... to free the hostages": the purpose of a possibility
        if t.dep_ in ("xcomp", "advcl") and t.head.pos_ in VERB_POS | {"ADJ"}:
            # the parser often hangs the noun's infinitive on the verb: "gave permission to X to help Y",
            # "doubts Moscow's will to agree"
            to = next(c for c in t.children if c.dep_ == "aux" and c.lower_ == "to")
            prev = t.doc[to.i - 1] if to.i > 0 else None
            return (prev is not None and prev.pos_ == "NOUN" and self._lem(prev) in self._modal_nouns) or \
                any(c.dep_ == "dobj" and c.i < t.i and self._lem(c) in self._modal_nouns for c in t.head.children)
        if t.dep_ not in ("acl", "relcl") or t.head.pos_ not in NOUN_POS or _mod.headline_infinitive(t):
            return False
        if self._lem(t.head) in self._generic:  # "an attempt to assassinate X", "a bid to retake the town"
            return False
        if t.head.lower_ == "order" and t.head.head.lower_ == "in":  # "in order to protest": a purpose clause
            return False
        return not any(c.dep_ in ("amod", "advmod") and self._lem(c) in ORDINALS for c in t.head.children)

    def _context_filter(self, sent: Any, cands: list[Candidate]) -> list[Candidate]:
        """Drop events triggered inside a photo credit or caption header, and violence in sports reporting."""
        assert self.ctx is not None
        keep = []
        for c in cands:
            t = c.trigger
            if self.ctx.in_boilerplate(t.idx, t.idx + len(t.text)):
                self._t(f"  drop {c.code} at '{t.text}': inside a credit or caption header")
                continue
            why = self.ctx.blocks(sent, c.code, self._lem(t))
            if why:
                self._t(f"  drop {c.code} at '{t.text}': a game, not violence ({why})")
                continue
            keep.append(c)
        return keep

    def _drop_subordinate(self, cands: list[Candidate]) -> list[Candidate]:
        if len(cands) < 2:
            return cands
        triggers = {c.trigger.i for c in cands}
        keep = []
        for c in cands:
            t = c.trigger
            if t.dep_ in SUBORDINATE_DEPS and t.head.i in triggers and t.head.i != t.i:
                self._t(f"  drop {c.code} at '{t.text}': subordinate to the event at '{t.head.text}'")
                continue
            keep.append(c)
        return keep

    def _blocked(self, t: Any) -> str | None:
        why = _mod.negated(t, self.m, NEGATING_VERBS)
        if why:
            return why
        why = _mod.in_allegation(t, self._claims, DENIAL_VERBS)
        if why:
            return why
        return _mod.hypothetical(t, self.m)

    def _reported(self, t: Any) -> bool:
        return _mod.in_reported_speech(t, self.m.speech) is not None

    def _complement(self, g: Any, fam: Family, consumed: set[int], depth: int = 0) -> Complement | None:
        """The event complement of a governing word, if any (nested governors are followed)."""
        x = next((c for c in g.children if c.dep_ == "xcomp" and c.pos_ in GOV_POS), None)
        if x is None and g.pos_ in GOV_POS:  # "have sworn to fight" parsed as an infinitival advcl
            x = next((c for c in g.children if c.dep_ == "advcl" and c.i > g.i and c.pos_ in VERB_POS and any(
                a.dep_ == "aux" and a.lemma_ == "to" for a in c.children)), None)
        if x is None and g.pos_ in NOUN_POS:
            if g.dep_ not in ("dobj", "nsubjpass", "pobj") or self._lem(g.head) in self.m.by_lemma:
                return None
            if any(f.code[:2] != fam.default[:2] for f in self._light(g.head, g, "obj")):
                return None  # "accepted demands that ...": the support verb's own event (a concession)
            x = next((c for c in g.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in VERB_POS
                      and not any(s.dep_ in ("nsubj",) and self._lem(s) in REL_PRONOUNS for s in c.children)
                      and (c.dep_ != "acl" or any(a.dep_ in ("aux", "mark") and a.lower_ in ("to", "that")
                                                  for a in c.children))),
                     None)  # "a decision hailed by X" is a description, "the decision to withdraw" governs
            if x is None and g.dep_ == "dobj" and fam.name in CCOMP_ANY:
                # "reiterated its demand on Monday that X ...": the parser hangs the clause on the verb
                x = next((c for c in g.head.children if c.dep_ == "ccomp" and c.i > g.i and c.pos_ in VERB_POS
                          and any(m.dep_ == "mark" and self._lem(m) == "that" for m in c.children)), None)
        if x is None and fam.name in CCOMP_ANY | CCOMP_FUTURE:
            for c in g.children:
                if c.dep_ == "ccomp" and c.pos_ in VERB_POS:
                    aux = {self._lem(a) for a in c.children if a.dep_ == "aux"}
                    if fam.name in CCOMP_ANY or aux & CCOMP_AUX or \
                            (fam.name == "intent" and "to" in aux and self._other_subject(g, c) is not None):
                        x = c
                        break
        if x is not None:
            special = self.m.special.get((self._lem(g), self._lem(x)))
            mv = self.match_verb(x) if x.pos_ in VERB_POS else None
            if mv is not None:
                f, roles, light_noun = mv
                if light_noun is not None:
                    consumed.add(light_noun.i)
                return Complement(x, f, roles, special, f.code, f.rule)
            inner_fam = self.m.by_lemma.get(self._lem(x))
            if inner_fam is not None and depth < 2:
                inner = self._complement(x, inner_fam, consumed, depth + 1)
                if inner is not None:
                    consumed.add(x.i)
                    if fam.keep:  # "decided to seek cooperation": the inner family still applies
                        inner = replace(inner, base=self.m.family_code(inner_fam, inner.base or inner_fam.default))
                    return replace(inner, rule=f"{inner_fam.name}:{self._lem(x)}+{inner.rule}")
            if special:
                return Complement(x, None, {}, special, None, self._lem(x))
            if fam.name in CCOMP_ANY and x.pos_ in VERB_POS and (
                    x.dep_ == "xcomp" or g.pos_ in VERB_POS or any(c.dep_ == "nsubj" for c in x.children)) and \
                    (x.dep_ == "xcomp" or self._lem(x) not in STATIVE_VERBS):  # "insisted it was premature"
                # "ordered Belarus to close the border": a demand even when the action has no frame
                return Complement(x, None, self.roles(x), None, None, self._lem(x))
            if fam.name == "threaten" and x.dep_ == "ccomp" and x.pos_ in VERB_POS and \
                    self._lem(x) not in STATIVE_VERBS and self.fill(("subj", "obj"), self.roles(x))[0]:
                # "warned that police will stop ...": an actor's announced action is a threat; "warned that
                # cases will increase" is not
                return Complement(x, None, self.roles(x), None, None, self._lem(x))
        groles = self.roles(g)
        for slot in NOUN_SLOTS.get(fam.name, ("obj",)):
            for n0 in groles.get(slot, ()):
                if n0.pos_ in VERB_POS and n0.dep_ == "pcomp" and n0.tag_ == "VBG" and slot != "obj" and \
                        n0.i == n0.head.i + 1:  # not "with both sides talking tough": that has its own subject
                    # "committed to easing import rules", "opposed to holding talks": a gerund complement
                    mv = self.match_verb(n0)
                    if mv is not None:
                        if mv[2] is not None:
                            consumed.add(mv[2].i)
                        return Complement(n0, mv[0], mv[1], None, mv[0].code, mv[0].rule)
                    if fam.name in ("intent", "reject") and self._lem(n0) not in STATIVE_VERBS:
                        return Complement(n0, None, self.roles(n0), None, None, self._lem(n0))
                    continue
                if n0.pos_ not in NOUN_POS or n0.i == g.head.i:  # "the rally planned by X": a description
                    continue
                for n, nroles in self.event_nouns(n0):
                    if self._light(g, n, slot):
                        return None  # "ordered an investigation": the light verb codes it
                    special = self.m.special.get((self._lem(g), self._lem(n)))
                    mn = self.match_noun(n, nroles)
                    if mn is not None:
                        return Complement(n, mn[0], mn[1], special, mn[0].code, mn[0].rule)
                    if special:
                        return Complement(n, None, nroles, special, None, self._lem(n))
        return None

    def _governor(self, g: Any, fam: Family, cands: list[Candidate], consumed: set[int]) -> None:
        comp = self._complement(g, fam, consumed)
        if comp is None:
            return
        consumed.add(comp.tok.i)
        consumed.add(g.i)
        label = f"{fam.name} '{g.text}' + '{comp.tok.text}'"
        blocked = self._blocked(g)
        if blocked and blocked.startswith("modal") and self._obligation(g) is not None:
            blocked = None  # "X announced that Y must agree to ...": a reported obligation (below)
        if not blocked:
            for c in comp.tok.children:
                if c.dep_ == "neg" or (c.dep_ == "det" and self._lem(c) in self.m.negations):
                    blocked = f"complement negated by '{c.text}'"
        if blocked:
            self._t(f"  {label}: no event ({blocked})")
            return
        if comp.frame is not None and comp.frame.violent:
            _, ttok = self.fill(comp.frame.tgt, comp.roles)
            why = self.g.violent_target(comp.frame, ttok, bool(ttok is not None and self.idx.at(ttok.i)))
            if why:
                self._t(f"  {label}: no event (false friend: {why})")
                return
        if fam.name in ("appeal", "demand") and self._lem(g) in ("ask", "question") and self._question(g, comp):
            self._t(f"  {label}: no event (a question, not a request)")
            return
        groles = self.subject_roles(g, stative=fam.name not in ("appeal", "demand"))
        received: list[Any] = []
        if g.pos_ in NOUN_POS and g.head.i != g.i:  # "Russia's decision to ...": the possessor; "renewed its
            # demand that ...": the support verb's subject
            nr = self.noun_roles(g)
            own = [t for k in ("poss", "compound", "amod") for t in nr.get(k, []) if self.actors_at(t)]
            support = g.head.head if g.dep_ == "pobj" and g.head.head.i != g.head.i else g.head
            if not own and fam.name in CCOMP_ANY:
                # "X faces pressure from Y to ...", "came under demands by Y that ...": Y asks X
                own = [t for k in ("from", "by") for t in nr.get(k, []) if self.actors_at(t)]
                if own:
                    received = self.roles(support).get("subj", [])
                elif self._lem(support) in self._responses:
                    # "accepted an invitation to visit X", "rejected calls to resign": the subject answers
                    # an appeal made by someone else (the support verb's own event codes the answer)
                    self._t(f"  {fam.name} '{g.text}': no event (an appeal answered by "
                            f"'{support.text}', not made by its subject)")
                    return
            groles = {**groles, "subj": own or self.roles(support).get("subj", [])}
        sources, stok = self.fill(("subj",), groles)
        targets: list[ActorMention] = []
        other = self._other_subject(g, comp.tok) if fam.name == "intent" else None
        if other is not None:
            others = [a for a in self.actors_at(other) if a not in sources]
            mine = {a.country or a.code for a in sources}
            if others and not any((a.country or a.code) in mine for a in others):
                if self._lem(g) not in WANT_VERBS or "appeal" not in self.m.families:
                    self._t(f"  {label}: no event (a prediction or hope about another actor's action)")
                    return
                fam, targets = self.m.families["appeal"], others  # "X wants Y to pay": X appeals to Y
                label = f"appeal '{g.text}' + '{comp.tok.text}'"
        oblig = self._obligation(g)
        if oblig is not None:  # "X said Norway should help broker a truce": X appeals to Norway
            fam_o, speaker = oblig
            targets = sources
            sources, _ = self.fill(("subj",), self.roles(speaker))
            fam = fam_o
        code = comp.special or self.m.family_code(fam, comp.base or fam.default)
        rule = f"modality.yaml:{fam.name}:{self._lem(g)}+{comp.rule}"
        if code[:2] == "13" and fam.name in CCOMP_ANY and comp.frame is not None:
            # "called for sanctions against X", "urged the UN to strike Y": hostile to the complement's target
            t2, _ = self.fill(comp.frame.tgt, comp.roles)
            if t2:
                targets = t2
        if not targets and received:
            targets, _ = self.fill(("subj",), {"subj": received})
        if not targets and comp.tok.dep_ in ("ccomp", "acl") and fam.name in CCOMP_ANY:
            targets, _ = self.fill(("subj",), self.roles(comp.tok))  # "demanded that Israel withdraw"
        if not targets:
            targets, _ = self.fill(fam.addressee, groles)
        if not targets and comp.frame is not None:
            targets, _ = self.fill(comp.frame.tgt, comp.roles)
            objs = comp.roles.get("obj", [])
            if not targets and sources and "obj" in comp.frame.tgt and objs and objs[0].pos_ == "NOUN" and \
                    comp.tok.pos_ in VERB_POS:  # "plans to sign an accord with X", "wants to inspect sites in X"
                targets, _ = self._inner_target(objs[0], comp.base or comp.frame.code)
        if not targets and comp.tok.pos_ in NOUN_POS:  # "demanded Israel's withdrawal", "rejected accusations by X"
            targets, _ = self.fill(("poss", "by", "from"), comp.roles)
        targets = [t for t in targets if t not in sources]
        if not sources and not targets and stok is not None:
            sources = self._uncoded(stok)  # "Sunni leaders demanded that ..."
        modality = fam.modality
        if modality == "asserted" and self._reported(g):
            modality = "reported"
        if fam.name == "demand" and self._lem(g) in self._command and comp.frame is not None and \
                comp.base and sources and comp.base[:2] not in ("01", "02", "10"):
            ordered = self._own_forces(g, comp, groles, fam, sources)
            if ordered is not None:  # "the president ordered troops to withdraw from X": his withdrawal from X
                code, targets = comp.base, ordered
                rule = f"modality.yaml:command:{self._lem(g)}+{comp.rule}"
        if fam.name == "demand" and self._lem(g) in self._command and self._lem(comp.tok) in self._stops and \
                sources and targets and all(set(a.sectors) & AUTHORITY_SECTORS for a in sources) and \
                all(a.country and a.country in {s.country for s in sources} and set(a.sectors) and
                    not set(a.sectors) & STATE_SECTORS for a in targets):
            # "the government ordered the opposition newspaper to suspend publication": an administrative
            # sanction on a domestic non-state actor, not a request
            code, rule = "172", f"modality.yaml:command-stop:{self._lem(g)}+{comp.rule}"
        if comp.base and comp.base[:2] == "04" and comp.frame is not None and comp.frame.recip and not targets \
                and len(sources) < 2:  # "will attend a forum in Geneva": a visit to Switzerland
            targets, code, rule = self._visit_place(code, rule, comp.roles, sources, fam)
        frame = comp.frame or Frame(code=code, lemma=self._lem(g), kind="verb", rule=rule)
        recip = bool(comp.frame and comp.frame.recip and (fam.name == "intent" or fam.keep))
        self._emit(Candidate(frame, code, g, rule, sources, targets, modality, self._main(g, 0.75),
                             recip=recip), label, cands)

    def _other_subject(self, g: Any, x: Any) -> Any | None:
        """The subject of a verbal complement when it is not the governor's own: "wants Uganda to pay"
        (a "to"-clause with its own subject, or an object-controlled complement "would like Chile to ...")."""
        if x.pos_ not in VERB_POS:
            return None
        if x.dep_ == "ccomp":  # "hopes X would be indicted": X is no more the hoper's own action
            return next((c for c in x.children if c.dep_ in ("nsubj", "nsubjpass") and
                         self._lem(c) not in REL_PRONOUNS), None)
        if x.dep_ == "xcomp":
            return next((c for c in g.children if c.dep_ == "dobj" and c.i < x.i), None)
        return None

    def _question(self, g: Any, comp: Complement) -> bool:
        """"asked whether ...", "asked how ...", a sentence-opening "Asked about ..., X said": a question
        put (usually by reporters), not a request."""
        if g.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in g.children):
            return True
        x = comp.tok
        return any(c.dep_ in ("mark", "advmod", "nsubj", "dobj") and self._lem(c) in QUESTION_WORDS and c.i < x.i
                   for c in x.children)

    def _obligation(self, g: Any) -> tuple[Family, Any] | None:
        """(family, speaker) when ``g`` (or its copula) carries a reported "must"/"should"."""
        for t in (g, g.head) if g.pos_ == "ADJ" else (g,):
            for c in t.children:
                fam_name = self.m.obligation.get(self._lem(c)) if c.dep_ == "aux" else None
                if fam_name and fam_name in self.m.families:
                    speaker = _mod.in_reported_speech(t, self.m.speech)
                    if speaker is not None:
                        return self.m.families[fam_name], speaker
        return None

    def _main(self, t: Any, conf: float) -> float:
        """Events of the main clause (or of the clause a speech verb reports) get a small bonus."""
        if t.dep_ == "ROOT" or (t.dep_ in ("ccomp", "conj") and t.head.dep_ == "ROOT"):
            return conf + 0.05
        return conf

    def _emit(self, c: Candidate, label: str, cands: list[Candidate]) -> None:
        if not c.sources and not c.targets:
            self._t(f"  {label}: no event (code {c.code} by {c.rule}: no source or target actor)")
            return
        if c.recip and c.code.startswith("04") and not c.targets and len({a.code for a in c.sources}) < 2:
            self._t(f"  {label}: no event (code {c.code}: a meeting with only one party, e.g. a cabinet "
                    "meeting, is internal)")
            return
        self._t(f"  {label}: code {c.code} by {c.rule} (src={_names(c.sources)}, tgt={_names(c.targets)})")
        cands.append(c)

    def _verb(self, v: Any, cands: list[Candidate], consumed: set[int]) -> None:
        mv = self.match_verb(v)
        if mv is None:
            return
        f, roles, noun = mv
        if noun is not None and noun.i in consumed and noun.i != v.i:
            self._t(f"  verb '{v.text}' + '{noun.text}': not coded again (the noun governs an event)")
            return
        if noun is not None:
            consumed.add(noun.i)
        label = f"verb '{v.text}'" + (f" + '{noun.text}'" if noun is not None else "")
        g = v
        while g.dep_ == "xcomp" and g.head.i != g.i:  # "jailed for conspiring to murder ..."
            g = g.head
        culprit = self._responsible(g) if g.dep_ == "pcomp" else None
        if g.dep_ == "pcomp" and g.tag_ == "VBG" and self._lem(g.head) in GERUND_PREPS and culprit is None and \
                not (self._lem(g.head) == "to" and self._lem(g.head.head) in GERUND_ACTION_VERBS):
            self._t(f"  {label} [{f.rule}]: no event (gerund after '{g.head.text}' names an activity, "
                    "it does not report one)")
            return
        if v.tag_ == "VBN" and self._lem(v.head) == "with" and \
                not any(c.dep_ in ("aux", "auxpass") for c in v.children):
            self._t(f"  {label} [{f.rule}]: no event (\"with X {v.text}\" describes the circumstances of "
                    "another event)")
            return
        clause_code = self.m.clause_codes.get(self._lem(v)) if noun is None else None
        if clause_code and "obj" not in roles and any(c.dep_ == "ccomp" and not any(
                a.dep_ == "aux" and (self._lem(a) in self.m.hypothetical_aux or self._lem(a) in self.m.future_aux)
                for a in c.children) for c in v.children):  # not "agreed that they should cooperate"
            f = replace(f, code=clause_code, rule=f"{f.rule}/that-clause", violent=False)  # "agreed that ..."
        code, rule, modality, conf = f.code, f.rule, "asserted", f.conf
        sources, stok = self.fill(f.src, roles)
        if culprit:  # "X is guilty of violating the truce": X violated it
            sources, stok = culprit, None
        targets, ttok = self.fill(f.tgt, roles)
        if not targets and (f.obj is not None or f.preps) and noun is None:
            # "denied entry to X", "withdrew from the talks with X": the phrase hangs on the object
            preps = [s for s in f.tgt if s not in ROLE_SLOTS_ALL]
            held = list(roles.get("obj", [])) if f.obj is not None else []
            held += [t for p, _ in f.preps for t in roles.get(p, []) if t.pos_ in NOUN_POS or t.dep_ == "pcomp"]
            if preps and held:
                t2, tt2 = self.fill(preps, self._obj_roles(held))
                if not t2 and sources and held[-1].pos_ == "NOUN" and held[-1].dep_ == "pobj":
                    t2, tt2 = self._inner_target(held[-1], f.code)  # "fired shells at targets in Hebron"
                    t2 = [a for a in t2 if a not in sources]
                if t2:
                    targets, ttok = t2, tt2
        if not sources and roles.get("obj") and noun is None and any(x not in ROLE_SLOTS_ALL for x in f.src):
            # "received assurances from X": the source's phrase hangs on the object
            s2, st2 = self.fill([x for x in f.src if x not in ROLE_SLOTS_ALL], self._obj_roles(roles["obj"]))
            if s2:
                sources, stok = [a for a in s2 if a not in targets], st2
        if not targets and code[:3] in ("015", "016") and ttok is not None and ttok.pos_ in NOUN_POS:
            # "claimed responsibility for the attack on X": the target of the event claimed
            inner = self.match_noun(ttok)
            if inner is not None:
                targets, _ = self.fill(inner[0].tgt, inner[1])
        if not targets and sources and noun is None and "obj" in f.tgt and ttok is not None and \
                ttok.pos_ == "NOUN" and ttok.dep_ == "dobj":
            # "endorsed an agreement with the EU", "inspected refineries in Iran": the object is no actor,
            # the actor it is about or located at is in its own phrase
            t2, tt2 = self._inner_target(ttok, f.code)
            if not t2 and f.code[:2] in MATERIAL_ROOTS:  # "inspected plants in Iran" with "in" on the verb
                for p in LOCATION_PREPS:
                    for t in roles.get(p, ()):
                        t2 = t2 or [a for a in self.idx.at(t.i) if a not in sources]
            if t2 and not any(a in sources for a in t2):
                targets, ttok = t2, tt2
        speaker = None
        neg = any(c.dep_ == "neg" for c in v.children)
        fut = _mod.future(v, self.m)
        oblig = next((self.m.obligation[self._lem(c)] for c in v.children
                      if c.dep_ == "aux" and self._lem(c) in self.m.obligation), None)
        if neg and fut and "reject" in self.m.families:  # "will not accept", "said it would not meet"
            code = self.m.family_code(self.m.families["reject"], f.code)
            rule, modality = f"modality.yaml:negated-future+{f.rule}", "asserted"
        elif oblig and not neg and oblig in self.m.families and \
                (speaker := self._obligation_speaker(v)) is not None:
            # "X said Y must withdraw": X demands of Y
            code = self.m.family_code(self.m.families[oblig], f.code)
            rule = f"modality.yaml:obligation:{oblig}+{f.rule}"
            raw = sources
            sroles = self.roles(speaker)
            sources, _ = self.fill(("subj",), sroles)
            targets = self._not_self(raw, sources) or self.fill(("to", "iobj"), sroles)[0]
            if raw and not targets:
                self._t(f"  {label} [{f.rule}]: no event (an obligation the speaker states for itself)")
                return
        else:
            blocked = self._blocked(v)
            if blocked and blocked.startswith("modal") and not neg and any(
                    c.dep_ == "aux" and self._lem(c) in CONDITIONAL_MODALS for c in v.children) and \
                    _mod.conditional(v, self.m) == _mod.CONDITIONAL_MAIN:
                fut, blocked = True, _mod.CONDITIONAL_MAIN  # "X may halt its mediation if Y ...": a threat too
            if blocked == _mod.CONDITIONAL_MAIN and fut and not neg and f.code[:2] not in ("01", "02"):
                # "X will withdraw its troops unless Y ...": a conditional threat (conflictual or
                # withdrawing actions) or a conditional promise (cooperative ones), CAMEO-style
                coop = f.code[:2] in COOPERATIVE_ROOTS and not f.code.startswith("0874")
                fam_name = "intent" if coop else "threaten"
                cfam = self.m.families.get(fam_name)
                if cfam is not None:
                    code = self.m.family_code(cfam, f.code)
                    rule = f"modality.yaml:conditional-{fam_name}+{f.rule}"
                    modality = "intended" if fam_name == "intent" else "asserted"
                    self._emit(Candidate(f, code, v, rule, sources, targets, modality,
                                         self._main(v, conf * 0.9), recip=f.recip), label, cands)
                    return
            if blocked:
                self._t(f"  {label} [{f.rule}]: no event ({blocked})")
                return
            if fut:
                ifam = self.m.families.get("intent")
                if ifam is not None:
                    code = self.m.family_code(ifam, f.code)
                    rule = f"modality.yaml:future+{f.rule}"
                    modality, conf = "intended", conf * 0.95
            elif self._reported(v):
                modality = "reported"
        if f.violent and not sources and "from" in roles and \
                any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
            # "a rocket was fired at Israel from Gaza", "the town was shelled from across the border": the
            # place the violence came from is its source
            frm, _ = self.fill(("from",), roles)
            sources = [a for a in frm if a not in targets]
        if f.violent and not sources and noun is None:
            # "five were killed in an Israeli air strike", "died in a Taliban ambush": the attacker is the
            # actor of the violent event noun the victims fell in, and its code is the more exact one
            for p in ("in", "during"):
                for n in roles.get(p, ()):
                    mn = self.match_noun(n) if n.pos_ in NOUN_POS else None
                    if mn is None or not mn[0].violent:
                        continue
                    acts, _ = self.fill(("poss", "amod", "compound", "by"), mn[1])
                    acts = [a for a in acts if a not in targets]
                    if acts:
                        sources = acts
                        if code == f.code and mn[0].code[:2] >= code[:2]:
                            code, rule = mn[0].code, f"{rule}+{mn[0].rule}"
                        break
                if sources:
                    break
        if f.violent and not f.src and not sources:
            self._t(f"  {label} [{f.rule}]: no event (the victims' verb needs the attacker's event noun: "
                    "'died in a X ambush')")
            return
        if f.violent and not targets and ttok is not None and ttok.dep_ == "dobj":
            # "fought a war against Iraq", "launched a campaign on the rebels": the object's own target
            for c in ttok.children:
                if c.dep_ == "prep" and self._lem(c) in ("against", "on", "with"):
                    for p in c.children:
                        acts = self.actors_at(p) if p.dep_ == "pobj" else []
                        if acts and not targets:
                            targets, ttok = acts, p
        if not sources and not targets and stok is not None:
            sources = self._uncoded(stok)  # "striking miners kept up their sit-in"
        if f.need_tgt and not targets:
            self._t(f"  {label} [{f.rule}]: no event (this verb is coded only with a target actor)")
            return
        if f.violent and code == f.code and self._lem(v) in VERBAL_ATTACK and sources and targets and \
                all(_political(a) for a in sources + targets) and \
                (ttok is None or (self.idx.at(ttok.i) and self._lem(ttok) not in self._places)):
            # not "attacked government offices": a physical target
            # "the opposition leader attacked the prime minister": politicians attack with words
            code, rule = "111", f"{rule}/verbal:political-actors"
            f = replace(f, violent=False)
        why = self.g.violent_target(f, ttok, bool(ttok is not None and self.idx.at(ttok.i))) or \
            self.g.violent_subject(f, stok, bool(stok is not None and self.idx.at(stok.i))) or \
            (self.g.dismissal(f, v) if noun is None else None)
        if not why and f.violent and not targets and self._lem(v) in self.g.metaphor_verbs and "obj" not in roles \
                and any(self._effort(c) for c in v.children):
            why = f"'{v.text} to ...' is an effort, not violence"  # "the country battles to prevent ..."
        if why and code == f.code:
            self._t(f"  {label} [{f.rule}]: no event (false friend: {why})")
            return
        recip_toks = roles.get("between")
        if f.recip and recip_toks:
            between: list[ActorMention] = []
            for t in recip_toks:
                between.extend(a for a in self.actors_at(t) if a not in between)
            if len(between) >= 2:
                sources, targets = between, []
        if code in ("042", "074") and self._lem(v) == "arrive":
            # "Ethiopian peacekeepers arrived in Addis Ababa": arriving home is no visit or deployment
            home = {a.country for a in sources if a.country}
            targets = [t for t in targets if not t.country or t.country not in home]
            if not targets:
                self._t(f"  {label} [{f.rule}]: no event (arrival in the source's own country)")
                return
        if code[:2] == "14" and not targets and sources and "against" not in roles and "over" not in roles:
            # "Danish students held a rally in Ankara": a protest abroad is aimed at the host
            targets, _, _ = self._visit_place(code, rule, roles, sources, None)
            if targets:
                rule += "/protest-place"
        if code == "040":
            code, rule = self._third_location(code, rule, roles, sources, targets)
        if f.code[:2] == "04" and f.recip and not targets and len(sources) < 2 and \
                (code == f.code or modality == "intended"):
            targets, code, rule = self._visit_place(code, rule, roles, sources, None if code == f.code
                                                    else self.m.families.get("intent"))
        if code == "150" and not targets and len({a.country for a in sources if a.country}) >= 2:
            code, rule = "062", rule + "/joint"  # "French and Egyptian warships began war games": a joint exercise
            f = replace(f, recip=True)
        if code == f.code and code[:2] in ALLEGED_ROOTS and sources and self.m.allegation:
            alleged = self._alleged(v, sources, stok)
            if alleged is not None:
                code, speakers = alleged
                rule = f"modality.yaml:allegation:{code}+{rule}"
                sources, targets = speakers, (sources if code == "112" else targets)
                f = replace(f, recip=False, violent=False)
        self._emit(Candidate(f, code, v, rule, sources, targets, modality, self._main(v, conf),
                             recip=f.recip), label, cands)

    def _alleged(self, v: Any, sources: list[ActorMention],
                 stok: Any | None) -> tuple[str, list[ActorMention]] | None:
        """(code, speakers) when violence is the content of an allegation verb ("X claimed that Y shelled
        Z"): an accusation of Y by X (112), or X claiming responsibility (015) when Y is X's own side
        ("its forces", or the same actor or state)."""
        sp = _mod.in_reported_speech(v, self.m.allegation)
        if sp is None:
            return None
        speakers, _ = self.fill(("subj",), self.roles(sp))
        if not speakers:
            return None
        if stok is not None and any(c.dep_ == "poss" and c.lower_ in OWN_POSS for c in stok.children):
            return "015", speakers  # "X claimed that its forces shot down ..."
        own = {a.code for a in speakers if a.code}
        states = {a.country for a in speakers if a.country and set(a.sectors) <= STATE_SECTORS}
        if all(a.code in own or (a.country in states and set(a.sectors) <= STATE_SECTORS) for a in sources):
            return "015", speakers
        return "112", speakers

    def _uncoded(self, tok: Any) -> list[ActorMention]:
        """An uncoded group subject ("Islamic fundamentalists", "Sunnis", "angry youths") when the event has
        no coded actor at all: a mention without an actor code (kind ``group``), so the event is kept and the
        words are there for review. Only plural people nouns and group names of the ``people`` class."""
        if tok.pos_ not in NOUN_POS or self.idx.at(tok.i):
            return []
        if not (self._lem(tok) in self._people and tok.tag_ in ("NNS", "NNPS")):
            return []
        left = min([tok.i, *[c.i for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]])
        span = tok.doc[left:tok.i + 1]
        return [ActorMention(start=span.start_char, end=span.end_char, tok_start=span.start, tok_end=span.end,
                             head=tok.i, text=span.text, kind="group", rule="events:uncoded-group-subject")]

    def _effort(self, c: Any) -> bool:
        """An infinitive complement that is no armed action: "battles to prevent the outbreak" (but "fought
        to take the town", "battled to retake the base" are fighting)."""
        if c.dep_ not in ("xcomp", "advcl") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return False
        mv = self.match_verb(c) if c.pos_ in VERB_POS else None
        if mv is not None and (mv[0].violent or mv[0].code[:2] in ("15", "17", "18", "19", "20")):
            return False
        return not any(o.dep_ == "dobj" and self._lem(o) in self.g.physical for o in c.children)

    def _third_location(self, code: str, rule: str, roles: Roles, sources: list[ActorMention],
                        targets: list[ActorMention]) -> tuple[str, str]:
        """A meeting "in" a place of a third country is CAMEO 044 (a meeting on third-country ground)."""
        parties = {a.country for a in sources + targets if a.country}
        if len(parties) < 2:
            return code, rule
        for tok in roles.get("in", ()):
            for a in self.idx.at(tok.i):
                if a.country and a.country not in parties:
                    return "044", rule + "/third-location"
        return code, rule

    def _inner_target(self, obj: Any, code: str) -> tuple[list[ActorMention], Any | None]:
        """The actor an object noun concerns ("a deal with X", "sanctions against X"), or for material
        actions the place it is in, named directly ("refineries in Iran", "positions near Aleppo")."""
        nr = self.noun_roles(obj)
        got, tok = self.fill(INNER_TARGET_PREPS, nr)
        if got or code[:2] not in MATERIAL_ROOTS:
            return got, tok
        for p in LOCATION_PREPS:
            for t in nr.get(p, ()):
                place = list(self.idx.at(t.i))
                if place:
                    return place, t
        return [], None

    def _own_forces(self, g: Any, comp: Complement, groles: Roles, fam: Family,
                    sources: list[ActorMention]) -> list[ActorMention] | None:
        """The targets of the ordered action when an order goes to the source's own armed or police forces
        (or names no addressee: "ordered patrols by the police"), else ``None`` (an order to another actor
        is a demand)."""
        addr, atok = self.fill(fam.addressee, groles)
        if atok is not None and not addr and self._lem(atok) not in self._forces:
            return None  # "ordered it to discuss ...": an addressee that is no force
        if comp.tok.pos_ in NOUN_POS:
            addr += [a for a in self.fill(("by",), comp.roles)[0] if a not in addr]
        mine = {a.country for a in sources if a.country}
        for a in addr:
            if not set(a.sectors) & FORCE_SECTORS or (a.country and mine and a.country not in mine):
                return None
        assert comp.frame is not None
        targets, _ = self.fill(comp.frame.tgt, comp.roles)
        return [t for t in targets if t not in sources and t not in addr]

    def _visit_place(self, code: str, rule: str, roles: Roles, sources: list[ActorMention],
                     fam: Family | None) -> tuple[list[ActorMention], str, str]:
        """A meeting with no partner held "in" another country ("attended a summit in Geneva", "talks in
        Doha"): a visit (042) to that country (mapped through the governing family, if any)."""
        own = {a.country for a in sources if a.country}
        if not own:  # "the cabinet met in Paris": a domestic meeting
            return [], code, rule
        for tok in roles.get("in", ()):
            place = [a for a in self.idx.at(tok.i) if a.country and a.country not in own]
            if place:
                new = self.m.family_code(fam, "042") if fam is not None else "042"
                return place, new, rule + "/visit-place"
        return [], code, rule

    @staticmethod
    def _not_self(targets: list[ActorMention], sources: list[ActorMention]) -> list[ActorMention]:
        """Targets other than the sources, a pronoun coded as a source's own actor included ("X said it must")."""
        codes = {a.code for a in sources if a.code}
        return [t for t in targets if t not in sources and not (t.text.lower() in SELF_PRONOUNS and t.code in codes)]

    def _clause_subject(self, n: Any) -> list[ActorMention]:
        """The subject of the clause a meeting noun is the time of ("after talks with Y, X said ...",
        "during his visit to Y, X signed ..."): the meeting's other party."""
        p = n.head
        if n.dep_ != "pobj" or self._lem(p) not in TEMPORAL_PREPS or p.head.pos_ not in VERB_POS:
            return []
        return self.fill(("subj",), self.roles(p.head))[0]

    def _responsible(self, n: Any) -> list[ActorMention] | None:
        """The actors of a copula subject held responsible for the event ``n`` ("X is responsible for the
        killings", "X are guilty of violating the truce", "X was behind the attack"), or ``None``."""
        p = n.head
        if n.dep_ not in ("pobj", "pcomp") or p.pos_ != "ADP":
            return None
        a = p.head
        if self._lem(p) == "behind" and self._lem(a) in COPULAS_BE:
            cop = a
        elif self._lem(p) in ("for", "of") and a.pos_ == "ADJ" and self._lem(a) in self._culpable and \
                a.dep_ == "acomp" and self._lem(a.head) in COPULAS_BE:
            cop = a.head
        else:
            return None
        subj = [c for c in cop.children if c.dep_ == "nsubj"]
        acts = self.fill(("subj",), {"subj": subj})[0] if subj else []
        return acts or None

    def _obligation_speaker(self, v: Any) -> Any | None:
        """The verb whose subject states an obligation: a speech verb ("X said Y must ..."), or the verb
        issuing a message noun whose content clause holds it ("issued a reminder to Y that it must ...")."""
        sp = _mod.in_reported_speech(v, self.m.speech)
        if sp is not None:
            return sp
        h = v.head
        if v.dep_ in ("acl", "ccomp") and h.pos_ == "NOUN" and self._lem(h) in self._messages and \
                h.dep_ in ("dobj", "nsubjpass") and h.head.pos_ in VERB_POS:
            return h.head
        return None

    def _bare_obligation(self, v: Any, cands: list[Candidate]) -> None:
        """"X said Y must <any action>": a demand (appeal for "should") from X to Y, even when the action
        has no frame of its own."""
        fam_name = next(self.m.obligation[self._lem(c)] for c in v.children
                        if c.dep_ == "aux" and self._lem(c) in self.m.obligation)
        speaker = self._obligation_speaker(v)
        fam = self.m.families.get(fam_name)
        if speaker is None or fam is None or any(c.dep_ == "neg" for c in v.children):
            return
        if self._lem(v) in STATIVE_VERBS or _mod.conditional(v, self.m):
            return
        sroles = self.roles(speaker)
        sources, _ = self.fill(("subj",), sroles)
        raw, _ = self.fill(("subj",), self.roles(v))
        targets = self._not_self(raw, sources) or self.fill(("to", "iobj"), sroles)[0]
        if raw and not targets:
            return  # "X said it must ...": an obligation for itself
        rule = f"modality.yaml:obligation:{fam_name}+{self._lem(v)}"
        f = Frame(code=fam.default, lemma=self._lem(v), kind="verb", rule=rule, conf=0.6)
        self._emit(Candidate(f, fam.default, v, rule, sources, targets, "asserted", 0.6),
                   f"obligation '{v.text}'", cands)

    def _noun(self, n: Any, cands: list[Candidate]) -> None:
        mn = self.match_noun(n)
        if mn is None:
            return
        f, roles = mn
        label = f"noun '{n.text}'"
        why = self.g.nominal(n)
        if why:
            self._t(f"  {label} [{f.rule}]: no event ({why})")
            return
        if any(c.dep_ == "neg" or (c.dep_ == "det" and self._lem(c) in self.m.negations) for c in n.children):
            self._t(f"  {label} [{f.rule}]: no event (negated)")
            return
        if n.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj") and n.head.pos_ in VERB_POS:
            why2 = self._blocked(n.head)
            if why2:
                self._t(f"  {label} [{f.rule}]: no event ({why2})")
                return
        between: list[ActorMention] = []
        for t in roles.get("between", ()):
            between.extend(a for a in self.actors_at(t) if a not in between)
        sources: list[ActorMention]
        targets: list[ActorMention]
        if f.recip and len(between) >= 2:
            sources, targets = between, []
        else:
            sources, stok = self.fill(f.src, roles)
            culprit = self._responsible(n)
            if culprit and not any(a.country for a in sources):
                sources = culprit  # "X is responsible for the killings", "X was behind the attack": enough alone
            if not sources and f.code[:2] == "04":
                sources = self._clause_subject(n)  # "after talks with Y, X said ...": X met Y
            targets, ttok = self.fill(f.tgt, roles)
            why = self.g.violent_target(f, ttok, bool(ttok is not None and self.idx.at(ttok.i)))
            if why:
                self._t(f"  {label} [{f.rule}]: no event (false friend: {why})")
                return
            if not (f.recip and not targets and len(sources) >= 2) and (not sources or not targets) and \
                    not culprit:
                self._t(f"  {label} [{f.rule}]: no event (a nominal event needs a source and a target actor; "
                        f"src={_names(sources)}, tgt={_names(targets)})")
                return
        clause = n.head
        while clause.pos_ not in VERB_POS and clause.head.i != clause.i:  # "X said Iran was behind the attack"
            clause = clause.head
        modality = "reported" if self._reported(n.head) or self._reported(clause) else "asserted"
        self._emit(Candidate(f, f.code, n, f.rule, sources, targets, modality, f.conf, recip=f.recip), label,
                   cands)

    def _speech(self, v: Any, cands: list[Candidate]) -> None:
        """The statement fallback: "X said ..." with nothing better in the sentence. Coded only when the
        statement is news about someone: not an attribution clause ("..., a police official said", "X told
        Reuters"), and with a target - a non-media addressee ("told the Japanese minister"), else a coded
        actor of another country named in what was said."""
        code = self.m.speech[self._lem(v)]
        label = f"speech '{v.text}'"
        blocked = self._blocked(v)
        if blocked:
            self._t(f"  {label}: no statement ({blocked})")
            return
        if v.dep_ == "xcomp":  # "are expected to announce", "refused to say": no statement made yet
            self._t(f"  {label}: no statement (complement of '{v.head.text}')")
            return
        if v.dep_ in ("parataxis", "advcl") or any(c.dep_ == "ccomp" and c.i < v.i for c in v.children):
            self._t(f"  {label}: no statement (attribution of the reported content, not a statement)")
            return
        roles = self.roles(v)
        sources, _ = self.fill(("subj",), roles)
        if not sources:
            self._t(f"  {label}: no statement (no coded speaker)")
            return
        addressees = [t for s in ("to", "iobj", "with") for t in roles.get(s, ())
                      if not self._is_media(t)]
        targets, _ = self.fill(("addr",), {"addr": addressees})
        if not targets:
            targets = self._content_actor(v, sources)
        if not targets:
            self._t(f"  {label}: no statement (attribution only: no addressee and no other actor in what "
                    "was said)")
            return
        f = Frame(code=code, lemma=self._lem(v), kind="verb", rule=f"modality.yaml:speech:{self._lem(v)}",
                  tgt=("to", "iobj"), conf=0.5)
        self._emit(Candidate(f, code, v, f.rule, sources, targets, "asserted", 0.5), label, cands)

    def _is_media(self, tok: Any) -> bool:
        """"told Reuters", "told reporters", "told a news conference": a reporting channel, no addressee."""
        return any(self._lem(t) in self._media for t in tok.subtree)

    def _content_actor(self, v: Any, sources: list[ActorMention]) -> list[ActorMention]:
        """The first coded actor, of another country than the speaker, in the content clause of ``v``."""
        own = {a.country for a in sources if a.country} | {a.code for a in sources}
        for c in v.children:
            if c.dep_ not in ("ccomp", "xcomp", "dobj"):
                continue
            for t in c.subtree:
                for a in self.idx.at(t.i):
                    if a in sources or self._lem(t) in self._media:
                        continue
                    if a.country and a.country not in own:
                        return [a]
        return []


def _names(acts: list[ActorMention]) -> str:
    if not acts:
        return "-"
    return ",".join(f"{a.text}[{a.code or '?'}]" for a in acts)


def pairs(c: Candidate) -> list[tuple[ActorMention | None, ActorMention | None]]:
    """(source, target) pairs of a candidate: conjoined actors give one pair each; a reciprocal frame with
    several subjects and no target gives both directions."""
    if c.recip and not c.targets and len(c.sources) >= 2:
        return [(a, b) for a in c.sources for b in c.sources
                if a is not b and (a.code is None or a.code != b.code)]
    srcs: list[ActorMention | None] = list(c.sources) or [None]
    tgts: list[ActorMention | None] = list(c.targets) or [None]
    out: list[tuple[ActorMention | None, ActorMention | None]] = []
    for s in srcs:
        for t in tgts:
            if s is not None and s is t:
                continue
            if s is not None and t is not None and s.code is not None and s.code == t.code and \
                    t.text.lower() in SELF_PRONOUNS:
                continue  # "X said it ...": the pronoun is X itself
            if s is not None and t is not None and s.country and s.country == t.country and \
                    (t.group is not None or s.group is not None) and not t.sectors:
                continue  # "X urged the parties (X's country and Y) to ...": not an event with itself
            if s is None and t is None:
                continue
            out.append((s, t))
    return out


def to_events(sentence_index: int, sent: Any, cands: list[Candidate]) -> list[EventMention]:
    out: list[EventMention] = []
    seen: set[tuple[str, Any, Any]] = set()
    for c in cands:
        for s, t in pairs(c):
            key = (c.code, _akey(s), _akey(t))
            if key in seen:
                continue
            seen.add(key)
            conf = c.conf * (1.0 if s is not None else 0.8) * (1.0 if t is not None else 0.85)
            tok = c.trigger
            out.append(EventMention(
                sentence_index=sentence_index, sentence_start=sent.start_char, sentence_end=sent.end_char,
                cameo=c.code, source=s, target=t, trigger_start=tok.idx, trigger_end=tok.idx + len(tok.text),
                trigger_tok=tok.i, rule=c.rule, confidence=round(min(conf, 0.99), 3), modality=c.modality,
                notes=list(c.notes)))
    return out


def _akey(a: ActorMention | None) -> Any:
    if a is None:
        return None
    return a.code or ("@", a.start)


CASUALTY_ROOTS = frozenset({"18", "19", "20"})


def dedup_casualties(events: list[EventMention], trace: Trace | None = None) -> list[EventMention]:
    """Violence without a coded perpetrator ("at least five people were killed in clashes") is one report:
    kept once per story for each (root, victim country), an unknown victim country matching any; repeats
    (captions, the lead restated, "... and 90 were injured") are dropped. Events with a source are kept."""
    seen: list[tuple[str, str | None]] = []
    out: list[EventMention] = []
    for ev in events:
        root = ev.cameo[:2]
        if ev.source is not None or root not in CASUALTY_ROOTS:
            out.append(ev)
            continue
        c = ev.target.country if ev.target is not None else None
        if any(r == root and (c is None or sc is None or sc == c) for r, sc in seen):
            if trace is not None and 0 <= ev.sentence_index < len(trace.sentences):
                trace.sentences[ev.sentence_index].append(
                    f"drop {ev.cameo} at '{ev.trigger_tok}': the same violence without a perpetrator was "
                    "already reported in the story")
            continue
        seen.append((root, c))
        out.append(ev)
    return out


def _political(a: ActorMention) -> bool:
    """A person or institution of politics, business, media or civil society, not a state as a whole and
    not an armed, police or criminal actor: "attacked" between two such actors is verbal (111)."""
    return bool(a.sectors) and set(a.sectors) <= POLITICAL_SECTORS


def _existential(n: Any) -> bool:
    """"There were dozens of civilians wounded ...": the noun is the attribute of an existential "be", so the
    participle after it reports the event rather than describing the noun."""
    if n.dep_ == "pobj" and n.head.lemma_.lower() == "of" and n.head.head.i != n.head.i:
        n = n.head.head  # "dozens of civilians": the quantity is the attribute
    return n.dep_ == "attr" and n.head.lemma_.lower() == "be" and \
        any(c.dep_ == "expl" for c in n.head.children)


def _verbish(t: Any) -> bool:
    """A verb, or a word the tagger took for a noun in a headline ("Police detain five ...") that heads a
    clause with both a subject and a direct object."""
    if t.pos_ in VERB_POS:
        return True
    if t.pos_ == "ADJ" and t.dep_ in ("ccomp", "xcomp", "oprd") and t.head.lemma_.lower() in CAUSATIVE_VERBS and \
            any(c.dep_ == "dobj" for c in t.children):
        return True  # "let free six workers": the adjective is the released action
    return t.pos_ in NOUN_POS and t.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in t.children) and \
        any(c.dep_ == "dobj" for c in t.children)
