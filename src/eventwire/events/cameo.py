"""CAMEO event codes: names, roots, Goldstein values and quad classes (table: ``data/cameo.yaml``, whose schema
``events-cameo`` allows only codes with a root 01-20)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .._data import load_yaml
from ..errors import error

ROOTS = tuple(f"{i:02d}" for i in range(1, 21))

# Roots 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict.
_QUAD = {r: (1 if int(r) <= 5 else 2 if int(r) <= 8 else 3 if int(r) <= 13 else 4) for r in ROOTS}
# ConfliBERT / PentaClass: 0 statements+appeals, 1 verbal coop, 2 material coop, 3 verbal conflict (+16),
# 4 material conflict.
_PENTA = {
    r: (0 if int(r) <= 2 else 1 if int(r) <= 5 else 2 if int(r) <= 8 else 3 if int(r) <= 13 else 4) for r in ROOTS
}
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
    """The codebook: code -> its entry (loaded once per process)."""
    data = load_yaml("eventwire.events", "cameo.yaml")
    out: dict[str, CameoCode] = {}
    for code, row in data["codes"].items():
        code = str(code)
        root = root_of(code)
        out[code] = CameoCode(code, row["name"], float(row["goldstein"]), root, _QUAD[root], _PENTA[root])
    return out


def is_code(code: str) -> bool:
    return code in table()


def lookup(code: str) -> CameoCode:
    """The table entry for ``code``; raises ``DictionaryError`` for a code CAMEO does not have."""
    try:
        return table()[code]
    except KeyError:
        raise error("E311", code=code) from None
