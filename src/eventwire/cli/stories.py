"""``eventwire stories``: show what ingest understood of each input."""

from __future__ import annotations

import sys

import click

from ..ingest import read_paths
from ..story import Reject
from ._common import EXIT_NOTHING, handle_errors, json_line, table


@click.command("stories")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@handle_errors
def command(paths: tuple[str, ...], fmt: str) -> None:
    """Print the parsed Story records (id, date, place, agency, title, text ...) of PATHS.

    \b
    Example:
      eventwire stories examples/baku-meeting.txt
    """
    n_ok = n_bad = 0
    rows = []
    for item in read_paths(paths):
        if isinstance(item, Reject):
            n_bad += 1
            click.echo(f"eventwire: rejected {item}", err=True)
            continue
        n_ok += 1
        if fmt == "jsonl":
            click.echo(json_line(item.to_dict()))
        else:
            rows.append([item.id, item.date or "", item.place or "", item.agency or "",
                         item.text[:50].replace("\n", " ")])
    if fmt == "table":
        click.echo(table(["id", "date", "place", "agency", "text"], rows), nl=False)
    click.echo(f"eventwire: {n_ok} stories, {n_bad} rejected", err=True)
    if n_ok == 0:
        sys.exit(EXIT_NOTHING)
