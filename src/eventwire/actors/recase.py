"""Case for the parser: the words of an ALL-CAPS headline or an all-lower-case story written as normal text.

The tagger and parser lean on capital letters: "KENYA'S FOREIGN MINISTER MEETS UGANDAN PRESIDENT" comes out as
one long proper name and "police arrested twelve protesters in nairobi" leaves "nairobi" a common noun. Before
the parse, ``Recaser`` rewrites such stretches of text in normal case, one character for one character (every
offset stays, like ``ingest.normalize``; the story text itself is never changed):

- a stretch is a whole story without any capital letter (``recognize.caseless``), or a sentence or line
  written in capitals only (at least three words of two letters or more: a wire headline, a shouted page);
- its words are lower-cased, except the names the dictionaries know: countries, demonyms, capitals, persons,
  organisations and groups are written as the dictionary writes them ("Kenya's", "Ugandan", "Kampala",
  "al-Shabaab"), and listed acronyms ("NATO", "UN", "EU") in capitals — unless the acronym is also an ordinary
  word (words.yaml ``ambiguous_acronyms``: "US"/"us", "WHO"/"who", "CAN"/"can"), which stays lower-case;
- the first letter of each sentence and the pronoun "I" are capitals.

Role words (president, police, army) stay lower-case, as in running text. A word no dictionary knows stays
lower-case (an unknown name in an ALL-CAPS headline is not recovered).

A **Title-Case** line ("Police Arrest 20 Protesters In Nairobi": at least four words, every word of four letters or
more capitalised but the small words, "Demonstrators Unite across Georgia"; a headline of five such words or more
may have one in lower case, not the last: "Moldova asks Cape Verde for Military, Economic Aid Amidst Crisis") keeps
its capitals except on the words known to be no names: the small words of ``words.yaml: title_small_words``, role
and rank words, and words the ``common`` test accepts. That test is given by the pipeline: the word may have one of
the event coder's trigger lemmas by the spaCy pipeline's own lemma rules and exceptions
(``prefilter.TriggerFilter.could_trigger``: "Arrest", "Condemns", "Attacked", "Shot"), or it is an ordinary word by
the lemmatizer's index of known lemmas (``TriggerFilter.common_word``: "Bombs", "Survivors", "Repatriation"; a bare
singular noun such as "Hanoi" may be a name and keeps its capital, unless it follows an adjective or participle
written in lower case, or such a noun: "Return Seized Property", "New Joint Infrastructure Project";
``TriggerFilter.modifier_or_noun``). A word the dictionaries know as a name keeps its capitals, so does any other
word (an unknown name stays a name). The first word of the line keeps its capital, and so does a word that opens a
place name (``NAME_OPENERS``: "New", "Saint") right before a word kept as a name ("in New York"). Normal text is
returned unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .entries import Form, Lexicon
from .recognize import caseless
from .words import (
    ACRONYM_DETERMINERS,
    AMBIGUOUS_ACRONYMS,
    CALENDAR_NAMES,
    CONTEXT_ACRONYMS,
    PRONOUN_GOVERNORS,
    TITLE_SMALL_WORDS,
)

# names written as the dictionaries write them ("ignore": phrases that name no country, "South China Sea")
NAME_KINDS = frozenset({"country", "demonym", "capital", "seat", "igo", "person", "ignore"})
_LINES = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# a word of letters of any script ("Barthélemy", "Curaçao's"), with inner apostrophes and hyphens
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['\-])*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)[\"'(\[]*([a-z])")
MIN_SHOUTED_WORDS = 3
MIN_TITLE_WORDS = 4
# words that open place names ("New York", "Saint Martin"): kept capitalised before a word kept as a name
NAME_OPENERS = frozenset({"new", "saint", "san", "santa", "port", "fort", "mount", "cape"})


def _lower(text: str) -> str:
    """``text`` in lower case, one character for one character."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _shouted(chunk: str) -> bool:
    """A sentence or line written in capitals only, with at least three words of two letters or more."""
    if any(c.islower() for c in chunk):
        return False
    return sum(1 for w in _WORD.findall(chunk) if len(w) >= 2) >= MIN_SHOUTED_WORDS


