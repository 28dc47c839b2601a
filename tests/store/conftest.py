"""Helpers for the store tests: event records built by hand (valid per the event schema) and stores."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from eventwire.events import cameo as cameo_table
from eventwire.events import plover as plover_table
from eventwire.record import validate
from eventwire.store import open_store
from eventwire.story import Story

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "store" / "corpus"


def actor(text: str, country: str | None, *sectors: str, start: int = 0) -> dict[str, Any]:
    code = None if country is None and not sectors else (country or "---") + "".join(sectors)
    return {
        "text": text,
        "name": None,
        "code": code,
        "country": country,
        "sectors": list(sectors),
        "start": start,
        "end": start + len(text),
    }


def record(
    story_id: str,
    date: str | None,
    source: dict[str, Any] | None,
    target: dict[str, Any] | None,
    *,
    cameo: str = "040",
    sentence: str = "The two sides held talks.",
    index: int = 0,
    location: dict[str, Any] | None = None,
    confidence: float = 0.7,
    story_date: str | None = None,
) -> dict[str, Any]:
    """A valid event record of ``story_id``; its id is a hash like the coder's."""
    info = cameo_table.lookup(cameo)
    key = f"{story_id}|{index}|{cameo}|{(source or {}).get('code')}|{(target or {}).get('code')}"
    verb = sentence.split()[1]
    rec = {
        "event_id": "e-" + hashlib.sha1(key.encode()).hexdigest()[:16],
        "story_id": story_id,
        "sentence_index": index,
        "date": date,
        "date_text": None,
        "story_date": story_date or date,
        "source": source,
        "target": target,
        "cameo": info.code,
        "cameo_name": info.name,
        "root": info.root,
        "quad_class": info.quad_class,
        "goldstein": info.goldstein,
        "plover": plover_table.project(info.code),
        "location": location,
        "evidence": {
            "text": sentence,
            "start": 0,
            "end": len(sentence),
            "trigger": {"text": verb, "start": 4, "end": 4 + len(verb)},
        },
        "modality": "asserted",
        "confidence": confidence,
        "rule": "test.rule",
    }
    validate(rec)
    return rec


def place(name: str, country: str, lat: float = 40.4, lon: float = 49.9) -> dict[str, Any]:
    return {
        "name": name,
        "country": country,
        "admin1": None,
        "lat": lat,
        "lon": lon,
        "precision": "place",
        "source": "sentence",
        "start": None,
        "end": None,
    }


def story(
    story_id: str,
    text: str = "Some story text.",
    *,
    date: Any = None,
    agency: str | None = None,
    origin: str | None = None,
) -> Story:
    import datetime as dt

    d = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return Story(id=story_id, text=text, date=d, agency=agency, origin_file=origin)


@pytest.fixture
def mem_store():
    st = open_store(":memory:")
    yield st
    st.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def mk() -> SimpleNamespace:
    """``mk.actor``, ``mk.record``, ``mk.place``, ``mk.story``: builders of test data."""
    return SimpleNamespace(actor=actor, record=record, place=place, story=story, corpus=CORPUS)
