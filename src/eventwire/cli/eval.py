"""``eventwire eval``: placeholder until its issue lands."""

from __future__ import annotations

import click


@click.command("eval", hidden=True)
def command() -> None:
    """Not available yet."""
    raise click.UsageError("'eventwire eval' is not available in this version")