def _title_cased(chunk: str) -> bool:
    """A line in Title Case: at least four words, every word of four letters or more capitalised, some lower
    case letters (not shouted); in a headline (no final stop) of five such words or more, one may be in lower
    case ("Moldova asks Cape Verde for Military, Economic Aid Amidst Ongoing Crisis")."""
    words = [w for w in _WORD.findall(chunk) if len(w) >= 2]
    # (a French elision opens a name in lower case: "Côte d'Ivoire")
    long = [w for w in words if len(w) >= 4 and w.lower() not in TITLE_SMALL_WORDS and w[1] != "'"]
    low = sum(1 for w in long if not w[0].isupper())
    # (not a caption header: "Tennis - Desert Open - Final - Doha, Qatar ... Spain's Ana Ruiz in action")
    headline = len(long) >= 5 and long[-1][0].isupper() and " - " not in chunk
    headline = headline and not chunk.rstrip().endswith((".", "!", "?", '"'))
    return (
        len(words) >= MIN_TITLE_WORDS
        and len(long) >= 2
        and (low == 0 or (low == 1 and headline))
        and any(c.islower() for c in chunk)
    )


class Recaser:
    """Writes ALL-CAPS, all-lower-case and Title-Case text in normal case for the parser (module docstring)."""

    def __init__(self, lex: Lexicon, common: Callable[[str], bool] | None = None) -> None:
        self.lex = lex
        self.common = common  # word form -> may it be an event word (no name)? set by the pipeline
        # word form -> "modifier" (adjective, participle), "noun" (an ordinary noun) or "": set by the pipeline
        self.kind: Callable[[str], str] | None = None

    def __call__(self, text: str) -> str:
        if caseless(text):
            return self._recase(text)
        if not any(c.isupper() for c in text):
            return text
        chars = list(text)
        for line in _LINES.finditer(text):
            if _title_cased(line.group(0)):
                chars[line.start() : line.end()] = list(self._title(line.group(0)))
                continue
            if not _SHOUT_HINT.search(line.group(0)):
                continue
            pieces = [(line.start(), line.end())]
            if not _shouted(line.group(0)):
                cuts = [line.start()] + [line.start() + m.end() for m in _SENTENCE_END.finditer(line.group(0))]
                pieces = list(zip(cuts, cuts[1:] + [line.end()], strict=True))
            for a, b in pieces:
                if _shouted(text[a:b]):
                    recased = self._recase(text[a:b], shouted=True)
                    if len(recased) == b - a:
                        chars[a:b] = list(recased)
        return "".join(chars)

    def _recase(self, chunk: str, shouted: bool = False) -> str:
        """``chunk`` lower-cased, with the dictionaries' names and acronyms, calendar names and sentence starts
        restored (``shouted``: the chunk was in capitals)."""
        low = _lower(chunk)
        chars = list(low)
        for w in _WORD.finditer(low):
            if w.group(0) in CALENDAR_NAMES:
                chars[w.start()] = chars[w.start()].upper()
        taken = bytearray(len(low))
        hits = self._hits(low)
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        for s, e, forms in hits:
            if any(taken[s:e]):
                continue
            written = self._written(low[s:e], forms, self._named(low, s, e, shouted))
            if written is None:
                continue
            taken[s:e] = b"\x01" * (e - s)
            chars[s:e] = list(written)
        recased = "".join(chars)
        recased = _SENTENCE_START.sub(lambda m: m.group(0)[:-1] + m.group(1).upper(), recased)
        return re.sub(r"(?<![\w'])i(?=['\s,.;:!?]|$)", "I", recased)

    def _hits(self, low: str) -> list[tuple[int, int, list[Form]]]:
        """The dictionary phrases in the lower-cased ``low`` as whole words: (start, end, forms)."""
        hits: list[tuple[int, int, list[Form]]] = []
        for end_char, (key, forms) in self.lex.automaton.iter(low):
            s, e = end_char - len(key) + 1, end_char + 1
            if (s > 0 and low[s - 1].isalnum()) or (e < len(low) and low[e].isalnum()):
                continue
            hits.append((s, e, forms))
        return hits

    def _title(self, line: str) -> str:
        """A Title-Case line with the words known to be no names in lower case (module docstring)."""
        low = _lower(line)
        taken = bytearray(len(low))
        for s, e, forms in self._hits(low):
            if any(f.entry.kind in NAME_KINDS or f.cased for f in forms):
                taken[s:e] = b"\x01" * (e - s)
        chars = list(line)
        words = list(_WORD.finditer(line))
        lower = [
            k > 0 and not any(taken[w.start() : w.end()]) and self._no_name(w.group(0).lower())
            for k, w in enumerate(words)
        ]
        self._after_modifiers(words, lower, taken)
        for k, w in enumerate(words):
            if not lower[k]:
                continue
            nxt = words[k + 1] if k + 1 < len(words) else None
            opener = w.group(0).lower() in NAME_OPENERS and nxt is not None and nxt.start() == w.end() + 1
            if opener and not lower[k + 1]:
                continue  # "in New York", "Saint Martin": the first word of a name the dictionaries do not know
            chars[w.start() : w.end()] = list(_lower(w.group(0)))
        return "".join(chars)

    def _after_modifiers(self, words: list[re.Match[str]], lower: list[bool], taken: bytearray) -> None:
        """ "Rebels Return Seized Property", "Target of Violent Crackdown": an ordinary singular noun right after a
        modifier written in lower case (or after such a noun: "New Joint Infrastructure Project") is no name either
        (a name the dictionaries know stays)."""
        if self.kind is None:
            return
        prev = ""
        for k, w in enumerate(words):
            word = w.group(0).lower()
            if k == 0 or word in TITLE_SMALL_WORDS:
                prev = ""
                continue
            kind = self.kind(word)
            if not lower[k] and prev and kind == "noun" and not any(taken[w.start() : w.end()]):
                lower[k] = True
                prev = "noun"
            else:
                prev = "modifier" if lower[k] and kind == "modifier" else ""

    def _no_name(self, word: str) -> bool:
        """Is ``word`` (lower case) a small word, a role or rank word, or an event word?"""
        if word in TITLE_SMALL_WORDS or any(f.entry.kind in ("role", "rank") for f in self.lex.forms.get(word, ())):
            return True
        return self.common is not None and self.common(word)

    def _written(self, low: str, forms: list[Form], named: bool) -> str | None:
        """How the dictionaries write the name ``low`` (``None``: not a name, or an acronym that is also a word
        and that the context (``named``) does not show to be the name)."""
        for f in forms:
            if len(f.text) != len(low) or f.entry.kind not in NAME_KINDS and not f.cased:
                continue
            if f.cased:
                if low in AMBIGUOUS_ACRONYMS and not (named and low in CONTEXT_ACRONYMS):
                    continue
                return f.text
            if f.capital:
                return f.text if f.text.lower() == low else low[:1].upper() + low[1:]
        return None

    def _named(self, low: str, s: int, e: int, shouted: bool) -> bool:
        """Does the context make the word at ``low[s:e]`` the acronym rather than the word? In capitals: unless
        a word that takes a pronoun is right before ("TOLD US"); in lower case: after an article ("the us"),
        before a hyphen ("us-led") or before a role noun ("us troops", "us president")."""
        before = _WORD.findall(low[max(0, s - 30) : s])
        prev = before[-1] if before else ""
        if shouted:
            return prev not in PRONOUN_GOVERNORS
        if prev in ACRONYM_DETERMINERS or low[e : e + 1] == "-":
            return True
        after = _WORD.match(low, e + 1) if low[e : e + 1] == " " else None
        return after is not None and any(
            f.entry.kind in ("role", "rank") for f in self.lex.forms.get(after.group(0), ())
        )


_SHOUT_HINT = re.compile(r"[A-Z]{2,}[^a-z\n]*\s[^a-z\n]*[A-Z]{2,}")  # two capital words in a row: maybe shouted
