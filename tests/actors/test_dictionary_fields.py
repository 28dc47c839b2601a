"""Dictionary fields (sub-organisation codes, sub-state regions,
ethnic home countries, head-only and equipment roles) are read and validated; the golden cases of the
new rules are in tests/golden/actors_states_places_sectors.jsonl (our own sentences)."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from eventwire.actors import lexicon
from eventwire.errors import DictionaryError

DATA = Path(str(resources.files("eventwire.actors").joinpath("data")))


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


def _entries(lex, phrase: str, kind: str):
    return [f.entry for f in lex.forms[phrase.lower()] if f.entry.kind == kind]


def test_new_fields_are_read(lex) -> None:
    who = _entries(lex, "World Health Organization", "igo")[0]
    assert (who.org, who.sub) == ("UNO", "WHO")
    gaza = _entries(lex, "Gaza", "country")[0]
    assert (gaza.country, gaza.region) == ("PSE", "GZA")
    assert _entries(lex, "karen", "role")[0].home == "MMR"
    assert _entries(lex, "national", "role")[0].head_only
    assert _entries(lex, "drone", "role")[0].equipment
    assert _entries(lex, "protesters", "role")[0].sectors == ("OPP",)


def _copy(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    return d


def _add_role(tmp_path: Path, line: str) -> Path:
    d = _copy(tmp_path)
    p = d / "sectors.yaml"
    lines = p.read_text("utf-8").splitlines()
    i = next(n for n, s in enumerate(lines) if s.startswith("roles:"))
    lines.insert(i + 1, line)
    p.write_text("\n".join(lines) + "\n", "utf-8")
    return d


@pytest.mark.parametrize(
    "line, needle",
    [
        ("  - {terms: [zorbian], sectors: [CVL], home: Zorbia}", "home"),
        ("  - {terms: [zorbian], sectors: [CVL], head_only: sometimes}", "head_only"),
        ("  - {terms: [zorbian tank], sectors: [MIL], equipment: 1}", "equipment"),
    ],
)
def test_bad_role_fields(tmp_path, line, needle) -> None:
    with pytest.raises(DictionaryError) as e:
        lexicon.load(_add_role(tmp_path, line))
    assert needle in e.value.message


def test_sub_needs_an_org(tmp_path) -> None:
    d = _copy(tmp_path)
    p = d / "igos.yaml"
    p.write_text(p.read_text("utf-8") + "- {names: [Zorbian Agency], code: IGO, sub: ZRB}\n", "utf-8")
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    assert "sub" in e.value.message


def test_region_needs_a_country(tmp_path) -> None:
    d = _copy(tmp_path)
    p = d / "countries.yaml"
    text = p.read_text("utf-8").replace("_regions:\n", "_regions:\n  ZRB: {names: [Zorbia Strip]}\n", 1)
    p.write_text(text, "utf-8")
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    assert "_regions" in e.value.message


@pytest.mark.parametrize(
    "extra",
    [
        "terms: [{from: 2020-01-01, to: null}]",  # no sectors
        "terms: []",
        "terms: [{from: 2020-01-01, to: null, sectors: [GOV], note: x}]",
        "terms: [{from: 2020-01-01, to: null, sectors: [XYZ]}]",
    ],
)
def test_bad_group_terms(tmp_path, extra) -> None:
    d = _copy(tmp_path)
    p = d / "groups.yaml"
    p.write_text(
        p.read_text("utf-8") + "- {names: [Zorbian Front], code: AFG, sectors: [REB], " + extra + "}\n", "utf-8"
    )
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    assert "groups.yaml" in str(e.value)


def test_group_terms_by_story_date(tmp_path) -> None:
    import datetime as dt

    d = _copy(tmp_path)
    p = d / "groups.yaml"
    p.write_text(
        p.read_text("utf-8") + "- {names: [Zorbian Front], code: AFG, sectors: [REB], "
        "terms: [{from: 2020-01-01, to: null, sectors: [GOV]}]}\n",
        "utf-8",
    )
    lex = lexicon.load(d)
    e = next(
        f.entry
        for _, (_, forms) in lex.automaton.iter("zorbian front")
        for f in forms
        if f.entry.name == "Zorbian Front"
    )
    assert e.org_sectors(dt.date(2019, 6, 1)) == ("REB",)
    assert e.org_sectors(dt.date(2021, 6, 1)) == ("GOV",)
    assert e.org_sectors(None) == ("REB",)


def test_every_world_region_is_an_international_code() -> None:
    """A world region ("African leaders" -> AFR) is never a state: code_groups.yaml ``world_regions`` lists
    exactly the regions of countries.yaml, so that none is sentence or story country evidence."""
    from eventwire._data import load_yaml
    from eventwire.actors.codes import INTERNATIONAL, WORLD_REGIONS

    regions = load_yaml("eventwire.actors", "countries.yaml")["_world_regions"]
    assert {c for c in regions if c != "__line__"} == WORLD_REGIONS and WORLD_REGIONS <= INTERNATIONAL
