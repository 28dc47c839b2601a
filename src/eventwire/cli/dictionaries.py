"""``eventwire dictionaries``: placeholder until its issue lands."""

from __future__ import annotations

import click


@click.command("dictionaries", hidden=True)
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'eventwire dictionaries' is not available in this version")
