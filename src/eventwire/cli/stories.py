"""``eventwire stories``: show what ingest understood of each input."""

from __future__ import annotations

import sys

import click

from ..ingest import read_paths
from ..story import Reject
from ._common import EXIT_NOTHING, handle_errors, json_line, table


@click.command("stories")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one Story per line; table: id, date, place, agency and the start of the text.",
)
@click.option("--rejects", type=click.Path(dir_okay=False), help="Write rejected inputs here (JSONL with reasons).")
@click.option(
    "--fallback-encoding",
    metavar="ENC",
    help="Decode input that is not UTF-8 with ENC (e.g. cp1252) instead of rejecting it "
    "(default: $EVENTWIRE_FALLBACK_ENCODING).",
)
@handle_errors
def command(paths: tuple[str, ...], fmt: str, rejects: str | None, fallback_encoding: str | None) -> None:
    """Print the parsed Story records (id, date, place, agency, title, text ...) of PATHS.

    PATHS are story files (plain text, .jsonl, .json, .csv, .html, optionally .gz), folders (read
    recursively) or - for JSONL on stdin. Rejected inputs are reported on stderr with their reason.

    \b
    Example:
      eventwire stories examples/baku-meeting.txt --format table
    """
    n_ok = n_bad = 0
    rows = []
    rej_out = open(rejects, "w", encoding="utf-8") if rejects else None
    try:
        for item in read_paths(paths, fallback_encoding=fallback_encoding):
            if isinstance(item, Reject):
                n_bad += 1
                click.echo(f"eventwire: rejected {item}", err=True)
                if rej_out:
                    rej_out.write(json_line(item.to_dict()) + "\n")
                continue
            n_ok += 1
            if fmt == "jsonl":
                click.echo(json_line(item.to_dict()))
            else:
                rows.append(
                    [item.id, item.date or "", item.place or "", item.agency or "", item.text[:50].replace("\n", " ")]
                )
    finally:
        if rej_out:
            rej_out.close()
    if fmt == "table":
        click.echo(table(["id", "date", "place", "agency", "text"], rows), nl=False)
    click.echo(f"eventwire: {n_ok} stories, {n_bad} rejected", err=True)
    if n_ok == 0:
        sys.exit(EXIT_NOTHING)
