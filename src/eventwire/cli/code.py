"""``eventwire code``: code stories into event records."""

from __future__ import annotations

import sys

import click

from ..ingest import read_paths
from ..pipeline import code_stories
from ._common import EXIT_NOTHING, Progress, RecordWriter, handle_errors, json_line, open_output
from ._confidence import keep, min_confidence_option
from ._reliability import max_story_bytes_option


@click.command("code")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "csv", "table"]),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write events here instead of stdout.")
@click.option("--rejects", type=click.Path(dir_okay=False), help="Write rejected inputs here (JSONL with reasons).")
@click.option("--model", help="spaCy pipeline (package name or path); default from EVENTWIRE_MODEL / config.")
@click.option(
    "--dictionaries",
    "-d",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor dictionary (YAML, e.g. from `eventwire dictionaries import-petrarch`); repeatable.",
)
@click.option(
    "--workers",
    "-w",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes to spread stories over (output order stays the input order).",
)
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True)
@click.option(
    "--fallback-encoding",
    metavar="ENC",
    help="Decode input that is not UTF-8 with ENC (e.g. cp1252) instead of rejecting it.",
)
@click.option("--progress/--no-progress", default=None, help="Progress on stderr (default: when a terminal).")
@click.option(
    "--prefilter/--no-prefilter",
    default=None,
    help="Sentences without a possible trigger word skip the parser (default: EVENTWIRE_PREFILTER / config, else off).",
)
@min_confidence_option("code")
@max_story_bytes_option
@handle_errors
def command(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    rejects: str | None,
    model: str | None,
    dictionaries: tuple[str, ...],
    workers: int,
    batch_size: int,
    fallback_encoding: str | None,
    progress: bool | None,
    prefilter: bool | None = None,
    min_confidence: float | None = None,
) -> None:
    """Code news stories into CAMEO/PLOVER event records (JSONL on stdout by default).

    PATHS are story files (plain text, .jsonl, .csv, .html, optionally .gz), folders (read recursively) or
    - for JSONL on stdin. Bad inputs are reported on stderr, written to --rejects and counted; the run goes on.

    \b
    Example:
      eventwire code examples/baku-meeting.txt --format table
    """
    out = open_output(output)
    writer = RecordWriter(out, fmt)
    rej_out = open(rejects, "w", encoding="utf-8") if rejects else None
    bar = Progress("stories", progress)
    n_stories = n_events = n_rejects = n_dropped = 0
    try:
        stories = read_paths(paths, fallback_encoding=fallback_encoding)
        for res in code_stories(
            stories,
            model=model,
            workers=workers,
            batch_size=batch_size,
            dictionaries=list(dictionaries) or None,
            prefilter=prefilter,
        ):
            records = keep(res.records, min_confidence)
            n_dropped += len(res.records) - len(records)
            writer.write(records)
            for r in res.rejects:
                click.echo(f"eventwire: rejected {r}", err=True)
                if rej_out:
                    rej_out.write(json_line(r.to_dict()) + "\n")
            n_stories += res.stories
            n_events += len(records)
            n_rejects += len(res.rejects)
            bar.advance(res.stories + len(res.rejects))
        writer.close()
    finally:
        bar.close()
        if rej_out:
            rej_out.close()
        if out is not sys.stdout:
            out.close()
    below = f" ({n_dropped} below --min-confidence {min_confidence} left out)" if min_confidence is not None else ""
    click.echo(f"eventwire: {n_stories} stories coded, {n_events} events{below}, {n_rejects} rejected", err=True)
    if n_stories == 0:
        sys.exit(EXIT_NOTHING)
