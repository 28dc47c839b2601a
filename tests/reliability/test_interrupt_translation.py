"""A signal that meets DuckDB is an interrupt, never a store error (whatever DuckDB wraps it in)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from eventwire.errors import StoreError
from eventwire.store import open_store
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


class _InterruptedConnection:
    """Stands for a DuckDB connection whose statement a signal stopped: DuckDB raises a bare RuntimeError."""

    def __getattr__(self, name: str) -> object:
        def stopped(*args: object, **kwargs: object) -> None:
            raise RuntimeError("Query interrupted")

        return stopped


@pytest.mark.parametrize("call", ["execute", "arrow", "batches", "register"])
def test_a_statement_stopped_by_a_signal_is_an_interrupt_on_every_store_call(tmp_path: Path, call: str) -> None:
    with open_store(tmp_path / "s.duckdb") as st:
        real = st.con
        st.con = _InterruptedConnection()  # type: ignore[assignment]
        try:
            with pytest.raises(KeyboardInterrupt):
                if call == "register":
                    with st.registered("t", pa.table({"a": [1]})):
                        pass
                else:
                    getattr(st, call)("SELECT 1")
        finally:
            st.con = real
