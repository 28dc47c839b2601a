"""``eventwire run``: placeholder until its issue lands."""

from __future__ import annotations

import click


@click.command("run", hidden=True)
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'eventwire run' is not available in this version")
