"""Text written without capitals (scraped pages, some headlines) codes the same actors as normal case where the
words are unambiguous; acronyms still need their capitals, and ordinary text keeps needing a capital for names."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.actors.recognize import caseless

SENTENCES = [
    "Armenia's prime minister met the Georgian president in Yerevan on Monday.",
    "Police detained twelve opposition activists in Minsk on Saturday.",
    "The Egyptian foreign ministry condemned the shelling of a hospital in Khartoum.",
    "Kenyan troops attacked al-Shabaab positions in southern Somalia.",
    "Nigeria's president praised the Ghanaian government for its help.",
]


def _triples(text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        ((r["source"] or {}).get("code"), (r["target"] or {}).get("code"), r["cameo"])
        for r in eventwire.code_text(text, date="2024-06-03")
    ]


@pytest.mark.parametrize("text", SENTENCES)
def test_lower_case_text_codes_the_actors_of_normal_case(text: str) -> None:
    normal = _triples(text)
    assert normal, text
    lower = _triples(text.lower())
    assert {(s, t) for s, t, _ in lower} & {(s, t) for s, t, _ in normal}, (normal, lower)


def test_acronyms_keep_needing_their_capitals_in_lower_case_text() -> None:
    codes = {c for s, t, _ in _triples("they told us the talks would go on, police said.") for c in (s, t)}
    assert "USA" not in codes


def test_only_a_text_without_any_capital_is_caseless() -> None:
    assert caseless("police detained twelve activists in minsk.")
    assert not caseless("Police detained twelve activists in minsk.")
    assert not caseless("12 345 -- !")
