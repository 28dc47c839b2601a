"""News agencies: the table in ``data/agencies.yaml``, loaded once, as a case-insensitive alias lookup."""

from __future__ import annotations

from functools import cache

from .._data import load_yaml
from ..errors import DictionaryError

_WHERE = "eventwire/ingest/data/agencies.yaml"


@cache
def _aliases() -> dict[str, str]:
    data = load_yaml("eventwire.ingest", "agencies.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("agencies"), list):
        raise DictionaryError("expected a mapping with an 'agencies' list", code="E303", where=_WHERE)
    out: dict[str, str] = {}
    for n, entry in enumerate(data["agencies"], 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise DictionaryError(f"entry {n}: needs a 'name' string", code="E303", where=_WHERE)
        name = entry["name"]
        for alias in [name, *entry.get("aliases", [])]:
            out[_key(str(alias))] = name
    return out


def _key(s: str) -> str:
    return " ".join(s.replace("-", " ").split()).casefold()


def canonical_agency(name: str) -> str | None:
    """The canonical name of a listed agency (``"ITAR-TASS"`` → ``"TASS"``), else ``None``."""
    return _aliases().get(_key(name))
