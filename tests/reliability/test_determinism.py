"""The same input gives identical records whatever the number of workers and the batch size, run after run:
full records compared (sorted), not counts; and the same store content from `run`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.ingest import read_paths
from eventwire.pipeline import BatchResult, code_stories
from eventwire.runner import run_corpus

from .corpus import dump, write_corpus


def _flat(results: list[BatchResult]) -> tuple[list[str], list[str]]:
    records = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for res in results for r in res.records)
    rejects = sorted(json.dumps(r.to_dict(), sort_keys=True) for res in results for r in res.rejects)
    return records, rejects


def test_records_do_not_depend_on_workers_batch_size_or_the_run(tmp_path: Path, coder: Any) -> None:
    corpus = str(write_corpus(tmp_path / "corpus.jsonl", stories=16, sentences=6))
    one = _flat(list(code_stories(read_paths([corpus]), coder=coder, batch_size=1)))
    again = _flat(list(code_stories(read_paths([corpus]), coder=coder, batch_size=7)))
    two = _flat(list(code_stories(read_paths([corpus]), workers=2, batch_size=3)))
    assert len(one[0]) > 50 and len(one[1]) == 1  # events of every kind, and the one bad line
    assert one == again
    assert one == two

    run_corpus([corpus], tmp_path / "w1.duckdb", workers=1, batch_size=4, coder=coder, count=False)
    run_corpus([corpus], tmp_path / "w2.duckdb", workers=2, batch_size=3, count=False)
    assert dump(tmp_path / "w1.duckdb") == dump(tmp_path / "w2.duckdb")
