"""CAMEO event codes: names, roots, Goldstein values and quad classes (table: ``data/cameo.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .._data import load_yaml
from ..errors import DictionaryError

ROOTS = tuple(f"{i:02d}" for i in range(1, 21))

# Roots 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict.
_QUAD = {r: (1 if int(r) <= 5 else 2 if int(r) <= 8 else 3 if int(r) <= 13 else 4) for r in ROOTS}
# ConfliBERT / PentaClass: 0 statements+appeals, 1 verbal coop, 2 material coop, 3 verbal conflict (+16),
# 4 material conflict.
_PENTA = {r: (0 if int(r) <= 2 else 1 if int(r) <= 5 else 2 if int(r) <= 8 else 3 if int(r) <= 13 else 4)
          for r in ROOTS}
_PENTA["16"] = 3


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int
    penta_class: int


def root_of(code: str) -> str:
    return code[:2]


def quad_class(code: str) -> int:
    return _QUAD[root_of(code)]


def penta_class(code: str) -> int:
    return _PENTA[root_of(code)]


@lru_cache(maxsize=1)
def table() -> dict[str, CameoCode]:
    data = load_yaml("eventwire.events", "cameo.yaml")
    out: dict[str, CameoCode] = {}
    for code, row in (data or {}).get("codes", {}).items():
        code = str(code)
        if root_of(code) not in _QUAD:
            raise DictionaryError(f"code {code!r} has no valid root", code="E310", where="events/data/cameo.yaml")
        out[code] = CameoCode(code, str(row["name"]), float(row["goldstein"]), root_of(code),
                              _QUAD[root_of(code)], _PENTA[root_of(code)])
    return out


def is_code(code: str) -> bool:
    return code in table()


def lookup(code: str) -> CameoCode:
    """The table entry for ``code``; raises ``DictionaryError`` for a code CAMEO does not have."""
    try:
        return table()[code]
    except KeyError:
        raise DictionaryError(f"unknown CAMEO code {code!r}", code="E311") from None
