"""Opening a store: the DuckDB file, its lock, its schema version and migrations, and error translation.

Every DuckDB exception that reaches eventwire passes through ``translate`` and becomes a ``StoreError``
with a code and a message that names the file:

    E501 locked by another process      E502 not a DuckDB file / corrupt      E503 from a newer eventwire
    E504 disk full                      E505 not an eventwire store           E506 no store at that path
    E507 migration failed               E510 any other database error         E511 query over its time limit
    E512 held by a running ``eventwire serve`` (its info file beside the store names it)

``eventwire serve`` holds the store's DuckDB lock while it runs and leaves an info file beside the store
(``<store>.serve.json``: PID and URL) so that a command that meets the lock can name the server and point to
its API instead of reporting an anonymous lock.
"""

from __future__ import annotations

import errno
import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .._version import __version__
from ..errors import EventwireError, StoreError, error
from .schema import MIGRATIONS, SCHEMA_VERSION, V1

DEFAULT_DB = "events.duckdb"


def translate(e: BaseException, where: str) -> EventwireError:
    """A ``StoreError`` with a clear message for a DuckDB (or OS) exception met on store ``where``.

    A query interrupted by Ctrl-C is not a store error: it is raised again as ``KeyboardInterrupt`` — also when
    the signal met DuckDB while it was reading a registered Arrow table, which DuckDB reports as its own error.
    """
    if isinstance(e, duckdb.InterruptException) or "KeyboardInterrupt" in str(e):
        raise KeyboardInterrupt from e
    msg = str(e)
    low = msg.lower()
    if "could not set lock" in low or "conflicting lock" in low:
        pid = re.search(r"PID (\d+)", msg)
        server = server_info(where)
        if server is not None and (pid is None or str(server.get("pid")) == pid.group(1)):
            url = f" at {server['url']}" if server.get("url") else ""
            return error("E512", where=where, holder=f" (process {server.get('pid')}{url})")
        holder = f" (process {pid.group(1)}{_command_of(pid.group(1))})" if pid else ""
        return error("E501", where=where, holder=holder)
    if "permission denied" in low or getattr(e, "errno", None) in (errno.EACCES, errno.EPERM):
        return error(
            "E506",
            where=where,
            detail="permission denied: cannot open the store file for writing (use --db to choose another file)",
        )
    if (
        "not a valid duckdb database" in low
        or "corrupt" in low
        or "checksum" in low
        or "invalid database" in low
        or "unsupported version" in low
        or "serialization" in low
        or "could not read enough bytes" in low  # a truncated file
    ):
        return error("E502", where=where, reason=_first_line(msg))
    if (
        "no space left" in low
        or getattr(e, "errno", None) in (errno.ENOSPC, errno.EFBIG)
        or "disk is full" in low
        or "file too large" in low
        or "could not write all bytes" in low
    ):
        return error("E504", where=where)
    if isinstance(e, OSError):
        return error("E506", where=where, detail=f"cannot use the store file: {e.strerror or e}")
    return error("E510", where=where, reason=_first_line(msg))


