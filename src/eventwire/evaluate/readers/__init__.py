"""Gold-file readers, one module per format; ``read_gold(path, fmt)`` dispatches on the format name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ...errors import error
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


def read_gold(path: str | Path, fmt: str, *, spans: str | Path | None = None) -> GoldSet:
    """Read the gold file ``path`` in format ``fmt`` (one of ``FORMATS``); ``EvalError`` when it is bad.

    ``spans``: the token-tag file of the actors' spans that goes with a ``penta-tsv`` file (ConfliBERT's
    ``cameo_ner`` CoNLL file; see ``readers/penta_tsv.py``)."""
    if fmt not in READERS:
        raise error("E601", fmt=fmt, formats=", ".join(FORMATS))
    if spans is not None and fmt != "penta-tsv":
        raise error("E611", fmt=fmt)
    p = Path(path)
    if not p.is_file():
        raise error("E602", where=str(p))
    gold = read_penta_tsv(p, Path(spans)) if spans is not None else READERS[fmt](p)
    if not gold.sentences:
        raise error("E603", where=str(p))
    return gold
