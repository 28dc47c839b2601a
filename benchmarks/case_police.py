"""Case robustness of police actions: are the events police carry out found when the text loses its capitals?

Scraped pages and some feeds come all lower-case (or, in headlines, ALL CAPS). The word "police" is a plain noun,
but the rest of the sentence (the country, a place, a name) is what gives the event its parties and its code. This
script codes four gold sets as written, lower-cased and upper-cased, and scores the **police actions**: gold events
whose source is police against predicted events whose source code carries ``COP``, by penta class:

- ConfliBERT CAMEO test split (``../shared/data/conflibert_cameo_test``, a dev set): events whose gold source span
  (the ``cameo_ner`` tags) holds the word police (policeman, policemen); a police action is (sentence, penta class);
- PLOVER GSR (``plover_gsr/PLOVER_GSR_CAMEO.json``, a dev set): records whose source sector is ``COP``; its event
  types do not map one-to-one to CAMEO, so a police action there is (record, "found": any police-source event);
- the sealed sets S and T (``benchmarks/sealed/gold.jsonl``, ``gold2.jsonl``; references into ``../shared``, see
  ``sealed/README.md``): sources with ``COP`` in the role position; (sentence, penta class), on the events that
  report the story's news.

Every sentence of a set is coded, so police-source events elsewhere count against precision. Micro precision,
recall and F1 per set and case, and over all sets. Without ``../shared`` the script says so and exits 0. Counts
only: no sentence is printed.

    python benchmarks/case_police.py [--shared PATH] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import sealed_eval as se

HERE = Path(__file__).resolve().parent
CASES: dict[str, Callable[[str], str]] = {"as written": str, "lower": str.lower, "upper": str.upper}
Key = tuple[str, str]
POLICE_WORD = re.compile(r"\bpolice(?:man|men|woman|women)?\b", re.IGNORECASE)


def police(code: str | None) -> bool:
    """A code whose role part (after the three-letter country or ``---``) holds COP."""
    return bool(code) and "COP" in str(code)[3:]


def predicted(sid: str, records: Iterable[dict[str, Any]], label: Callable[[dict[str, Any]], str]) -> set[Key]:
    out: set[Key] = set()
    for r in records:
        src = r.get("source") or {}
        if police(src.get("code")):
            out.add((sid, label(r)))
    return out


def plover_set(data: Path, case: Callable[[str], str]) -> tuple[set[Key], set[Key]]:
    import eventwire
    from eventwire.evaluate.labels import candidates

    rows = json.loads((data / "plover_gsr" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    gold: set[Key] = set()
    pred: set[Key] = set()
    for n, rec in enumerate(rows):
        event = str(rec.get("event") or "").upper()
        if event == "DOCUMENT" or not isinstance(rec.get("text"), str):
            continue
        sid = str(rec.get("id") or n)
        if any(isinstance(a, dict) and a.get("sector") == "COP" for a in rec.get("source") or []):
            gold.add((sid, "found"))
        records = [dict(r) for r in candidates(eventwire.code_text(case(rec["text"])), "plover")]  # type: ignore[arg-type]
        pred |= predicted(sid, records, lambda r: "found")
    return gold, pred


def conflibert_set(data: Path, case: Callable[[str], str]) -> tuple[set[Key], set[Key]]:
    import eventwire
    from eventwire.evaluate.labels import candidates
    from eventwire.evaluate.readers import read_gold

    base = data / "conflibert_cameo_test"
    gs = read_gold(base / "cameo_class_test.tsv", "penta-tsv", spans=base / "cameo_ner_test.txt")
    gold: set[Key] = set()
    pred: set[Key] = set()
    for n, sent in enumerate(gs.sentences):
        sid = str(n)
        for e in sent.events:
            if any(POLICE_WORD.search(sent.text[a:b]) for a, b in e.source_spans):
                gold.add((sid, str(e.penta)))
        records = [dict(r) for r in candidates(eventwire.code_text(case(sent.text)), "cameo")]  # type: ignore[arg-type]
        pred |= predicted(sid, records, lambda r: se.penta(str(r["cameo"])))
    return gold, pred


def sealed_set(gold_file: Path, data: Path, case: Callable[[str], str]) -> tuple[set[Key], set[Key]]:
    import eventwire

    refs = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    items, _ = se.rebuild(refs, data)
    gold: set[Key] = set()
    pred: set[Key] = set()
    for it in items:
        sid = str(it.ref["id"])
        gold |= {(sid, se.penta(e["cameo"])) for e in it.ref["events"] if police(e.get("source"))}
        try:
            it.records = [dict(r) for r in eventwire.code_text(case(it.text), date=it.ref.get("date"))]
        except eventwire.InputError:
            continue
        pred |= predicted(sid, se.news(it), lambda r: se.penta(str(r["cameo"])))
    return gold, pred


def prf(gold: set[Key], pred: set[Key]) -> dict[str, float | int]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "tp": tp,
        "pred": len(pred),
        "gold": len(gold),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default: $EVENTWIRE_SHARED, else ../shared)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    a = ap.parse_args(argv)
    data = se.shared_data(a.shared)
    if not (data / "plover_gsr").is_dir():
        print(f"no shared data at {data}: nothing to score")
        return 0
    sets: dict[str, Callable[[Callable[[str], str]], tuple[set[Key], set[Key]]]] = {
        "ConfliBERT": lambda c: conflibert_set(data, c),
        "PLOVER GSR": lambda c: plover_set(data, c),
        "sealed S": lambda c: sealed_set(HERE / "sealed" / "gold.jsonl", data, c),
        "sealed T": lambda c: sealed_set(HERE / "sealed" / "gold2.jsonl", data, c),
    }
    report: dict[str, dict[str, Any]] = {}
    for case_name, case in CASES.items():
        all_gold: set[Key] = set()
        all_pred: set[Key] = set()
        report[case_name] = {}
        for set_name, run in sets.items():
            gold, pred = run(case)
            report[case_name][set_name] = prf(gold, pred)
            all_gold |= {(set_name + k[0], k[1]) for k in gold}
            all_pred |= {(set_name + k[0], k[1]) for k in pred}
        report[case_name]["all"] = prf(all_gold, all_pred)
    if a.json:
        print(json.dumps(report, indent=2))
        return 0
    print("police actions (source COP): precision / recall / F1 (tp/pred/gold)")
    for case_name, rows in report.items():
        print(f"  {case_name}")
        for set_name, m in rows.items():
            print(
                f"    {set_name:<11} {m['precision']:.3f} / {m['recall']:.3f} / {m['f1']:.3f}"
                f"  ({m['tp']}/{m['pred']}/{m['gold']})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
