"""One local SparkSession for all Spark tests (``local[2]``, UI off, few shuffle partitions); the tests skip
with the reason when pyspark is not installed or no Java is found."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from . import corpus


@pytest.fixture(scope="session")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed (pip install -e '.[spark]')")
    from eventwire.spark import find_java, get_session

    if find_java() is None:
        pytest.skip("no Java found: Spark needs Java 17+ on PATH or JAVA_HOME")
    session = get_session("local[2]", scratch=tmp_path_factory.mktemp("spark"))
    yield session
    session.stop()


@pytest.fixture(scope="session")
def wire_records() -> list[dict[str, Any]]:
    """240 generated wire stories and two records that are rejected (see ``corpus.records``)."""
    return corpus.records(240)


@pytest.fixture(scope="session")
def wire_jsonl(tmp_path_factory: pytest.TempPathFactory, wire_records: list[dict[str, Any]]) -> Path:
    """The generated corpus as JSONL, with one line that does not parse."""
    return corpus.write_jsonl(tmp_path_factory.mktemp("corpus") / "wire.jsonl", wire_records)
