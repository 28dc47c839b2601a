"""Long stories are coded in segments, so memory stays bounded and time grows linearly with the text.

spaCy's parser needs memory in proportion to the text it parses at once (a 1 MB text: about 2.7 GB), and
some of the coder's story-level steps grow faster than the text. A story longer than ``SEGMENT_CHARS``
characters (far beyond a news story: 50,000 characters are about 8,000 words) is therefore cut into
segments at paragraph breaks, else line breaks, else sentence ends, else spaces (a hard cut only when a
segment holds none of these), and each segment is parsed and coded as a story of its own. The records are
joined back: every offset (evidence, trigger, actor and place spans) is an offset into the whole story,
sentence indexes run on over the segments, and event ids are computed from the shifted values, exactly as
for a story coded whole. What a segment learns about the story (actors named earlier, for "the minister")
does not carry into the next one. Stories within ``SEGMENT_CHARS`` are coded whole, exactly as before.

The story size limit (``eventwire.ingest.limits``) is checked on the whole story before it is cut.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from .ingest.limits import over_limit
from .record import EventRecord
from .story import Reject, Story

SEGMENT_CHARS = 50_000
SEGMENT_KEY = "segment"  # Story.meta[SEGMENT_KEY] = (offset of the segment in the story, index, count)
_BREAKS = (re.compile(r"\n[ \t\r]*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\s"))


def cut_points(text: str, size: int = SEGMENT_CHARS) -> list[int]:
    """Where segments of ``text`` start (the first is 0): each segment holds at most ``size`` characters."""
    starts = [0]
    pos, n = 0, len(text)
    while n - pos > size:
        end = pos + size
        cut = end
        for pattern in _BREAKS:  # the last break of the best kind within the second half of the window
            last = None
            for m in pattern.finditer(text, pos + size // 2, end):
                last = m
            if last is not None:
                cut = last.end()
                break
        starts.append(cut)
        pos = cut
    return starts


def split(stories: Sequence[Story], size: int = SEGMENT_CHARS) -> list[Story]:
    """The stories with every long one (within the size limit) replaced by its segments, in order."""
    out: list[Story] = []
    for s in stories:
        if len(s.text) <= size or over_limit(s.text) is not None:
            out.append(s)
            continue
        starts = cut_points(s.text, size)
        ends = starts[1:] + [len(s.text)]
        for i, (a, b) in enumerate(zip(starts, ends, strict=True)):
            if not s.text[a:b].strip():
                continue
            meta = dict(s.meta)
            meta[SEGMENT_KEY] = (a, i, len(starts))
            out.append(replace(s, text=s.text[a:b], meta=meta))
    return out


def groups(stories: Sequence[Story], size: int = SEGMENT_CHARS) -> Iterator[list[Story]]:
    """The batch in parsing groups, in order: runs of stories coded whole, and each segment of a long story
    alone (spaCy parses a group at once, so a long story's segments never share the parser's memory)."""
    run: list[Story] = []
    for s in split(stories, size):
        if SEGMENT_KEY in s.meta:
            if run:
                yield run
                run = []
            yield [s]
        else:
            run.append(s)
    if run:
        yield run


class Joiner:
    """Joins the records of segments back into their story (offsets, sentence indexes, event ids)."""

    def __init__(self) -> None:
        self._sentences: dict[str, int] = {}

    def records(self, story: Story, records: list[EventRecord], doc: Any) -> list[EventRecord]:
        seg = story.meta.get(SEGMENT_KEY)
        if seg is None:
            return records
        offset, index, _ = seg
        base = 0 if index == 0 else self._sentences.get(story.id, 0)
        self._sentences[story.id] = base + sum(1 for _ in doc.sents)
        return [shift(r, offset, base) for r in records]


def shift(rec: EventRecord, offset: int, sentences: int) -> EventRecord:
    """A segment's record as a record of the whole story: offsets moved by ``offset``, sentence indexes by
    ``sentences``, and the event id computed again from the moved values."""
    out = copy.deepcopy(rec)
    out["sentence_index"] = int(rec["sentence_index"] or 0) + sentences
    ev: Any = out["evidence"]
    parts: list[Any] = [ev, ev.get("trigger"), out.get("source"), out.get("target"), out.get("location")]
    for span in parts:
        if span is None:
            continue
        for key in ("start", "end"):
            if isinstance(span.get(key), int):
                span[key] += offset
    out["event_id"] = record_id(out)
    return out


def record_id(rec: EventRecord) -> str:
    """The event id of a record, from its own fields (the same value ``record.event_id`` gives its mention)."""
    source: Any = rec.get("source") or {}
    target: Any = rec.get("target") or {}
    src, tgt = source.get("code") or "", target.get("code") or ""
    trigger: Any = rec["evidence"].get("trigger") or {}
    key = f"{rec['story_id']}|{rec['sentence_index']}|{trigger.get('start')}|{rec['cameo']}|{src}|{tgt}"
    return "e-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def one_reject_per_story(rejects: list[Reject]) -> Iterator[Reject]:
    """Rejects with at most one per story (several segments of one story may fail alike)."""
    seen: set[str] = set()
    for r in rejects:
        if r.story_id is not None:
            if r.story_id in seen:
                continue
            seen.add(r.story_id)
        yield r
