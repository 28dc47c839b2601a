"""``eventwire`` — the command group. Each command lives in its own module of this package."""

from __future__ import annotations

import click

from .._version import __version__
from . import actors, code, dictionaries, eval, explain, export, query, run, serve, spark_run, stories


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="eventwire")
def cli() -> None:
    """eventwire: turn news stories into political event data (CAMEO / PLOVER).

    \b
    Example:
      eventwire code examples/baku-meeting.txt --format table
    """


for _mod in (code, stories, actors, explain, eval, dictionaries, run, query, export, serve, spark_run):
    cli.add_command(_mod.command)


def main() -> None:
    cli(prog_name="eventwire")


if __name__ == "__main__":  # pragma: no cover
    main()
