"""The one batch function everything runs: ``Coder.code_batch(stories) -> (records, rejects)``.

The CLI, the process pool (``code_stories(..., workers=N)``) and later Spark/Dask partitions call the same
function. It does no I/O and keeps no mutable state between batches beyond the loaded pipeline and
dictionaries.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import nlp as _nlp
from . import segments
from .actors import ActorCoder
from .config import resolve_dictionaries, resolve_model, resolve_prefilter
from .errors import EventwireError
from .events import EventCoder
from .ingest.limits import over_limit, too_long
from .ingest.normalize import normalize
from .mentions import ActorMention, EventMention
from .place import Locator
from .prefilter import TriggerFilter
from .record import EventRecord, build_record
from .story import Reject, Story
from .when import event_dates


@dataclass(slots=True)
class Analysis:
    """Everything eventwire found in one story (for ``explain``, ``actors`` and tests)."""

    story: Story
    doc: Any
    actors: list[ActorMention]
    events: list[EventMention]
    records: list[EventRecord] = field(default_factory=list)


@dataclass(slots=True)
class BatchResult:
    records: list[EventRecord]
    rejects: list[Reject]
    stories: int  # stories coded (not rejected) in this batch
    story_ids: list[str] = field(default_factory=list)  # ids of the stories of this batch, in input order


class Coder:
    """Holds the loaded spaCy pipeline and the compiled dictionaries of every stage."""

    def __init__(
        self,
        model: str | None = None,
        *,
        ner: bool = False,
        dictionaries: Sequence[str] | None = None,
        prefilter: bool | None = None,
    ) -> None:
        """``prefilter``: sentences without a possible trigger word skip the spaCy models
        (``eventwire.prefilter``); ``None`` takes ``config.resolve_prefilter`` (off unless configured on)."""
        self.model = resolve_model(model)
        self.dictionaries = resolve_dictionaries(dictionaries)
        self.nlp = _nlp.load(self.model, ner=ner)
        self.actors = ActorCoder(extra=[Path(p) for p in self.dictionaries])
        self.events = EventCoder()
        self.locator = Locator()
        # the trigger vocabulary is the loaded event tables' own: words added to the data are triggers at once
        self.prefilter: TriggerFilter | None = None
        if resolve_prefilter(prefilter):
            self.prefilter = TriggerFilter(self.nlp, self.events.needed_lemmas)
        # Title-Case headlines: the words that may be event words are written in lower case for the parser
        # ... but not a large city's name ("Visits Shanghai": "shanghai" is also a verb)
        words = self.prefilter or TriggerFilter(self.nlp, self.events.needed_lemmas)
        self.actors.recase.common = lambda w: (
            (words.could_trigger(w.lower()) or words.common_word(w.lower())) and not _large_city(self.locator, w)
        )
        self.actors.recase.kind = lambda w: "" if _large_city(self.locator, w) else words.modifier_or_noun(w)

    # -- the batch function -------------------------------------------------------------------------
    def code_batch(self, stories: Sequence[Story]) -> tuple[list[EventRecord], list[Reject]]:
        """Code a batch of stories. A story that fails is returned as a ``Reject``; the batch goes on."""
        records: list[EventRecord] = []
        rejects: list[Reject] = []
        joiner = segments.Joiner()  # a long story is coded in segments (bounded memory, linear time)
        for group in segments.groups(stories):
            for a in self.analyze_batch(group, rejects):
                records.extend(joiner.records(a.story, a.records, a.doc))
        return records, list(segments.one_reject_per_story(rejects))

    def analyze_batch(self, stories: Sequence[Story], rejects: list[Reject]) -> Iterator[Analysis]:
        ok: list[Story] = []
        for s in stories:
            reason = check_story(s)
            if reason:
                rejects.append(Reject(origin=s.origin, reason=reason[1], code=reason[0], story_id=s.id))
            else:
                ok.append(s)
        for story, doc in self._parse(ok):
            try:
                if isinstance(doc, Exception):
                    raise doc
                yield self._analyze_doc(story, doc)
            except EventwireError as e:
                rejects.append(Reject(origin=story.origin, reason=e.message, code=e.code, story_id=story.id))
            except Exception as e:  # noqa: BLE001 - one bad story never stops a batch
                rejects.append(Reject.of("E900", story.origin, story_id=story.id, kind=type(e).__name__, reason=e))

    def _parse(self, stories: list[Story]) -> Iterator[tuple[Story, Any]]:
        """Each story with its parse, or with the exception parsing it raised. spaCy parses in batches and an
        error ends its stream: the stories from the broken batch on are then parsed one by one, so only a story
        that fails on its own is rejected."""

        def texts(ss: list[Story]) -> Iterator[str]:
            # ALL-CAPS headlines and all-lower-case stories in normal case for the parser (same length:
            # actors/recase.py)
            return (self.actors.recase(normalize(s.text)) for s in ss)

        done = 0
        try:
            for doc in _nlp.pipe(self.nlp, texts(stories), prefilter=self.prefilter):
                yield stories[done], doc
                done += 1
            return
        except Exception:  # noqa: BLE001, S110 - the stream broke somewhere in its current batch: go on one by one
            pass
        for story in stories[done:]:
            try:
                doc = next(iter(_nlp.pipe(self.nlp, texts([story]), prefilter=self.prefilter)))
            except Exception as e:  # noqa: BLE001 - this story's own failure, rejected by the caller
                yield story, e
            else:
                yield story, doc

    def analyze(self, story: Story) -> Analysis:
        rejects: list[Reject] = []
        out = list(self.analyze_batch([story], rejects))
        if rejects:
            from .errors import InputError

            raise InputError(rejects[0].reason, code=rejects[0].code, where=rejects[0].origin)
        return out[0]

    def _analyze_doc(self, story: Story, doc: Any) -> Analysis:
        actors = self.actors.code(doc, story)
        events = self.events.code(doc, story, actors)
        dates = event_dates(doc, story, events)
        places = self.locator.locate(doc, story, events, actors)
        records = [build_record(story, ev, when, where) for ev, when, where in zip(events, dates, places, strict=True)]
        return Analysis(story, doc, actors, events, records)


def check_story(story: Story) -> tuple[str, str] | None:
    """(code, reason) when a story cannot be coded, else ``None``."""
    if not story.text or not story.text.strip():
        return ("E110", "story has no text")
    if (size := over_limit(story.text)) is not None:
        return ("E111", too_long(size))
    return None


# -- process pool ---------------------------------------------------------------------------------------
_WORKER: Coder | None = None
_WORKER_ERROR: BaseException | None = None


def _init_worker(
    model: str | None, ner: bool, dictionaries: list[str] | None = None, prefilter: bool | None = None
) -> None:
    # An initializer that raises makes multiprocessing restart the worker forever: keep the error and
    # raise it from the first task instead, so the parent stops with a clean message.
    global _WORKER, _WORKER_ERROR
    try:
        _WORKER = Coder(model, ner=ner, dictionaries=dictionaries, prefilter=prefilter)
    except Exception as e:  # noqa: BLE001
        _WORKER_ERROR = e


def _work(batch: list[Story]) -> tuple[list[EventRecord], list[Reject], int]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    assert _WORKER is not None
    records, rejects = _WORKER.code_batch(batch)
    return records, rejects, len(batch) - len([r for r in rejects if r.story_id is not None])


def batches(items: Iterable[Story | Reject], size: int) -> Iterator[tuple[list[Story], list[Reject]]]:
    """Group stories into batches; ingest rejects travel with the batch they were met in."""
    stories: list[Story] = []
    rejects: list[Reject] = []
    for it in items:
        if isinstance(it, Reject):
            rejects.append(it)
        else:
            stories.append(it)
        if len(stories) >= size:
            yield stories, rejects
            stories, rejects = [], []
    if stories or rejects:
        yield stories, rejects


def code_stories(
    items: Iterable[Story | Reject],
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 32,
    ner: bool = False,
    coder: Coder | None = None,
    read_ahead: int = 2,
    dictionaries: Sequence[str] | None = None,
    prefilter: bool | None = None,
) -> Iterator[BatchResult]:
    """Code stories (and pass ingest rejects through) batch by batch, in input order.

    With ``workers > 1`` batches are spread over a process pool (each process loads the pipeline once);
    results come back in input order, and at most ``workers * read_ahead`` batches are in flight, so a huge
    corpus is never read into memory ahead of the coding.
    """
    if workers <= 1:
        c = coder or Coder(model, ner=ner, dictionaries=dictionaries, prefilter=prefilter)
        for stories, pre in batches(items, batch_size):
            records, rejects = c.code_batch(stories)
            yield BatchResult(records, pre + rejects, len(stories) - len(rejects), [s.id for s in stories])
        return

    import multiprocessing as mp
    from collections import deque

    ctx = mp.get_context("forkserver" if os.name == "posix" else "spawn")
    limit = max(1, workers * read_ahead)
    dicts = resolve_dictionaries(dictionaries)
    with ctx.Pool(
        workers, initializer=_init_worker, initargs=(model, ner, dicts, resolve_prefilter(prefilter))
    ) as pool:
        pending: deque[tuple[Any, list[Reject], list[str]]] = deque()
        for stories, pre in batches(items, batch_size):
            pending.append((pool.apply_async(_work, (stories,)), pre, [s.id for s in stories]))
            while len(pending) >= limit:
                yield _collect(pending.popleft())
        while pending:
            yield _collect(pending.popleft())


def _collect(item: tuple[Any, list[Reject], list[str]]) -> BatchResult:
    result, pre, ids = item
    records, rejects, n = result.get()
    return BatchResult(records, pre + rejects, n, ids)


LARGE_CITY = 500_000  # people: a city this large keeps its capital letter in a Title-Case headline


def _large_city(locator: Locator, word: str) -> bool:
    """Is ``word`` the own name (not an alternate one) of a city of ``LARGE_CITY`` people or more?"""
    return any(not alt and p.kind == "city" and p.population >= LARGE_CITY for p, alt in locator.gazetteer.lookup(word))
