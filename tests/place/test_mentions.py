"""Place mentions on the parse and the locator's pieces."""

from __future__ import annotations

from eventwire.place.gazetteer import gazetteer
from eventwire.place.locate import Locator, is_verbal, names_match
from eventwire.place.mentions import find
from eventwire.story import Story


def _texts(nlp, text: str) -> list[str]:
    return [m.text for m in find(gazetteer(), nlp(text))]


def test_chunks_and_matches(nlp) -> None:
    assert _texts(nlp, "The Armenia-Azerbaijan talks moved to Nagorno-Karabakh.") == [
        "Armenia",
        "Azerbaijan",
        "Nagorno-Karabakh",
    ]
    assert _texts(nlp, "Colonel General Zakir Hasanov spoke.") == []
    assert _texts(nlp, "The Azerbaijan Army held drills.") == []


def test_unresolved_village(nlp) -> None:
    ms = find(gazetteer(), nlp("Troops entered the village of Xyzzara near Kabul."))
    assert [m.text for m in ms] == ["Xyzzara", "Kabul"]
    assert ms[0].candidates == []


def test_containment(nlp) -> None:
    ms = find(gazetteer(), nlp("Medics worked in Tripoli, Lebanon."))
    assert ms[0].within == "LBN"


def test_verbal_roots() -> None:
    assert is_verbal("040") and is_verbal("112") and is_verbal("163")
    assert not is_verbal("190") and not is_verbal("0871") and not is_verbal("")


def test_no_events_no_work(nlp) -> None:
    doc = nlp("Nothing happened in Paris.")
    assert Locator().locate(doc, Story(id="x", text=doc.text), [], []) == []  # no error, nothing to locate


def test_names_match() -> None:
    assert names_match("Goražde", ["Gorazde"])
    assert not names_match(None, ["Gorazde"])
