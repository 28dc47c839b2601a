"""``eventwire query``: placeholder until its issue lands."""

from __future__ import annotations

import click


@click.command("query", hidden=True)
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'eventwire query' is not available in this version")
