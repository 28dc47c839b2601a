"""End-to-end corpus runs with the real pipeline: idempotence, changed stories, rejects, workers, kill -9.

The coder is being built concurrently, so these tests compare runs with each other rather than with fixed
event counts (but they insist that stories were coded).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from eventwire.runner import run_corpus
from eventwire.store import open_store, stats

SNAPSHOT = {
    "stories": "SELECT story_id, content_hash, status, n_mentions, origin_file FROM stories ORDER BY ALL",
    "mentions": "SELECT * EXCLUDE (extra) FROM mentions ORDER BY mention_id",
    "events": "SELECT * FROM events ORDER BY event_id",
    "links": "SELECT * FROM event_mentions ORDER BY ALL",
    "actors": "SELECT * FROM actors ORDER BY ALL",
    "rejects": "SELECT story_id, origin, code, reason FROM rejects ORDER BY ALL",
}


def snapshot(db: Path) -> dict[str, list]:
    with open_store(db, read_only=True) as st:
        return {k: st.execute(sql) for k, sql in SNAPSHOT.items()}


def test_rerun_adds_nothing(coder, mk, db_path):
    first = run_corpus([str(mk.corpus)], db_path, coder=coder, count=False)
    n = len(list(mk.corpus.glob("*.txt")))
    assert first.coded == n > 0 and first.skipped == 0
    before = snapshot(db_path)
    second = run_corpus([str(mk.corpus)], db_path, coder=coder, count=False)
    assert second.coded == 0 and second.skipped == n and second.mentions == 0
    assert snapshot(db_path) == before
    with open_store(db_path, read_only=True) as st:
        runs = st.execute(
            "SELECT status, stories_coded, stories_skipped, dictionary_version, model, "
            "eventwire_version FROM runs ORDER BY started_at"
        )
    assert [r[:3] for r in runs] == [("done", n, 0), ("done", 0, n)]
    assert runs[0][3].startswith("d-") and runs[0][4] == coder.model and runs[0][5]


def test_changed_story_replaces_its_events_and_rejects_are_kept(coder, mk, tmp_path, db_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(mk.corpus, corpus)
    (corpus / "empty.txt").write_text("date 2021-01-01\n\n", "utf-8")
    run_corpus([str(corpus)], db_path, coder=coder, count=False)
    before = snapshot(db_path)
    assert before["rejects"] and before["rejects"][0][1].endswith("empty.txt")
    edited = corpus / "border-clash.txt"
    edited.write_text(edited.read_text("utf-8").replace("Monday", "Sunday night"), "utf-8")
    again = run_corpus([str(corpus)], db_path, coder=coder, count=False)
    assert again.coded == 1
    after = snapshot(db_path)
    assert len(after["stories"]) == len(before["stories"])
    old = {r[4]: r[0] for r in before["stories"]}
    new = {r[4]: r[0] for r in after["stories"]}
    assert old[str(edited)] != new[str(edited)]  # the file's story was replaced, not added
    gone = old.pop(str(edited))
    new.pop(str(edited))
    assert old == new
    assert not any(m[1] == gone for m in after["mentions"])
    assert after["rejects"] == before["rejects"]


def test_two_workers_give_the_same_store(coder, mk, tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    run_corpus([str(mk.corpus)], one, coder=coder, batch_size=3, count=False)
    st = run_corpus([str(mk.corpus)], two, workers=2, batch_size=3, count=False)
    assert st.coded > 0
    assert snapshot(one) == snapshot(two)


def _corpus(folder: Path, n: int) -> Path:
    """``n`` small stories of our own, varied enough to be distinct."""
    folder.mkdir()
    leaders = ["Azerbaijan", "Georgia", "Armenia", "Turkey", "Kazakhstan", "Ukraine"]
    for i in range(n):
        a, b = leaders[i % 6], leaders[(i * 5 + 1) % 6]
        day = 1 + i % 28
        (folder / f"story-{i:03d}.txt").write_text(
            f"date 2022-02-{day:02d} Baku\nThe foreign minister of {a} met officials from {b} on Tuesday "
            f"to discuss pipeline tariffs, item {i}. {b} later criticised the plan.\n",
            "utf-8",
        )
    return folder


def test_a_killed_run_resumes_to_the_same_store(coder, tmp_path):
    corpus = _corpus(tmp_path / "corpus", 150)
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    cmd = [
        sys.executable,
        "-m",
        "eventwire.cli.main",
        "run",
        str(corpus),
        "--db",
        str(killed),
        "--batch-size",
        "2",
        "--progress",
        "--no-count",
    ]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    assert proc.stderr is not None
    for line in proc.stderr:
        if re.search(r"batch [1-9]\d* committed", line):  # the first batch is in the file
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with open_store(killed) as st:  # opening for writing also replays the WAL
        partial = stats(st)
        assert st.execute("SELECT status FROM runs") == [("running",)]
    assert 0 < partial["stories"] < 150
    resumed = subprocess.run(cmd[:-2] + ["--no-progress"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{partial['stories']} already stored" in resumed.stderr
    run_corpus([str(corpus)], clean, coder=coder, batch_size=2, count=False)
    a, b = snapshot(killed), snapshot(clean)
    assert len(a["stories"]) == 150
    assert a == b


def test_cli_run_query_export(mk, tmp_path):
    from eventwire.cli.main import cli

    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    res = runner.invoke(cli, ["run", str(mk.corpus), "--db", db, "--batch-size", "4"])
    assert res.exit_code == 0, res.output
    assert "stories coded" in res.output and "stories/s" in res.output
    res = runner.invoke(cli, ["run", str(mk.corpus), "--db", db])
    assert res.exit_code == 0 and "0 stories coded" in res.output
    res = runner.invoke(cli, ["query", "--db", db, "--agg", "month", "--undirected", "--format", "csv"])
    assert res.exit_code == 0 and res.output.startswith("period,dyad,quad_class,events")
    res = runner.invoke(cli, ["query", "--db", db, "--level", "mentions", "--text", "minister", "--format", "jsonl"])
    assert res.exit_code == 0
    res = runner.invoke(cli, ["query", "--db", db, "--top", "dyads"])
    assert res.exit_code == 0 and "dyad" in res.output
    out = tmp_path / "ev.tsv"
    res = runner.invoke(cli, ["export", "--db", db, "--format", "gdelt", "-o", str(out)])
    assert res.exit_code == 0 and out.read_text("utf-8").startswith("GLOBALEVENTID\tSQLDATE")
    res = runner.invoke(cli, ["query", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 3 and "E506" in res.output


def test_ctrl_c_keeps_committed_batches_and_says_how_to_resume(tmp_path):
    corpus = _corpus(tmp_path / "corpus", 150)
    db = tmp_path / "int.duckdb"
    cmd = [
        sys.executable,
        "-m",
        "eventwire.cli.main",
        "run",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        "2",
        "--progress",
        "--no-count",
    ]
    proc = subprocess.Popen(
        cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1")
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if re.search(r"batch [1-9]\d* committed", line):
            break
    proc.send_signal(signal.SIGINT)
    rest = proc.stderr.read()
    proc.wait(timeout=60)
    assert proc.returncode == 130, rest
    assert "run the same command to resume" in rest
    with open_store(db, read_only=True) as st:
        assert st.execute("SELECT status FROM runs") == [("interrupted",)]
        n = st.scalar("SELECT count(*) FROM stories")
        assert 0 < n < 150
        assert st.scalar("SELECT stories_coded FROM runs") == n


def test_ngec_csv_subset_runs_and_reruns_to_nothing(coder, shared, tmp_path):
    import csv

    src = shared / "data" / "ngec_synthetic_plover" / "gpt_synthetic_events_2023-10-19_19.csv"
    sub = tmp_path / "subset.csv"
    csv.field_size_limit(10_000_000)
    with open(src, newline="", encoding="utf-8") as f, open(sub, "w", newline="", encoding="utf-8") as g:
        w = csv.writer(g)
        for i, row in enumerate(csv.reader(f)):
            if i > 24:
                break
            w.writerow(row)
    db = tmp_path / "ngec.duckdb"
    first = run_corpus([str(sub)], db, coder=coder, batch_size=8)
    assert first.coded == 24
    before = snapshot(db)
    again = run_corpus([str(sub)], db, coder=coder, batch_size=8)
    assert again.coded == 0 and again.skipped == 24 and again.mentions == 0
    assert snapshot(db) == before
