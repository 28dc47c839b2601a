"""The datelines of the major national agencies give the place, the date and the agency (who reports the story)."""

from __future__ import annotations

import pytest

from eventwire.ingest.dateline import match_dateline


@pytest.mark.parametrize(
    ("text", "place", "agency", "month", "day"),
    [
        ("Novosibirsk. June 14. INTERFAX - The regional governor said ...", "Novosibirsk", "Interfax", 6, 14),
        ("ASTANA. October 2. KAZINFORM - Kazakhstan's president met ...", "Astana", "Kazinform", 10, 2),
        ("St. Petersburg. July 9. INTERFAX - Police detained ...", "St. Petersburg", "Interfax", 7, 9),
        ("Samarkand (UzA) -- The Uzbek leader received ...", "Samarkand", "UzA", None, None),
        ("Surabaya (ANTARA) - Indonesian police arrested ...", "Surabaya", "Antara", None, None),
        ("Davao (PNA) -- The army said ...", "Davao", "PNA", None, None),
    ],
)
def test_an_agency_dateline_gives_place_date_and_agency(
    text: str, place: str, agency: str, month: int | None, day: int | None
) -> None:
    d = match_dateline(text)
    assert d is not None
    assert (d.place, d.agency, d.month, d.day) == (place, agency, month, day)
    assert text[d.end :].startswith(text.split(" - ")[-1].split(" -- ")[-1][:5])


@pytest.mark.parametrize(
    "text",
    [
        "Paris. The French government said on Monday it would ...",
        "Washington. May 3 was the day the talks failed.",
        "Moscow. May 3. Officials said the talks would go on.",
    ],
)
def test_a_body_that_starts_with_a_place_and_a_period_is_no_dateline(text: str) -> None:
    assert match_dateline(text) is None
