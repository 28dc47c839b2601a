"""Score eventwire on the sealed check set: hand-coded gold for news sentences the rules were not tuned on.

The gold (``benchmarks/sealed/gold.jsonl``, S ids, the first draw; ``--gold benchmarks/sealed/gold2.jsonl``, T ids,
the second, blind draw; see ``benchmarks/sealed/README.md``) holds only references into the
corpora of ``../shared/data`` (corpus, story, character offsets, SHA-1 of the sentence) and the hand codes. This
script rebuilds each sentence from ``../shared`` (``--shared`` or ``$EVENTWIRE_SHARED`` to point elsewhere), codes it
alone with ``eventwire.code_text(sentence, date=<story date>)`` and prints:

- penta class (one label per sentence: the chosen event's class, or ``none``): accuracy, per-class F1, macro-F1
  over the six labels and over the five event classes;
- CAMEO root accuracy on the sentences with gold events;
- exact triples (source code, target code, CAMEO code) and root triples (source country, target country, root):
  micro precision/recall/F1 over every gold event and every predicted event of the sentence;
- source and target spans: precision/recall/F1 with *token overlap* (a predicted span is right when it shares a
  word with an unmatched gold span of the same role) and with *exact* character spans;
- the disaster-as-violence rate: share of the disaster sentences whose gold has no 14/18/19/20 event that get a
  predicted 14/18/19/20 event;
- the penta class (accuracy, per-class F1, macro-F1 over classes 0-4) and the triples again, on the sentences with
  gold events only (closer to an acceptance measure over event sentences).

The sentence's chosen event is the project's (``eventwire.evaluate.score.choose``: highest confidence, then first
trigger); its gold label is the class of the gold event of the same class if there is one, else of the first.
Without ``../shared`` the script says so and exits 0; sentences whose text no longer matches its SHA-1 are
skipped and counted as drifted.

    python benchmarks/sealed_eval.py [--gold GOLD.jsonl] [--json] [--lower] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GOLD = HERE / "sealed" / "gold.jsonl"
CORPORA = {
    "reuters": "oeda_reuters_demo_2020/demo-REUT-20-02-25-stories.jsonl",
    "ngec": "ngec_synthetic_plover/gpt_synthetic_events_2023-10-19_19.csv",
}
VIOLENCE = {"14", "18", "19", "20"}
NONE = "none"
_WORD = re.compile(r"\w+")

Span = tuple[int, int]
Triple = tuple[str, str, str]


@dataclass
class Item:
    """One gold sentence, rebuilt, with what eventwire made of it."""

    ref: dict[str, Any]
    text: str
    records: list[dict[str, Any]] = field(default_factory=list)
    rejected: str | None = None


def shared_data(arg: str | None) -> Path:
    base = arg or os.environ.get("EVENTWIRE_SHARED") or str(HERE.parents[1] / "shared")
    return Path(base) / "data"


def reuters_records(path: Path) -> list[dict[str, Any]]:
    """The records of the Reuters stream (pretty-printed JSON objects one after another), by record number."""
    raw, dec, i = path.read_text(encoding="utf-8"), json.JSONDecoder(), 0
    out: list[dict[str, Any]] = []
    while True:
        while i < len(raw) and raw[i].isspace():
            i += 1
        if i >= len(raw):
            return out
        obj, i = dec.raw_decode(raw, i)
        out.append(obj)


def reuters_texts(path: Path) -> list[str]:
    """Story text by record number: the paragraphs of ``textInfo.textStory`` joined by a blank line."""
    return ["\n\n".join(obj["textInfo"]["textStory"]) for obj in reuters_records(path)]


def ngec_texts(path: Path) -> list[str]:
    """Story text by data row number (0-based, header excluded): the ``text`` column."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        return [row["text"] for row in csv.DictReader(f)]


def rebuild(gold: Sequence[dict[str, Any]], data: Path) -> tuple[list[Item], list[str]]:
    """The gold sentences whose text still matches its SHA-1, and the ids of the drifted ones."""
    texts = {"reuters": reuters_texts(data / CORPORA["reuters"]), "ngec": ngec_texts(data / CORPORA["ngec"])}
    items, drifted = [], []
    for g in gold:
        story = texts[g["corpus"]]
        s = story[g["story"]][g["start"] : g["end"]] if g["story"] < len(story) else ""
        if hashlib.sha1(s.encode("utf-8")).hexdigest() != g["sha1"]:
            drifted.append(g["id"])
        else:
            items.append(Item(g, s))
    return items, drifted


