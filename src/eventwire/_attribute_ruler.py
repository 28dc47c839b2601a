"""A faster matcher for spaCy's ``attribute_ruler`` that gives exactly the same matches.

The English pipelines' attribute ruler maps tags to POS/morphology with ~180 token patterns run through
spaCy's generic ``Matcher``; that costs about 15 µs a token, a sixth of the whole pipeline without NER.
Its patterns use only a few keys (TAG, LOWER, DEP, IS_SPACE with equality, IN, NOT_IN and REGEX), so they
compile into dictionary look-ups. ``accelerate(ruler)`` replaces the ruler's ``match`` method with the compiled
version; spaCy's own ``set_annotations`` still writes the attributes. Patterns with any other key or operator
leave the ruler as it is (a user's own pipeline keeps working, only without the speed-up).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_COLS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_OPS = {"IN", "NOT_IN", "REGEX"}

# A test sees the doc's columns (hash ids of TAG, LOWER, DEP; IS_SPACE as 0/1; then the StringStore)
# and a token index.
TokenTest = Callable[[Any, int], bool]


class _Unsupported(Exception):
    pass


def _value_test(col: int, spec: Any, strings: Any) -> TokenTest:
    def h(v: Any) -> int:
        return int(v) if isinstance(v, bool) else int(strings.add(v)) if v != "" else 0

    if isinstance(spec, dict):
        if not spec or set(spec) - _OPS or len(spec) != 1:
            raise _Unsupported(spec)
        op, arg = next(iter(spec.items()))
        if op == "IN":
            s = frozenset(h(v) for v in arg)
            return lambda cols, i: cols[col][i] in s
        if op == "NOT_IN":
            s = frozenset(h(v) for v in arg)
            return lambda cols, i: cols[col][i] not in s
        rx = re.compile(arg)
        cache: dict[int, bool] = {}

        def regex(cols: Any, i: int) -> bool:
            key = cols[col][i]
            hit = cache.get(key)
            if hit is None:
                hit = cache[key] = rx.search(cols[-1][key] if key else "") is not None
            return hit

        return regex
    if isinstance(spec, (str, bool)):
        v = h(spec)
        return lambda cols, i: cols[col][i] == v
    raise _Unsupported(spec)


def _token_test(pat: dict[str, Any], strings: Any) -> TokenTest:
    tests = []
    for key, spec in pat.items():
        if key not in _COLS:
            raise _Unsupported(key)
        tests.append(_value_test(_COLS.index(key), spec, strings))
    if len(tests) == 1:
        return tests[0]
    return lambda cols, i: all(f(cols, i) for f in tests)


def _index_keys(pat: dict[str, Any], strings: Any) -> tuple[int, list[int]] | None:
    """Hash ids of LOWER (else TAG) the first token must have, for indexing; ``None`` = check every token."""
    for key in ("LOWER", "TAG"):
        spec = pat.get(key)
        if isinstance(spec, str):
            return _COLS.index(key), [int(strings.add(spec))]
        if isinstance(spec, dict) and set(spec) == {"IN"}:
            return _COLS.index(key), [int(strings.add(v)) for v in spec["IN"]]
    return None


Entry = tuple[int, int, list[TokenTest]]


class CompiledRules:
    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        strings = ruler.vocab.strings
        self.attrs = [TAG, LOWER, DEP, IS_SPACE]
        self.by_col: dict[int, dict[int, list[Entry]]] = {0: {}, 1: {}}
        self.always: list[Entry] = []
        for attr_id, rule in enumerate(ruler.patterns):
            # AttributeRuler stores rule n under the string key str(n) (its add() order).
            match_id = strings.add(str(attr_id))
            for pattern in rule["patterns"]:
                if not pattern or not all(isinstance(p, dict) for p in pattern):
                    raise _Unsupported(pattern)
                entry = (attr_id, match_id, [_token_test(p, strings) for p in pattern])
                idx = _index_keys(pattern[0], strings)
                if idx is None:
                    self.always.append(entry)
                else:
                    for v in idx[1]:
                        self.by_col[idx[0]].setdefault(v, []).append(entry)

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        n = len(doc)
        if n == 0:
            return []
        cols = doc.to_array(self.attrs).T.tolist()
        cols.append(doc.vocab.strings)  # for REGEX tests
        tags, lowers = cols[0], cols[1]
        by_tag, by_lower, always = self.by_col[0], self.by_col[1], self.always
        found: set[tuple[int, int, int, int]] = set()
        empty: list[Entry] = []
        for i in range(n):
            for group in (by_lower.get(lowers[i], empty), by_tag.get(tags[i], empty), always):
                for attr_id, match_id, tests in group:
                    end = i + len(tests)
                    if end <= n and all(test(cols, i + k) for k, test in enumerate(tests)):
                        found.add((attr_id, match_id, i, end))
        return sorted(found)


def accelerate(ruler: Any) -> bool:
    """Give ``ruler`` the compiled matcher; ``False`` (ruler unchanged) when its patterns need the Matcher."""
    try:
        compiled = CompiledRules(ruler)
    except _Unsupported:
        return False
    ruler.match = compiled.match
    return True
