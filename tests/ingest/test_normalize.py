"""Normalisation keeps every offset: one character in, one character out."""

from __future__ import annotations

from eventwire.ingest import normalize
from eventwire.ingest.normalize import _MAP


def test_every_mapping_is_one_to_one() -> None:
    assert all(len(k) == 1 and len(v) == 1 for k, v in _MAP.items())
    everything = "".join(_MAP)
    assert len(normalize(everything)) == len(everything)


def test_typical_wire_oddities() -> None:
    s = ("Azerbaijan`s \u201cpartners\u201d\u00a0met \u2014 in\u2009Baku\u2019s\u00adcentre "
         "\uff08today\uff09\x92s\u2026")
    n = normalize(s)
    assert len(n) == len(s)
    assert n == "Azerbaijan's \"partners\" met - in Baku's centre (today)'s\u2026"


def test_plain_text_unchanged() -> None:
    s = "Plain ASCII text, with\nnewlines and (punctuation)."
    assert normalize(s) == s
