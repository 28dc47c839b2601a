"""Actor detection recall on source/target spans of real news (ConfliBERT CAMEO NER test set, dev set).

The file is CoNLL-like (``token tag`` per line, a blank line between sentences); tags ``B-/I-`` with
``S`` (source), ``T`` (target), ``R`` (reciprocal: both). It marks actor spans but gives no codes, so
this measures **detection**: for every gold span, does eventwire emit a mention that overlaps it?

- recall (any)   = gold spans overlapped by any mention / all gold spans
- recall (coded) = gold spans overlapped by a mention with a country or generic code (not ``---``)
- precision proxy = mentions that overlap some gold span / all mentions (the gold marks only the
  source and target of the sentence's main event, so this is a lower bound, reported for trend only)

The sentence text is rebuilt by joining the tokens with single spaces (the tokens carry no spacing).

Usage:
    python benchmarks/actor_spans.py [--gold ../shared/data/conflibert_cameo_test/cameo_ner_test.txt]
                                     [--errors N] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "conflibert_cameo_test" / "cameo_ner_test.txt"


def read(path: Path) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Sentences as (text, [(role, start char, end char)])."""
    out: list[tuple[str, list[tuple[str, int, int]]]] = []
    toks: list[tuple[str, str]] = []

    def flush() -> None:
        if not toks:
            return
        text, spans, pos = "", [], 0
        cur: list = []
        for word, tag in toks:
            if text:
                text += " "
                pos += 1
            s, e = pos, pos + len(word)
            text += word
            pos = e
            if tag.startswith("B-"):
                if cur:
                    spans.append(tuple(cur))
                cur = [tag[2:], s, e]
            elif tag.startswith("I-") and cur and cur[0] == tag[2:]:
                cur[2] = e
            else:
                if cur:
                    spans.append(tuple(cur))
                cur = [tag[2:], s, e] if tag.startswith("I-") else []
        if cur:
            spans.append(tuple(cur))
        out.append((text, spans))
        toks.clear()

    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            flush()
            continue
        toks.append((" ".join(parts[:-1]), parts[-1]))
    flush()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--errors", type=int, default=0, help="print this many missed spans")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)

    from eventwire.ingest.normalize import normalize
    from eventwire.pipeline import Coder
    from eventwire.story import Story

    sents = read(args.gold)
    if args.limit:
        sents = sents[: args.limit]
    coder = Coder()
    docs = coder.nlp.pipe([normalize(t) for t, _ in sents], batch_size=64)
    per = {r: [0, 0, 0] for r in ("S", "T", "R")}  # gold, any, coded
    n_mentions = n_useful = 0
    missed: list[str] = []
    for (text, spans), doc in zip(sents, docs, strict=True):
        mentions = coder.actors.code(doc, Story(id="s", text=text))
        n_mentions += len(mentions)
        n_useful += sum(1 for m in mentions if any(min(e, m.end) > max(s, m.start) for _, s, e in spans))
        for role, s, e in spans:
            ov = [m for m in mentions if min(e, m.end) > max(s, m.start)]
            st = per.setdefault(role, [0, 0, 0])
            st[0] += 1
            if ov:
                st[1] += 1
            if any(m.country for m in ov):
                st[2] += 1
            else:
                missed.append(f"{role} {text[s:e]!r} got={[m.code for m in ov]} | {text[:150]}")
    tot = [sum(v[i] for v in per.values()) for i in range(3)]
    for role, (n, anyc, coded) in list(per.items()) + [("all", tuple(tot))]:
        if n:
            print(f"{role:4s} spans={n:4d}  recall(any)={anyc / n:.3f}  recall(coded)={coded / n:.3f}")
    print(f"mentions={n_mentions}  overlapping a gold span={n_useful / max(n_mentions, 1):.3f}")
    for line in missed[: args.errors]:
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
