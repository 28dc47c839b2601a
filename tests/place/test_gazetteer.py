"""The gazetteer: names, alternate spellings, coordinates, the cache file."""

from __future__ import annotations

import pytest

from eventwire.place import gazetteer as gz


@pytest.fixture(scope="module")
def g() -> gz.Gazetteer:
    return gz.gazetteer()


def test_key_normalises() -> None:
    assert gz.key("Nagorno-Karabakh") == gz.key("nagorno karabakh")
    assert gz.key("Goražde") == "gorazde"
    assert gz.key("U.S.") == "us"
    assert gz.key("The Hague") == "hague"


def test_clean_name() -> None:
    assert gz.clean_name("Kandahār") == "Kandahar"
    assert gz.clean_name("Sāmarrā’") == "Samarra"


@pytest.mark.parametrize(
    "name,canonical,country",
    [
        ("Kiev", "Kyiv", "UKR"),
        ("Kyiv", "Kyiv", "UKR"),
        ("Khatmandu", "Kathmandu", "NPL"),
        ("Karabakh", "Nagorno-Karabakh", "AZE"),
        ("Donbass", "Donbas", "UKR"),
        ("Britain", "United Kingdom", "GBR"),
        ("U.S.", "United States", "USA"),
        ("Burma", "Myanmar", "MMR"),
        ("Stepanakert", "Stepanakert", "AZE"),
    ],
)
def test_alternate_names(g, name, canonical, country) -> None:
    cands = g.lookup(name)
    assert any(p.name == canonical and p.country == country for p, _ in cands), cands


def test_ambiguous_names_have_all_candidates(g) -> None:
    assert {p.country for p, _ in g.lookup("Tripoli")} >= {"LBY", "LBN"}
    assert {(p.country, p.kind) for p, _ in g.lookup("Georgia")} >= {("GEO", "country"), ("USA", "admin1")}


def test_stopwords_are_not_places(g) -> None:
    for w in ("Police", "University", "Tuesday", "President"):
        assert g.lookup(w) == []


def test_coordinates(g) -> None:
    baku = next(p for p, _ in g.lookup("Baku") if p.country == "AZE")
    assert abs(baku.lat - 40.4) < 0.1 and abs(baku.lon - 49.9) < 0.1
    fr = g.country("FRA")
    assert fr is not None and 42 < fr.lat < 51 and -5 < fr.lon < 8  # population centroid inside France
    ga = next(p for p, _ in g.lookup("Georgia") if p.country == "USA")
    assert 30 < ga.lat < 35.5 and -86 < ga.lon < -80


def test_cache_round_trip(tmp_path, monkeypatch) -> None:
    """The first process builds and writes the index; the next loads the file without building."""
    tiny = gz.Gazetteer(
        [("Baku", "AZE", None, 40.4, 49.9, 2000000, "city", "place", 1.5)],
        {"baku": (0,)},
        frozenset({"police"}),
        frozenset({"north"}),
        frozenset({"province"}),
    )
    calls: list[int] = []

    def fake_build() -> gz.Gazetteer:
        calls.append(1)
        return tiny

    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    monkeypatch.setattr(gz, "build", fake_build)
    gz.gazetteer.cache_clear()
    try:
        assert gz.gazetteer() is tiny
        assert len(list(tmp_path.glob("gazetteer-*.marshal"))) == 1
        gz.gazetteer.cache_clear()
        loaded = gz.gazetteer()
        assert calls == [1]
        assert loaded is not tiny and loaded.index == tiny.index and loaded.places == tiny.places
        assert loaded.lookup("BAKU")[0][0].country == "AZE" and loaded.lookup("Police") == []
    finally:
        gz.gazetteer.cache_clear()
