"""Actor evaluation on the PLOVER gold standard records (dev set): country accuracy and sector agreement.

For every gold source/target actor (``actorText``, ``code``, ``sector``) the actor text is located in the
sentence (first exact occurrence, else case-insensitive) and compared with the eventwire mention(s) that
overlap it: the one with the largest overlap; when that mention belongs to a group ("Hungarian and
Romanian officials") the group member with the gold country is taken, as the gold set lists group members
separately.

- country accuracy = gold actors whose matched mention has the gold country / all gold actors (an actor
  with no overlapping mention counts as wrong). Gold codes that are not ISO alpha-3 are mapped
  (JAP→JPN, ITL→ITA, VTN→VNM); an eventwire IGO/NGO/IMG mention matches the same generic gold code.
- sector agreement = among gold actors with a matched mention, the share where the gold sector (its first
  three letters) is one of the mention's role or religion sectors (gold "MOS" is a religion code), or
  both have no sector.

Usage:
    python benchmarks/actor_eval.py [--gold ../shared/data/plover_gsr/PLOVER_GSR_CAMEO.json] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
GOLD_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def locate(text: str, actor: str) -> tuple[int, int] | None:
    actor = " ".join(actor.split())
    i = text.find(actor)
    if i < 0:
        i = text.lower().find(actor.lower())
    if i < 0:  # a discontinuous actor ("French ... warships"): from its first word to its last
        words = [w for w in actor.replace("...", " ").split() if w]
        if not words:
            return None
        i = text.find(words[0])
        j = text.find(words[-1], i + 1) if i >= 0 else -1
        if i < 0 or j < 0:
            return None
        return i, j + len(words[-1])
    return i, i + len(actor)


def match(mentions: list[Any], span: tuple[int, int], gold_country: str) -> Any | None:
    s, e = span
    best, best_ov = None, 0
    for m in mentions:
        ov = min(e, m.end) - max(s, m.start)
        if ov > best_ov:
            best, best_ov = m, ov
    if best is not None and best.group is not None:
        for m in mentions:
            if m.group == best.group and m.country == gold_country:
                return m
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    ap.add_argument(
        "--sector-errors", type=int, default=0, help="print this many sector disagreements (matched mentions)"
    )
    args = ap.parse_args(argv)

    from eventwire.actors import ActorCoder
    from eventwire.actors.lexicon import RELIGION_CODES, ROLE_CODES
    from eventwire.ingest.normalize import normalize
    from eventwire.pipeline import Coder
    from eventwire.story import Story

    records = [r for r in json.loads(args.gold.read_text("utf-8")) if r.get("event") != "DOCUMENT"]
    coder = Coder()
    actors: ActorCoder = coder.actors
    docs = coder.nlp.pipe([normalize(r["text"]) for r in records], batch_size=64)
    stats = {k: [0, 0, 0, 0] for k in ("source", "target")}  # gold, country ok, matched, sector ok
    errors: list[str] = []
    sector_errors: list[str] = []
    for r, doc in zip(records, docs, strict=True):
        story = Story(id=r["id"], text=r["text"])
        mentions = actors.code(doc, story)
        for role in ("source", "target"):
            gold = r.get(role)
            if not isinstance(gold, list):
                continue
            for g in gold:
                code = (g.get("code") or "").upper()
                code = GOLD_ALIASES.get(code, code)
                if not code or not g.get("actorText"):
                    continue
                st = stats[role]
                st[0] += 1
                span = locate(r["text"], g["actorText"])
                m = match(mentions, span, code) if span else None
                if m is not None and m.country == code:
                    st[1] += 1
                elif len(errors) < 10_000:
                    errors.append(
                        f"{role:6s} gold={code}{g.get('sector') or ''} got="
                        f"{m.code if m else None} actor={g['actorText']!r} | {r['text'][:140]}"
                    )
                if m is not None:
                    st[2] += 1
                    gs = (g.get("sector") or "")[:3].upper()
                    roles = [s for s in m.sectors if s in ROLE_CODES or s in RELIGION_CODES]
                    if (not gs and not roles) or (gs and gs in roles):
                        st[3] += 1
                    else:
                        sector_errors.append(
                            f"{role:6s} gold={code}{g.get('sector') or ''} got={m.code} "
                            f"actor={g['actorText']!r} | {r['text'][:120]}"
                        )
    for role, (n, ok, matched, sec) in stats.items():
        print(
            f"{role:6s} actors={n:4d}  country accuracy={ok / max(n, 1):.3f}"
            f"  matched={matched / max(n, 1):.3f}"
            f"  sector agreement={sec / max(matched, 1):.3f}"
        )
    for e in errors[: args.errors]:
        print(e, file=sys.stderr)
    for e in sector_errors[: args.sector_errors]:
        print("sector", e, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
