"""The trigger pre-filter: sentences that cannot hold an event skip the spaCy models (off by default).

The event coder codes nothing in a sentence without a trigger (a token whose lemma can start a frame:
``events.frames.Patterns.trigger_lemmas``, read from the loaded tables, so words the data files add are
triggers here at once). The pre-filter finds such sentences before the models run:

1. the story is tokenized (spaCy's tokenizer: the same tokens as the full pipeline) and split into
   sentences by a cheap rule: after ``.``/``!``/``?`` (with closing quotes or brackets written right after
   it) when the next word starts with a capital, a digit or an opening quote or bracket;
2. a sentence is a *candidate* when one of its tokens could have a trigger lemma: its lower-cased form, the
   forms the pipeline's rule lemmatizer could give it for any part of speech (suffix rules, exceptions) and
   the lemmas the attribute ruler sets for it (a superset of the lemma the tagger will choose). With
   ``names`` (the actor dictionaries' automaton) a sentence that may name an actor or refer to one is kept
   too;
3. each other sentence becomes one token (its exact text, whitespace and all), a sentence of its own, so the
   doc's text, every character offset and the sentence count stay the story's; the models then tag and
   parse only the candidate sentences (the parser keeps the preset sentence boundaries).

After the models, a skipped token is annotated as nothing (POS ``X``, its own root, lemma = its text), so no
stage reads a word, a name or a phrase in it. ``skipped(doc)`` gives the skipped tokens and ``stats(doc)``
the sentence and token counts.

What it changes (``benchmarks/prefilter_diff.py`` measures it): where the parser would have drawn the
sentence boundaries around a skipped sentence differently (a caption glued to the next paragraph, a line
without a full stop), the ``sentence_index`` of later events moves; an actor named only in a skipped
sentence no longer feeds the story's memory (a sentence or story country for a later role); and the words
next to a skipped sentence are tagged and parsed with a different neighbour. On wire stories trigger words
(speech verbs included) are in about 94 % of the sentences, so the share it can skip is small.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

SKIPPED_KEY = "eventwire.prefilter.skipped"  # doc.user_data: [(doc token index, source token count)]
STATS_KEY = "eventwire.prefilter.stats"

# Tokens after which a sentence ends, and tokens that still belong to the sentence they close.
_ENDS = frozenset({".", "!", "?", "...", "…", "?!", "!?"})
_CLOSERS = frozenset({'"', "'", "''", "”", "’", ")", "]", "}", "»"})
_OPENERS = frozenset({'"', "'", "``", "“", "‘", "(", "[", "«"})
# Words that refer to an actor named elsewhere (actors/references.py reads them across sentences).
PRONOUNS = frozenset("he she it they him her them his its their hers theirs we us our ours i me my".split())


@dataclass(slots=True)
class Stats:
    """Sentences and tokens of one story (or a sum of stories) seen and skipped by the pre-filter."""

    sentences: int = 0
    skipped_sentences: int = 0
    tokens: int = 0
    skipped_tokens: int = 0

    def add(self, other: Stats) -> None:
        self.sentences += other.sentences
        self.skipped_sentences += other.skipped_sentences
        self.tokens += other.tokens
        self.skipped_tokens += other.skipped_tokens

    @property
    def share_skipped(self) -> float:
        """The share of sentences that skipped the models."""
        return self.skipped_sentences / self.sentences if self.sentences else 0.0


def _opens_sentence(word: str) -> bool:
    """Can ``word`` start a sentence after a full stop? A capital, a digit or an opening quote or bracket."""
    c = word[:1]
    return c.isupper() or c.isdigit() or c in _OPENERS


def _abbreviation(tok: Any) -> bool:
    """A full stop written right after a short capitalised word may end an abbreviation ("Lt.", "Col.")."""
    w = tok.text
    return not tok.whitespace_ and w.isalpha() and w[:1].isupper() and len(w) <= 3


def split(doc: Any) -> list[tuple[int, int]]:
    """The (start, end) token spans of the cheap sentence split of ``doc`` (tokenizer output only)."""
    spans: list[tuple[int, int]] = []
    n = len(doc)
    start = 0
    i = 0
    while i < n:
        t = doc[i]
        end = -1
        if t.text in _ENDS:
            end = i + 1
            # closing quotes and brackets written right after the full stop; then any whitespace
            while end < n and not doc[end - 1].whitespace_ and (doc[end].text in _CLOSERS or doc[end].text in _ENDS):
                end += 1
            while end < n and doc[end].is_space:
                end += 1
            if end < n and not _opens_sentence(doc[end].text):  # "the U.S. and", "June 6. /TASS/. ..."
                end = -1
            elif t.text == "." and i > start and _abbreviation(doc[i - 1]):  # "Lt. General Yahya Rasool"
                end = -1
        if end > 0:
            spans.append((start, end))
            start = i = end
            continue
        i += 1
    if start < n:
        spans.append((start, n))
    return spans


# endings of nouns derived from verbs and adjectives: ordinary words, not names
_DERIVED_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ing", "ure")


class TriggerFilter:
    """Decides which sentences may hold an event, from the trigger lemmas and the pipeline's own lemma rules."""

    def __init__(self, nlp: Any, trigger_lemmas: Iterable[str], names: Any = None) -> None:
        """``names``: the actor dictionaries' compiled automaton (``actors.entries.Lexicon.automaton``); with
        it, a sentence that may name an actor is kept too (see ``may_name``)."""
        self.nlp = nlp
        self.triggers = frozenset(trigger_lemmas)
        self.names = names
        self.stop_words: frozenset[str] = frozenset(getattr(nlp.Defaults, "stop_words", ()))
        self._cache: dict[str, bool] = {}
        self._rules: list[tuple[dict[str, list[str]], list[list[str]]]] = []
        self._ruler_lemmas: dict[str, set[str]] = {}
        self.exact = True  # False when a lemma source cannot be bounded: then every sentence is a candidate
        self._lookup: Any = None
        self._index: dict[str, frozenset[str]] = {}  # the rule lemmatizer's known lemmas by part of speech
        if "lemmatizer" in nlp.pipe_names:
            self._read_lemmatizer(nlp.get_pipe("lemmatizer"))
        if "attribute_ruler" in nlp.pipe_names:
            self._read_ruler(nlp.get_pipe("attribute_ruler"))

    def _read_lemmatizer(self, lemmatizer: Any) -> None:
        mode = getattr(lemmatizer, "mode", "")
        if mode not in ("rule", "lookup"):
            self.exact = False
            return
        lookups = lemmatizer.lookups
        if mode == "lookup":
            self._lookup = lookups.get_table("lemma_lookup", {})
            return
        rules = lookups.get_table("lemma_rules", {})
        exc = lookups.get_table("lemma_exc", {})
        index = lookups.get_table("lemma_index", {})
        self._index = {pos: frozenset(index.get(pos, ()) or ()) for pos in ("noun", "verb", "adj", "adv")}
        for pos in ("noun", "verb", "adj", "adv", "punct", "propn", "num", "adp", "aux", "pron", "det"):
            r = rules.get(pos, []) or []
            e = exc.get(pos, {}) or {}
            if r or e:
                self._rules.append((dict(e), [list(x) for x in r]))

    def _read_ruler(self, ruler: Any) -> None:
        for p in ruler.patterns:
            lemma = p.get("attrs", {}).get("LEMMA")
            if not isinstance(lemma, str) or lemma.lower() not in self.triggers:
                continue
            forms: set[str] = set()
            for pattern in p.get("patterns", []):
                index = int(p.get("index", 0))
                if not -len(pattern) <= index < len(pattern):
                    self.exact = False
                    continue
                for tok in (pattern[index],):  # the ruler sets the attributes on this token of the match
                    low = tok.get("LOWER", tok.get("ORTH"))
                    if isinstance(low, str):
                        forms.add(low.lower())
                    elif isinstance(low, dict) and set(low) == {"IN"}:
                        forms.update(str(x).lower() for x in low["IN"])
                    else:  # a pattern that sets a trigger lemma on forms we cannot list
                        self.exact = False
            for f in forms:
                self._ruler_lemmas.setdefault(f, set()).add(lemma.lower())

    def lemmas(self, word: str) -> set[str]:
        """Every lemma (lower-cased) the pipeline could give the token ``word``, whatever its tag."""
        low = word.lower()
        out = {low}
        lookup = self._lookup
        if lookup is not None:
            got = lookup.get(word) or lookup.get(low)
            if got:
                out.add(str(got).lower())
        for exc, rules in self._rules:
            out.update(x.lower() for x in exc.get(low, ()))
            for old, new in rules:
                if low.endswith(old):
                    form = low[: len(low) - len(old)] + new
                    if form:
                        out.add(form)
        out |= self._ruler_lemmas.get(low, set())
        return out

    def could_trigger(self, word: str) -> bool:
        """True when the token ``word`` could have a trigger lemma (memoized per form)."""
        hit = self._cache.get(word)
        if hit is None:
            hit = self._cache[word] = not self.triggers.isdisjoint(self.lemmas(word))
        return hit

    def common_word(self, word: str) -> bool:
        """Is ``word`` (lower case) an ordinary English word rather than a name, by the lemmatizer's own index
        of known lemmas? A known verb, adjective or adverb ("bombs", "seized", "joint"), or a noun in a form
        names seldom take: a plural ("survivors", "offices") or a derived noun ("repatriation", "training").
        The noun index alone also holds place names ("hanoi"), so a bare singular noun is not enough."""
        if not self._index:
            return False
        lemmas = self.lemmas(word)
        idx = self._index
        if any(lem in idx["verb"] or lem in idx["adj"] or lem in idx["adv"] for lem in lemmas):
            return True
        nouns = [lem for lem in lemmas if lem in idx["noun"]]
        if not nouns:
            return False
        return any(lem != word for lem in nouns) or word.endswith(_DERIVED_NOUN_ENDINGS)

    def modifier_or_noun(self, word: str) -> str:
        """ "modifier" for an adjective or a past participle ("seized", "violent"), "noun" for an ordinary noun
        ("property"; also place names the index holds), else "": what a Title-Case word may be before or after
        a modifier (``actors/recase.py``)."""
        if not self._index:
            return ""
        lemmas = self.lemmas(word)
        idx = self._index
        if any(lem in idx["adj"] for lem in lemmas) or (
            word.endswith(("ed", "en")) and any(lem in idx["verb"] for lem in lemmas)
        ):
            return "modifier"
        return "noun" if any(lem in idx["noun"] for lem in lemmas) else ""

    def may_name(self, doc: Any, start: int, end: int, text: str) -> bool:
        """May the sentence ``doc[start:end]`` name an actor or carry one to a later sentence? Yes when a
        dictionary phrase occurs in it (any case, any position), when a word other than a sentence-initial
        stop word is capitalised (a name chain), or when it has a pronoun (a reference)."""
        for i in range(start, end):
            t = doc[i]
            w = t.text
            if w[:1].isupper() and not (i == start and w.lower() in self.stop_words and w[1:].islower()):
                return True
            if t.lower_ in PRONOUNS:
                return True
        if self.names is None:
            return False
        low = text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)].lower()
        for end_char, (key, _) in self.names.iter(low):
            s = end_char - len(key) + 1
            if (s == 0 or not low[s - 1].isalnum()) and (end_char + 1 == len(low) or not low[end_char + 1].isalnum()):
                return True
        return False

    def candidates(self, doc: Any, spans: list[tuple[int, int]], text: str = "") -> list[bool]:
        """For each sentence span of ``doc``: may it hold an event (or, with ``names``, an actor)?"""
        if not self.exact:
            return [True] * len(spans)
        could = self.could_trigger
        text = text or doc.text
        out = []
        for s, e in spans:
            # a sentence without a word (a stray quote or bullet) costs the models nothing: it is kept, so the
            # parser draws the boundaries around it as without the pre-filter
            keep = not any(doc[i].is_alpha for i in range(s, e))
            keep = keep or any(could(doc[i].text) for i in range(s, e) if not doc[i].is_space)
            # a dictionary word split at its hyphen ("walk-out", "sit-in"): the joined forms (events/state.py)
            keep = keep or any(
                could(doc[i - 1].text + doc[i + 1].text) or could(f"{doc[i - 1].text}-{doc[i + 1].text}")
                for i in range(s + 1, e - 1)
                if doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
            )
            if not keep and self.names is not None:
                keep = self.may_name(doc, s, e, text)
            out.append(keep)
        return out

    def prepare(self, text: str) -> Any:
        """The doc the models should run on: ``text`` tokenized, each run of non-candidate sentences one token."""
        from spacy.tokens import Doc

        doc = self.nlp.make_doc(text)
        spans = split(doc)
        keep = self.candidates(doc, spans, text)
        st = Stats(sentences=len(spans), tokens=len(doc))
        if all(keep):
            doc.user_data[STATS_KEY] = st
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool | int | None] = []
        skipped: list[tuple[int, int]] = []
        k = 0
        after_skip = False
        while k < len(spans):
            s, e = spans[k]
            if keep[k]:
                for i in range(s, e):
                    t = doc[i]
                    words.append(t.text)
                    spaces.append(bool(t.whitespace_))
                    starts.append(True if i == s and after_skip else None)
                after_skip = False
                k += 1
                continue
            # one token per skipped sentence: the doc keeps the story's sentence count (``sentence_index``)
            st.skipped_sentences += 1
            last = doc[e - 1]
            skipped.append((len(words), e - s))
            st.skipped_tokens += e - s
            words.append(text[doc[s].idx : last.idx + len(last.text)])
            spaces.append(bool(last.whitespace_))
            starts.append(True)
            after_skip = True
            k += 1
        starts[0] = True
        out = Doc(self.nlp.vocab, words=words, spaces=spaces, sent_starts=starts)
        out.user_data[SKIPPED_KEY] = skipped
        out.user_data[STATS_KEY] = st
        return out


def finish(doc: Any) -> Any:
    """Annotate the skipped tokens of a processed ``doc`` as nothing (no word, no name, no phrase)."""
    for i, _ in doc.user_data.get(SKIPPED_KEY, ()):
        t = doc[i]
        t.pos_ = "X"
        t.tag_ = ""
        t.lemma_ = t.text
        t.dep_ = "dep" if t.head.i != i else "ROOT"
    return doc


def skipped(doc: Any) -> list[tuple[int, int]]:
    """(doc token index, number of tokens it stands for) of each skipped run of sentences of ``doc``."""
    out: list[tuple[int, int]] = doc.user_data.get(SKIPPED_KEY, [])
    return out


def stats(doc: Any) -> Stats:
    """The pre-filter's counts for ``doc`` (all zero when the pre-filter did not prepare it)."""
    st: Stats | None = doc.user_data.get(STATS_KEY)
    return st if st is not None else Stats()
