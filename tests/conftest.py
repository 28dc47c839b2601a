"""Shared fixtures: the loaded coder (once per test session) and the optional ../shared data folder."""

from __future__ import annotations

import os
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
