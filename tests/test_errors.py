"""The error catalogue: every code defined once, used codes all defined, the docs table generated from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire import errors

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "eventwire"
CODE = re.compile(r"\bE\d{3}\b")


def _codes_in(paths: list[Path]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for p in paths:
        for n, line in enumerate(p.read_text("utf-8").splitlines(), 1):
            for c in CODE.findall(line):
                found.setdefault(c, []).append(f"{p.relative_to(ROOT)}:{n}")
    return found


def test_every_code_used_in_the_package_is_in_the_catalogue() -> None:
    used = _codes_in([p for p in SRC.rglob("*.py") if p.name != "errors.py"])
    unknown = {c: where for c, where in used.items() if c not in errors.CATALOGUE}
    assert not unknown, f"error codes missing from eventwire.errors.CATALOGUE: {unknown}"


def test_every_code_named_in_the_docs_is_in_the_catalogue() -> None:
    used = _codes_in(sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"])
    unknown = {c: where for c, where in used.items() if c not in errors.CATALOGUE}
    assert not unknown, f"the docs name error codes the catalogue lacks: {unknown}"


def test_docs_error_table_is_generated_from_the_catalogue() -> None:
    text = (ROOT / "docs" / "errors.md").read_text("utf-8")
    m = re.search(r"<!-- generated: error table -->\n(.*?)<!-- end: error table -->", text, re.S)
    assert m, "docs/errors.md lacks the generated table markers"
    assert m.group(1) == errors.docs_table(), "docs/errors.md is stale: regenerate it with errors.docs_table()"


def test_codes_are_unique_and_belong_to_their_class_range() -> None:
    ranges = {
        errors.InputError: "1",
        errors.ModelError: "2",
        errors.DictionaryError: "3",
        errors.SchemaError: "4",
        errors.StoreError: "5",
        errors.EvalError: "6",
    }
    for code, d in errors.CATALOGUE.items():
        assert d.code == code
        if d.kind in ranges:
            assert code[1] == ranges[d.kind], f"{code} is a {d.kind.__name__}"
    assert len({d.template + d.code for d in errors.CATALOGUE.values()}) == len(errors.CATALOGUE)


def test_error_builds_the_catalogue_class_and_message() -> None:
    e = errors.error("E503", where="x.duckdb", version=9, writer="9.0", ours="1.0", schema=3)
    assert isinstance(e, errors.StoreError) and e.code == "E503"
    assert str(e).startswith("[E503] x.duckdb: the store has schema version 9")
    with pytest.raises(KeyError):
        errors.error("E999")


def test_a_template_field_left_out_is_an_error_not_a_silent_placeholder() -> None:
    with pytest.raises(KeyError):
        errors.message("E102")
