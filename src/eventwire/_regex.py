"""Regular expressions with a cheap pre-check: most stories hold no match of most patterns.

Python's ``re`` skips ahead quickly only when a pattern starts with a literal; a pattern like
``\\bRelated Coverage\\b`` or ``(?i)\\b(?:photo|picture)s?\\s*:`` is tried at every position of the text,
which over a whole story costs far more than the match. ``Scouted`` keeps the pattern as written and
derives from its parse the literal strings every match must contain ("Related Coverage"; "p", one of
"hoto"/"icture", and ":"). A text that lacks one of them cannot match, and is not scanned; ``str``
containment tests are fast. Patterns with no such literal are scanned as usual.

Literals of a case-insensitive pattern are compared on the lower-cased text, which agrees with
``re.IGNORECASE`` except for the letters that ``re`` folds to another letter than ``str.lower`` gives, or that
lower-case to more than one character: Turkish and Azerbaijani dotless ı and dotted İ, the long s, Greek
and Cyrillic variant forms (``re._casefix``, checked over all of Unicode by tests/test_regex.py). A text
holding one of them is always scanned in full, so names written in their own alphabet ("İlham", "Kılıçdaroğlu")
match as their ASCII spellings do.
"""

from __future__ import annotations

import re
import re._parser as _sre_parse  # type: ignore[import-not-found,import-untyped,unused-ignore]
from collections.abc import Iterator
from typing import Any

LITERAL, SUBPATTERN, BRANCH = _sre_parse.LITERAL, _sre_parse.SUBPATTERN, _sre_parse.BRANCH
_REPEATS = (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT, _sre_parse.POSSESSIVE_REPEAT)


def _case_odd() -> frozenset[str]:
    """Characters on which ``str.lower`` and ``re.IGNORECASE`` disagree (see the module docstring)."""
    from re import _casefix  # type: ignore[attr-defined]  # the table ``re`` itself folds with

    odd = {chr(c) for c, alts in _casefix._EXTRA_CASES.items() for c in (c, *alts)}
    odd.update(c.upper() for c in list(odd))
    odd.update({"\u0130", "\u212a"})  # İ lower-cases to two characters; the Kelvin sign K to k
    # ASCII letters are never odd in the text: a literal's ASCII letter lower-cases as ``re`` folds it, and a
    # pattern whose literals hold an odd letter gets no pre-check at all (``Scouted.__init__``)
    return frozenset(c for c in odd if len(c) == 1 and c.isalpha() and not c.isascii())


_CASE_ODD = _case_odd()
_CASE_ODD_RE = re.compile("[" + re.escape("".join(sorted(_CASE_ODD))) + "]")


def _required(seq: Any) -> list[frozenset[str]]:
    """Requirements of a parsed pattern: each a set of literals of which a match contains at least one."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, av in seq:
        if op is LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is SUBPATTERN:
            out.extend(_required(av[-1]))
        elif op is BRANCH:
            alts = [_required(alt) for alt in av[1]]
            if alts and all(alts):
                # one requirement per alternative: its longest literal set member
                out.append(frozenset().union(*(max(a, key=lambda s: min(map(len, s))) for a in alts)))
        elif op in _REPEATS and av[0] >= 1:
            out.extend(_required(av[2]))
    flush()
    return out


class Scouted:
    """A compiled pattern with a pre-check (see the module docstring); ``finditer``/``search``/``findall``
    as for ``re.Pattern``. ``lower``, when given, is ``text.lower()`` (computed once for many patterns)."""

    __slots__ = ("pattern", "regex", "needs", "ignorecase")

    def __init__(self, pattern: str | re.Pattern[str], flags: int = 0) -> None:
        self.regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        self.pattern = self.regex.pattern
        try:
            parsed = _sre_parse.parse(self.pattern, self.regex.flags)
            data = parsed.data if hasattr(parsed, "data") else parsed
            # a pattern that starts with a literal is already searched quickly by ``re`` itself
            needs = [] if data and data[0][0] is LITERAL else _required(data)
            if any(c in _CASE_ODD for alts in needs for lit in alts for c in lit):
                needs = []  # a literal with a letter that ``re`` folds differently: always scan
        except Exception:  # noqa: BLE001 - no pre-check is always safe
            needs = []
        # cheapest and rarest-looking first: requirements with fewer alternatives, then longer literals
        self.needs: tuple[tuple[str, ...], ...] = tuple(
            sorted(
                (tuple(sorted(alts, key=len, reverse=True)) for alts in needs),
                key=lambda a: (len(a), -min(map(len, a))),
            )
        )
        self.ignorecase = bool(self.regex.flags & re.IGNORECASE) or "(?i" in self.pattern

    def possible(self, text: str, lower: str | None = None) -> bool:
        """False only when the pattern cannot match anywhere in ``text``."""
        if not self.needs:
            return True
        if self.ignorecase and not text.isascii() and _CASE_ODD_RE.search(text) is not None:
            return True
        low = text.lower() if lower is None else lower
        for alts in self.needs:
            for s in alts:
                if s in low:
                    break
            else:
                return False
        return True

    def finditer(self, text: str, lower: str | None = None) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.possible(text, lower) else iter(())

    def search(self, text: str, lower: str | None = None) -> re.Match[str] | None:
        return self.regex.search(text) if self.possible(text, lower) else None

    def findall(self, text: str, lower: str | None = None) -> list[Any]:
        return self.regex.findall(text) if self.possible(text, lower) else []

    def __repr__(self) -> str:
        return f"Scouted({self.pattern!r})"
