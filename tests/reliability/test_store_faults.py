"""Store faults: a corrupt or truncated store file, a read-only folder, a full disk during `run`, two runs on
one store, SIGINT and SIGTERM during `run` — each gives a clear coded message, keeps committed work and a
later run completes the store to exactly the uninterrupted result."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from eventwire import _interrupt
from eventwire.cli.main import cli
from eventwire.errors import StoreError
from eventwire.runner import run_corpus
from eventwire.store import open_store, write_batch
from eventwire.store.db import Store, translate
from eventwire.story import Story

from .corpus import dump, write_corpus


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, coder: Any) -> tuple[Path, dict[str, Any]]:
    """The corpus and the dump of its uninterrupted run."""
    root = tmp_path_factory.mktemp("faults")
    corpus = write_corpus(root / "corpus.jsonl", stories=40, sentences=8)
    db = root / "reference.duckdb"
    run_corpus([str(corpus)], db, batch_size=2, coder=coder, count=False)
    return corpus, dump(db)


def _a_store(path: Path) -> Path:
    with open_store(path) as st:
        write_batch(st, [Story(id=f"s{i}", text="Police arrested protesters. " * 4) for i in range(3000)], [])
    return path


@pytest.mark.parametrize("damage", ["truncated", "cut-short", "flipped", "zeroed", "foreign"])
def test_a_damaged_store_is_refused_and_left_byte_for_byte(tmp_path: Path, damage: str) -> None:
    good = _a_store(tmp_path / "good.duckdb").read_bytes()
    bad = {
        "truncated": good[: len(good) // 2],
        "cut-short": good[:300],
        "flipped": good[:8192] + bytes(b ^ 0xFF for b in good[8192:16384]) + good[16384:],
        "zeroed": good[:4096] + bytes(len(good) - 4096),
        "foreign": b"SQLite format 3\x00" + bytes(range(256)) * 64,
    }[damage]
    db = tmp_path / "events.duckdb"
    db.write_bytes(bad)
    before = _sha(db)
    for args in (["run", str(tmp_path / "none.txt"), "--db", str(db)], ["query", "--db", str(db)]):
        res = CliRunner().invoke(cli, args)
        assert res.exit_code == 3, res.output
        assert "[E502]" in res.stderr and "not a readable DuckDB database" in res.stderr, res.stderr
        assert "Traceback" not in res.output
    with pytest.raises(StoreError) as e:
        open_store(db)
    assert e.value.code == "E502"
    assert _sha(db) == before  # never overwritten, never "repaired"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.duckdb", "good.duckdb"]  # no WAL left beside


def _without_root_powers(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` as root without the capabilities that bypass file permissions (as a user would be)."""
    cmd = ["setpriv", "--bounding-set=-all", "--inh-caps=-all", sys.executable, "-c", code]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="ew-ro-"))
    root.chmod(0o755)
    ro = root / "ro"
    ro.mkdir()
    _a_store(ro / "old.duckdb")
    ro.chmod(0o555)
    yield ro
    ro.chmod(0o755)
    shutil.rmtree(root)


def test_a_read_only_folder_gives_a_clear_error(read_only_folder: Path) -> None:
    new, old = read_only_folder / "new.duckdb", read_only_folder / "old.duckdb"
    before = _sha(old)
    code = (
        "from eventwire.store import open_store, write_batch\n"
        "from eventwire.story import Story\n"
        "from eventwire.errors import StoreError\n"
        f"for p in ({str(new)!r}, {str(old)!r}):\n"
        "    try:\n"
        "        with open_store(p) as st:\n"
        "            write_batch(st, [Story(id='x', text='A story.')], [])\n"
        "        print('written', p)\n"
        "    except StoreError as e:\n"
        "        print(e.code, e.message)\n"
    )
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: a read-only folder cannot be made")
        out = _without_root_powers(code)
    else:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 2 and all(ln.startswith("E506 ") for ln in lines), out.stdout + out.stderr
    assert "permission denied" in lines[0].lower()
    assert not new.exists() and _sha(old) == before


