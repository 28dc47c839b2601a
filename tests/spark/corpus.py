"""A generated wire corpus for the Spark tests: templated stories with events, the same event reported by
several agencies on neighbouring days (duplicates across stories), and a few inputs that are rejected."""

from __future__ import annotations

import datetime as _dt
import json
import random
from pathlib import Path
from typing import Any

COUNTRIES = [
    ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Turkey", "Turkish", "Ankara"),
    ("Russia", "Russian", "Moscow"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Iran", "Iranian", "Tehran"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Greece", "Greek", "Athens"),
    ("Georgia", "Georgian", "Tbilisi"),
]
ROLES = ["foreign minister", "president", "defense minister", "prime minister"]
AGENCIES = ["Reuters", "AFP", "AP", "Xinhua", "AZERTAC", "TASS"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# sentences with a source country A and a target country B (adjective, name, capital)
TEMPLATES = [
    "{A_adj} {role} met with his {B_adj} counterpart in {place} on {weekday}.",
    "The {A_adj} government condemned the {B_adj} decision to close the border.",
    "{A} accused {B} of violating the ceasefire agreement near the border.",
    "The {A_adj} {role} urged {B} to resume negotiations without preconditions.",
    "{A_adj} police arrested three {B_adj} journalists in {A_cap} on {weekday}.",
    "{A} and {B} signed an agreement on energy cooperation in {place}.",
    "The {A_adj} {role} praised {B} for its help after the earthquake.",
    "{A_adj} troops shelled {B_adj} positions near the border overnight.",
]
FILLER = [
    "Officials said the talks would continue next week.",
    "The statement was published on the ministry's website.",
    "Analysts expect further contacts between the two capitals.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _story(
    rng: random.Random,
    a: tuple[str, str, str],
    b: tuple[str, str, str],
    tpl: str,
    day: _dt.date,
    agency: str,
    extra: int,
) -> str:
    place = rng.choice([a[2], b[2]])
    s = tpl.format(
        A=a[0],
        A_adj=a[1],
        A_cap=a[2],
        B=b[0],
        B_adj=b[1],
        role=rng.choice(ROLES),
        place=place,
        weekday=WEEKDAYS[day.weekday() % 5],
    )
    body = " ".join([s[0].upper() + s[1:], *rng.sample(FILLER, extra)])
    return f"{place.upper()}, {MONTHS[day.month - 1]} {day.day} ({agency}) - {body}"


def records(n: int = 240, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` JSONL records (about a third of them repeat an event another agency reported a day earlier or
    the same day), plus three that are rejected: an empty text, a record without text, a text too short
    to hold a sentence is still coded (no event) — rejects are the first two and a bad JSON line that
    ``write_jsonl`` adds."""
    rng = random.Random(seed)
    start = _dt.date(2024, 1, 3)
    out: list[dict[str, Any]] = []
    events: list[tuple[Any, ...]] = []
    while len(out) < n:
        if events and rng.random() < 0.35:
            a, b, tpl, day = rng.choice(events)
            day = day + _dt.timedelta(days=rng.choice([0, 1]))
        else:
            a, b = rng.sample(COUNTRIES, 2)
            tpl = rng.choice(TEMPLATES)
            day = start + _dt.timedelta(days=rng.randrange(0, 150))
            events.append((a, b, tpl, day))
        agency = rng.choice(AGENCIES)
        rec: dict[str, Any] = {
            "id": f"wire-{len(out):04d}",
            "text": _story(rng, a, b, tpl, day, agency, rng.randrange(0, 3)),
        }
        if rng.random() < 0.7:
            rec["date"] = day.isoformat()
        if rng.random() < 0.5:
            rec["source"] = agency
        out.append(rec)
    out.append({"id": "wire-empty", "text": "   "})
    out.append({"id": "wire-notext", "title": "no text here"})
    return out


def write_jsonl(path: Path, recs: list[dict[str, Any]]) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    lines.insert(len(lines) // 2, '{"id": "wire-broken", "text": ')  # a line that does not parse
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path