def code_all(items: Iterable[Item], lower: bool) -> None:
    import eventwire

    for it in items:
        text = it.text.lower() if lower else it.text
        try:
            it.records = [dict(r) for r in eventwire.code_text(text, date=it.ref.get("date"))]
        except eventwire.InputError as e:
            it.rejected = str(e)
            continue
        shift = body_offset(text)
        for r in it.records:  # actor offsets: story text -> sentence
            for role in ("source", "target"):
                a = r.get(role)
                if a:
                    a["span"] = sentence_span(text, a, shift)


def code_stories(items: Sequence[Item], data: Path, lower: bool) -> None:
    """Story mode: code each whole story once (the coder sees the story around the sentence: pronouns, "the
    ministry", the dateline) and give each gold sentence the events whose trigger lies inside it."""
    import eventwire

    texts = {"reuters": reuters_texts(data / CORPORA["reuters"]), "ngec": ngec_texts(data / CORPORA["ngec"])}
    by_story: dict[tuple[str, int], list[Item]] = {}
    for it in items:
        by_story.setdefault((it.ref["corpus"], it.ref["story"]), []).append(it)
    for (corpus, n), its in by_story.items():
        text = texts[corpus][n].lower() if lower else texts[corpus][n]
        try:
            records = [dict(r) for r in eventwire.code_text(text, date=its[0].ref.get("date"))]
        except eventwire.InputError as e:
            for it in its:
                it.rejected = str(e)
            continue
        shift = body_offset(text)
        for r in records:
            at = r["evidence"]["trigger"]["start"] + shift
            it = next((x for x in its if x.ref["start"] <= at < x.ref["end"]), None)
            if it is None:
                continue
            for role in ("source", "target"):  # actor offsets: story text -> sentence (outside it: no span)
                a = r.get(role)
                if a:
                    s, e = a["start"] + shift - it.ref["start"], a["end"] + shift - it.ref["start"]
                    a["span"] = (s, e) if 0 <= s < e <= len(it.text) else None
            it.records.append(r)


def body_offset(text: str) -> int:
    """Where the story body starts in the text given to ``code_text`` (a dateline may be cut off)."""
    import eventwire

    try:
        body = eventwire.read_text_story(text, origin="<text>").text
    except eventwire.InputError:
        return 0
    return max(text.find(body), 0)


def sentence_span(text: str, actor: dict[str, Any], shift: int) -> Span | None:
    s, e = actor["start"] + shift, actor["end"] + shift
    if text[s:e] == actor["text"]:
        return (s, e)
    k = text.find(actor["text"]) if actor["text"] else -1
    return (k, k + len(actor["text"])) if k >= 0 else None


# -- labels --------------------------------------------------------------------------------------------------
def penta(code: str) -> str:
    r = int(code[:2])
    return "0" if r <= 2 else "1" if r <= 5 else "2" if r <= 8 else "3" if r <= 13 or r == 16 else "4"


def country(code: str | None) -> str:
    return code[:3].upper() if code else "-"


def actor_code(r: dict[str, Any], role: str) -> str:
    a = r.get(role)
    return str(a["code"]).upper() if a and a.get("code") else "-"


def chosen(it: Item) -> dict[str, Any] | None:
    from eventwire.evaluate.score import choose

    r = choose(it.records, "cameo")  # type: ignore[arg-type]
    return dict(r) if r is not None else None


def gold_label(events: Sequence[dict[str, Any]], pred: str, key: str) -> str:
    if not events:
        return NONE
    labels = [str(e["penta"]) if key == "penta" else e["cameo"][:2] for e in events]
    return pred if pred in labels else labels[0]


def triples(it: Item, exact: bool) -> tuple[set[Triple], set[Triple]]:
    def t(src: str, tgt: str, code: str) -> Triple:
        return (src, tgt, code) if exact else (country(src), country(tgt), code[:2])

    gold = {t(e["source"] or "-", e["target"] or "-", e["cameo"]) for e in it.ref["events"]}
    pred = {t(actor_code(r, "source"), actor_code(r, "target"), str(r["cameo"])) for r in news(it)}
    return gold, pred


def news(it: Item) -> list[dict[str, Any]]:
    """The sentence's records that report the story's news: not background history or habits (modality
    ``historical``/``habitual``), as ``eventwire eval`` scores triples and the gold codes only current events."""
    from eventwire.evaluate.labels import candidates

    return [dict(r) for r in candidates(it.records, "cameo")]  # type: ignore[arg-type]


# -- spans ---------------------------------------------------------------------------------------------------
def words(text: str, span: Span) -> set[int]:
    return {m.start() for m in _WORD.finditer(text, span[0], span[1])}


def span_sets(it: Item, role: str) -> tuple[list[Span], list[Span]]:
    gold = sorted({tuple(e[f"{role}_span"]) for e in it.ref["events"] if e.get(f"{role}_span")})
    pred = sorted({r[role]["span"] for r in news(it) if r.get(role) and r[role].get("span")})
    return [(a, b) for a, b in gold], pred


