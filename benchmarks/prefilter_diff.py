#!/usr/bin/env python3
"""The trigger pre-filter's effect on the records: code the same stories with it off and on, and diff.

Reads stories the way ``eventwire code`` does (any input ingest reads: JSONL, CSV, text, folders), codes them
with ``Coder(prefilter=False)`` and ``Coder(prefilter=True)`` in one process (the same rules, the same data),
and prints the sentences the pre-filter skipped (share of sentences and tokens) and every story whose records
differ: the records only one side has, as (sentence, CAMEO code, source, target, trigger). ``--all-fields``
compares whole records instead (dates, places, evidence spans, confidence ...).

    python benchmarks/prefilter_diff.py ../shared/data/oeda_reuters_demo_2020/demo-REUT-20-02-25-stories.jsonl
    python benchmarks/prefilter_diff.py ../shared/data/ngec_synthetic_plover/gpt_synthetic_events_2023-10-19_19.csv

``--eval FORMAT`` instead scores a gold file (``eventwire eval``'s formats) with both coders in the same process
and says whether the two reports are identical (and prints the lines that differ):

    python benchmarks/prefilter_diff.py --eval plover-gsr ../shared/data/plover_gsr/PLOVER_GSR_CAMEO.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import replace
from typing import Any


def key(rec: Any, all_fields: bool) -> str:
    if all_fields:
        return json.dumps(rec, sort_keys=True, default=str)
    src = (rec.get("source") or {}).get("code")
    tgt = (rec.get("target") or {}).get("code")
    trig = rec["evidence"]["trigger"]
    return f"{rec['sentence_index']}|{rec['cameo']}|{src}|{tgt}|{trig['text']}@{trig['start']}"


def batches(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    out: list[Any] = []
    for it in items:
        out.append(it)
        if len(out) >= size:
            yield out
            out = []
    if out:
        yield out


def compare_eval(paths: list[str], fmt: str, off: Any, on: Any, limit: int | None) -> int:
    """Score each gold file with the pre-filter off and on; 0 when every pair of reports is identical. Prints
    the report lines that differ and the gold sentences whose records differ (with the skipped sentences)."""
    from eventwire import prefilter
    from eventwire.evaluate import predict, read_gold, render, score

    same = True
    for path in paths:
        gold = read_gold(path, fmt)
        sentences = gold.sentences[:limit] if limit else gold.sentences
        p_off, p_on = predict(off, sentences, origin=path), predict(on, sentences, origin=path)
        skipped = sum(prefilter.stats(on.prefilter.prepare(s.text)).skipped_sentences for s in sentences)
        r_off, _ = score(gold, p_off) if not limit else score(_limited(gold, sentences), p_off)
        r_on, _ = score(gold, p_on) if not limit else score(_limited(gold, sentences), p_on)
        a, b = render(r_off).splitlines(), render(r_on).splitlines()
        ok = a == b and r_off == r_on
        print(
            f"{path}: {len(sentences)} gold texts, {skipped} sentences skipped; "
            f"reports {'identical' if ok else 'DIFFER'}"
        )
        for x, y in zip(a, b, strict=False):
            if x != y:
                print(f"  off: {x}\n  on:  {y}")
        for g, x, y in zip(sentences, p_off, p_on, strict=True):
            kx = sorted(json.dumps(r, sort_keys=True, default=str) for r in x.records)
            ky = sorted(json.dumps(r, sort_keys=True, default=str) for r in y.records)
            if kx != ky or x.rejected != y.rejected:
                print(f"  records differ: {g.text[:200]!r}")
                for k in sorted(set(kx) - set(ky)):
                    print(f"    - {k[:400]}")
                for k in sorted(set(ky) - set(kx)):
                    print(f"    + {k[:400]}")
        same = same and ok
    return 0 if same else 1


def _limited(gold: Any, sentences: Any) -> Any:
    from eventwire.evaluate import GoldSet

    return GoldSet(gold.path, gold.format, gold.kind, list(sentences), gold.skipped, gold.skipped_events)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--limit", type=int, default=None, help="only the first N stories")
    ap.add_argument("--all-fields", action="store_true", help="compare whole records, not the event keys")
    ap.add_argument("--show", type=int, default=20, help="print at most N differing stories")
    ap.add_argument(
        "--keep-names",
        action="store_true",
        help="keep also the sentences that may name an actor or refer to one (TriggerFilter(names=...))",
    )
    ap.add_argument("--eval", metavar="FORMAT", default=None, help="score gold files of FORMAT off and on")
    args = ap.parse_args(argv)

    from eventwire import prefilter
    from eventwire.ingest.walk import read_paths
    from eventwire.pipeline import Coder
    from eventwire.story import Story

    off, on = Coder(prefilter=False), Coder(prefilter=True)
    if args.keep_names:
        on.prefilter = prefilter.TriggerFilter(on.nlp, on.events.needed_lemmas, on.actors.lexicon.automaton)
    if args.eval:
        return compare_eval(args.paths, args.eval, off, on, args.limit)
    # a corpus may repeat an id (an updated story): number them, so each story is compared with itself
    stories = [replace(s, id=f"{s.id}#{n}") for n, s in enumerate(read_paths(args.paths)) if isinstance(s, Story)]
    if args.limit:
        stories = stories[: args.limit]
    st = prefilter.Stats()
    n_off = n_on = changed = shown = index_only = 0
    for batch in batches(stories, 32):
        r_off: list[Any] = []
        a_off = {a.story.id: a for a in off.analyze_batch(batch, r_off)}
        r_on: list[Any] = []
        a_on = {a.story.id: a for a in on.analyze_batch(batch, r_on)}
        for s in batch:
            x, y = a_off.get(s.id), a_on.get(s.id)
            if x is None or y is None:
                if (x is None) != (y is None):
                    print(f"{s.id}: rejected by one side only", file=sys.stderr)
                continue
            st.add(prefilter.stats(y.doc))
            kx = [key(r, args.all_fields) for r in x.records]
            ky = [key(r, args.all_fields) for r in y.records]
            n_off += len(kx)
            n_on += len(ky)
            if sorted(kx) == sorted(ky):
                continue
            gone = sorted(set(kx) - set(ky))
            new = sorted(set(ky) - set(kx))
            changed += max(len(gone), len(new)) or 1
            # the same events (code, actors, trigger) in a sentence numbered differently
            ex = sorted(k.split("|", 1)[1] for k in gone)
            ey = sorted(k.split("|", 1)[1] for k in new)
            if not args.all_fields and ex == ey:
                index_only += len(gone)
            if shown < args.show:
                shown += 1
                print(f"--- {s.id}: off only {len(gone)}, on only {len(new)}")
                for k in gone:
                    print(f"  - {k[:300]}")
                for k in new:
                    print(f"  + {k[:300]}")
    print(
        f"{len(stories)} stories · {st.sentences} sentences, {st.skipped_sentences} skipped "
        f"({st.share_skipped:.1%}) · {st.tokens} tokens, {st.skipped_tokens} skipped "
        f"({st.skipped_tokens / max(1, st.tokens):.1%})"
    )
    print(
        f"records: off {n_off}, on {n_on}; changed events: {changed}, of which {index_only} differ only in their "
        "sentence_index (stories whose other records are all unchanged)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
