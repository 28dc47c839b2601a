"""The actor stage's layout: every data file names its schema and follows it, the schemas' code lists agree
with code_groups.yaml, the modules stay small and import no later stage."""

from __future__ import annotations

import ast
import json
from importlib import resources
from pathlib import Path

import pytest

from eventwire._data import load_yaml, schema_kind
from eventwire.actors import codes

PKG = Path(str(resources.files("eventwire")))
ACTORS = PKG / "actors"
SCHEMAS = PKG / "schema" / "data"
DATA_FILES = sorted(p.name for p in (ACTORS / "data").glob("*.yaml"))


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_names_its_schema_and_follows_it(name: str) -> None:
    text = (ACTORS / "data" / name).read_text("utf-8")
    kind = schema_kind(text, name)
    assert kind.startswith("actors-") and (SCHEMAS / f"{kind}.schema.json").is_file()
    assert load_yaml("eventwire.actors", name) is not None


def _enums(schema: object) -> list[set[str]]:
    """Every ``enum`` list of three-letter codes in a schema."""
    found: list[set[str]] = []
    if isinstance(schema, dict):
        if isinstance(schema.get("enum"), list) and all(isinstance(v, str) and len(v) == 3 for v in schema["enum"]):
            found.append(set(schema["enum"]))
        for v in schema.values():
            found += _enums(v)
    elif isinstance(schema, list):
        for v in schema:
            found += _enums(v)
    return found


@pytest.mark.parametrize("kind", ["actors-sectors", "actors-igos", "actors-countries"])
def test_schema_sector_lists_agree_with_code_groups(kind: str) -> None:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text("utf-8"))
    allowed = [codes.ROLE_CODES, codes.ROLE_CODES | codes.RELIGION_CODES, codes.GENERIC_INTERNATIONAL]
    for enum in _enums(schema):
        assert enum in allowed, f"{kind}: {sorted(enum)} is none of code_groups.yaml's lists"


def _modules() -> list[Path]:
    return sorted(ACTORS.glob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_no_actors_module_imports_a_later_stage(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = ("." * node.level) + (node.module or "")
            assert not target.startswith(("..place", "..events", "eventwire.place", "eventwire.events")), target
        elif isinstance(node, ast.Import):
            assert not any(a.name.startswith(("eventwire.place", "eventwire.events")) for a in node.names)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text("utf-8")
    assert len(text.splitlines()) < 500
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef):
            assert node.end_lineno is not None and node.end_lineno - node.lineno < 80, node.name
