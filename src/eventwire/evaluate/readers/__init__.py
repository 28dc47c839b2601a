"""Gold-file readers, one module per format; ``read_gold(path, fmt)`` dispatches on the format name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...errors import EvalError
from ..gold import GoldSet
from .jsonl import read_jsonl
from .penta_tsv import read_penta_tsv
from .petr import read_petr
from .plover_gsr import read_plover_gsr

READERS: dict[str, Callable[[Path], GoldSet]] = {
    "plover-gsr": read_plover_gsr,
    "petr": read_petr,
    "penta-tsv": read_penta_tsv,
    "jsonl": read_jsonl,
}
FORMATS = tuple(READERS)


def read_gold(path: str | Path, fmt: str) -> GoldSet:
    """Read the gold file ``path`` in format ``fmt`` (one of ``FORMATS``); ``EvalError`` when it is bad."""
    if fmt not in READERS:
        raise EvalError(f"unknown gold format {fmt!r}; choose one of {', '.join(FORMATS)}", code="E601")
    p = Path(path)
    if not p.is_file():
        raise EvalError("gold file not found", code="E602", where=str(p))
    gold = READERS[fmt](p)
    if not gold.sentences:
        raise EvalError("the gold file holds no scorable sentence", code="E603", where=str(p))
    return gold

