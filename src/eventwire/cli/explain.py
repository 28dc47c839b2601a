"""``eventwire explain``: show how a sentence or a story was coded (parse, actors, frames, events)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ._common import handle_errors


@click.command("explain")
@click.argument("text_or_path")
@click.option("--model", help="spaCy pipeline (package name or path); default from EVENTWIRE_MODEL / config.")
@click.option("--parse/--no-parse", default=True, show_default=True, help="Show the dependency parse.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (one JSON object per sentence).")
@handle_errors
def command(text_or_path: str, model: str | None, parse: bool, as_json: bool) -> None:
    """Explain how eventwire codes TEXT_OR_PATH: a sentence in quotes, or a story file.

    For every sentence: the dependency parse (token, lemma, POS, relation, head), the actors found, each
    frame tried and why it gave an event or not (negation, modality, false-friend guards, missing actors),
    and the events coded with the rule that fired.

    \b
    Examples:
      eventwire explain "Russia and China held talks in Beijing on Monday."
      eventwire explain examples/baku-meeting.txt --no-parse
    """
    from ..pipeline import Coder
    from ..story import Story

    path = Path(text_or_path)
    if _is_file(path):
        from ..ingest import read_paths

        stories = [s for s in read_paths([str(path)]) if isinstance(s, Story)]
        if not stories:
            raise click.UsageError(f"no story could be read from {text_or_path}")
    else:
        stories = [Story(id="explain", text=text_or_path)]
    coder = Coder(model)
    for story in stories:
        analysis = coder.analyze(story)
        events, traces = coder.events.explain(analysis.doc, analysis.actors, analysis.story.date)
        for si, sent in enumerate(analysis.doc.sents):
            lines = traces[si] if si < len(traces) else []
            sent_events = [e for e in events if e.sentence_index == si]
            actors = [a for a in analysis.actors if sent.start <= a.head < sent.end]
            if as_json:
                click.echo(json.dumps(_sentence_json(si, sent, actors, lines, sent_events, parse), ensure_ascii=False))
            else:
                _print_sentence(si, sent, actors, lines, sent_events, parse)


def _sentence_json(
    si: int, sent: Any, actors: list[Any], lines: list[str], events: list[Any], parse: bool
) -> dict[str, Any]:
    from ..events import cameo

    return {
        "sentence_index": si,
        "text": sent.text,
        "parse": [_tok(t) for t in sent] if parse else None,
        "actors": [{"text": a.text, "code": a.code, "rule": a.rule} for a in actors],
        "decisions": lines,
        "events": [
            {
                "cameo": e.cameo,
                "name": cameo.lookup(e.cameo).name,
                "source": e.source.code if e.source else None,
                "target": e.target.code if e.target else None,
                "trigger": sent.doc[e.trigger_tok].text,
                "rule": e.rule,
                "confidence": e.confidence,
                "modality": e.modality,
            }
            for e in events
        ],
    }


def _tok(t: Any) -> dict[str, Any]:
    return {"i": t.i, "text": t.text, "lemma": t.lemma_, "pos": t.pos_, "dep": t.dep_, "head": t.head.i}


def _print_sentence(si: int, sent: Any, actors: list[Any], lines: list[str], events: list[Any], parse: bool) -> None:
    from ..events import cameo

    out = sys.stdout
    out.write(f"sentence {si}: {sent.text.strip()}\n")
    if parse:
        out.write("  parse:\n")
        for t in sent:
            if t.is_space:
                continue
            out.write(f"    {t.i:>4} {t.text:<18.18} {t.lemma_:<16.16} {t.pos_:<6} {t.dep_:<10} -> {t.head.i}\n")
    out.write("  actors:" + (" none\n" if not actors else "\n"))
    for a in actors:
        out.write(f"    {a.text!r} -> {a.code or '?'}  ({a.rule})\n")
    out.write("  frames:" + (" no trigger word or no frame matched\n" if not lines else "\n"))
    for line in lines:
        out.write(f"    {line}\n")
    out.write("  events:" + (" none\n" if not events else "\n"))
    for e in events:
        src = e.source.code if e.source else "-"
        tgt = e.target.code if e.target else "-"
        out.write(
            f"    {e.cameo} {cameo.lookup(e.cameo).name}: {src} -> {tgt}  trigger "
            f"'{sent.doc[e.trigger_tok].text}'  conf {e.confidence}  {e.modality}\n"
            f"      rule {e.rule}\n"
        )
    out.write("\n")


def _is_file(path: Path) -> bool:
    """``path`` names a readable file; a long sentence given as text is no path (the OS refuses such a name)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False
