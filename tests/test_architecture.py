"""The house rules: the architecture guide names real files, modules stay small, CAMEO codes live in data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "eventwire"
CODEBOOK = SRC / "events" / "cameo.py"


def test_every_file_the_architecture_guide_names_exists() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    named = set(re.findall(r"`((?:src|tests|docs|benchmarks|\.ci)/[\w./*-]+)`", text))
    assert len(named) > 30
    missing = [p for p in sorted(named) if not any(ROOT.glob(p))]
    assert not missing, f"docs/architecture.md names files that do not exist: {missing}"


def test_the_steps_the_guide_lists_are_the_coders_steps() -> None:
    from eventwire.events import coder

    text = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    listed = re.findall(r"^\d+\. `(\w+)`", text, re.M)
    assert listed == [s.__name__.rsplit(".", 1)[-1] for s in coder.STEPS]


def test_no_module_in_src_is_over_500_lines() -> None:
    big = {str(p.relative_to(ROOT)): n for p in SRC.rglob("*.py") if (n := p.read_text("utf-8").count("\n")) > 500}
    assert not big, big


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def test_no_cameo_code_literal_outside_the_codebook_module() -> None:
    code = re.compile(r"(0[1-9]|1[0-9]|20)[0-9]{0,2}")
    hits = []
    for path in SRC.rglob("*.py"):
        if path == CODEBOOK:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docs
                and code.fullmatch(node.value)
            ):
                hits.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
    assert not hits, hits
