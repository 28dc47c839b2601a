"""Dated persons and surname forms, credits and bylines, story memory and references, places as context."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib import resources
from pathlib import Path

import pytest

from eventwire.actors import ActorCoder, lexicon
from eventwire.actors.credits import Credits
from eventwire.actors.memory import StoryMemory
from eventwire.actors.places import PlaceCountries
from eventwire.errors import DictionaryError

DATA = Path(str(resources.files("eventwire.actors").joinpath("data")))


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


def _persons(lex) -> dict[str, list]:
    out: dict[str, list] = {}
    for key, forms in lex.forms.items():
        for f in forms:
            if f.entry.kind == "person":
                out.setdefault(key, []).append(f.entry)
    return out


def test_person_periods_are_ordered_and_disjoint(lex) -> None:
    bad = []
    for key, entries in _persons(lex).items():
        for e in entries:
            prev_end = None
            for p in e.periods:
                if p.start and p.end and p.start > p.end:
                    bad.append((key, "from after to", p))
                if prev_end is None and p is not e.periods[0]:
                    bad.append((key, "open period before another", p))
                if prev_end and p.start and p.start < prev_end:
                    bad.append((key, "overlap", p))
                prev_end = p.end
    assert bad == []


def test_persons_cover_many_countries(lex) -> None:
    countries = {p.country for es in _persons(lex).values() for e in es for p in e.periods}
    assert len(countries) >= 60
    assert {"USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IRN", "ISR", "PSE", "UKR", "IGO", "IMG"} <= countries


@pytest.mark.parametrize(
    "phrase,day,code",
    [
        ("obama", dt.date(2012, 1, 1), ("USA", ("GOV",))),
        ("obama", dt.date(2006, 1, 1), ("USA", ("LEG",))),
        ("obama", dt.date(2020, 1, 1), (None, ())),  # surname only, out of office: uncoded
        ("barack obama", dt.date(2020, 1, 1), ("USA", ("ELI",))),  # full name: the default
        ("putin", dt.date(1995, 1, 1), (None, ())),
        ("stoltenberg", dt.date(2016, 1, 1), ("IGO", ("MIL", "NAT"))),
        ("assad", dt.date(2025, 6, 1), (None, ())),
    ],
)
def test_person_code_by_date(lex, phrase, day, code) -> None:
    (entry,) = _persons(lex)[phrase]
    assert entry.person_code(day) == code


def test_short_forms_only_with_periods(lex) -> None:
    assert all(e.periods for es in _persons(lex).values() for e in es if e.short)


def _with_sectors(tmp_path: Path, extra: str) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    with (d / "sectors.yaml").open("a", encoding="utf-8") as fh:
        fh.write(extra)
    return d


def test_bad_switch_names_line(tmp_path: Path) -> None:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    text = (
        (d / "sectors.yaml")
        .read_text("utf-8")
        .replace("roles:\n", "roles:\n  - {terms: [watchman], sectors: [COP], switch: [MIL]}\n", 1)
    )
    (d / "sectors.yaml").write_text(text, "utf-8")
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    assert e.value.code == "E332" and "sectors.yaml" in str(e.value) and "switch" in str(e.value)


def test_bad_person_key(tmp_path: Path) -> None:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    (d / "persons.yaml").write_text("- names: [Jan Novak]\n  surnames: [Novak]\n", "utf-8")
    with pytest.raises(DictionaryError) as e:
        lexicon.load(d)
    # a user file without a header is checked against the kind the loader expects (actors-persons)
    assert e.value.code == "E332" and "persons.yaml:2" in str(e.value) and "surnames" in str(e.value)


@pytest.mark.parametrize(
    "text,credit",
    [
        ("Crowds gather in the square. REUTERS/Jane Doe", "REUTERS/Jane Doe"),
        ("Photo: AFP", "Photo: AFP"),
        ("Rebels attacked. (Reporting by Ali Khan; Editing by Bo Li)", "(Reporting by Ali Khan; Editing by Bo Li)"),
        ("A man waves a flag. Sam Lee/AFP via Getty Images", "Sam Lee/AFP via Getty Images"),
        ("Photo by Chris Lane/Getty Images", "Photo by Chris Lane/Getty Images"),
        # SOURCE via AGENCY: an agency, a handout or a photographer before "via" (round 5)
        ("Divers search the harbour, March 4, 2021. Yonhap via REUTERS", "Yonhap via REUTERS"),
        ("The envoy arrives in Osaka, Japan May 9, 2022. Kyodo/via REUTERS", "Kyodo/via REUTERS"),
        ("Troops parade in this undated photo. KCNA via REUTERS\nThe army said", "KCNA via REUTERS"),
        ("A damaged bridge outside Homs. SANA/Handout via REUTERS", "SANA/Handout via REUTERS"),
        ("Rescuers at the mine. Handout via REUTERS", "Handout via REUTERS"),
        ("A rally in Lima. Tom Reed/Pool via REUTERS", "Tom Reed/Pool via REUTERS"),
        (
            "A drill at sea. Courtesy of the U.S. Navy/Handout via Reuters",
            "Courtesy of the U.S. Navy/Handout via Reuters",
        ),
        ("Smoke over the depot in Kherson. Social media/via REUTERS", "Social media/via REUTERS"),
        (
            "Leaders meet in Ankara. Office of the Prime Minister (PMO)/Handout via AFP",
            "Office of the Prime Minister (PMO)/Handout via AFP",
        ),
    ],
)
def test_credit_spans(text: str, credit: str) -> None:
    spans = Credits().spans(text)
    assert [text[s:e] for s, e in spans] == [credit]


@pytest.mark.parametrize(
    "text",
    [
        "US/Iran talks resumed on Monday.",
        "The photo by state media showed the ruins.",
        "He gave credit to the mediators.",
        "Writers by the dozen signed the letter.",
        "Ministers held talks via video link on Monday.",
        "Food reached Gaza via Egypt on Friday.",
        "Tehran sent its reply to Washington via Reuters correspondents in Doha.",
        "Fuel arrived via AP Moller ships.",
    ],
)
def test_no_credit_spans(text: str) -> None:
    assert Credits().spans(text) == []


def test_bad_credit_pattern(tmp_path: Path) -> None:
    p = tmp_path / "credits.yaml"
    p.write_text("patterns:\n  - '([unclosed'\n", "utf-8")
    with pytest.raises(DictionaryError) as e:
        Credits(p)
    assert e.value.code == "E303"


def test_dominant_country() -> None:
    m = StoryMemory()
    assert m.dominant(None) is None
    m.add_country("PER", principal=True)
    assert m.dominant(None) == "PER"
    m.add_country("CHL", principal=True)
    assert m.dominant(None) is None
    m.add_country("PER", principal=False)
    m.add_country("PER", principal=False)
    assert m.dominant(None) == "PER"  # 3 against 1
    assert m.dominant("CHL") is None  # 3 against 2


def test_place_countries() -> None:
    pc = PlaceCountries()
    assert pc.country("Samarra") == "IRQ"
    assert pc.country("Ganja") == "AZE"
    assert pc.country("Zzyxville") is None


def test_user_data_dir_without_credits_file(tmp_path: Path) -> None:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    (d / "credits.yaml").unlink()
    assert ActorCoder(d).credits.spans("REUTERS/Jane Doe")  # falls back to the shipped patterns
