"""Loading the package's YAML data files, with errors that name file and problem."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from .errors import DictionaryError


def load_yaml(package: str, name: str) -> Any:
    """Load ``name`` from the ``data/`` folder of ``package`` (e.g. ``eventwire.events``)."""
    ref = resources.files(package).joinpath("data", name)
    where = f"{package.replace('.', '/')}/data/{name}"
    try:
        text = ref.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DictionaryError(f"cannot read data file: {e}", code="E301", where=where) from e
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise DictionaryError(f"invalid YAML: {getattr(e, 'problem', e)}", code="E302", where=where + line) from e
