"""``run_corpus``: drive the pipeline into the store — code a corpus — resumable, idempotent, parallel with one writer.

1. Stories are read with ``ingest.read_paths``.  Each story's content hash is looked up in the store (in
   chunks) *before* coding: a story already stored with the same hash is skipped, so a resumed or repeated
   run only codes what is new or changed.
2. The rest go through ``pipeline.code_stories`` (batches; a process pool with ``workers > 1``).  This
   process is the only writer: each coded batch (story rows, mentions, actors, rejects and the run's
   counters) is committed in one transaction, so ``kill -9`` loses at most the batches in flight.
3. At the end the de-duplicated events are brought up to date (``dedup.deduplicate``, incremental).  A
   run killed before that point leaves pending mentions, which the next run (even one that codes
   nothing) de-duplicates.

A background thread counts the inputs (one extra parse of the files, without coding, which is cheap next
to coding) so progress can show an ETA; reading stdin is never counted.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import _interrupt
from ._version import __version__
from .errors import StoreError, error
from .ingest import read_paths
from .pipeline import BatchResult, Coder, code_stories
from .store.db import DEFAULT_DB, Store, open_store
from .store.dedup import DedupParams, deduplicate
from .store.write import known_hashes, story_hash, write_batch
from .story import Reject, Story

LOOKUP_CHUNK = 256
_DATA_PACKAGES = ("actors", "events", "place", "ingest")


def dictionary_version() -> str:
    """A hash of every data file shipped in the package (dictionaries, patterns, tables, schema)."""
    h = hashlib.sha1()
    root = resources.files("eventwire")
    entries: list[tuple[str, bytes]] = []
    for pkg in _DATA_PACKAGES:
        d = root.joinpath(pkg, "data")
        if not d.is_dir():
            continue
        for f in d.iterdir():
            if f.is_file():
                entries.append((f"{pkg}/{f.name}", f.read_bytes()))
    schema = root.joinpath("schema", "event.schema.json")
    if schema.is_file():
        entries.append(("schema/event.schema.json", schema.read_bytes()))
    for name, data in sorted(entries):
        h.update(name.encode())
        h.update(b"\0")
        h.update(data)
    return "d-" + h.hexdigest()[:12]


@dataclass(slots=True)
class RunStats:
    """Counters of a run, passed to the progress callback after each committed batch."""

    run_id: str
    started: float = field(default_factory=time.monotonic)
    total: int | None = None  # inputs counted by the background counter, when known
    skipped: int = 0  # stories already stored with the same content (not coded again)
    coded: int = 0  # stories coded and committed in this run
    rejected: int = 0  # stories rejected while coding, committed
    input_rejects: int = 0  # unreadable inputs
    mentions: int = 0  # event mentions committed
    batches: int = 0
    events: int = 0  # de-duplicated events written at the end
    finished: bool = False

    @property
    def done(self) -> int:
        return self.skipped + self.coded + self.rejected + self.input_rejects

    @property
    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    @property
    def rate(self) -> float:
        """Stories committed or skipped per second."""
        return self.done / self.elapsed

    @property
    def eta(self) -> float | None:
        if self.total is None or self.rate <= 0:
            return None
        return max(self.total - self.done, 0) / self.rate


ProgressFn = Callable[[RunStats], None]


def _count(paths: Sequence[str], stats: RunStats, stop: threading.Event) -> None:
    n = 0
    try:
        for _ in read_paths(paths):
            if stop.is_set():
                return
            n += 1
    except Exception:  # noqa: BLE001 - counting is best effort; the real reader reports problems
        return
    stats.total = n


def run_corpus(
    paths: Sequence[str],
    db: str | Path | Store = DEFAULT_DB,
    *,
    workers: int = 1,
    batch_size: int = 32,
    model: str | None = None,
    coder: Coder | None = None,
    dedup: bool = True,
    dedup_params: DedupParams | None = None,
    count: bool = True,
    progress: ProgressFn | None = None,
) -> RunStats:
    """Code the stories under ``paths`` into the store ``db`` (a path or an open ``Store``).

    Returns the run's counters; the ``runs`` table keeps them with the provenance of the run.
    """
    own = not isinstance(db, Store)
    store = open_store(db) if not isinstance(db, Store) else db
    try:
        return _run(
            store,
            list(paths),
            workers=workers,
            batch_size=batch_size,
            model=model,
            coder=coder,
            dedup=dedup,
            dedup_params=dedup_params,
            count=count,
            progress=progress,
        )
    finally:
        if own:
            store.close()


def begin_run(
    store: Store, run_id: str, inputs: Sequence[str], *, model: str, workers: int, batch_size: int, params: DedupParams
) -> None:
    """Record a run that starts (the ``runs`` table, provenance of every batch it writes); ``inputs`` names what it
    reads (absolute paths, ``-`` for stdin, ``api:<job>`` for the server)."""
    store.execute(
        "INSERT INTO runs (run_id, started_at, status, eventwire_version, dictionary_version, model, inputs, "
        "workers, batch_size, stories_read, stories_skipped, stories_coded, stories_rejected, input_rejects, "
        "mentions, dedup_params) VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?)",
        [
            run_id,
            _now(),
            __version__,
            dictionary_version(),
            model,
            json.dumps(list(inputs)),
            workers,
            batch_size,
            params.to_json(),
        ],
    )
    store.set_meta("eventwire_version", __version__)


def end_run(store: Store, run_id: str, status: str, skipped: int, events: int) -> None:
    """Record how a run ended; a store that cannot be written any more keeps the run as 'running'. A signal
    that stopped a batch between its BEGIN and COMMIT leaves that transaction open: it is rolled back first, or
    the status would be written into it and lost when the process exits."""
    if status != "done":
        try:
            store.con.rollback()
        except Exception:  # noqa: BLE001 - no transaction was open
            pass
    try:
        store.execute(
            "UPDATE runs SET status = ?, finished_at = ?, stories_skipped = ?, events = ? WHERE run_id = ?",
            [status, _now(), skipped, events, run_id],
        )
    except StoreError:
        pass


class _Fresh:
    """The stories of ``paths`` that the store does not hold yet (same id and content hash: skipped), in input
    order; ingest rejects are set aside in ``rejects``. Every story handed out waits in ``inflight`` until its
    batch is written. With a process pool the pool's feeder thread iterates this: ``limit`` bounds how far it reads
    ahead and ``lookup`` is its own connection (DuckDB connections are not shared between threads)."""

    def __init__(
        self,
        paths: list[str],
        lookup: Store,
        stats: RunStats,
        stop: threading.Event,
        limit: threading.Semaphore | None,
        progress: ProgressFn | None,
    ) -> None:
        self.paths, self.lookup, self.stats, self.stop = paths, lookup, stats, stop
        self.limit, self.progress = limit, progress
        self.inflight: deque[Story] = deque()
        self.rejects: deque[Reject] = deque()

    def __iter__(self) -> Iterator[Story]:
        it = read_paths(self.paths)
        main = threading.current_thread() is threading.main_thread()
        while not self.stop.is_set():
            if main:
                _interrupt.check()  # a signal swallowed while coding must not leave the run waiting for input
            chunk: list[Story] = []
            for item in it:
                if isinstance(item, Reject):
                    self.rejects.append(item)
                else:
                    chunk.append(item)
                if len(chunk) >= LOOKUP_CHUNK:
                    break
            else:
                if not chunk:
                    return
            known = known_hashes(self.lookup, [s.id for s in chunk])
            skipped = 0
            for s in chunk:
                if known.get(s.id) == story_hash(s):
                    skipped += 1
                    continue
                if self.limit is not None:
                    while not self.limit.acquire(timeout=0.2):
                        if self.stop.is_set():
                            return
                self.inflight.append(s)
                yield s
            self.stats.skipped += skipped
            if skipped and self.progress:
                self.progress(self.stats)


def _write_result(store: Store, res: BatchResult, fresh: _Fresh, run_id: str, stats: RunStats) -> None:
    """Write one coded batch with the ingest rejects met so far, in one transaction; count it."""
    n = len(res.story_ids)
    batch = [fresh.inflight.popleft() for _ in range(n)]
    ids = {s.id for s in batch}
    stray = {r["story_id"] for r in res.records} - ids
    if stray:
        raise error("E530", where=store.path, ids=sorted(stray)[:3])
    pre = _drain(fresh.rejects)
    rejects = list(res.rejects) + pre
    n_rej = len({r.story_id for r in res.rejects if r.story_id in ids})
    counts = {
        "stories_read": len(batch) + len(pre),
        "stories_coded": len(batch) - n_rej,
        "stories_rejected": n_rej,
        "input_rejects": len(pre),
        "mentions": len(res.records),
    }
    write_batch(store, batch, res.records, rejects, run_id=run_id, run_counts=counts)
    stats.coded += len(batch) - n_rej
    stats.rejected += n_rej
    stats.input_rejects += len(pre)
    stats.mentions += len(res.records)
    stats.batches += 1
    if fresh.limit is not None:
        for _ in range(n):
            fresh.limit.release()


def _run(
    store: Store,
    paths: list[str],
    *,
    workers: int,
    batch_size: int,
    model: str | None,
    coder: Coder | None,
    dedup: bool,
    dedup_params: DedupParams | None,
    count: bool,
    progress: ProgressFn | None,
) -> RunStats:
    if store.read_only:
        raise error("E508", where=store.path)
    from .config import resolve_model

    params = dedup_params or DedupParams()
    run_id = "run-" + _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    stats = RunStats(run_id)
    model_name = coder.model if coder is not None else resolve_model(model)
    inputs = [os.path.abspath(p) if p != "-" else p for p in paths]
    begin_run(store, run_id, inputs, model=model_name, workers=workers, batch_size=batch_size, params=params)

    stop = threading.Event()
    if count and "-" not in paths:
        threading.Thread(target=_count, args=(paths, stats, stop), daemon=True, name="ew-count").start()
    parallel = workers > 1
    limit = threading.Semaphore(max(batch_size * workers * 4, 64)) if parallel else None
    lookup = Store(store.con.cursor(), store.path, False) if parallel else store
    fresh = _Fresh(paths, lookup, stats, stop, limit, progress)

    status = "failed"
    try:
        for res in code_stories(iter(fresh), model=model, workers=workers, batch_size=batch_size, coder=coder):
            _interrupt.check()
            _write_result(store, res, fresh, run_id, stats)
            if progress:
                progress(stats)
        rest = _drain(fresh.rejects)
        if rest:
            write_batch(
                store, [], [], rest, run_id=run_id, run_counts={"stories_read": len(rest), "input_rejects": len(rest)}
            )
            stats.input_rejects += len(rest)
        store.execute("UPDATE runs SET stories_skipped = ? WHERE run_id = ?", [stats.skipped, run_id])
        if dedup:
            stats.events = deduplicate(store, params)["events"]
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        stop.set()
        stats.finished = True
        end_run(store, run_id, status, stats.skipped, stats.events)
        if lookup is not store:
            try:
                lookup.con.close()
            except Exception:  # noqa: BLE001
                pass
    if progress:
        progress(stats)
    return stats


def _drain(q: deque[Reject]) -> list[Reject]:
    out = []
    while q:
        out.append(q.popleft())
    return out


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)