def _full_disk_after(monkeypatch: pytest.MonkeyPatch, batches: int) -> None:
    """Writes fail like a full disk from the (batches + 1)-th batch on (DuckDB's own error, translated)."""
    real = Store.execute
    seen = {"n": 0}

    def execute(self: Store, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
        if sql.startswith("INSERT INTO stories"):
            seen["n"] += 1
            if seen["n"] > batches:
                try:
                    raise duckdb.IOException('Could not write file "events.duckdb.wal": No space left on device')
                except duckdb.Error as e:
                    raise translate(e, self.path) from e
        return real(self, sql, params)

    monkeypatch.setattr(Store, "execute", execute)


def test_a_full_disk_stops_the_run_cleanly_and_a_rerun_completes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: tuple[Path, dict[str, Any]], coder: Any
) -> None:
    corpus, expected = reference
    db = tmp_path / "events.duckdb"
    _full_disk_after(monkeypatch, 3)
    res = CliRunner().invoke(cli, ["run", str(corpus), "--db", str(db), "--batch-size", "2", "--no-count"])
    assert res.exit_code == 3, res.output
    assert "[E504]" in res.stderr and "re-run the same command to resume" in res.stderr
    assert "Traceback" not in res.output
    monkeypatch.undo()
    with open_store(db, read_only=True) as st:  # consistent: exactly the committed batches, nothing half-written
        assert st.scalar("SELECT count(*) FROM stories") == 6
        assert st.scalar("SELECT count(*) FROM mentions WHERE story_id NOT IN (SELECT story_id FROM stories)") == 0
        assert st.scalar("SELECT status FROM runs") == "failed"
    run_corpus([str(corpus)], db, batch_size=2, coder=coder, count=False)
    assert dump(db) == expected


def _start_run(corpus: Path, db: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    cmd = [sys.executable, "-m", "eventwire.cli.main", "run", str(corpus), "--db", str(db), "--batch-size", "1"]
    return subprocess.Popen(
        [*cmd, "--no-count", "--progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def _wait_for_a_batch(proc: subprocess.Popen[str]) -> None:
    assert proc.stderr is not None
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if "committed" in line:
            return
    raise AssertionError("no batch committed: " + "".join(lines))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_during_run_keeps_committed_work_and_resume_completes_it(
    tmp_path: Path, coder: Any, sig: signal.Signals
) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", stories=300, sentences=2, bad=False)
    content = corpus.read_text("utf-8")
    run_corpus([str(corpus)], tmp_path / "reference.duckdb", batch_size=2, coder=coder, count=False)
    expected = dump(tmp_path / "reference.duckdb")
    # The run reads its corpus from a pipe that gets 256 stories and then stays open: it cannot end by
    # itself, so the signal always meets a run in progress (coding, writing, or waiting for input).
    corpus.unlink()
    os.mkfifo(corpus)
    db = tmp_path / "events.duckdb"
    proc = _start_run(corpus, db)
    with open(corpus, "w", encoding="utf-8") as pipe:
        pipe.write("".join(content.splitlines(keepends=True)[:256]))
        pipe.flush()
        try:
            _wait_for_a_batch(proc)
            if sig == signal.SIGTERM:  # meanwhile a second run on the store fails at once, naming the holder
                t0 = time.monotonic()
                with pytest.raises(StoreError) as e:
                    run_corpus([str(tmp_path / "other.txt")], db, coder=coder, count=False)
                assert time.monotonic() - t0 < 10
                assert e.value.code == "E501" and f"process {proc.pid}" in e.value.message
                assert "eventwire run" in e.value.message
            proc.send_signal(sig)
            _, err = proc.communicate(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 130, err
    assert "interrupted; committed batches are kept" in err and "Traceback" not in err
    with open_store(db, read_only=True) as st:
        assert st.scalar("SELECT count(*) FROM stories") >= 1
        assert st.scalar("SELECT status FROM runs") == "interrupted"
    corpus.unlink()
    corpus.write_text(content, "utf-8")
    run_corpus([str(corpus)], db, batch_size=2, coder=coder, count=False)
    assert dump(db) == expected


def test_a_signal_whose_interrupt_was_swallowed_still_stops_the_run_at_the_next_story(
    tmp_path: Path, coder: Any
) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", stories=12, sentences=1, bad=False)
    db = tmp_path / "events.duckdb"

    def swallow(stats: Any) -> None:  # the signal lands in code that swallows KeyboardInterrupt (a finalizer)
        if stats.coded == 2 and not stats.finished:
            try:
                _interrupt.handler(signal.SIGINT, None)
            except KeyboardInterrupt:
                pass

    with _interrupt.stop_on_signals(), pytest.raises(KeyboardInterrupt):
        run_corpus([str(corpus)], db, batch_size=1, coder=coder, count=False, progress=swallow)
    with open_store(db, read_only=True) as st:
        assert st.scalar("SELECT count(*) FROM stories") == 2
        assert st.scalar("SELECT status FROM runs") == "interrupted"
    _interrupt.check()  # the flag ends with the block: a later run is not stopped by an old signal
    assert signal.getsignal(signal.SIGINT) is not _interrupt.handler
