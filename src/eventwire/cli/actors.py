"""``eventwire actors``: list each story's coded actors with spans and the rule that coded them."""

from __future__ import annotations

import sys

import click

from ..ingest import read_paths
from ..story import Reject
from ._common import EXIT_NOTHING, handle_errors, json_line, table


@click.command("actors")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="table: one row per actor; jsonl: one object per actor mention.",
)
@click.option("--model", help="spaCy pipeline (package name or path); default from EVENTWIRE_MODEL / config.")
@click.option(
    "--uncoded/--no-uncoded",
    default=True,
    show_default=True,
    help="Also list mentions with sectors but no country (code ---...).",
)
@handle_errors
def command(paths: tuple[str, ...], fmt: str, model: str | None, uncoded: bool) -> None:
    """List the actors eventwire codes in PATHS: span, code, country, sectors and the coding rule.

    The tool for dictionary work: see which entry (file:line) or rule (memory, title-run, sentence-country
    ...) gave each code.

    \b
    Example:
      eventwire actors examples/baku-meeting.txt
      eventwire actors stories/ --format jsonl > actors.jsonl
    """
    from ..pipeline import Coder

    coder = Coder(model)
    n_ok = n_bad = 0
    for item in read_paths(paths):
        if isinstance(item, Reject):
            n_bad += 1
            click.echo(f"eventwire: rejected {item}", err=True)
            continue
        try:
            a = coder.analyze(item)
        except Exception as e:  # noqa: BLE001 - one bad story never stops the listing
            n_bad += 1
            click.echo(f"eventwire: rejected {item.origin}: {e}", err=True)
            continue
        n_ok += 1
        mentions = [m for m in a.actors if uncoded or m.country]
        if fmt == "jsonl":
            for m in mentions:
                rec = m.to_record() | {
                    "story_id": item.id,
                    "kind": m.kind,
                    "rule": m.rule,
                    "group": m.group,
                    "tokens": [m.tok_start, m.tok_end],
                    "head": m.head,
                }
                click.echo(json_line(rec))
            continue
        click.echo(f"# {item.id}  {item.origin}")
        rows = [
            [
                f"{m.start}-{m.end}",
                m.code or "-",
                m.kind,
                "" if m.group is None else m.group,
                m.rule,
                _clip(m.text.replace("\n", " "), 60),
                m.name or "",
            ]
            for m in mentions
        ]
        click.echo(table(["span", "code", "kind", "group", "rule", "text", "name"], rows))
    click.echo(f"eventwire: {n_ok} stories, {n_bad} rejected", err=True)
    if n_ok == 0:
        sys.exit(EXIT_NOTHING)


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"
