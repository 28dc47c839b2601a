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
    "",
    "Related Coverage: more",
    "related coverage",
    "A photo: AFP staff",
    "PHOTO CREDIT : Jane",
    "AFP/Jane Doe filed it",
    "AP Photo/John Smith",
    "The score was 3-1 in the first half.",
    "2019-10-08",
    "By Jane Doe\nThe talks",
    "Kelvin \u212a photo: x",
    "\u0130MAGE: somebody",
    "nothing to see here",
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


def test_every_letter_re_folds_unlike_lower_is_scanned_in_full() -> None:
    # over all of Unicode: where ``re.IGNORECASE`` matches an ASCII letter that ``str.lower`` would not find,
    # or where lower-casing changes the length, the text must be scanned in full
    from eventwire._regex import _CASE_ODD

    missing = []
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        low = c.lower()
        if len(low) != 1 and any(x.isascii() and x.isalpha() for x in low):
            if c not in _CASE_ODD:
                missing.append(c)
            continue
        if low.isascii():
            continue
        for letter in "iksIKS":  # the ASCII letters with Unicode case partners (re._casefix, Kelvin sign)
            if re.fullmatch(letter, c, re.IGNORECASE) and c not in _CASE_ODD:
                missing.append(c)
    assert not missing, [hex(ord(c)) for c in missing]


@pytest.mark.parametrize("text", ["\u0130STANBUL police said", "\u0131stanbul police said", "Istanbul police said"])
def test_turkish_letters_match_as_their_ascii_spellings(text: str) -> None:
    s = Scouted(r"(?i)\bistanbul police\b")
    assert s.search(text) is not None
    assert [m.span() for m in s.finditer(text)] == [m.span() for m in s.regex.finditer(text)]


def test_pattern_with_an_odd_letter_gets_no_pre_check() -> None:
    s = Scouted(r"(?i)\bk\u0131l\u0131\u00e7daro\u011flu\b")
    assert s.needs == ()
    assert s.search("KILIÇDAROĞLU said") is not None and s.regex.search("KILIÇDAROĞLU said") is not None
