"""Event location: name accuracy on PLOVER GSR records with ``eventLoc`` and the time ``locate`` adds.

Usage (from the repository root)::

    python3 benchmarks/place_eval.py [--shared ../shared] [--stories 230]

1. **Accuracy** on ``data/plover_gsr`` records that have ``eventLoc`` (48). Each sentence is a story (no
   dateline; the GSR date is a placeholder). Two figures:

   - *pipeline*: ``Coder.analyze``; a record counts as correct when one of its events' location names the gold
     place (the gold name, with "town of"/"province of" removed, equals the location's name or its surface
     text once normalised or one edit apart, or the gold name is a gazetteer name of the same place).
     No event = a miss.
   - *with fallback*: the same, but a record whose sentence produced no event is located with one synthetic
     event on the sentence's root verb (the coder's actors; a CAMEO root standing for the gold PLOVER
     category, used only to tell verbal from material events).

2. **Time**: ``Coder.code_batch`` over the OEDA Reuters demo stories (real wire text), with the time spent
   inside ``Locator.locate`` measured by wrapping it; reported as a share of the whole coding time. A second
   figure locates one synthetic event per sentence (an upper bound on the work ``locate`` can be given).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from eventwire.mentions import EventMention
from eventwire.pipeline import Coder
from eventwire.place.gazetteer import gazetteer, key
from eventwire.story import Story

# a CAMEO root for each (old) PLOVER category: only its verbal/material class matters here
PLOVER_ROOT = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "051",
    "COOPERATE": "060",
    "AID": "070",
    "CONCEDE": "080",
    "RETREAT": "087",
    "INVESTIGATE": "090",
    "DEMAND": "100",
    "DISAPPROVE": "110",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "MOBILIZE": "150",
    "SANCTION": "160",
    "COERCE": "170",
    "ASSAULT": "180",
    "FIGHT": "190",
}
_PREFIX = re.compile(r"^(?:the\s+)?(?:town|city|village|province|region|district)\s+of\s+", re.I)


def gold_name(rec: dict[str, Any]) -> str:
    return _PREFIX.sub("", rec["eventLoc"]["name"]).strip()


def correct(gold: str, loc: dict[str, Any] | None, text: str) -> bool:
    if not loc:
        return False
    names = [loc.get("name")]
    if loc.get("start") is not None:
        names.append(text[loc["start"] : loc["end"]])
    kg = key(gold)
    if any(n and (key(n) == kg or (len(kg) >= 5 and _one_edit(key(n), kg))) for n in names):
        return True  # one edit apart: a spelling slip in the gold ("Algers")
    # the gold spelling is another name of the same place ("Algiers"/"Alger")
    same = gazetteer().lookup(gold)
    return any(p.name == loc.get("name") and p.country == loc.get("country") for p, _ in same)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def synthetic_event(doc: Any, cameo: str) -> EventMention | None:
    sent = next(iter(doc.sents))
    root = sent.root
    return EventMention(
        0, sent.start_char, sent.end_char, cameo, None, None, root.idx, root.idx + len(root), root.i, "synthetic-root"
    )


def accuracy(coder: Coder, shared: Path) -> None:
    data = json.loads((shared / "data" / "plover_gsr" / "PLOVER_GSR_CAMEO.json").read_text("utf-8"))
    recs = [r for r in data if r.get("event") != "DOCUMENT" and r.get("eventLoc")]
    ok_pipe = ok_loc = with_events = 0
    misses: list[str] = []
    for r in recs:
        story = Story(id=str(r["id"]), text=r["text"])
        a = coder.analyze(story)
        gold = gold_name(r)
        if a.events:
            with_events += 1
        events = a.events
        if any(correct(gold, ev.location, story.text) for ev in events):
            ok_pipe += 1
        if not events:
            syn = synthetic_event(a.doc, PLOVER_ROOT.get(r["event"], "190"))
            events = [syn] if syn is not None else []
            coder.locator.locate(a.doc, story, events, a.actors)
        if any(correct(gold, ev.location, story.text) for ev in events):
            ok_loc += 1
        else:
            got = [ev.location["name"] if ev.location else None for ev in events]
            misses.append(f"  gold={gold!r} got={got!r} ({'coder' if a.events else 'synthetic'})")
    n = len(recs)
    print(f"PLOVER GSR records with eventLoc: {n}")
    print(
        f"  pipeline: {ok_pipe}/{n} = {ok_pipe / n:.1%} location-name accuracy ({with_events} records produced events)"
    )
    print(f"  with a synthetic root-verb event where the coder found none: {ok_loc}/{n} = {ok_loc / n:.1%}")
    if "-v" in sys.argv:
        print("\n".join(misses))


def reuters_stories(shared: Path, limit: int) -> list[Story]:
    import datetime as dt

    path = shared / "data" / "oeda_reuters_demo_2020" / "demo-REUT-20-02-25-stories.jsonl"
    text = path.read_text("utf-8")
    dec = json.JSONDecoder()
    out: list[Story] = []
    i = 0
    while i < len(text) and len(out) < limit:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = dec.raw_decode(text, i)
        body = "\n\n".join(obj["textInfo"]["textStory"])
        out.append(Story(id=obj["id"], text=body, date=dt.date.fromisoformat(obj["date"][:10])))
    return out


def timing(coder: Coder, shared: Path, limit: int) -> None:
    stories = reuters_stories(shared, limit)
    coder.code_batch(stories[:5])  # warm up (lazy imports)
    _ = coder.locator.gazetteer  # loaded once per process; its load is reported separately above
    spent = [0.0]
    real = coder.locator.locate

    def timed(*args: Any, **kw: Any) -> None:
        t = time.perf_counter()
        real(*args, **kw)
        spent[0] += time.perf_counter() - t

    coder.locator.locate = timed  # type: ignore[method-assign]
    t0 = time.perf_counter()
    records, _ = coder.code_batch(stories)
    total = time.perf_counter() - t0
    coder.locator.locate = real  # type: ignore[method-assign]
    located = sum(1 for r in records if r["location"])
    print(
        f"Reuters demo: {len(stories)} stories, {len(records)} events ({located} located) "
        f"coded in {total:.2f} s; locate() {spent[0] * 1000:.1f} ms = {spent[0] / total:.2%} "
        "of coding time"
    )

    # upper bound: one synthetic event on every sentence root
    docs = list(coder.nlp.pipe(s.text for s in stories))
    n_ev = 0
    t = time.perf_counter()
    for story, doc in zip(stories, docs, strict=True):
        evs = [
            EventMention(i, s.start_char, s.end_char, "190", None, None, s.root.idx, s.root.idx + 1, s.root.i, "x")
            for i, s in enumerate(doc.sents)
        ]
        n_ev += len(evs)
        real(doc, story, evs, [])
    loc_all = time.perf_counter() - t
    print(
        f"  locate() on one synthetic event per sentence ({n_ev} events): {loc_all * 1000:.1f} ms "
        f"= {loc_all / total:.2%} of the coding time above"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--stories", type=int, default=230)
    ap.add_argument("-v", action="store_true", help="list the locator's misses")
    args = ap.parse_args()
    shared = Path(args.shared)
    t = time.perf_counter()
    gazetteer()
    print(f"gazetteer load: {(time.perf_counter() - t) * 1000:.0f} ms (from the cache once built)")
    coder = Coder()
    accuracy(coder, shared)
    timing(coder, shared, args.stories)


if __name__ == "__main__":
    main()
