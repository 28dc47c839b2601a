"""Loading YAML data files, each validated against the JSON Schema its header names.

Every data file of the package starts with a comment saying what it holds and how it is read, and one
header line ``# schema: <kind>``: the data must follow ``eventwire/schema/data/<kind>.schema.json``
(JSON Schema draft 2020-12; one schema per kind of file, e.g. ``events-verbs`` for ``verbs.yaml`` and
``verbs_more.yaml``). ``load_yaml`` reads a package file, ``load_yaml_file`` any file with such a header,
and ``validate_data`` checks already parsed data against a kind given by the caller (user dictionaries,
which carry no header). Errors are ``DictionaryError`` naming file, line and field::

    [E332] eventwire/events/data/verbs.yaml:123: at verbs.attack[2].code: '19x' does not match '^[0-9]{2,4}$'

The schema sees the data as JSON would: dates are ISO strings, mapping keys are strings (a YAML 1.1 boolean
key such as a bare ``on:`` reads ``"true"``), and the ``__line__`` keys a line-tracking loader adds are left
out. Each validator is compiled once per process; the YAML node tree (for the line) is built only when the
data does not validate.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import error

SCHEMA_DIR = ("schema", "data")  # inside the ``eventwire`` package
HEADER_KEY = "__line__"  # added to mappings by line-tracking loaders; not part of the data
_KIND_LINE = re.compile(r"#\s*schema\s*:\s*(\S*)\s*$")
_KIND_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9_]+)+")
_PLAIN_KEY = re.compile(r"[\w-]+")
_MAX_MESSAGE = 240
_BASE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE_LOADER):  # type: ignore[misc]
    """libyaml's safe loader (same data as yaml.SafeLoader on every shipped file, checked by a test; 3x
    faster) that refuses a key written twice in one mapping: YAML keeps the last silently, so an entry of a
    dictionary would vanish without a word."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[tuple[str, str]] = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                if (key.tag, key.value) in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {key.value!r} is written twice", key.start_mark
                    )
                seen.add((key.tag, key.value))
        return super().construct_mapping(node, deep=deep)


_LOADER: Any = _Loader
_ANNOTATIONS = frozenset({"title", "description", "$comment", "examples", "default"})


# -- loading ---------------------------------------------------------------------------------------------


def load_yaml(package: str, name: str) -> Any:
    """Load and validate ``name`` from the ``data/`` folder of ``package`` (e.g. ``eventwire.events``)."""
    ref = resources.files(package).joinpath("data", name)
    where = f"{package.replace('.', '/')}/data/{name}"
    try:
        text = ref.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise error("E301", where=where, what="data file", reason=e) from e
    return load_text(text, where)


def load_yaml_file(path: str | Path, where: str | None = None) -> Any:
    """Load and validate a data file outside the package; it must carry a ``# schema: <kind>`` header."""
    where = where or str(path)
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise error("E301", where=where, what="data file", reason=e) from e
    return load_text(text, where)


def load_text(text: str, where: str) -> Any:
    """Parse the YAML ``text`` of a data file (shown as ``where``) and validate it against its header's schema."""
    kind = schema_kind(text, where)
    return validate_data(parse_yaml(text, where), kind, where, text)


def parse_yaml(text: str, where: str) -> Any:
    """``yaml.safe_load`` with a YAML syntax error reported as ``DictionaryError`` naming file and line."""
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise error("E302", where=where + line, problem=getattr(e, "problem", e)) from e
    except ValueError as e:  # a scalar YAML resolves but cannot build, e.g. the date 2020-13-01
        raise error("E302", where=where, problem=e) from e


