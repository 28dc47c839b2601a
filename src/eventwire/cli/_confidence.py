"""``--min-confidence``: the one definition of the option ``code``, ``run``, ``query`` and ``export`` share.

``confidence`` is the calibrated probability that an event is right (``events/confidence.py``,
docs/evaluation.md). ``code`` drops events below the threshold from its output; ``query`` and ``export``
filter the store with it (``store.filters.Filters.min_confidence``); ``run`` stores every event whatever the
threshold and only reports how many stored mentions reach it (docs/cli.md says why).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import click

from ..record import EventRecord

HELP = {
    "code": "Write only events whose confidence (calibrated probability the event is right) is at least P.",
    "run": "Report how many stored mentions reach confidence P; the store keeps every event "
    "(filter with query/export --min-confidence).",
    "filter": "Only events whose confidence (calibrated probability the event is right; for --level events the "
    "best of its mentions) is at least P.",
}


def min_confidence_option(use: str) -> Callable[[Any], Any]:
    """The ``--min-confidence P`` option (a probability 0-1) with the help text for ``use``."""
    return click.option(
        "--min-confidence",
        "min_confidence",
        type=click.FloatRange(0.0, 1.0),
        default=None,
        metavar="P",
        help=HELP[use],
    )


def keep(records: Sequence[EventRecord], threshold: float | None) -> list[EventRecord]:
    """The records whose confidence is at least ``threshold`` (all of them when it is ``None``)."""
    if threshold is None:
        return list(records)
    return [r for r in records if float(r.get("confidence") or 0.0) >= threshold]


def stored_at_least(db: str, threshold: float) -> tuple[int, int]:
    """(mentions with confidence ≥ ``threshold``, all mentions) in the store ``db`` (for ``run``'s summary)."""
    from ..store.db import open_store

    with open_store(db, read_only=True) as st:
        n = int(st.scalar("SELECT count(*) FROM mentions WHERE confidence >= ?", [threshold]) or 0)
        total = int(st.scalar("SELECT count(*) FROM mentions") or 0)
    return n, total


def run_summary(db: str, threshold: float | None) -> str | None:
    """``run``'s line about ``--min-confidence``, or ``None`` without the option."""
    if threshold is None:
        return None
    n, total = stored_at_least(db, threshold)
    return (
        f"eventwire: {n} of the store's {total} event mentions have confidence ≥ {threshold} (all are stored; "
        f"filter with `eventwire query/export --min-confidence {threshold}`)"
    )
