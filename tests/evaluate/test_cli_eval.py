"""``eventwire eval`` end to end on the small fixtures (structure and counts, not coder quality)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.evaluate import evaluate, read_gold

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "eval"


@pytest.mark.parametrize(
    ("name", "fmt", "sentences", "gold_events"),
    [
        ("gold_small.jsonl", "jsonl", 4, 4),
        ("plover_gsr_small.json", "plover-gsr", 4, 4),
        ("penta_small.tsv", "penta-tsv", 5, 5),
        ("petr_small.xml", "petr", 4, 4),
    ],
)
def test_eval_json_report(coder, name, fmt, sentences, gold_events):
    report, errors = evaluate(read_gold(FIX / name, fmt), coder)
    c = report["counts"]
    assert (c["sentences"], c["gold_events"]) == (sentences, gold_events)
    assert 0 <= c["sentences_without_prediction"] <= sentences
    for a in report["accuracy"].values():
        assert a["value"] is None or 0.0 <= a["value"] <= 1.0
    assert (
        sum(sum(row.values()) for row in report["confusion"]["matrix"].values())
        == report["accuracy"][report["confusion"]["family"]]["total"]
    )
    assert all(e["text"] and "gold" in e for e in errors)


def test_cli_eval_text_json_limit_and_errors(tmp_path, coder):
    runner = CliRunner()
    res = runner.invoke(
        cli,
        [
            "eval",
            str(FIX / "gold_small.jsonl"),
            "--format",
            "jsonl",
            "--json",
            "--limit",
            "2",
            "--errors",
            str(tmp_path / "err.jsonl"),
        ],
    )
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["counts"]["sentences"] == 2
    assert set(report["accuracy"]) == {"code", "root", "quad", "penta"}
    for line in (tmp_path / "err.jsonl").read_text("utf-8").splitlines():
        assert json.loads(line)["id"] in {"j1", "j2"}
    res = runner.invoke(cli, ["eval", str(FIX / "penta_small.tsv"), "--format", "penta-tsv"])
    assert res.exit_code == 0, res.output
    assert "penta class macro-F1" in res.output and "confusion" in res.output


def test_cli_eval_bad_file_exit_code(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("no tab here\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", str(bad), "--format", "penta-tsv"])
    assert res.exit_code == 3
    assert "E605" in res.output and "bad.tsv:1" in res.output


@pytest.mark.parametrize(
    ("rel", "fmt", "sentences", "family"),
    [
        ("data/plover_gsr/PLOVER_GSR_CAMEO.json", "plover-gsr", 322, "plover"),
        ("data/conflibert_cameo_test/cameo_class_test.tsv", "penta-tsv", 451, "penta"),
        ("data/upetrarch_petr2_gsr/PETR2_GSR_validation.xml", "petr", 77, "root"),
    ],
)
def test_dev_sets_score_end_to_end(shared, coder, rel, fmt, sentences, family):
    """The dev sets go through the whole evaluation (counts only: the figures are reported, not asserted)."""
    report, _ = evaluate(read_gold(shared / rel, fmt), coder)
    assert report["counts"]["sentences"] == sentences
    assert report["confusion"]["family"] == family
    assert report["counts"]["predicted_events"] > 0


def test_report_has_a_calibration_table_over_every_scorable_event(coder):
    report, _ = evaluate(read_gold(FIX / "petr_small.xml", "petr"), coder)
    cal = report["calibration"]
    assert cal["events"] == report["counts"]["predicted_events"]  # CAMEO gold judges every event
    assert sum(b["count"] for b in cal["bins"]) == cal["events"] and len(cal["bins"]) == 10
    assert cal["events"] == 0 or 0.0 <= cal["ece"] <= 1.0


def test_plover_report_scores_actor_spans_and_prints_them(coder):
    report, _ = evaluate(read_gold(FIX / "plover_gsr_small.json", "plover-gsr"), coder)
    spans = report["spans"]
    assert spans["source_exact"]["total"] == 4 and spans["target_exact"]["total"] == 2  # "" target: none
    for k in ("source", "target"):
        assert spans[f"{k}_exact"]["correct"] <= spans[f"{k}_overlap"]["correct"]
    res = CliRunner().invoke(cli, ["eval", str(FIX / "plover_gsr_small.json"), "--format", "plover-gsr"])
    assert res.exit_code == 0, res.output
    assert "actor spans" in res.output and "source overlap" in res.output and "ECE" in res.output
    res = CliRunner().invoke(cli, ["eval", str(FIX / "penta_small.tsv"), "--format", "penta-tsv", "--json"])
    assert json.loads(res.output)["spans"] == {}  # the penta TSV gives no actor words


def test_cli_eval_penta_with_spans_scores_actor_spans_and_judges_actors(coder):
    args = ["eval", str(FIX / "penta_small.tsv"), "--format", "penta-tsv", "--json"]
    plain = json.loads(CliRunner().invoke(cli, args).output)
    res = CliRunner().invoke(cli, [*args, "--spans", str(FIX / "penta_small.conll")])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert report["spans"]["source_overlap"]["total"] == 5 and report["spans"]["target_overlap"]["total"] == 4
    assert report["accuracy"] == plain["accuracy"]  # the spans change no label
    assert report["calibration"]["events"] == plain["calibration"]["events"]
    assert report["calibration"]["accuracy"] <= plain["calibration"]["accuracy"]  # actors must be right too
    res = CliRunner().invoke(
        cli, ["eval", str(FIX / "petr_small.xml"), "--format", "petr", "--spans", str(FIX / "penta_small.conll")]
    )
    assert res.exit_code == 3 and "E611" in res.output
