"""``eventwire export``: write the events of a store as Parquet, CSV, JSONL, GDELT TSV or PLOVER JSON."""

from __future__ import annotations

from typing import Any

import click

from ..store.export import FORMATS, export
from ._common import handle_errors
from ._source import open_source, parquet_option
from .query import filter_options, make_filters


@click.command("export")
@filter_options
@parquet_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="jsonl",
    show_default=True,
    help="parquet/csv: the table's columns; jsonl: records (mentions) or events with mention "
    "ids; gdelt: GDELT 2.0 event columns, tab-separated; plover: PLOVER data-exchange JSON.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Output file (default stdout; parquet needs a file)."
)
@handle_errors
def command(db: str, level: str, fmt: str, output: str | None, **kw: Any) -> None:
    """Export the de-duplicated events (or raw mentions, --level mentions) of a store.

    \b
    Examples:
      eventwire export --format parquet -o events.parquet
      eventwire export --format gdelt --level mentions -o mentions.tsv
      eventwire export --format plover --dyad AZE-RUS --undirected
    """
    filters = make_filters(kw)
    with open_source(db, kw.get("parquet"), filters) as st:
        n = export(st, fmt, output, level=level, filters=filters)
    if output and output != "-":
        click.echo(f"eventwire: {n} {level} written to {output}", err=True)
