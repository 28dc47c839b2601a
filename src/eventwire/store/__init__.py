"""The event store: coded corpora in an embedded DuckDB file, de-duplicated, queryable, exportable.

Public API::

    from eventwire.store import open_store, Filters, aggregate

    eventwire.run_corpus(["stories/"], "events.duckdb", workers=2)   # code a corpus (eventwire.runner)
    with open_store("events.duckdb", read_only=True) as st:
        monthly = aggregate(st, Filters(dyad="RUS-UKR", undirected=True), by="month")   # pyarrow Table
        meetings = find(st, Filters(dyad="AZE-RUS", undirected=True, root="04", text="met"))

The store only persists: ``eventwire.runner.run_corpus`` drives the pipeline into it.

Tables: ``stories``, ``mentions`` (one row per event record), ``events`` (de-duplicated), ``event_mentions``
(mention → event), ``actors``, ``rejects``, ``runs`` (provenance) and ``meta`` (schema version); see
docs/store.md.
"""

from __future__ import annotations

from .db import DEFAULT_DB, Store, open_store
from .dedup import DedupParams, deduplicate, event_mentions
from .export import FORMATS, export
from .query import Filters, aggregate, find, stats, top_actors, top_dyads
from .schema import SCHEMA_VERSION
from .write import write_batch

__all__ = [
    "DEFAULT_DB",
    "FORMATS",
    "SCHEMA_VERSION",
    "DedupParams",
    "Filters",
    "Store",
    "aggregate",
    "deduplicate",
    "event_mentions",
    "export",
    "find",
    "open_store",
    "stats",
    "top_actors",
    "top_dyads",
    "write_batch",
]
