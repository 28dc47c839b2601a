"""``eventwire serve``: the JSON API and the dashboard over a store (needs the ``serve`` extra)."""

from __future__ import annotations

import os
import signal
import stat
from pathlib import Path
from types import FrameType

import click

from ..errors import error
from ..store.db import DEFAULT_DB
from ._common import handle_errors

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def read_token(token_file: str | None) -> str | None:
    """The write token: from ``token_file`` (its first line), else ``EVENTWIRE_TOKEN``, else ``None``."""
    if token_file:
        p = Path(token_file)
        try:
            text = p.read_text("utf-8")
            mode = p.stat().st_mode
        except (OSError, UnicodeDecodeError) as e:
            raise error("E713", path=token_file, reason=getattr(e, "strerror", None) or str(e)) from e
        token = text.strip().splitlines()[0].strip() if text.strip() else ""
        if not token:
            raise error("E713", path=token_file, reason="the file is empty")
        if mode & (stat.S_IRGRP | stat.S_IROTH):
            click.echo(f"eventwire: warning: {token_file} is readable by other users (chmod 600 it)", err=True)
        return token
    return os.environ.get("EVENTWIRE_TOKEN") or None


@click.command("serve")
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The store file (created when missing). The server holds it while it runs.",
)
@click.option(
    "--parquet",
    type=click.Path(file_okay=False),
    help="Serve the Parquet dataset of `eventwire spark-run --out DIR` instead of a store (read-only).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False),
    help="File holding the token that enables writes (POST /api/v1/stories); else EVENTWIRE_TOKEN.",
)
@click.option("--cors-origin", help="Allow cross-origin requests from this one origin (none by default).")
@click.option(
    "--max-body-bytes",
    type=click.IntRange(1),
    default=5_000_000,
    show_default=True,
    help="Largest request body; larger ones get 413.",
)
@click.option(
    "--query-timeout",
    type=click.FloatRange(0),
    default=10.0,
    show_default=True,
    help="Seconds after which a query is stopped (503); 0: no limit.",
)
@click.option(
    "--cache-entries",
    type=click.IntRange(0),
    default=512,
    show_default=True,
    help="Answers of read requests kept until the store changes (0: none).",
)
@click.option("--model", help="spaCy pipeline for coding requests (loaded on first use).")
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
    show_default=True,
)
@handle_errors
def command(
    db: str,
    parquet: str | None,
    host: str,
    port: int,
    token_file: str | None,
    cors_origin: str | None,
    max_body_bytes: int,
    query_timeout: float,
    cache_entries: int,
    model: str | None,
    log_level: str,
) -> None:
    """Serve a store: a JSON API under /api/v1 (docs at /docs) and the dashboard at /.

    Writes need a token: --token-file FILE (or EVENTWIRE_TOKEN) and `Authorization: Bearer <token>`.
    While the server runs it owns the store: `eventwire run` on it fails; post stories to the API.

    \b
    Example:
      eventwire serve --db events.duckdb --token-file ~/.eventwire-token
      eventwire serve --parquet out/        # a spark-run dataset, read-only
      curl 'http://127.0.0.1:8000/api/v1/events?actor=AZE&limit=5'
    """
    token = read_token(token_file)
    try:
        import uvicorn

        from ..serve.app import create_app
    except ImportError as e:
        raise error("E711", reason=str(e)) from e
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}"
    app = create_app(
        parquet or db,
        parquet=bool(parquet),
        token=token,
        max_body_bytes=max_body_bytes,
        cors_origin=cors_origin,
        query_timeout_s=query_timeout or None,
        model=model,
        cache_entries=cache_entries,
        url=url,
    )
    if host not in LOOPBACK:
        click.echo(f"eventwire: warning: listening on {host}: other machines can reach this server", err=True)
    writes = "disabled: a Parquet dataset is read-only" if parquet else "enabled" if token else "disabled: no token"
    click.echo(f"eventwire: serving {parquet or db} at {url} (API docs {url}/docs; writes {writes})", err=True)
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then raises the signal again: let it end here, after
    # the store is released (the writer's last batch committed, the info file removed).
    previous = signal.signal(signal.SIGTERM, _exit_quietly)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
    except KeyboardInterrupt:
        pass
    finally:
        app.state.ew.close()
        signal.signal(signal.SIGTERM, previous)


def _exit_quietly(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)
