"""The offline gazetteer under the place stage's name: ``eventwire.gazetteer``, which lives below the stages.

The actor stage reads the gazetteer too (the country of "Samarra police"), so the table, its cache file and
the process-wide instance are defined once, in ``eventwire/gazetteer.py``, which imports no stage. This
module is that module under a second name: ``eventwire.place.gazetteer.gazetteer()`` and
``eventwire.gazetteer.gazetteer()`` return the same object, and patching a name here (as the tests patch
``build``) patches it for both stages. The names below are listed for readers and type checkers.
"""

from __future__ import annotations

import sys

from .. import gazetteer as _table
from ..gazetteer import (
    INDEX_VERSION,
    KIND_RANK,
    PLACES_FILE,
    Gazetteer,
    Place,
    build,
    cache_dir,
    clean_name,
    gazetteer,
    key,
)

__all__ = [
    "INDEX_VERSION",
    "KIND_RANK",
    "PLACES_FILE",
    "Gazetteer",
    "Place",
    "build",
    "cache_dir",
    "clean_name",
    "gazetteer",
    "key",
]

# one module, two names: the import system hands out what ``sys.modules`` holds once this file has run
sys.modules[__name__] = _table
