"""The server's settings: the store, the token, the limits."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BODY = 5_000_000
DEFAULT_QUERY_TIMEOUT = 10.0
MAX_LIMIT = 1000  # rows in one page of /events or /mentions
MAX_GROUPS = 100_000  # groups in one /aggregate answer without ``top``


@dataclass(frozen=True, slots=True)
class Settings:
    """What ``create_app`` was given (see its docstring)."""

    db_path: str
    parquet: bool = False  # db_path is a Parquet dataset of `eventwire spark-run` (read-only)
    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY
    cors_origin: str | None = None
    query_timeout_s: float | None = DEFAULT_QUERY_TIMEOUT
    model: str | None = None
    max_code_stories: int = 100
    max_job_stories: int = 10_000
    max_queued_jobs: int = 16
    cache_entries: int = 512  # answers of read endpoints kept until the store changes (0: none)
    url: str | None = None
