"""Reading an actor dictionary file: YAML with the line of every entry, validated against its JSON Schema.

READS a file of the package's ``data/`` folder, of a replacement data folder, or a user dictionary
(``--dictionaries FILE``). ADDS the parsed data, each mapping with its line under ``__line__`` (the
``source`` of an entry, "persons.yaml:434", names it in every rule), and the name to show in errors.

The schema is the one the file's header names (``# schema: actors-persons``); a user dictionary without
a header is checked against the kind the caller expects (``eventwire._data.validate_data``). A schema error
is ``E332`` naming file, line and field; what a schema cannot say (an unknown country code, a bad date, an
upper-case term) is ``E303`` naming file and line (``bad_entry``).
"""

from __future__ import annotations

import datetime as _dt
import re
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .._data import HEADER_KEY, schema_kind, validate_data
from ..errors import DictionaryError, error

PACKAGE = "eventwire.actors"
_HAS_KIND = re.compile(r"^\s*#\s*schema\s*:", re.MULTILINE)


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the line of every mapping under the key ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = dict(loader.construct_mapping(node, deep=True))
    mapping[HEADER_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# dates stay strings, so a bad date is reported by our validation with its file and line
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(name: str, path: Path | None = None, kind: str | None = None) -> tuple[Any, str]:
    """Load dictionary ``name`` (from the package, or ``path``); return (data, display name).

    The data is validated against the schema its header names, else against ``kind`` (``None``: not
    validated, for a first look at a user file whose kind its shape tells)."""
    where = str(path) if path is not None else f"eventwire/actors/data/{name}"
    try:
        text = (
            path.read_text("utf-8")
            if path is not None
            else resources.files(PACKAGE).joinpath("data", name).read_text("utf-8")
        )
    except (OSError, UnicodeDecodeError) as e:
        raise error("E301", where=where, what="dictionary", reason=e) from e
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise error("E302", where=where + line, problem=getattr(e, "problem", e)) from e
    except (ValueError, RecursionError) as e:  # a scalar that cannot be built (a 5,000-digit integer, 2020-13-01)
        raise error("E302", where=where, problem=e) from e
    if _HAS_KIND.search(text) is not None:
        kind = schema_kind(text, where)
    if kind is not None:
        validate_data(data, kind, where, text)
    return data, where


def bad_entry(where: str, item: Any, problem: str) -> DictionaryError:
    """E303 for a problem the schema cannot state, at the line of ``item`` (a mapping read by
    ``read_yaml``)."""
    line = item.get(HEADER_KEY) if isinstance(item, dict) else None
    e = error("E303", where=f"{where}:{line}" if line else where, problem=problem)
    assert isinstance(e, DictionaryError)
    return e


def source(where: str, item: dict[str, Any]) -> str:
    """``persons.yaml:434``: the file name and line of an entry, as rules name it."""
    return f"{Path(where).name}:{item.get(HEADER_KEY, '?')}"


def date_of(where: str, item: dict[str, Any], v: Any) -> _dt.date | None:
    """A ``from``/``to`` value as a date (``None``: open); a date that does not exist is E303."""
    if v is None or isinstance(v, _dt.date):
        return v
    try:
        return _dt.date.fromisoformat(str(v))
    except ValueError as e:
        raise bad_entry(where, item, f"bad date {v!r} (use YYYY-MM-DD)") from e
