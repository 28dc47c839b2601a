"""Opening stores: schema version and migrations, and clear errors for locked, corrupt and foreign files."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.store import SCHEMA_VERSION, open_store
from eventwire.store.db import translate
from eventwire.store.schema import V1


def test_a_new_store_records_its_schema_version(db_path):
    with open_store(db_path) as st:
        assert st.schema_version == SCHEMA_VERSION
        assert st.meta("created_by")
    with open_store(db_path, read_only=True) as st:
        assert st.schema_version == SCHEMA_VERSION


def test_an_older_store_is_migrated(db_path):
    con = duckdb.connect(str(db_path))
    for sql in V1:
        con.execute(sql)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO runs (run_id) VALUES ('old-run')")
    con.close()
    with pytest.raises(StoreError, match="older schema version 1") as e:
        open_store(db_path, read_only=True)
    assert e.value.code == "E507"
    with open_store(db_path) as st:
        assert st.schema_version == SCHEMA_VERSION
        assert st.execute("SELECT run_id, dedup_params FROM runs") == [("old-run", None)]


def test_a_newer_store_is_refused(db_path):
    with open_store(db_path) as st:
        st.set_meta("schema_version", str(SCHEMA_VERSION + 1))
    with pytest.raises(StoreError, match="upgrade eventwire") as e:
        open_store(db_path)
    assert e.value.code == "E503"
    assert str(db_path) in str(e.value)


def test_a_corrupt_file_is_refused(tmp_path):
    bad = tmp_path / "events.duckdb"
    bad.write_bytes(b"this is not a database\n" * 200)
    with pytest.raises(StoreError, match="not a readable DuckDB database") as e:
        open_store(bad)
    assert e.value.code == "E502"
    assert bad.read_bytes().startswith(b"this is not")  # left untouched


def test_a_foreign_duckdb_file_is_refused(db_path):
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventwire store") as e:
        open_store(db_path)
    assert e.value.code == "E505"


def test_a_missing_store_cannot_be_read(tmp_path):
    with pytest.raises(StoreError, match="no store at this path"):
        open_store(tmp_path / "nothing.duckdb", read_only=True)


def test_a_locked_store_gives_a_clear_error(db_path):
    open_store(db_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time, duckdb
            con = duckdb.connect({str(db_path)!r})
            print("locked", flush=True)
            sys.stdin.readline()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match="locked by another process") as e:
            open_store(db_path)
        assert e.value.code == "E501"
        with pytest.raises(StoreError, match="locked by another process"):
            open_store(db_path, read_only=True)
    finally:
        holder.communicate("\n", timeout=30)
    open_store(db_path).close()  # free again


def test_duckdb_errors_are_translated():
    full = duckdb.IOException('Could not write file "events.duckdb.wal": No space left on device')
    e = translate(full, "events.duckdb")
    assert e.code == "E504" and "disk is full" in e.message and "resume" in e.message
    assert translate(OSError(28, "No space left on device"), "x").code == "E504"
    assert translate(duckdb.CatalogException("Table x does not exist"), "x").code == "E510"


def test_a_full_disk_keeps_what_was_committed(db_path):
    # A file size limit (RLIMIT_FSIZE) makes the store's writes fail like a full disk would.
    script = textwrap.dedent(f"""
        import resource, signal
        from eventwire.story import Story
        from eventwire.store import open_store, write_batch
        from eventwire.errors import StoreError
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        st = open_store({str(db_path)!r})
        write_batch(st, [Story(id="kept", text="a story")], [])
        st.execute("CHECKPOINT")
        resource.setrlimit(resource.RLIMIT_FSIZE, (4_000_000, 4_000_000))
        big = [Story(id=f"s{{i}}", text="x" * 50, title="t" * 400 + str(i)) for i in range(40_000)]
        try:
            write_batch(st, big, [])
            print("no error")
        except StoreError as e:
            print(e.code)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "E504", out.stdout + out.stderr
    with open_store(db_path, read_only=True) as st:
        assert st.execute("SELECT story_id FROM stories") == [("kept",)]


def test_an_interrupted_query_is_a_keyboard_interrupt():
    with pytest.raises(KeyboardInterrupt):
        translate(duckdb.InterruptException("INTERRUPT Error: Interrupted!"), "x")
