"""``eventwire actors``: placeholder until its issue lands."""

from __future__ import annotations

import click


@click.command("actors", hidden=True)
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'eventwire actors' is not available in this version")