def span_scores(items: Sequence[Item], role: str) -> dict[str, Any]:
    from eventwire.evaluate.metrics import prf

    tp_overlap = tp_exact = n_gold = n_pred = 0
    for it in items:
        gold, pred = span_sets(it, role)
        n_gold, n_pred = n_gold + len(gold), n_pred + len(pred)
        tp_exact += len(set(gold) & set(pred))
        free = [words(it.text, g) for g in gold]
        for p in pred:
            pw = words(it.text, p)
            hit = next((k for k, gw in enumerate(free) if gw & pw), None)
            if hit is not None:
                free[hit] = set()
                tp_overlap += 1
    return {"overlap": prf(tp_overlap, n_pred, n_gold), "exact": prf(tp_exact, n_pred, n_gold)}


# -- the report ----------------------------------------------------------------------------------------------
def score(items: Sequence[Item], drifted: Sequence[str]) -> dict[str, Any]:
    from eventwire.evaluate import metrics

    pairs: list[tuple[str, str]] = []
    roots: list[tuple[str, str]] = []
    for it in items:
        c = chosen(it)
        p_penta = penta(str(c["cameo"])) if c else NONE
        pairs.append((gold_label(it.ref["events"], p_penta, "penta"), p_penta))
        if it.ref["events"]:
            p_root = str(c["cameo"])[:2] if c else NONE
            roots.append((gold_label(it.ref["events"], p_root, "root"), p_root))
    classes = metrics.per_class(pairs)
    ev_f1 = [v["f1"] for k, v in classes["classes"].items() if k != NONE]
    calm = [it for it in items if disaster(it) and not any(e["cameo"][:2] in VIOLENCE for e in it.ref["events"])]
    with_events = [k for k, it in enumerate(items) if it.ref["events"]]
    ev_pairs = [pairs[k] for k in with_events]
    ev_classes = metrics.per_class(ev_pairs)  # gold labels are 0-4 only: its macro-F1 is over the event classes
    violent = [it.ref["id"] for it in calm if any(str(r["cameo"])[:2] in VIOLENCE for r in it.records)]
    return {
        "counts": {
            "sentences": len(items),
            "drifted": list(drifted),
            "gold_events": sum(len(it.ref["events"]) for it in items),
            "no_event_sentences": sum(not it.ref["events"] for it in items),
            "predicted_events": sum(len(it.records) for it in items),
            "rejected": sum(it.rejected is not None for it in items),
            "disaster_sentences": sum(disaster(it) for it in items),
        },
        "penta": {
            "accuracy": metrics.accuracy(pairs),
            "macro_f1": classes["macro_f1"],
            "macro_f1_event_classes": sum(ev_f1) / len(ev_f1) if ev_f1 else None,
            "classes": classes["classes"],
            "confusion": metrics.confusion(pairs),
        },
        "root_accuracy": metrics.accuracy(roots),
        "triples": {
            "exact": metrics.set_prf(triples(it, True) for it in items),
            "root": metrics.set_prf(triples(it, False) for it in items),
        },
        "spans": {role: span_scores(items, role) for role in ("source", "target")},
        "disaster_as_violence": {
            "sentences": len(calm),
            "with_violence": len(violent),
            "rate": metrics.ratio(len(violent), len(calm)),
            "ids": violent,
        },
        "event_sentences": {
            "sentences": len(ev_pairs),
            "penta": {
                "accuracy": metrics.accuracy(ev_pairs),
                "macro_f1_event_classes": ev_classes["macro_f1"],
                "classes": ev_classes["classes"],
            },
            "triples": {
                "exact": metrics.set_prf(triples(items[k], True) for k in with_events),
                "root": metrics.set_prf(triples(items[k], False) for k in with_events),
            },
        },
    }


def disaster(it: Item) -> bool:
    return bool(it.ref.get("disaster", it.ref.get("stratum") == "disaster"))


