"""Build hand-made events over a parsed sentence (the event coder is not needed for place tests)."""

from __future__ import annotations

from typing import Any

from eventwire.mentions import ActorMention, EventMention
from eventwire.story import Story


def actor(doc: Any, text: str, country: str | None) -> ActorMention:
    i = doc.text.index(text)
    sp = doc.char_span(i, i + len(text), alignment_mode="expand")
    return ActorMention(sp.start_char, sp.end_char, sp.start, sp.end, sp.root.i, text, country=country)


def event(
    doc: Any, trigger: str, cameo: str, source: ActorMention | None = None, target: ActorMention | None = None
) -> EventMention:
    tok = next(t for t in doc if t.text == trigger)
    s = tok.sent
    return EventMention(0, s.start_char, s.end_char, cameo, source, target, tok.idx, tok.idx + len(tok), tok.i, "test")


def run_case(nlp: Any, locator: Any, case: dict[str, Any]) -> dict[str, Any] | None:
    """Parse ``case['text']``, build the event the case describes and return its location."""
    text = case["text"]
    doc = nlp(text)
    story = Story(id=case.get("id", "t"), text=text, place=case.get("place"), meta=case.get("meta") or {})
    actors = [actor(doc, t, c) for t, c in case.get("actors", [])]
    src = actors[case["source_actor"]] if "source_actor" in case else None
    tgt = actors[case["target_actor"]] if "target_actor" in case else None
    ev = event(doc, case["trigger"], case["cameo"], src, tgt)
    return locator.locate(doc, story, [ev], actors)[0]  # type: ignore[no-any-return]
