"""``GET /api/v1/stories/{story_id}``, ``POST /api/v1/stories`` (token) and ``GET /api/v1/jobs/{job_id}``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response

from ...errors import error
from ...store import query as q
from ...store.db import Store
from ..auth import require_token
from ..items import mention_item, story_meta
from ..models import CodeRequest, Job, JobAccepted, StoryDetail
from ..state import state_of
from . import PREFIX, errors
from .code import read_body

router = APIRouter(tags=["stories"])


@router.get("/stories/{story_id}", response_model=StoryDetail, responses=errors(404, 422))
def get_story(request: Request, story_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """A stored story: its metadata, the sentences that hold events (the store keeps no full text, so
    `story.text` is null) and its event mentions with their spans and de-duplicated event ids."""

    def read(st: Store) -> dict[str, Any]:
        row = q.story(st, story_id)
        if row is None:
            raise error("E708", what="story", ident=story_id)
        mentions = q.story_mentions(st, story_id).to_pylist()
        sentences: dict[Any, dict[str, Any]] = {}
        for m in mentions:
            key = (m.get("sentence_index"), m.get("evidence_start"))
            sentences.setdefault(
                key,
                {
                    "index": m.get("sentence_index"),
                    "start": m.get("evidence_start"),
                    "end": m.get("evidence_end"),
                    "text": m.get("evidence_text") or "",
                },
            )
        return {
            "story": story_meta(row),
            "sentences": list(sentences.values()),
            "events": [mention_item(m) for m in mentions],
        }

    return state_of(request).answer(request, read)


@router.post(
    "/stories",
    status_code=202,
    response_model=JobAccepted,
    responses=errors(400, 401, 403, 413, 422),
    dependencies=[Depends(require_token)],
)
def post_stories(request: Request, response: Response, body: CodeRequest) -> dict[str, Any]:
    """Add stories to the store (needs `Authorization: Bearer <token>`).  The body is that of
    `POST /api/v1/code`.  Answers 202 with a job id at once; the writer codes and commits the stories like
    `eventwire run` (a story already stored with the same content is skipped: posting it again adds
    nothing).  `GET /api/v1/jobs/{job_id}` reports progress and per-story rejects."""
    state = state_of(request)
    stories, rejects = read_body(body, state.settings.max_job_stories)
    assert state.jobs is not None
    job = state.jobs.submit(stories, rejects)
    url = f"{PREFIX}/jobs/{job.job_id}"
    response.headers["Location"] = url
    return {"job_id": job.job_id, "status": job.status, "stories": len(stories) + len(rejects), "url": url}


@router.get("/jobs/{job_id}", response_model=Job, responses=errors(404, 422))
def get_job(request: Request, job_id: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    """A write job: `queued`, `running`, `done` or `failed`, with its counts (`coded`, `skipped` — already
    stored —, `rejected`) and the rejects of each story.  The last 1,000 jobs are kept (in memory)."""
    state = state_of(request)
    job = state.jobs.get(job_id) if state.jobs else None
    if job is None:
        raise error("E708", what="job", ident=job_id)
    return job.to_dict()
