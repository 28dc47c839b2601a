"""News agencies: the table in ``data/agencies.yaml``, loaded once, as a case-insensitive alias lookup."""

from __future__ import annotations

from functools import cache

from .._data import load_yaml


@cache
def _aliases() -> dict[str, str]:
    """Every spelling (case-folded, hyphens as blanks) -> the canonical name; the file's schema is
    ``ingest-agencies``."""
    out: dict[str, str] = {}
    for entry in load_yaml("eventwire.ingest", "agencies.yaml")["agencies"]:
        name = entry["name"]
        for alias in [name, *entry.get("aliases", [])]:
            out[_key(str(alias))] = name
    return out


def _key(s: str) -> str:
    return " ".join(s.replace("-", " ").split()).casefold()


def canonical_agency(name: str) -> str | None:
    """The canonical name of a listed agency (``"ITAR-TASS"`` → ``"TASS"``), else ``None``."""
    return _aliases().get(_key(name))
