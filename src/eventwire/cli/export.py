"""``eventwire export``: placeholder until its issue lands."""

from __future__ import annotations

import click


@click.command("export", hidden=True)
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'eventwire export' is not available in this version")
