"""``eventwire run``: code a corpus into a DuckDB event store (resumable, idempotent, parallel)."""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from ..runner import RunStats, run_corpus
from ..store.db import DEFAULT_DB
from ..store.dedup import DedupParams
from ._common import EXIT_NOTHING, handle_errors
from ._confidence import min_confidence_option, run_summary
from ._reliability import max_story_bytes_option, signals_as_interrupt


def dedup_options(fn: Any) -> Any:
    """The de-duplication options (shared with other commands that re-cluster)."""
    opts = [
        click.option(
            "--window",
            "window_days",
            type=click.IntRange(0, 365),
            default=1,
            show_default=True,
            help="De-duplication: mentions within this many days of an event join it.",
        ),
        click.option(
            "--dedup-actors",
            "actor_level",
            type=click.Choice(["country", "code"]),
            default="country",
            show_default=True,
            help="De-duplication: compare actors by country or full actor code.",
        ),
        click.option(
            "--dedup-codes",
            "code_level",
            type=click.Choice(["root", "code", "quad"]),
            default="root",
            show_default=True,
            help="De-duplication: codes must share the CAMEO root, code or quad.",
        ),
        click.option(
            "--dedup-location",
            "location",
            type=click.Choice(["country", "ignore"]),
            default="country",
            show_default=True,
            help="De-duplication: differing location countries keep mentions apart (or ignore).",
        ),
        click.option(
            "--directed", is_flag=True, help="De-duplication: A→B and B→A are different dyads (default: the same)."
        ),
    ]
    for o in reversed(opts):
        fn = o(fn)
    return fn


def _hms(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class RunProgress:
    """Progress on stderr: a line redrawn on a terminal, else a line at most every ``every`` seconds
    (and always after the first committed batch and at the end)."""

    def __init__(self, tty: bool, every: float = 5.0) -> None:
        self.tty, self.every = tty, (0.2 if tty else every)
        self._last = -1e9
        self._shown_first_batch = False

    def __call__(self, st: RunStats) -> None:
        now = time.monotonic()
        first_batch = st.batches >= 1 and not self._shown_first_batch
        if not (st.finished or first_batch or now - self._last >= self.every):
            return
        self._shown_first_batch = self._shown_first_batch or st.batches >= 1
        self._last = now
        total = f"/{st.total}" if st.total is not None else ""
        pct = f" {100 * st.done / st.total:5.1f}%" if st.total else ""
        eta = f" · ETA {_hms(st.eta)}" if st.eta is not None and not st.finished else ""
        line = (
            f"{st.done}{total} stories{pct} · {st.rate:.1f} stories/s{eta} · {st.coded} coded, "
            f"{st.skipped} skipped, {st.rejected + st.input_rejects} rejected · {st.mentions} mentions"
            + (f" · batch {st.batches} committed" if st.batches else "")
        )
        if self.tty:
            sys.stderr.write("\r\033[K" + line + ("\n" if st.finished else ""))
        else:
            sys.stderr.write("eventwire run: " + line + "\n")
        sys.stderr.flush()


@click.command("run")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The DuckDB store file (created when missing).",
)
@click.option(
    "--workers",
    "-w",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Coding processes; this process is the only writer.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=32,
    show_default=True,
    help="Stories per batch (one transaction each).",
)
@click.option("--model", help="spaCy pipeline (package name or path); default from EVENTWIRE_MODEL / config.")
@click.option(
    "--dedup/--no-dedup",
    default=True,
    show_default=True,
    help="Bring the de-duplicated events up to date at the end of the run.",
)
@dedup_options
@click.option(
    "--count/--no-count", default=True, show_default=True, help="Count the inputs in the background to show an ETA."
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress on stderr (default: on; redrawn on a terminal, one line per batch otherwise).",
)
@min_confidence_option("run")
@max_story_bytes_option
@handle_errors
@signals_as_interrupt
def command(
    paths: tuple[str, ...],
    db: str,
    workers: int,
    batch_size: int,
    model: str | None,
    dedup: bool,
    window_days: int,
    actor_level: str,
    code_level: str,
    location: str,
    directed: bool,
    count: bool,
    progress: bool | None,
    min_confidence: float | None = None,
) -> None:
    """Code a corpus into an event store: stories, event mentions, de-duplicated events, actors, rejects.

    Re-running adds nothing for stories already stored with the same content; a changed story replaces
    its own events; an interrupted run (Ctrl-C, kill -9) resumes where its last committed batch ended.

    \b
    Example:
      eventwire run examples/ --db events.duckdb --workers 2
      eventwire query --db events.duckdb --dyad AZE-RUS --undirected --agg month
    """
    params = DedupParams(
        window_days=window_days, actor_level=actor_level, directed=directed, code_level=code_level, location=location
    )
    show = True if progress is None else progress
    bar = RunProgress(sys.stderr.isatty()) if show else None
    try:
        st = run_corpus(
            list(paths),
            db,
            workers=workers,
            batch_size=batch_size,
            model=model,
            dedup=dedup,
            dedup_params=params,
            count=count,
            progress=bar,
        )
    except KeyboardInterrupt:
        click.echo("\neventwire: interrupted; committed batches are kept — run the same command to resume", err=True)
        sys.exit(130)
    click.echo(
        f"eventwire: {st.coded} stories coded, {st.skipped} already stored, "
        f"{st.rejected + st.input_rejects} rejected, {st.mentions} event mentions, "
        f"{st.events} events (re)clustered in {_hms(st.elapsed)} → {db}",
        err=True,
    )
    if (line := run_summary(db, min_confidence)) is not None:
        click.echo(line, err=True)
    if st.coded + st.skipped + st.rejected == 0:
        sys.exit(EXIT_NOTHING)
