"""The actor dictionaries: schema errors name file and line; conflicts warn; coverage of ISO states."""

from __future__ import annotations

import shutil
import warnings
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from eventwire.actors import lexicon
from eventwire.errors import DictionaryError

DATA = Path(str(resources.files("eventwire.actors").joinpath("data")))


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


def _copy_data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    return d


def test_every_iso_state_has_a_name(lex) -> None:
    codes = {f.entry.country for forms in lex.forms.values() for f in forms if f.entry.kind == "country"}
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in codes]
    assert missing == []


@pytest.mark.parametrize(
    "phrase,kind,code",
    [
        ("russia", "country", "RUS"),
        ("azerbaijani", "demonym", "AZE"),
        ("moscow", "capital", "RUS"),
        ("kremlin", "seat", "RUS"),
        ("nato", "igo", "IGO"),
        ("osce minsk group", "igo", "IGO"),
        ("ivory coast", "country", "CIV"),
        ("palestinians", "demonym", "PSE"),
    ],
)
def test_names(lex, phrase, kind, code) -> None:
    assert (kind, code) in [(f.entry.kind, f.entry.country) for f in lex.forms[phrase]]


@pytest.mark.parametrize(
    "phrase,sectors",
    [
        ("minister of defense", ("GOV", "MIL")),
        ("defence minister", ("GOV", "MIL")),
        ("chief military prosecutor", ("JUD", "MIL")),
        ("deputy prosecutor general", ("JUD",)),
        ("foreign minister", ("GOV",)),
        ("police", ("COP",)),
        ("policemen", ("COP",)),
        ("rebels", ("REB",)),
        ("protesters", ("OPP",)),
        ("colonel general", ("MIL",)),
        ("parliament", ("LEG",)),
    ],
)
def test_sectors(lex, phrase, sectors) -> None:
    assert sectors in [f.entry.sectors for f in lex.forms[phrase]]


def test_plurals() -> None:
    assert lexicon.plurals("minister") == ["ministers"]
    assert lexicon.plurals("head of state") == ["heads of state"]
    assert lexicon.plurals("policeman") == ["policemen"]
    assert lexicon.plurals("army") == ["armies"]
    assert lexicon.plurals("police chief") == ["police chiefs"]


def test_bad_sector_code_names_file_and_line(tmp_path) -> None:
    d = _copy_data(tmp_path)
    p = d / "sectors.yaml"
    lines = p.read_text("utf-8").splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("roles:"))
    lines.insert(i + 1, "  - {terms: [harbour master], sectors: [XYZ]}")
    p.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    assert e.value.code == "E332"  # the schema of sectors.yaml (actors-sectors) lists the sector codes
    assert e.value.where == f"{p}:{i + 2}"
    assert "XYZ" in e.value.message and "roles[0].sectors[0]" in e.value.message


def test_unknown_country_code_is_an_error(tmp_path) -> None:
    d = _copy_data(tmp_path)
    p = d / "countries.yaml"
    p.write_text(p.read_text("utf-8") + "QQQ: {names: [Atlantis]}\n", "utf-8")
    n = len(p.read_text("utf-8").splitlines())
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    assert e.value.where == f"{p}:{n}" and "QQQ" in e.value.message


def test_bad_yaml_names_line(tmp_path) -> None:
    d = _copy_data(tmp_path)
    p = d / "igos.yaml"
    p.write_text(p.read_text("utf-8") + "- {names: [Broken\n", "utf-8")
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    assert e.value.code == "E302" and str(p) in (e.value.where or "")


def test_bad_person_date(tmp_path) -> None:
    d = _copy_data(tmp_path)
    p = d / "persons.yaml"
    p.write_text(
        p.read_text("utf-8") + "- names: [Ana Test]\n  periods:\n    - {from: 2020-13-45, "
        "country: PRT, sectors: [GOV]}\n",
        "utf-8",
    )
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    assert "bad date" in e.value.message and (e.value.where or "").startswith(str(p) + ":")


def test_conflicting_entries_warn_once(tmp_path) -> None:
    d = _copy_data(tmp_path)
    p = d / "igos.yaml"
    p.write_text(p.read_text("utf-8") + "- {names: [NATO, Nato], code: NGO}\n", "utf-8")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        lex = lexicon.load(d)
    msgs = [str(x.message) for x in w if "E310" in str(x.message)]
    assert len(msgs) == 1 and "NATO" in msgs[0]
    assert [f.entry.country for f in lex.forms["nato"]][0] == "IGO"  # the first entry wins


def test_shipped_dictionaries_load_without_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lexicon.load()


def test_person_periods(lex) -> None:
    import datetime as dt

    e = next(f.entry for f in lex.forms["putin"] if f.entry.kind == "person")
    assert e.person_code(dt.date(2015, 1, 1)) == ("RUS", ("GOV",))
    assert e.person_code(dt.date(1990, 1, 1)) == (None, ())
