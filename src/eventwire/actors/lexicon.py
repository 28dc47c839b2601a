"""The actor dictionaries as one compiled lexicon: what ``ActorCoder`` loads once per process.

READS every actor dictionary (``loaders.py``: countries, organisations, groups, roles, persons) from the
package's ``data/`` folder or a replacement folder, and user dictionaries first (they win over the shipped
ones). ADDS a ``Lexicon`` (``entries.py``) with its Aho-Corasick automaton compiled. See
docs/dictionaries.md for the files and their fields.

Every bad entry raises ``DictionaryError`` naming file and line (E332 from the file's JSON Schema, E303 for
what a schema cannot say); two entries that give the same phrase different codes warn once (E310: the first
one loaded wins; countries.yaml wins over pycountry). The names other modules import from here
(``Entry``, ``ROLE_CODES``, ``plurals`` ...) are re-exported from the modules that define them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from .codes import INTERNATIONAL, RELIGION_CODES, ROLE_CODES
from .data_files import read_yaml
from .entries import KINDS, Entry, Form, Lexicon, Period
from .loaders import load_countries, load_igos, load_persons, load_sectors, plurals

__all__ = [
    "INTERNATIONAL",
    "KINDS",
    "RELIGION_CODES",
    "ROLE_CODES",
    "Entry",
    "Form",
    "Lexicon",
    "Period",
    "iter_entries",
    "load",
    "load_countries",
    "load_igos",
    "load_persons",
    "load_sectors",
    "plurals",
    "read_yaml",
]


def load(data_dir: Path | None = None, extra: Sequence[Path] = ()) -> Lexicon:
    """Load every actor dictionary (from the package, or from ``data_dir`` when given) and compile.

    ``extra`` files are user dictionaries loaded first (so they win over the shipped ones): a YAML list
    in the persons.yaml schema (what ``import-petrarch --kind actors`` writes) or a mapping with
    ``roles``/``ranks`` in the sectors.yaml schema (``--kind agents``).
    """
    lex = Lexicon()

    def p(name: str) -> Path | None:
        return data_dir / name if data_dir is not None else None

    for path in extra:
        data, _ = read_yaml(path.name, path)
        if isinstance(data, dict):
            load_sectors(lex, path)
        else:
            load_persons(lex, path)
    load_persons(lex, p("persons.yaml"))
    load_igos(lex, p("igos.yaml"))
    load_igos(lex, p("groups.yaml"), "groups.yaml")
    load_countries(lex, p("countries.yaml"))
    load_sectors(lex, p("sectors.yaml"))
    lex.compile()
    return lex


def iter_entries(lex: Lexicon) -> Iterator[tuple[str, Form]]:
    """Every (phrase, form) of the lexicon (for listings and tests)."""
    for key, forms in lex.forms.items():
        for f in forms:
            yield key, f
