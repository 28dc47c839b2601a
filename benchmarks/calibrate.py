"""Fit the event-confidence calibration on the dev gold sets and report it on the held-out split.

Usage (from the repository root)::

    python3 benchmarks/calibrate.py             # fit, report, write src/eventwire/events/data/calibration.yaml
    python3 benchmarks/calibrate.py --dry-run   # fit and report only
    python3 benchmarks/calibrate.py --shared ../shared --out FILE --json

1. Codes every sentence of the dev sets found under ``--shared`` (default ``$EVENTWIRE_SHARED`` or
   ``../shared``): ``data/plover_gsr/PLOVER_GSR_CAMEO.json`` (plover-gsr),
   ``data/conflibert_cameo_test/cameo_class_test.tsv`` (penta-tsv) and
   ``data/upetrarch_petr2_gsr/PETR2_GSR_validation.xml`` (petr); the penta TSV with its token-tag file
   ``cameo_ner_test.txt`` (the actors' spans). A missing set is left out (said on stderr).
2. Every event the gold can judge is a sample: its features (``eventwire.events.confidence.features``) and
   whether it is right (``eventwire.evaluate.calibration.event_right``: root / PLOVER event and the actors'
   countries where the gold names them; for the penta set the class and the actors' spans).
3. Splits the sentences by a hash of their text (30 % held out; the same sentence is on the same side in
   every set), picks the L2 strength by 5-fold cross-validated log loss on the fit split, fits a logistic
   regression on the whole fit split and reports, on the held-out split, the reliability table (10 bins:
   count, mean confidence, accuracy), ECE, log loss and Brier score, overall and per set — next to the ECE of
   the coder's hand-set heuristic score on the same events, and the ECE a perfectly calibrated model would
   show on the same events by chance (outcomes drawn with each event's probability, 500 times).
4. Writes the calibration file (unless ``--dry-run``). Rerun it whenever the coder's rules change.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from eventwire.evaluate import calibration, fit, read_gold
from eventwire.events import confidence
from eventwire.pipeline import Coder
from eventwire.story import Reject

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "events" / "data" / "calibration.yaml"
# (gold file, format, the penta TSV's token-tag file of actor spans)
SETS = (
    ("data/plover_gsr/PLOVER_GSR_CAMEO.json", "plover-gsr", None),
    ("data/conflibert_cameo_test/cameo_class_test.tsv", "penta-tsv", "data/conflibert_cameo_test/cameo_ner_test.txt"),
    ("data/upetrarch_petr2_gsr/PETR2_GSR_validation.xml", "petr", None),
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.environ.get("EVENTWIRE_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--out", default=str(OUT), help="calibration file to write")
    ap.add_argument("--dry-run", action="store_true", help="fit and report; do not write the file")
    ap.add_argument("--model", help="spaCy pipeline (default as for eventwire code)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)

    try:  # the confidence the shipped file gives, for comparison only
        in_use: confidence.Calibration | None = confidence.load()
    except Exception as e:  # noqa: BLE001 - a stale file (unknown features) must not stop the refit
        print(f"calibrate: the shipped calibration does not load ({e}); refitting anyway", file=sys.stderr)
        in_use = None
    confidence.override(confidence.Calibration(0.0, {}))  # features do not depend on it; a broken file cannot stop us
    coder = Coder(args.model)
    samples: list[fit.Sample] = []
    sets: list[str] = []
    for rel, fmt, spans_rel in SETS:
        path = Path(args.shared) / rel
        if not path.is_file():
            print(f"calibrate: {path} not found; left out", file=sys.stderr)
            continue
        spans = Path(args.shared) / spans_rel if spans_rel else None
        rejects: list[Reject] = []
        gold = read_gold(path, fmt, spans=spans if spans and spans.is_file() else None)
        got = fit.samples(gold, coder, rejects=rejects)
        print(f"calibrate: {fmt}: {len(got)} events, {len(rejects)} sentences rejected", file=sys.stderr)
        for r in rejects[:3]:
            print(f"calibrate:   rejected: {r}", file=sys.stderr)
        samples += got
        sets.append(fmt)
    train = [s for s in samples if not s.held_out]
    test = [s for s in samples if s.held_out]
    model, l2, cv = fit.fit(train)
    held = fit.measure(model, test)
    report = {
        "sets": sets,
        "events": {"fit": len(train), "held_out": len(test)},
        "l2": l2,
        "cv_log_loss": cv,
        "held_out": held,
        "held_out_per_set": {
            fmt: fit.measure(model, [s for s in test if s.set == fmt])
            for fmt in sets
            if any(s.set == fmt for s in test)
        },
        "fit_split": fit.measure(model, train),
        "in_use_ece": None
        if in_use is None
        else calibration.reliability((in_use.probability(s.feats), s.right) for s in test)["ece"],
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"dev sets {', '.join(sets)}: {len(train)} events to fit, {len(test)} held out; L2 {l2}")
        print("CV log loss per L2: " + ", ".join(f"{k}: {v:.4f}" for k, v in cv.items()))
        print()
        print(calibration.render(held, "held-out split"), end="")
        print(
            f"  log loss {held['log_loss']:.4f}  Brier {held['brier']:.4f}  ECE of the heuristic score "
            f"{held['heuristic_ece']:.4f}  ECE of the shipped calibration "
            + ("n/a" if report["in_use_ece"] is None else f"{report['in_use_ece']:.4f}")
        )
        noise = held["noise_ece"]
        print(f"  a perfectly calibrated model would show ECE {noise[0]:.3f} (median; 95%: {noise[1]:.3f}) here")
        for fmt, m in report["held_out_per_set"].items():
            lo, hi = m["noise_ece"]
            print(
                f"  {fmt:<11} {m['events']:>5} events  accuracy {m['accuracy']:.3f}  ECE {m['ece']:.4f}  "
                f"(perfect calibration: {lo:.3f}, 95% {hi:.3f})"
            )
        print()
        print(calibration.markdown(held), end="")
    if not args.dry_run:
        Path(args.out).write_text(fit.to_yaml(model, sets=sets, events=len(train), l2=l2, held=held), encoding="utf-8")
        print(f"calibrate: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
