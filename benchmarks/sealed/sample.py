"""Draw the sealed check set's sentences (references only) from the two corpora in ``../shared``.

Writes one JSON object per sentence (corpus, story, start, end, sha1, date, stratum) to ``--out`` and, with
``--show DIR``, the sentence texts with some story context to DIR for the annotator: DIR must be outside
the repository (the story texts must never be copied into it). The method and seed are documented in
``benchmarks/sealed/README.md``; re-running with the same seed and corpora gives the same sample.

    python benchmarks/sealed/sample.py --out refs.jsonl                      # the first draw (seed 13013, S ids)
    python benchmarks/sealed/sample.py --seed 20261205 --exclude benchmarks/sealed/gold.jsonl \
        --reuters 80 --ngec 150 --disaster 30 --prefix T --out refs2.jsonl   # the second draw (T ids)

``--exclude GOLD`` (repeatable) never draws a sentence of GOLD (by reference or by its text without tickers
and punctuation, as the stream holds several versions of a story), never an NGEC row of GOLD, and takes the
disaster stratum only from stories that neither this draw nor GOLD sampled. Without ``--exclude`` the draw is
the same as before the option existed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEED = 13013
N_REUTERS, N_NGEC, N_DISASTER = 150, 100, 30
MAX_PER_STORY = 2
MIN_WORDS, MAX_WORDS = 6, 80
REUTERS = "oeda_reuters_demo_2020/demo-REUT-20-02-25-stories.jsonl"
NGEC = "ngec_synthetic_plover/gpt_synthetic_events_2023-10-19_19.csv"

ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "maj",
    "rep",
    "sen",
    "gov",
    "jr",
    "sr",
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "jan",
    "feb",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "vs",
    "etc",
    "prof",
    "rev",
    "adm",
    "cmdr",
    "fig",
    "approx",
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "a.m",
    "p.m",
    "i.e",
    "e.g",
}
_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
DISASTER = re.compile(
    r"\b(explosions?|exploded|blasts?|fires?|blazes?|wildfires?|earthquakes?|quakes?|tremors?|"
    r"floods?|flooding|flooded|crash(?:ed|es)?|"
    r"(?:building|bridge|roof|mine|dam|wall|house|tunnel|tower|hotel)s? (?:\w+ ){0,2}collapsed?|"
    r"derail(?:ed|ment)|landslides?|"
    r"mudslides?|capsized|sank|cyclone|hurricane|typhoon|tsunami|avalanche)\b",
    re.I,
)
# a story "about" a disaster: two disaster words or more, and none of these violence words
VIOLENT_STORY = re.compile(
    r"\b(bomb\w*|attack\w*|militants?|insurgents?|rebels?|terror\w*|detonat\w*|suicide|"
    r"gunm[ae]n|explosives?|grenades?|rockets?|missiles?|air ?strikes?|arson\w*|"
    r"shoot\w*|shot)\b",
    re.I,
)
# sentence-level exclusions: violence and figurative uses of the disaster words
NOT_DISASTER = re.compile(
    r"\b(opened fire|open fire|set (?:\w+ ){0,4}(?:on )?fire|under fire|returned fire|"
    r"cease[- ]?fire|exchange of fire|fire (?:on|at)|fire-control|like (?:a )?wildfire|"
    r"flood of|price crash|"
    r"protesters|rioters|demonstrators|clash\w*|troops|soldiers|police)\b",
    re.I,
)


def shared_dir(arg: str | None) -> Path:
    import os

    return Path(arg or os.environ.get("EVENTWIRE_SHARED") or Path(__file__).resolve().parents[3] / "shared") / "data"


def reuters_stories(data: Path) -> list[dict[str, Any]]:
    """The Reuters stories: id = record number in the stream (0-based; the Reuters ids are not unique: several
    stories are updated versions with the same id, and 11 have the truncated id ``REUT-2020-02-25-id``),
    story_id, date, text (the paragraphs of ``textInfo.textStory`` joined by a blank line)."""
    raw = (data / REUTERS).read_text(encoding="utf-8")
    dec, i = json.JSONDecoder(), 0
    out: list[dict[str, Any]] = []
    while True:
        while i < len(raw) and raw[i].isspace():
            i += 1
        if i >= len(raw):
            break
        obj, i = dec.raw_decode(raw, i)
        out.append(
            {
                "id": len(out),
                "story_id": obj["id"],
                "date": obj.get("date"),
                "text": "\n\n".join(obj["textInfo"]["textStory"]),
            }
        )
    return out


def ngec_stories(data: Path) -> list[dict[str, Any]]:
    """The NGEC synthetic stories: id = data row number (0-based, header excluded), text = column ``text``."""
    csv.field_size_limit(sys.maxsize)
    with (data / NGEC).open(encoding="utf-8", newline="") as f:
        return [{"id": n, "date": None, "text": row["text"]} for n, row in enumerate(csv.DictReader(f))]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: line breaks always end one; ``. ! ?`` (+ closing quotes) before a capital, unless
    the word before the period is an abbreviation or an initial."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        lo, cut = line.start(), []
        for m in _END.finditer(line.group()):
            w = _WORD_BEFORE.search(line.group()[: m.start() + 1])
            word = (w.group(1) if w else "").lower()
            if m.group().startswith(".") and (
                word in ABBREV or re.fullmatch(r"[a-z]", word) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)
            ):
                continue
            cut.append(lo + m.end())
        for end in [*cut, line.end()]:
            s, e = lo, end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
            lo = end
    return spans


def ok(sent: str) -> bool:
    return MIN_WORDS <= len(sent.split()) <= MAX_WORDS


def ref(corpus: str, story: dict[str, Any], span: tuple[int, int], stratum: str) -> dict[str, Any]:
    s = story["text"][span[0] : span[1]]
    extra = {"story_id": story["story_id"]} if "story_id" in story else {}
    return {
        "corpus": corpus,
        "story": story["id"],
        **extra,
        "start": span[0],
        "end": span[1],
        "sha1": hashlib.sha1(s.encode("utf-8")).hexdigest(),
        "date": story["date"],
        "stratum": stratum,
    }


def norm(sent: str) -> str:
    """A sentence compared across versions of a story: lower case, without tickers in brackets and punctuation."""
    return re.sub(r"\([^)]*\)|\W", "", sent.lower())


@dataclass
class Exclusion:
    """What earlier draws (``--exclude`` gold files) hold: sentence references, their texts, stories."""

    spans: set[tuple[str, int, int, int]] = field(default_factory=set)
    texts: set[str] = field(default_factory=set)
    stories: set[tuple[str, int]] = field(default_factory=set)

    def hit(self, corpus: str, story: dict[str, Any], sp: tuple[int, int]) -> bool:
        return (corpus, story["id"], *sp) in self.spans or norm(story["text"][sp[0] : sp[1]]) in self.texts


def exclusion(paths: list[str], reut: list[dict[str, Any]], ngec: list[dict[str, Any]]) -> Exclusion:
    ex, texts = Exclusion(), {"reuters": reut, "ngec": ngec}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in filter(str.strip, f):
                g = json.loads(line)
                ex.spans.add((g["corpus"], g["story"], g["start"], g["end"]))
                ex.texts.add(norm(texts[g["corpus"]][g["story"]]["text"][g["start"] : g["end"]]))
                ex.stories.add((g["corpus"], g["story"]))
    return ex


def draw(
    data: Path,
    seed: int = SEED,
    sizes: tuple[int, int, int] = (N_REUTERS, N_NGEC, N_DISASTER),
    exclude: list[str] | None = None,
) -> list[dict[str, Any]]:
    """The sample; with no ``exclude`` the random generator makes exactly the calls of the first draw."""
    n_reuters, n_ngec, n_disaster = sizes
    rng = random.Random(seed)
    reut, ngec = reuters_stories(data), ngec_stories(data)
    ex = exclusion(exclude or [], reut, ngec)
    pool = [
        (st, sp)
        for st in reut
        for sp in sentences(st["text"])
        if ok(st["text"][sp[0] : sp[1]]) and not ex.hit("reuters", st, sp)
    ]
    rng.shuffle(pool)
    picked: list[dict[str, Any]] = []
    per_story: dict[Any, int] = {}
    seen_text: set[str] = set()
    for st, sp in pool:  # at most MAX_PER_STORY per Reuters id (versions of a story share it), no repeated text
        if len(picked) >= n_reuters:
            break
        text = norm(st["text"][sp[0] : sp[1]])
        if per_story.get(st["story_id"], 0) < MAX_PER_STORY and text not in seen_text:
            per_story[st["story_id"]] = per_story.get(st["story_id"], 0) + 1
            seen_text.add(text)
            picked.append(ref("reuters", st, sp, "random"))

    def eligible(st: dict[str, Any]) -> list[tuple[int, int]]:
        return [sp for sp in sentences(st["text"]) if ok(st["text"][sp[0] : sp[1]]) and not ex.hit("ngec", st, sp)]

    rows = [n for n in range(len(ngec)) if ("ngec", n) not in ex.stories]
    drawn = rng.sample(rows, n_ngec)
    usable = [n for n in drawn if eligible(ngec[n])]
    while len(usable) < n_ngec:  # a row without an eligible sentence (11 of 4,500) is replaced by another row
        extra = rng.choice([n for n in rows if n not in drawn])
        drawn.append(extra)
        if eligible(ngec[extra]):
            usable.append(extra)
    for row in sorted(usable):
        picked.append(ref("ngec", ngec[row], rng.choice(eligible(ngec[row])), "random"))
    taken = {(p["corpus"], p["story"]) for p in picked} | ex.stories
    cands: dict[str, list[tuple[dict[str, Any], tuple[int, int]]]] = {"reuters": [], "ngec": []}
    for corpus, stories in (("reuters", reut), ("ngec", ngec)):
        for st in stories:
            if (corpus, st["id"]) in taken or len(DISASTER.findall(st["text"])) < 2 or VIOLENT_STORY.search(st["text"]):
                continue
            for sp in sentences(st["text"]):
                s = st["text"][sp[0] : sp[1]]
                if ok(s) and DISASTER.search(s) and not NOT_DISASTER.search(s) and not ex.hit(corpus, st, sp):
                    cands[corpus].append((st, sp))
    dis: list[dict[str, Any]] = []
    for corpus in ("reuters", "ngec"):
        rng.shuffle(cands[corpus])
        seen: set[Any] = set()
        quota = n_disaster // 2 if corpus == "reuters" else n_disaster - len(dis)
        for st, sp in cands[corpus]:
            if len([d for d in dis if d["corpus"] == corpus]) >= quota:
                break
            if st["id"] not in seen:
                seen.add(st["id"])
                dis.append(ref(corpus, st, sp, "disaster"))
    return picked + dis


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="the shared folder (default: $EVENTWIRE_SHARED or ../shared)")
    ap.add_argument("--out", required=True, help="JSONL of references")
    ap.add_argument("--show", help="folder OUTSIDE the repository for the annotator's view of the texts")
    ap.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED}, the first draw)")
    ap.add_argument("--exclude", action="append", default=[], metavar="GOLD", help="never draw what GOLD holds")
    ap.add_argument("--reuters", type=int, default=N_REUTERS, help=f"Reuters sentences (default {N_REUTERS})")
    ap.add_argument("--ngec", type=int, default=N_NGEC, help=f"NGEC sentences, one per row (default {N_NGEC})")
    ap.add_argument("--disaster", type=int, default=N_DISASTER, help=f"disaster sentences (default {N_DISASTER})")
    ap.add_argument("--prefix", default="S", help="id prefix (default S; the second draw uses T)")
    a = ap.parse_args(argv)
    data = shared_dir(a.shared)
    refs = draw(data, a.seed, (a.reuters, a.ngec, a.disaster), a.exclude)
    with open(a.out, "w", encoding="utf-8") as f:
        for n, r in enumerate(refs, 1):
            f.write(json.dumps({"id": f"{a.prefix}{n:03d}", **r}) + "\n")
    if a.show:
        out = Path(a.show).resolve()
        if Path(__file__).resolve().parents[2] in out.parents:
            sys.exit("--show must be outside the repository")
        out.mkdir(parents=True, exist_ok=True)
        texts = {("reuters", s["id"]): s["text"] for s in reuters_stories(data)}
        texts.update({("ngec", s["id"]): s["text"] for s in ngec_stories(data)})
        with (out / "sentences.txt").open("w", encoding="utf-8") as f:
            for n, r in enumerate(refs, 1):
                t = texts[(r["corpus"], r["story"])]
                f.write(f"=== {a.prefix}{n:03d} {r['corpus']} {r['story']} {r['stratum']} [{r['start']}:{r['end']}]\n")
                f.write(f"CTX: ...{t[max(0, r['start'] - 300) : r['start']]!r}\n")
                f.write(f">>> {t[r['start'] : r['end']]}\n\n")
    print(f"{len(refs)} references -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
