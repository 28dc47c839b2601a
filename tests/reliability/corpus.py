"""A small corpus of news stories for the store and determinism tests, generated (seeded) at test time, and a
dump of a store's content that leaves out what differs between runs (run ids and times)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from eventwire.store import open_store

EVENT_SENTENCES = (
    "Azerbaijan's Foreign Minister Jeyhun Bayramov met with Turkish Defense Minister Yasar Guler in Baku.",
    "Police arrested three protesters in Ganja on Monday.",
    "Russia criticized the decision of the Georgian government.",
    "The Turkish president praised Azerbaijan for its restraint.",
    "Armenian troops attacked positions near the border, the ministry said.",
    "Iran urged Azerbaijan to resume talks.",
    "The European Union pledged aid to Georgia on Tuesday.",
    "Georgian police detained an opposition leader in Tbilisi.",
    "The United States condemned the attack.",
    "Kazakhstan and Uzbekistan signed an agreement on water sharing.",
    "Protesters demonstrated outside the parliament in Yerevan.",
    "The Russian foreign minister visited Ankara last week.",
)


def write_corpus(path: Path, stories: int = 24, *, sentences: int = 5, seed: int = 7, bad: bool = True) -> Path:
    """A JSONL corpus of ``stories`` records (and a line that is not JSON when ``bad``)."""
    rng = random.Random(seed)
    lines = []
    for i in range(stories):
        text = " ".join(rng.choice(EVENT_SENTENCES) for _ in range(sentences))
        lines.append(json.dumps({"id": f"story-{i:03d}", "text": text, "date": f"2024-03-{1 + i % 28:02d}"}))
        if bad and i == stories // 2:
            lines.append('{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


_SKIP = {"run_id", "coded_at", "rejected_at", "started_at", "finished_at"}
_TABLES = ("stories", "mentions", "actors", "rejects", "event_mentions", "events")


def dump(db: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the store's content tables, sorted, without run ids and times."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with open_store(db, read_only=True) as st:
        for table in _TABLES:
            cols = [
                str(r[0])
                for r in st.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                    [table],
                )
                if str(r[0]) not in _SKIP
            ]
            names = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted((tuple(map(repr, row)) for row in st.execute(f"SELECT {names} FROM {table}")), key=str)
    return out
