"""De-duplication through the real coder: three reports of one meeting are one event with three mentions."""

from __future__ import annotations

from pathlib import Path

from eventwire.runner import run_corpus
from eventwire.store import open_store

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "store" / "corpus"


def test_three_reports_of_one_meeting_are_one_event(coder, tmp_path: Path) -> None:
    db = tmp_path / "talks.duckdb"
    files = [str(CORPUS / f"baku-talks-{x}.txt") for x in "abc"]
    stats = run_corpus(files, db, coder=coder, count=False)
    assert stats.coded == 3
    with open_store(db, read_only=True) as st:
        rows = st.execute("SELECT root, mentions, stories FROM events WHERE root = '04'")
    assert rows == [("04", 3, 3)]
