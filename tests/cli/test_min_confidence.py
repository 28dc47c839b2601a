"""``--min-confidence`` on ``code`` (filters its output), ``run`` (keeps everything, reports), ``query`` and
``export`` (filter the store)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.store import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "baku-meeting.txt")
CORPUS = str(ROOT / "tests" / "fixtures" / "store" / "corpus")


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in text.splitlines() if ln.strip()]


def _middle(confs: list[float]) -> float:
    """A threshold that keeps some events and drops others."""
    ordered = sorted(set(confs))
    assert len(ordered) >= 2, "the example must give events of different confidence"
    return ordered[len(ordered) // 2]


@pytest.fixture(scope="module")
def runner(coder) -> CliRunner:
    return CliRunner()


def test_code_keeps_only_events_at_or_above_the_threshold(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", EXAMPLE])
    assert res.exit_code == 0, res.output
    everything = _jsonl(res.stdout)
    confs = [float(r["confidence"]) for r in everything]
    assert all(0.0 <= c <= 1.0 for c in confs)
    p = _middle(confs)
    res = runner.invoke(cli, ["code", EXAMPLE, "--min-confidence", str(p)])
    assert res.exit_code == 0, res.output
    kept = _jsonl(res.stdout)
    assert kept == [r for r in everything if float(r["confidence"]) >= p]
    dropped = len(everything) - len(kept)
    assert dropped > 0 and f"{dropped} below --min-confidence {p} left out" in res.stderr
    assert _jsonl(runner.invoke(cli, ["code", EXAMPLE, "--min-confidence", "0"]).stdout) == everything


def test_code_rejects_a_threshold_outside_zero_to_one(runner: CliRunner) -> None:
    res = runner.invoke(cli, ["code", EXAMPLE, "--min-confidence", "1.5"])
    assert res.exit_code == 2 and "--min-confidence" in res.output


@pytest.fixture(scope="module")
def store(runner: CliRunner, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, float, str]:
    db = str(tmp_path_factory.mktemp("mc") / "events.duckdb")
    res = runner.invoke(cli, ["run", CORPUS, "--db", db, "--no-progress", "--min-confidence", "0.5"])
    assert res.exit_code == 0, res.output
    with open_store(db, read_only=True) as st:
        confs = [float(r[0]) for r in st.execute("SELECT confidence FROM mentions")]
    return db, _middle(confs), res.stderr


def test_run_stores_every_event_and_reports_the_share_above_the_threshold(store: tuple[str, float, str]) -> None:
    db, _, stderr = store
    with open_store(db, read_only=True) as st:
        total = st.scalar("SELECT count(*) FROM mentions")
        above = st.scalar("SELECT count(*) FROM mentions WHERE confidence >= 0.5")
        below = st.scalar("SELECT count(*) FROM mentions WHERE confidence < 0.5")
    assert total > 0 and below > 0  # nothing was dropped at write time
    assert f"{above} of the store's {total} event mentions have confidence ≥ 0.5" in stderr


@pytest.mark.parametrize("level", ["mentions", "events"])
def test_query_and_export_filter_by_confidence(runner: CliRunner, store: tuple[str, float, str], level: str) -> None:
    db, p, _ = store
    base = ["--db", db, "--level", level]
    q_all = _jsonl(runner.invoke(cli, ["query", *base, "--format", "jsonl"]).stdout)
    q_some = _jsonl(runner.invoke(cli, ["query", *base, "--format", "jsonl", "--min-confidence", str(p)]).stdout)
    assert 0 < len(q_some) < len(q_all)
    assert q_some == [r for r in q_all if float(r["confidence"]) >= p]
    e_all = _jsonl(runner.invoke(cli, ["export", *base]).stdout)
    e_some = _jsonl(runner.invoke(cli, ["export", *base, "--min-confidence", str(p)]).stdout)
    assert 0 < len(e_some) < len(e_all) and len(e_some) == len(q_some)
