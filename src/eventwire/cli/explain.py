"""``eventwire explain``: placeholder until its issue lands."""

from __future__ import annotations

import click


@click.command("explain", hidden=True)
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'eventwire explain' is not available in this version")
