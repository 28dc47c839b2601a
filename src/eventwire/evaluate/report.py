"""The human-readable evaluation report (the ``--json`` form is the report dict itself)."""

from __future__ import annotations

import io
from typing import Any

from . import calibration

NAMES = {
    "country": "countries + CAMEO code",
    "code": "exact CAMEO code",
    "root": "CAMEO root",
    "quad": "quad class",
    "penta": "penta class",
    "plover": "PLOVER event",
}


def pct(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def render(report: dict[str, Any]) -> str:
    """The report as plain text: counts, accuracies, actors, actor spans, triples, per-class scores, confusion
    table, calibration (reliability bins and ECE)."""
    b = io.StringIO()
    g, c = report["gold"], report["counts"]
    b.write(f"eventwire eval: {g['path']} ({g['format']}, {g['kind']} gold)")
    if report.get("model"):
        b.write(f", model {report['model']}")
    b.write("\n\n")
    b.write(
        f"sentences {c['sentences']}  gold events {c['gold_events']}  predicted events "
        f"{c['predicted_events']}  sentences without prediction {c['sentences_without_prediction']}"
        f"  rejected {c['rejected']}\n"
    )
    if c["no_event_sentences"]:
        b.write(
            f"no-event sentences {c['no_event_sentences']} (with a predicted event: "
            f"{c['no_event_sentences_with_prediction']})\n"
        )
    if g["skipped_records"] or g["skipped_codings"]:
        b.write(f"skipped: {g['skipped_records']} gold records, {g['skipped_codings']} codings with non-CAMEO codes\n")
    b.write("\naccuracy (one label per sentence; see docs/evaluation.md)\n")
    for fam, a in report["accuracy"].items():
        b.write(f"  {NAMES.get(fam, fam):<22} {pct(a['value'])}  ({a['correct']}/{a['total']})\n")
    for fam, cl in report["classes"].items():
        b.write(f"  {NAMES.get(fam, fam) + ' macro-F1':<22} {pct(cl['macro_f1'])}\n")
    if report["actors"]:
        b.write("\nactors (of the chosen event, where the gold names the actor)\n")
        for k, a in report["actors"].items():
            b.write(f"  {k.replace('_', ' '):<18} {pct(a['value'])}  ({a['correct']}/{a['total']})\n")
    if report.get("spans"):
        b.write("\nactor spans (of the chosen event, where the gold gives the actor's words)\n")
        for k, a in report["spans"].items():
            b.write(f"  {k.replace('_', ' '):<18} {pct(a['value'])}  ({a['correct']}/{a['total']})\n")
    if report["triples"]:
        b.write("\ntriples (source, target, event)      precision  recall  F1     tp/pred/gold\n")
        for lv, t in report["triples"].items():
            b.write(
                f"  {NAMES.get(lv, lv):<34} {pct(t['precision']):<10} {pct(t['recall']):<7} "
                f"{pct(t['f1']):<6} {t['tp']}/{t['predicted']}/{t['gold']}\n"
            )
    fam = report["confusion"]["family"]
    for f in sorted(report["classes"], key=lambda x: x != fam):  # the confusion table's family first
        cl = report["classes"][f]
        if not cl["classes"]:
            continue
        b.write(f"\nper {NAMES.get(f, f)}   precision  recall  F1     support  predicted\n")
        for label, s in cl["classes"].items():
            b.write(
                f"  {label:<12} {pct(s['precision']):<10} {pct(s['recall']):<7} {pct(s['f1']):<6} "
                f"{s['support']:<8} {s['predicted']}\n"
            )
    b.write(confusion_table(report["confusion"]))
    if report.get("calibration"):
        b.write(
            "\n"
            + calibration.render(
                report["calibration"],
                "calibration of the confidence (every event the gold can judge; 'right' as in docs/evaluation.md)",
            )
        )
    return b.getvalue()


def confusion_table(conf: dict[str, Any]) -> str:
    """Rows = gold label, columns = predicted label; ``.`` for zero."""
    labels: list[str] = conf["labels"]
    matrix: dict[str, dict[str, int]] = conf["matrix"]
    if not matrix:
        return ""
    rows = [lab for lab in labels if lab in matrix]
    short = {lab: (lab[:4] if len(lab) > 4 else lab) for lab in labels}
    w = max(4, *(len(short[lab]) for lab in labels))
    gw = max(len(r) for r in rows + ["gold\\pred"])
    b = io.StringIO()
    b.write(f"\nconfusion ({NAMES.get(conf['family'], conf['family'])}; rows gold, columns predicted)\n")
    b.write("  " + "gold\\pred".ljust(gw) + " " + " ".join(short[lab].rjust(w) for lab in labels) + "\n")
    for r in rows:
        cells = [str(matrix[r].get(lab, 0) or ".").rjust(w) for lab in labels]
        b.write("  " + r.ljust(gw) + " " + " ".join(cells) + "\n")
    return b.getvalue()
