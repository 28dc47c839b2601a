"""Every data file names its JSON Schema and follows it; a bad entry is reported with file, line and field."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

import eventwire
from eventwire import _data
from eventwire.errors import DictionaryError

PKG = Path(eventwire.__file__).resolve().parent
DATA_FILES = sorted(PKG.rglob("data/*.yaml"))
SCHEMA_FILES = sorted((PKG / "schema" / "data").glob("*.schema.json"))
KIND_LITERAL = re.compile(r"""["']((?:actors|events|ingest|place|common|store|evaluate)-[a-z0-9_]+)["']""")


def _rel(p: Path) -> str:
    return str(p.relative_to(PKG.parent))


def _kind(p: Path) -> str:
    return _data.schema_kind(p.read_text("utf-8"), _rel(p))


def test_there_are_data_files_and_schemas() -> None:
    assert len(DATA_FILES) >= 20 and len(SCHEMA_FILES) >= 15
    assert {"events-verbs", "actors-persons", "actors-sectors"} <= set(_data.schema_kinds())


@pytest.mark.parametrize("path", DATA_FILES, ids=_rel)
def test_every_data_file_declares_a_schema_that_exists_and_validates(path: Path) -> None:
    kind = _kind(path)
    assert (PKG / "schema" / "data" / f"{kind}.schema.json").is_file(), f"{_rel(path)}: no schema for {kind}"
    assert _data.load_text(path.read_text("utf-8"), _rel(path)) is not None


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_schema_is_valid_and_used(path: Path) -> None:
    import jsonschema

    schema = json.loads(path.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
    assert schema.get("title") or schema.get("description"), "say what the file holds and who reads it"
    kind = path.name.removesuffix(".schema.json")
    by_files = {_kind(p) for p in DATA_FILES}
    in_code = {m for p in PKG.rglob("*.py") for m in KIND_LITERAL.findall(p.read_text("utf-8"))}
    assert kind in by_files | in_code, f"{path.name} is used by no data file and no loader"


@pytest.mark.parametrize("path", DATA_FILES, ids=_rel)
def test_the_fast_loader_reads_every_file_as_the_pure_python_one(path: Path) -> None:
    text = path.read_text("utf-8")
    fast, slow = _data.parse_yaml(text, _rel(path)), yaml.safe_load(text)
    assert fast == slow and repr(fast) == repr(slow)


@pytest.mark.parametrize("path", DATA_FILES, ids=_rel)
def test_a_misspelt_key_is_caught(path: Path) -> None:
    """The schemas are closed: a key no loader reads (a typo) is an error, at the top or in an entry."""
    data = _data.parse_yaml(path.read_text("utf-8"), _rel(path))
    if isinstance(data, list):
        data = [{**data[0], "zzz_typo": 1}, *data[1:]]
    else:
        data = {**data, "zzz_typo": 1}
    with pytest.raises(DictionaryError) as e:
        _data.validate_data(data, _kind(path), _rel(path))
    assert e.value.code == "E332" and "zzz_typo" in str(e.value)


def _inject(tmp_path: Path, rel: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of package data file ``rel`` with the first line containing ``old`` changed; (path, line)."""
    lines = (PKG / rel).read_text("utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if old in line and not line.lstrip().startswith("#"))
    lines[n] = lines[n].replace(old, new, 1)
    out = tmp_path / Path(rel).name
    out.write_text("\n".join(lines), "utf-8")
    return out, n + 1


BAD = [  # (file, text on the line, replacement, field path, words of the message)
    (
        "events/data/verbs.yaml",
        'code: "040", tgt: [with, obj], recip: true',
        'code: "040", tgt: [with, obj], recip: "yes"',
        "verbs.meet[1].recip",
        "not of type 'boolean'",
    ),
    (
        "events/data/verbs.yaml",
        'code: "040", tgt: [with, obj], recip: true',
        'code: "19x", tgt: [with, obj], recip: true',
        "verbs.meet[1].code",
        "'19x' does not match",
    ),
    (
        "events/data/verbs.yaml",
        'code: "040", tgt: [with, obj], recip: true',
        'code: "040", target: [with, obj], recip: true',
        "verbs.meet[1].target",
        "'target' was unexpected",
    ),
    (
        "events/data/cameo.yaml",
        '"010": {name: "Make statement", goldstein: 0.0}',
        '"010": {name: "Make statement", goldstein: high}',
        "codes.010.goldstein",
        "not of type 'number'",
    ),
    ("events/data/cameo.yaml", '"010": {name:', '"210": {name:', "codes.210", "does not match"),
    ("ingest/data/agencies.yaml", "{name: AFP,", "{name: [AFP],", "agencies[2].name", "not of type 'string'"),
    ("place/data/places.yaml", "stopwords:", "stopword:", "stopword", "'stopword' was unexpected"),
]


@pytest.mark.parametrize(("rel", "old", "new", "field", "words"), BAD, ids=[b[3] for b in BAD])
def test_a_bad_entry_names_file_line_and_field(
    tmp_path: Path, rel: str, old: str, new: str, field: str, words: str
) -> None:
    path, line = _inject(tmp_path, rel, old, new)
    with pytest.raises(DictionaryError) as e:
        _data.load_yaml_file(path)
    assert e.value.code == "E332"
    assert str(e.value).startswith(f"[E332] {path}:{line}: at {field}: "), str(e.value)
    assert words in str(e.value) and "\n" not in str(e.value)


def test_the_unchanged_copy_loads(tmp_path: Path) -> None:  # the test above fails for the injection only
    path, _ = _inject(tmp_path, "events/data/verbs.yaml", "recip: true", "recip: true")
    assert _data.load_yaml_file(path) == _data.load_yaml("eventwire.events", "verbs.yaml")


def test_a_missing_header_is_an_error(tmp_path: Path) -> None:
    text = (PKG / "events/data/plover.yaml").read_text("utf-8")
    path = tmp_path / "plover.yaml"
    path.write_text(re.sub(r"(?m)^# schema: .*\n", "", text), "utf-8")
    with pytest.raises(DictionaryError) as e:
        _data.load_yaml_file(path)
    assert e.value.code == "E330" and str(path) in str(e.value)
    path.write_text("# schema: events-no-such-kind\ncodes: {}\n", "utf-8")
    with pytest.raises(DictionaryError) as e:
        _data.load_yaml_file(path)
    assert e.value.code == "E331" and "events-no-such-kind" in str(e.value)
    path.write_text("codes: {}\n# schema: events-plover\n", "utf-8")  # only the header comment counts
    with pytest.raises(DictionaryError) as e:
        _data.load_yaml_file(path)
    assert e.value.code == "E330"


def test_a_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("# schema: ingest-datelines\nnot_places:\n  - A\n  - [B\n", "utf-8")
    with pytest.raises(DictionaryError) as e:
        _data.load_yaml_file(path)
    assert e.value.code == "E302" and f"{path}:" in str(e.value)


def test_a_key_written_twice_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text('# schema: events-plover\ncodes:\n  "08": {event: CONCEDE}\n  "08": {event: RETREAT}\n', "utf-8")
    with pytest.raises(DictionaryError) as e:
        _data.load_yaml_file(path)
    assert e.value.code == "E302" and f"{path}:4" in str(e.value) and "'08' is written twice" in str(e.value)


def test_merge_keys_are_no_duplicates() -> None:
    assert _data.parse_yaml("a: &x {p: 1}\nb:\n  <<: *x\n  p: 2\n", "m.yaml") == {"a": {"p": 1}, "b": {"p": 2}}


def test_user_dictionaries_are_checked_with_an_explicit_kind() -> None:
    """``--dictionaries`` files carry no header: the caller names the kind. Dates may be ``date`` objects or
    strings, and the ``__line__`` keys of a line-tracking loader are ignored."""
    text = "- names: [Jane Doe]\n  periods:\n    - {from: 2020-01-01, to: null, country: usa}\n"
    data = yaml.safe_load(text)
    assert isinstance(data[0]["periods"][0]["from"], dt.date)
    with pytest.raises(DictionaryError) as e:
        _data.validate_data(data, "actors-persons", "my.yaml", text)
    assert str(e.value).startswith("[E332] my.yaml:3: at [0].periods[0].country: 'usa' does not match")
    good = [
        {
            "__line__": 1,
            "names": ["Jane Doe"],
            "periods": [{"__line__": 3, "from": "2020-01-01", "to": None, "country": "USA", "sectors": ["GOV"]}],
        }
    ]
    assert _data.validate_data(good, "actors-persons", "my.yaml") is good
    with pytest.raises(DictionaryError) as e:  # without the text: no line, still the field
        _data.validate_data([{"names": "Jane"}], "actors-persons", "my.yaml")
    assert str(e.value).startswith("[E332] my.yaml: at [0].names: 'Jane' is not of type 'array'")


def test_yaml_boolean_keys_are_seen_as_json_strings() -> None:
    # a bare `on:` is read as True by YAML 1.1; the schema sees the JSON key "true"
    assert _data.plain({True: [dt.date(2020, 1, 2)], "__line__": 4}) == {"true": ["2020-01-02"]}


def test_field_paths() -> None:
    assert _data.field_path(["verbs", "shoot down", 1, "code"]) == "verbs['shoot down'][1].code"
    assert _data.field_path([0, "names"]) == "[0].names"
    assert _data.field_path([]) == "top level"
