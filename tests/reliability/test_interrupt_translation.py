"""A signal that meets DuckDB is an interrupt, never a store error (whatever DuckDB wraps it in)."""

from __future__ import annotations

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.store.db import translate


def test_a_signal_inside_an_arrow_scan_is_an_interrupt() -> None:
    wrapped = duckdb.InvalidInputException(
        "reading the schema of the object registered as '_ew_actors' failed: KeyboardInterrupt: signal 15"
    )
    with pytest.raises(KeyboardInterrupt):
        translate(wrapped, "events.duckdb")


def test_a_plain_duckdb_error_stays_a_store_error() -> None:
    err = translate(duckdb.InvalidInputException("reading the schema of the object failed"), "events.duckdb")
    assert isinstance(err, StoreError) and err.code.startswith("E5")
