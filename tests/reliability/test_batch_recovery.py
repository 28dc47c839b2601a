"""A parse failure in the middle of spaCy's batch stream rejects only the story that fails on its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from eventwire import nlp as _nlp
from eventwire.story import Story

POISON = "Zyxwvut"


def _stories() -> list[Story]:
    texts = [
        "Kenyan police arrested six protesters in Nairobi on Monday.",
        f"The {POISON} committee met on Tuesday.",
        "Egypt's foreign minister met his Sudanese counterpart in Cairo.",
        "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday.",
    ]
    day = dt.date(2024, 3, 11)
    return [Story(id=f"s{i}", text=t, date=day, origin_file="batch", origin_line=i) for i, t in enumerate(texts)]


def test_one_story_breaking_the_parse_stream_is_the_only_reject(coder: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    real = _nlp.pipe
    expected, none = coder.code_batch([s for s in _stories() if POISON not in s.text])
    assert not none and expected

    def breaking_pipe(nlp: Any, texts: Iterable[str], *args: Any, **kwargs: Any) -> Iterator[Any]:
        # like spaCy: the whole stream ends at the first bad text, taking the stories after it down too
        for text in texts:
            if POISON in text:
                raise RuntimeError("parser failed")
            yield from real(nlp, [text], *args, **kwargs)

    monkeypatch.setattr(_nlp, "pipe", breaking_pipe)
    records, rejects = coder.code_batch(_stories())
    assert [(r.story_id, r.code) for r in rejects] == [("s1", "E900")]
    assert records == expected
