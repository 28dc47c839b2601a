"""Actor spans: the words an actor mention covers (our own sentences)."""

from __future__ import annotations

from typing import Any

from eventwire.story import Story


def _texts(coder: Any, text: str) -> list[str]:
    return [m.text for m in coder.analyze(Story(id="span", text=text)).actors]


def test_span_takes_in_the_article_of_its_head(coder: Any) -> None:
    assert "The Trump administration" in _texts(coder, "The Trump administration imposed new tariffs on steel.")
    assert "a U.S. judge" in _texts(coder, "The order was blocked by a U.S. judge on Friday.")


def test_span_has_no_article_it_does_not_have(coder: Any) -> None:
    got = _texts(coder, "Iran's foreign ministry summoned two British diplomats.")
    assert "Iran's foreign ministry" in got
    assert "two British diplomats" in got
