"""The write queue: ``POST /api/v1/stories`` adds a job; one writer thread owns the store's writes.

A job does what ``eventwire run`` does for its stories (``runner.run_corpus``): each story's content hash
is looked up first and a story already stored with the same hash is skipped (so posting it again adds
nothing); the rest are coded in batches, each batch committed in one transaction
(``store.write.write_batch``), the run recorded in ``runs`` (``inputs`` = ``["api:<job id>"]``), and the
de-duplicated events brought up to date at the end with the store's de-duplication parameters.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import queue
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from ..errors import EventwireError, error
from ..runner import begin_run, end_run
from ..store.db import Store
from ..store.dedup import DedupParams, deduplicate
from ..store.write import known_hashes, story_hash, write_batch
from ..story import Reject, Story
from .state import ServerState

log = logging.getLogger("eventwire.serve")
BATCH = 32
KEEP_JOBS = 1000


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(tzinfo=None)


@dataclass
class Job:
    job_id: str
    stories: list[Story]
    input_rejects: list[Reject]
    status: str = "queued"
    coded: int = 0
    skipped: int = 0
    rejected: int = 0
    mentions: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)
    created: _dt.datetime = field(default_factory=_now)
    started: _dt.datetime | None = None
    finished: _dt.datetime | None = None
    error: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        def iso(d: _dt.datetime | None) -> str | None:
            return d.isoformat(timespec="seconds") + "Z" if d else None

        return {
            "job_id": self.job_id,
            "status": self.status,
            "stories": len(self.stories) + len(self.input_rejects),
            "coded": self.coded,
            "skipped": self.skipped,
            "rejected": self.rejected,
            "mentions": self.mentions,
            "events": self.events,
            "rejects": [r.to_dict() for r in self.rejects],
            "created": iso(self.created),
            "started": iso(self.started),
            "finished": iso(self.finished),
            "error": self.error,
        }


class JobQueue:
    """Jobs in arrival order, run one at a time by the writer thread on its own cursor of the store."""

    def __init__(self, state: ServerState, max_waiting: int = 16) -> None:
        self.state = state
        self.max_waiting = max_waiting
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop, name="eventwire-writer", daemon=True)
        self._thread.start()

    @property
    def waiting(self) -> int:
        return self._queue.qsize()

    def submit(self, stories: list[Story], input_rejects: list[Reject]) -> Job:
        if self._queue.qsize() >= self.max_waiting:
            raise error("E710", n=self._queue.qsize())
        job = Job("j-" + uuid.uuid4().hex[:16], stories, input_rejects)
        with self._lock:
            self._jobs[job.job_id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def stop(self, timeout: float = 30.0) -> None:
        self._queue.put(None)
        self._thread.join(timeout)

    def _loop(self) -> None:
        writer = self.state.store.cursor()
        try:
            while (job := self._queue.get()) is not None:
                job.status, job.started = "running", _now()
                try:
                    run(writer, self.state, job)
                    job.status = "done"
                except EventwireError as e:
                    job.status, job.error = "failed", {"code": e.code, "message": e.message}
                except Exception as e:  # noqa: BLE001 - a failed job must not stop the writer
                    log.exception("write job %s failed", job.job_id)
                    job.status = "failed"
                    job.error = {"code": "E799", "message": f"internal error ({type(e).__name__})"}
                job.finished = _now()
        finally:
            writer.close()


def run(store: Store, state: ServerState, job: Job) -> None:
    """Code and store the stories of ``job`` (see the module docstring)."""
    run_id = "run-" + _now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    params = _dedup_params(store)
    begin_run(store, run_id, [f"api:{job.job_id}"], model=state.model_name, workers=1, batch_size=BATCH, params=params)
    status = "failed"
    try:
        known = known_hashes(store, [s.id for s in job.stories])
        todo = [s for s in job.stories if known.get(s.id) != story_hash(s)]
        job.skipped = len(job.stories) - len(todo)
        pending = list(job.input_rejects)
        job.rejects.extend(pending)
        for i in range(0, max(len(todo), 1 if pending else 0), BATCH):
            batch = todo[i : i + BATCH]
            records, rejects = _code(state, batch)
            ids = {s.id for s in batch}
            n_rej = len({r.story_id for r in rejects if r.story_id in ids})
            write_batch(
                store,
                batch,
                records,
                list(rejects) + pending,
                run_id=run_id,
                run_counts={
                    "stories_read": len(batch) + len(pending),
                    "stories_coded": len(batch) - n_rej,
                    "stories_rejected": n_rej,
                    "input_rejects": len(pending),
                    "mentions": len(records),
                },
            )
            job.rejects.extend(rejects)
            job.coded += len(batch) - n_rej
            job.rejected += n_rej + len(pending)
            job.mentions += len(records)
            pending = []
            state.cache.changed()
        job.events = deduplicate(store, params)["events"]
        state.cache.changed()
        status = "done"
    finally:
        end_run(store, run_id, status, job.skipped, job.events)


def _code(state: ServerState, batch: list[Story]) -> tuple[list[Any], list[Reject]]:
    if not batch:
        return [], []
    return state.with_coder(lambda c: c.code_batch(batch))


def _dedup_params(store: Store) -> DedupParams:
    """The store's de-duplication parameters (the ones its last run used), so a job re-clusters nothing else."""
    raw = store.meta("dedup_params")
    if not raw:
        return DedupParams()
    try:
        return DedupParams(**json.loads(raw))
    except (TypeError, ValueError, EventwireError):
        return DedupParams()