def schema_kind(text: str, where: str) -> str:
    """The kind named by the ``# schema: <kind>`` line of the file's header comment (the comment and blank
    lines before the first line of data)."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        m = _KIND_LINE.match(stripped)
        if m is None:
            continue
        if not _KIND_NAME.fullmatch(m.group(1)):
            raise error(
                "E330",
                where=where,
                detail=f"bad schema kind {m.group(1)!r} in the header (expected e.g. 'events-verbs')",
            )
        return m.group(1)
    raise error(
        "E330",
        where=where,
        detail="the header comment names no schema: add a line '# schema: <kind>' (see eventwire/schema/data/)",
    )


# -- schemas ---------------------------------------------------------------------------------------------


def schema_kinds() -> list[str]:
    """Every kind with a schema file in the package."""
    folder = resources.files("eventwire").joinpath(*SCHEMA_DIR)
    return sorted(p.name.removesuffix(".schema.json") for p in folder.iterdir() if p.name.endswith(".schema.json"))


@cache
def _validator(kind: str) -> Any:
    """The compiled draft 2020-12 validator of ``kind`` (once per process)."""
    import jsonschema

    name = f"{kind}.schema.json"
    where = "eventwire/" + "/".join((*SCHEMA_DIR, name))
    ref = resources.files("eventwire").joinpath(*SCHEMA_DIR, name)
    if not _KIND_NAME.fullmatch(kind) or not ref.is_file():
        raise error("E331", where=where, detail=f"unknown schema kind {kind!r} (known: {', '.join(schema_kinds())})")
    try:
        schema = json.loads(ref.read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
    except (ValueError, jsonschema.SchemaError) as e:
        raise error("E333", where=where, detail=f"invalid schema: {_one_line(str(e))}") from e
    return jsonschema.Draft202012Validator(_inline_refs(schema, schema.get("$defs", {}), ()))


def _inline_refs(node: Any, defs: dict[str, Any], stack: tuple[str, ...]) -> Any:
    """``node`` with each local ``{"$ref": "#/$defs/x"}`` replaced by a copy of ``x`` (twice as fast to
    validate: no reference lookups). A recursive reference is left as it is (``$defs`` stays)."""
    if isinstance(node, list):
        return [_inline_refs(v, defs, stack) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: v if k == "$defs" else _inline_refs(v, defs, stack) for k, v in node.items() if k != "$ref"}
    ref = node.get("$ref")
    if ref is None:
        return out
    name = ref.removeprefix("#/$defs/")
    if name == ref or name not in defs or name in stack:
        out["$ref"] = ref
        return out
    target = _inline_refs(defs[name], defs, (*stack, name))
    if not isinstance(target, dict) or (set(target) & set(out)) - _ANNOTATIONS:
        return {**out, "allOf": [target]} if "allOf" not in out else {"allOf": [target, out]}
    return {**target, **out}


def validate_data(data: Any, kind: str, where: str, text: str | None = None) -> Any:
    """Check parsed ``data`` against the schema of ``kind``; return ``data`` unchanged when it follows it.

    ``where`` names the file in the error; with the file's YAML ``text`` the error also names the line
    (found only when there is an error). Raises ``DictionaryError`` (E332) with the most relevant problem.
    """
    from jsonschema.exceptions import best_match

    validator = _validator(kind)
    err = best_match(validator.iter_errors(plain(data)))
    if err is None:
        return data
    path = list(err.absolute_path)
    key = _offending_key(err)
    line = _line_of(text, path, key) if text is not None else None
    shown = [*path, key] if key is not None else path
    message = err.message
    if err.validator in ("anyOf", "oneOf") and isinstance(err.schema.get("description"), str):
        message += f" ({err.schema['description']})"
    raise error(
        "E332",
        where=f"{where}:{line}" if line is not None else where,
        detail=f"at {field_path(shown)}: {_one_line(message)}",
    )


def plain(data: Any) -> Any:
    """``data`` as JSON sees it: string keys, ISO dates, no ``__line__`` keys (a copy)."""
    if isinstance(data, dict):
        return {_key_text(k): plain(v) for k, v in data.items() if k != HEADER_KEY}
    if isinstance(data, list):
        return [plain(v) for v in data]
    if isinstance(data, _dt.date):
        return data.isoformat()
    return data


def _key_text(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, _dt.date):
        return key.isoformat()
    return str(key)


# -- error messages --------------------------------------------------------------------------------------


def field_path(path: Sequence[Any]) -> str:
    """``verbs.attack[2].code`` for the path ``["verbs", "attack", 2, "code"]``; ``top level`` for ``[]``."""
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        elif _PLAIN_KEY.fullmatch(str(p)):
            out += f".{p}" if out else str(p)
        else:
            out += f"[{str(p)!r}]"
    return out or "top level"


def _one_line(message: str) -> str:
    text = " ".join(message.split())
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def _offending_key(err: Any) -> str | None:
    """The mapping key an error is about, when it is about a key (an unexpected or badly named one)."""
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = set(err.schema.get("properties", {}))
        patterns = list(err.schema.get("patternProperties", {}))
        for k in err.instance:
            if k not in allowed and not any(re.search(p, k) for p in patterns):
                return str(k)
    if "propertyNames" in err.relative_schema_path and isinstance(err.instance, str):
        return err.instance
    return None


def _line_of(text: str, path: Sequence[Any], key: str | None) -> int | None:
    """The 1-based line of the YAML node at ``path`` (or of ``key`` in the mapping there)."""
    try:
        node = yaml.compose(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    loader = yaml.SafeLoader("")
    for step in path:
        child = _child(loader, node, step)
        if child is None:
            return int(node.start_mark.line) + 1
        node = child[1]
    if key is not None:
        found = _child(loader, node, key)
        if found is not None:
            node = found[0]
    return int(node.start_mark.line) + 1


def _child(loader: yaml.SafeLoader, node: yaml.Node, step: Any) -> tuple[yaml.Node, yaml.Node] | None:
    """(key node, value node) of ``step`` in a mapping or sequence node; ``None`` when it has none."""
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        item: yaml.Node = node.value[step]
        return item, item
    if isinstance(node, yaml.MappingNode):
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
        for knode, vnode in pairs:
            if isinstance(knode, yaml.ScalarNode) and _key_text(loader.construct_object(knode)) == str(step):
                return knode, vnode
    return None
