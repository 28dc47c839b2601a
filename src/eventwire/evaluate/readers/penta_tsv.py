"""Reader for ``sentence<TAB>label`` files with a CAMEO penta class (0-4) per sentence (ConfliBERT style).

CRLF or LF line endings; blank lines are skipped; a first line whose label column is ``label`` is a header.
Penta classes: 0 statements and appeals (01-02), 1 verbal cooperation (03-05), 2 material cooperation
(06-08), 3 verbal conflict (09-13, 16), 4 material conflict (14, 15, 17-20).

``spans`` (optional) is the matching token-tag file (ConfliBERT's ``cameo_ner`` CoNLL format): one
``token tag`` line per token (the tag is the last field), a blank line between sentences, the sentences in
the order of the TSV. Tags ``B-S``/``I-S`` mark the source actor, ``B-T``/``I-T`` the target, ``B-R``/``I-R``
a reciprocal actor (either side; it counts for both), ``O`` anything else. The tokens are found in the
sentence in order (white space between them may differ) and give each gold event its actors' character
spans, for the span scores and for what a "right" event is (docs/evaluation.md).
"""

from __future__ import annotations

from pathlib import Path

from ...errors import error
from ..gold import GoldEvent, GoldSentence, GoldSet
from ._common import bad, read_text

Span = tuple[int, int]


def read_penta_tsv(path: Path, spans: Path | None = None) -> GoldSet:
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
    if spans is not None:
        _add_spans(out, spans)
    return GoldSet(str(path), "penta-tsv", "penta", out)


def _blocks(spans: Path) -> list[tuple[int, list[tuple[str, str]]]]:
    """(first line number, [(token, tag)]) per sentence of the token-tag file."""
    if not spans.is_file():
        raise error("E602", where=str(spans))
    blocks: list[tuple[int, list[tuple[str, str]]]] = []
    cur: list[tuple[str, str]] = []
    start = 0
    for n, line in enumerate(read_text(spans).splitlines(), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            if cur:
                blocks.append((start, cur))
                cur = []
            continue
        if not cur:
            start = n
        token, _, tag = line.rstrip().rpartition(" ")
        if not token or not (tag == "O" or (len(tag) == 3 and tag[:2] in ("B-", "I-") and tag[2] in "STR")):
            raise error("E612", where=f"{spans}:{n}", problem="expected 'token tag' with tag O, B-S/T/R or I-S/T/R")
        cur.append((token, tag))
    if cur:
        blocks.append((start, cur))
    return blocks


def _add_spans(sentences: list[GoldSentence], spans: Path) -> None:
    blocks = _blocks(spans)
    if len(blocks) != len(sentences):
        raise error(
            "E612", where=str(spans), problem=f"{len(blocks)} sentences, but the gold file has {len(sentences)}"
        )
    for s, (line, toks) in zip(sentences, blocks, strict=True):
        found: dict[str, list[Span]] = {"S": [], "T": [], "R": []}
        pos = 0
        for k, (token, tag) in enumerate(toks):
            at = s.text.find(token, pos)
            if at < 0 or s.text[pos:at].strip():
                raise error(
                    "E612", where=f"{spans}:{line + k}", problem=f"token {token!r} is not the next word of {s.origin}"
                )
            pos = at + len(token)
            if tag == "O":
                continue
            role = found[tag[2]]
            if tag[0] == "I" and role and _ends(role[-1], s.text, at):
                role[-1] = (role[-1][0], pos)
            else:
                role.append((at, pos))
        ev = s.events[0]
        s.events[0] = GoldEvent(
            penta=ev.penta,
            source_spans=tuple(found["S"] + found["R"]),
            target_spans=tuple(found["T"] + found["R"]),
        )


def _ends(span: Span, text: str, at: int) -> bool:
    """True when only white space lies between ``span`` and offset ``at`` (an I- tag continues it)."""
    return not text[span[1] : at].strip()
