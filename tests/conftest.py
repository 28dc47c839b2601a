"""Shared fixtures: the loaded coder (once per test session) and the optional ../shared data folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared data folder; tests that need it skip cleanly when it is absent."""
    if not (SHARED / "README.md").is_file():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def coder():
    from eventwire.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def nlp(coder):
    return coder.nlp


def write_dataset(db: Path, out: Path) -> Path:
    """The store ``db`` written as a Parquet dataset in ``spark-run``'s layout (by DuckDB, so without Spark):
    ``mentions/`` and ``events/`` partitioned by year and month (hive style), the other tables one file each."""
    from eventwire.store import open_store

    out.mkdir(parents=True)
    with open_store(db, read_only=True) as st:
        for t in ("mentions", "events"):
            st.execute(
                f"COPY (SELECT *, year(date) AS year, month(date) AS month FROM {t}) TO '{out / t}' "
                "(FORMAT parquet, PARTITION_BY (year, month))"
            )
        for t in ("event_mentions", "stories", "rejects"):
            (out / t).mkdir(parents=True)
            st.execute(f"COPY {t} TO '{out / t / 'part-0.parquet'}' (FORMAT parquet)")
    return out


@pytest.fixture(scope="session")
def dataset_writer() -> Callable[[Path, Path], Path]:
    """``write_dataset`` (a fixture, so that tests in any folder can use it)."""
    return write_dataset
