"""``eventwire dictionaries``: work with actor dictionaries (import from PETRARCH/Phoenix)."""

from __future__ import annotations

import click

from ._common import handle_errors


@click.group("dictionaries")
def command() -> None:
    """Actor and agent dictionaries: import curated PETRARCH/Phoenix/TABARI lists into eventwire YAML.

    \b
    Example:
      eventwire dictionaries import-petrarch tests/fixtures/actors/petrarch_sample.agents.txt --kind agents \
        -o my_agents.yaml
    """


@command.command("import-petrarch")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(["actors", "agents"]),
    required=True,
    help="actors: named actors with dated codes (persons.yaml schema); agents: role words (sectors.yaml schema).",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the YAML here instead of stdout.")
@handle_errors
def import_petrarch(file: str, kind: str, output: str | None) -> None:
    """Convert a PETRARCH/Phoenix dictionary FILE into eventwire's YAML format, date ranges included.

    Lines that cannot be read are reported on stderr with file and line; the rest is converted. Load the
    result with ``ActorCoder(extra=[path])`` or copy its entries into the package's data files.

    \b
    Example:
      eventwire dictionaries import-petrarch tests/fixtures/actors/petrarch_sample.actors.txt --kind actors \
        -o my_actors.yaml
      eventwire code examples/baku-meeting.txt --dictionaries my_actors.yaml
    """
    from ..actors.petrarch import convert_file

    text, problems = convert_file(file, kind)
    for p in problems:
        click.echo(f"eventwire: {p}", err=True)
    if output:
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)
        click.echo(f"eventwire: wrote {output} ({len(problems)} problems)", err=True)
    else:
        click.echo(text, nl=False)
