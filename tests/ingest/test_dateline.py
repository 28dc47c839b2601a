"""Dateline forms at the start of a story body, and texts that must not lose their first words."""

from __future__ import annotations

import pytest

from eventwire.ingest import match_dateline

FORMS = [
    # text, place, region, agency, (month, day, year), body starts with
    ("Baku, October 8, AZERTAC\n\nAzerbaijan`s minister met", "Baku", None, "AZERTAC", (10, 8, None), "Azerbaijan"),
    ("MOSCOW, June 6. /TASS/. Russia will send", "Moscow", None, "TASS", (6, 6, None), "Russia"),
    ("WASHINGTON (Reuters) - The United States said", "Washington", None, "Reuters", (None, None, None), "The"),
    ("KABUL, Afghanistan (AP) — Taliban envoys arrived", "Kabul", "Afghanistan", "AP", (None, None, None), "Taliban"),
    ("UNITED NATIONS, March 3 (Xinhua) -- The Security Council", "United Nations", None, "Xinhua", (3, 3, None), "The"),
    ("PARIS, Jan 5 (AFP) - France urged", "Paris", None, "AFP", (1, 5, None), "France"),
    ("BEIJING, March 3 (Xinhua) -- China and Laos", "Beijing", None, "Xinhua", (3, 3, None), "China"),
    ("ANKARA (AA) - Turkey hosted", "Ankara", None, "AA", (None, None, None), "Turkey"),
    ("MOSCOW, March 4 /ITAR-TASS/ - Officials", "Moscow", None, "TASS", (3, 4, None), "Officials"),
    ("SANAA, Yemen, Nov. 3, 2015 (Reuters) - Rebels", "Sanaa", "Yemen", "Reuters", (11, 3, 2015), "Rebels"),
    ("Kyiv, 5 March (Ukrinform) - Ukraine asked", "Kyiv", None, "Ukrinform", (3, 5, None), "Ukraine"),
    ("RIO DE JANEIRO, Sept. 12 (Reuters) - Brazil", "Rio de Janeiro", None, "Reuters", (9, 12, None), "Brazil"),
    ("Tehran, IRNA -- Iran's president", "Tehran", None, "IRNA", (None, None, None), "Iran's"),
    ("(AP) — A court in Lagos", None, None, "AP", (None, None, None), "A court"),
    ("WASHINGTON — Senators voted", "Washington", None, None, (None, None, None), "Senators"),
    ("CAIRO, May 2 - Egypt reopened", "Cairo", None, None, (5, 2, None), "Egypt"),
    ("Friday, October 1, 2011 -- Police in Lima", None, None, None, (10, 1, 2011), "Police"),
    ("ISLAMABAD, Nov 29 (APP): Pakistan and Iran", "Islamabad", None, "APP", (11, 29, None), "Pakistan"),
    ("NEW YORK, Oct 8 (Reuters Health) - Doctors", "New York", None, "Reuters", (10, 8, None), "Doctors"),
    ("NEW DELHI: Prime Minister", "New Delhi", None, None, (None, None, None), "Prime"),
    ("AFP -- Protesters marched", None, None, "AFP", (None, None, None), "Protesters"),
    ("YEREVAN, OCTOBER 8, ARMENPRESS. Armenia and", "Yerevan", None, "Armenpress", (10, 8, None), "Armenia"),
]


@pytest.mark.parametrize(("text", "place", "region", "agency", "mdy", "body"), FORMS, ids=[f[0][:24] for f in FORMS])
def test_dateline_forms(
    text: str,
    place: str | None,
    region: str | None,
    agency: str | None,
    mdy: tuple[int | None, int | None, int | None],
    body: str,
) -> None:
    d = match_dateline(text)
    assert d is not None
    assert (d.place, d.region, d.agency) == (place, region, agency)
    assert (d.month, d.day, d.year) == mdy
    assert text[d.end :].startswith(body)
    assert text.startswith(d.raw) and d.raw == d.raw.strip()


NOT_DATELINES = [
    "Russia, China agree to boost trade on Monday.",
    "Georgia`s Minister of Interior, Major General Levan Dolidze met",
    "The European Union (EU) said on Monday it would act.",
    "In Baku, the talks ended early.",
    "Friday, the talks ended early.",
    "U.S. - China talks resumed on Monday.",
    "BAGHDAD (Iraqi forces)\nentered the town.",
    "Officials said the ceasefire held.",
    "On Monday, June 6, the army withdrew.",
    "DETAILS – The ministry published the list.",
    "EXCLUSIVE - Officials said",
    "NATO: Russia must withdraw.",
    "Russia: talks resume.",
    "",
]


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_not_datelines(text: str) -> None:
    assert match_dateline(text) is None


def test_lenient_header_dateline() -> None:
    d = match_dateline("Baku, October 8, AZERTAC", lenient=True)
    assert d is not None and (d.place, d.agency, d.month, d.day) == ("Baku", "AZERTAC", 10, 8)
    d = match_dateline("Baku", lenient=True)
    assert d is not None and d.place == "Baku" and d.agency is None
    assert match_dateline("Baku") is None  # a bare place in the body is not a dateline


def test_dateline_date_needs_a_year_and_a_valid_day() -> None:
    d = match_dateline("MOSCOW, February 30 (TASS) - x")
    assert d is not None and d.date(2020) is None
    d = match_dateline("MOSCOW, June 6 (TASS) - x")
    assert d is not None and d.date() is None and str(d.date(2020)) == "2020-06-06"
