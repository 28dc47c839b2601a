"""``eventwire query``: filter, aggregate and rank the events of a store."""

from __future__ import annotations

import datetime as _dt
import json
import sys
from typing import Any

import click
import pyarrow as pa

from ..errors import error
from ..store import query as q
from ..store.db import DEFAULT_DB
from ._common import handle_errors, table
from ._confidence import min_confidence_option
from ._source import open_source, parquet_option


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> _dt.date | None:
    if value is None:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def filter_options(fn: Any) -> Any:
    """The filter options shared by ``query`` and ``export``."""
    opts = [
        click.option(
            "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="The store file."
        ),
        click.option(
            "--level",
            type=click.Choice(q.LEVELS),
            default="events",
            show_default=True,
            help="De-duplicated events or raw event mentions.",
        ),
        click.option("--from", "date_from", callback=_date, help="First date (YYYY-MM-DD)."),
        click.option("--to", "date_to", callback=_date, help="Last date (YYYY-MM-DD)."),
        click.option("--actor", help="Actor code or prefix, as source or target (AZEGOV)."),
        click.option("--country", help="Country code of source or target (AZE)."),
        click.option("--sector", help="Sector code of source or target (GOV, MIL ...)."),
        click.option("--dyad", help="SOURCE-TARGET, e.g. AZE-RUS (each side a code prefix)."),
        click.option("--undirected", is_flag=True, help="Dyads in either order (and dyad labels sorted)."),
        click.option("--cameo", help="CAMEO code or prefix (042, 04)."),
        click.option("--root", help="CAMEO root (01-20)."),
        click.option("--quad", type=click.IntRange(1, 4), help="Quad class 1-4."),
        click.option("--plover", help="PLOVER event (CONSULT, ASSAULT ...)."),
        min_confidence_option("filter"),
        click.option("--text", help="Words in the evidence sentence (case-insensitive)."),
        click.option(
            "--background", is_flag=True, help="Also background history and habits (modality historical, habitual)."
        ),
    ]
    for o in reversed(opts):
        fn = o(fn)
    return fn


def make_filters(kw: dict[str, Any]) -> q.Filters:
    return q.Filters(
        date_from=kw.get("date_from"),
        date_to=kw.get("date_to"),
        actor=kw.get("actor"),
        country=kw.get("country"),
        sector=kw.get("sector"),
        dyad=kw.get("dyad"),
        undirected=bool(kw.get("undirected")),
        cameo=kw.get("cameo"),
        root=kw.get("root"),
        quad=kw.get("quad"),
        min_confidence=kw.get("min_confidence"),
        plover=kw.get("plover"),
        text=kw.get("text"),
        background=bool(kw.get("background")),
    )


_TABLE_COLUMNS = {
    "events": (
        "date",
        "source_code",
        "target_code",
        "cameo",
        "quad_class",
        "goldstein",
        "mentions",
        "sources",
        "location_name",
        "evidence_text",
    ),
    "mentions": (
        "date",
        "source_code",
        "target_code",
        "cameo",
        "quad_class",
        "goldstein",
        "story_id",
        "location_name",
        "evidence_text",
    ),
}


def write_table(tbl: pa.Table, fmt: str, output: str | None, columns: tuple[str, ...] | None = None) -> None:
    """Write an Arrow table as a terminal table, CSV, JSONL or Parquet."""
    if fmt == "parquet":
        if not output or output == "-":
            raise error("E522", detail="parquet output needs a file (-o PATH)")
        import pyarrow.parquet as pq

        pq.write_table(tbl, output)
        return
    out = sys.stdout if not output or output == "-" else open(output, "w", encoding="utf-8", newline="")
    try:
        if fmt == "jsonl":
            for row in tbl.to_pylist():
                out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        elif fmt == "csv":
            import csv

            w = csv.writer(out)
            w.writerow(tbl.column_names)
            for row in tbl.to_pylist():
                w.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in row.values()])
        else:
            cols = [c for c in (columns or tbl.column_names) if c in tbl.column_names]
            rows = [[_cell(r.get(c)) for c in cols] for r in tbl.select(cols).to_pylist()]
            out.write(table(cols, rows))
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:+.1f}" if abs(v) <= 10 else f"{v:.1f}"
    s = " ".join(str(v).split())
    return s if len(s) <= 60 else s[:59] + "…"


@click.command("query")
@filter_options
@parquet_option
@click.option(
    "--agg", type=click.Choice(q.PERIODS), help="Aggregate: counts and Goldstein sums per period × dyad × quad class."
)
@click.option("--no-dyad", is_flag=True, help="With --agg: do not split by dyad.")
@click.option("--no-quad", is_flag=True, help="With --agg: do not split by quad class.")
@click.option("--top", type=click.Choice(["actors", "dyads", "countries"]), help="Rank actors or dyads.")
@click.option(
    "--limit",
    "-n",
    type=click.IntRange(1),
    default=None,
    help="Rows to show (default: 50 for a table, all otherwise; 20 for --top; all for --agg).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "parquet"]), default="table", show_default=True
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@handle_errors
def command(
    db: str,
    level: str,
    agg: str | None,
    no_dyad: bool,
    no_quad: bool,
    top: str | None,
    limit: int | None,
    fmt: str,
    output: str | None,
    **kw: Any,
) -> None:
    """Ask the event store: filter events, aggregate them over time, rank actors and dyads.

    \b
    Examples:
      eventwire query --dyad AZE-RUS --undirected --from 2019-01-01 --to 2019-12-31 --root 04
      eventwire query --dyad RUS-UKR --undirected --agg month --format csv
      eventwire query --text "ceasefire" --level mentions
      eventwire query --top dyads -n 10
    """
    filters = make_filters(kw)
    with open_source(db, kw.get("parquet"), filters) as st:
        columns = None
        if agg:
            tbl = q.aggregate(st, filters, by=agg, level=level, dyad=not no_dyad, quad=not no_quad)
            if limit is not None:
                tbl = tbl.slice(0, limit)
        elif top == "dyads":
            tbl = q.top_dyads(st, filters, n=limit or 20, level=level)
        elif top:
            tbl = q.top_actors(st, filters, n=limit or 20, level=level, by="country" if top == "countries" else "code")
        else:
            n = limit if limit is not None else (50 if fmt == "table" else None)
            tbl = q.find(st, filters, level=level, limit=n)
            columns = _TABLE_COLUMNS[level]
    write_table(tbl, fmt, output, columns)
    if fmt == "table" and not agg and not top and limit is None and tbl.num_rows == 50:
        click.echo("eventwire: showing the first 50 rows (use -n or --format csv/jsonl for more)", err=True)