def _command_of(pid: str) -> str:
    """``": eventwire run ..."``: the command line of the process ``pid`` holding a lock, when it can be read."""
    try:
        raw = Path(f"/proc/{int(pid)}/cmdline").read_bytes()
    except (OSError, ValueError):
        return ""
    args = [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
    if len(args) > 1 and Path(args[0]).name.startswith("python") and args[1] == "-m":
        args = args[2:]  # python -m eventwire.cli.main run ... → eventwire.cli.main run ...
    elif args and Path(args[0]).name.startswith("python") and len(args) > 1 and "eventwire" in args[1]:
        args = args[1:]  # python /usr/local/bin/eventwire run ...
    if args and Path(args[0]).name == "eventwire" or (args and args[0].startswith("eventwire.cli")):
        args[0] = "eventwire"
    cmd = " ".join(args)
    return f": {cmd[:200]}" if cmd else ""


def _first_line(msg: str) -> str:
    return msg.strip().splitlines()[0] if msg.strip() else msg


# -- the server's info file -----------------------------------------------------------------------------
def server_file(path: str | Path) -> Path:
    """Where ``eventwire serve`` announces that it holds the store ``path``."""
    return Path(f"{path}.serve.json")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def server_info(path: str | Path) -> dict[str, Any] | None:
    """The running server that holds ``path`` (``{"pid", "url", "started"}``), or ``None``.

    A file left by a server that died (its PID is gone) is ignored."""
    if str(path) == ":memory:":
        return None
    try:
        info = json.loads(server_file(path).read_text("utf-8"))
        pid = int(info["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info if isinstance(info, dict) and _alive(pid) else None


def announce_server(path: str | Path, url: str | None) -> None:
    """Write the info file of the server (this process) that holds the store ``path``; best effort."""
    import datetime as _dt

    if str(path) == ":memory:":
        return
    info = {"pid": os.getpid(), "url": url, "started": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")}
    try:
        tmp = server_file(path).with_suffix(".tmp")
        tmp.write_text(json.dumps(info), "utf-8")
        tmp.replace(server_file(path))
    except OSError:
        pass


def withdraw_server(path: str | Path) -> None:
    """Remove the info file that this process wrote for ``path`` (never another live server's)."""
    f = server_file(path)
    try:
        info = json.loads(f.read_text("utf-8"))
        if int(info.get("pid", -1)) == os.getpid() or not _alive(int(info.get("pid", -1))):
            f.unlink()
    except (OSError, ValueError, TypeError):
        pass


class Store:
    """An open eventwire store (one DuckDB connection). Use ``open_store``; close it (or use ``with``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # -- lifecycle ----------------------------------------------------------------------------------
    def close(self) -> None:
        try:
            self.con.close()
        except duckdb.Error as e:  # pragma: no cover - closing flushes the WAL and can hit a full disk
            raise translate(e, self.path) from e

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cursor(self) -> Store:
        """A ``Store`` on a new cursor of this connection: the same database, usable from another thread
        (DuckDB connections must not be shared between threads; each thread takes its own cursor)."""
        try:
            return Store(self.con.cursor(), self.path, self.read_only)
        except duckdb.Error as e:
            raise translate(e, self.path) from e

    @contextmanager
    def time_limit(self, seconds: float | None) -> Iterator[None]:
        """Interrupt the queries of the block that run past ``seconds`` (``StoreError`` E511).

        The interrupt comes from a timer thread (``DuckDBPyConnection.interrupt``); use it on a cursor of
        its own (``cursor()``), since it stops whatever that connection runs when the time is up."""
        if not seconds or seconds <= 0:
            yield
            return
        fired = threading.Event()

        def fire() -> None:
            fired.set()
            try:
                self.con.interrupt()
            except duckdb.Error:  # pragma: no cover - the connection was closed meanwhile
                pass

        timer = threading.Timer(seconds, fire)
        timer.daemon = True
        timer.start()
        try:
            yield
        except KeyboardInterrupt as e:
            if fired.is_set():
                raise error("E511", where=self.path, seconds=seconds) from e
            raise
        finally:
            timer.cancel()

    # -- SQL ----------------------------------------------------------------------------------------
    def execute(self, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
        """Run ``sql`` to completion and return its rows (DuckDB allows no other work on a connection
        while a result is unfinished)."""
        with self._errors():
            cur = self.con.execute(sql, params) if params is not None else self.con.execute(sql)
            return cur.fetchall()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """DuckDB errors as ``StoreError``; a statement stopped by a signal (Ctrl-C, SIGTERM in
        ``eventwire run``), which DuckDB reports as ``RuntimeError('Query interrupted')``, as
        ``KeyboardInterrupt``."""
        try:
            yield
        except duckdb.Error as e:
            raise translate(e, self.path) from e
        except RuntimeError as e:
            if "interrupted" in str(e).lower():
                raise KeyboardInterrupt from e
            raise

    def arrow(self, sql: str, params: Any = None) -> pa.Table:
        """The result of ``sql`` as a pyarrow Table."""
        with self._errors():
            return self.con.sql(sql, params=params).to_arrow_table()

    def batches(self, sql: str, params: Any = None, size: int = 50_000) -> pa.RecordBatchReader:
        """The result of ``sql`` as a stream of Arrow record batches (for exports of any size)."""
        with self._errors():
            return self.con.sql(sql, params=params).to_arrow_reader(size)

    def scalar(self, sql: str, params: Any = None) -> Any:
        rows = self.execute(sql, params)
        return rows[0][0] if rows else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: committed at the end of the block, rolled back on any exception."""
        self.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        self.execute("COMMIT")

    @contextmanager
    def registered(self, name: str, table: pa.Table) -> Iterator[str]:
        """Make an Arrow table visible to SQL as ``name`` for the duration of the block."""
        with self._errors():
            self.con.register(name, table)
        try:
            yield name
        finally:
            try:
                self.con.unregister(name)
            except duckdb.Error:
                pass

    # -- meta ---------------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        v = self.scalar("SELECT value FROM meta WHERE key = ?", [key])
        return None if v is None else str(v)

    def set_meta(self, key: str, value: str) -> None:
        self.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    @property
    def schema_version(self) -> int:
        return int(self.meta("schema_version") or 0)


# Indexes for lookups by id (a page of events and their representative mentions, one event, its mentions).
# They are not part of the schema: ``eventwire serve`` creates them when it starts (``ensure_indexes``) and
# drops them when it stops (``drop_indexes``), since they slow down a full re-clustering by ``eventwire run``
# (1M mentions: 63 s instead of 9 s) while they speed up reads by id about tenfold.
ID_INDEXES = (
    ("ew_events_event_id", "events", "event_id"),
    ("ew_links_event_id", "event_mentions", "event_id"),
    ("ew_links_mention_id", "event_mentions", "mention_id"),
    ("ew_mentions_mention_id", "mentions", "mention_id"),
)


def ensure_indexes(store: Store) -> list[str]:
    """Create the missing ``ID_INDEXES`` (about a second per million rows); the names of those created."""
    if store.read_only:
        return []
    have = {str(r[0]) for r in store.execute("SELECT index_name FROM duckdb_indexes()")}
    made = []
    for name, table, column in ID_INDEXES:
        if name not in have:
            store.execute(f'CREATE INDEX IF NOT EXISTS {name} ON {table} ("{column}")')
            made.append(name)
    return made


def drop_indexes(store: Store) -> None:
    """Drop the ``ID_INDEXES`` (those that exist)."""
    if store.read_only:
        return
    for name, _, _ in ID_INDEXES:
        store.execute(f"DROP INDEX IF EXISTS {name}")


def open_store(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    """Open (and create, unless ``read_only``) the store at ``path``; migrate an older schema.

    ``":memory:"`` opens a private in-memory store. Raises ``StoreError`` for a locked, corrupt or
    foreign file and for a file written by a newer eventwire.
    """
    where = str(path)
    if where != ":memory:":
        p = Path(where)
        if read_only and not p.exists():
            raise error("E506", where=where, detail="no store at this path (run `eventwire run ... --db PATH` first)")
        if p.is_dir():
            raise error("E506", where=where, detail="this path is a folder, not a store file")
        if not read_only and not p.parent.exists():
            raise error("E506", where=where, detail=f"folder {p.parent} does not exist")
        if not read_only and p.is_file() and p.stat().st_size == 0:
            p.unlink()  # an empty file (e.g. from mktemp) holds nothing: start a new store there
    try:
        # never download an extension to open a file (a SQLite file would fetch DuckDB's sqlite scanner)
        con = duckdb.connect(where, read_only=read_only, config={"autoinstall_known_extensions": False})
    except (duckdb.Error, OSError) as e:
        if "extension" in str(e).lower() and "install" in str(e).lower():
            kind = re.search(r'Extension "(\w+)" is an existing extension', str(e))
            what = "another format"
            if kind:
                what += f" that DuckDB reads only with its {kind.group(1)} extension"
            raise error("E502", where=where, reason=what) from e
        raise translate(e, where) from e
    store = Store(con, where, read_only)
    try:
        _prepare(store)
    except BaseException:
        con.close()
        raise
    return store


def _prepare(store: Store) -> None:
    tables = {
        str(r[0]) for r in store.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")
    }
    if not tables:
        if store.read_only:
            raise error("E505", where=store.path, detail="the file is an empty database, not an eventwire store")
        _create(store)
        return
    if "meta" not in tables:
        raise error(
            "E505", where=store.path, detail="the file is a DuckDB database but not an eventwire store (no meta table)"
        )
    version = store.schema_version
    if version > SCHEMA_VERSION:
        writer = store.meta("eventwire_version") or "a newer eventwire"
        raise error("E503", where=store.path, version=version, writer=writer, ours=__version__, schema=SCHEMA_VERSION)
    if version < SCHEMA_VERSION:
        if store.read_only:
            raise error(
                "E507",
                where=store.path,
                detail=f"the store has the older schema version {version}; open it once for writing "
                f"(e.g. `eventwire run`) to migrate it to version {SCHEMA_VERSION}",
            )
        migrate(store, version)


def _create(store: Store) -> None:
    with store.transaction():
        for sql in V1:
            store.execute(sql)
        store.set_meta("schema_version", "1")
        store.set_meta("created_by", __version__)
    migrate(store, 1)


def migrate(store: Store, version: int) -> None:
    """Apply the migration steps from ``version`` up to ``SCHEMA_VERSION``, each in one transaction."""
    while version < SCHEMA_VERSION:
        steps = MIGRATIONS.get(version)
        if steps is None:
            raise error("E507", where=store.path, detail=f"no migration from schema version {version}")
        try:
            with store.transaction():
                for sql in steps:
                    store.execute(sql)
                store.set_meta("schema_version", str(version + 1))
                store.set_meta("eventwire_version", __version__)
        except StoreError as e:
            raise error(
                "E507", where=store.path, detail=f"migration {version} → {version + 1} failed: {e.message}"
            ) from e
        version += 1