def pct(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def render(rep: dict[str, Any], lower: bool) -> str:
    c, p = rep["counts"], rep["penta"]
    out = [
        f"sealed check set {rep['options']['gold_name']}{' (lower-cased text)' if lower else ''}"
        f"{' (whole stories coded)' if rep['options'].get('story') else ''}: "
        f"{c['sentences']} sentences, "
        f"{c['gold_events']} gold events, {c['no_event_sentences']} without event, "
        f"{c['disaster_sentences']} disaster; {c['predicted_events']} predicted events, {c['rejected']} rejected"
        + (f"; {len(c['drifted'])} drifted (skipped): {', '.join(c['drifted'])}" if c["drifted"] else ""),
        "",
        f"penta class accuracy   {pct(p['accuracy']['value'])}  ({p['accuracy']['correct']}/{p['accuracy']['total']})",
        f"penta macro-F1         {pct(p['macro_f1'])}  (6 labels with 'none'); event classes 0-4: "
        f"{pct(p['macro_f1_event_classes'])}",
        f"CAMEO root accuracy    {pct(rep['root_accuracy']['value'])}  "
        f"({rep['root_accuracy']['correct']}/{rep['root_accuracy']['total']} sentences with gold events)",
        "",
        "per penta class   precision  recall  F1     support  predicted",
    ]
    for label, s in p["classes"].items():
        out.append(
            f"  {label:<15} {pct(s['precision']):<10} {pct(s['recall']):<7} {pct(s['f1']):<6} "
            f"{s['support']:<8} {s['predicted']}"
        )
    out += ["", "                                   precision  recall  F1     tp/pred/gold"]
    rows = [
        ("exact triples (src, tgt, code)", rep["triples"]["exact"]),
        ("root triples (countries, root)", rep["triples"]["root"]),
    ]
    for role in ("source", "target"):
        rows += [
            (f"{role} spans, token overlap", rep["spans"][role]["overlap"]),
            (f"{role} spans, exact", rep["spans"][role]["exact"]),
        ]
    for name, t in rows:
        out.append(
            f"  {name:<32} {pct(t['precision']):<10} {pct(t['recall']):<7} {pct(t['f1']):<6} "
            f"{t['tp']}/{t['predicted']}/{t['gold']}"
        )
    d = rep["disaster_as_violence"]
    out += [
        "",
        f"disaster sentences coded as violence (14/18/19/20)  {pct(d['rate'])}  "
        f"({d['with_violence']}/{d['sentences']}){': ' + ', '.join(d['ids']) if d['ids'] else ''}",
    ]
    e = rep["event_sentences"]
    ep, acc = e["penta"], e["penta"]["accuracy"]
    out += [
        "",
        f"on the {e['sentences']} sentences with gold events only:",
        f"  penta class accuracy   {pct(acc['value'])}  ({acc['correct']}/{acc['total']})",
        f"  penta macro-F1, event classes 0-4   {pct(ep['macro_f1_event_classes'])}",
        "  per class F1           "
        + " / ".join(f"{k} {pct(v['f1'])} ({v['support']})" for k, v in ep["classes"].items()),
    ]
    for name, key in (("exact triples", "exact"), ("root triples", "root")):
        t = e["triples"][key]
        out.append(
            f"  {name:<20} P/R/F1 {pct(t['precision'])} / {pct(t['recall'])} / {pct(t['f1'])}  "
            f"({t['tp']}/{t['predicted']}/{t['gold']})"
        )
    return "\n".join(out)


def errors(items: Sequence[Item], n: int) -> str:
    """The first ``n`` sentences whose exact triples differ from the gold (text shown: run output only)."""
    out: list[str] = []
    for it in items:
        gold, pred = triples(it, True)
        if gold == pred or len(out) >= n:
            continue
        spans = {role: [it.text[a:b] for a, b in span_sets(it, role)[1]] for role in ("source", "target")}
        out.append(
            f"{it.ref['id']}: {it.text}\n    gold {sorted(gold)}\n    pred {sorted(pred)}  "
            f"pred spans {spans}" + (f"  rejected: {it.rejected}" if it.rejected else "")
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--lower", action="store_true", help="code lower-cased sentences (case robustness)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="also list N sentences with wrong triples")
    ap.add_argument(
        "--story",
        action="store_true",
        help="code each whole story and score the events whose trigger lies in a gold sentence (default: each"
        " sentence alone)",
    )
    ap.add_argument("--shared", help="the shared folder (default: $EVENTWIRE_SHARED, else ../shared)")
    ap.add_argument(
        "--gold", default=str(GOLD), help="gold file: gold.jsonl (default, S ids) or gold2.jsonl (T ids, blind)"
    )
    a = ap.parse_args(argv)
    data = shared_data(a.shared)
    if not all((data / rel).is_file() for rel in CORPORA.values()):
        print(f"sealed_eval: the source corpora are not under {data}; nothing to score (skipped)")
        return 0
    with open(a.gold, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    items, drifted = rebuild(gold, data)
    if a.story:
        code_stories(items, data, a.lower)
    else:
        code_all(items, a.lower)
    rep = score(items, drifted)
    rep["options"] = {"lower": a.lower, "story": a.story, "gold": a.gold, "gold_name": Path(a.gold).name}
    print(json.dumps(rep, indent=2) if a.json else render(rep, a.lower))
    if a.errors:
        print("\n" + errors(items, a.errors), file=sys.stderr if a.json else sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
