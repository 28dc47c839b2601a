"""Regional IGO codes, parties by governing term, religion codes, the
validation of the new dictionary fields (our own sentences; the golden cases are in
tests/golden/actors_other_parties.jsonl)."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib import resources
from pathlib import Path

import pytest

from eventwire.actors import lexicon
from eventwire.errors import DictionaryError
from eventwire.story import Story

DATA = Path(str(resources.files("eventwire.actors").joinpath("data")))


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


def _entry(lex, phrase: str, kind: str):
    return next(f.entry for f in lex.forms[phrase.lower()] if f.entry.kind == kind)


def test_party_sectors_follow_governing_terms(lex) -> None:
    bjp = _entry(lex, "BJP", "igo")
    assert bjp.org_sectors(dt.date(2016, 1, 1)) == ("GOV", "PTY")
    assert bjp.org_sectors(dt.date(2011, 1, 1)) == ("OPP", "PTY")
    assert bjp.org_sectors(None) == ("PTY",)
    assert _entry(lex, "Hamas", "igo").org_sectors(dt.date(2011, 1, 1)) == ("REB",)  # no terms: as listed


def test_regional_igo_has_region(lex) -> None:
    assert _entry(lex, "European Union", "igo").region == "EUR"
    assert _entry(lex, "United Nations", "igo").region is None


def test_religion_words_are_marked(lex) -> None:
    e = _entry(lex, "sunni", "role")
    assert e.religion and e.sectors == ("MOS", "SUN")
    assert set(e.sectors) <= lexicon.RELIGION_CODES
    assert not lexicon.RELIGION_CODES & lexicon.ROLE_CODES


def _copy(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    return d


@pytest.mark.parametrize(
    "line, code, needle",
    [
        (
            "- {names: [Blue Party], code: ISL, sectors: [PTY], governing: [{from: 2001-01-01, until: null}]}",
            "E332",
            "governing[0].until",
        ),
        (
            "- {names: [Blue Movement], code: ISL, sectors: [REB], governing: [{from: 2001-01-01, to: null}]}",
            "E303",
            "governing",
        ),
        ("- {names: [Northern Pact], code: IGO, org: NPC, region: Europe}", "E332", "region"),
        (
            "- {names: [Blue Party], code: ISL, sectors: [PTY], governing: [{from: 2001-13-01, to: null}]}",
            "E303",
            "bad date",
        ),
    ],
)
def test_bad_group_fields_name_file_and_line(tmp_path, line, code, needle) -> None:
    """E332: the schema (actors-igos) says it; E303: what a schema cannot say (a party, a real date)."""
    d = _copy(tmp_path)
    p = d / "groups.yaml"
    p.write_text(p.read_text("utf-8") + line + "\n", "utf-8")
    n = len(p.read_text("utf-8").splitlines())
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    assert e.value.code == code and e.value.where == f"{p}:{n}" and needle in e.value.message


def test_religion_flag_must_be_boolean(tmp_path) -> None:
    d = _copy(tmp_path)
    p = d / "sectors.yaml"
    lines = p.read_text("utf-8").splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("roles:"))
    lines.insert(i + 1, "  - {terms: [zoroastrian], sectors: [CVL], religion: maybe}")
    p.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    assert "religion" in e.value.message


def _codes(coder, text: str, **kw) -> list[tuple[str, str | None, str]]:
    story = Story(id="t", text=text, **kw)
    return [(m.text, m.code, m.rule) for m in coder.analyze(story).actors]


def test_other_party_is_no_evidence_but_speaker_is(coder) -> None:
    # the country named as the object is the other party; the reporting actor is evidence
    assert ("The cabinet", "---GOV", "role") in _codes(coder, "The cabinet approved the gas deal with Algeria.")
    got = _codes(coder, "The cabinet approved the gas deal, Algerian officials said.")
    assert ("The cabinet", "DZAGOV", "speaker-country") in got  # what Algerian officials said: Algeria's cabinet


def test_religion_follows_roles_in_the_code(coder) -> None:
    got = _codes(coder, "Sunni tribal fighters overran the base in Anbar, Iraqi officials said.")
    codes = [c for t, c, _ in got if "fighters" in t]
    assert codes and codes[0].startswith("IRQREB") and codes[0].endswith("MOSSUN")


def test_visitor_does_not_take_the_dateline(coder) -> None:
    got = _codes(coder, "Visiting Foreign Minister Anna Berg met students.", place="LIMA")
    assert ("Foreign Minister Anna Berg", "---GOV", "foreign") in got
    assert ("students", "PEREDU", "story-country") in got  # the hosts keep the dateline
