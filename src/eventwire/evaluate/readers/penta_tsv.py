"""Reader for ``sentence<TAB>label`` files with a CAMEO penta class (0-4) per sentence (ConfliBERT style).

CRLF or LF line endings; blank lines are skipped; a first line whose label column is ``label`` is a header.
Penta classes: 0 statements and appeals (01-02), 1 verbal cooperation (03-05), 2 material cooperation
(06-08), 3 verbal conflict (09-13, 16), 4 material conflict (14, 15, 17-20).
"""

from __future__ import annotations

from pathlib import Path

from ..gold import GoldEvent, GoldSentence, GoldSet
from ._common import bad, read_text


def read_penta_tsv(path: Path) -> GoldSet:
    out: list[GoldSentence] = []
    for n, line in enumerate(read_text(path).splitlines(), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        where = f"{path}:{n}"
        if "\t" not in line:
            raise bad("expected 'sentence<TAB>label'", where)
        sentence, label = line.rsplit("\t", 1)
        label = label.strip()
        if n == 1 and label.lower() == "label":
            continue
        if label not in {"0", "1", "2", "3", "4"}:
            raise bad(f"label {label!r} is not a penta class 0-4", where)
        if not sentence.strip():
            raise bad("empty sentence", where)
        out.append(GoldSentence(id=f"L{n}", text=sentence.strip(), origin=where, events=[GoldEvent(penta=int(label))]))
    return GoldSet(str(path), "penta-tsv", "penta", out)
