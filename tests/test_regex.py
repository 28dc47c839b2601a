"""The pre-checked patterns of ``eventwire._regex``: same matches as ``re``, fewer scans."""

from __future__ import annotations

import re

import pytest

from eventwire._regex import Scouted

PATTERNS = [
    r"\bRelated Coverage\b",
    r"(?i)\b(?:file\s+)?(?:photo(?:graph)?|picture|image)s?(?:\s+credit)?\s*:\s*[^\n.;:()]{0,80}",
    r"\b(?:REUTERS|AFP|AP)(?:\s(?:Photo|Images))?\s?/\s?[A-Z][\w.'-]*",
    r"(?<![\w.,/-])\d{1,3}-\d{1,3}(?![\w/%-]|\.\d)",
    r"\bfirst (?:half|innings|set|round)\b",
    r"(?m)^\s*By\s+[A-Z][\w.'-]+",
    r"x?y*",  # matches the empty string: no requirement
]
TEXTS = [
    "", "Related Coverage: more", "related coverage", "A photo: AFP staff", "PHOTO CREDIT : Jane",
    "AFP/Jane Doe filed it", "AP Photo/John Smith", "The score was 3-1 in the first half.", "2019-10-08",
    "By Jane Doe\nThe talks", "Kelvin \u212a photo: x", "\u0130MAGE: somebody", "nothing to see here",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_same_matches_as_re(pattern: str) -> None:
    s, r = Scouted(pattern), re.compile(pattern)
    for text in TEXTS:
        assert [m.span() for m in s.finditer(text)] == [m.span() for m in r.finditer(text)], text
        assert s.findall(text) == r.findall(text)
        assert (s.search(text) is None) == (r.search(text) is None)


def test_required_literals() -> None:
    s = Scouted(r"\bRelated Coverage\b")
    assert s.needs == (("related coverage",),)
    assert not s.possible("Unrelated text") and s.possible("See Related Coverage below")
    photo = Scouted(r"(?i)\b(?:photo|picture)s?\s*:")
    assert (":",) in photo.needs
    assert not photo.possible("a photo of the talks") and photo.possible("Picture: AFP")
    assert Scouted(r"x?y*").needs == ()


def test_literal_prefix_left_to_re() -> None:
    assert Scouted(r"Slideshow \(\d+ images\)").needs == ()  # ``re`` already searches a literal prefix fast


def test_case_odd_letters_scan_in_full() -> None:
    s = Scouted(r"(?i)\bimages?\s*:")
    text = "\u0130MAGE: somebody"  # dotted capital I: str.lower() differs from re.IGNORECASE
    assert s.possible(text)
    assert [m.span() for m in s.finditer(text)] == [m.span() for m in s.regex.finditer(text)]


def test_lower_given_once() -> None:
    s = Scouted(r"\bClick here\b")
    text = "Please Click here now"
    assert [m.group(0) for m in s.finditer(text, text.lower())] == ["Click here"]


def test_flags_argument() -> None:
    s = Scouted(r"\b(?:last|next)\s+week\b", re.I)
    assert s.ignorecase
    text = "It happened LAST WEEK in the capital."
    assert [m.group(0) for m in s.finditer(text)] == ["LAST WEEK"]
    assert not s.possible("It happened on Monday.")
