"""``eventwire eval``: score the coder against a gold file."""

from __future__ import annotations

import json

import click

from ..evaluate import FORMATS, evaluate_file, render
from ._common import handle_errors, json_line


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="Gold format: plover-gsr (PLOVER GSR JSON), petr (PETRARCH XML records), penta-tsv "
    "(sentence<TAB>penta class), jsonl (eventwire gold).",
)
@click.option(
    "--spans",
    "spans",
    type=click.Path(dir_okay=False),
    help="penta-tsv only: the token-tag file with the actors' spans (ConfliBERT cameo_ner CoNLL, same sentences "
    "in the same order): actor span scores, and a right event needs the actors too.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON instead of text.")
@click.option("--limit", type=click.IntRange(1, None), help="Score only the first N gold sentences.")
@click.option("--model", help="spaCy pipeline (package name or path); default from EVENTWIRE_MODEL / config.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False),
    help="Write the sentences the coder got wrong here (JSONL: text, gold, predicted events).",
)
@handle_errors
def command(
    gold: str,
    fmt: str,
    spans: str | None,
    as_json: bool,
    limit: int | None,
    model: str | None,
    errors_path: str | None,
) -> None:
    """Code the sentences of a GOLD file and report accuracy, per-class precision/recall/F1, actor accuracy,
    actor span scores (where the gold has spans), triple P/R/F1, a confusion table and the calibration of the
    confidence (reliability bins and ECE). How each figure is made is described in docs/evaluation.md.

    \b
    Example:
      eventwire eval tests/fixtures/eval/gold_small.jsonl --format jsonl
      eventwire eval ../shared/data/plover_gsr/PLOVER_GSR_CAMEO.json --format plover-gsr --json
      eventwire eval cameo_class_test.tsv --format penta-tsv --spans cameo_ner_test.txt
    """
    report, errors = evaluate_file(gold, fmt, model=model, limit=limit, spans=spans)
    if errors_path:
        with open(errors_path, "w", encoding="utf-8") as f:
            for e in errors:
                f.write(json_line(e) + "\n")
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(render(report), nl=False)
